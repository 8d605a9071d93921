#pragma once

// The bindings every KPI query may use, by name, and the SQL filters the queries share.

#include "models/kpis.h"

#include <QString>

namespace rounds {

namespace sql {
class Query;
}

// A query binds those of these it names (:scope, :rep, :from, :to, :start, :end, :months). The local
// day of a visit is LocalDay's SQL (models/localday.h), not a binding: its offset changes with the time.
struct KpiParams
{
    QString scope; // JSON array of territory ids, or null for everything
    QString rep; // a rep's user id, or null
    QString from; // UTC, inclusive
    QString to; // UTC, exclusive
    QString start; // local date, inclusive
    QString end; // local date, inclusive
    QString months; // JSON array of yyyy-MM

    KpiParams(const KpiPeriod &period, const KpiScope &scope);
    void bind(sql::Query &q) const;
};

namespace kpi {

// Targets: one row per HCP aligned, during the period, to a territory in scope with a target > 0. An
// HCP aligned to two territories in scope counts once, with the larger target.
QString targetsCte();
// Calls per HCP in the period and scope.
QString percallCte();
// The scope's territory test of a sales query (alias `s`).
QString salesScope();

} // namespace kpi

} // namespace rounds
