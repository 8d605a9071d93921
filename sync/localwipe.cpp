#include "sync/localwipe.h"

#include "models/storekeys.h"
#include "sync/credentialstore.h"
#include "sync/device.h"
#include "sync/log.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace rounds {

namespace {

// Rounds makes DATA/<host>/<user>/rounds.db for an account (Store::defaultPath): everything in that
// folder is the account's. A database somewhere else (--db) takes only the files named after it.
bool isAccountFolder(const QFileInfo &db)
{
    if (db.fileName() != QLatin1String("rounds.db"))
        return false;
    const QString data
        = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).canonicalPath();
    QDir folder = db.absoluteDir();
    const QString user = folder.canonicalPath();
    if (data.isEmpty() || user.isEmpty() || !folder.cdUp())
        return false;
    return folder.cdUp() && folder.canonicalPath() == data && user.startsWith(data + QLatin1Char('/'));
}

} // namespace

WipeResult wipeLocalData(
    const QString &dbPath, const QString &server, const QString &user, CredentialStore &credentials)
{
    WipeResult r;
    QStringList failed;
    // The store's key first: without it the file is unreadable even where it cannot be deleted (a
    // crypto-erase), and its name is resolved while the folder still exists.
    const StoreKeyring::Result key = storekeys::removeKey(dbPath);
    if (!key.ok)
        failed << QCoreApplication::translate("LocalWipe", "the database's key in the keychain (%1)")
                      .arg(key.message);
    const QFileInfo db(dbPath);
    QDir folder = db.absoluteDir();
    const QString name = db.fileName();
    for (const QFileInfo &f : folder.entryInfoList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (!f.fileName().startsWith(name))
            continue;
        if (QFile::remove(f.absoluteFilePath()))
            r.removed << f.absoluteFilePath();
        else if (f.exists())
            failed << f.absoluteFilePath();
    }
    if (isAccountFolder(db)) {
        const QString path = folder.absolutePath();
        if (folder.removeRecursively())
            r.removed << path;
        else
            failed << path;
    }
    if (!server.isEmpty() && !user.isEmpty()) {
        const CredentialStore::Result removed = credentials.remove(server, user);
        if (!removed.ok)
            failed << QCoreApplication::translate("LocalWipe", "the saved sign-in in the keychain (%1)")
                          .arg(removed.message);
    }
    device::forgetId();
    r.ok = failed.isEmpty();
    if (!r.ok) {
        r.message = QCoreApplication::translate("LocalWipe", "Could not delete: %1")
                        .arg(failed.join(QLatin1String("; ")));
        qCWarning(lcSync) << "wipe incomplete:" << failed;
    }
    return r;
}

} // namespace rounds
