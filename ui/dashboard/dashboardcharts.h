#pragma once

#include "models/kpis.h"

#include <QHash>

#include <functional>

class QChart;

namespace rounds {

// Paints a KpiResult into the dashboard's charts, each found by its card's key ("reach", "calls",
// "channels", "products", "events", "reps", "sales", "support", "territories", "salesProducts",
// "institutions"). Its words belong to DashboardView (one translation context for the dashboard).
class DashboardCharts final
{
public:
    explicit DashboardCharts(QHash<QString, QChart *> charts);

    // A click on a tier's bar ("A".."D") and on a rep's bar (the rep's username).
    std::function<void(const QString &tier)> tierClicked;
    std::function<void(const QString &username)> repClicked;

    void fill(const KpiResult &r);

private:
    // A chart emptied of its series and axes, ready to be filled again.
    QChart *reset(const QString &key) const;
    void fillReach(const KpiResult &r);
    void fillCalls(const KpiResult &r);
    void fillChannels(const KpiResult &r);
    void fillRankings(const KpiResult &r);
    void fillEvents(const KpiResult &r);
    void fillSales(const KpiResult &r);
    void fillSupport(const KpiResult &r);

    QHash<QString, QChart *> m_charts;
};

} // namespace rounds
