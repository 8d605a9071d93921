#pragma once

#include "ui/common/dates.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QLocale>
#include <QString>
#include <QTime>

namespace rounds {

// The one way every view writes a date or a time for a person: in the user's time zone (the store keeps
// UTC) and in the language the application runs in (QLocale()). Chinese shows 2026-12-07 and 14:30, the
// way tables and forms in Chinese business software write them; other languages use their locale's
// short forms with a four-digit year ("12/7/2026", "2:30 PM"). Nothing on screen formats a date itself.
class Dates final
{
    Q_DECLARE_TR_FUNCTIONS(Dates)
public:
    static QString date(const QDate &day);
    static QString time(const QTime &time);
    // Shown in local time, whatever the time spec of `at`.
    static QString dateTime(const QDateTime &at);
    // A heading's date with the weekday: "2026年12月7日 星期一", "Monday, December 7, 2026".
    static QString longDate(const QDate &day);
    // "Today", "Yesterday", "Tomorrow", "in 3 days", "3 days ago" within a week of `today`; the date
    // beyond.
    static QString relative(const QDate &day, const QDate &today = QDate::currentDate());

    // The same for text as the store keeps it: an ISO 8601 date-time (UTC) or a bare date. Text that is
    // neither comes back unchanged; empty text as empty.
    static QString date(const QString &iso);
    static QString dateTime(const QString &iso);

    // The patterns in use, for widgets that take one (QDateEdit::setDisplayFormat).
    static QString datePattern();
    static QString datePattern(const QLocale &locale); // the same for a widget's own locale
    static QString timePattern();
};

} // namespace rounds
