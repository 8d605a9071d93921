// Encrypting a plain store file in place (Rounds before the encrypted store), crash-safe.
#include "models/store/storecrypt.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/log.h"
#include "models/store.h"

#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QUrl>

#include <sqlite3.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace rounds::storecrypt {

namespace {

const QByteArray kPlainHeader("SQLite format 3\0", 16);

// Flushes a file or a folder to the disk (a rename is durable only once its folder is flushed).
bool flushToDisk(const QString &path, bool folder)
{
    const int fd = ::open(QFile::encodeName(path).constData(), folder ? (O_RDONLY | O_DIRECTORY) : O_RDWR);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

} // namespace

FileState stateOf(const QString &path)
{
    QFile file(path);
    if (!file.exists() || file.size() == 0)
        return FileState::New;
    if (!file.open(QIODevice::ReadOnly))
        return FileState::Encrypted; // unreadable: the open that follows says why
    return file.read(16) == kPlainHeader ? FileState::Plain : FileState::Encrypted;
}

QString encryptingPath(const QString &path)
{
    return path + QStringLiteral(".encrypting");
}

void removeLeftovers(const QString &path)
{
    const QString target = encryptingPath(path);
    if (!QFileInfo::exists(target))
        return;
    QLockFile lock(path + QStringLiteral(".encrypt-lock"));
    lock.setStaleLockTime(0);
    if (lock.tryLock(0))
        QFile::remove(target);
}

Outcome encryptInPlace(const QString &path, const QByteArray &key, const std::function<void(const char *)> &crashPoint)
{
    Outcome out;
    const auto fail = [&](const QString &message) {
        out.message = message;
        return out;
    };
    const auto crash = [&](const char *point) {
        if (crashPoint)
            crashPoint(point);
    };
    // Two Rounds processes on one file (the window and rounds-cli) must not both encrypt it.
    QLockFile lock(path + QStringLiteral(".encrypt-lock"));
    lock.setStaleLockTime(0);
    if (!lock.tryLock(30000))
        return fail(Store::tr("The local database %1 is being encrypted by another Rounds program. Try again when it "
                  "has finished.")
                .arg(path));
    out.ok = true;
    if (stateOf(path) != FileState::Plain)
        return out; // the other program finished the job
    out.ok = false;
    const QString target = encryptingPath(path);
    QFile::remove(target); // a copy an interrupted run left: the plain file is still the real one
    try {
        sql::Database::Options plain;
        plain.create = false;
        plain.wal = false;
        plain.foreignKeys = false;
        sql::Database db(path, plain);
        // Everything of the WAL into the main file, and no WAL left behind: after the rename, a plain
        // -wal file would be applied to the encrypted file.
        db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        if (db.scalarText(QStringLiteral("PRAGMA journal_mode=DELETE")).compare(QLatin1String("delete"), Qt::CaseInsensitive) != 0)
            return fail(Store::tr("The local database %1 could not be prepared for encryption. Close other "
                           "programs using it and start Rounds again.")
                    .arg(path));
        crash("encrypt-after-checkpoint");
        // The copy, encrypted with the key (SQLite3 Multiple Ciphers reads the key from the URI; "raw:"
        // and hex: the key as it is, as sql::Database gives it).
        QUrl uri = QUrl::fromLocalFile(target);
        uri.setScheme(QStringLiteral("file"));
        uri.setQuery(QStringLiteral("cipher=aegis&key=raw:") + QString::fromLatin1(key.toHex()));
        auto vacuum = db.query(QStringLiteral("VACUUM INTO ?1"));
        vacuum->bind(1, uri.toString(QUrl::FullyEncoded));
        vacuum->run();
    } catch (const sql::SqlError &e) {
        QFile::remove(target);
        const int primary = e.code() & 0xff;
        out.damaged = primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
        return fail(Store::tr("The local database %1 could not be encrypted: %2").arg(path, e.message()));
    }
    // The store is its user's alone (sql::Database creates it 0600); VACUUM INTO made the copy with the
    // umask's mode.
    if (!QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || !flushToDisk(target, false)) {
        QFile::remove(target);
        return fail(Store::tr("The encrypted copy of the local database %1 could not be written to the disk.").arg(path));
    }
    crash("encrypt-before-rename");
    if (std::rename(QFile::encodeName(target).constData(), QFile::encodeName(path).constData()) != 0) {
        const QString why = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(target);
        return fail(Store::tr("The encrypted copy of the local database %1 could not take its place: %2").arg(path, why));
    }
    flushToDisk(QFileInfo(path).absolutePath(), true);
    QFile::remove(path + QStringLiteral("-shm")); // the plain file's, if any: never of use to the new one
    crash("encrypt-after-rename");
    qCInfo(lcStore) << "the local database" << path << "is now encrypted";
    out.ok = true;
    return out;
}

} // namespace rounds::storecrypt
