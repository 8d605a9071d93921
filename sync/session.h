#pragma once

#include "models/store.h"
#include "sync/credentialstore.h"
#include "sync/signin.h"
#include "sync/syncengine.h"

#include <QObject>
#include <QUrl>

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
    // False (nothing opened) when there is no such database: the user has to sign in.
    bool restoreLastAccount();
    // Opens a database file as it is (--db): its account, and its token when the keychain has one.
    bool openDatabase(const QString &path, QString *error);
    // Signs in, opening (or creating) the account's database; starts a first sync on success.
    SignInResult signIn(const QUrl &server, const QString &user, const QString &password);
    // Forgets the token (revoked on the server when reachable); local data stays.
    void signOut();

    Store *store() const { return m_store.get(); }
    SyncEngine *engine() { return &m_engine; }
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

private:
    bool openStore(const QString &path, QString *error);
    void closeStore();
    void pointEngine();

    std::unique_ptr<Store> m_store;
    CredentialStore m_credentials;
    SyncEngine m_engine;
    AccountInfo m_account;
    QString m_token;
    QString m_notice;
};

} // namespace rounds
