// migrate-to-postgres: a SQLite deployment copied table by table into an empty PostgreSQL database.

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/statement.h"
#include "server/log.h"
#include "server/pgconnection.h"
#include "server/pgstorage.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace rounds::server {

using pg::Connection;
using pg::CopyBuffer;
using pg::PgError;

namespace {

const char *const kRefColumns[] = {"hcp_id", "institution_id", "department_id", "visit_id", "meeting_id"};

enum class Kind { Text, Int, Bool, Blob };

struct Column
{
    const char *name;
    Kind kind;
};

struct Table
{
    const char *name;
    QList<Column> columns;
};

// Every table of the SQLite store (sqlitestorage.cpp, schema version 2) but `records`, whose reference
// columns are derived from the data on the way.
const QList<Table> kTables {
    {"meta", {{"key", Kind::Text}, {"value", Kind::Text}}},
    {"membership", {{"entity", Kind::Text}, {"id", Kind::Text}, {"bucket", Kind::Text}}},
    {"buckets", {{"bucket", Kind::Text}, {"last_seq", Kind::Int}}},
    {"changes",
        {{"bucket", Kind::Text}, {"seq", Kind::Int}, {"entity", Kind::Text}, {"id", Kind::Text},
            {"op", Kind::Text}}},
    {"users",
        {{"id", Kind::Text}, {"username", Kind::Text}, {"display_name", Kind::Text}, {"role", Kind::Text},
            {"home_territory_id", Kind::Text}, {"active", Kind::Bool}, {"password_hash", Kind::Text}}},
    {"tokens",
        {{"hash", Kind::Blob}, {"user_id", Kind::Text}, {"device", Kind::Text}, {"created_at", Kind::Text},
            {"expires_at", Kind::Text}, {"revoked", Kind::Bool}, {"device_id", Kind::Text}}},
    {"devices",
        {{"id", Kind::Text}, {"user_id", Kind::Text}, {"name", Kind::Text}, {"client_version", Kind::Text},
            {"first_seen", Kind::Text}, {"last_seen", Kind::Text}, {"revoked_at", Kind::Text},
            {"revoked_reason", Kind::Text}}},
    {"mutations",
        {{"mutation_id", Kind::Text}, {"user_id", Kind::Text}, {"result", Kind::Text},
            {"created_at", Kind::Text}}},
    {"audit",
        {{"seq", Kind::Int}, {"at", Kind::Text}, {"user_id", Kind::Text}, {"device", Kind::Text},
            {"mutation_id", Kind::Text}, {"entity", Kind::Text}, {"record_id", Kind::Text},
            {"field", Kind::Text}, {"old_value", Kind::Text}, {"new_value", Kind::Text}, {"note", Kind::Text},
            {"op", Kind::Text}}},
};

QString columnList(const Table &t)
{
    QStringList names;
    for (const Column &c : t.columns)
        names << QLatin1String(c.name);
    return names.join(QLatin1String(", "));
}

// Streams in batches so a store of millions of rows does not sit in memory twice.
constexpr qint64 kBatchRows = 20000;

void flush(Connection &c, const QByteArray &copySql, CopyBuffer &buffer)
{
    if (buffer.rows() == 0)
        return;
    c.copyIn(copySql.constData(), buffer.data());
    buffer.clear();
}

qint64 copyTable(sql::Database &from, Connection &to, const Table &t)
{
    const QString columns = columnList(t);
    const QByteArray copySql
        = QStringLiteral("COPY %1(%2) FROM STDIN").arg(QLatin1String(t.name), columns).toUtf8();
    sql::Statement s(from.handle(), QStringLiteral("SELECT %1 FROM %2").arg(columns, QLatin1String(t.name)));
    CopyBuffer buffer;
    qint64 rows = 0;
    while (s.step()) {
        for (int i = 0; i < t.columns.size(); ++i) {
            switch (t.columns.at(i).kind) {
            case Kind::Text:
                buffer.field(s.textUtf8(i), s.isNull(i));
                break;
            case Kind::Int:
                buffer.field(qint64(s.int64(i)));
                break;
            case Kind::Bool:
                buffer.field(s.int64(i) != 0);
                break;
            case Kind::Blob:
                buffer.bytea(s.blob(i));
                break;
            }
        }
        buffer.endRow();
        if (++rows % kBatchRows == 0)
            flush(to, copySql, buffer);
    }
    flush(to, copySql, buffer);
    return rows;
}

qint64 copyRecords(sql::Database &from, Connection &to)
{
    const QByteArray copySql
        = "COPY records(entity, id, version, updated_at, updated_by, deleted, data, hcp_id, "
          "institution_id, department_id, visit_id, meeting_id) FROM STDIN";
    sql::Statement s(from.handle(),
        QStringLiteral("SELECT entity, id, version, updated_at, updated_by, deleted, data FROM records"));
    CopyBuffer buffer;
    qint64 rows = 0;
    while (s.step()) {
        const QString entity = s.text(0);
        const QByteArray data = s.textUtf8(6);
        buffer.field(s.textUtf8(0)).field(s.textUtf8(1)).field(qint64(s.int64(2)));
        buffer.field(s.textUtf8(3), s.isNull(3)).field(s.textUtf8(4), s.isNull(4)).field(s.int64(5) != 0);
        buffer.field(data);
        const QJsonObject fields = QJsonDocument::fromJson(data).object();
        for (const char *c : kRefColumns) {
            const QJsonValue v = fields.value(QLatin1String(c));
            if (v.isString() && IndexedRef::isIndexed(entity, QLatin1String(c)))
                buffer.field(v.toString());
            else
                buffer.field(QByteArray(), true);
        }
        buffer.endRow();
        if (++rows % kBatchRows == 0)
            flush(to, copySql, buffer);
    }
    flush(to, copySql, buffer);
    return rows;
}

} // namespace

