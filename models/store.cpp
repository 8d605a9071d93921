#include "models/store.h"

#include "models/clientschema.h"
#include "models/log.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "common/protocol/ddl.h"
#include "common/protocol/values.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>

#include <sqlite3.h>

#include <csignal>
#include <functional>
#include <unordered_map>

namespace rounds {

using protocol::Entity;
using protocol::Field;
using protocol::Record;
using protocol::Schema;

namespace {

const QString kCleanShutdown = QStringLiteral("clean_shutdown");
constexpr int kCacheKiB = 32 * 1024;
// While a first sync bulk loads: a page cache that holds the primary-key and record_bucket B-trees of a
// 1.6 M-row first sync for longer (peak RSS stays well under the 300 MB goal), and a checkpoint every
// 64 MB of WAL instead of SQLite's 4 MB, so a page rewritten by several transactions is copied back once.
constexpr int kBulkCacheKiB = 128 * 1024;
constexpr int kBulkCheckpointPages = 16384;
constexpr int kCheckpointPages = 1000; // SQLite's default
// sync_meta key: present while a bulk load is under way; its value holds the SQL of the dropped indexes.
const QString kBulkLoad = QStringLiteral("bulk_load");

// The settings every connection of the store runs with, primary or secondary. A bigger page cache than
// SQLite's 2 MB default: pulled pages insert by random UUID into several indexes, and evicting dirty pages
// mid-transaction is what makes bulk apply slow. And a visit the rep saved must survive a power cut or an
// empty battery, not only a crash of the process: the WAL is synced at every commit (NORMAL may lose the
// last commits on power loss).
void tuneConnection(sql::Database &db)
{
    db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
    db.exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return {};
    return QJsonDocument::fromJson(utf8).object();
}

QString recordKey(const QString &entity, const QString &id)
{
    return entity + QLatin1Char('\x1f') + id;
}

bool isCorruption(int code)
{
    const int primary = code & 0xff;
    return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

// The SQL of one entity table, built once.
struct EntitySql
{
    QString select; // all columns by id
    QString upsert; // insert or replace by id, whatever the versions
    QString upsertNewer; // the same, but never over a newer local version (pulled records)
    QString remove;
    int columnCount = 0;

    explicit EntitySql(const Entity &e)
    {
        const QString table = protocol::quoteIdentifier(e.name);
        QStringList columns {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
            QStringLiteral("updated_by")};
        for (const Field &f : e.fields)
            columns << protocol::quoteIdentifier(f.name);
        columns << QStringLiteral("extra");
        columnCount = int(columns.size());
        QStringList params;
        QStringList updates;
        for (int i = 0; i < columns.size(); ++i) {
            params << QStringLiteral("?%1").arg(i + 1);
            if (i > 0)
                updates << QStringLiteral("%1 = excluded.%1").arg(columns.at(i));
        }
        select = QStringLiteral("SELECT %1 FROM %2 WHERE id = ?1").arg(columns.join(u','), table);
        upsert = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3) ON CONFLICT(id) DO UPDATE SET %4")
                     .arg(table, columns.join(u','), params.join(u','), updates.join(u','));
        upsertNewer = upsert + QStringLiteral(" WHERE excluded.version >= %1.version").arg(table);
        remove = QStringLiteral("DELETE FROM %1 WHERE id = ?1").arg(table);
    }
};

} // namespace

struct Store::ApplyCache
{
    QHash<QString, std::shared_ptr<EntitySql>> sql;

