#pragma once

// Sales by month (with month-on-month, year-on-year and a three-month forecast) and by territory,
// product and institution: read from the store only, after the period's headline sales (their
// year-on-year and shares need r->now.salesMinor), on whichever connection runs them.

#include "models/kpis.h"

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

class Laps;

// Sets r's salesByMonth, salesYoyPct, forecastMethod, forecast, salesByTerritory, salesByProduct,
// salesByInstitution and institutionSalesHidden (from r->role); `laps` may be null.
void computeSales(
    sql::Database &db, const KpiPeriod &period, const KpiScope &scope, KpiResult *r, Laps *laps);

} // namespace kpi

} // namespace rounds
