#pragma once

#include "common/protocol/historypage.h"
#include "sync/apiclient.h"

#include <QCoreApplication>

namespace rounds {

// A record's history as the server's audit trail keeps it (GET /api/v1/history), every page.
struct HistoryResult
{
    enum Status {
        Ok,
        Offline, // no connection (or no sign-in): history needs the server
        SignedOut, // the token was refused: sign in again
        Unknown, // no record the user may read has this id (not synced yet, deleted, another scope)
        Failed, // anything else; `message` says what
    };
    Status status = Failed;
    protocol::HistoryPage page; // entries of every page, oldest first
    QString message; // translated, for a person
    bool truncated = false; // more than maxEntries; the oldest are shown
    bool ok() const { return status == Ok; }
};

class HistoryClient final
{
    Q_DECLARE_TR_FUNCTIONS(HistoryClient)
public:
    static constexpr int kMaxEntries = 2000;

    explicit HistoryClient(ApiClient &api)
        : m_api(api)
    { }

    // Follows the pages until the trail ends or `maxEntries` are read.
    HistoryResult fetch(const QString &entity, const QString &id, int maxEntries = kMaxEntries);

private:
    ApiClient &m_api;
};

} // namespace rounds
