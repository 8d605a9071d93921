#include "server/log.h"

Q_LOGGING_CATEGORY(lcServer, "rounds.server", QtInfoMsg)

namespace rounds::server {

QString logSafe(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        switch (u) {
        case u'\\':
            out += QLatin1String("\\\\");
            break;
        case u'\n':
            out += QLatin1String("\\n");
            break;
        case u'\r':
            out += QLatin1String("\\r");
            break;
        case u'\t':
            out += QLatin1String("\\t");
            break;
        case u' ':
            out += QLatin1String("\\s");
            break;
        default:
            if (u < 0x20 || (u >= 0x7f && u <= 0x9f))
                out += QStringLiteral("\\x%1").arg(uint(u), 2, 16, QLatin1Char('0'));
            else if (u == 0x2028 || u == 0x2029)
                out += QStringLiteral("\\u{%1}").arg(uint(u), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
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
