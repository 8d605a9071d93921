#pragma once

#include "common/protocol/adminusers.h"
#include "server/denial.h"
#include "server/storage.h"

#include <QString>

#include <optional>

namespace rounds::server {

// Who changes users and devices: an administrator through the admin routes (their id and device, which
// the audit names), or `rounds-server user|device …` on the command line (no user: the audit names the
// changed user and the device "rounds-server", as it always did).
struct UserActor
{
    QString userId; // empty: the command line
    QString device; // the admin's device name, for the audit
    QString deviceId; // the admin's own device (they may not revoke it)

    bool isCommandLine() const { return userId.isEmpty(); }
};

struct NewUser
{
    QString username;
    QString displayName; // the login when empty
    QString role;
    QString homeTerritoryId; // by id (admin route) …
    QString territoryCode; // … or by code (command line); neither for sfe and admin
    QString password;
    QString id; // chosen by the caller (demo) or random when empty
};

// What an update changes; a field left unset stays as it is.
struct UserUpdate
{
    std::optional<QString> role;
    std::optional<QString> displayName;
    std::optional<QString> homeTerritoryId; // an empty string: none (sfe and admin only)
    QString territoryCode; // command line: the home territory by code
};

// Users and devices as the administrator manages them (docs/sync-protocol.md, "Users and devices";
// docs/server.md, "Users"). Each change is one transaction: the user's row, its `user` record in the
// feed (so every laptop learns the new name, role or state) and the audit naming the actor. A refusal
// comes back as a Denial (invalid_request with the field, not_found, or internal when the store failed)
// and changes nothing. The rules: a login of 1 to 64 characters that no other user has, a password of 8
// to 1024 characters, a known role, a home territory for a rep and a manager, and an administrator may
// neither disable themselves nor take their own admin role away, nor revoke the device they are using.
namespace useradmin {

bool create(Storage &storage, const NewUser &user, const UserActor &actor, QString *id, Denial *denial);
bool update(Storage &storage, const QString &userId, const UserUpdate &update, const UserActor &actor,
    Denial *denial);
// Disabling revokes the user's tokens and every device (each wipes its local data at its next contact);
// enabling lets the user sign in again (from a new device: the revoked ones stay revoked).
bool setActive(Storage &storage, const QString &userId, bool active, const UserActor &actor, Denial *denial);
// A new password; every token of the user is revoked, so each laptop asks to sign in again.
bool resetPassword(
    Storage &storage, const QString &userId, const QString &password, const UserActor &actor, Denial *denial);
// Revokes a device (devices.h) and records it in the audit of the device's user. `reason` empty: "revoked
// by an administrator"; the user id of the device in `userId` when not null.
bool revokeDevice(Storage &storage, const QString &deviceId, const QString &reason, const UserActor &actor,
    Denial *denial, QString *userId = nullptr);

// Every user with their devices, by login; or one user (nullopt when unknown).
bool list(Storage &storage, protocol::AdminUserList *users, QString *error);
std::optional<protocol::AdminUser> one(Storage &storage, const QString &userId, QString *error);

// The id of a login, for the command line; empty with `denial` set when there is none.
QString idOf(Storage &storage, const QString &username, Denial *denial);

} // namespace useradmin

// The command line's side (rounds-server user add|set-role|disable), by login, with the error as text.
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
// Disabling also revokes every device of the user, so each wipes its local data at its next contact.
bool disableUser(Storage &storage, const QString &username, QString *error);
// Gives a user another role (and, with `territoryCode`, another home territory). Tokens stay valid: the
// next pull answers for the new role, and the client drops what that role may not hold.
bool setUserRole(Storage &storage, const QString &username, const QString &role, const QString &territoryCode,
    QString *error);

} // namespace rounds::server
