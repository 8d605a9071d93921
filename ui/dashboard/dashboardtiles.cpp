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

struct Tile
{
    QString key;
    std::optional<double> now;
    std::optional<double> before;
    QString text;
    int decimals;
    QString unit;
};

QList<Tile> tilesOf(const KpiResult &r)
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
    for (int i = 0; i < names.size(); ++i) {
        auto *tile = new QFrame(this);
        tile->setObjectName(QStringLiteral("tile_") + names[i].first);
        tile->setFrameShape(QFrame::StyledPanel);
        // The palette's base colour, not a style sheet: a style sheet freezes the colours it was parsed
        // with, and the tile stayed light after a switch to the dark theme.
        tile->setBackgroundRole(QPalette::Base);
        tile->setAutoFillBackground(true);
        auto *l = new QVBoxLayout(tile);
        l->setContentsMargins(10, 6, 10, 6);
        l->setSpacing(0);
        auto *name = new QLabel(names[i].second, tile);
        name->setObjectName(QStringLiteral("tileNameLabel"));
        theme::setTone(name, theme::Tone::Muted);
        auto *value = new QLabel(QStringLiteral("–"), tile);
        value->setObjectName(QStringLiteral("tileValueLabel"));
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.7);
        f.setBold(true);
        value->setFont(f);
        auto *delta = new QLabel(tile);
        delta->setObjectName(QStringLiteral("tileDeltaLabel"));
        l->addWidget(name);
        l->addWidget(value);
        l->addWidget(delta);
        grid->addWidget(tile, i / 6, i % 6);
        m_values.insert(names[i].first, value);
        m_deltas.insert(names[i].first, delta);
    }
}

void DashboardTiles::fill(const KpiResult &r)
{
    for (const Tile &t : tilesOf(r)) {
        m_values.value(t.key)->setText(t.text);
        QLabel *delta = m_deltas.value(t.key);
        if (!t.now || !t.before) {
            delta->setText(DashboardView::tr("– vs %1").arg(r.previousPeriod.label()));
            theme::setTone(delta, theme::Tone::Muted);
            continue;
        }
        const double d = *t.now - *t.before;
        const QString arrow = d > 0 ? QStringLiteral("▲ +")
            : d < 0                 ? QStringLiteral("▼ ")
                                    : QStringLiteral("= ");
        delta->setText(
            DashboardView::tr("%1 vs %2")
                .arg(arrow + QLocale().toString(d, 'f', t.decimals) + t.unit, r.previousPeriod.label()));
        // Spending more is not better: only the field and sales KPIs are coloured.
        const bool neutral = t.key == QLatin1String("spend") || d == 0;
        theme::setTone(delta,
            neutral     ? theme::Tone::Muted
                : d > 0 ? theme::Tone::Success
                        : theme::Tone::Error);
    }
}

} // namespace rounds