    const EntitySql &of(const Entity &e)
    {
        auto it = sql.find(e.name);
        if (it == sql.end())
            it = sql.insert(e.name, std::make_shared<EntitySql>(e));
        return *it.value();
    }
};

namespace {

QString bulkMark(sql::Database &db)
{
    auto q = db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
    q->bind(1, kBulkLoad);
    return q->step() ? q->text(0) : QString();
}

// Creates again what Store::beginBulkLoad() dropped and removes its mark, in one transaction: a crash
// half way leaves the mark, and the next open() does it all again.
void finishBulk(sql::Database &db, const std::function<void()> &beforeCommit = {})
{
    const QString mark = bulkMark(db);
    if (mark.isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();
    static const QRegularExpression createIndex(
        QStringLiteral("^\\s*CREATE\\s+INDEX\\s+(?!IF\\s+NOT\\s+EXISTS)"),
        QRegularExpression::CaseInsensitiveOption);
    const QJsonArray indexes
        = QJsonDocument::fromJson(mark.toUtf8()).object().value(QLatin1String("indexes")).toArray();
    sql::Transaction tx(db);
    for (const QJsonValue &v : indexes) {
        QString statement = v.toString();
        statement.replace(createIndex, QStringLiteral("CREATE INDEX IF NOT EXISTS "));
        try {
            db.exec(statement);
        } catch (const sql::SqlError &e) {
            // A mark older than a migration that removed the column or table: that index is gone for
            // good and must not stop the others forever. A full disk or a busy file still fails it all.
            if ((e.code() & 0xff) != SQLITE_ERROR)
                throw;
            qCWarning(lcStore) << "bulk load: an index of an older schema is not created again:" << e.text();
        }
    }
    auto q = db.query(QStringLiteral("DELETE FROM sync_meta WHERE key = ?1"));
    q->bind(1, kBulkLoad);
    q->run();
    if (beforeCommit)
        beforeCommit();
    tx.commit();
    qCInfo(lcStore) << "bulk load finished:" << indexes.size() << "indexes created in" << clock.elapsed()
                    << "ms";
}

std::optional<Record> readRow(sql::Database &db, const EntitySql &s, const Entity &e, const QString &id)
{
    auto q = db.query(s.select);
    q->bind(1, id);
    if (!q->step())
        return std::nullopt;
    Record r;
    r.id = q->text(0);
    r.version = q->int64(1);
    r.updatedAt = q->text(2);
    r.updatedBy = q->text(3);
    int col = 4;
    for (const Field &f : e.fields)
        r.fields.insert(f.name, protocol::fromStorage(f, q->json(col++)));
    r.extra = parseObject(q->textUtf8(col));
    return r;
}

void writeRow(sql::Database &db, const QString &sqlText, const Entity &e, const Record &r)
{
    auto q = db.query(sqlText);
    q->bind(1, r.id);
    q->bind(2, std::int64_t(r.version));
    q->bind(3, r.updatedAt.isEmpty() ? QString() : r.updatedAt);
    q->bind(4, r.updatedBy.isEmpty() ? QString() : r.updatedBy);
    int pos = 5;
    for (const Field &f : e.fields)
        q->bind(pos++, protocol::toStorage(f, r.fields.value(f.name)));
    if (r.extra.isEmpty())
        q->bindNull(pos);
    else
        q->bind(pos, jsonText(r.extra));
    q->run();
}

OutboxMutation readMutation(sql::Statement &q)
{
    OutboxMutation m;
    m.seq = q.int64(0);
    m.mutationId = q.text(1);
    m.entity = q.text(2);
    m.recordId = q.text(3);
    m.op = q.text(4);
    m.baseVersion = q.int64(5);
    m.base = parseObject(q.textUtf8(6));
    m.set = parseObject(q.textUtf8(7));
    m.createdAt = q.text(8);
    m.state = q.text(9);
    m.errorCode = q.text(10);
    m.errorMessage = q.text(11);
    m.errorField = q.text(12);
    return m;
}

const QString kOutboxColumns
    = QStringLiteral("seq, mutation_id, entity, record_id, op, base_version, base, \"set\", "
                     "created_at, state, error_code, error_message, error_field");

std::optional<OutboxMutation> pendingMutation(sql::Database &db, const QString &entity, const QString &id)
{
    auto q = db.query(
        QStringLiteral("SELECT %1 FROM outbox WHERE entity = ?1 AND record_id = ?2 AND state = 'pending'")
            .arg(kOutboxColumns));
    q->bind(1, entity);
    q->bind(2, id);
    if (!q->step())
        return std::nullopt;
    return readMutation(*q);
}

void insertMutation(sql::Database &db, const OutboxMutation &m)
{
    auto q = db.query(
        QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, base_version, base, "
                       "\"set\", created_at, updated_at, state, error_code, error_message, error_field) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12)"));
    q->bind(1, m.mutationId);
    q->bind(2, m.entity);
    q->bind(3, m.recordId);
    q->bind(4, m.op);
    q->bind(5, std::int64_t(m.baseVersion));
    q->bind(6, jsonText(m.base));
    q->bind(7, jsonText(m.set));
    q->bind(8, m.createdAt.isEmpty() ? protocol::nowUtc() : m.createdAt);
    q->bind(9, m.state.isEmpty() ? QStringLiteral("pending") : m.state);
    q->bind(10, m.errorCode);
    q->bind(11, m.errorMessage);
    q->bind(12, m.errorField);
    q->run();
}

void saveShadowIfMissing(sql::Database &db, const QString &entity, const Record &serverCopy)
{
    auto q = db.query(QStringLiteral(
        "INSERT OR IGNORE INTO shadow (entity, record_id, version, record) VALUES (?1, ?2, ?3, ?4)"));
    q->bind(1, entity);
    q->bind(2, serverCopy.id);
    q->bind(3, std::int64_t(serverCopy.version));
    q->bind(4, jsonText(protocol::encodeRecord(serverCopy)));
    q->run();
}

bool hasOutboxRows(sql::Database &db, const QString &entity, const QString &id)
{
    auto q = db.query(QStringLiteral("SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2 LIMIT 1"));
    q->bind(1, entity);
    q->bind(2, id);
    return q->step();
}

} // namespace

Store::Store(QObject *parent)
    : QObject(parent)
    , m_apply(std::make_unique<ApplyCache>())
    , m_crashAt(qgetenv("ROUNDS_TEST_CRASH_AT"))
{ }

Store::~Store()
{
    close();
}

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
    try {
        const sql::MigrationResult migrated = [&] {
            m_db = std::make_unique<sql::Database>(path);
            return sql::migrate(*m_db, clientMigrations(), tr("The local database"));
        }();
        if (!migrated.ok) {
            m_db.reset();
            r.message = migrated.error;
            return r;
        }
        tuneConnection(*m_db);
        r.ok = true;
    } catch (const sql::SqlError &e) {
        m_db.reset();
        r.message = tr("Cannot open the local database %1: %2").arg(path, e.message());
    }
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
    try {
        return openFile(path);
    } catch (const sql::SqlError &e) {
        m_db.reset();
        if (isCorruption(e.code()))
            return recreate(path, e.message());
        StoreOpenResult r;
        r.message = tr("Cannot open the local database %1: %2").arg(path, e.message());
        qCWarning(lcStore) << r.message;
        return r;
    }
}

