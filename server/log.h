#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace rounds::server {

// Text from a request (a path, a user name) made safe for a log of one line per request: control
// characters (C0, DEL, C1, U+2028/U+2029), spaces and backslashes become escapes (\n, \r, \t, \s, \\,
// \xHH, \u{HHHH}), so no field can end a line, forge another, or pass for two fields.
QString logSafe(QStringView text);
QString logSafe(QByteArrayView latin1);

// The request line: "METHOD PATH STATUS MSms USER[ NOTE]"; USER is "-" before login.
void logRequest(
    QByteArrayView method, QStringView path, int status, qint64 ms, QStringView user, QStringView note = {});

} // namespace rounds::server
