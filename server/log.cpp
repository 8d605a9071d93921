#include "server/log.h"

#include <algorithm>

Q_LOGGING_CATEGORY(lcServer, "rounds.server", QtInfoMsg)

namespace rounds::server {

QString logSafe(QStringView text)
{
    static const std::pair<char16_t, QLatin1String> named[]
        = {{u'\\', QLatin1String("\\\\")}, {u'\n', QLatin1String("\\n")}, {u'\r', QLatin1String("\\r")},
            {u'\t', QLatin1String("\\t")}, {u' ', QLatin1String("\\s")}};
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const auto *hit
            = std::find_if(std::begin(named), std::end(named), [u](const auto &n) { return n.first == u; });
        if (hit != std::end(named))
            out += hit->second;
        else if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
            out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
        else if (u == 0x2028 || u == 0x2029)
            out += QStringLiteral("\\u{%1}").arg(uint(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out;
}

QString logSafe(QByteArrayView latin1)
{
    return logSafe(QString::fromLatin1(latin1));
}

void logRequest(
    QByteArrayView method, QStringView path, int status, qint64 ms, QStringView user, QStringView note)
{
    QString line = logSafe(method) + QLatin1Char(' ') + logSafe(path) + QLatin1Char(' ')
        + QString::number(status) + QLatin1Char(' ') + QString::number(ms) + QLatin1String("ms ")
        + (user.isEmpty() ? QStringLiteral("-") : logSafe(user));
    if (!note.isEmpty())
        line += QLatin1Char(' ') + note.toString();
    qCInfo(lcServer).noquote() << line;
}

} // namespace rounds::server
