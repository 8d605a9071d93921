#include "server/pgconnection.h"

#include <QUrl>

#include <libpq-fe.h>

#include <vector>

namespace rounds::server::pg {

PgError::PgError(const QString &message, const QByteArray &sqlState, bool connectionLost)
    : std::runtime_error(message.toStdString())
    , m_message(message)
    , m_sqlState(sqlState)
    , m_connectionLost(connectionLost)
{ }

bool PgError::isRetryable() const
{
    // serialization_failure, deadlock_detected; a unique key taken by a concurrent transaction that
    // committed after this one read the key (the re-run sees the row and takes the other path).
    return m_sqlState == "40001" || m_sqlState == "40P01" || m_sqlState == "23505";
}

Param::Param(const QString &s)
{
    if (s.isNull())
        return;
    // libpq parameters are C strings: a NUL would cut the value short (and "admin\0x" would look up
    // "admin"). Requests can carry U+0000; it never matches stored text, so replace it.
    if (s.contains(QChar(0))) {
        QString copy = s;
        copy.replace(QChar(0), QChar(0xFFFD));
        value = copy.toUtf8();
    } else {
        value = s.toUtf8();
    }
    null = false;
}

Param::Param(qint64 v)
    : value(QByteArray::number(v))
    , null(false)
{ }

Param::Param(bool v)
    : value(v ? QByteArrayLiteral("t") : QByteArrayLiteral("f"))
    , null(false)
{ }

Param Param::bytes(const QByteArray &b)
{
    Param p;
    p.value = b;
    p.null = false;
    p.binary = true;
    return p;
}

Param Param::utf8(const QByteArray &text)
{
    Param p;
    p.value = text;
    p.value.replace('\0', "\xEF\xBF\xBD");
    p.null = false;
    return p;
}

Result::Result(pg_result *result)
    : m_result(result)
{ }

Result::~Result()
{
    if (m_result)
        PQclear(m_result);
}

Result::Result(Result &&other) noexcept
    : m_result(other.m_result)
{
    other.m_result = nullptr;
}

int Result::rows() const
{
    return PQntuples(m_result);
}

bool Result::isNull(int row, int col) const
{
    return PQgetisnull(m_result, row, col) != 0;
}

QString Result::text(int row, int col) const
{
    if (isNull(row, col))
        return {};
    return QString::fromUtf8(PQgetvalue(m_result, row, col), PQgetlength(m_result, row, col));
}

QByteArray Result::utf8(int row, int col) const
{
    return QByteArray(PQgetvalue(m_result, row, col), PQgetlength(m_result, row, col));
}

qint64 Result::int64(int row, int col) const
{
    return isNull(row, col) ? 0 : QByteArray(PQgetvalue(m_result, row, col)).toLongLong();
}

bool Result::boolean(int row, int col) const
{
    return !isNull(row, col) && PQgetvalue(m_result, row, col)[0] == 't';
}

QByteArray Result::bytea(int row, int col) const
{
    if (isNull(row, col))
        return {};
    const char *v = PQgetvalue(m_result, row, col);
    if (v[0] == '\\' && v[1] == 'x')
        return QByteArray::fromHex(QByteArray(v + 2));
    size_t n = 0;
    unsigned char *raw = PQunescapeBytea(reinterpret_cast<const unsigned char *>(v), &n);
    QByteArray out(reinterpret_cast<const char *>(raw), qsizetype(n));
    PQfreemem(raw);
    return out;
}

qint64 Result::affected() const
{
    return QByteArray(PQcmdTuples(m_result)).toLongLong();
}

std::unique_ptr<Connection> Connection::open(const QString &url, QString *error)
{
    pg_conn *conn = PQconnectdb(url.toUtf8().constData());
    if (!conn) {
        *error = QStringLiteral("cannot connect to PostgreSQL (out of memory)");
        return nullptr;
    }
    if (PQstatus(conn) != CONNECTION_OK) {
        *error = QStringLiteral("cannot connect to PostgreSQL at %1: %2")
                     .arg(redactUrl(url), QString::fromUtf8(PQerrorMessage(conn)).trimmed());
        PQfinish(conn);
        return nullptr;
    }
    PQsetClientEncoding(conn, "UTF8");
    std::unique_ptr<Connection> c(new Connection(conn));
    try {
        // Quiet NOTICEs (CREATE TABLE IF NOT EXISTS …) and keep times in UTC.
        c->exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
    } catch (const PgError &e) {
        *error = e.text();
        return nullptr;
    }
    return c;
}

Connection::Connection(pg_conn *conn)
    : m_conn(conn)
{ }

Connection::~Connection()
{
    PQfinish(m_conn);
}

bool Connection::isOk() const
{
    return PQstatus(m_conn) == CONNECTION_OK;
}

bool Connection::reset()
{
    m_prepared.clear();
    PQreset(m_conn);
    if (!isOk())
        return false;
    PQsetClientEncoding(m_conn, "UTF8");
    try {
        exec("SET client_min_messages = warning; SET TIME ZONE 'UTC'");
    } catch (const PgError &) {
        return false;
    }
    return true;
}

Result Connection::check(pg_result *result, const char *what)
{
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_COPY_IN)
        return Result(result);
    QByteArray state;
    QString message;
    if (result) {
        if (const char *s = PQresultErrorField(result, PG_DIAG_SQLSTATE))
            state = s;
        message = QString::fromUtf8(PQresultErrorMessage(result)).trimmed();
        PQclear(result);
    }
    if (message.isEmpty())
        message = QString::fromUtf8(PQerrorMessage(m_conn)).trimmed();
    const bool lost = !isOk();
    throw PgError(
        QStringLiteral("PostgreSQL: %1 (%2)").arg(message, QString::fromUtf8(what).left(80)), state, lost);
}

