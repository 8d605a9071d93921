#include "models/localday.h"

#include <cstdlib>

namespace rounds {

LocalDay::LocalDay(const QDate &first, const QDate &last, const QTimeZone &zone)
{
    const QDateTime from(first, QTime(0, 0));
    const QDateTime to(last.addDays(1), QTime(0, 0));
    if (!zone.isValid()) {
        // A TZ value Qt's zone database cannot name: the local time's own offset, as before.
        m_stretches.append(Stretch {QString(), from.offsetFromUtc()});
        return;
    }
    m_stretches.append(Stretch {QString(), zone.offsetFromUtc(from)});
    for (const QTimeZone::OffsetData &t : zone.transitions(from, to)) {
        if (t.offsetFromUtc == m_stretches.constLast().offset)
            continue;
        m_stretches.append(Stretch {t.atUtc.toUTC().toString(Qt::ISODateWithMs), t.offsetFromUtc});
    }
}

QString LocalDay::modifier(int seconds)
{
    return (seconds < 0 ? QStringLiteral("-") : QStringLiteral("+")) + QString::number(std::abs(seconds))
        + QStringLiteral(" seconds");
}

QString LocalDay::sql(const QString &column) const
{
    if (m_stretches.size() == 1)
        return QStringLiteral("date(%1, '%2')").arg(column, modifier(m_stretches.first().offset));
    // Stored times are ISO text in UTC, so they compare with the transitions as text, as the period's
    // bounds do. A handful of branches at most: a zone changes its offset twice a year.
    QString cases;
    for (qsizetype i = 1; i < m_stretches.size(); ++i) {
        cases += QStringLiteral(" WHEN %1 < '%2' THEN '%3'")
                     .arg(column, m_stretches.at(i).fromUtc, modifier(m_stretches.at(i - 1).offset));
    }
    return QStringLiteral("date(%1, CASE%2 ELSE '%3' END)")
        .arg(column, cases, modifier(m_stretches.constLast().offset));
}

QDate LocalDay::of(const QString &utc)
{
    const QDateTime at = QDateTime::fromString(utc, Qt::ISODateWithMs);
    return at.isValid() ? at.toLocalTime().date() : QDate();
}

} // namespace rounds