StoreOpenResult Store::openFile(const QString &path)
{
    StoreOpenResult r;
    auto db = std::make_unique<sql::Database>(path);
    const int version = db->userVersion();
    const int latest = clientMigrations().last().version;
    if (version > latest) {
        r.message = sql::migrate(*db, clientMigrations(), tr("The local database")).error;
        return r;
    }
    if (version >= 2) {
        bool unclean = false;
        {
            auto q = db->query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
            q->bind(1, kCleanShutdown);
            unclean = q->step() && q->text(0) == QLatin1String("0");
        }
        if (unclean) {
            QString check;
            try {
                check = db->integrityCheck();
            } catch (const sql::SqlError &e) {
                if (!isCorruption(e.code()))
                    throw;
                check = e.message();
            }
            if (check != QLatin1String("ok")) {
                qCWarning(lcStore) << "integrity check failed:" << check.left(500);
                db.reset();
                StoreOpenResult damaged = recreate(path, check.section(QLatin1Char('\n'), 0, 0));
                damaged.integrityChecked = true;
                return damaged;
            }
            r.integrityChecked = true;
        }
        // A first sync that died while bulk loading: its indexes come back before anything else (and
        // before the migrations, which expect them). Without them queries are slow, not wrong: a failure
        // here (a full disk) leaves the mark for the next open.
        // Only when no sync runs: another process (the window while rounds-cli opens the file) may be
        // loading right now; then the mark is left for that sync, or the next one, to finish.
        try {
            QLockFile syncLock(path + QStringLiteral(".sync-lock"));
            syncLock.setStaleLockTime(0);
            if (!bulkMark(*db).isEmpty() && syncLock.tryLock(0))
                finishBulk(*db);
        } catch (const sql::SqlError &e) {
            if (isCorruption(e.code()))
                throw;
            qCWarning(lcStore) << "could not finish the interrupted bulk load:" << e.text();
        }
    }
    tuneConnection(*db);
    const sql::MigrationResult migrated = sql::migrate(*db, clientMigrations(), tr("The local database"));
    if (!migrated.ok) {
        r.message = migrated.error;
        return r;
    }
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

StoreOpenResult Store::recreate(const QString &path, const QString &why)
{
    StoreOpenResult r;
    m_db.reset();
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString aside = path + QStringLiteral(".damaged-") + stamp;
    for (int n = 2; QFileInfo::exists(aside); ++n)
        aside = path + QStringLiteral(".damaged-%1-%2").arg(stamp).arg(n);
    if (!QFile::rename(path, aside)) {
        r.message
            = tr("The local database %1 is damaged (%2) and could not be moved aside. Close other programs "
                 "using it and try again.")
                  .arg(path, why);
        return r;
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QString::fromLatin1(suffix);
        if (QFileInfo::exists(side))
            QFile::rename(side, aside + QString::fromLatin1(suffix));
    }
    qCWarning(lcStore) << "damaged database moved to" << aside << ":" << why;

    // Pending changes exist only on this machine: carry over whatever can still be read.
    QList<OutboxMutation> recovered;
    QList<QStringList> openConflicts; // entity, record_id, mutation_id, field, base, mine, theirs, created_at
    try {
        sql::Database::Options readOnly;
        readOnly.create = false;
        readOnly.readOnly = true;
        readOnly.wal = false;
        sql::Database old(aside, readOnly);
        if (old.tableExists(QStringLiteral("outbox"))) {
            auto q = old.query(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(kOutboxColumns));
            while (q->step())
                recovered << readMutation(*q);
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
                openConflicts << row;
            }
        }
    } catch (const sql::SqlError &e) {
        qCWarning(lcStore) << "could not read pending changes from the damaged file:" << e.text();
    }

    StoreOpenResult fresh = openFile(path);
    if (!fresh.ok)
        return fresh;
    int carried = 0;
    try {
        sql::Transaction tx(*m_db);
        for (const OutboxMutation &m : std::as_const(recovered)) {
            const Entity *e = Schema::instance().entity(m.entity);
            if (!e || m.mutationId.isEmpty() || m.recordId.isEmpty())
                continue;
            insertMutation(*m_db, m);
            // A local create is known nowhere else: show it again. Edits come back on top of the next pull.
            if (m.op == QLatin1String("upsert") && m.baseVersion == 0) {
                Record rec;
                rec.id = m.recordId;
                rec.fields = m.set;
                writeRow(*m_db, m_apply->of(*e).upsert, *e, rec);
            }
            ++carried;
        }
        auto conflict = m_db->query(
            QStringLiteral("INSERT INTO conflict (entity, record_id, mutation_id, field, "
                           "base, mine, theirs, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        for (const QStringList &row : std::as_const(openConflicts)) {
            for (int c = 0; c < 8; ++c)
                conflict->bind(c + 1, row.at(c));
            conflict->run();
            conflict->reset();
        }
        tx.commit();
    } catch (const sql::SqlError &e) {
        qCWarning(lcStore) << "could not carry pending changes over:" << e.text();
        carried = 0;
    }
    r = fresh;
    r.recreated = true;
    r.movedAsidePath = aside;
    r.recoveredMutations = carried;
    r.message
        = tr("The local database was damaged (%1). It was moved to %2 and a new one was started; the next "
             "sync downloads your data again. %3 change(s) not yet sent were recovered.")
              .arg(why, aside)
              .arg(carried);
    return r;
}

void Store::close()
{
    if (!m_db)
        return;
    try {
        m_db->exec(QStringLiteral("PRAGMA optimize"));
        if (!m_secondary) {
            auto q = m_db->query(QStringLiteral("UPDATE sync_meta SET value = '1' WHERE key = ?1"));
            q->bind(1, kCleanShutdown);
            q->run();
        }
    } catch (const sql::SqlError &e) {
        qCWarning(lcStore) << "closing" << m_path << ":" << e.text();
    }
    m_apply = std::make_unique<ApplyCache>();
    m_db.reset();
}

// --- the local write path ------------------------------------------------------------------------------

WriteResult Store::create(const QString &entityName, const QJsonObject &fields, const QString &givenId)
{
    WriteResult w;
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e || e->serverOnly) {
        w.error = !m_db ? tr("The local database is not open.")
                        : tr("'%1' cannot be created here.").arg(entityName);
        return w;
    }
    QJsonObject normalized;
    if (auto err = protocol::validateChanges(*e, fields, true, &normalized)) {
        w.error = err->message;
        w.field = err->field;
        return w;
    }
    const QString id = givenId.isEmpty() ? protocol::newUuid() : givenId;
    if (!protocol::isUuid(id)) {
        w.error = tr("'%1' is not a lower-case UUID.").arg(id);
        w.field = protocol::Base::Id;
        return w;
    }
    try {
        const EntitySql &s = m_apply->of(*e);
        sql::Transaction tx(*m_db);
        if (readRow(*m_db, s, *e, id) || hasOutboxRows(*m_db, e->name, id)) {
            w.error = tr("A %1 with id %2 already exists.").arg(e->name, id);
            return w;
        }
        Record rec;
        rec.id = id;
        rec.fields = normalized;
        writeRow(*m_db, s.upsert, *e, rec);
        crashHook("after-row-write");
        OutboxMutation m;
        m.mutationId = protocol::newUuid();
        m.entity = e->name;
        m.recordId = id;
        m.op = QStringLiteral("upsert");
        m.set = normalized;
        insertMutation(*m_db, m);
        crashHook("before-commit");
        tx.commit();
    } catch (const sql::SqlError &err) {
        w.error = tr("Could not save: %1").arg(err.message());
        qCWarning(lcStore) << "create" << entityName << err.text();
        return w;
    }
    w.ok = true;
    w.id = id;
    emit recordsChanged(e->name, {id});
    return w;
}

