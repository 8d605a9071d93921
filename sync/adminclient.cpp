#include "sync/adminclient.h"

#include "common/protocol/errors.h"

namespace rounds {

namespace limits = protocol::userlimits;

namespace {

QJsonValue orNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// The sentence for a refusal of an admin route, by the field at fault (the server's own is English).
QString refusalText(const ApiError &e, AdminResult::Action action)
{
    if (e.code == QLatin1String(protocol::ErrorCode::NotFound))
        return action == AdminResult::RevokeDevice
            ? AdminClient::tr("The server has no such device any more. The list is reloaded.")
            : AdminClient::tr("The server has no such user any more. The list is reloaded.");
    if (e.field == QLatin1String("username"))
        return AdminClient::tr("Another user already has this login, or it is not allowed (1 to %1 "
                               "characters). Choose another.")
            .arg(limits::kMaxUsername);
    if (e.field == QLatin1String("password"))
        return AdminClient::checkPassword(QString()); // the rule itself
    if (e.field == QLatin1String("role"))
        return action == AdminResult::Update
            ? AdminClient::tr("You cannot take away your own administrator role. Another administrator can.")
            : AdminClient::tr("The server does not know this role.");
    if (e.field == QLatin1String("home_territory_id"))
        return AdminClient::tr("A representative or a manager needs a home territory the server knows. Sync "
                               "to get the newest territories, then try again.");
    if (e.field == QLatin1String("id"))
        return AdminClient::tr("You cannot disable your own account. Another administrator can.");
    if (e.field == QLatin1String("device_id"))
        return AdminClient::tr("This is the computer you are using now. Revoke it from another computer.");
    if (e.field == QLatin1String("reason"))
        return AdminClient::checkReason(QString(limits::kMaxReason + 1, QLatin1Char('x')));
    if (e.field == QLatin1String("display_name"))
        return AdminClient::checkDisplayName(QString(limits::kMaxDisplayName + 1, QLatin1Char('x')));
    return e.message;
}

AdminResult failure(const ApiError &e, AdminResult::Action action)
{
    AdminResult r;
    r.action = action;
    r.message = e.message;
    r.serverMessage = e.serverMessage;
    r.field = e.field;
    switch (e.kind) {
    case ApiError::Network:
    case ApiError::Tls:
    case ApiError::Cancelled:
    case ApiError::Server:
        r.status = AdminResult::Offline;
        r.message = AdminClient::tr("The server cannot be reached, so users cannot be managed now. Nothing "
                                    "was changed; try again when you are online.");
        break;
    case ApiError::Unauthorized:
        r.status = AdminResult::SignedOut;
        break;
    case ApiError::Client:
        if (e.code == QLatin1String(protocol::ErrorCode::Forbidden)) {
            r.status = AdminResult::Forbidden;
            r.message = AdminClient::tr("Only an administrator may manage users and devices. Your role may "
                                        "have changed: sync to see it.");
        } else {
            r.status = AdminResult::Refused;
            r.message = refusalText(e, action);
        }
        break;
    default:
        r.status = AdminResult::Failed;
    }
    return r;
}

} // namespace

QString AdminClient::checkLogin(const QString &username)
{
    if (username.trimmed().isEmpty() || username.size() > limits::kMaxUsername)
        return tr("The login must have 1 to %1 characters.").arg(limits::kMaxUsername);
    return {};
}

QString AdminClient::checkPassword(const QString &password)
{
    if (password.size() < limits::kMinPassword || password.size() > limits::kMaxPassword)
        return tr("The password must have %1 to %2 characters.")
            .arg(limits::kMinPassword)
            .arg(limits::kMaxPassword);
    return {};
}

QString AdminClient::checkDisplayName(const QString &name)
{
    if (name.size() > limits::kMaxDisplayName)
        return tr("The name must have at most %1 characters.").arg(limits::kMaxDisplayName);
    return {};
}

QString AdminClient::checkTerritory(const QString &role, const QString &homeTerritoryId)
{
    if ((role == QLatin1String("rep") || role == QLatin1String("manager")) && homeTerritoryId.isEmpty())
        return tr("A representative or a manager needs a home territory.");
    return {};
}

QString AdminClient::checkReason(const QString &reason)
{
    if (reason.trimmed().size() > limits::kMaxReason)
        return tr("The reason must have at most %1 characters.").arg(limits::kMaxReason);
    return {};
}

AdminResult AdminClient::send(AdminResult::Action action, const QString &route, const QJsonObject &body)
{
    const ApiResponse response = m_api.post(QStringLiteral("/api/v1/admin/") + route, body);
    if (!response.ok())
        return failure(response.error, action);
    AdminResult r;
    r.action = action;
    QString error;
    const std::optional<protocol::AdminUser> user
        = protocol::AdminUser::fromJson(response.body.value(QLatin1String("user")).toObject(), &error);
    if (!user) {
        r.status = AdminResult::Failed;
        r.message = tr("The server's answer is not a user: %1").arg(error);
        return r;
    }
    r.user = *user;
    r.status = AdminResult::Ok;
    return r;
}

AdminResult AdminClient::users()
{
    const ApiResponse response = m_api.get(QStringLiteral("/api/v1/admin/users"));
    if (!response.ok())
        return failure(response.error, AdminResult::List);
    AdminResult r;
    QString error;
    const std::optional<protocol::AdminUserList> list
        = protocol::AdminUserList::fromJson(response.body, &error);
    if (!list) {
        r.status = AdminResult::Failed;
        r.message = tr("The server's answer is not a list of users: %1").arg(error);
        return r;
    }
    r.users = *list;
    r.status = AdminResult::Ok;
    return r;
}

AdminResult AdminClient::create(const NewUserRequest &user)
{
    QJsonObject body {{QStringLiteral("username"), user.username}, {QStringLiteral("role"), user.role},
        {QStringLiteral("password"), user.password},
        {QStringLiteral("home_territory_id"), orNull(user.homeTerritoryId)}};
    if (!user.displayName.trimmed().isEmpty())
        body.insert(QStringLiteral("display_name"), user.displayName.trimmed());
    return send(AdminResult::Create, QStringLiteral("users"), body);
}

AdminResult AdminClient::update(const QString &userId, const UserChangeRequest &change)
{
    QJsonObject body {{QStringLiteral("id"), userId}};
    if (change.role)
        body.insert(QStringLiteral("role"), *change.role);
    if (change.homeTerritoryId)
        body.insert(QStringLiteral("home_territory_id"), orNull(*change.homeTerritoryId));
    if (change.displayName)
        body.insert(QStringLiteral("display_name"), change.displayName->trimmed());
    return send(AdminResult::Update, QStringLiteral("users/update"), body);
}

AdminResult AdminClient::setActive(const QString &userId, bool active)
{
    return send(active ? AdminResult::Enable : AdminResult::Disable,
        active ? QStringLiteral("users/enable") : QStringLiteral("users/disable"),
        QJsonObject {{QStringLiteral("id"), userId}});
}

AdminResult AdminClient::resetPassword(const QString &userId, const QString &password)
{
    return send(AdminResult::ResetPassword, QStringLiteral("users/password"),
        QJsonObject {{QStringLiteral("id"), userId}, {QStringLiteral("password"), password}});
}

AdminResult AdminClient::revokeDevice(const QString &deviceId, const QString &reason)
{
    return send(AdminResult::RevokeDevice, QStringLiteral("devices/revoke"),
        QJsonObject {{QStringLiteral("device_id"), deviceId}, {QStringLiteral("reason"), reason.trimmed()}});
}

} // namespace rounds
