#pragma once

#include "common/protocol/outboxmutation.h"
#include "server/feed.h"
#include "server/principal.h"
#include "server/storage.h"

#include <QJsonObject>
#include <QSet>

namespace rounds::server {

class FileStore;

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

    // Once a day (and at start): alignments whose valid_from or valid_to date has come move their
    // HCPs between buckets. Cheap when the date has not changed since the last run.
    bool applyAlignmentDates(QString *error);
    // At start: a store whose sales facts came before the server kept their totals gets them (once), so
    // reps' laptops receive them with their next pull.
    bool buildSalesTotals(QString *error);

    // The file store whose files an `approved` material must name (server/contentrules.h); without one,
    // no material may become approved through a push. `rounds-server serve` sets it.
    void setFileStore(FileStore *files) { m_files = files; }

    const Limits &limits() const { return m_limits; }
    Storage &storage() { return m_storage; }

private:
    // One mutation (its mutation_id checked already) inside a store write; false when it changed nothing.
    // `lockedInPush` holds the records ("entity/id") this push locked so far (a visit submitted): their
    // details are still accepted in the same push (docs/sync-protocol.md).
    static bool applyMutationIn(StoreWriter &w, const Principal &user, const OutboxMutation &mutation,
        QJsonObject *result, QSet<QString> *lockedInPush, FileStore *files);
    static QJsonObject internalFailure(const QString &mutationId, const QString &error);

    Storage &m_storage;
    Limits m_limits;
    FileStore *m_files = nullptr;
};

} // namespace rounds::server
