#include "ui/common/dates.h"

#include "models/localday.h"

#include <QLocale>
#include <QRegularExpression>

namespace rounds {

namespace {

bool chinese()
{
    return QLocale().language() == QLocale::Chinese;
}

// A stored value: a bare date ("2026-12-07") or a date-time ("2026-12-07T06:30:00.000Z").
bool isBareDate(const QString &iso)
{
    return iso.size() == 10 && QDate::fromString(iso, Qt::ISODate).isValid();
}

} // namespace

QString Dates::datePattern()
{
    return datePattern(QLocale());
}

QString Dates::datePattern(const QLocale &locale)
{
    if (locale.language() == QLocale::Chinese)
        return QStringLiteral("yyyy-MM-dd");
    // Short forms often have a two-digit year ("M/d/yy"); a year is always written in full here.
    static const QRegularExpression years(QStringLiteral("y+"));
    return locale.dateFormat(QLocale::ShortFormat).replace(years, QStringLiteral("yyyy"));
}

QString Dates::timePattern()
{
    return chinese() ? QStringLiteral("HH:mm") : QLocale().timeFormat(QLocale::ShortFormat);
}

QString Dates::date(const QDate &day)
{
    return day.isValid() ? QLocale().toString(day, datePattern()) : QString();
}

QString Dates::time(const QTime &time)
{
    return time.isValid() ? QLocale().toString(time, timePattern()) : QString();
}

QString Dates::dateTime(const QDateTime &at)
{
    if (!at.isValid())
        return {};
    const QDateTime local = at.toLocalTime();
    return date(local.date()) + QLatin1Char(' ') + time(local.time());
}

QString Dates::longDate(const QDate &day)
{
    if (!day.isValid())
        return {};
    return chinese() ? QLocale().toString(day, QStringLiteral("yyyy年M月d日 dddd"))
                     : QLocale().toString(day, QLocale::LongFormat);
}

QString Dates::relative(const QDate &day, const QDate &today)
{
    if (!day.isValid())
        return {};
    const qint64 days = today.daysTo(day);
    if (days == 0)
        return tr("Today");
    if (days == -1)
        return tr("Yesterday");
    if (days == 1)
        return tr("Tomorrow");
    if (days > 1 && days < 7)
        return tr("in %n day(s)", nullptr, int(days));
    if (days < -1 && days > -7)
        return tr("%n day(s) ago", nullptr, int(-days));
    return date(day);
}

QString Dates::date(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    if (isBareDate(iso))
        return date(QDate::fromString(iso, Qt::ISODate));
    const QDate day = LocalDay::of(iso);
    return day.isValid() ? date(day) : iso;
}

QString Dates::dateTime(const QString &iso)
{
    if (iso.isEmpty())
        return {};
    if (isBareDate(iso))
        return date(QDate::fromString(iso, Qt::ISODate));
    const QDateTime at = QDateTime::fromString(iso, Qt::ISODate);
    return at.isValid() ? dateTime(at) : iso;
}

} // namespace rounds
