#pragma once

#include <QDateTime>
#include <QString>

namespace rounds {

class Store;

// How long a laptop may work without reaching the server before Rounds asks for the password again
// (docs/privacy.md, "Devices"): the company setting `security.offline_days` (a whole number of days,
// 1 to 365; 30 when unset or not such a number).
namespace offlinepolicy {

inline constexpr int DefaultMaxDays = 30;
inline const QString SettingKey = QStringLiteral("security.offline_days");
inline const QString LastContactMetaKey = QStringLiteral("last_server_contact");

int maxDays(Store &store);
// The last time this database's account reached the server: a sign-in or a sync that answered (the
// store's `last_server_contact`, else its `last_sync`); invalid when it never did.
QDateTime lastContact(Store &store);
// Records a contact now (a sign-in, a sync that reached the server).
void recordContact(Store &store, const QDateTime &now = QDateTime::currentDateTimeUtc());
// True when the account last reached the server more than maxDays() whole days before `now`: exactly
// N days is still allowed, N days and a second is not. A database that never reached a server (no
// account) needs no password.
bool passwordRequired(Store &store, const QDateTime &now);

} // namespace offlinepolicy
} // namespace rounds
