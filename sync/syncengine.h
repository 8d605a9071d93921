#pragma once

#include "sync/syncsession.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

namespace rounds {

class Store;
class SyncWorker;

// The GUI's sync engine: runs SyncSession on a worker thread with its own connection to the account's
// database, so the window stays responsive during a first sync of hundreds of thousands of records.
// Syncs on request, every N minutes, shortly after every change the watched store queues, when the
// network comes back, and — so that what others decide (a manager's approval) arrives within seconds —
// every few seconds while the window is in front (a "live pull", less often behind other windows, not
// at all while offline). Never two at once (a request during a sync queues exactly one more).
class SyncEngine final : public QObject
{
    Q_OBJECT
public:
    struct Account
    {
        QString dbPath;
        QUrl server;
        QString user;
        QString token;
        QString caFile; // optional company CA, PEM
    };

    explicit SyncEngine(QObject *parent = nullptr);
    ~SyncEngine() override;

    void setAccount(const Account &account);
    void setAutoSyncMinutes(int minutes); // 0: only on request and after saves
    void setSaveDelayMs(int ms) { m_saveDelay.setInterval(ms); }
    // Every change `store` queues for the server (Store::localChangeQueued) calls localChangeSaved():
    // views never ask for a sync themselves, so no writer can forget it.
    void watch(Store *store);
    // Seconds between live pulls while the window is in front (setForeground); behind other windows
    // BackgroundFactor times as long. 0: no live pulls.
    void setLivePullSeconds(int seconds);
    int livePullSeconds() const { return m_livePullSeconds; }
    void setForeground(bool foreground);
    static constexpr int BackgroundFactor = 6;
    bool isSyncing() const { return m_running; }
    // The last attempt could not reach the server (network, 5xx, 429): set as soon as a request is
    // being retried, cleared by the next sync that succeeds.
    bool isOffline() const { return m_offline; }
    // The running sync is a live pull nobody asked for: the window does not announce it.
    bool isBackgroundSync() const { return m_running && m_background; }
    bool isLivePullScheduled() const { return m_live.isActive(); }
    // A sync for saved changes is due after the save delay.
    bool isSaveSyncScheduled() const { return m_saveDelay.isActive(); }

public slots:
    void syncNow();
    // After every local save (the watched store calls it): a sync follows shortly, batching a burst of
    // saves into one; a steady stream of saves still syncs at least every MaxBurstFactor delays.
    void localChangeSaved();
    void cancel();

signals:
    void offlineChanged(bool offline);
    void syncStarted();
    void progress(const rounds::SyncProgress &progress);
    void syncFinished(const rounds::SyncSummary &summary);
    // Rows the sync changed in the database, for the GUI's models to refresh.
    void recordsChanged(const QString &entity, const QStringList &ids);

private:
    static constexpr int MaxBurstFactor = 5;
    void startSync(bool background);
    void onWorkerFinished(const rounds::SyncSummary &summary);
    void setOffline(bool offline);
    void scheduleLivePull();
    void watchNetwork();

    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    Account m_account;
    bool m_running = false;
    bool m_again = false;
    bool m_background = false;
    bool m_offline = false;
    bool m_foreground = true;
    int m_livePullSeconds = 0;
    QPointer<Store> m_watched;
    QTimer m_periodic;
    QTimer m_saveDelay;
    QElapsedTimer m_burst; // since the first save the pending save-delay sync waits for
    QTimer m_retry;
    QTimer m_live;
    int m_failures = 0;
};

} // namespace rounds