WriteResult Store::update(const QString &entityName, const QString &id, const QJsonObject &changes)
{
    WriteResult w;
    w.id = id;
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e || e->serverOnly) {
        w.error = !m_db ? tr("The local database is not open.")
                        : tr("'%1' cannot be edited here.").arg(entityName);
        return w;
    }
    QJsonObject normalized;
    if (auto err = protocol::validateChanges(*e, changes, false, &normalized)) {
        w.error = err->message;
        w.field = err->field;
        return w;
    }
    bool changed = false;
    try {
        const EntitySql &s = m_apply->of(*e);
        sql::Transaction tx(*m_db);
        const std::optional<Record> current = readRow(*m_db, s, *e, id);
        if (!current) {
            w.error = tr("The %1 %2 does not exist (any more).").arg(e->name, id);
            return w;
        }
        // Only real changes make a mutation.
        QJsonObject delta;
        for (auto it = normalized.begin(); it != normalized.end(); ++it) {
            if (!protocol::sameValue(current->fields.value(it.key()), it.value()))
                delta.insert(it.key(), it.value());
        }
        if (!delta.isEmpty()) {
            std::optional<OutboxMutation> pending = pendingMutation(*m_db, e->name, id);
            if (!pending && current->version > 0)
                saveShadowIfMissing(*m_db, e->name, *current);

            Record next = *current;
            for (auto it = delta.begin(); it != delta.end(); ++it)
                next.fields.insert(it.key(), it.value());
            writeRow(*m_db, s.upsert, *e, next);
            crashHook("after-row-write");

            if (pending) {
                // Coalesce: the first base of each field stays, the latest value wins.
                for (auto it = delta.begin(); it != delta.end(); ++it) {
                    if (pending->baseVersion > 0 && !pending->base.contains(it.key()))
                        pending->base.insert(it.key(), current->fields.value(it.key()));
                    pending->set.insert(it.key(), it.value());
                }
                auto q = m_db->query(QStringLiteral(
                    "UPDATE outbox SET base = ?1, \"set\" = ?2, updated_at = ?3 WHERE seq = ?4"));
                q->bind(1, jsonText(pending->base));
                q->bind(2, jsonText(pending->set));
                q->bind(3, protocol::nowUtc());
                q->bind(4, std::int64_t(pending->seq));
                q->run();
            } else {
                OutboxMutation m;
                m.mutationId = protocol::newUuid();
                m.entity = e->name;
                m.recordId = id;
                m.op = QStringLiteral("upsert");
                m.baseVersion = current->version;
                for (auto it = delta.begin(); it != delta.end(); ++it) {
                    if (current->version > 0)
                        m.base.insert(it.key(), current->fields.value(it.key()));
                }
                m.set = delta;
                insertMutation(*m_db, m);
            }
            crashHook("before-commit");
            changed = true;
        }
        tx.commit();
    } catch (const sql::SqlError &err) {
        w.error = tr("Could not save: %1").arg(err.message());
        qCWarning(lcStore) << "update" << entityName << id << err.text();
        return w;
    }
    w.ok = true;
    if (changed)
        emit recordsChanged(e->name, {id});
    return w;
}

