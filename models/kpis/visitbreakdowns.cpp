#include "models/kpis/visitbreakdowns.h"

#include "models/kpis/kpicommon.h"

#include <QHash>
#include <QMap>

namespace rounds::kpi {

QList<KpiCount> channelMix(const QList<PeriodData::VisitCell> &cells)
{
    QHash<QString, qint64> counts;
    qint64 total = 0;
    for (const PeriodData::VisitCell &c : cells) {
        counts[c.channel] += c.visits;
        total += c.visits;
    }
    QList<KpiCount> out;
    for (const QString &c : channels()) {
        const qint64 n = counts.value(c);
        out.append(KpiCount {c, c, n, double(n), ratio(double(n), double(total), 100)});
    }
    return out;
}

QList<KpiDayCount> callsPerDay(const QList<PeriodData::VisitCell> &cells, const KpiPeriod &period)
{
    QHash<QDate, int> perDay;
    for (const PeriodData::VisitCell &c : cells) {
        if (!c.dayNull && isCallChannel(c.channel))
            perDay[QDate::fromString(c.day, Qt::ISODate)] += int(c.visits);
    }
    QList<KpiDayCount> out;
    for (QDate d = period.start; d <= period.end; d = d.addDays(1))
        out.append(KpiDayCount {d, perDay.value(d)});
    return out;
}

void supportTrend(const QList<PeriodData::VisitCell> &cells, const KpiPeriod &period, KpiResult *r)
{
    // A visit whose time SQLite cannot read falls in an invalid bucket, first, as NULL sorts.
    const bool weekly = period.days() <= 62;
    r->supportGranularity = weekly ? QStringLiteral("week") : QStringLiteral("month");
    QMap<QDate, std::pair<qint64, double>> buckets;
    for (const PeriodData::VisitCell &c : cells) {
        if (!isCallChannel(c.channel) || c.supportVisits == 0)
            continue;
        QDate b;
        if (!c.dayNull) {
            const QDate d = QDate::fromString(c.day, Qt::ISODate);
            b = weekly ? d.addDays(1 - d.dayOfWeek()) : QDate(d.year(), d.month(), 1);
        }
        auto &bucket = buckets[b];
        bucket.first += c.supportVisits;
        bucket.second += c.supportSum;
    }
    for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
        r->supportTrend.append(KpiSupportPoint {it.key(), int(it->first), it->second / double(it->first)});
}

} // namespace rounds::kpi
