#pragma once

#include "sync/syncsession.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QUrl>

#include <atomic>
#include <memory>

namespace rounds {

class SyncWorker;

// The GUI's sync engine: runs SyncSession on a worker thread with its own connection to the account's
// database, so the window stays responsive during a first sync of hundreds of thousands of records.
// Syncs on request, every N minutes, shortly after a local save, and when the network comes back;
// never two at once (a request during a sync queues exactly one more).
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
    bool isSyncing() const { return m_running; }

public slots:
    void syncNow();
    // Call after every local save: a sync follows shortly, batching a burst of saves into one.
    void localChangeSaved();
    void cancel();

signals:
    void syncStarted();
    void progress(const rounds::SyncProgress &progress);
    void syncFinished(const rounds::SyncSummary &summary);
    // Rows the sync changed in the database, for the GUI's models to refresh.
    void recordsChanged(const QString &entity, const QStringList &ids);

private:
    void onWorkerFinished(const rounds::SyncSummary &summary);
    void watchNetwork();

    QThread m_thread;
    SyncWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    Account m_account;
    bool m_running = false;
    bool m_again = false;
    QTimer m_periodic;
    QTimer m_saveDelay;
    QTimer m_retry;
    int m_failures = 0;
};

} // namespace rounds
