#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rounds::protocol {

// The admin routes' view of users and their devices (docs/sync-protocol.md, "Users and devices"): what
// GET /api/v1/admin/users answers, typed for the server that writes it and the client that reads it.

// A computer a user signed in from.
struct AdminDevice
{
    QString id;
    QString name;
    QString clientVersion;
    QString firstSeen; // ISO 8601 UTC
    QString lastSeen;
    QString revokedAt; // empty while the device may work
    QString revokedReason;

    bool revoked() const { return !revokedAt.isEmpty(); }
    QJsonObject toJson() const;
    static AdminDevice fromJson(const QJsonObject &json);
};

struct AdminUser
{
    QString id;
    QString username;
    QString displayName;
    QString role;
    QString homeTerritoryId; // empty when none
    bool active = true;
    QString lastSeen; // the newest last contact of the user's devices; empty when none
    QList<AdminDevice> devices; // most recently seen first

    QJsonObject toJson() const;
    static std::optional<AdminUser> fromJson(const QJsonObject &json, QString *error = nullptr);
};

// {"users": [...]}, ordered by login.
struct AdminUserList
{
    QList<AdminUser> users;

    QJsonObject toJson() const;
    static std::optional<AdminUserList> fromJson(const QJsonObject &json, QString *error = nullptr);
};

// Limits the admin routes and `rounds-server user …` check alike.
namespace userlimits {
inline constexpr int kMaxUsername = 64;
inline constexpr int kMinPassword = 8;
inline constexpr int kMaxPassword = 1024;
inline constexpr int kMaxDisplayName = 200;
inline constexpr int kMaxReason = 500;
} // namespace userlimits

} // namespace rounds::protocol
