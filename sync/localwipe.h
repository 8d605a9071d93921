#pragma once

#include <QString>
#include <QStringList>

namespace rounds {

class CredentialStore;

struct WipeResult
{
    bool ok = false;
    QStringList removed; // the files and folders deleted
    QString message; // what could not be deleted, in words a user can act on
};

// Deletes one account's data from this computer (a revoked device, or a sign-out that removes the data):
// the database file, its WAL, shared memory and journal, every file beside it that belongs to it (a
// damaged copy moved aside), the account's folder when it is the one Rounds made for it (with any cache
// in it), the store's key and the account's keychain entry. The store must be closed first. Forgets the device id, so a
// later sign-in on this computer is a new device.
WipeResult wipeLocalData(
    const QString &dbPath, const QString &server, const QString &user, CredentialStore &credentials);

} // namespace rounds
