#pragma once

#include "models/kpis.h"
#include "ui/dashboard/kpitiles.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace rounds {
class ContentRankingView;
}

namespace rounds {

// The dashboard's content section (issue 21; docs/content-analytics.md): four tiles (page views, average
// dwell per viewed page, share of calls with content, positive share of the reactions) with the change
// against the previous period, the materials ranked by engagement (ContentRankingView, with a product
// filter) and the per-product table.
class DashboardContent final : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardContent(QWidget *parent = nullptr);

    void fill(const KpiResult &r);

signals:
    // The CSV button of a table (KpiTable::id).
    void csvRequested(const QString &tableId);

private:
    QWidget *tile(const QString &key, const QString &name);
    // A framed table with a CSV button; `body` instead of a table when given.
    QTableWidget *table(const QString &key, const QString &title, QLayout *into, QWidget *body = nullptr);

    KpiTileSet m_tiles;
    QHash<QString, QTableWidget *> m_tables; // by KpiTable::id
    ContentRankingView *m_ranking = nullptr;
};

} // namespace rounds
