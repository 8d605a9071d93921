#pragma once

// The content KPI queries (issue 21 point 4; docs/content-analytics.md): an HCP's content history, and
// the content figures of a scope (KpiScope, as the dashboard's) over a period (KpiPeriod), with the
// materials ranked by engagement. Page views are `content_view` records; a page counts as viewed at
// content::ViewedAfterMs or with a reaction (common/protocol/content.h). Content KPIs hold no sales.
// Reads return false with the SQLite message.

#include "models/contentfigures.h"
#include "models/kpis.h"

#include <QList>
#include <QString>

namespace rounds {

namespace sql {
class Database;
}
class Store;

class ContentKpiQueries final
{
public:
    // The scope's in-call page views whose started_at lies in the period (local days), by material and
    // product, and the share of the scope's submitted face-to-face and remote visits with a page view.
    static bool compute(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out,
        QString *error = nullptr);
    static bool compute(Store *store, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out,
        QString *error = nullptr);

    // What the HCP was shown in calls (views naming the HCP; anonymous views never do), newest first:
    // one entry per visit and material, or, for views without a visit, per rep, material and local day.
    static bool hcpHistory(
        sql::Database &db, const QString &hcpId, QList<ContentShowing> *out, QString *error = nullptr);
    static bool hcpHistory(
        Store *store, const QString &hcpId, QList<ContentShowing> *out, QString *error = nullptr);

    // The materials of `kpis` of one product (empty: all), in rank order, ranks renumbered 1.. among them.
    static QList<ContentKpiRow> rankedForProduct(const ContentKpis &kpis, const QString &productId);
};

namespace kpi {
// ContentKpiQueries::compute() without its error wrapper: throws sql::SqlError (KpiEngine::compute).
void readContent(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out);
} // namespace kpi

} // namespace rounds
