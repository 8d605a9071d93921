#pragma once

#include "common/protocol/adminusers.h"
#include "sync/apiclient.h"

#include <QCoreApplication>

#include <optional>

namespace rounds {

// A new user as the Users page sends it (POST /api/v1/admin/users).
struct NewUserRequest
{
    QString username;
    QString displayName;
    QString role;
    QString homeTerritoryId; // empty: none (sfe, admin)
    QString password;
};

// What the Users page changes of a user (POST /api/v1/admin/users/update); unset fields stay.
struct UserChangeRequest
{
    std::optional<QString> role;
    std::optional<QString> homeTerritoryId; // empty: none
    std::optional<QString> displayName;
};

// The answer of an admin route, for a person.
struct AdminResult
{
    enum Action { List, Create, Update, Disable, Enable, ResetPassword, RevokeDevice };
    enum Status {
        Ok,
        Offline, // no connection, or not signed in: the page needs the server
        SignedOut, // the token was refused: sign in again
        Forbidden, // the user is no administrator (any more)
        Refused, // the server refused this change; `message` says why
        Failed, // anything else
    };
    Action action = List;
    Status status = Failed;
    protocol::AdminUserList users; // List
    protocol::AdminUser user; // the changed user, after any other action
    QString message; // translated, for a person
    QString serverMessage; // the server's own sentence (English), for a tooltip and support
    QString field; // the field at fault, when the server named one
    bool ok() const { return status == Ok; }
};

// The admin routes (docs/sync-protocol.md, "Users and devices"), blocking, over an ApiClient. The rules the
// server checks are checked here first (check()), so the person reads them in their language before
// anything is sent; the server's refusals are turned into sentences by the field at fault.
class AdminClient final
{
    Q_DECLARE_TR_FUNCTIONS(AdminClient)
public:
    explicit AdminClient(ApiClient &api)
        : m_api(api)
    { }

    AdminResult users();
    AdminResult create(const NewUserRequest &user);
    AdminResult update(const QString &userId, const UserChangeRequest &change);
    AdminResult setActive(const QString &userId, bool active);
    AdminResult resetPassword(const QString &userId, const QString &password);
    AdminResult revokeDevice(const QString &deviceId, const QString &reason);

    // The client's side of the server's rules: an empty string, or why the input cannot be sent.
    static QString checkLogin(const QString &username);
    static QString checkPassword(const QString &password);
    static QString checkDisplayName(const QString &name);
    static QString checkTerritory(const QString &role, const QString &homeTerritoryId);
    static QString checkReason(const QString &reason);

private:
    AdminResult send(AdminResult::Action action, const QString &route, const QJsonObject &body);

    ApiClient &m_api;
};

} // namespace rounds
