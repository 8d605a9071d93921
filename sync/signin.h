#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace rounds {

class CredentialStore;
class Store;

// Who is signed in on a local database, as stored in its sync_meta.
struct AccountInfo
{
    QString server; // normalised base URL
    QString user; // user name
    QString userId;
    QString role;
    QString displayName;
    QStringList territoryIds;
    bool isSet() const { return !server.isEmpty() && !user.isEmpty(); }
};

struct SignInResult
{
    bool ok = false;
    QString message; // why not, or a warning when ok (no keychain)
    bool keychainAvailable = true; // false: the token lives in memory for this run only
    // The server answered 403 device_revoked: this computer must wipe the account's data (the caller
    // closes the store and runs wipeLocalData); `message` says why.
    bool deviceRevoked = false;
    QString token;
    AccountInfo account;
};

// Signing in and out, shared by the window and rounds-cli: the login request, the account stored in
// the database (a database belongs to one user on one server), the token in the keychain.
class SignIn final
{
public:
    SignIn(Store &store, CredentialStore &credentials);

    AccountInfo account() const;
    SignInResult signIn(
        const QUrl &server, const QString &user, const QString &password, const QString &deviceName);
    // The token saved by an earlier sign-in, for an offline start or a sync; empty when there is none.
    SignInResult restore() const;
    // Revokes the token on the server when reachable, forgets it locally, keeps every local record.
    SignInResult signOut();

private:
    Store &m_store;
    CredentialStore &m_credentials;
};

} // namespace rounds
