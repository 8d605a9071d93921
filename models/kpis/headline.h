#pragma once

// The headline figures (KpiHeadline) of one period, in three parts: counted from the period's targets
// and visits, read from the store, and the ratios of both.

#include "models/kpis/perioddata.h"

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

// All three parts on one connection.
void headline(sql::Database &db, const KpiScope &scope, const Keys &keys, const PeriodData &data,
    KpiHeadline *h, qint64 costPerCall, QList<KpiTierReach> *tiers);
// Reach, frequency and coverage (and by tier when `tiers` is set), calls, touches, field days, support.
void headlineVisits(const Keys &keys, const PeriodData &data, KpiHeadline *h, QList<KpiTierReach> *tiers);
// Plans, events, sales and market share. They set other fields of the headline than headlineVisits(),
// so the two may run on different threads.
void headlineStore(sql::Database &db, const KpiScope &scope, const KpiPeriod &period, KpiHeadline *h);
// The ratios of the counts the two above set.
void headlineRatios(KpiHeadline *h, qint64 costPerCall);

} // namespace kpi

} // namespace rounds
