#pragma once

#include "models/kpis.h"
#include "models/kpis/interner.h"

#include <string_view>

namespace rounds::kpi {

// The scope's territory test of the queries (`territory_id IN (SELECT value FROM json_each(:scope))`)
// done in C++ on the rows read: a hash probe instead of a B-tree seek per row. NULL is in no scope.
class ScopeFilter
{
public:
    explicit ScopeFilter(const KpiScope &scope);
    bool operator()(std::string_view territory) const;

private:
    bool m_all;
    Interner m_ids;
};

} // namespace rounds::kpi
