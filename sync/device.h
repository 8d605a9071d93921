#pragma once

#include <QString>

namespace rounds::device {

// This computer as the server knows it (docs/sync-protocol.md, "Devices"): an id generated once and kept
// in the settings file Rounds/device (shared by the window and rounds-cli), the host name and the client
// version. Sent at sign-in and with every request; the server lists devices and can revoke one.
QString id();
QString name();
QString clientVersion();
// Forgets the id (after this computer's data was wiped): the next sign-in is a new device.
void forgetId();

} // namespace rounds::device
