#pragma once

#include "server/devices.h"
#include "server/principal.h"
#include "server/storage.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMutex>

namespace rounds::server {

class LoginLimiter;

// Logins, bearer tokens and the limit on failed logins. The limit counts per source address, so guesses
// from one address never lock a user out of another: a user name may fail `maxFailedLogins` times per
// window from one address, and one address may fail `maxFailedPerAddress` times per window whatever
// the names it tries.
class AuthService final
{
public:
    struct Options
    {
        qint64 tokenTtlSeconds = 30 * 24 * 3600;
        int maxFailedLogins = 5; // per user name and source address, per window
        int maxFailedPerAddress = 20; // per source address, all names together, per window
        int failureWindowSeconds = 60;
    };

    AuthService(Storage &storage, Options options);

    // `source` is the client's address (HttpApi::Request::source); in-process callers (the fuzzer) have none.
    // `headers` is the device the request's headers name, used when the body names none. A revoked device
    // gets 403 device_revoked before its password is looked at.
    ApiReply login(const QJsonObject &body, const QString &source = {}, const DeviceContact &headers = {});
    // The user behind an `Authorization: Bearer …` header, or the 401 to answer (403 device_revoked when
    // the token's device, or the one `device` names, was revoked). Records the device's contact.
    std::optional<Principal> authenticate(
        const QByteArray &authorization, ApiReply *failure, const DeviceContact &device = {});
    ApiReply logout(const Principal &user);

private:
    // 0 and the attempt counted under both of its keys, or the seconds to wait (the attempt refused);
    // -1 when the shared limiter's store failed.
    int admit(const QString &username, const QString &source);
    // One key's count: 0 (counted), the seconds to wait, or -1.
    int admitKey(const QString &key, int maxAttempts);
    void forgive(const QString &key); // a successful login takes its count back

    Storage &m_storage;
    Options m_options;
    LoginLimiter *m_shared = nullptr; // the store's own limiter (PostgreSQL), else counted in memory
    QMutex m_failuresMutex;
    QHash<QString, QList<QDateTime>> m_failures;
    int m_attemptsSinceSweep = 0;
};

} // namespace rounds::server
