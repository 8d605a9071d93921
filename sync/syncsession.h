#pragma once

#include "common/protocol/pullpage.h"
#include "common/protocol/pushresult.h"
#include "sync/apiclient.h"
#include "sync/syncledger.h"

#include <QElapsedTimer>
#include <QObject>

#include <optional>

namespace rounds {

// What one sync did, for the status bar, `rounds-cli sync` and the logs.
struct SyncSummary
{
    bool ok = false;
    ApiError error; // when !ok: why the sync stopped (local data is always kept)
    int pushed = 0; // mutations sent
    int applied = 0;
    int merged = 0;
    int conflicts = 0; // mutations that came back in conflict (each field is kept for the user)
    int rejected = 0;
    int pulled = 0; // changes received
    int revoked = 0; // records dropped because they left the user's scope
    bool newEpoch = false;
    // The server answered for another role than the data was pulled as (an admin changed it): everything
    // was pulled again, so the laptop holds what the new role may hold and nothing else.
    bool newRole = false;
    qint64 durationMs = 0;

    QJsonObject toJson() const;
};

struct SyncProgress
{
    enum Phase { Pushing, Pulling, Done };
    Phase phase = Pushing;
    qint64 done = 0;
    qint64 total = 0; // an estimate; 0 when unknown
};

// One sync, run to the end on the calling thread (the engine's worker thread, or rounds-cli's main
// thread): push the outbox in batches, pull every bucket until `more` is false, then push again if
// anything was queued meanwhile. Every step is safe to interrupt: the outbox and the cursors only
// move forward after the server's answer has been stored in the same transaction.
class SyncSession final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        int pushBatch = 500; // PROTOCOL.md allows 1000; 500 keeps each answer quick
        int pullLimit = 5000;
        int maxRounds = 3; // push/pull rounds before giving the next edit its own sync
        // Asks for page n+1 (on a second connection, on its own thread) while page n is applied.
        bool overlapFetch = true;
        // A pull that starts with no cursor (a first sync) and announces at least bulkLoadFrom changes
        // loads in bulk mode (see Store::beginBulkLoad()); below that, dropping and building the indexes
        // costs more than it saves.
        bool bulkLoad = true;
        int bulkLoadFrom = 20'000;
    };

    SyncSession(Store &store, ApiClient &api, Options options, QObject *parent = nullptr);
    SyncSession(Store &store, ApiClient &api, QObject *parent = nullptr)
        : SyncSession(store, api, Options {}, parent)
    { }

    SyncSummary run();
    // From any thread: the sync stops at the next request boundary (local data stays consistent).
    void cancel();

signals:
    void progress(const rounds::SyncProgress &progress);

private:
    bool push(SyncSummary &summary);
    bool pushChunk(const QList<OutboxMutation> &chunk, SyncSummary &summary, bool *tooLarge);
    bool pull(SyncSummary &summary);
    bool pullPages(SyncSummary &summary, bool *bulk);
    bool epochChanged(SyncSummary &summary, bool *changed);
    // A page answered for another role than the stored one: starts a full re-sync (what the new role may
    // not hold goes, what it may comes) and stores the role. False when the store failed.
    bool adoptRole(const protocol::PullPage &page, SyncSummary &summary, bool *changed);
    bool handleResult(const protocol::PushResult &result, SyncSummary &summary);
    bool fail(SyncSummary &summary, ApiError::Kind kind, const QString &message);
    // The server's answer read as a wire message (PullPage, PushAnswer), or none with the reason in
    // summary: the failed request's error, or a malformed body.
    template<typename Answer> std::optional<Answer> answer(const ApiResponse &response, SyncSummary &summary);

    Store &m_store;
    SyncLedger m_ledger;
    ApiClient &m_api;
    Options m_options;
    QSet<QPair<QString, QString>> m_answered; // records whose changes the server answered in this sync
    // The cursors when this sync began: a bucket the server resets (pruned tombstones) matters only if
    // this laptop held it from an earlier sync; one first pulled now is below the mark by paging alone.
    protocol::Cursors m_cursorsAtStart;
};

} // namespace rounds

Q_DECLARE_METATYPE(rounds::SyncProgress)
Q_DECLARE_METATYPE(rounds::SyncSummary)
