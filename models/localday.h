#pragma once

// The local calendar day of a stored UTC time (the store keeps every time in UTC; a user's days are
// local). One helper for the KPI SQL and the C++ readers, right in every zone and across a
// daylight-saving change, where one fixed offset for a whole period is an hour wrong on one side.

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace rounds {

class LocalDay final
{
public:
    // The offsets in force over the local days first..last of `zone` (the process's zone by default, the
    // one QDateTime's local time uses): the offset at the span's start and one more at each transition.
    LocalDay(const QDate &first, const QDate &last, const QTimeZone &zone = QTimeZone::systemTimeZone());

    // An SQLite expression for the local day (yyyy-MM-dd) of the UTC time in `column` (text as the store
    // writes it); NULL where SQLite cannot read the time. For times inside the span only.
    QString sql(const QString &column) const;
    // The SQLite modifier that moves a UTC time by `seconds`: "+28800 seconds".
    static QString modifier(int seconds);

    // The local day of a stored UTC time (ISO 8601 text), or an invalid date when it cannot be read.
    static QDate of(const QString &utc);

private:
    struct Stretch
    {
        QString fromUtc; // the first instant the offset holds, as the store writes times
        int offset = 0; // seconds east of UTC
    };
    QList<Stretch> m_stretches; // in time order; the first holds from the span's start
};

} // namespace rounds
