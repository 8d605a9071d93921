#include "common/protocol/adminusers.h"

#include <QJsonArray>

namespace rounds::protocol {

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QString text(const QJsonObject &json, const char *key)
{
    return json.value(QLatin1String(key)).toString();
}

} // namespace

QJsonObject AdminDevice::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("client_version"), clientVersion}, {QStringLiteral("first_seen"), firstSeen},
        {QStringLiteral("last_seen"), lastSeen}, {QStringLiteral("revoked_at"), orNull(revokedAt)},
        {QStringLiteral("revoked_reason"), orNull(revokedReason)}};
}

AdminDevice AdminDevice::fromJson(const QJsonObject &json)
{
    return AdminDevice {text(json, "id"), text(json, "name"), text(json, "client_version"),
        text(json, "first_seen"), text(json, "last_seen"), text(json, "revoked_at"),
        text(json, "revoked_reason")};
}

QJsonObject AdminUser::toJson() const
{
    QJsonArray list;
    for (const AdminDevice &d : devices)
        list << d.toJson();
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("username"), username},
        {QStringLiteral("display_name"), displayName}, {QStringLiteral("role"), role},
        {QStringLiteral("home_territory_id"), orNull(homeTerritoryId)}, {QStringLiteral("active"), active},
        {QStringLiteral("last_seen"), orNull(lastSeen)}, {QStringLiteral("devices"), list}};
}

std::optional<AdminUser> AdminUser::fromJson(const QJsonObject &json, QString *error)
{
    AdminUser u;
    u.id = text(json, "id");
    u.username = text(json, "username");
    if (u.id.isEmpty() || u.username.isEmpty() || !json.value(QLatin1String("devices")).isArray()) {
        if (error)
            *error = QStringLiteral("a user lacks its id, username or devices");
        return std::nullopt;
    }
    u.displayName = text(json, "display_name");
    u.role = text(json, "role");
    u.homeTerritoryId = text(json, "home_territory_id");
    u.active = json.value(QLatin1String("active")).toBool(true);
    u.lastSeen = text(json, "last_seen");
    for (const QJsonValue &v : json.value(QLatin1String("devices")).toArray())
        u.devices << AdminDevice::fromJson(v.toObject());
    return u;
}

QJsonObject AdminUserList::toJson() const
{
    QJsonArray list;
    for (const AdminUser &u : users)
        list << u.toJson();
    return QJsonObject {{QStringLiteral("users"), list}};
}

std::optional<AdminUserList> AdminUserList::fromJson(const QJsonObject &json, QString *error)
{
    if (!json.value(QLatin1String("users")).isArray()) {
        if (error)
            *error = QStringLiteral("the answer has no list of users");
        return std::nullopt;
    }
    AdminUserList list;
    for (const QJsonValue &v : json.value(QLatin1String("users")).toArray()) {
        std::optional<AdminUser> u = AdminUser::fromJson(v.toObject(), error);
        if (!u)
            return std::nullopt;
        list.users << std::move(*u);
    }
    return list;
}

} // namespace rounds::protocol
