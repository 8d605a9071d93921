#pragma once

#include "models/kpis.h"

#include <string>
#include <vector>

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

// Product share of detailing on calls: the n-th product discussed in a visit (by position, gaps
// closed) weighs first / second / later. `callIds` (the period's calls, read with its visits) is
// sorted in place. Largest weighted share first.
QList<KpiCount> productShare(sql::Database &db, std::vector<std::string> *callIds, const KpiWeights &weights);

} // namespace kpi

} // namespace rounds
