#pragma once

// The charts counted from the period's visit cells (PeriodData::cells): channel mix, calls per day and
// the support trend.

#include "models/kpis/perioddata.h"

namespace rounds::kpi {

// Every channel, count and % of calls + touches.
QList<KpiCount> channelMix(const QList<PeriodData::VisitCell> &cells);
// Calls on every day of the period.
QList<KpiDayCount> callsPerDay(const QList<PeriodData::VisitCell> &cells, const KpiPeriod &period);
// Weekly (weeks from Monday) for a month or a short cycle, monthly for longer periods; sets r's
// supportGranularity and supportTrend.
void supportTrend(const QList<PeriodData::VisitCell> &cells, const KpiPeriod &period, KpiResult *r);

} // namespace rounds::kpi
