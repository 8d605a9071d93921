#pragma once

#include "common/sqlite/layerguard.h"

#include <QString>

#include <stdexcept>

namespace rounds::sql {

// Thrown by the sqlite layer; callers at an API boundary (a repository method, a route) catch it and
// turn it into a bool + message. It never crosses a Qt signal or event-loop boundary.
class SqlError final : public std::runtime_error
{
public:
    SqlError(int code, QString message, QString statement = {})
        : std::runtime_error(format(code, message, statement).toStdString())
        , m_code(code)
        , m_message(std::move(message))
        , m_statement(std::move(statement))
    { }

    int code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &statement() const { return m_statement; }
    QString text() const { return QString::fromUtf8(what()); }

private:
    static QString format(int code, const QString &message, const QString &statement)
    {
        QString s = QStringLiteral("SQLite error %1: %2").arg(code).arg(message);
        if (!statement.isEmpty())
            s += QStringLiteral(" [in: %1]").arg(statement.simplified().left(300));
        return s;
    }

    int m_code;
    QString m_message;
    QString m_statement;
};

} // namespace rounds::sql
