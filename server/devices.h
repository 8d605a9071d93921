#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rounds::server {

// What a request says about the computer it comes from: the login's `device_id`, `device_name` and
// `client_version`, or the `Rounds-Device-Id` and `Rounds-Client-Version` headers of any other request.
struct DeviceContact
{
    QString id;
    QString name;
    QString clientVersion;
    bool isSet() const { return !id.isEmpty(); }
};

namespace devices {

// A device id is 1 to 64 characters of letters, digits, '-', '_', '{' and '}' (a UUID, as the client
// makes it). False with the 400 to answer otherwise.
bool validId(const QString &id);
// A contact from the headers; a malformed id or an over-long version is ignored (the request goes on).
DeviceContact fromHeaders(const QByteArray &deviceId, const QByteArray &clientVersion);

// The answer to a revoked device: 403 `device_revoked`, with the reason in the error object.
ApiReply revokedReply(const DeviceRow &device);

// Whether a contact should be written: a new device, another user, another name or version, or a last
// contact more than a minute ago (so a burst of sync requests writes once).
bool needsRecording(
    const std::optional<DeviceRow> &known, const QString &userId, const DeviceContact &contact);
// Records the contact (first seen when new, last seen now) for `userId`; keeps a revocation.
void record(StoreWriter &w, const std::optional<DeviceRow> &known, const QString &userId,
    const DeviceContact &contact);

// Marks the device revoked now with `reason` and revokes its tokens. False when no device has that id.
bool revoke(StoreWriter &w, const QString &deviceId, const QString &reason);
// Marks every device of the user revoked (user disable): each wipes itself at its next contact.
void revokeAllOf(StoreWriter &w, const QString &userId, const QString &reason);

// One device as `device list --json` and the admin route show it.
QJsonObject toJson(const DeviceRow &device, const QString &username);

// The admin commands: the devices of one user (by login; every device when empty), and a revocation.
struct Listed
{
    DeviceRow device;
    QString username;
};
bool list(Storage &storage, const QString &username, QList<Listed> *rows, QString *error);
bool revoke(Storage &storage, const QString &deviceId, const QString &reason, QString *error);

} // namespace devices
} // namespace rounds::server
