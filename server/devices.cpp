#include "server/devices.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"

#include <QDateTime>
#include <QHash>

namespace rounds::server::devices {

bool validId(const QString &id)
{
    if (id.isEmpty() || id.size() > 64)
        return false;
    for (const QChar c : id) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('-') && c != QLatin1Char('_')
            && c != QLatin1Char('{') && c != QLatin1Char('}'))
            return false;
    }
    return true;
}

DeviceContact fromHeaders(const QByteArray &deviceId, const QByteArray &clientVersion)
{
    DeviceContact c;
    const QString id = QString::fromLatin1(deviceId.trimmed());
    if (!validId(id))
        return c;
    c.id = id;
    c.clientVersion = QString::fromUtf8(clientVersion.trimmed()).left(40);
    return c;
}

ApiReply revokedReply(const DeviceRow &device)
{
    ApiReply r = ApiReply::error(403, protocol::ErrorCode::DeviceRevoked,
        QStringLiteral("this device was revoked; it must delete its local data"));
    QJsonObject error = r.body.value(QLatin1String("error")).toObject();
    error.insert(QStringLiteral("reason"), device.revokedReason);
    error.insert(QStringLiteral("revoked_at"), device.revokedAt);
    r.body.insert(QStringLiteral("error"), error);
    return r;
}

bool needsRecording(
    const std::optional<DeviceRow> &known, const QString &userId, const DeviceContact &contact)
{
    if (!contact.isSet())
        return false;
    if (!known || known->userId != userId)
        return true;
    if ((!contact.name.isEmpty() && contact.name != known->name)
        || (!contact.clientVersion.isEmpty() && contact.clientVersion != known->clientVersion))
        return true;
    const QDateTime last = QDateTime::fromString(known->lastSeen, Qt::ISODateWithMs);
    return !last.isValid() || last.secsTo(QDateTime::currentDateTimeUtc()) > 60;
}

void record(StoreWriter &w, const std::optional<DeviceRow> &known, const QString &userId,
    const DeviceContact &contact)
{
    const QString now = protocol::nowUtc();
    DeviceRow d = known.value_or(DeviceRow {contact.id, userId, {}, {}, now, now, {}, {}});
    d.userId = userId;
    if (!contact.name.isEmpty())
        d.name = contact.name;
    if (!contact.clientVersion.isEmpty())
        d.clientVersion = contact.clientVersion;
    d.lastSeen = now;
    w.putDevice(d);
}

bool revoke(StoreWriter &w, const QString &deviceId, const QString &reason)
{
    std::optional<DeviceRow> d = w.device(deviceId);
    if (!d)
        return false;
    // A second revocation keeps the first time, and takes the newer reason.
    if (!d->revoked())
        d->revokedAt = protocol::nowUtc();
    d->revokedReason = reason;
    w.putDevice(*d);
    w.revokeDeviceTokens(deviceId);
    return true;
}

void revokeAllOf(StoreWriter &w, const QString &userId, const QString &reason)
{
    for (const DeviceRow &d : w.devices(userId)) {
        if (!d.revoked())
            revoke(w, d.id, reason);
    }
}

QJsonObject toJson(const DeviceRow &d, const QString &username)
{
    auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    return QJsonObject {{QStringLiteral("id"), d.id}, {QStringLiteral("user_id"), d.userId},
        {QStringLiteral("username"), username}, {QStringLiteral("name"), d.name},
        {QStringLiteral("client_version"), d.clientVersion}, {QStringLiteral("first_seen"), d.firstSeen},
        {QStringLiteral("last_seen"), d.lastSeen}, {QStringLiteral("revoked_at"), orNull(d.revokedAt)},
        {QStringLiteral("revoked_reason"), orNull(d.revokedReason)}};
}

bool list(Storage &storage, const QString &username, QList<Listed> *rows, QString *error)
{
    QString failure;
    const bool ok = storage.read(
        [&](StoreReader &r) {
            QString userId;
            if (!username.isEmpty()) {
                const std::optional<UserRow> u = r.userByName(username);
                if (!u) {
                    failure = QStringLiteral("no user named '%1'").arg(username);
                    return;
                }
                userId = u->id;
            }
            QHash<QString, QString> names;
            for (const DeviceRow &d : r.devices(userId)) {
                if (!names.contains(d.userId)) {
                    const std::optional<UserRow> u = r.userById(d.userId);
                    names.insert(d.userId, u ? u->username : QString());
                }
                *rows << Listed {d, names.value(d.userId)};
            }
        },
        error);
    if (ok && !failure.isEmpty())
        *error = failure;
    return ok && failure.isEmpty();
}

bool revoke(Storage &storage, const QString &deviceId, const QString &reason, QString *error)
{
    bool found = false;
    if (!storage.write(
            [&](StoreWriter &w) {
                found = revoke(w, deviceId, reason);
                return found;
            },
            error))
        return false;
    if (!found)
        *error
            = QStringLiteral("no device with id '%1' (rounds-server device list shows them)").arg(deviceId);
    return found;
}

} // namespace rounds::server::devices
