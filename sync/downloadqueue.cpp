#include "sync/downloadqueue.h"

#include "models/localfiles.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/filetransfer.h"
#include "sync/log.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QTimer>

#include <QMutexLocker>
#include <QSet>
#include <algorithm>

namespace rounds {

void DownloadRequests::add(const QString &sha256)
{
    QMutexLocker lock(&m_mutex);
    m_hashes.removeAll(sha256);
    m_hashes.prepend(sha256); // the newest request first
}

QStringList DownloadRequests::list() const
{
    QMutexLocker lock(&m_mutex);
    return m_hashes;
}

void DownloadRequests::remove(const QString &sha256)
{
    QMutexLocker lock(&m_mutex);
    m_hashes.removeAll(sha256);
}

DownloadRunner::DownloadRunner(Store &store, ApiClient &api, std::shared_ptr<DownloadRequests> requests)
    : m_store(store)
    , m_api(api)
    , m_requests(requests ? std::move(requests) : std::make_shared<DownloadRequests>())
{ }

DownloadProgress DownloadRunner::run()
{
    DownloadProgress p;
    p.running = true;
    QSet<QString> skipped; // failed in this run: tried again by the next one
    QDir().mkpath(localfiles::downloadFolderFor(m_store.path()));
    while (!m_api.isCancelled()) {
        QList<PlannedDownload> plan;
        QString error;
        if (!downloadplan::pending(&m_store, m_requests->list(), &plan, &error)) {
            p.error = error;
            break;
        }
        plan.erase(std::remove_if(plan.begin(), plan.end(),
                       [&](const PlannedDownload &d) { return skipped.contains(d.sha256); }),
            plan.end());
        p.filesTotal = p.filesDone + int(plan.size());
        qint64 left = 0;
        for (const PlannedDownload &d : std::as_const(plan))
            left += d.size;
        p.bytesTotal = p.bytesDone + left;
        if (plan.isEmpty())
            break;
        const PlannedDownload next = plan.first();
        p.current = next.sha256;
        p.currentBytes = 0;
        p.currentTotal = next.size;
        emit progress(p);
        FileTransfer transfer(m_api);
        transfer.setStore(&m_store);
        connect(&transfer, &FileTransfer::progress, this, [&](qint64 done, qint64 total) {
            // A size the record did not state (a thumbnail, a receipt) counts once the transfer knows it.
            const qint64 known = total > 0 ? total : std::max(p.currentTotal, done);
            if (known != p.currentTotal) {
                p.bytesTotal += known - p.currentTotal;
                p.currentTotal = known;
            }
            p.currentBytes = done;
            emit progress(p);
        });
        const FileTransferResult r
            = transfer.download(next.sha256, localfiles::downloadPathFor(m_store.path(), next.sha256));
        p.current.clear();
        if (r.ok) {
            ++p.filesDone;
            p.bytesDone += p.currentTotal > 0 ? p.currentTotal : r.size;
            p.bytesResumed += r.resumedFrom;
            p.currentBytes = 0;
            p.currentTotal = 0;
            p.bytesTotal = std::max(p.bytesTotal, p.bytesDone);
            m_requests->remove(next.sha256);
            emit fileReady(next.sha256);
            continue;
        }
        p.error = r.error;
        if (m_api.isCancelled())
            break;
        const bool refused
            = r.hashMismatch || (r.httpStatus >= 400 && r.httpStatus < 500 && r.httpStatus != 429);
        if (!refused) {
            // The server cannot be reached, failed, or the connection broke mid-file: stop; the queue
            // resumes (from the .part) when the sync reaches the server again.
            qCInfo(lcSync).noquote() << "downloads paused at" << next.sha256 << "(HTTP" << r.httpStatus
                                     << "):" << r.error;
            p.offline = true;
            emit fileFailed(next.sha256, r.error);
            break;
        }
        // A wrong hash (the partial is gone) or a 404 (not readable, or not uploaded yet): this file
        // waits for the next run; the others go on.
        qCWarning(lcSync).noquote() << "download of" << next.sha256 << "failed:" << r.error;
        ++p.filesFailed;
        skipped.insert(next.sha256);
        m_requests->remove(next.sha256);
        emit fileFailed(next.sha256, r.error);
    }
    if (!m_api.isCancelled()) {
        QString error;
        downloadplan::prune(&m_store, QDateTime::currentDateTimeUtc(), &error);
    }
    p.running = false;
    p.current.clear();
    if (p.filesFailed == 0 && !p.offline)
        p.error.clear();
    emit progress(p);
    return p;
}

// Lives on the queue's thread; owns that thread's store connection.
class DownloadWorker final : public QObject
{
    Q_OBJECT
public:
    void run(const rounds::SyncEngine::Account &account, std::shared_ptr<std::atomic_bool> cancel,
        std::shared_ptr<DownloadRequests> requests)
    {
        DownloadProgress p;
        // A connection of its own for each run, closed at its end: nothing holds the file between runs
        // (sign-out may wipe it).
        Store store;
        const StoreOpenResult opened = store.openSecondary(account.dbPath);
        if (!opened.ok) {
            p.error = opened.message;
            emit finished(p);
            return;
        }
        ApiClient api(account.server);
        api.setToken(account.token);
        api.setCancelFlag(std::move(cancel));
        api.setRetryPolicy(RetryPolicy {1, 0, 0, 15'000});
        if (!account.caFile.isEmpty()) {
            QString error;
            if (!api.addCaCertificates(account.caFile, &error))
                qCWarning(lcSync) << error;
        }
        DownloadRunner runner(store, api, std::move(requests));
        connect(&runner, &DownloadRunner::progress, this, &DownloadWorker::progress);
        connect(&runner, &DownloadRunner::fileReady, this, &DownloadWorker::fileReady);
        connect(&runner, &DownloadRunner::fileFailed, this, &DownloadWorker::fileFailed);
        emit finished(runner.run());
    }

signals:
    void progress(const rounds::DownloadProgress &progress);
    void fileReady(const QString &sha256);
    void fileFailed(const QString &sha256, const QString &error);
    void finished(const rounds::DownloadProgress &progress);
};

DownloadQueue::DownloadQueue(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<DownloadProgress>();
    qRegisterMetaType<SyncEngine::Account>("rounds::SyncEngine::Account");
    m_worker = new DownloadWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &DownloadWorker::progress, this, [this](const DownloadProgress &p) {
        m_status = p;
        m_status.running = m_running;
        emit progressChanged(m_status);
    });
    connect(m_worker, &DownloadWorker::fileReady, this, &DownloadQueue::fileReady);
    connect(m_worker, &DownloadWorker::fileFailed, this, &DownloadQueue::fileFailed);
    connect(m_worker, &DownloadWorker::finished, this, &DownloadQueue::onFinished);
    m_thread.setObjectName(QStringLiteral("rounds-downloads"));
    m_thread.start(QThread::LowPriority);
}

DownloadQueue::~DownloadQueue()
{
    *m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void DownloadQueue::setAccount(const SyncEngine::Account &account)
{
    if (account.dbPath != m_account.dbPath || account.token != m_account.token)
        *m_cancel = true; // the run in flight belongs to the previous account
    m_account = account;
}

void DownloadQueue::kick()
{
    if (m_account.dbPath.isEmpty() || m_account.token.isEmpty() || m_offline)
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_again = false;
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_status.running = true;
    m_status.offline = false;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, account = m_account, cancel = m_cancel, requests = m_requests] {
            worker->run(account, cancel, requests);
        },
        Qt::QueuedConnection);
}

void DownloadQueue::request(const QString &sha256)
{
    m_requests->add(sha256);
    kick();
}

void DownloadQueue::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    if (offline)
        *m_cancel = true; // pause: the file in flight keeps its .part
    else
        kick();
}

void DownloadQueue::stop()
{
    *m_cancel = true;
    m_again = false;
    m_account = {};
    // Waits for the worker to let go of the file in flight and of the database (it checks the flag
    // every 0.1 s; its store connection closes at the end of every run).
    const QDeadlineTimer deadline(30'000);
    while (m_running && !deadline.hasExpired()) {
        QEventLoop wait;
        connect(this, &DownloadQueue::finished, &wait, &QEventLoop::quit);
        QTimer::singleShot(100, &wait, &QEventLoop::quit);
        wait.exec();
    }
}

void DownloadQueue::onFinished(const DownloadProgress &progress)
{
    m_running = false;
    m_status = progress;
    m_status.running = false;
    emit progressChanged(m_status);
    emit finished(m_status);
    if (m_again)
        kick();
}

} // namespace rounds

#include "downloadqueue.moc"
