// Store: opening the file, recovering a damaged one, closing it.
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/clientschema.h"
#include "models/store.h"
#include "models/store/entitysqlcache.h"
#include "models/store/storeconnection.h"
#include "models/store/storecrypt.h"
#include "models/storekeys.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QStandardPaths>

#include <sqlite3.h>

#include <csignal>

namespace rounds {

using namespace storeconnection;
using namespace storerows;

namespace {

const QString kCleanShutdown = QStringLiteral("clean_shutdown");

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// "ok", or what the integrity check found (a file too damaged to check counts as damaged).
QString integrityOf(sql::Database &db)
{
    return catchSql([&] { return db.integrityCheck(); },
        [](const sql::SqlError &e) -> QString {
            if (!isCorruption(e.code()))
                throw;
            return e.message();
        });
}

bool closedUncleanly(sql::Database &db)
{
    auto q = db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
    q->bind(1, kCleanShutdown);
    return q->step() && q->text(0) == QLatin1String("0");
}

// A first sync that died while bulk loading: its indexes come back before anything else (and before the
// migrations, which expect them). Without them queries are slow, not wrong: a failure here (a full
// disk) leaves the mark for the next open. Only when no sync runs: another process (the window while
// rounds-cli opens the file) may be loading right now; then the mark is left for that sync, or the next
// one, to finish.
void finishInterruptedBulkLoad(sql::Database &db, const QString &path)
{
    catchSql(
        [&] {
            QLockFile syncLock(path + QStringLiteral(".sync-lock"));
            syncLock.setStaleLockTime(0);
            if (!bulkMark(db).isEmpty() && syncLock.tryLock(0))
                finishBulk(db);
        },
        [](const sql::SqlError &e) {
            if (isCorruption(e.code()))
                throw;
            qCWarning(lcStore) << "could not finish the interrupted bulk load:" << e.text();
        });
}

// The options of a connection to the store's file: its key (empty only for rounds-bench --plain).
sql::Database::Options keyed(const QByteArray &key)
{
    sql::Database::Options options;
    options.key = key;
    return options;
}

// Where a damaged file goes (never deleted): next to it, stamped, with its WAL and shared memory.
std::optional<QString> moveAside(const QString &path)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path, aside))
        return std::nullopt;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, aside + QString::fromLatin1(suffix));
    }
    return aside;
}

} // namespace

// Pending changes and open conflicts exist only on this machine: what a damaged file still gives.
struct Store::Recovered
{
    QList<OutboxMutation> mutations;
    QList<QStringList> conflicts; // entity, record_id, mutation_id, field, base, mine, theirs, created_at

    Recovered(const QString &aside, const QByteArray &key)
    {
        catchSql([&] { read(aside, key); },
            [](const sql::SqlError &e) {
                qCWarning(lcStore) << "could not read pending changes from the damaged file:" << e.text();
            });
    }

private:
    void read(const QString &aside, const QByteArray &key)
    {
        sql::Database::Options readOnly = keyed(key);
        readOnly.create = false;
        readOnly.readOnly = true;
        readOnly.wal = false;
        sql::Database old(aside, readOnly);
        if (old.tableExists(QStringLiteral("outbox"))) {
            auto q = old.query(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(kOutboxColumns));
            while (q->step())
                mutations << readMutation(*q);
        }
        // Open conflicts hold values the user typed and has not decided about yet: they come along too.
        if (old.tableExists(QStringLiteral("conflict"))) {
            auto q = old.query(
                QStringLiteral("SELECT entity, record_id, mutation_id, field, base, mine, theirs, "
                               "created_at FROM conflict WHERE resolved = 0 ORDER BY id"));
            while (q->step()) {
                QStringList row;
                for (int c = 0; c < 8; ++c)
                    row << q->text(c);
                conflicts << row;
            }
        }
    }
};

QString Store::defaultPath(const QString &serverHost, const QString &userName)
{
    // Host and user become folder names: keep them to characters every file system accepts.
    auto safe = [](QString s) {
        for (QChar &c : s) {
            if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-')
                    || c == QLatin1Char('_')))
                c = QLatin1Char('_');
        }
        return s.isEmpty() ? QStringLiteral("_") : s;
    };
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
        .filePath(
            safe(serverHost.toLower()) + QLatin1Char('/') + safe(userName) + QStringLiteral("/rounds.db"));
}

void Store::crashHook(const char *point) const
{
    // Test seam for the atomicity test: the process dies here, as it would on a power cut.
    if (!m_crashAt.isEmpty() && m_crashAt == point)
        std::raise(SIGKILL);
}

