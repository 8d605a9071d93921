#pragma once

#include "models/contentfigures.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace rounds {

// The marketing view of issue 21: the materials of a scope and period ranked by engagement (viewed
// pages per presentation × the positive share of reactions; docs/content-analytics.md), filtered by
// product, so whoever manages materials sees which one works. The dashboard's content section holds it,
// under the dashboard's period and scope; admins and managers see the dashboard.
class ContentRankingView final : public QWidget
{
    Q_OBJECT
public:
    explicit ContentRankingView(QWidget *parent = nullptr);

    // Shows `kpis`' materials; the product chosen stays chosen while it still has a material.
    void fill(const ContentKpis &kpis);
    // "" = every product.
    void setProduct(const QString &productId);
    QString product() const;
    int rowCount() const;

private:
    void refill();

    ContentKpis m_kpis;
    QComboBox *m_product = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace rounds