void Connection::exec(const char *sql)
{
    check(PQexec(m_conn, sql), sql);
}

void Connection::commit()
{
    const Result r = check(PQexec(m_conn, "COMMIT"), "COMMIT");
    // A transaction in the failed state "commits" as a ROLLBACK without an error.
    if (qstrcmp(PQcmdStatus(r.m_result), "COMMIT") != 0)
        throw PgError(QStringLiteral("PostgreSQL: the transaction was rolled back instead of committed"));
}

QByteArray Connection::prepare(const QByteArray &sql)
{
    auto it = m_prepared.constFind(sql);
    if (it != m_prepared.constEnd())
        return it.value();
    const QByteArray name = "s" + QByteArray::number(m_prepared.size() + 1);
    check(PQprepare(m_conn, name.constData(), sql.constData(), 0, nullptr), sql.constData());
    m_prepared.insert(sql, name);
    return name;
}

Result Connection::run(const char *sql, const QList<Param> &params)
{
    const QByteArray name = prepare(QByteArray(sql));
    std::vector<const char *> values(size_t(params.size()));
    std::vector<int> lengths(size_t(params.size()));
    std::vector<int> formats(size_t(params.size()));
    for (qsizetype i = 0; i < params.size(); ++i) {
        const Param &p = params.at(i);
        values[size_t(i)] = p.null ? nullptr : p.value.constData();
        lengths[size_t(i)] = int(p.value.size());
        formats[size_t(i)] = p.binary ? 1 : 0;
    }
    return check(PQexecPrepared(m_conn, name.constData(), int(params.size()), values.data(), lengths.data(),
                     formats.data(), 0),
        sql);
}

Result Connection::run(const QString &sql, const QList<Param> &params)
{
    const QByteArray utf8 = sql.toUtf8();
    return run(utf8.constData(), params);
}

void Connection::copyIn(const char *sql, const QByteArray &data)
{
    check(PQexec(m_conn, sql), sql);
    constexpr qsizetype chunk = 1 << 20;
    for (qsizetype at = 0; at < data.size(); at += chunk) {
        const qsizetype n = std::min(chunk, data.size() - at);
        if (PQputCopyData(m_conn, data.constData() + at, int(n)) != 1)
            throw PgError(QStringLiteral("PostgreSQL: COPY failed: %1")
                              .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()),
                {}, !isOk());
    }
    if (PQputCopyEnd(m_conn, nullptr) != 1)
        throw PgError(QStringLiteral("PostgreSQL: COPY failed: %1")
                          .arg(QString::fromUtf8(PQerrorMessage(m_conn)).trimmed()),
            {}, !isOk());
    // The COPY's own result, then the end of the results.
    while (pg_result *r = PQgetResult(m_conn))
        check(r, sql);
}

CopyBuffer &CopyBuffer::field(const QByteArray &utf8, bool null)
{
    if (m_inRow)
        m_data += '\t';
    m_inRow = true;
    if (null) {
        m_data += "\\N";
        return *this;
    }
    for (const char c : utf8) {
        switch (c) {
        case '\\':
            m_data += "\\\\";
            break;
        case '\t':
            m_data += "\\t";
            break;
        case '\n':
            m_data += "\\n";
            break;
        case '\r':
            m_data += "\\r";
            break;
        case '\0':
            m_data += "\xEF\xBF\xBD";
            break;
        default:
            m_data += c;
        }
    }
    return *this;
}

CopyBuffer &CopyBuffer::field(const QString &value)
{
    return field(value.toUtf8(), value.isNull());
}

CopyBuffer &CopyBuffer::field(qint64 value)
{
    return field(QByteArray::number(value));
}

CopyBuffer &CopyBuffer::field(bool value)
{
    return field(value ? QByteArrayLiteral("t") : QByteArrayLiteral("f"));
}

CopyBuffer &CopyBuffer::bytea(const QByteArray &value)
{
    // bytea's hex input form, its backslash doubled for COPY.
    return field("\\x" + value.toHex());
}

void CopyBuffer::endRow()
{
    m_data += '\n';
    m_inRow = false;
    ++m_rows;
}

void CopyBuffer::clear()
{
    m_data.clear();
    m_inRow = false;
    m_rows = 0;
}

QString redactUrl(const QString &url)
{
    QUrl u(url);
    if (!u.isValid() || u.scheme().isEmpty())
        return url.contains(QLatin1String("password")) ? QStringLiteral("(connection string)") : url;
    u.setPassword({});
    return u.toString();
}

} // namespace rounds::server::pg
