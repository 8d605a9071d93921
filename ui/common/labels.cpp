#include "ui/common/labels.h"

#include "ui/common/enumlabels.h"

#include <QDateTime>
#include <QLocale>

namespace rounds {

QString Labels::channel(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit"), QStringLiteral("channel"), value);
}

QString Labels::reaction(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit_detail"), QStringLiteral("reaction"), value);
}

QString Labels::supportLevel(int level)
{
    switch (level) {
    case 1:
        return tr("1 – Opposes");
    case 2:
        return tr("2 – Sceptical");
    case 3:
        return tr("3 – Neutral");
    case 4:
        return tr("4 – Supportive");
    case 5:
        return tr("5 – Advocate");
    default:
        return tr("Not assessed");
    }
}

QString Labels::meetingStatus(const QString &value)
{
    return EnumLabels::label(QStringLiteral("meeting"), QStringLiteral("status"), value);
}

QString Labels::visitStatus(const QString &value)
{
    return EnumLabels::label(QStringLiteral("visit"), QStringLiteral("status"), value);
}

QString Labels::localDateTime(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODate);
    if (!t.isValid())
        return iso;
    return QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString Labels::role(const QString &value)
{
    return EnumLabels::label(QStringLiteral("user"), QStringLiteral("role"), value);
}

QString Labels::refusal(const QString &code, const QString &field, const QString &serverMessage)
{
    if (code == QLatin1String("invalid_request"))
        return field.isEmpty() ? tr("The server found this change invalid.")
                               : tr("The server refused the value of “%1”.").arg(field);
    if (code == QLatin1String("forbidden")) {
        // The one refusal a rep meets daily has its own sentence (the server's says "read-only").
        if (serverMessage.contains(QLatin1String("read-only")))
            return tr("A submitted record is read-only: the server keeps the submitted version.");
        return tr("Your role or territory does not allow this change.");
    }
    if (code == QLatin1String("payload_too_large"))
        return tr("This change is too large to send to the server.");
    if (code == QLatin1String("unauthorized"))
        return tr("Your sign-in has expired: sign in again.");
    if (code == QLatin1String("rate_limited"))
        return tr("The server is busy: Rounds tries again later.");
    if (code == QLatin1String("unsupported_protocol"))
        return tr("This version of Rounds is too old for the server: please update.");
    if (code == QLatin1String("internal"))
        return tr("The server could not store the change; Rounds sends it again with the next sync.");
    if (code == QLatin1String("compliance"))
        return tr("A compliance rule blocks this change.");
    return serverMessage.isEmpty() ? tr("The server refused this change.") : serverMessage;
}

} // namespace rounds
