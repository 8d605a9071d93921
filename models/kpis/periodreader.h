#pragma once

#include "models/kpis/perioddata.h"

#include <QList>

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

// Targets of every period at once: one read of the alignments valid during any of them (the covering
// KPI index), each alignment then tested against each period's dates in C++ with SQL's text order; and
// one read of the HCPs' tiers.
void readTargets(sql::Database &db, const KpiScope &scope, Keys *keys, const QList<PeriodData *> &periods);

// The period's submitted visits in scope, one row each from the covering KPI visit index, counted in
// C++ by (rep, local day, channel), by HCP and by rep.
void readVisits(sql::Database &db, const KpiScope &scope, Keys *keys, PeriodData *data);

} // namespace kpi

} // namespace rounds
