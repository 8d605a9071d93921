#pragma once

#include "models/kpis.h"

#include <QHash>
#include <QPalette>

#include <functional>

class QChart;

namespace rounds {

// Paints a KpiResult into the dashboard's charts, each found by its card's key ("reach", "calls",
// "channels", "products", "events", "reps", "sales", "support", "territories", "salesProducts",
// "institutions"). Its words belong to DashboardView (one translation context for the dashboard).
// Numbers follow the default QLocale (thousands separators); text, axes, gridlines, background and the
// series' theme follow a palette, so a dark palette gets light text on a dark chart.
class DashboardCharts final
{
public:
    explicit DashboardCharts(QHash<QString, QChart *> charts);

    // A click on a tier's bar ("A".."D") and on a rep's bar (the rep's username).
    std::function<void(const QString &tier)> tierClicked;
    std::function<void(const QString &username)> repClicked;

    void fill(const KpiResult &r);
    // Colours every chart from `palette` (Base behind, Text for words; a dark theme for the series when
    // Base is dark). fill() keeps to the last palette given.
    void setPalette(const QPalette &palette);

private:
    // A chart emptied of its series and axes, ready to be filled again.
    QChart *reset(const QString &key) const;
    // The palette's colours on a chart's background, title, legend and axes (after its axes are made).
    void style(QChart *chart) const;
    void fillReach(const KpiResult &r);
    void fillCalls(const KpiResult &r);
    void fillChannels(const KpiResult &r);
    void fillRankings(const KpiResult &r);
    void fillEvents(const KpiResult &r);
    void fillSales(const KpiResult &r);
    void fillSupport(const KpiResult &r);

    QHash<QString, QChart *> m_charts;
    QPalette m_palette;
};

} // namespace rounds
