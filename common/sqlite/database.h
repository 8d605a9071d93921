#pragma once

#include "common/sqlite/layerguard.h"

#include "common/sqlite/statement.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <unordered_map>

struct sqlite3;

namespace rounds::sql {

class Database;

// A cached statement borrowed from its Database; resets and clears its bindings when it goes out of
// scope, so the next user finds it clean.
class Query final
{
public:
    Query(Statement *stmt, std::unique_ptr<Statement> owned);
    Query(Query &&other) noexcept;
    ~Query();
    Query &operator=(Query &&) = delete;
    Q_DISABLE_COPY(Query)

    Statement *operator->() const { return m_stmt; }
    Statement &operator*() const { return *m_stmt; }

    template<typename... Args> Query &bindAll(const Args &...args)
    {
        int pos = 1;
        (m_stmt->bind(pos++, args), ...);
        return *this;
    }

private:
    Statement *m_stmt;
    std::unique_ptr<Statement> m_owned; // set when the cached one was busy
};

class Database final
{
public:
    struct Options
    {
        bool create = true;
        bool readOnly = false;
        bool wal = true;
        int busyTimeoutMs = 5000;
        bool foreignKeys = true;
        // The key of an encrypted file (SQLite3 Multiple Ciphers, AEGIS-256): 32 raw bytes, or
        // empty for a plain file. A wrong key fails the constructor with SQLITE_NOTADB.
        QByteArray key;
    };

    // Opens (and creates, with mode 0600) the file. Throws SqlError with the path on failure.
    explicit Database(const QString &path, const Options &options);
    explicit Database(const QString &path)
        : Database(path, Options {})
    { }
    ~Database();
    Q_DISABLE_COPY_MOVE(Database)

    // Runs one or more statements without results.
    void exec(const QString &sql);
    // A cached prepared statement for this SQL text.
    Query query(const QString &sql);

    // Single-value helpers.
    std::int64_t scalarInt(const QString &sql);
    QString scalarText(const QString &sql);

    int userVersion();
    void setUserVersion(int version);

    // "ok", or the problems PRAGMA integrity_check reports.
    QString integrityCheck();
    bool tableExists(const QString &name);

    std::int64_t lastInsertRowId() const;
    int changes() const;
    bool inTransaction() const;

    const QString &path() const { return m_path; }
    // The key this connection was opened with (empty: a plain file), for a second connection to it.
    const QByteArray &key() const { return m_key; }
    sqlite3 *handle() const { return m_db; }

private:
    void applyKey(const QByteArray &key);

    sqlite3 *m_db = nullptr;
    QString m_path;
    QByteArray m_key;
    std::unordered_map<QString, std::unique_ptr<Statement>> m_cache;
};

} // namespace rounds::sql
