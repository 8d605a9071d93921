#include "ui/common/labels.h"

#include <QDateTime>
#include <QLocale>

namespace rounds {

namespace {
QString find(const QList<Labels::Choice> &choices, const QString &value)
{
    for (const Labels::Choice &c : choices) {
        if (c.first == value)
            return c.second;
    }
    return value;
}
} // namespace

QList<Labels::Choice> Labels::channels()
{
    return {{QStringLiteral("face_to_face"), tr("Face to face")},
        {QStringLiteral("remote"), tr("Remote (video)")}, {QStringLiteral("phone"), tr("Phone")},
        {QStringLiteral("message"), tr("Message")}, {QStringLiteral("material"), tr("Material sent")}};
}

QList<Labels::Choice> Labels::reactions()
{
    return {{QStringLiteral("positive"), tr("Positive")}, {QStringLiteral("neutral"), tr("Neutral")},
        {QStringLiteral("negative"), tr("Negative")}};
}

QString Labels::channel(const QString &value)
{
    return find(channels(), value);
}

QString Labels::reaction(const QString &value)
{
    return find(reactions(), value);
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
    return find(
        {{QStringLiteral("draft"), tr("Draft")}, {QStringLiteral("submitted"), tr("Awaiting approval")},
            {QStringLiteral("approved"), tr("Approved")}, {QStringLiteral("rejected"), tr("Rejected")},
            {QStringLiteral("held"), tr("Held")}, {QStringLiteral("closed"), tr("Closed")},
            {QStringLiteral("cancelled"), tr("Cancelled")}},
        value);
}

QString Labels::visitStatus(const QString &value)
{
    return find(
        {{QStringLiteral("draft"), tr("Draft")}, {QStringLiteral("submitted"), tr("Submitted")}}, value);
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
    if (value == QLatin1String("rep"))
        return tr("Medical rep");
    if (value == QLatin1String("manager"))
        return tr("District manager");
    if (value == QLatin1String("sfe"))
        return tr("Sales force effectiveness");
    if (value == QLatin1String("admin"))
        return tr("Administrator");
    return value;
}

} // namespace rounds
