#pragma once

#include "common/sqlite/layerguard.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <cstdint>
#include <type_traits>

struct sqlite3;
struct sqlite3_stmt;

namespace rounds::sql {

// One prepared statement. Positions are 1-based, as `?1` in the SQL.
class Statement final
{
public:
    Statement(sqlite3 *db, const QString &sql);
    ~Statement();
    Q_DISABLE_COPY_MOVE(Statement)

    Statement &bindNull(int pos);
    Statement &bind(int pos, std::int64_t value);
    Statement &bind(int pos, int value) { return bind(pos, std::int64_t(value)); }
    // qint64 is `long long`, std::int64_t is `long` on LP64 Linux: take both.
    template<typename T>
    requires(std::is_same_v<T, long long> && !std::is_same_v<long long, std::int64_t>) Statement &bind(
        int pos, T value)
    {
        return bind(pos, std::int64_t(value));
    }
    Statement &bind(int pos, bool value) { return bind(pos, std::int64_t(value ? 1 : 0)); }
    Statement &bind(int pos, double value);
    Statement &bind(int pos, const QString &value); // a null QString binds NULL
    Statement &bind(int pos, QStringView value);
    Statement &bind(int pos, const char *utf8) { return bind(pos, QString::fromUtf8(utf8)); }
    Statement &bindText(int pos, const QByteArray &utf8);
    Statement &bindBlob(int pos, const QByteArray &value);
    // JSON scalars bind as their SQL equivalent; arrays and objects bind as compact JSON text.
    Statement &bind(int pos, const QJsonValue &value);

    // Binds by name (":name", "@name" or "$name").
    int parameterIndex(const char *name) const;

    // Steps once: true when a row is available, false when done. Throws SqlError otherwise.
    bool step();
    // Steps to the end, ignoring rows.
    void run();
    void reset();
    void clearBindings();

    int columnCount() const;
    QString columnName(int col) const;
    bool isNull(int col) const;
    std::int64_t int64(int col) const;
    int integer(int col) const { return int(int64(col)); }
    double real(int col) const;
    QString text(int col) const;
    QByteArray blob(int col) const;
    QByteArray textUtf8(int col) const;
    // The column as JSON: NULL → null, integers → number, text → string.
    QJsonValue json(int col) const;

    const QString &sql() const { return m_sql; }
    sqlite3_stmt *handle() const { return m_stmt; }

    // For the statement cache: a cached statement in use is not handed out twice.
    bool inUse = false;

private:
    void check(int rc) const;

    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
    QString m_sql;
};

} // namespace rounds::sql
