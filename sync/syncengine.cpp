#include "sync/syncengine.h"

#include "models/store.h"
#include "sync/log.h"

#include <QNetworkInformation>

namespace rounds {

// Lives on the engine's thread; owns that thread's Store connection and ApiClient.
class SyncWorker final : public QObject
{
    Q_OBJECT
public:
    void run(
        const rounds::SyncEngine::Account &account, std::shared_ptr<std::atomic_bool> cancel, bool background)
    {
        SyncSummary summary;
        if (!m_store || m_store->path() != account.dbPath) {
            m_store = std::make_unique<Store>();
            const StoreOpenResult opened
                = m_store->openSecondary(account.dbPath); // the GUI holds the primary
            if (!opened.ok) {
                m_store.reset();
                summary.error.kind = ApiError::Client;
                summary.error.message = opened.message;
                emit finished(summary);
                return;
            }
            connect(m_store.get(), &Store::recordsChanged, this, &SyncWorker::recordsChanged);
        }
        ApiClient api(account.server);
        api.setToken(account.token);
        api.setCancelFlag(std::move(cancel)); // set from the GUI thread; polled here
        // A live pull nobody waits for tries once: when the server cannot be reached the engine is
        // offline at once and its retry timer takes over, instead of a minute of back-off that a sync
        // the user asks for would have to queue behind.
        if (background)
            api.setRetryPolicy(RetryPolicy {1, 0, 0, 15'000});
        if (!account.caFile.isEmpty()) {
            QString error;
            if (!api.addCaCertificates(account.caFile, &error))
                qCWarning(lcSync) << error;
        }
        // A retry means the server cannot be reached right now: the window says so at once instead of
        // showing "Syncing…" through a minute of back-off.
        connect(&api, &ApiClient::retrying, this, &SyncWorker::unreachable, Qt::DirectConnection);
        SyncSession session(*m_store, api);
        connect(&session, &SyncSession::progress, this, &SyncWorker::progress);
        summary = session.run();
        emit finished(summary);
    }

signals:
    void progress(const rounds::SyncProgress &progress);
    void finished(const rounds::SyncSummary &summary);
    void unreachable();
    void recordsChanged(const QString &entity, const QStringList &ids);

private:
    std::unique_ptr<Store> m_store;
};

SyncEngine::SyncEngine(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<SyncProgress>();
    qRegisterMetaType<SyncSummary>();
    qRegisterMetaType<SyncEngine::Account>("rounds::SyncEngine::Account");
    m_worker = new SyncWorker;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &SyncWorker::progress, this, &SyncEngine::progress);
    connect(m_worker, &SyncWorker::finished, this, &SyncEngine::onWorkerFinished);
    connect(m_worker, &SyncWorker::recordsChanged, this, &SyncEngine::recordsChanged);
    connect(m_worker, &SyncWorker::unreachable, this, [this] { setOffline(true); });
    m_thread.setObjectName(QStringLiteral("rounds-sync"));
    m_thread.start();

    m_periodic.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_periodic, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_saveDelay.setSingleShot(true);
    m_saveDelay.setInterval(3000);
    connect(&m_saveDelay, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &SyncEngine::syncNow);
    m_live.setSingleShot(true);
    connect(&m_live, &QTimer::timeout, this, [this] {
        if (!m_running)
            startSync(true);
    });
    watchNetwork();
}

SyncEngine::~SyncEngine()
{
    *m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void SyncEngine::setAccount(const Account &account)
{
    m_account = account;
    // The worker thread's connection needs the store's key, which only this thread reads from the
    // keychain (models/storekeys.h); an error shows when the worker opens the file.
    if (!account.dbPath.isEmpty()) {
        const QString keyError = Store::prepareKey(account.dbPath);
        if (!keyError.isEmpty())
            qCWarning(lcSync) << keyError;
    }
    setOffline(false);
    scheduleLivePull();
}

void SyncEngine::watch(Store *store)
{
    if (m_watched)
        disconnect(m_watched, &Store::localChangeQueued, this, nullptr);
    m_watched = store;
    if (store)
        connect(store, &Store::localChangeQueued, this, &SyncEngine::localChangeSaved);
}

void SyncEngine::setLivePullSeconds(int seconds)
{
    m_livePullSeconds = qMax(0, seconds);
    scheduleLivePull();
}

void SyncEngine::setForeground(bool foreground)
{
    if (m_foreground == foreground)
        return;
    m_foreground = foreground;
    scheduleLivePull();
}

void SyncEngine::scheduleLivePull()
{
    m_live.stop();
    // Offline the retry timer and the network watcher take over; pulling every few seconds would only
    // keep the status bar saying "Syncing…".
    if (m_livePullSeconds <= 0 || m_offline || m_running || m_account.token.isEmpty())
        return;
    const int factor = m_foreground ? 1 : BackgroundFactor;
    m_live.start(m_livePullSeconds * factor * 1000);
}

void SyncEngine::setOffline(bool offline)
{
    if (m_offline == offline)
        return;
    m_offline = offline;
    if (offline)
        m_live.stop();
    emit offlineChanged(offline);
}

void SyncEngine::setAutoSyncMinutes(int minutes)
{
    if (minutes <= 0) {
        m_periodic.stop();
        return;
    }
    m_periodic.start(minutes * 60 * 1000);
}

void SyncEngine::syncNow()
{
    startSync(false);
}

void SyncEngine::startSync(bool background)
{
    if (m_account.dbPath.isEmpty() || m_account.token.isEmpty())
        return;
    if (m_running) {
        m_again = true;
        return;
    }
    m_running = true;
    m_background = background;
    m_again = false;
    m_retry.stop();
    m_live.stop();
    m_saveDelay.stop(); // this sync pushes what the pending save-delay sync would have
    emit syncStarted();
    const Account account = m_account;
    // A fresh flag per sync: a cancel reaches exactly the sync it was meant for, even before it starts.
    m_cancel = std::make_shared<std::atomic_bool>(false);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, account, cancel = m_cancel, background] {
            worker->run(account, cancel, background);
        },
        Qt::QueuedConnection);
}

void SyncEngine::localChangeSaved()
{
    if (!m_saveDelay.isActive())
        m_burst.start();
    else if (m_burst.elapsed() >= qint64(m_saveDelay.interval()) * MaxBurstFactor)
        return; // a steady stream of saves does not put the sync off for ever
    m_saveDelay.start();
}

void SyncEngine::cancel()
{
    m_again = false;
    *m_cancel = true; // an atomic the running session polls between requests
}

void SyncEngine::onWorkerFinished(const SyncSummary &summary)
{
    m_running = false;
    if (summary.ok) {
        m_failures = 0;
        setOffline(false);
    } else if (summary.error.isRetryable()) {
        // Offline or the server is down: try again on a timer (1, 2, 4 … up to 15 minutes).
        setOffline(true);
        m_failures = qMin(m_failures + 1, 5);
        m_retry.start(qMin(15, 1 << (m_failures - 1)) * 60 * 1000);
    }
    emit syncFinished(summary);
    if (m_again)
        syncNow();
    else
        scheduleLivePull();
}

void SyncEngine::watchNetwork()
{
    if (!QNetworkInformation::loadDefaultBackend() || !QNetworkInformation::instance())
        return; // no backend on this system: the periodic and retry timers cover it
    connect(QNetworkInformation::instance(), &QNetworkInformation::reachabilityChanged, this,
        [this](QNetworkInformation::Reachability r) {
            if (r == QNetworkInformation::Reachability::Online) {
                qCInfo(lcSync) << "network is back: syncing";
                syncNow();
            }
        });
}

} // namespace rounds

#include "syncengine.moc"
