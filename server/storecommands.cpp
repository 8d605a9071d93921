#include "server/commandline.h"
#include "server/commands.h"
#include "server/diskfilestore.h"
#include "server/pgconnection.h"
#include "server/pgfilestore.h"
#include "server/pgstorage.h"
#include "server/sqlitestorage.h"
#include "server/storagefactory.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTextStream>

// The commands that take the whole store at once (docs/server.md, "Backups" and "PostgreSQL"): backup,
// restore, new-epoch, migrate-to-postgres. Files go with the records: on SQLite a backup FILE has its
// files in the folder FILE.files beside it; on PostgreSQL they are tables of the dump.
namespace rounds::server {

using namespace cli;

namespace {

QString filesBeside(const QString &backupFile)
{
    return backupFile + QStringLiteral(".files");
}

// Copies the complete files of DATA/files into FILE.files (each checked against its hash on the way).
bool backupFiles(const QString &dataDir, const QString &backupFile, int *copied, QString *error)
{
    std::unique_ptr<DiskFileStore> from = DiskFileStore::open(dataDir, error);
    if (!from)
        return false;
    if (!QDir().mkpath(filesBeside(backupFile))) {
        *error = QStringLiteral("cannot create %1").arg(filesBeside(backupFile));
        return false;
    }
    std::unique_ptr<DiskFileStore> to = DiskFileStore::atRoot(filesBeside(backupFile));
    return copyFiles(*from, *to, copied, error);
}

// The files of a backup (FILE.files, if there is one) into DATA/files.
bool restoreFiles(const QString &folder, const QString &dataDir, int *copied, QString *error)
{
    *copied = 0;
    if (!QFileInfo(folder).isDir())
        return true;
    std::unique_ptr<DiskFileStore> to = DiskFileStore::open(dataDir, error);
    if (!to)
        return false;
    return copyFiles(*DiskFileStore::atRoot(folder), *to, copied, error);
}

} // namespace

int backupCommand(const QStringList &args)
{
    QCommandLineParser p;
    QString file;
    if (const int rc = parseWithFile(p, "out", QStringLiteral("The backup file to write (must not exist)."),
            QStringLiteral("backup"),
            QStringLiteral(
                "Copies the database consistently, also while the server runs (SQLite online backup), and on SQLite "
                "the data folder's files into FILE.files (PostgreSQL keeps files in the database, so pg_dump has them)."),
            args, &file);
        rc >= 0)
        return rc;
    if (QFileInfo::exists(file))
        return fail(QStringLiteral("%1 exists already; choose a new file").arg(file));
    return onStore(p, false, [&](Storage &storage, QString *error) {
        if (!storage.backup(file, error))
            return false;
        int files = 0;
        if (!p.isSet(QStringLiteral("database")) && !backupFiles(p.value(QStringLiteral("data")), file, &files, error))
            return false;
        err() << "rounds-server: backup written to " << file;
        if (files > 0)
            err() << " and its " << files << " files to " << filesBeside(file);
        err() << Qt::endl;
        return true;
    });
}

int restoreCommand(const QStringList &args)
{
    QCommandLineParser p;
    QString file;
    if (const int rc = parseWithFile(p, "from", QStringLiteral("A file written by `rounds-server backup`."),
            QStringLiteral("restore"),
            QStringLiteral(
                "Creates a data folder from a backup (and its files from FILE.files, when there), with a new epoch so "
                "clients pull everything again."),
            args, &file);
        rc >= 0)
        return rc;
    QString error;
    if (p.isSet(QStringLiteral("database"))) {
        // A pg_dump file (custom format) into an empty database; the epoch then changes as below.
        {
            std::unique_ptr<PgStorage> empty = PgStorage::open(p.value(QStringLiteral("database")), true, &error);
            if (!empty)
                return fail(error);
            bool hasData = false;
            if (!empty->read(
                    [&](StoreReader &r) { hasData = !r.all(QStringLiteral("territory")).isEmpty(); }, &error))
                return fail(error);
            if (hasData)
                return fail(QStringLiteral("%1 holds data already; restore into a new, empty database")
                                .arg(storeName(p)));
        }
        QString pgRestore = QStandardPaths::findExecutable(QStringLiteral("pg_restore"));
        if (pgRestore.isEmpty())
            return fail(QStringLiteral("pg_restore was not found (install postgresql-client)"));
        QProcess restore;
        // --clean drops the empty schema the check above created, so the dump's tables replace it.
        restore.start(pgRestore,
            {QStringLiteral("--clean"), QStringLiteral("--if-exists"), QStringLiteral("--no-owner"),
                QStringLiteral("--exit-on-error"), QStringLiteral("--dbname"), p.value(QStringLiteral("database")), file});
        if (!restore.waitForFinished(-1) || restore.exitStatus() != QProcess::NormalExit
            || restore.exitCode() != 0)
            return fail(QStringLiteral("pg_restore failed: %1")
                            .arg(QString::fromUtf8(restore.readAllStandardError()).trimmed()));
    } else {
        const QString target = QDir(p.value(QStringLiteral("data"))).filePath(SqliteStorage::fileName());
        if (QFileInfo::exists(target))
            return fail(QStringLiteral("%1 exists already; restore into a new data folder").arg(target));
        if (!QDir().mkpath(p.value(QStringLiteral("data"))) || !QFile::copy(file, target))
            return fail(QStringLiteral("cannot copy %1 to %2").arg(file, target));
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        int files = 0;
        if (!restoreFiles(filesBeside(file), p.value(QStringLiteral("data")), &files, &error))
            return fail(error);
        if (files > 0)
            err() << "rounds-server: restored " << files << " files from " << filesBeside(file) << Qt::endl;
    }
    return onStore(p, false, [&](Storage &storage, QString *error) {
        if (!setNewEpoch(storage, error))
            return false;
        err() << "rounds-server: restored " << file << " into " << storeName(p) << " with a new epoch"
              << Qt::endl;
        return true;
    });
}

int newEpochCommand(const QStringList &args)
{
    QCommandLineParser p;
    if (const int rc = parse(p, QStringLiteral("new-epoch"),
            QStringLiteral("Gives the store a new epoch, so every client pulls everything again (after "
                           "restoring a PostgreSQL database with pg_restore, say)."),
            args);
        rc >= 0)
        return rc;
    return onStore(p, false, [&](Storage &storage, QString *error) {
        if (!setNewEpoch(storage, error))
            return false;
        err() << "rounds-server: " << storeName(p) << " has a new epoch; clients pull everything again"
              << Qt::endl;
        return true;
    });
}

int migrateToPostgres(const QStringList &args)
{
    QCommandLineParser p;
    p.addOptions({QCommandLineOption(QStringLiteral("data"), QStringLiteral("The SQLite data folder to copy."),
                      QStringLiteral("DIR")),
        QCommandLineOption(QStringLiteral("database"),
            QStringLiteral("The empty PostgreSQL database: postgresql://USER@HOST:PORT/DB."), QStringLiteral("URL"))});
    const QString command = QStringLiteral("migrate-to-postgres");
    if (const int rc = parse(p, command,
            QStringLiteral("Copies a SQLite data folder into an empty PostgreSQL database, keeping ids, "
                           "versions, change feeds with their seqs, audit, users, tokens, files and the epoch: "
                           "clients go on without pulling everything again. Stop the SQLite server first."),
            args, false);
        rc >= 0)
        return rc;
    if (p.value(QStringLiteral("data")).isEmpty() || p.value(QStringLiteral("database")).isEmpty())
        return usage(QStringLiteral("--data DIR and --database URL are both required"), command);
    if (!isDatabaseUrl(p.value(QStringLiteral("database"))))
        return usage(QStringLiteral("--database wants a postgresql://USER@HOST:PORT/DB URL"), command);
    QElapsedTimer timer;
    timer.start();
    QString error;
    {
        // Brings the SQLite file to this build's schema first (and checks it is one).
        std::unique_ptr<SqliteStorage> source = SqliteStorage::open(p.value(QStringLiteral("data")), false, &error);
        if (!source)
            return fail(error);
    }
    std::unique_ptr<PgStorage> target = PgStorage::open(p.value(QStringLiteral("database")), true, &error);
    if (!target)
        return fail(error);
    QStringList counts;
    if (!target->importSqlite(QDir(p.value(QStringLiteral("data"))).filePath(SqliteStorage::fileName()), &counts, &error))
        return fail(error);
    std::unique_ptr<FileStore> fromFiles = DiskFileStore::open(p.value(QStringLiteral("data")), &error);
    std::unique_ptr<FileStore> toFiles = fromFiles ? PgFileStore::open(p.value(QStringLiteral("database")), &error) : nullptr;
    int files = 0;
    if (!toFiles || !copyFiles(*fromFiles, *toFiles, &files, &error))
        return fail(error);
    counts << QStringLiteral("%1 files").arg(files);
    err() << "rounds-server: copied " << p.value(QStringLiteral("data")) << " into " << pg::redactUrl(p.value(QStringLiteral("database")))
          << " in " << timer.elapsed() << " ms (" << counts.join(QLatin1String(", ")) << ")" << Qt::endl;
    return ExitOk;
}

} // namespace rounds::server
