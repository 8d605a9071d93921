#include "models/kpis/scopefilter.h"

#include "models/kpis/sqlkey.h"

namespace rounds::kpi {

ScopeFilter::ScopeFilter(const KpiScope &scope)
    : m_all(scope.kind == KpiScope::Kind::All)
{
    for (const QString &id : scope.territoryIds)
        m_ids.intern(id.toStdString());
}

bool ScopeFilter::operator()(std::string_view territory) const
{
    return m_all || (!isNullKey(territory) && m_ids.find(territory) >= 0);
}

} // namespace rounds::kpi
