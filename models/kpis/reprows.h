#pragma once

#include "models/kpis/perioddata.h"

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

// Calls, field days and reached targets by rep, from the period's visits (their HCP lists are sorted
// and made unique in place), in SQL's ORDER BY calls DESC, name.
QList<KpiRepRow> repRows(sql::Database &db, const Keys &keys, PeriodData *data);

} // namespace kpi

} // namespace rounds
