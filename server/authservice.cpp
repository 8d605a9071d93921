#include "server/authservice.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"
#include "server/feed.h"
#include "server/log.h"
#include "server/loginlimiter.h"
#include "server/passwords.h"

#include <QJsonObject>

namespace rounds::server {

using namespace rounds::protocol;

AuthService::AuthService(Storage &storage, Options options)
    : m_storage(storage)
    , m_options(options)
    , m_shared(dynamic_cast<LoginLimiter *>(&storage))
{ }

namespace {

// The limiter's keys: one per address and user name, one per address. No address starts with \x1f, so
// the two kinds never meet whatever a user name holds.
QString pairKey(const QString &username, const QString &source)
{
    return source + QLatin1Char('\x1f') + username;
}

QString addressKey(const QString &source)
{
    return QStringLiteral("\x1f@") + source;
}

} // namespace

int AuthService::admit(const QString &username, const QString &source)
{
    // The address first: a guesser who tries many names from one address is stopped there, and the
    // pair's count is not spent on an attempt that is refused anyway.
    const int wait = admitKey(addressKey(source), m_options.maxFailedPerAddress);
    if (wait != 0)
        return wait;
    return admitKey(pairKey(username, source), m_options.maxFailedLogins);
}

int AuthService::admitKey(const QString &key, int maxAttempts)
{
    if (m_shared) {
        // Several instances on one database: the counts live there, so a guesser cannot spread attempts
        // over the instances. A store that cannot count refuses the attempt (fails closed).
        int wait = 0;
        QString error;
        if (!m_shared->admitLogin(key, maxAttempts, m_options.failureWindowSeconds, &wait, &error))
            return -1;
        return wait;
    }
    // One critical section for "may this attempt go ahead" and "count it": concurrent guesses cannot
    // all pass the check before any of them is counted. A success takes its count back (forgive).
    QMutexLocker lock(&m_failuresMutex);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto expire = [&](QList<QDateTime> &times) {
        while (!times.isEmpty() && times.first().secsTo(now) >= m_options.failureWindowSeconds)
            times.removeFirst();
    };
    // Names tried once and never again must not pile up: sweep the whole table now and then.
    if (++m_attemptsSinceSweep >= 1024) {
        m_attemptsSinceSweep = 0;
        for (auto it = m_failures.begin(); it != m_failures.end();) {
            expire(it.value());
            it = it.value().isEmpty() ? m_failures.erase(it) : std::next(it);
        }
    }
    QList<QDateTime> &times = m_failures[key];
    expire(times);
    if (times.size() >= maxAttempts)
        return int(std::max<qint64>(1, m_options.failureWindowSeconds - times.first().secsTo(now)));
    times.append(now);
    return 0;
}

void AuthService::forgive(const QString &key)
{
    if (m_shared) {
        m_shared->forgiveLogin(key);
        return;
    }
    QMutexLocker lock(&m_failuresMutex);
    auto it = m_failures.find(key);
    if (it == m_failures.end())
        return;
    if (!it.value().isEmpty())
        it.value().removeLast();
    if (it.value().isEmpty())
        m_failures.erase(it);
}

ApiReply AuthService::login(const QJsonObject &body, const QString &source, const DeviceContact &headers)
{
    for (const char *key : {"username", "password"}) {
        if (!body.value(QLatin1String(key)).isString())
            return ApiReply::error(400, ErrorCode::InvalidRequest,
                QStringLiteral("field '%1' must be a string").arg(QLatin1String(key)),
                QString::fromLatin1(key));
    }
    const QJsonValue deviceValue = body.value(QLatin1String("device_name"));
    if (!deviceValue.isUndefined() && !deviceValue.isNull() && !deviceValue.isString())
        return ApiReply::error(400, ErrorCode::InvalidRequest,
            QStringLiteral("field 'device_name' must be a string"), QStringLiteral("device_name"));
    for (const char *key : {"device_id", "client_version"}) {
        const QJsonValue v = body.value(QLatin1String(key));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return ApiReply::error(400, ErrorCode::InvalidRequest,
                QStringLiteral("field '%1' must be a string").arg(QLatin1String(key)),
                QString::fromLatin1(key));
    }
    const QString username = body.value(QLatin1String("username")).toString();
    const QString password = body.value(QLatin1String("password")).toString();
    const QString device = deviceValue.toString().left(200);
    DeviceContact contact = headers;
    if (body.value(QLatin1String("device_id")).isString()) {
        contact.id = body.value(QLatin1String("device_id")).toString();
        if (!devices::validId(contact.id))
            return ApiReply::error(400, ErrorCode::InvalidRequest,
                QStringLiteral("field 'device_id' must have 1 to 64 letters, digits, '-' or '_'"),
                QStringLiteral("device_id"));
    }
    if (body.value(QLatin1String("client_version")).isString())
        contact.clientVersion = body.value(QLatin1String("client_version")).toString().left(40);
    contact.name = device;
    // User names are at most 64 characters (user add refuses longer ones): a longer one cannot log in,
    // and must not grow the rate limiter's table or the request log.
    if (username.isEmpty() || username.size() > 64)
        return ApiReply::error(401, ErrorCode::Unauthorized, QStringLiteral("wrong user name or password"));

    const int wait = admit(username, source);
    if (wait < 0)
        return ApiReply::error(
            500, ErrorCode::Internal, QStringLiteral("the server could not check the login limit"));
    if (wait > 0) {
        ApiReply r = ApiReply::error(429, ErrorCode::RateLimited,
            QStringLiteral("too many failed logins; try again in %1 s").arg(wait));
        r.headers << qMakePair(QByteArray("Retry-After"), QByteArray::number(wait));
        return r;
    }
    std::optional<UserRow> user;
    std::optional<DeviceRow> known;
    QString error;
    if (!m_storage.read(
            [&](StoreReader &r) {
                user = r.userByName(username);
                if (contact.isSet())
                    known = r.device(contact.id);
            },
            &error))
        return ApiReply::error(
            500, ErrorCode::Internal, QStringLiteral("the server could not read its data"));
    if (known && known->revoked()) {
        ApiReply r = devices::revokedReply(*known);
        r.user = username;
        return r;
    }
    const bool good = passwords::verify(password, user ? user->passwordHash : passwords::dummyHash());
    if (!user || !good || !user->active) {
        ApiReply r
            = ApiReply::error(401, ErrorCode::Unauthorized, QStringLiteral("wrong user name or password"));
        r.user = username;
        return r;
    }
    forgive(pairKey(username, source));
    forgive(addressKey(source));
    const QString token = tokens::generate();
    const QString expires
        = QDateTime::currentDateTimeUtc().addSecs(m_options.tokenTtlSeconds).toString(Qt::ISODateWithMs);
    Principal principal;
    const bool ok = m_storage.write(
        [&](StoreWriter &w) {
            w.deleteExpiredTokens(nowUtc());
            w.putToken(tokens::digest(token), TokenRow {user->id, device, expires, false, contact.id});
            if (contact.isSet())
                devices::record(w, w.device(contact.id), user->id, contact);
            principal.scope = scopeFor(w, roleFromString(user->role), user->homeTerritoryId, user->id);
            return true;
        },
        &error);
    if (!ok)
        return ApiReply::error(
            500, ErrorCode::Internal, QStringLiteral("the server could not store the session"));
    principal.id = user->id;
    principal.username = user->username;
    principal.displayName = user->displayName;
    principal.role = roleFromString(user->role);
    ApiReply r = ApiReply::ok(QJsonObject {{QStringLiteral("token"), token},
        {QStringLiteral("expires_at"), expires}, {QStringLiteral("user"), principal.toJson()}});
    r.user = username;
    return r;
}

std::optional<Principal> AuthService::authenticate(
    const QByteArray &authorization, ApiReply *failure, const DeviceContact &device)
{
    auto deny = [&](const QString &message) {
        *failure = ApiReply::error(401, ErrorCode::Unauthorized, message);
        return std::nullopt;
    };
    if (!authorization.startsWith("Bearer ") || authorization.size() < 8)
        return deny(QStringLiteral("this request needs an Authorization: Bearer token"));
    const QByteArray hash = tokens::digest(QString::fromLatin1(authorization.mid(7).trimmed()));
    std::optional<Principal> principal;
    std::optional<DeviceRow> revoked;
    std::optional<DeviceRow> known;
    DeviceContact contact = device;
    QString reason;
    QString error;
    const bool ok = m_storage.read(
        [&](StoreReader &r) {
            const std::optional<TokenRow> t = r.token(hash);
            // The device the token was issued to is the one that answers for it, whatever a header says.
            if (t && !t->deviceId.isEmpty())
                contact.id = t->deviceId;
            if (contact.isSet()) {
                known = r.device(contact.id);
                if (known && known->revoked()) {
                    revoked = known;
                    return;
                }
            }
            if (!t || t->revoked) {
                reason = QStringLiteral("unknown or revoked token; log in again");
                return;
            }
            if (t->expiresAt <= nowUtc()) {
                reason = QStringLiteral("the token has expired; log in again");
                return;
            }
            const std::optional<UserRow> u = r.userById(t->userId);
            if (!u || !u->active) {
                reason = QStringLiteral("the account is disabled");
                return;
            }
            Principal p;
            p.id = u->id;
            p.username = u->username;
            p.displayName = u->displayName;
            p.role = roleFromString(u->role);
            p.homeTerritoryId = u->homeTerritoryId;
            p.device = t->device;
            p.tokenHash = hash;
            p.scope = scopeFor(r, p.role, p.homeTerritoryId, p.id);
            principal = p;
        },
        &error);
    if (!ok) {
        *failure
            = ApiReply::error(500, ErrorCode::Internal, QStringLiteral("the server could not read its data"));
        return std::nullopt;
    }
    if (revoked) {
        *failure = devices::revokedReply(*revoked);
        return std::nullopt;
    }
    if (!principal)
        return deny(reason);
    principal->deviceId = contact.id;
    if (devices::needsRecording(known, principal->id, contact)) {
        // Best effort: a failed record of the last contact does not fail the request.
        QString recordError;
        m_storage.write(
            [&](StoreWriter &w) {
                devices::record(w, w.device(contact.id), principal->id, contact);
                return true;
            },
            &recordError);
    }
    return principal;
}

ApiReply AuthService::logout(const Principal &user)
{
    QString error;
    if (!m_storage.write(
            [&](StoreWriter &w) {
                w.revokeToken(user.tokenHash);
                return true;
            },
            &error))
        return ApiReply::error(
            500, ErrorCode::Internal, QStringLiteral("the server could not end the session"));
    return ApiReply::noContent();
}

} // namespace rounds::server
