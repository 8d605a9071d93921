#pragma once

#include "server/feed.h"
#include "server/principal.h"
#include "server/storage.h"

#include <QJsonObject>

namespace rounds::server {

// The sync endpoints of PROTOCOL.md: pull (cursors, snapshots, revokes, epoch) and push (validation,
// authorization, idempotency, field-level merge with the per-entity policies, change requests).
class SyncService final
{
public:
    struct Limits
    {
        int maxMutations = 1000;
        int defaultPullLimit = 5000;
        int maxPullLimit = 50000;
    };

    explicit SyncService(Storage &storage);
    SyncService(Storage &storage, Limits limits);

    ApiReply pull(const Principal &user, const QJsonObject &body);
    ApiReply push(const Principal &user, const QJsonObject &body);

    const Limits &limits() const { return m_limits; }

private:
    QJsonObject applyMutation(const Principal &user, const QJsonObject &mutation);

    Storage &m_storage;
    Limits m_limits;
};

} // namespace rounds::server
