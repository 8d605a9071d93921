#include "ui/dashboard/dashboardtiles.h"
#include "ui/common/theme.h"

#include "ui/dashboard/dashboardview.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

QString yuan(double minor)
{
    return QStringLiteral("¥") + QLocale().toString(minor / 100, 'f', 0);
}

QList<KpiTileValue> tilesOf(const KpiResult &r)
{
    const KpiHeadline &a = r.now;
    const KpiHeadline &b = r.before;
    const QString pt = QStringLiteral(" pt");
    return {
        {QStringLiteral("reach"), a.reachPct, b.reachPct,
            DashboardView::tr("%1% (%2/%3)").arg(number(a.reachPct)).arg(a.reached).arg(a.targets), 1, pt},
        {QStringLiteral("calls"), double(a.calls), double(b.calls), QLocale().toString(a.calls), 0, {}},
        {QStringLiteral("frequency"), a.frequency, b.frequency, number(a.frequency, 2), 2, {}},
        {QStringLiteral("coverage"), a.coveragePct, b.coveragePct, number(a.coveragePct) + u'%', 1, pt},
        {QStringLiteral("attainment"), a.planAttainmentPct, b.planAttainmentPct,
            a.planAttainmentPct ? number(a.planAttainmentPct) + u'%' : DashboardView::tr("no plans"), 1, pt},
        {QStringLiteral("perDay"), a.callsPerFieldDay, b.callsPerFieldDay, number(a.callsPerFieldDay, 1), 1,
            {}},
        {QStringLiteral("support"), a.averageSupport, b.averageSupport, number(a.averageSupport, 2), 2, {}},
        {QStringLiteral("touches"), double(a.touches), double(b.touches), QLocale().toString(a.touches), 0,
            {}},
        {QStringLiteral("spend"), a.spendVsBudgetPct, b.spendVsBudgetPct,
            a.spendVsBudgetPct ? number(a.spendVsBudgetPct, 0) + u'%' : DashboardView::tr("no events"), 0,
            pt},
        {QStringLiteral("sales"), double(a.salesMinor) / 100, double(b.salesMinor) / 100,
            yuan(double(a.salesMinor)), 0, {}},
        {QStringLiteral("share"), a.marketSharePct, b.marketSharePct,
            a.marketSharePct ? number(a.marketSharePct) + u'%' : DashboardView::tr("no market data"), 1, pt},
        {QStringLiteral("roi"), a.roi, b.roi, number(a.roi, 1), 1, {}},
    };
}

} // namespace

DashboardTiles::DashboardTiles(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("tilesWidget"));
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 6);
    grid->setSpacing(8);
    const QList<QPair<QString, QString>> names {
        {QStringLiteral("reach"), DashboardView::tr("Reach")},
        {QStringLiteral("calls"), DashboardView::tr("Calls")},
        {QStringLiteral("frequency"), DashboardView::tr("Frequency")},
        {QStringLiteral("coverage"), DashboardView::tr("Coverage of plan")},
        {QStringLiteral("attainment"), DashboardView::tr("Plan attainment")},
        {QStringLiteral("perDay"), DashboardView::tr("Calls per field day")},
        {QStringLiteral("support"), DashboardView::tr("Average support")},
        {QStringLiteral("touches"), DashboardView::tr("Touches")},
        {QStringLiteral("spend"), DashboardView::tr("Spend vs budget")},
        {QStringLiteral("sales"), DashboardView::tr("Sales")},
        {QStringLiteral("share"), DashboardView::tr("Market share")},
        {QStringLiteral("roi"), DashboardView::tr("ROI")},
    };
    for (int i = 0; i < names.size(); ++i)
        grid->addWidget(
            m_tiles.add(this, QStringLiteral("tile_") + names[i].first, names[i].first, names[i].second, 1.7),
            i / 6, i % 6);
}

void DashboardTiles::fill(const KpiResult &r)
{
    QList<KpiTileValue> tiles = tilesOf(r);
    // Spending more is not better: only the field and sales KPIs are coloured.
    for (KpiTileValue &t : tiles)
        t.neutral = t.key == QLatin1String("spend");
    m_tiles.fill(
        tiles, r.previousPeriod.label(), DashboardView::tr("– vs %1"), DashboardView::tr("%1 vs %2"));
}

} // namespace rounds
