#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include <QJsonObject>

namespace rounds::server {

// The admin routes (docs/sync-protocol.md, "Users and devices"): users with their devices, and the
// changes an administrator makes from the client's Users page. Every route answers 403 `forbidden` to a
// role other than admin; the rules are those of `rounds-server user …` (server/useradmin.h), and the
// audit names the administrator and their device.
class AdminService final
{
public:
    explicit AdminService(Storage &storage)
        : m_storage(storage)
    { }

    ApiReply users(const Principal &admin); // GET /api/v1/admin/users
    ApiReply createUser(const Principal &admin, const QJsonObject &body); // POST /api/v1/admin/users
    ApiReply updateUser(const Principal &admin, const QJsonObject &body); // POST …/users/update
    ApiReply setActive(const Principal &admin, const QJsonObject &body, bool active); // …/disable, …/enable
    ApiReply resetPassword(const Principal &admin, const QJsonObject &body); // …/users/password
    ApiReply revokeDevice(
        const Principal &admin, const QJsonObject &body); // POST /api/v1/admin/devices/revoke

private:
    // The user as the routes answer it: {"user": {…}}.
    ApiReply userReply(const QString &userId);

    Storage &m_storage;
};

} // namespace rounds::server
