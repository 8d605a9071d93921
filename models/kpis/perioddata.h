#pragma once

// What one period's KPIs are computed from: its targets and its visits, each read once
// (periodreader.h), and the keys they are counted by.

#include "models/kpis.h"
#include "models/kpis/interner.h"

#include <string>
#include <vector>

namespace rounds::kpi {

// The keys of one compute(), shared by its periods: an HCP, a rep, a day has the same number in both.
struct Keys
{
    Interner hcps {65536};
    Interner reps;
    Interner days {2048};
    Interner channels;
    std::vector<std::string> tiers; // by HCP; "" when the HCP has none (or is not in the store)
};

struct PeriodData
{
    // The period's submitted visits in scope counted by (rep, local day, channel): the headline counts,
    // the channel mix, calls per day and the support trend all come from these cells.
    struct VisitCell
    {
        QString rep;
        bool repNull = false;
        QString day; // yyyy-MM-dd, local; empty when SQLite could not read the time
        bool dayNull = false;
        QString channel;
        qint64 visits = 0;
        qint64 supportVisits = 0;
        double supportSum = 0;
    };
    struct Rep
    {
        qint64 calls = 0;
        std::vector<bool> days; // by day key: a call that day (NULL days left out)
        std::vector<int> hcps; // HCP keys of the calls (NULL left out), with repeats
    };

    KpiPeriod period;
    std::vector<qint64> targets; // by HCP key: the largest target valid during the period, 0 = none
    std::vector<qint64> calls; // by HCP key: calls in the period (NULL HCPs left out)
    std::vector<Rep> reps; // by rep key (NULL is a rep of its own, as in GROUP BY)
    QList<VisitCell> cells;
    bool wantCallIds = false;
    std::vector<std::string> callIds; // the calls' visit ids, for product share

    qint64 targetOf(int hcp) const
    {
        return hcp >= 0 && std::size_t(hcp) < targets.size() ? targets[std::size_t(hcp)] : 0;
    }
};

} // namespace rounds::kpi
