#include "server/adminservice.h"

#include "common/protocol/errors.h"
#include "server/devices.h"
#include "server/useradmin.h"

namespace rounds::server {

using protocol::ErrorCode::InvalidRequest;

namespace {

ApiReply forbidden()
{
    return ApiReply::error(403, protocol::ErrorCode::Forbidden,
        QStringLiteral("only an administrator may manage users and devices"));
}

int statusOf(const char *code)
{
    const QLatin1String c(code ? code : "");
    if (c == QLatin1String(protocol::ErrorCode::NotFound))
        return 404;
    if (c == QLatin1String(protocol::ErrorCode::Forbidden))
        return 403;
    if (c == QLatin1String(protocol::ErrorCode::Internal))
        return 500;
    return 400;
}

ApiReply refusal(const Denial &d)
{
    return ApiReply::error(
        statusOf(d.code), d.code ? d.code : protocol::ErrorCode::Internal, d.message, d.field);
}

UserActor actorOf(const Principal &admin)
{
    return UserActor {admin.id, admin.device, admin.deviceId};
}

// A string field of the body: `out` unset when absent (or null, where `nullable`), a 400 when it has
// another type or is required and missing.
bool field(const QJsonObject &body, const char *key, bool required, bool nullable,
    std::optional<QString> *out, ApiReply *failure)
{
    const QString name = QString::fromLatin1(key);
    const QJsonValue v = body.value(name);
    if (v.isUndefined() || (nullable && v.isNull())) {
        if (required) {
            *failure = ApiReply::error(
                400, InvalidRequest, QStringLiteral("field '%1' is missing").arg(name), name);
            return false;
        }
        if (v.isNull())
            *out = QString();
        return true;
    }
    if (!v.isString()) {
        *failure = ApiReply::error(
            400, InvalidRequest, QStringLiteral("field '%1' must be a string").arg(name), name);
        return false;
    }
    *out = v.toString();
    return true;
}

// The `id` of the user a route changes.
bool userId(const QJsonObject &body, QString *id, ApiReply *failure)
{
    std::optional<QString> value;
    if (!field(body, "id", true, false, &value, failure))
        return false;
    if (value->isEmpty() || value->size() > 64) {
        *failure = ApiReply::error(
            400, InvalidRequest, QStringLiteral("field 'id' must be a user id"), QStringLiteral("id"));
        return false;
    }
    *id = *value;
    return true;
}

} // namespace

ApiReply AdminService::userReply(const QString &id)
{
    QString error;
    const std::optional<protocol::AdminUser> user = useradmin::one(m_storage, id, &error);
    if (!user)
        return ApiReply::error(
            500, protocol::ErrorCode::Internal, QStringLiteral("the server could not read its data"));
    return ApiReply::ok(QJsonObject {{QStringLiteral("user"), user->toJson()}});
}

ApiReply AdminService::users(const Principal &admin)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    protocol::AdminUserList list;
    QString error;
    if (!useradmin::list(m_storage, &list, &error))
        return ApiReply::error(
            500, protocol::ErrorCode::Internal, QStringLiteral("the server could not read its data"));
    return ApiReply::ok(list.toJson());
}

ApiReply AdminService::createUser(const Principal &admin, const QJsonObject &body)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    std::optional<QString> username, displayName, role, home, password;
    ApiReply failure;
    if (!field(body, "username", true, false, &username, &failure)
        || !field(body, "display_name", false, true, &displayName, &failure)
        || !field(body, "role", true, false, &role, &failure)
        || !field(body, "home_territory_id", false, true, &home, &failure)
        || !field(body, "password", true, false, &password, &failure))
        return failure;
    NewUser user {
        *username, displayName.value_or(QString()), *role, home.value_or(QString()), {}, *password, {}};
    QString id;
    Denial denial {nullptr, {}, {}};
    if (!useradmin::create(m_storage, user, actorOf(admin), &id, &denial))
        return refusal(denial);
    return userReply(id);
}

ApiReply AdminService::updateUser(const Principal &admin, const QJsonObject &body)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    QString id;
    UserUpdate change;
    ApiReply failure;
    if (!userId(body, &id, &failure) || !field(body, "role", false, false, &change.role, &failure)
        || !field(body, "display_name", false, true, &change.displayName, &failure)
        || !field(body, "home_territory_id", false, true, &change.homeTerritoryId, &failure))
        return failure;
    Denial denial {nullptr, {}, {}};
    if (!useradmin::update(m_storage, id, change, actorOf(admin), &denial))
        return refusal(denial);
    return userReply(id);
}

ApiReply AdminService::setActive(const Principal &admin, const QJsonObject &body, bool active)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    QString id;
    ApiReply failure;
    if (!userId(body, &id, &failure))
        return failure;
    Denial denial {nullptr, {}, {}};
    if (!useradmin::setActive(m_storage, id, active, actorOf(admin), &denial))
        return refusal(denial);
    return userReply(id);
}

ApiReply AdminService::resetPassword(const Principal &admin, const QJsonObject &body)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    QString id;
    std::optional<QString> password;
    ApiReply failure;
    if (!userId(body, &id, &failure) || !field(body, "password", true, false, &password, &failure))
        return failure;
    Denial denial {nullptr, {}, {}};
    if (!useradmin::resetPassword(m_storage, id, *password, actorOf(admin), &denial))
        return refusal(denial);
    return userReply(id);
}

ApiReply AdminService::revokeDevice(const Principal &admin, const QJsonObject &body)
{
    if (admin.role != protocol::RoleAdmin)
        return forbidden();
    std::optional<QString> device, reason;
    ApiReply failure;
    if (!field(body, "device_id", true, false, &device, &failure)
        || !field(body, "reason", false, true, &reason, &failure))
        return failure;
    if (!devices::validId(*device))
        return ApiReply::error(400, InvalidRequest,
            QStringLiteral("field 'device_id' must have 1 to 64 letters, digits, '-' or '_'"),
            QStringLiteral("device_id"));
    QString owner;
    Denial denial {nullptr, {}, {}};
    if (!useradmin::revokeDevice(
            m_storage, *device, reason.value_or(QString()), actorOf(admin), &denial, &owner))
        return refusal(denial);
    return userReply(owner);
}

} // namespace rounds::server