WriteResult Store::remove(const QString &entityName, const QString &id)
{
    WriteResult w;
    w.id = id;
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e || e->serverOnly) {
        w.error = !m_db ? tr("The local database is not open.")
                        : tr("'%1' cannot be deleted here.").arg(entityName);
        return w;
    }
    try {
        const EntitySql &s = m_apply->of(*e);
        sql::Transaction tx(*m_db);
        const std::optional<Record> current = readRow(*m_db, s, *e, id);
        if (!current) {
            w.error = tr("The %1 %2 does not exist (any more).").arg(e->name, id);
            return w;
        }
        std::optional<OutboxMutation> pending = pendingMutation(*m_db, e->name, id);
        if (!pending && current->version > 0)
            saveShadowIfMissing(*m_db, e->name, *current);
        {
            auto q = m_db->query(s.remove);
            q->bind(1, id);
            q->run();
        }
        crashHook("after-row-write");
        const bool inFlight = [&] {
            auto q = m_db->query(QStringLiteral(
                "SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2 AND state = 'sending' LIMIT 1"));
            q->bind(1, e->name);
            q->bind(2, id);
            return q->step();
        }();
        if (pending && pending->baseVersion == 0 && pending->op == QLatin1String("upsert") && !inFlight) {
            // Created here and never sent: the server never needs to hear of it.
            auto q = m_db->query(QStringLiteral("DELETE FROM outbox WHERE seq = ?1"));
            q->bind(1, std::int64_t(pending->seq));
            q->run();
        } else if (pending) {
            // Edit then delete: one delete against the first base version.
            auto q = m_db->query(QStringLiteral("UPDATE outbox SET op = 'delete', base = '{}', \"set\" = "
                                                "'{}', updated_at = ?1 WHERE seq = ?2"));
            q->bind(1, protocol::nowUtc());
            q->bind(2, std::int64_t(pending->seq));
            q->run();
        } else {
            OutboxMutation m;
            m.mutationId = protocol::newUuid();
            m.entity = e->name;
            m.recordId = id;
            m.op = QStringLiteral("delete");
            m.baseVersion = current->version;
            insertMutation(*m_db, m);
        }
        crashHook("before-commit");
        tx.commit();
    } catch (const sql::SqlError &err) {
        w.error = tr("Could not delete: %1").arg(err.message());
        qCWarning(lcStore) << "remove" << entityName << id << err.text();
        return w;
    }
    w.ok = true;
    emit recordsChanged(e->name, {id});
    return w;
}

std::optional<Record> Store::record(const QString &entityName, const QString &id) const
{
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e)
        return std::nullopt;
    try {
        return readRow(*m_db, m_apply->of(*e), *e, id);
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "record" << entityName << id << err.text();
        return std::nullopt;
    }
}

std::optional<Record> Store::shadow(const QString &entityName, const QString &id) const
{
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e)
        return std::nullopt;
    try {
        auto q
            = m_db->query(QStringLiteral("SELECT record FROM shadow WHERE entity = ?1 AND record_id = ?2"));
        q->bind(1, entityName);
        q->bind(2, id);
        if (!q->step())
            return std::nullopt;
        Record r;
        if (protocol::decodeRecord(*e, parseObject(q->textUtf8(0)), &r, protocol::DecodeMode::Lenient))
            return std::nullopt;
        return r;
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "shadow" << entityName << id << err.text();
        return std::nullopt;
    }
}

// --- the outbox --------------------------------------------------------------------------------------

QList<OutboxMutation> Store::outbox() const
{
    QList<OutboxMutation> list;
    if (!m_db)
        return list;
    try {
        auto q = m_db->query(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(kOutboxColumns));
        while (q->step())
            list << readMutation(*q);
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "outbox" << err.text();
    }
    return list;
}