StoreOpenResult Store::openSecondary(const QString &path)
{
    close();
    m_secondary = true;
    m_path = path;
    StoreOpenResult r;
    // The primary connection of this process (or prepareKey()) made or read the key: it is in memory.
    bool damagedPlain = false;
    const std::optional<QByteArray> key = unlock(path, &r.message, &damagedPlain);
    if (!key || damagedPlain) {
        if (damagedPlain)
            r.message = tr("The local database %1 is damaged.").arg(path);
        return r;
    }
    m_key = *key;
    catchSql(
        [&] {
            m_db = std::make_unique<sql::Database>(path, keyed(m_key));
            const sql::MigrationResult migrated
                = sql::migrate(*m_db, clientMigrations(), tr("The local database"));
            if (!migrated.ok) {
                m_db.reset();
                r.message = migrated.error;
                return;
            }
            tuneConnection(*m_db);
            r.ok = true;
        },
        [&](const sql::SqlError &e) {
            m_db.reset();
            r.message = tr("Cannot open the local database %1: %2").arg(path, e.message());
        });
    return r;
}

StoreOpenResult Store::open(const QString &path)
{
    close();
    m_secondary = false;
    m_path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        StoreOpenResult r;
        r.message = tr("Cannot create the folder %1 for the local database.").arg(info.absolutePath());
        return r;
    }
    bool damagedPlain = false;
    {
        StoreOpenResult r;
        const std::optional<QByteArray> key = unlock(path, &r.message, &damagedPlain);
        if (!key) {
            qCWarning(lcStore) << r.message;
            return r;
        }
        m_key = *key;
    }
    m_plainAside = damagedPlain;
    if (damagedPlain)
        return catchSql([&] { return recreate(path, tr("it could not be encrypted")); },
            [&](const sql::SqlError &e) {
                m_db.reset();
                StoreOpenResult r;
                r.message = tr("Cannot open the local database %1: %2").arg(path, e.message());
                return r;
            });
    return catchSql([&] { return openFile(path); },
        [&](const sql::SqlError &e) {
            m_db.reset();
            if (isCorruption(e.code()))
                return recreate(path, e.message());
            StoreOpenResult r;
            r.message = tr("Cannot open the local database %1: %2").arg(path, e.message());
            qCWarning(lcStore) << r.message;
            return r;
        });
}

StoreOpenResult Store::openFile(const QString &path)
{
    StoreOpenResult r;
    auto db = std::make_unique<sql::Database>(path, keyed(m_key));
    const int version = db->userVersion();
    const int latest = clientMigrations().last().version;
    if (version > latest) {
        r.message = sql::migrate(*db, clientMigrations(), tr("The local database")).error;
        return r;
    }
    if (version >= 2) {
        if (closedUncleanly(*db)) {
            const QString check = integrityOf(*db);
            if (check != QLatin1String("ok")) {
                qCWarning(lcStore) << "integrity check failed:" << check.left(500);
                db.reset();
                StoreOpenResult damaged = recreate(path, check.section(QLatin1Char('\n'), 0, 0));
                damaged.integrityChecked = true;
                return damaged;
            }
            r.integrityChecked = true;
        }
        finishInterruptedBulkLoad(*db, path);
    }
    tuneConnection(*db);
    const sql::MigrationResult migrated = sql::migrate(*db, clientMigrations(), tr("The local database"));
    if (!migrated.ok) {
        r.message = migrated.error;
        return r;
    }
    refreshNameSortKeys(*db);
    {
        auto q = db->query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, '0') "
                                          "ON CONFLICT(key) DO UPDATE SET value = '0'"));
        q->bind(1, kCleanShutdown);
        q->run();
    }
    m_db = std::move(db);
    r.ok = true;
    qCDebug(lcStore) << "opened" << path << "schema version" << migrated.to;
    return r;
}

QString Store::prepareKey(const QString &path)
{
    const storekeys::KeyResult key
        = storekeys::keyFor(path, storecrypt::stateOf(path) != storecrypt::FileState::Encrypted);
    return key.ok ? QString() : key.message;
}

