#include "server/sqlitestorage.h"

#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/migrations.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "server/log.h"
#include "server/sqlitefileindex.h"
#include "server/storeprune.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace rounds::server {

namespace {

const QList<QPair<const char *, const char *>> kReverseIndexes {
    {"alignment", "hcp_id"},
    {"hcp_tag", "hcp_id"},
    {"consent", "hcp_id"},
    {"hcp", "institution_id"},
    {"hcp", "department_id"},
    {"department", "institution_id"},
    {"visit_detail", "visit_id"},
    {"meeting_attendee", "meeting_id"},
    {"meeting_expense", "meeting_id"},
    {"visit", "hcp_id"},
};

// A read or write that failed: logged, and its text for the caller. Always false.
bool failed(const char *what, const QString &text, QString *error)
{
    qCWarning(lcServer) << "storage" << what << "failed:" << text;
    if (error)
        *error = text;
    return false;
}

} // namespace

bool IndexedRef::isIndexed(const QString &entity, const QString &field)
{
    for (const auto &[e, f] : kReverseIndexes) {
        if (entity == QLatin1String(e) && field == QLatin1String(f))
            return true;
    }
    return false;
}

namespace {

QList<sql::Migration> migrations()
{
    return {
        {1, QStringLiteral("records, change feed, users, tokens, audit"),
            [](sql::Database &db) {
                db.exec(QStringLiteral(R"(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
CREATE TABLE records(
  entity TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, updated_at TEXT, updated_by TEXT,
  deleted INTEGER NOT NULL DEFAULT 0, data TEXT NOT NULL, PRIMARY KEY(entity, id));
CREATE INDEX records_hcp_id ON records(entity, json_extract(data, '$.hcp_id'));
CREATE INDEX records_institution_id ON records(entity, json_extract(data, '$.institution_id'));
CREATE INDEX records_department_id ON records(entity, json_extract(data, '$.department_id'));
CREATE INDEX records_visit_id ON records(entity, json_extract(data, '$.visit_id'));
CREATE INDEX records_meeting_id ON records(entity, json_extract(data, '$.meeting_id'));
CREATE TABLE membership(entity TEXT NOT NULL, id TEXT NOT NULL, bucket TEXT NOT NULL,
  PRIMARY KEY(entity, id, bucket)) WITHOUT ROWID;
CREATE TABLE buckets(bucket TEXT PRIMARY KEY NOT NULL, last_seq INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE changes(bucket TEXT NOT NULL, seq INTEGER NOT NULL, entity TEXT NOT NULL, id TEXT NOT NULL,
  op TEXT NOT NULL, PRIMARY KEY(bucket, seq)) WITHOUT ROWID;
CREATE UNIQUE INDEX changes_record ON changes(bucket, entity, id);
CREATE TABLE users(id TEXT PRIMARY KEY NOT NULL, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL,
  role TEXT NOT NULL, home_territory_id TEXT, active INTEGER NOT NULL, password_hash TEXT NOT NULL);
CREATE TABLE tokens(hash BLOB PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, device TEXT, created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL, revoked INTEGER NOT NULL DEFAULT 0);
CREATE INDEX tokens_user ON tokens(user_id);
CREATE TABLE mutations(mutation_id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, result TEXT NOT NULL,
  created_at TEXT NOT NULL);
CREATE TABLE audit(seq INTEGER PRIMARY KEY, at TEXT NOT NULL, user_id TEXT, device TEXT, mutation_id TEXT,
  entity TEXT NOT NULL, record_id TEXT NOT NULL, field TEXT NOT NULL, old_value TEXT, new_value TEXT, note TEXT);
CREATE INDEX audit_record ON audit(entity, record_id);
)"));
                sql::Query q = db.query(QStringLiteral("INSERT INTO meta(key, value) VALUES ('epoch', ?1)"));
                q->bind(1, protocol::newUuid());
                q->run();
            }},
        {2, QStringLiteral("partial reverse indexes, one per (entity, reference) that is looked up"),
            [](sql::Database &db) {
                // Computing five JSON expressions for every record made bulk loads twice as slow.
                for (const char *field :
                    {"hcp_id", "institution_id", "department_id", "visit_id", "meeting_id"})
                    db.exec(QStringLiteral("DROP INDEX IF EXISTS records_%1").arg(QLatin1String(field)));
                for (const auto &[entity, field] : kReverseIndexes) {
                    // Names from the fixed list above, never from input.
                    db.exec(QStringLiteral("CREATE INDEX records_%1_%2 ON records(json_extract(data, "
                                           "'$.%2')) WHERE entity = '%1'")
                                .arg(QLatin1String(entity), QLatin1String(field)));
                }
            }},
        {3, QStringLiteral("reverse index of visit.hcp_id (a visit follows its HCP's alignments)"),
            [](sql::Database &db) {
                // A store created by this build has it from step 2 already.
                db.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS records_visit_hcp_id ON "
                                       "records(json_extract(data, '$.hcp_id')) WHERE entity = 'visit'"));
            }},
        {4,
            QStringLiteral(
                "the operation of each audit entry (the history route tells a create from an update)"),
            [](sql::Database &db) { db.exec(QStringLiteral("ALTER TABLE audit ADD COLUMN op TEXT")); }},
        {6, QStringLiteral("devices: each computer a user signs in from, and its token's device"),
            [](sql::Database &db) {
                db.exec(QStringLiteral(R"(
CREATE TABLE devices(id TEXT PRIMARY KEY NOT NULL, user_id TEXT NOT NULL, name TEXT, client_version TEXT,
  first_seen TEXT NOT NULL, last_seen TEXT NOT NULL, revoked_at TEXT, revoked_reason TEXT);
CREATE INDEX devices_user ON devices(user_id);
ALTER TABLE tokens ADD COLUMN device_id TEXT;
CREATE INDEX tokens_device ON tokens(device_id) WHERE device_id IS NOT NULL;
)"));
            }},
        {7, QStringLiteral("indexes by age for the retention prune (audit, push answers, tombstones)"),
            [](sql::Database &db) {
                db.exec(QStringLiteral(
                    "CREATE INDEX audit_at ON audit(at); "
                    "CREATE INDEX mutations_created_at ON mutations(created_at); "
                    "CREATE INDEX records_tombstones ON records(updated_at) WHERE deleted <> 0;"));
            }},
        {8, QStringLiteral("file index: which live records name which file (server/sqlitefileindex.h)"),
            sqlitefileindex::migrate},
    };
}

const QLatin1String kDeviceColumns(
    "id, user_id, name, client_version, first_seen, last_seen, revoked_at, revoked_reason");

// The primitives, on one connection. Statements are cached by the connection.
class SqliteSession final : public StoreWriter
{
public:
    explicit SqliteSession(sql::Database &db)
        : m_db(db)
    { }

    static StoredRecord readRecord(sql::Statement &s, const QString &entity)
    {
        StoredRecord r;
        r.entity = entity;
        r.record.id = s.text(0);
        r.record.version = s.int64(1);
        r.record.updatedAt = s.text(2);
        r.record.updatedBy = s.text(3);
        r.deleted = s.int64(4) != 0;
        r.record.fields = QJsonDocument::fromJson(s.textUtf8(5)).object();
        return r;
    }

    std::optional<StoredRecord> record(const QString &entity, const QString &id) override
    {
        sql::Query q = m_db.query(QStringLiteral("SELECT id, version, updated_at, updated_by, deleted, data "
                                                 "FROM records WHERE entity = ?1 AND id = ?2"));
        q.bindAll(entity, id);
        if (!q->step())
            return std::nullopt;
        return readRecord(*q, entity);
    }

    QList<StoredRecord> referencing(
        const QString &entity, const QString &field, const QString &target) override
    {
        if (!IndexedRef::isIndexed(entity, field))
            throw sql::SqlError(SQLITE_MISUSE, QStringLiteral("no index on %1.%2").arg(entity, field));
        // Entity and field are one of the fixed pairs above, never request text; the entity is a literal
        // so that SQLite uses the partial index.
        sql::Query q = m_db.query(
            QStringLiteral("SELECT id, version, updated_at, updated_by, deleted, data FROM records "
                           "WHERE entity = '%1' AND json_extract(data, '$.%2') = ?1 AND deleted = 0")
                .arg(entity, field));
        q.bindAll(target);
        QList<StoredRecord> out;
        while (q->step())
            out << readRecord(*q, entity);
        return out;
    }

    QStringList bucketsOfReferencing(
        const QString &entity, const QString &field, const QString &target) override
    {
        if (!IndexedRef::isIndexed(entity, field))
            throw sql::SqlError(SQLITE_MISUSE, QStringLiteral("no index on %1.%2").arg(entity, field));
        sql::Query q = m_db.query(
            QStringLiteral("SELECT DISTINCT m.bucket FROM records r CROSS JOIN membership m ON m.entity = "
                           "r.entity AND m.id = r.id WHERE r.entity = '%1' AND "
                           "json_extract(r.data, '$.%2') = ?1 AND r.deleted = 0 ORDER BY m.bucket")
                .arg(entity, field));
        q.bindAll(target);
        QStringList out;
        while (q->step())
            out << q->text(0);
        return out;
    }

    QList<StoredRecord> all(const QString &entity) override
    {
        sql::Query q = m_db.query(
            QStringLiteral("SELECT id, version, updated_at, updated_by, deleted, data FROM records "
                           "WHERE entity = ?1 AND deleted = 0 ORDER BY id"));
        q.bindAll(entity);
        QList<StoredRecord> out;
        while (q->step())
            out << readRecord(*q, entity);
        return out;
    }

    void scan(const QString &entity, const std::function<void(const StoredRecord &)> &visit) override
    {
        scanWhere(entity, false, visit);
    }

    void scanDeleted(const QString &entity, const std::function<void(const StoredRecord &)> &visit) override
    {
        scanWhere(entity, true, visit);
    }

    void scanWhere(
        const QString &entity, bool deleted, const std::function<void(const StoredRecord &)> &visit)
    {
        // Its own statement, so `visit` may use the cached ones.
        sql::Statement s(m_db.handle(),
            QStringLiteral("SELECT id, version, updated_at, updated_by, deleted, data FROM "
                           "records WHERE entity = ?1 AND deleted = ?2"));
        s.bind(1, entity);
        s.bind(2, std::int64_t(deleted ? 1 : 0));
        while (s.step())
            visit(readRecord(s, entity));
    }

    QStringList buckets(const QString &entity, const QString &id) override
    {
        sql::Query q = m_db.query(
            QStringLiteral("SELECT bucket FROM membership WHERE entity = ?1 AND id = ?2 ORDER BY bucket"));
        q.bindAll(entity, id);
        QStringList out;
        while (q->step())
            out << q->text(0);
        return out;
    }

    qint64 lastSeq(const QString &bucket) override
    {
        sql::Query q = m_db.query(QStringLiteral("SELECT last_seq FROM buckets WHERE bucket = ?1"));
        q.bindAll(bucket);
        return q->step() ? q->int64(0) : 0;
    }

    QList<ChangeEntry> changes(const QString &bucket, qint64 after, int limit, bool upsertsOnly,
        const QStringList &withheld) override
    {
        sql::Query q = m_db.query(QStringLiteral("SELECT seq, entity, id, op FROM changes WHERE bucket = ?1 "
                                                 "AND seq > ?2%1 ORDER BY seq LIMIT ?3")
                                      .arg(changeFilter(upsertsOnly, withheld)));
        q.bindAll(bucket, std::int64_t(after), limit);
        if (!withheld.isEmpty())
            q->bind(4, withheldJson(withheld));
        QList<ChangeEntry> out;
        while (q->step())
            out << ChangeEntry {bucket, q->int64(0), q->text(1), q->text(2), q->text(3)};
        return out;
    }

    qint64 countChanges(
        const QString &bucket, qint64 after, bool upsertsOnly, const QStringList &withheld) override
    {
        sql::Query q
            = m_db.query(QStringLiteral("SELECT count(*) FROM changes WHERE bucket = ?1 AND seq > ?2%1")
                             .arg(changeFilter(upsertsOnly, withheld)));
        q.bindAll(bucket, std::int64_t(after));
        if (!withheld.isEmpty())
            q->bind(4, withheldJson(withheld));
        return q->step() ? q->int64(0) : 0;
    }

    // The conditions of changes() and countChanges() after bucket and seq; the withheld entities are ?4.
    static QString changeFilter(bool upsertsOnly, const QStringList &withheld)
    {
        QString out = upsertsOnly ? QStringLiteral(" AND op = 'upsert'") : QString();
        if (!withheld.isEmpty())
            out += QStringLiteral(" AND entity NOT IN (SELECT value FROM json_each(?4))");
        return out;
    }

    static QString withheldJson(const QStringList &withheld)
    {
        return QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(withheld)).toJson(QJsonDocument::Compact));
    }

