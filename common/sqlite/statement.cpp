#include "common/sqlite/statement.h"

#include "common/sqlite/sqlerror.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <sqlite3.h>

namespace rounds::sql {

Statement::Statement(sqlite3 *db, const QString &sql)
    : m_db(db)
    , m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const int rc = sqlite3_prepare_v3(
        db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK) {
        const QString msg = QString::fromUtf8(sqlite3_errmsg(db));
        sqlite3_finalize(m_stmt);
        m_stmt = nullptr;
        throw SqlError(rc, msg, sql);
    }
}

Statement::~Statement()
{
    sqlite3_finalize(m_stmt);
}

void Statement::check(int rc) const
{
    if (rc != SQLITE_OK)
        throw SqlError(rc, QString::fromUtf8(sqlite3_errmsg(m_db)), m_sql);
}

Statement &Statement::bindNull(int pos)
{
    check(sqlite3_bind_null(m_stmt, pos));
    return *this;
}

Statement &Statement::bind(int pos, std::int64_t value)
{
    check(sqlite3_bind_int64(m_stmt, pos, value));
    return *this;
}

Statement &Statement::bind(int pos, double value)
{
    check(sqlite3_bind_double(m_stmt, pos, value));
    return *this;
}

Statement &Statement::bind(int pos, const QString &value)
{
    if (value.isNull())
        return bindNull(pos);
    return bindText(pos, value.toUtf8());
}

Statement &Statement::bind(int pos, QStringView value)
{
    if (value.isNull())
        return bindNull(pos);
    return bindText(pos, value.toUtf8());
}

Statement &Statement::bindText(int pos, const QByteArray &utf8)
{
    check(sqlite3_bind_text64(
        m_stmt, pos, utf8.constData(), sqlite3_uint64(utf8.size()), SQLITE_TRANSIENT, SQLITE_UTF8));
    return *this;
}

Statement &Statement::bindBlob(int pos, const QByteArray &value)
{
    check(
        sqlite3_bind_blob64(m_stmt, pos, value.constData(), sqlite3_uint64(value.size()), SQLITE_TRANSIENT));
    return *this;
}

Statement &Statement::bind(int pos, const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return bindNull(pos);
    case QJsonValue::Bool:
        return bind(pos, value.toBool());
    case QJsonValue::Double: {
        const double d = value.toDouble();
        const auto i = static_cast<std::int64_t>(d);
        if (static_cast<double>(i) == d)
            return bind(pos, i);
        return bind(pos, d);
    }
    case QJsonValue::String:
        return bind(pos, value.toString());
    case QJsonValue::Array:
        return bindText(pos, QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return bindText(pos, QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    }
    return bindNull(pos);
}

int Statement::parameterIndex(const char *name) const
{
    return sqlite3_bind_parameter_index(m_stmt, name);
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    const QString msg = QString::fromUtf8(sqlite3_errmsg(m_db));
    sqlite3_reset(m_stmt);
    throw SqlError(rc, msg, m_sql);
}

void Statement::run()
{
    while (step()) { }
}

void Statement::reset()
{
    sqlite3_reset(m_stmt);
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

QString Statement::columnName(int col) const
{
    return QString::fromUtf8(sqlite3_column_name(m_stmt, col));
}

bool Statement::isNull(int col) const
{
    return sqlite3_column_type(m_stmt, col) == SQLITE_NULL;
}

std::int64_t Statement::int64(int col) const
{
    return sqlite3_column_int64(m_stmt, col);
}

double Statement::real(int col) const
{
    return sqlite3_column_double(m_stmt, col);
}

QString Statement::text(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::textUtf8(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    if (!p)
        return {};
    return QByteArray(p, sqlite3_column_bytes(m_stmt, col));
}

QByteArray Statement::blob(int col) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, col));
    if (!p)
        return {};
    return QByteArray(p, sqlite3_column_bytes(m_stmt, col));
}

QJsonValue Statement::json(int col) const
{
    switch (sqlite3_column_type(m_stmt, col)) {
    case SQLITE_NULL:
        return QJsonValue(QJsonValue::Null);
    case SQLITE_INTEGER:
        return QJsonValue(qint64(int64(col)));
    case SQLITE_FLOAT:
        return QJsonValue(real(col));
    default:
        return QJsonValue(text(col));
    }
}

} // namespace rounds::sql
