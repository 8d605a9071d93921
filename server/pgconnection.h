#pragma once

// A thin RAII layer over libpq for the PostgreSQL backend: one connection, statements with text
// parameters (binary for bytea) prepared once per connection, results read by row and column, and
// PgError (with the SQLSTATE) for every failure. Used by one thread at a time.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <memory>
#include <stdexcept>

struct pg_conn;
struct pg_result;

namespace rounds::server::pg {

class PgError final : public std::runtime_error
{
public:
    PgError(const QString &message, const QByteArray &sqlState = {}, bool connectionLost = false);
    QString text() const { return m_message; }
    const QByteArray &sqlState() const { return m_sqlState; }
    // The transaction lost to a concurrent one (serialization failure, deadlock): run it again.
    bool isRetryable() const;
    bool isUniqueViolation() const { return m_sqlState == "23505"; }
    bool connectionLost() const { return m_connectionLost; }

private:
    QString m_message;
    QByteArray m_sqlState;
    bool m_connectionLost = false;
};

// One statement parameter: text (UTF-8) or binary (bytea), or NULL.
struct Param
{
    Param() = default;
    Param(const QString &s); // a null QString is NULL
    Param(const char *utf8)
        : Param(QString::fromUtf8(utf8))
    { }
    Param(qint64 v);
    Param(int v)
        : Param(qint64(v))
    { }
    Param(bool v);
    static Param bytes(const QByteArray &b);
    static Param utf8(const QByteArray &text);

    QByteArray value;
    bool null = true;
    bool binary = false;
};

class Result final
{
public:
    explicit Result(pg_result *result);
    ~Result();
    Result(Result &&other) noexcept;
    Result &operator=(Result &&) = delete;
    Result(const Result &) = delete;

    int rows() const;
    bool isNull(int row, int col) const;
    QString text(int row, int col) const; // NULL: a null QString
    QByteArray utf8(int row, int col) const;
    qint64 int64(int row, int col) const;
    bool boolean(int row, int col) const;
    QByteArray bytea(int row, int col) const; // a bytea column in text (hex) form
    qint64 affected() const;

private:
    friend class Connection;
    pg_result *m_result;
};

class Connection final
{
public:
    // Connects to a postgresql:// URL (or key=value string); nullptr and `error` when it cannot.
    static std::unique_ptr<Connection> open(const QString &url, QString *error);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    // Runs SQL without parameters (may hold several statements).
    void exec(const char *sql);
    // COMMIT, and throws when PostgreSQL rolled back instead (a transaction that had failed).
    void commit();
    // Runs one statement; prepared on first use and kept for this connection.
    Result run(const char *sql, const QList<Param> &params = {});
    Result run(const QString &sql, const QList<Param> &params = {});
    // COPY ... FROM STDIN with rows in COPY text format (one line each, ending in \n).
    void copyIn(const char *sql, const QByteArray &data);

    bool isOk() const;
    // Re-establishes a broken connection (prepared statements are gone then).
    bool reset();
    pg_conn *handle() const { return m_conn; }

private:
    explicit Connection(pg_conn *conn);
    Result check(pg_result *result, const char *what);
    QByteArray prepare(const QByteArray &sql);

    pg_conn *m_conn;
    QHash<QByteArray, QByteArray> m_prepared; // SQL → statement name
};

// Rows in COPY text format: fields quoted (backslash, tab, newline, carriage return), NULL as \N.
class CopyBuffer final
{
public:
    CopyBuffer &field(const QString &value); // a null QString is NULL
    CopyBuffer &field(const QByteArray &utf8, bool null = false);
    CopyBuffer &field(qint64 value);
    CopyBuffer &field(bool value);
    CopyBuffer &bytea(const QByteArray &value);
    void endRow();
    const QByteArray &data() const { return m_data; }
    qint64 rows() const { return m_rows; }
    void clear();

private:
    QByteArray m_data;
    bool m_inRow = false;
    qint64 m_rows = 0;
};

// `postgresql://user:secret@host/db` → `postgresql://user@host/db`, for messages and logs.
QString redactUrl(const QString &url);

} // namespace rounds::server::pg