bool PgStorage::importSqlite(const QString &sqliteFile, QStringList *counts, QString *error)
{
    std::unique_ptr<Connection> c = take(error);
    if (!c)
        return false;
    try {
        sql::Database::Options o;
        o.create = false;
        o.readOnly = true;
        sql::Database from(sqliteFile, o);
        // One read transaction on the source: a consistent copy even if a server still writes to it.
        from.exec(QStringLiteral("BEGIN"));
        c->exec("BEGIN");
        const qint64 existing
            = c->run(
                   "SELECT (SELECT count(*) FROM records) + (SELECT count(*) FROM users) + (SELECT count(*) "
                   "FROM changes)")
                  .int64(0, 0);
        if (existing > 0) {
            c->exec("ROLLBACK");
            giveBack(std::move(c));
            *error
                = QStringLiteral("the PostgreSQL database holds server data already; migrate into an empty "
                                 "database");
            return false;
        }
        // The epoch comes from the source, so clients keep their cursors.
        c->exec("DELETE FROM meta");
        const qint64 records = copyRecords(from, *c);
        *counts << QStringLiteral("records: %1").arg(records);
        PgStorage::fillFileIndex(*c);
        for (const Table &t : kTables)
            *counts << QStringLiteral("%1: %2").arg(QLatin1String(t.name)).arg(copyTable(from, *c, t));
        // New audit rows go on after the copied ones.
        c->exec("SELECT setval(pg_get_serial_sequence('audit', 'seq'), greatest(coalesce(max(seq), 0), 1), "
                "max(seq) IS NOT NULL) FROM audit");
        c->exec("COMMIT");
        from.exec(QStringLiteral("COMMIT"));
        c->exec("ANALYZE");
        giveBack(std::move(c));
        return true;
    } catch (const PgError &e) {
        *error = QStringLiteral("copy into PostgreSQL failed: %1").arg(e.text());
    } catch (const sql::SqlError &e) {
        *error = QStringLiteral("reading %1 failed: %2").arg(sqliteFile, e.text());
    }
    if (c->isOk()) {
        try {
            c->exec("ROLLBACK");
        } catch (const PgError &) { }
    }
    giveBack(std::move(c));
    return false;
}

} // namespace rounds::server