int Store::pendingCount() const
{
    if (!m_db)
        return 0;
    try {
        return int(m_db->scalarInt(QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'rejected'")));
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "pendingCount" << err.text();
        return 0;
    }
}

QList<OutboxMutation> Store::takeForPush(int limit, QString *error)
{
    QList<OutboxMutation> list;
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return list;
    }
    try {
        sql::Transaction tx(*m_db);
        auto q = m_db->query(QStringLiteral(
            "SELECT %1 FROM outbox WHERE state IN ('sending', 'pending') ORDER BY seq LIMIT ?1")
                                 .arg(kOutboxColumns));
        q->bind(1, limit);
        // One change per record per batch: a later change is re-based on the answer to the earlier one
        // (acknowledge) before it is sent, instead of reaching the server with a base from before it.
        QSet<QString> records;
        while (q->step()) {
            OutboxMutation m = readMutation(*q);
            const QString key = recordKey(m.entity, m.recordId);
            if (records.contains(key))
                continue;
            records.insert(key);
            list << m;
        }
        auto mark = m_db->query(QStringLiteral("UPDATE outbox SET state = 'sending' WHERE seq = ?1"));
        for (OutboxMutation &m : list) {
            mark->bind(1, std::int64_t(m.seq));
            mark->run();
            mark->reset();
            m.state = QStringLiteral("sending");
        }
        tx.commit();
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "takeForPush" << err.text();
        if (error)
            *error = err.message();
        return {};
    }
    return list;
}

bool Store::acknowledge(const QString &mutationId, qint64 newVersion, QString *error)
{
    if (!m_db)
        return false;
    QString entityName;
    QString id;
    try {
        sql::Transaction tx(*m_db);
        qint64 ackedSeq = 0;
        QJsonObject ackedSet;
        {
            auto q = m_db->query(
                QStringLiteral("SELECT entity, record_id, seq, \"set\" FROM outbox WHERE mutation_id = ?1"));
            q->bind(1, mutationId);
            if (!q->step()) {
                if (error)
                    *error = tr("No change %1 is waiting to be sent.").arg(mutationId);
                return false;
            }
            entityName = q->text(0);
            id = q->text(1);
            ackedSeq = q->int64(2);
            ackedSet = parseObject(q->textUtf8(3));
        }
        {
            auto q = m_db->query(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?1"));
            q->bind(1, mutationId);
            q->run();
        }
        if (newVersion > 0) {
            // Changes made while this one was on its way were based on a version the server has now
            // moved past (or, after a create, on no version at all): re-base them on the answer, with
            // this change's values as their base where they had none.
            QList<std::pair<qint64, QJsonObject>> later;
            {
                auto q = m_db->query(
                    QStringLiteral("SELECT seq, base FROM outbox WHERE entity = ?1 AND record_id = ?2 "
                                   "AND seq > ?3 AND state = 'pending' AND base_version < ?4"));
                q->bind(1, entityName);
                q->bind(2, id);
                q->bind(3, std::int64_t(ackedSeq));
                q->bind(4, std::int64_t(newVersion));
                while (q->step())
                    later.append({q->int64(0), parseObject(q->textUtf8(1))});
            }
            for (auto &[seq, base] : later) {
                for (auto it = ackedSet.begin(); it != ackedSet.end(); ++it) {
                    if (!base.contains(it.key()))
                        base.insert(it.key(), it.value());
                }
                auto u = m_db->query(
                    QStringLiteral("UPDATE outbox SET base_version = ?2, base = CASE op WHEN 'delete' "
                                   "THEN '{}' ELSE ?3 END WHERE seq = ?1"));
                u->bind(1, std::int64_t(seq));
                u->bind(2, std::int64_t(newVersion));
                u->bind(3, jsonText(base));
                u->run();
            }
        }
        const Entity *e = Schema::instance().entity(entityName);
        if (e && newVersion > 0) {
            // The server now has our values at this version; the next pull brings its full copy.
            auto q = m_db->query(QStringLiteral("UPDATE %1 SET version = ?2 WHERE id = ?1 AND version < ?2")
                                     .arg(protocol::quoteIdentifier(e->name)));
            q->bind(1, id);
            q->bind(2, std::int64_t(newVersion));
            q->run();
        }
        if (!hasOutboxRows(*m_db, entityName, id)) {
            auto q = m_db->query(QStringLiteral("DELETE FROM shadow WHERE entity = ?1 AND record_id = ?2"));
            q->bind(1, entityName);
            q->bind(2, id);
            q->run();
        }
        tx.commit();
    } catch (const sql::SqlError &err) {
        if (error)
            *error = err.text();
        return false;
    }
    emit recordsChanged(entityName, {id});
    return true;
}

bool Store::reject(const QString &mutationId, const QString &code, const QString &message,
    const QString &field, QString *error)
{
    if (!m_db)
        return false;
    try {
        auto q = m_db->query(
            QStringLiteral("UPDATE outbox SET state = 'rejected', error_code = ?2, error_message = ?3, "
                           "error_field = ?4 WHERE mutation_id = ?1"));
        q->bind(1, mutationId);
        q->bind(2, code);
        q->bind(3, message);
        q->bind(4, field.isEmpty() ? QString() : field);
        q->run();
        if (m_db->changes() == 0) {
            if (error)
                *error = tr("No change %1 is waiting to be sent.").arg(mutationId);
            return false;
        }
    } catch (const sql::SqlError &err) {
        if (error)
            *error = err.text();
        return false;
    }
    return true;
}

// --- the apply path ------------------------------------------------------------------------------------

namespace {

// Binds a pulled record straight from its JSON: the server sends canonical values, so the hot path does
// not validate each field again; fields this build does not know go to `extra` untouched.
bool bindPulled(sql::Statement &q, const Entity &e, const QJsonObject &json)
{
    const QJsonValue id = json.value(protocol::Base::Id);
    const QJsonValue version = json.value(protocol::Base::Version);
    if (!id.isString() || !version.isDouble() || version.toInteger() < 1)
        return false;
    q.bind(1, id.toString());
    q.bind(2, std::int64_t(version.toInteger()));
    q.bind(3, json.value(protocol::Base::UpdatedAt));
    q.bind(4, json.value(protocol::Base::UpdatedBy));
    int known
        = 2 + int(json.contains(protocol::Base::UpdatedAt)) + int(json.contains(protocol::Base::UpdatedBy));
    int pos = 5;
    for (const Field &f : e.fields) {
        const QJsonValue v = json.value(f.name);
        if (!v.isUndefined())
            ++known;
        q.bind(pos++, protocol::toStorage(f, v));
    }
    if (known == json.size()) {
        q.bindNull(pos);
        return true;
    }
    QJsonObject extra;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!protocol::Base::isBaseField(it.key()) && !e.hasField(it.key()))
            extra.insert(it.key(), it.value());
    }
    q.bind(pos, jsonText(extra));
    return true;
}

} // namespace

