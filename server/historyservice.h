#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include <QUrlQuery>

namespace rounds::server {

// GET /api/v1/history (docs/sync-protocol.md, History): a record's audit trail, one entry per change
// (who, when, from which device, each field old → new), paged, for whoever may pull the record.
class HistoryService final
{
public:
    static constexpr int kDefaultLimit = 50;
    static constexpr int kMaxLimit = 200;

    explicit HistoryService(Storage &storage)
        : m_storage(storage)
    { }

    ApiReply history(const Principal &user, const QUrlQuery &query);

private:
    Storage &m_storage;
};

} // namespace rounds::server
