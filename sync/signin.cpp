#include "sync/signin.h"

#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/credentialstore.h"
#include "sync/device.h"
#include "sync/offlinepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

SignIn::SignIn(Store &store, CredentialStore &credentials)
    : m_store(store)
    , m_credentials(credentials)
{ }

AccountInfo SignIn::account() const
{
    AccountInfo a;
    a.server = m_store.meta(QStringLiteral("server"));
    a.user = m_store.meta(QStringLiteral("user"));
    a.userId = m_store.meta(QStringLiteral("user_id"));
    a.role = m_store.meta(QStringLiteral("role"));
    a.displayName = m_store.meta(QStringLiteral("display_name"));
    for (const QJsonValue &v :
        QJsonDocument::fromJson(m_store.meta(QStringLiteral("territory_ids")).toUtf8()).array())
        a.territoryIds << v.toString();
    return a;
}

SignInResult SignIn::signIn(
    const QUrl &server, const QString &user, const QString &password, const QString &deviceName)
{
    SignInResult r;
    const QString serverUrl = server.toString();
    const AccountInfo existing = account();
    if (existing.isSet() && (existing.server != serverUrl || existing.user != user)) {
        r.message
            = ApiClient::tr("This local database belongs to %1 on %2.").arg(existing.user, existing.server);
        return r;
    }
    ApiClient api(server);
    api.setRetryPolicy(RetryPolicy {2, 500, 1000, 30'000}); // a person is waiting: fail fast
    const ApiResponse response = api.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), user}, {QStringLiteral("password"), password},
            {QStringLiteral("device_name"), deviceName}, {QStringLiteral("device_id"), api.deviceId()},
            {QStringLiteral("client_version"), device::clientVersion()}});
    if (!response.ok()) {
        r.deviceRevoked = response.error.kind == ApiError::DeviceRevoked;
        r.message = response.error.httpStatus == 401 ? ApiClient::tr("Wrong user name or password.")
                                                     : response.error.message;
        return r;
    }
    r.token = response.body.value(QStringLiteral("token")).toString();
    const QJsonObject me = response.body.value(QStringLiteral("user")).toObject();
    if (r.token.isEmpty() || me.isEmpty()) {
        r.message = ApiClient::tr("The server's answer to the sign-in is not Rounds data.");
        return r;
    }
    m_store.setMeta(QStringLiteral("server"), serverUrl);
    m_store.setMeta(QStringLiteral("user"), user);
    m_store.setMeta(QStringLiteral("user_id"), me.value(QStringLiteral("id")).toString());
    m_store.setMeta(QStringLiteral("role"), me.value(QStringLiteral("role")).toString());
    m_store.setMeta(QStringLiteral("display_name"), me.value(QStringLiteral("display_name")).toString());
    m_store.setMeta(QStringLiteral("territory_ids"),
        QString::fromUtf8(QJsonDocument(me.value(QStringLiteral("territory_ids")).toArray())
                              .toJson(QJsonDocument::Compact)));
    offlinepolicy::recordContact(m_store);
    const CredentialStore::Result saved = m_credentials.save(serverUrl, user, r.token);
    r.ok = true;
    r.keychainAvailable = saved.keychainAvailable;
    r.message = saved.message;
    r.account = account();
    return r;
}

SignInResult SignIn::restore() const
{
    SignInResult r;
    r.account = account();
    if (!r.account.isSet()) {
        r.message = ApiClient::tr("Not signed in.");
        return r;
    }
    const CredentialStore::Result cred = m_credentials.read(r.account.server, r.account.user);
    r.keychainAvailable = cred.keychainAvailable;
    r.token = cred.token;
    r.ok = cred.ok && !cred.token.isEmpty();
    if (!r.ok)
        r.message = cred.message.isEmpty()
            ? ApiClient::tr("Signed out: sign in again to sync. Your local data is kept.")
            : cred.message;
    return r;
}

SignInResult SignIn::signOut()
{
    SignInResult r = restore();
    if (!r.account.isSet())
        return r;
    if (!r.token.isEmpty()) {
        ApiClient api {QUrl(r.account.server)};
        api.setToken(r.token);
        api.setRetryPolicy(RetryPolicy {1, 0, 0, 10'000});
        api.post(QStringLiteral("/api/v1/auth/logout"),
            QJsonObject {}); // best effort: offline sign-out still forgets
    }
    const CredentialStore::Result removed = m_credentials.remove(r.account.server, r.account.user);
    r.ok = removed.ok;
    r.message = removed.message;
    r.token.clear();
    return r;
}

} // namespace rounds
