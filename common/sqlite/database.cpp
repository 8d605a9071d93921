#include "common/sqlite/database.h"

#include "common/sqlite/sqlerror.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace rounds::sql {

Query::Query(Statement *stmt, std::unique_ptr<Statement> owned)
    : m_stmt(stmt)
    , m_owned(std::move(owned))
{
    m_stmt->inUse = true;
}

Query::Query(Query &&other) noexcept
    : m_stmt(other.m_stmt)
    , m_owned(std::move(other.m_owned))
{
    other.m_stmt = nullptr;
}

Query::~Query()
{
    if (!m_stmt)
        return;
    m_stmt->reset();
    m_stmt->clearBindings();
    m_stmt->inUse = false;
}

static void createPrivateFile(const QString &path)
{
    // SQLite gives its -wal and -shm files the mode of the main file, so 0600 here covers all three.
    if (path == QLatin1String(":memory:") || path.isEmpty() || QFileInfo::exists(path))
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        throw SqlError(SQLITE_CANTOPEN, QStringLiteral("cannot create %1: %2").arg(path, file.errorString()));
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

Database::Database(const QString &path, const Options &options)
    : m_path(path)
    , m_key(options.key)
{
    if (options.create && !options.readOnly)
        createPrivateFile(path);
    int flags = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (options.create && !options.readOnly)
        flags |= SQLITE_OPEN_CREATE;
    flags |= SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg
            = m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw SqlError(rc, QStringLiteral("cannot open %1: %2").arg(path, msg));
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, options.busyTimeoutMs);
    try {
        if (!options.key.isEmpty())
            applyKey(options.key);
        // A file that is not a database fails here, on the first read.
        if (options.wal && !options.readOnly)
            exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        exec(options.foreignKeys ? QStringLiteral("PRAGMA foreign_keys=ON")
                                 : QStringLiteral("PRAGMA foreign_keys=OFF"));
    } catch (...) {
        m_cache.clear();
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        throw;
    }
}

void Database::applyKey(const QByteArray &key)
{
    // "raw:" and the key in hex: SQLite3 Multiple Ciphers uses it as the cipher key as it is, without a
    // password derivation (the key is random, not a password). The key is checked on the first read.
    const QByteArray raw = QByteArrayLiteral("raw:") + key.toHex();
    const int rc = sqlite3_key_v2(m_db, "main", raw.constData(), int(raw.size()));
    if (rc != SQLITE_OK)
        throw SqlError(rc,
            QStringLiteral("cannot set the key of %1: %2")
                .arg(m_path, QString::fromUtf8(sqlite3_errmsg(m_db))));
    // A wrong key (or a plain file opened with a key) fails here, before anything else reads or writes.
    exec(QStringLiteral("SELECT count(*) FROM sqlite_master"));
}

Database::~Database()
{
    m_cache.clear();
    sqlite3_close_v2(m_db);
}

void Database::exec(const QString &sql)
{
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        const QString msg = err ? QString::fromUtf8(err) : QString::fromUtf8(sqlite3_errstr(rc));
        sqlite3_free(err);
        throw SqlError(rc, msg, sql);
    }
}

Query Database::query(const QString &sql)
{
    auto it = m_cache.find(sql);
    if (it == m_cache.end())
        it = m_cache.emplace(sql, std::make_unique<Statement>(m_db, sql)).first;
    if (it->second->inUse) {
        auto fresh = std::make_unique<Statement>(m_db, sql);
        Statement *raw = fresh.get();
        return Query(raw, std::move(fresh));
    }
    return Query(it->second.get(), nullptr);
}

std::int64_t Database::scalarInt(const QString &sql)
{
    Query q = query(sql);
    return q->step() ? q->int64(0) : 0;
}

QString Database::scalarText(const QString &sql)
{
    Query q = query(sql);
    return q->step() ? q->text(0) : QString();
}

int Database::userVersion()
{
    return int(scalarInt(QStringLiteral("PRAGMA user_version")));
}

void Database::setUserVersion(int version)
{
    exec(QStringLiteral("PRAGMA user_version=%1").arg(version));
}

QString Database::integrityCheck()
{
    Query q = query(QStringLiteral("PRAGMA integrity_check"));
    QStringList problems;
    while (q->step())
        problems << q->text(0);
    return problems.join(QLatin1Char('\n'));
}

bool Database::tableExists(const QString &name)
{
    Query q = query(QStringLiteral("SELECT 1 FROM sqlite_master WHERE type IN ('table','view') AND name=?1"));
    q->bind(1, name);
    return q->step();
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

} // namespace rounds::sql
