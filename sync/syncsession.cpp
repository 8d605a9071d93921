#include "sync/syncsession.h"

#include "common/protocol/wire.h"
#include "models/store.h"
#include "models/store/storebatch.h"
#include "sync/evidenceupload.h"
#include "sync/log.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QThread>

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>

namespace rounds {

using protocol::Cursors;
using protocol::PullPage;
using protocol::PullRequest;
using protocol::PushAnswer;
using protocol::PushRequest;
using protocol::PushResult;

namespace {

const QString kPullPath = QStringLiteral("/api/v1/sync/pull");
const QString kWithheldFields = QStringLiteral("withheld_fields");

// Fetches pulled pages on a thread of its own with a clone of the session's client (same server, token,
// CAs, retry policy and cancel flag), so the server builds and sends page n+1 while the session applies
// page n. One request at a time; the answer is handled exactly as if the session had asked itself.
class PageFetcher final
{
public:
    explicit PageFetcher(ApiClient &api)
        : m_api(api.clone().release())
    {
        QObject::connect(m_api, &ApiClient::retrying, &api, &ApiClient::retrying, Qt::DirectConnection);
        m_thread.setObjectName(QStringLiteral("rounds-pull"));
        m_api->moveToThread(&m_thread);
        m_thread.start();
    }
    ~PageFetcher()
    {
        // A request still running (the apply failed, or the sync was cancelled) is stopped and waited
        // for; its answer is dropped, nothing was stored from it.
        if (m_pending.valid()) {
            m_api->abort(); // within 100 ms, even in a retry's back-off
            take();
        }
        QMetaObject::invokeMethod(
            m_api, [api = m_api] { delete api; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    Q_DISABLE_COPY_MOVE(PageFetcher)

    void start(const QJsonObject &body)
    {
        auto promise = std::make_shared<std::promise<ApiResponse>>();
        m_pending = promise->get_future();
        QMetaObject::invokeMethod(
            m_api,
            [api = m_api, promise, body, waiter = &m_waiter, loop = &m_loop] {
                promise->set_value(api->post(kPullPath, body));
                // Wakes the session's thread if it already waits (queued: it quits the loop it spins).
                QMetaObject::invokeMethod(
                    waiter,
                    [loop] {
                        if (*loop)
                            (*loop)->quit();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }
    bool isPending() const { return m_pending.valid(); }
    // Waits for the answer while the calling thread keeps handling its events, as ApiClient's own calls
    // do (objects of that thread, such as a test's proxy, keep working meanwhile).
    ApiResponse take()
    {
        if (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            QEventLoop loop;
            m_loop = &loop;
            // Again after a wake-up left over from an earlier answer that was ready without waiting.
            while (m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
                loop.exec();
            m_loop = nullptr;
        }
        return m_pending.get();
    }

private:
    QThread m_thread;
    QObject m_waiter; // lives on the session's thread
    QEventLoop *m_loop = nullptr; // set while take() waits
    ApiClient *m_api; // lives on m_thread; deleted there
    std::future<ApiResponse> m_pending;
};

} // namespace

QJsonObject SyncSummary::toJson() const
{
    QJsonObject json {{QStringLiteral("ok"), ok}, {QStringLiteral("pushed"), pushed},
        {QStringLiteral("applied"), applied}, {QStringLiteral("merged"), merged},
        {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("rejected"), rejected},
        {QStringLiteral("pulled"), pulled}, {QStringLiteral("revoked"), revoked},
        {QStringLiteral("new_epoch"), newEpoch}, {QStringLiteral("new_role"), newRole},
        {QStringLiteral("duration_ms"), durationMs}};
    if (!ok)
        json.insert(QStringLiteral("error"), error.message);
    return json;
}

SyncSession::SyncSession(Store &store, ApiClient &api, Options options, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_ledger(store)
    , m_api(api)
    , m_options(options)
{ }

void SyncSession::cancel()
{
    m_api.cancel();
}

bool SyncSession::fail(SyncSummary &summary, ApiError::Kind kind, const QString &message)
{
    summary.ok = false;
    summary.error.kind = kind;
    summary.error.message = message;
    return false;
}

template<typename Answer>
std::optional<Answer> SyncSession::answer(const ApiResponse &response, SyncSummary &summary)
{
    if (!response.ok()) {
        summary.ok = false;
        summary.error = response.error;
        return std::nullopt;
    }
    QString why;
    std::optional<Answer> parsed = Answer::fromJson(response.body, &why);
    if (!parsed)
        fail(summary, ApiError::BadResponse, tr("The server sent a malformed change: %1").arg(why));
    return parsed;
}

SyncSummary SyncSession::run()
{
    QElapsedTimer clock;
    clock.start();
    SyncSummary summary;
    summary.ok = true;
    // One sync per database at a time, across processes too (the window and rounds-cli): both would
    // take the same outbox rows and move the same cursors.
    QLockFile lock(m_store.path() + QStringLiteral(".sync-lock"));
    lock.setStaleLockTime(0); // a lock left by a crashed process (no such pid) is taken over
    if (!lock.tryLock(2000)) {
        // A process killed between creating the lock file and writing its pid into it leaves an empty
        // file, which QLockFile never calls stale with a stale time of 0. removeStaleLockFile() deletes
        // it only when no process holds it (on Unix it must get the file's flock, which a live holder
        // keeps), so a sync that is really running keeps its lock.
        if (!lock.removeStaleLockFile() || !lock.tryLock(0)) {
            fail(summary, ApiError::Client, tr("Another sync of this database is running."));
            summary.durationMs = clock.elapsed();
            return summary;
        }
    }
    // A bulk load whose index rebuild failed, or that a crash left for an open() that could not take
    // this lock: no load runs now (we hold the lock), so finish it before anything else.
    if (m_store.isBulkLoading()) {
        QString error;
        if (!m_store.finishBulkLoad(&error))
            qCWarning(lcSync) << "could not finish an earlier bulk load:" << error;
    }
    m_cursorsAtStart = m_store.cursors();
    bool restored = false;
    if (m_store.pendingCount() > 0 && !epochChanged(summary, &restored)) {
        summary.durationMs = clock.elapsed();
        return summary;
    }
    // After the server's data was replaced, pull first: pending changes are re-based on the restored
    // records before they are pushed again.
    if (!restored || pull(summary)) {
        // Files before the records that name them: an approved material needs its file on the server.
        evidenceupload::run(m_store, m_api);
        for (int round = 0; round < m_options.maxRounds; ++round) {
            if (!push(summary) || !pull(summary))
                break;
            // Edits saved while we pulled get pushed in another round, so "synced" means synced.
            if (m_store.pendingCount() == 0)
                break;
        }
    }
    if (summary.ok) {
        // Files of records saved while this sync ran (cheap when nothing is new); a failed upload is
        // tried again next time.
        evidenceupload::run(m_store, m_api);
        m_store.setMeta(
            QStringLiteral("last_sync"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    }
    summary.durationMs = clock.elapsed();
    emit progress(
        SyncProgress {SyncProgress::Done, summary.pushed + summary.pulled, summary.pushed + summary.pulled});
    qCInfo(lcSync).noquote() << "sync" << (summary.ok ? "finished" : "stopped:") << summary.error.message
                             << QJsonDocument(summary.toJson()).toJson(QJsonDocument::Compact);
    return summary;
}

bool SyncSession::epochChanged(SyncSummary &summary, bool *changed)
{
    // Pending changes must not meet a restored server with bases from before the restore: ask for its
    // epoch first (one change at most, not applied).
    *changed = false;
    const QString known = m_store.meta(QStringLiteral("epoch"));
    if (known.isEmpty())
        return true;
    const std::optional<PullPage> page
        = answer<PullPage>(m_api.post(kPullPath, PullRequest {m_store.cursors(), 1}.toJson()), summary);
    if (!page)
        return false;
    *changed = page->epoch != known;
    return true;
}

bool SyncSession::adoptRole(const PullPage &page, SyncSummary &summary, bool *changed)
{
    *changed = false;
    const QString known = m_store.meta(QStringLiteral("role"));
    // The contact fields the server leaves out for this role (docs/privacy.md): records pulled under
    // another policy hold fields this laptop may no longer keep, or lack ones it may now have.
    const QString withheld
        = QString::fromUtf8(QJsonDocument(protocol::privacy::withheldToJson(page.withheldFields).toObject())
                                .toJson(QJsonDocument::Compact));
    QString knownWithheld = m_store.meta(kWithheldFields);
    if (knownWithheld.isEmpty())
        knownWithheld = QStringLiteral("{}");
    const bool newRole = !page.role.isEmpty() && page.role != known;
    if (!newRole && withheld == knownWithheld)
        return true;
    QString error;
    // What a role may hold is the server's decision (a rep never holds per-institution sales): the
    // cursors were advanced past what the old role was not sent, and what it was sent may be more than
    // the new one may keep, so every bucket is pulled again and what the new data lacks is dropped.
    if (!m_store.cursors(&error).isEmpty() || !m_store.meta(QStringLiteral("epoch")).isEmpty()) {
        qCInfo(lcSync) << "the server answers for role" << page.role << "instead of" << known << "withholding"
                       << withheld << "instead of" << knownWithheld << "- full re-sync";
        if (!m_ledger.beginResync(page.epoch, &error))
            return fail(summary, ApiError::Client, error);
        summary.newRole = true;
        *changed = true;
    }
    if ((newRole && !m_store.setMeta(QStringLiteral("role"), page.role))
        || !m_store.setMeta(kWithheldFields, withheld))
        return fail(summary, ApiError::Client, tr("The local database could not store the user's role."));
    return true;
}

bool SyncSession::push(SyncSummary &summary)
{
    const int pendingAtStart = m_store.pendingCount();
    // Each batch either leaves the outbox or is marked rejected; the bound only guards against a
    // store that cannot write, which would otherwise loop.
    int budget = pendingAtStart + m_options.pushBatch;
    int chunkSize = m_options.pushBatch;
    while (budget > 0) {
        if (m_api.isCancelled())
            return fail(summary, ApiError::Cancelled, tr("Sync was cancelled."));
        QString error;
        const QList<OutboxMutation> batch = m_store.takeForPush(m_options.pushBatch, &error);
        if (!error.isEmpty())
            return fail(summary, ApiError::Client,
                tr("The local database could not read the changes to send: %1").arg(error));
        if (batch.isEmpty())
            return true;
        budget -= int(batch.size());
        emit progress(SyncProgress {SyncProgress::Pushing, summary.pushed, qint64(pendingAtStart)});
        for (qsizetype from = 0; from < batch.size();) {
            const QList<OutboxMutation> chunk = batch.mid(from, chunkSize);
            bool tooLarge = false;
            if (!pushChunk(chunk, summary, &tooLarge)) {
                if (!tooLarge)
                    return false;
                if (chunk.size() > 1) {
                    // Over the server's body limit (long notes, Chinese text): halve and go again.
                    chunkSize = int(chunk.size() / 2);
                    summary.ok = true;
                    summary.error = ApiError();
                    continue;
                }
                // One change alone is too large: it can never pass; keep it aside with the reason.
                m_store.reject(chunk.first().mutationId, QStringLiteral("payload_too_large"),
                    summary.error.message, QString());
                ++summary.rejected;
                summary.ok = true;
                summary.error = ApiError();
            }
            from += chunk.size();
        }
    }
    return true;
}

bool SyncSession::pushChunk(const QList<OutboxMutation> &chunk, SyncSummary &summary, bool *tooLarge)
{
    const ApiResponse response
        = m_api.post(QStringLiteral("/api/v1/sync/push"), PushRequest {chunk}.toJson());
    *tooLarge = !response.ok() && response.error.httpStatus == 413;
    const std::optional<PushAnswer> pushAnswer = answer<PushAnswer>(response, summary);
    if (!pushAnswer)
        return false;
    const QList<PushResult> &results = pushAnswer->results;
    if (results.size() != chunk.size())
        return fail(summary, ApiError::BadResponse,
            tr("The server answered %1 results for %2 changes.").arg(results.size()).arg(chunk.size()));
    // The whole answer is recorded in one transaction: one commit (one WAL sync) instead of one per
    // change. Each answer still uses its own savepoint, and whatever was recorded is committed on every
    // path. A crash before the commit leaves those changes queued: they are pushed again with the same
    // mutation ids and the server answers them as the first time.
    StoreBatch batch(m_store);
    if (!batch.isOpen())
        qCWarning(lcSync) << "recording the push answer change by change:" << batch.error();
    bool ok = true;
    for (qsizetype i = 0; i < results.size(); ++i) {
        const PushResult &result = results.at(i);
        if (result.mutationId != chunk.at(i).mutationId) {
            ok = fail(summary, ApiError::BadResponse, tr("The server answered for a different change."));
            break;
        }
        m_answered.insert({chunk.at(i).entity, chunk.at(i).recordId});
        if (!handleResult(result, summary)) {
            ok = false;
            break;
        }
        ++summary.pushed;
    }
    QString commitError;
    if (!batch.commit(&commitError))
        return fail(summary, ApiError::Client,
            tr("The local database could not record the server's answer: %1").arg(commitError));
    return ok;
}

bool SyncSession::handleResult(const PushResult &result, SyncSummary &summary)
{
    QString error;
    bool stored = false;
    switch (result.status) {
    case PushResult::Status::Applied:
    case PushResult::Status::Merged:
        // With the server's record (a merge that kept some of its own values), the row becomes that
        // record at once; without it, the next pull brings it.
        stored = result.record.isEmpty()
            ? m_store.acknowledge(result.mutationId, result.version, &error)
            : m_ledger.acknowledgeWithRecord(result.mutationId, result.version, result.record, &error);
        ++(result.status == PushResult::Status::Applied ? summary.applied : summary.merged);
        break;
    case PushResult::Status::Conflict:
        stored = m_ledger.recordConflict(result.mutationId, PushResult::conflictsToJson(result.conflicts),
            result.record, result.version, result.deleted, &error);
        ++summary.conflicts;
        break;
    case PushResult::Status::Rejected:
        if (result.error.code == QLatin1String(protocol::ErrorCode::Internal)) {
            // The server failed, not the change: it stays queued and goes again with the next sync.
            summary.ok = false;
            summary.error.kind = ApiError::Server;
            summary.error.message
                = tr("The server had a problem storing a change: %1").arg(result.error.message);
            return false;
        }
        stored = m_store.reject(
            result.mutationId, result.error.code, result.error.message, result.error.field, &error);
        ++summary.rejected;
        break;
    }
    if (!stored)
        return fail(summary, ApiError::Client,
            tr("The local database could not record the server's answer: %1").arg(error));
    return true;
}

bool SyncSession::pull(SyncSummary &summary)
{
    bool bulk = false;
    bool ok = pullPages(summary, &bulk);
    if (bulk) {
        // However the pages ended (done, cancelled, the server gone), the indexes come back now: the
        // next sync resumes from the stored cursors with ordinary inserts.
        // A failure (a full disk, a busy file) costs speed, not data: the pages are stored, the next
        // sync tries again (run()), and queries stay correct meanwhile.
        QString error;
        if (!m_store.finishBulkLoad(&error))
            qCWarning(lcSync) << "could not finish the bulk load, next sync retries:" << error;
    }
    if (!ok)
        return false;
    QString error;
    int dropped = 0;
    if (!m_ledger.dropUnheld(m_answered, &dropped, &error))
        return fail(summary, ApiError::Client, error);
    summary.revoked += dropped;
    m_answered.clear();
    m_ledger.closeConflictsOfGoneRecords();
    if (!m_ledger.finishResync(&error)) // a no-op unless a re-sync after a new epoch is under way
        return fail(summary, ApiError::Client, error);
    // The server never sends the role what it may not hold; what an older build kept goes too.
    if (!m_store.dropWithheld(m_store.meta(QStringLiteral("role")), &dropped, &error))
        return fail(summary, ApiError::Client, error);
    summary.revoked += dropped;
    return true;
}

bool SyncSession::pullPages(SyncSummary &summary, bool *bulk)
{
    std::unique_ptr<PageFetcher> fetcher;
    Cursors next; // the cursors of the request the fetcher is running
    for (;;) {
        if (m_api.isCancelled())
            return fail(summary, ApiError::Cancelled, tr("Sync was cancelled."));
        Cursors cursors;
        ApiResponse response;
        if (fetcher && fetcher->isPending()) {
            cursors = next;
            response = fetcher->take();
        } else {
            QString cursorError;
            cursors = m_store.cursors(&cursorError);
            if (!cursorError.isEmpty())
                return fail(summary, ApiError::Client,
                    tr("The local database could not read its sync position: %1").arg(cursorError));
            response = m_api.post(kPullPath, PullRequest {cursors, m_options.pullLimit}.toJson());
        }
        const std::optional<PullPage> page = answer<PullPage>(response, summary);
        if (!page)
            return false;
        if (page->epoch.isEmpty())
            return fail(summary, ApiError::BadResponse, tr("The server's answer has no epoch."));
        const QString knownEpoch = m_store.meta(QStringLiteral("epoch"));
        if (!knownEpoch.isEmpty() && knownEpoch != page->epoch) {
            // The server's data was replaced (a restore): pull everything again, keep every pending
            // change and push it again. Records the new data lacks go only when nothing local is pending.
            qCWarning(lcSync) << "server epoch changed from" << knownEpoch << "to" << page->epoch
                              << "- full re-sync";
            QString error;
            if (!m_ledger.beginResync(page->epoch, &error))
                return fail(summary, ApiError::Client, error);
            summary.newEpoch = true;
            continue;
        }
        const bool heldBefore = std::any_of(page->resetBuckets.begin(), page->resetBuckets.end(),
            [this](const QString &b) { return m_cursorsAtStart.value(b) > 0; });
        if (heldBefore && !m_store.resyncUnderway()) {
            // The server pruned tombstones this laptop has not seen (docs/server.md, "Retention"): the
            // deletes since its cursor are gone from the log, so everything is pulled again and what the
            // server no longer has is dropped, as after a new epoch.
            qCWarning(lcSync) << "deletes since the cursors of" << page->resetBuckets
                              << "were pruned on the server - full re-sync";
            QString error;
            if (!m_ledger.beginResync(page->epoch, &error))
                return fail(summary, ApiError::Client, error);
            fetcher.reset();
            continue;
        }
        bool roleChanged = false;
        if (!adoptRole(*page, summary, &roleChanged))
            return false;
        if (roleChanged) {
            fetcher.reset(); // a page asked for with the old cursors is not wanted any more
            continue;
        }

        if (page->more && m_options.overlapFetch) {
            // The next page is asked for now, from the cursors this page leaves in the store, and read
            // only after this one is stored. Nothing from it is stored before this page's transaction
            // commits, so a crash or an error still resumes from the last whole page.
            next = page->advance(cursors);
            if (!fetcher)
                fetcher = std::make_unique<PageFetcher>(m_api);
            fetcher->start(PullRequest {next, m_options.pullLimit}.toJson());
        }
        const qint64 announced = page->changes.size() + page->remaining;
        if (page->more && cursors.isEmpty() && m_options.bulkLoad && announced >= m_options.bulkLoadFrom
            && !*bulk) {
            // A first sync with more than one page: load in bulk (a failure only costs speed).
            QString error;
            *bulk = m_store.beginBulkLoad(&error);
            if (!*bulk)
                qCWarning(lcSync) << "bulk load not started:" << error;
        }

        // The first page stores the server's epoch in its own transaction, with its cursors.
        const ApplyResult applied = m_store.applyPage(page->changes, page->cursors, page->revokedBuckets,
            knownEpoch.isEmpty() ? page->epoch : QString());
        if (!applied.ok)
            return fail(summary, ApiError::Client,
                tr("The local database could not store the pulled data: %1").arg(applied.error));
        summary.pulled += int(page->changes.size());
        summary.revoked += applied.dropped;
        emit progress(SyncProgress {SyncProgress::Pulling, summary.pulled,
            page->remaining > 0 ? summary.pulled + page->remaining : 0});
        if (!page->more)
            break;
    }
    return true;
}

} // namespace rounds