    QList<AuditEntry> audit(
        const QString &entity, const QString &recordId, qint64 afterSeq, int limit) override
    {
        sql::Query q = m_db.query(QStringLiteral(
            "SELECT field, old_value, new_value, user_id, device, mutation_id, at, note, op, seq "
            "FROM audit WHERE entity = ?1 AND record_id = ?2 AND seq > ?3 ORDER BY seq LIMIT ?4"));
        q.bindAll(entity, recordId, std::int64_t(afterSeq), std::int64_t(limit));
        QList<AuditEntry> out;
        while (q->step()) {
            AuditEntry e {entity, recordId, q->text(0), parseJsonText(q->text(1)), parseJsonText(q->text(2)),
                q->text(3), q->text(4), q->text(5), q->text(6), q->text(7), q->text(8), q->int64(9)};
            out << e;
        }
        return out;
    }

    static UserRow readUser(sql::Statement &s)
    {
        return UserRow {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5) != 0, s.text(6)};
    }

    // `column` is id or username, never input.
    std::optional<UserRow> userWhere(QLatin1String column, const QString &value)
    {
        sql::Query q
            = m_db.query(QStringLiteral("SELECT id, username, display_name, role, home_territory_id, "
                                        "active, password_hash FROM users WHERE %1 = ?1")
                             .arg(column));
        q.bindAll(value);
        if (!q->step())
            return std::nullopt;
        return readUser(*q);
    }

    std::optional<UserRow> userByName(const QString &username) override
    {
        return userWhere(QLatin1String("username"), username);
    }

    std::optional<UserRow> userById(const QString &id) override { return userWhere(QLatin1String("id"), id); }

    std::optional<TokenRow> token(const QByteArray &hash) override
    {
        sql::Query q = m_db.query(QStringLiteral(
            "SELECT user_id, device, expires_at, revoked, device_id FROM tokens WHERE hash = ?1"));
        q->bindBlob(1, hash);
        if (!q->step())
            return std::nullopt;
        return TokenRow {q->text(0), q->text(1), q->text(2), q->int64(3) != 0, q->text(4)};
    }

    static DeviceRow readDevice(sql::Statement &s)
    {
        return DeviceRow {
            s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.text(6), s.text(7)};
    }

    std::optional<DeviceRow> device(const QString &id) override
    {
        sql::Query q = m_db.query(QStringLiteral("SELECT %1 FROM devices WHERE id = ?1").arg(kDeviceColumns));
        q.bindAll(id);
        if (!q->step())
            return std::nullopt;
        return readDevice(*q);
    }

    QList<DeviceRow> devices(const QString &userId) override
    {
        sql::Query q
            = m_db.query(QStringLiteral("SELECT %1 FROM devices WHERE ?1 = '' OR user_id = ?1 ORDER BY "
                                        "last_seen DESC, id")
                             .arg(kDeviceColumns));
        q.bindAll(userId.isNull() ? QStringLiteral("") : userId);
        QList<DeviceRow> rows;
        while (q->step())
            rows << readDevice(*q);
        return rows;
    }

    std::optional<MutationRow> mutationResult(const QString &mutationId) override
    {
        sql::Query q
            = m_db.query(QStringLiteral("SELECT user_id, result FROM mutations WHERE mutation_id = ?1"));
        q.bindAll(mutationId);
        if (!q->step())
            return std::nullopt;
        return MutationRow {q->text(0), q->textUtf8(1)};
    }

    QString meta(const QString &key) override
    {
        sql::Query q = m_db.query(QStringLiteral("SELECT value FROM meta WHERE key = ?1"));
        q.bindAll(key);
        return q->step() ? q->text(0) : QString();
    }

    void putRecord(const StoredRecord &r) override
    {
        sql::Query q = m_db.query(QStringLiteral(
            "INSERT INTO records(entity, id, version, updated_at, updated_by, deleted, data) VALUES (?1, ?2, "
            "?3, ?4, ?5, "
            "?6, ?7) ON CONFLICT(entity, id) DO UPDATE SET version = excluded.version, updated_at = "
            "excluded.updated_at, "
            "updated_by = excluded.updated_by, deleted = excluded.deleted, data = excluded.data"));
        q.bindAll(r.entity, r.record.id, std::int64_t(r.record.version), r.record.updatedAt,
            r.record.updatedBy, r.deleted);
        q->bindText(7, QJsonDocument(r.record.fields).toJson(QJsonDocument::Compact));
        q->run();
        if (holdsFileReferences(r.entity))
            sqlitefileindex::index(m_db, r);
    }

    QStringList fileReferences(const QString &entity, const QString &field, const QString &sha256) override
    {
        return sqlitefileindex::references(m_db, entity, field, sha256);
    }

    QList<QPair<QString, QString>> fileReferrerBuckets(const QString &sha256) override
    {
        return sqlitefileindex::referrerBuckets(m_db, sha256);
    }

    void setBuckets(const QString &entity, const QString &id, const QStringList &buckets) override
    {
        sql::Query del = m_db.query(QStringLiteral("DELETE FROM membership WHERE entity = ?1 AND id = ?2"));
        del.bindAll(entity, id);
        del->run();
        sql::Query ins = m_db.query(
            QStringLiteral("INSERT OR IGNORE INTO membership(entity, id, bucket) VALUES (?1, ?2, ?3)"));
        for (const QString &b : buckets) {
            ins.bindAll(entity, id, b);
            ins->run();
            ins->reset();
        }
    }

    qint64 appendChange(
        const QString &bucket, const QString &entity, const QString &id, const QString &op) override
    {
        sql::Query next
            = m_db.query(QStringLiteral("INSERT INTO buckets(bucket, last_seq) VALUES (?1, 1) "
                                        "ON CONFLICT(bucket) DO UPDATE SET last_seq = last_seq + 1 "
                                        "RETURNING last_seq"));
        next.bindAll(bucket);
        if (!next->step())
            throw sql::SqlError(SQLITE_ERROR, QStringLiteral("no sequence for bucket"));
        const qint64 seq = next->int64(0);
        next->run();
        sql::Query drop
            = m_db.query(QStringLiteral("DELETE FROM changes WHERE bucket = ?1 AND entity = ?2 AND id = ?3"));
        drop.bindAll(bucket, entity, id);
        drop->run();
        sql::Query ins = m_db.query(
            QStringLiteral("INSERT INTO changes(bucket, seq, entity, id, op) VALUES (?1, ?2, ?3, ?4, ?5)"));
        ins.bindAll(bucket, std::int64_t(seq), entity, id, op);
        ins->run();
        return seq;
    }

    void putMutationResult(
        const QString &mutationId, const QString &userId, const QByteArray &result) override
    {
        sql::Query q = m_db.query(QStringLiteral(
            "INSERT INTO mutations(mutation_id, user_id, result, created_at) VALUES (?1, ?2, ?3, ?4)"));
        q.bindAll(mutationId, userId);
        q->bindText(3, result);
        q->bind(4, protocol::nowUtc());
        q->run();
    }

    void addAudit(const AuditEntry &e) override
    {
        sql::Query q = m_db.query(QStringLiteral("INSERT INTO audit(at, user_id, device, mutation_id, "
                                                 "entity, record_id, field, old_value, new_value, note, op) "
                                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"));
        q.bindAll(e.at.isEmpty() ? protocol::nowUtc() : e.at, e.userId, e.device, e.mutationId, e.entity,
            e.recordId, e.field, jsonText(e.oldValue), jsonText(e.newValue), e.note, e.op);
        q->run();
    }

    void scrubAudit(const QString &entity, const QString &recordId, const QString &field) override
    {
        sql::Query q = m_db.query(QStringLiteral("UPDATE audit SET old_value = NULL, new_value = NULL "
                                                 "WHERE entity = ?1 AND record_id = ?2 AND field = ?3"));
        q.bindAll(entity, recordId, field);
        q->run();
    }

    void putUser(const UserRow &u) override
    {
        sql::Query q = m_db.query(QStringLiteral("INSERT INTO users(id, username, display_name, role, "
                                                 "home_territory_id, active, password_hash) VALUES (?1, "
                                                 "?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET "
                                                 "username = excluded.username, display_name = "
                                                 "excluded.display_name, role = excluded.role, "
                                                 "home_territory_id = excluded.home_territory_id, active = "
                                                 "excluded.active, password_hash = excluded.password_hash"));
        q.bindAll(u.id, u.username, u.displayName, u.role, u.homeTerritoryId, u.active, u.passwordHash);
        q->run();
    }

    void putToken(const QByteArray &hash, const TokenRow &t) override
    {
        sql::Query q
            = m_db.query(QStringLiteral("INSERT INTO tokens(hash, user_id, device, created_at, expires_at, "
                                        "revoked, device_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
        q->bindBlob(1, hash);
        q->bind(2, t.userId);
        q->bind(3, t.device);
        q->bind(4, protocol::nowUtc());
        q->bind(5, t.expiresAt);
        q->bind(6, t.revoked);
        q->bind(7, t.deviceId.isEmpty() ? QString() : t.deviceId);
        q->run();
    }

    void putDevice(const DeviceRow &d) override
    {
        auto orNull = [](const QString &s) { return s.isEmpty() ? QString() : s; };
        sql::Query q
            = m_db.query(QStringLiteral("INSERT OR REPLACE INTO devices(%1) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                        "?7, ?8)")
                             .arg(kDeviceColumns));
        q.bindAll(d.id, d.userId, d.name, d.clientVersion, d.firstSeen, d.lastSeen, orNull(d.revokedAt),
            orNull(d.revokedReason));
        q->run();
    }

    void revokeDeviceTokens(const QString &deviceId) override
    {
        sql::Query q = m_db.query(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE device_id = ?1"));
        q.bindAll(deviceId);
        q->run();
    }

    void revokeToken(const QByteArray &hash) override
    {
        sql::Query q = m_db.query(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE hash = ?1"));
        q->bindBlob(1, hash);
        q->run();
    }

    void revokeUserTokens(const QString &userId) override
    {
        sql::Query q = m_db.query(QStringLiteral("UPDATE tokens SET revoked = 1 WHERE user_id = ?1"));
        q.bindAll(userId);
        q->run();
    }

    void deleteExpiredTokens(const QString &before) override
    {
        sql::Query q = m_db.query(QStringLiteral("DELETE FROM tokens WHERE expires_at < ?1"));
        q.bindAll(before);
        q->run();
    }

    void setMeta(const QString &key, const QString &value) override
    {
        sql::Query q = m_db.query(QStringLiteral("INSERT INTO meta(key, value) VALUES (?1, ?2) ON "
                                                 "CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q.bindAll(key, value);
        q->run();
    }

    PruneCounts prune(
        const QString &auditBefore, const QString &tombstonesBefore, const QString &mutationsBefore) override
    {
        return pruneSqlite(m_db, auditBefore, tombstonesBefore, mutationsBefore);
    }

    void commitAndContinue() override
    {
        m_db.exec(QStringLiteral("COMMIT"));
        m_db.exec(QStringLiteral("BEGIN IMMEDIATE"));
    }

private:
    sql::Database &m_db;
};

} // namespace

SqliteStorage::SqliteStorage(const QString &path)
    : m_path(path)
{ }

SqliteStorage::~SqliteStorage() = default;

std::unique_ptr<SqliteStorage> SqliteStorage::open(const QString &dataDir, bool create, QString *error)
{
    const QString path = QDir(dataDir).filePath(fileName());
    if (!create && !QFileInfo::exists(path)) {
        *error = QStringLiteral("no server data in %1 (expected %2; create it with `rounds-server demo` or "
                                "`rounds-server user add`)")
                     .arg(dataDir, path);
        return nullptr;
    }
    if (create && !QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create the data folder %1").arg(dataDir);
        return nullptr;
    }
    std::unique_ptr<SqliteStorage> s(new SqliteStorage(path));
    try {
        s->m_writer = std::make_unique<sql::Database>(path);
        // Random UUID keys touch pages all over the indexes: a larger cache keeps bulk loads fast.
        s->m_writer->exec(QStringLiteral("PRAGMA cache_size=-131072; PRAGMA temp_store=MEMORY"));
        // An acknowledged push must survive power loss or an OS crash (the client then drops its outbox
        // entry): every commit syncs the WAL. NORMAL, the connection's default, may lose the last ones.
        s->m_writer->exec(QStringLiteral("PRAGMA synchronous=FULL"));
        const sql::MigrationResult m
            = sql::migrate(*s->m_writer, migrations(), QStringLiteral("server database"));
        if (!m.ok) {
            *error = m.error;
            return nullptr;
        }
    } catch (const sql::SqlError &e) {
        *error = e.text();
        return nullptr;
    }
    return s;
}

std::unique_ptr<sql::Database> SqliteStorage::takeReader()
{
    {
        QMutexLocker lock(&m_readersMutex);
        if (!m_readers.empty()) {
            std::unique_ptr<sql::Database> db = std::move(m_readers.back());
            m_readers.pop_back();
            return db;
        }
    }
    sql::Database::Options options;
    options.create = false;
    return std::make_unique<sql::Database>(m_path, options);
}

void SqliteStorage::giveBack(std::unique_ptr<sql::Database> db)
{
    QMutexLocker lock(&m_readersMutex);
    if (m_readers.size() < 16)
        m_readers.push_back(std::move(db));
}

bool SqliteStorage::read(const std::function<void(StoreReader &)> &work, QString *error)
{
    try {
        std::unique_ptr<sql::Database> db = takeReader();
        {
            sql::Transaction tx(*db, sql::Transaction::Mode::Deferred);
            SqliteSession session(*db);
            work(session);
            tx.commit();
        }
        giveBack(std::move(db));
        return true;
    } catch (const sql::SqlError &e) {
        return failed("read", e.text(), error);
    } catch (const std::exception &e) {
        return failed("read", QString::fromUtf8(e.what()), error);
    }
}

bool SqliteStorage::write(const std::function<bool(StoreWriter &)> &work, QString *error)
{
    QMutexLocker lock(&m_writeMutex);
    try {
        sql::Transaction tx(*m_writer, sql::Transaction::Mode::Immediate);
        SqliteSession session(*m_writer);
        if (work(session))
            tx.commit();
        return true;
    } catch (const sql::SqlError &e) {
        return failed("write", e.text(), error);
    } catch (const std::exception &e) {
        return failed("write", QString::fromUtf8(e.what()), error);
    }
}

void SqliteStorage::writeEach(
    int count, const std::function<bool(StoreWriter &, int)> &work, QStringList *errors)
{
    errors->clear();
    QMutexLocker lock(&m_writeMutex);
    QString failure;
    try {
        sql::Transaction tx(*m_writer, sql::Transaction::Mode::Immediate);
        SqliteSession session(*m_writer);
        for (int i = 0; i < count; ++i) {
            QString stepError;
            // A savepoint: this step's writes go when it returns false or fails, the others' stay.
            // Not a sql::Transaction: its destructor ignores a failed rollback, and a step whose writes
            // cannot be undone must not be committed without its idempotency record (below).
            m_writer->exec(QStringLiteral("SAVEPOINT rounds_step"));
            bool keep = false;
            try {
                keep = work(session, i);
                if (keep)
                    m_writer->exec(QStringLiteral("RELEASE rounds_step"));
            } catch (const sql::SqlError &e) {
                stepError = e.text();
            } catch (const std::exception &e) {
                stepError = QString::fromUtf8(e.what());
            }
            if (!stepError.isEmpty())
                qCWarning(lcServer) << "storage write failed:" << stepError;
            if (!keep || !stepError.isEmpty()) {
                // Some errors (a full disk, I/O) end the whole transaction: nothing of it stays then.
                if (sqlite3_get_autocommit(m_writer->handle()))
                    throw sql::SqlError(SQLITE_ABORT,
                        stepError.isEmpty() ? QStringLiteral("the push's transaction ended") : stepError);
                // If the step cannot be undone alone, the whole push is undone (the outer rollback) and
                // every step answered as failed: the client keeps them all and sends them again.
                try {
                    m_writer->exec(QStringLiteral("ROLLBACK TO rounds_step; RELEASE rounds_step"));
                } catch (const sql::SqlError &e) {
                    throw sql::SqlError(e.code(),
                        QStringLiteral("cannot undo a failed step alone: %1 (step: %2)")
                            .arg(e.text(), stepError));
                }
            }
            *errors << stepError;
        }
        tx.commit();
        return;
    } catch (const sql::SqlError &e) {
        failure = e.text();
    } catch (const std::exception &e) {
        failure = QString::fromUtf8(e.what());
    }
    qCWarning(lcServer) << "storage write failed:" << failure;
    errors->clear();
    for (int i = 0; i < count; ++i)
        *errors << failure;
}

bool SqliteStorage::backup(const QString &path, QString *error)
{
    try {
        {
            // The copy holds everything, password hashes included: readable by the owner only.
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)) {
                if (error)
                    *error = QStringLiteral("cannot create %1: %2").arg(path, file.errorString());
                return false;
            }
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        std::unique_ptr<sql::Database> source = takeReader();
        sqlite3 *dest = nullptr;
        int rc = sqlite3_open_v2(
            path.toUtf8().constData(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        if (rc == SQLITE_OK) {
            sqlite3_backup *b = sqlite3_backup_init(dest, "main", source->handle(), "main");
            if (b) {
                rc = sqlite3_backup_step(b, -1);
                sqlite3_backup_finish(b);
                rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
            } else {
                rc = sqlite3_errcode(dest);
            }
        }
        const QString msg
            = dest ? QString::fromUtf8(sqlite3_errmsg(dest)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(dest);
        giveBack(std::move(source));
        if (rc != SQLITE_OK) {
            if (error)
                *error = QStringLiteral("backup to %1 failed: %2").arg(path, msg);
            return false;
        }
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
    }
    return false;
}

} // namespace rounds::server