ApplyResult Store::applyPage(const QList<PulledChange> &changes, const QHash<QString, qint64> &cursors,
    const QStringList &revokedBuckets, const QString &epoch)
{
    ApplyResult result;
    if (!m_db) {
        result.error = tr("The local database is not open.");
        return result;
    }
    QHash<QString, QStringList> changed;
    try {
        sql::Transaction tx(*m_db);
        // Records with local changes still to be pushed: their pending values stay on top.
        QHash<QString, QList<QJsonObject>> pendingSets; // key → sets in push order
        QSet<QString> pendingDeletes;
        {
            auto q = m_db->query(QStringLiteral(
                "SELECT entity, record_id, op, \"set\" FROM outbox WHERE state <> 'rejected' ORDER BY seq"));
            while (q->step()) {
                const QString key = recordKey(q->text(0), q->text(1));
                if (q->text(2) == QLatin1String("delete"))
                    pendingDeletes.insert(key);
                pendingSets[key] << parseObject(q->textUtf8(3));
            }
        }
        auto stillHeld = [this](const QString &entity, const QString &id) {
            auto q = m_db->query(
                QStringLiteral("SELECT 1 FROM record_bucket WHERE entity = ?1 AND record_id = ?2 LIMIT 1"));
            q->bind(1, entity);
            q->bind(2, id);
            return q->step();
        };
        auto dropRow = [this, &changed, &result](const Entity &e, const QString &id) {
            auto q = m_db->query(m_apply->of(e).remove);
            q->bind(1, id);
            q->run();
            if (m_db->changes() > 0) {
                ++result.dropped;
                changed[e.name] << id;
            }
        };

        const QString addBucketSql = QStringLiteral(
            "INSERT OR IGNORE INTO record_bucket (entity, record_id, bucket) VALUES (?1, ?2, ?3)");
        sql::Query addBucket = m_db->query(addBucketSql);
        std::unordered_map<const Entity *, std::unique_ptr<sql::Query>> upserts;
        for (const PulledChange &c : changes) {
            const Entity *e = Schema::instance().entity(c.entity);
            if (!e) {
                ++result.skipped;
                continue;
            }
            const EntitySql &s = m_apply->of(*e);
            const QString key = recordKey(e->name, c.id);
            const bool pending = pendingSets.contains(key);
            switch (c.op) {
            case PulledChange::Op::Upsert: {
                if (!pending) {
                    // One prepared statement per entity for the whole page (no cache lookup per row).
                    auto &slot = upserts[e];
                    if (!slot)
                        slot = std::make_unique<sql::Query>(m_db->query(s.upsertNewer));
                    sql::Statement &q = **slot;
                    if (!bindPulled(q, *e, c.record)) {
                        q.reset();
                        ++result.skipped;
                        continue;
                    }
                    q.run();
                    q.reset();
                    if (m_db->changes() > 0) {
                        ++result.upserted;
                        changed[e->name] << c.id;
                    } else {
                        ++result.skipped;
                    }
                } else {
                    Record server;
                    if (protocol::decodeRecord(*e, c.record, &server, protocol::DecodeMode::Lenient)) {
                        ++result.skipped;
                        continue;
                    }
                    {
                        auto q = m_db->query(QStringLiteral(
                            "INSERT INTO shadow (entity, record_id, version, record) VALUES (?1, ?2, ?3, ?4) "
                            "ON CONFLICT(entity, record_id) DO UPDATE SET version = excluded.version, "
                            "record = excluded.record WHERE excluded.version >= shadow.version"));
                        q->bind(1, e->name);
                        q->bind(2, server.id);
                        q->bind(3, std::int64_t(server.version));
                        q->bind(4, jsonText(protocol::encodeRecord(server)));
                        q->run();
                    }
                    if (!pendingDeletes.contains(key)) {
                        Record visible = server;
                        for (const QJsonObject &set : pendingSets.value(key)) {
                            for (auto it = set.begin(); it != set.end(); ++it)
                                visible.fields.insert(it.key(), it.value());
                        }
                        writeRow(*m_db, s.upsert, *e, visible);
                        changed[e->name] << c.id;
                    }
                    ++result.keptPending;
                }
                if (!c.bucket.isEmpty()) {
                    addBucket->bind(1, e->name);
                    addBucket->bind(2, c.id);
                    addBucket->bind(3, c.bucket);
                    addBucket->run();
                    addBucket->reset();
                }
                break;
            }
            case PulledChange::Op::Delete: {
                auto q = m_db->query(
                    QStringLiteral("DELETE FROM record_bucket WHERE entity = ?1 AND record_id = ?2"));
                q->bind(1, e->name);
                q->bind(2, c.id);
                q->run();
                if (pending) {
                    // The push will meet the tombstone and come back as a conflict offering to restore.
                    ++result.keptPending;
                    break;
                }
                auto del = m_db->query(s.remove);
                del->bind(1, c.id);
                del->run();
                if (m_db->changes() > 0) {
                    ++result.deleted;
                    changed[e->name] << c.id;
                }
                break;
            }
            case PulledChange::Op::Revoke: {
                auto q = m_db->query(QStringLiteral(
                    "DELETE FROM record_bucket WHERE entity = ?1 AND record_id = ?2 AND bucket = ?3"));
                q->bind(1, e->name);
                q->bind(2, c.id);
                q->bind(3, c.bucket);
                q->run();
                if (pending)
                    ++result.keptPending;
                else if (!stillHeld(e->name, c.id))
                    dropRow(*e, c.id);
                break;
            }
            }
        }

        for (const QString &bucket : revokedBuckets) {
            QList<std::pair<QString, QString>> members;
            {
                auto q = m_db->query(
                    QStringLiteral("SELECT entity, record_id FROM record_bucket WHERE bucket = ?1"));
                q->bind(1, bucket);
                while (q->step())
                    members.append({q->text(0), q->text(1)});
            }
            {
                auto q = m_db->query(QStringLiteral("DELETE FROM record_bucket WHERE bucket = ?1"));
                q->bind(1, bucket);
                q->run();
            }
            for (const auto &[entity, id] : std::as_const(members)) {
                const Entity *e = Schema::instance().entity(entity);
                if (!e || pendingSets.contains(recordKey(entity, id)) || stillHeld(entity, id))
                    continue;
                dropRow(*e, id);
            }
            auto q = m_db->query(QStringLiteral("DELETE FROM sync_cursor WHERE bucket = ?1"));
            q->bind(1, bucket);
            q->run();
        }

        {
            auto q = m_db->query(QStringLiteral("INSERT INTO sync_cursor (bucket, seq) VALUES (?1, ?2) "
                                                "ON CONFLICT(bucket) DO UPDATE SET seq = excluded.seq"));
            for (auto it = cursors.begin(); it != cursors.end(); ++it) {
                if (revokedBuckets.contains(it.key()))
                    continue;
                q->bind(1, it.key());
                q->bind(2, std::int64_t(it.value()));
                q->run();
                q->reset();
            }
        }
        if (!epoch.isEmpty()) {
            auto q = m_db->query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('epoch', ?1) "
                                                "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
            q->bind(1, epoch);
            q->run();
        }
        crashHook("apply-before-commit");
        tx.commit();
    } catch (const sql::SqlError &err) {
        result = ApplyResult {};
        result.error = tr("Could not store the downloaded changes: %1").arg(err.message());
        qCWarning(lcStore) << "applyPage" << err.text();
        return result;
    }
    result.ok = true;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        emit recordsChanged(it.key(), it.value());
    return result;
}

