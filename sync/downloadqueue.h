#pragma once

#include "sync/downloadplan.h"
#include "sync/syncengine.h"

#include <QMutex>
#include <QObject>
#include <QStringList>
#include <QThread>

#include <atomic>
#include <memory>

namespace rounds {

class ApiClient;
class Store;

// Where the background downloads stand (the status bar, rounds-cli files --download).
struct DownloadProgress
{
    int filesDone = 0; // fetched in this run
    int filesTotal = 0; // fetched + still pending when last planned
    int filesFailed = 0; // refused in this run (wrong hash, 404): tried again by the next run
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0; // sizes the records state (thumbnails and receipts count once they start)
    qint64 bytesResumed = 0; // of bytesDone, what was on disk already (partials resumed, not re-fetched)
    QString current; // the hash being fetched, empty when idle
    qint64 currentBytes = 0; // of `current`, on disk
    qint64 currentTotal = 0;
    bool running = false;
    bool offline = false; // the last run stopped because the server could not be reached
    QString error; // the last failure in words (English, for the log), empty after a clean run
};

// Hashes asked for now, shared between the GUI thread and the download worker.
class DownloadRequests final
{
public:
    void add(const QString &sha256);
    QStringList list() const;
    void remove(const QString &sha256);

private:
    mutable QMutex m_mutex;
    QStringList m_hashes;
};

// One pass over downloadplan::pending(), one file at a time with FileTransfer (resuming `.part` files)
// into localfiles::downloadPathFor. Blocking: for the queue's worker thread and rounds-cli. Re-plans
// after each file, so a request jumps ahead of what is left. A hash mismatch drops the partial (by
// FileTransfer) and leaves the file for a later run, as does a 404; a network failure, a 5xx or a
// connection broken mid-file ends the run as offline (the .part stays). Then downloadplan::prune().
class DownloadRunner final : public QObject
{
    Q_OBJECT
public:
    DownloadRunner(Store &store, ApiClient &api, std::shared_ptr<DownloadRequests> requests = {});
    // Runs until nothing is pending, the api is cancelled or the server cannot be reached.
    DownloadProgress run();

signals:
    void progress(const rounds::DownloadProgress &progress);
    void fileReady(const QString &sha256);
    void fileFailed(const QString &sha256, const QString &error);

private:
    Store &m_store;
    ApiClient &m_api;
    std::shared_ptr<DownloadRequests> m_requests;
};

class DownloadWorker;

// The client's background downloads (docs/downloads.md): runs DownloadRunner on its own
// thread with its own store connection, so neither the window nor the sync ever waits for a file.
// kick() after each sync and when the app starts online; request() raises one hash to the front (the
// presenter, a manager opening a receipt); setOffline(true) pauses (the file in flight keeps its
// `.part`), setOffline(false) resumes; stop() (sign-out, quit) cancels and waits for the worker.
class DownloadQueue final : public QObject
{
    Q_OBJECT
public:
    explicit DownloadQueue(QObject *parent = nullptr);
    ~DownloadQueue() override;

    void setAccount(const SyncEngine::Account &account);
    const DownloadProgress &status() const { return m_status; }
    bool isRunning() const { return m_running; }

public slots:
    void kick();
    void request(const QString &sha256);
    void setOffline(bool offline);
    void stop();

signals:
    void progressChanged(const rounds::DownloadProgress &progress);
    void fileReady(const QString &sha256);
    void fileFailed(const QString &sha256, const QString &error);
    void finished(const rounds::DownloadProgress &progress);

private:
    void onFinished(const rounds::DownloadProgress &progress);

    QThread m_thread;
    DownloadWorker *m_worker = nullptr;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    std::shared_ptr<DownloadRequests> m_requests = std::make_shared<DownloadRequests>();
    SyncEngine::Account m_account;
    DownloadProgress m_status;
    bool m_running = false;
    bool m_again = false;
    bool m_offline = false;
};

} // namespace rounds

Q_DECLARE_METATYPE(rounds::DownloadProgress)