std::optional<QByteArray> Store::unlock(const QString &path, QString *message, bool *damagedPlain)
{
    using storecrypt::FileState;
    storecrypt::removeLeftovers(path);
    const FileState state = storecrypt::stateOf(path);
    const storekeys::KeyResult key = storekeys::keyFor(path, state != FileState::Encrypted);
    if (!key.ok) {
        *message = tr("Cannot open the local database %1. %2 Rounds keeps the database encrypted with a key "
                      "in the system keychain; unlock or start the keychain (GNOME Keyring, KWallet) and "
                      "open Rounds again.")
                       .arg(path, key.message);
        return std::nullopt;
    }
    if (key.key.isEmpty() && state == FileState::Encrypted) {
        *message = tr("The local database %1 is encrypted, and its key is not in the system keychain (the "
                      "entry was removed, or the file comes from another computer or user account). The file "
                      "was not changed. Move it away, or sign out, and sign in again: the server sends your "
                      "data again; changes not yet sent in that file cannot be read without its key.")
                       .arg(path);
        return std::nullopt;
    }
    if (state == FileState::Plain && !key.key.isEmpty()) {
        const storecrypt::Outcome encrypted
            = storecrypt::encryptInPlace(path, key.key, [this](const char *point) { crashHook(point); });
        if (encrypted.damaged) {
            *damagedPlain = true;
            return key.key;
        }
        if (!encrypted.ok) {
            *message = encrypted.message;
            return std::nullopt;
        }
    }
    if (state == FileState::Encrypted) {
        // The key must open the file before anything else reads it: a wrong key looks like a damaged
        // file to SQLite, and a damaged file is moved aside and replaced. This one is left as it is.
        enum { Opens, WrongKey, Fails } probe = Opens;
        QString why;
        catchSql(
            [&] {
                sql::Database::Options options = keyed(key.key);
                options.create = false;
                options.wal = false;
                sql::Database db(path, options);
            },
            [&](const sql::SqlError &e) {
                probe = isCorruption(e.code()) ? WrongKey : Fails;
                why = e.message();
            });
        if (probe == WrongKey) {
            *message = tr("The local database %1 cannot be read with the key in the system keychain (the key "
                          "belongs to another file, or the file is damaged). The file was not changed. Move it "
                          "away, or sign out, and sign in again: the server sends your data again.")
                           .arg(path);
            return std::nullopt;
        }
        if (probe == Fails) {
            *message = tr("Cannot open the local database %1: %2").arg(path, why);
            return std::nullopt;
        }
    }
    return key.key;
}

StoreOpenResult Store::recreate(const QString &path, const QString &why)
{
    StoreOpenResult r;
    m_db.reset();
    const std::optional<QString> aside = moveAside(path);
    if (!aside) {
        r.message
            = tr("The local database %1 is damaged (%2) and could not be moved aside. Close other programs "
                 "using it and try again.")
                  .arg(path, why);
        return r;
    }
    qCWarning(lcStore) << "damaged database moved to" << *aside << ":" << why;
    const Recovered recovered(*aside, m_plainAside ? QByteArray() : m_key);
    m_plainAside = false;
    StoreOpenResult fresh = openFile(path);
    if (!fresh.ok)
        return fresh;
    const int carried = carryOver(recovered);
    r = fresh;
    r.recreated = true;
    r.movedAsidePath = *aside;
    r.recoveredMutations = carried;
    r.message
        = tr("The local database was damaged (%1). It was moved to %2 and a new one was started; the next "
             "sync downloads your data again. %3 change(s) not yet sent were recovered.")
              .arg(why, *aside)
              .arg(carried);
    return r;
}

int Store::carryOver(const Recovered &recovered)
{
    int carried = 0;
    return catchSql(
        [&] {
            sql::Transaction tx(*m_db);
            for (const OutboxMutation &m : recovered.mutations) {
                const protocol::Entity *e = protocol::Schema::instance().entity(m.entity);
                if (!e || m.mutationId.isEmpty() || m.recordId.isEmpty())
                    continue;
                insertMutation(*m_db, m);
                // A local create is known nowhere else: show it again. Edits come back on top of the next
                // pull.
                if (m.op == QLatin1String("upsert") && m.baseVersion == 0) {
                    protocol::Record rec;
                    rec.id = m.recordId;
                    rec.fields = m.set;
                    writeRow(*m_db, m_apply->of(*e).upsert, *e, rec);
                }
                ++carried;
            }
            auto conflict = m_db->query(
                QStringLiteral("INSERT INTO conflict (entity, record_id, mutation_id, field, "
                               "base, mine, theirs, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
            for (const QStringList &row : recovered.conflicts) {
                for (int c = 0; c < 8; ++c)
                    conflict->bind(c + 1, row.at(c));
                conflict->run();
                conflict->reset();
            }
            tx.commit();
            return carried;
        },
        [](const sql::SqlError &e) {
            qCWarning(lcStore) << "could not carry pending changes over:" << e.text();
            return 0;
        });
}

void Store::close()
{
    if (!m_db)
        return;
    catchSql(
        [&] {
            m_db->exec(QStringLiteral("PRAGMA optimize"));
            if (!m_secondary) {
                auto q = m_db->query(QStringLiteral("UPDATE sync_meta SET value = '1' WHERE key = ?1"));
                q->bind(1, kCleanShutdown);
                q->run();
            }
        },
        [&](const sql::SqlError &e) { qCWarning(lcStore) << "closing" << m_path << ":" << e.text(); });
    m_apply = std::make_unique<EntitySqlCache>();
    m_db.reset();
}

} // namespace rounds
