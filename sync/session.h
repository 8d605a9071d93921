#pragma once

#include "models/store.h"
#include "sync/credentialstore.h"
#include "sync/downloadqueue.h"
#include "sync/localwipe.h"
#include "sync/signin.h"
#include "sync/syncengine.h"

#include <QDateTime>
#include <QObject>
#include <QUrl>

#include <functional>
#include <memory>

namespace rounds {

// The account the window works on: its local database (one per server and user), the token, and the
// sync engine pointed at both. The window works on the database whether or not a token is present:
// signed out means "works offline, cannot sync until you sign in again".
class Session final : public QObject
{
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;
    Q_DISABLE_COPY_MOVE(Session)

    // Store::defaultPath() for a server URL: the host, plus the port when it is not the default one.
    static QString databasePathFor(const QUrl &server, const QString &user);
    // The server and user of the last sign-in (QSettings); the password and token are never kept there.
    static QUrl lastServer();
    static QString lastUser();

    // Opens the last account's database when it exists and restores its token if the keychain has one.
    // False (nothing opened) when there is no such database, or when the account has not reached the
    // server for longer than the company allows (needsPassword()): the user has to sign in.
    bool restoreLastAccount();
    // Opens a database file as it is (--db): its account, and its token when the keychain has one. False
    // with needsPassword() set when the account has been offline too long (offlinepolicy.h).
    bool openDatabase(const QString &path, QString *error);
    // The account whose data waits for its password (offline longer than allowed); empty otherwise.
    bool needsPassword() const { return m_passwordFor.isSet(); }
    AccountInfo passwordAccount() const { return m_passwordFor; }
    // The time the offline limit is measured at; a test injects its own.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Signs in, opening (or creating) the account's database; starts a first sync on success.
    SignInResult signIn(const QUrl &server, const QString &user, const QString &password);
    // Forgets the token (revoked on the server when reachable); local data stays.
    void signOut();
    // Before a sign-out that removes the data: one sync to send what waits (blocking, at most
    // `timeoutMs`), then how many local changes have still not reached the server.
    int pushBeforeSignOut(int timeoutMs = 60'000);
    int unsentCount() const;
    // Signs out (best effort on the server) and deletes this account's data from this computer: the
    // database and its side files, the account's folder, the keychain entry (localwipe.h). The store is
    // closed first, so nothing may use it afterwards: the window calls this only as it closes.
    WipeResult wipeLocalData();
    // Runs wipeLocalData() when this Session is destroyed (after the window that used its store).
    void wipeOnClose() { m_wipeOnClose = true; }
    bool isWipePending() const { return m_wipeOnClose; }

    Store *store() const { return m_store.get(); }
    SyncEngine *engine() { return &m_engine; }
    // The background downloads of synced files (materials first; a receipt when asked): kicked after
    // each sync, paused offline, stopped at sign-out.
    DownloadQueue *downloads() { return &m_downloads; }
    AccountInfo account() const { return m_account; }
    bool isOpen() const { return m_store && m_store->isOpen(); }
    bool isSignedIn() const { return !m_token.isEmpty(); }
    // For the requests the window makes besides sync (a record's history, HistoryFetcher).
    QString token() const { return m_token; }
    // Set when the keychain could not be reached (the token lives for this run only), or the store
    // reported something on opening.
    QString notice() const { return m_notice; }

signals:
    // A database was opened, or the sign-in state changed.
    void accountChanged();
    // The server revoked this computer (403 device_revoked, at a sync or a sign-in): the window tells the
    // user `message` and closes, and the data is wiped (wipeOnClose).
    void deviceRevoked(const QString &message);

private:
    bool openStore(const QString &path, QString *error);
    void closeStore();
    void pointEngine();
    // False, and the store closed with m_passwordFor set, when the account was offline too long.
    bool checkOfflineLimit();
    void waitForEngine(int timeoutMs);

    std::unique_ptr<Store> m_store;
    CredentialStore m_credentials;
    SyncEngine m_engine;
    DownloadQueue m_downloads;
    AccountInfo m_account;
    QString m_token;
    QString m_notice;
    AccountInfo m_passwordFor;
    int m_passwordDays = 0;
    std::function<QDateTime()> m_clock = [] { return QDateTime::currentDateTimeUtc(); };
    bool m_wipeOnClose = false;
};

} // namespace rounds