QHash<QString, qint64> Store::cursors(QString *error) const
{
    QHash<QString, qint64> out;
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return out;
    }
    try {
        auto q = m_db->query(QStringLiteral("SELECT bucket, seq FROM sync_cursor"));
        while (q->step())
            out.insert(q->text(0), q->int64(1));
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "cursors" << err.text();
        if (error)
            *error = err.message();
    }
    return out;
}

bool Store::beginBulkLoad(QString *error)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return false;
    }
    try {
        if (bulkMark(*m_db).isEmpty()) {
            QJsonArray tables;
            for (const Entity &e : Schema::instance().entities())
                tables.append(e.name);
            sql::Transaction tx(*m_db);
            // Tables with triggers keep their indexes: the triggers (search, KPI summaries) read them.
            QJsonArray indexes;
            QStringList names;
            {
                auto q = m_db->query(QStringLiteral(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                    "AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (SELECT value FROM json_each(?1)) "
                    "AND tbl_name NOT IN (SELECT tbl_name FROM sqlite_master WHERE type = 'trigger') "
                    "ORDER BY name"));
                q->bind(1, QString::fromUtf8(QJsonDocument(tables).toJson(QJsonDocument::Compact)));
                while (q->step()) {
                    names << q->text(0);
                    indexes.append(q->text(1));
                }
            }
            for (const QString &name : std::as_const(names))
                m_db->exec(QStringLiteral("DROP INDEX %1").arg(protocol::quoteIdentifier(name)));
            auto q = m_db->query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON "
                                                "CONFLICT(key) DO UPDATE SET value = excluded.value"));
            q->bind(1, kBulkLoad);
            q->bind(2, jsonText(QJsonObject {{QStringLiteral("indexes"), indexes}}));
            q->run();
            tx.commit();
            qCInfo(lcStore) << "bulk load: dropped" << names.size() << "indexes until the load finishes";
        }
        m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kBulkCacheKiB));
        m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kBulkCheckpointPages));
        return true;
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "beginBulkLoad" << err.text();
        if (error)
            *error = err.message();
        return false;
    }
}

bool Store::finishBulkLoad(QString *error)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return false;
    }
    bool ok = true;
    try {
        // The cache shrinks first: CREATE INDEX sorts in memory chunks the size of the page cache, and
        // the memory the bulk cache held is what those chunks reuse (the peak RSS stays that of the load).
        m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
        finishBulk(*m_db, [this] { crashHook("bulk-finish-before-commit"); });
        // The load let the WAL grow to its larger checkpoint interval: copy it back and give the space
        // back now, rather than leave a 64 MB file for the window's next commit to checkpoint.
        m_db->exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "finishBulkLoad" << err.text();
        if (error)
            *error = tr("Could not rebuild the indexes of the local database: %1").arg(err.message());
        ok = false;
    }
    // Back to the ordinary settings whether or not the rebuild worked (it is tried again later).
    try {
        m_db->exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
        m_db->exec(QStringLiteral("PRAGMA wal_autocheckpoint = %1").arg(kCheckpointPages));
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "finishBulkLoad: settings" << err.text();
    }
    return ok;
}

bool Store::isBulkLoading() const
{
    if (!m_db)
        return false;
    try {
        return !bulkMark(*m_db).isEmpty();
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "isBulkLoading" << err.text();
        return false;
    }
}

QStringList Store::bucketsOf(const QString &entity, const QString &id) const
{
    QStringList out;
    if (!m_db)
        return out;
    try {
        auto q = m_db->query(QStringLiteral(
            "SELECT bucket FROM record_bucket WHERE entity = ?1 AND record_id = ?2 ORDER BY bucket"));
        q->bind(1, entity);
        q->bind(2, id);
        while (q->step())
            out << q->text(0);
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "bucketsOf" << err.text();
    }
    return out;
}

QString Store::meta(const QString &key) const
{
    if (!m_db)
        return {};
    try {
        auto q = m_db->query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
        q->bind(1, key);
        return q->step() ? q->text(0) : QString();
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "meta" << key << err.text();
        return {};
    }
}

bool Store::setMeta(const QString &key, const QString &value)
{
    if (!m_db)
        return false;
    try {
        auto q = m_db->query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON "
                                            "CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q->bind(1, key);
        q->bind(2, value);
        q->run();
        return true;
    } catch (const sql::SqlError &err) {
        qCWarning(lcStore) << "setMeta" << key << err.text();
        return false;
    }
}

} // namespace rounds
