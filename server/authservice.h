#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>

namespace rounds::server {

class LoginLimiter;

// Logins, bearer tokens and the per-user-name limit on failed logins.
class AuthService final
{
public:
    struct Options
    {
        qint64 tokenTtlSeconds = 30 * 24 * 3600;
        int maxFailedLogins = 5; // per user name and window
        int failureWindowSeconds = 60;
    };

    AuthService(Storage &storage, Options options);

    ApiReply login(const QJsonObject &body);
    // The user behind an `Authorization: Bearer …` header, or the 401 to answer.
    std::optional<Principal> authenticate(const QByteArray &authorization, ApiReply *failure);
    ApiReply logout(const Principal &user);

private:
    // 0 and the attempt counted, or the seconds to wait (the attempt refused); -1 when the shared
    // limiter's store failed.
    int admit(const QString &username);
    void forgive(const QString &username); // a successful login takes its count back

    Storage &m_storage;
    Options m_options;
    LoginLimiter *m_shared = nullptr; // the store's own limiter (PostgreSQL), else counted in memory
    QMutex m_failuresMutex;
    QHash<QString, QList<QDateTime>> m_failures;
    int m_attemptsSinceSweep = 0;
};

// The admin commands' side of users: create (with a hashed password) and disable (revoking tokens).
struct UserSpec
{
    QString username;
    QString displayName;
    QString role;
    QString territoryCode; // home territory by code; empty for sfe/admin
    QString password;
    QString id; // chosen by the caller (demo) or random when empty
};

bool addUser(Storage &storage, const UserSpec &spec, QString *error);
bool disableUser(Storage &storage, const QString &username, QString *error);
// Gives a user another role (and, with `territoryCode`, another home territory). Tokens stay valid: the
// next pull answers for the new role, and the client drops what that role may not hold.
bool setUserRole(Storage &storage, const QString &username, const QString &role, const QString &territoryCode,
    QString *error);

} // namespace rounds::server
