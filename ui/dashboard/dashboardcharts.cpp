#include "ui/dashboard/dashboardcharts.h"

#include "models/kpitables.h"
#include "ui/dashboard/dashboardview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTimeAxis>
#include <QHorizontalBarSeries>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <optional>

namespace rounds {

namespace {

const QStringList kTierKeys {
    QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

QValueAxis *valueAxis(QChart *chart, Qt::Alignment where, double max)
{
    auto *axis = new QValueAxis(chart);
    axis->setRange(0, max > 0 ? max * 1.1 : 1);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    axis->applyNiceNumbers();
    chart->addAxis(axis, where);
    return axis;
}

QDateTime dayTime(const QDate &day)
{
    return QDateTime(day, QTime(0, 0));
}

QDateTime monthTime(const QString &month)
{
    return dayTime(QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd")));
}

QDateTimeAxis *dateAxis(QChart *chart, const QString &format, int ticks)
{
    auto *axis = new QDateTimeAxis(chart);
    axis->setFormat(format);
    axis->setTickCount(ticks);
    return axis;
}

// What one bar chart shows: its sets over its categories, with the values as labels.
struct Bars
{
    QList<QBarSet *> sets;
    QStringList categories;
    Qt::Orientation orientation = Qt::Vertical;
    QString labelsFormat; // empty: the value as it is
    int labelsPrecision = 8;
    std::optional<double> max; // the largest value, for the value axis; none: a 0–100 % axis
};

// Every bar chart of the dashboard: the categories along the bars' base, the values across.
QAbstractBarSeries *barChart(QChart *chart, const Bars &bars)
{
    const bool vertical = bars.orientation == Qt::Vertical;
    QAbstractBarSeries *series = vertical ? static_cast<QAbstractBarSeries *>(new QBarSeries(chart))
                                          : new QHorizontalBarSeries(chart);
    for (QBarSet *set : bars.sets)
        series->append(set);
    series->setLabelsVisible(true);
    if (!bars.labelsFormat.isEmpty())
        series->setLabelsFormat(bars.labelsFormat);
    series->setLabelsPrecision(bars.labelsPrecision);
    chart->addSeries(series);
    auto *categories = new QBarCategoryAxis(chart);
    categories->append(bars.categories);
    chart->addAxis(categories, vertical ? Qt::AlignBottom : Qt::AlignLeft);
    series->attachAxis(categories);
    const Qt::Alignment across = vertical ? Qt::AlignLeft : Qt::AlignBottom;
    if (bars.max) {
        series->attachAxis(valueAxis(chart, across, *bars.max));
    } else {
        auto *percent = new QValueAxis(chart);
        percent->setRange(0, 100);
        percent->setLabelFormat(QStringLiteral("%d%"));
        chart->addAxis(percent, across);
        series->attachAxis(percent);
    }
    return series;
}

// The first `limit` items as horizontal bars, the largest on top; `clicked` gets the item's index.
void rankingChart(QChart *chart, const QList<KpiCount> &items, int limit, const QString &setName, bool pct,
    const std::function<void(int)> &clicked = {})
{
    auto *set = new QBarSet(setName);
    Bars bars {{set}, {}, Qt::Horizontal, pct ? QStringLiteral("@value%") : QStringLiteral("@value"),
        pct ? 3 : 8, 0.0};
    const int n = std::min<int>(limit, int(items.size()));
    for (int i = n - 1; i >= 0; --i) {
        const double v = pct ? items[i].pct.value_or(0) : items[i].value / 100;
        *set << v;
        bars.categories << items[i].name.left(14);
        bars.max = std::max(*bars.max, v);
    }
    barChart(chart, bars);
    if (clicked)
        QObject::connect(set, &QBarSet::clicked, set, [clicked, n](int index) { clicked(n - 1 - index); });
}

} // namespace

DashboardCharts::DashboardCharts(QHash<QString, QChart *> charts)
    : m_charts(std::move(charts))
{ }

QChart *DashboardCharts::reset(const QString &key) const
{
    QChart *chart = m_charts.value(key);
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
    return chart;
}

void DashboardCharts::fill(const KpiResult &r)
{
    fillReach(r);
    fillCalls(r);
    fillChannels(r);
    fillRankings(r);
    fillEvents(r);
    fillSales(r);
    fillSupport(r);
}

void DashboardCharts::fillReach(const KpiResult &r)
{
    auto *set = new QBarSet(DashboardView::tr("Reach %"));
    Bars bars {{set}, {}, Qt::Vertical, QStringLiteral("@value%"), 3, std::nullopt};
    for (const KpiTierReach &t : r.tiers) {
        *set << t.reachPct.value_or(0);
        bars.categories << t.tier;
    }
    barChart(reset(QStringLiteral("reach")), bars);
    QObject::connect(set, &QBarSet::clicked, set, [this](int index) {
        if (index >= 0 && index < kTierKeys.size() && tierClicked)
            tierClicked(kTierKeys.at(index));
    });
}

void DashboardCharts::fillCalls(const KpiResult &r)
{
    QChart *chart = reset(QStringLiteral("calls"));
    auto *line = new QLineSeries(chart);
    line->setName(DashboardView::tr("Calls"));
    int max = 0;
    for (const KpiDayCount &d : r.callsPerDay) {
        line->append(double(dayTime(d.day).toMSecsSinceEpoch()), d.calls);
        max = std::max(max, d.calls);
    }
    chart->addSeries(line);
    QDateTimeAxis *x = dateAxis(chart, r.period.days() > 62 ? QStringLiteral("MM-dd") : QStringLiteral("d"),
        std::min(8, std::max(2, r.period.days())));
    x->setRange(dayTime(r.period.start), dayTime(r.period.end));
    chart->addAxis(x, Qt::AlignBottom);
    line->attachAxis(x);
    line->attachAxis(valueAxis(chart, Qt::AlignLeft, max));
}

void DashboardCharts::fillChannels(const KpiResult &r)
{
    QChart *chart = reset(QStringLiteral("channels"));
    auto *pie = new QPieSeries(chart);
    for (const KpiCount &c : r.channels) {
        if (c.count == 0)
            continue;
        QPieSlice *slice = pie->append(
            QStringLiteral("%1 %2%").arg(KpiTables::channelName(c.key), number(c.pct, 0)), double(c.count));
        slice->setLabelVisible(true);
    }
    pie->setPieSize(0.5);
    chart->addSeries(pie);
}

void DashboardCharts::fillRankings(const KpiResult &r)
{
    const QString sales = DashboardView::tr("Sales (CNY)");
    rankingChart(reset(QStringLiteral("products")), r.products, 8, DashboardView::tr("Share %"), true);
    QList<KpiCount> reps;
    for (const KpiRepRow &rep : r.reps)
        reps.append(KpiCount {rep.username, rep.name, rep.calls, double(rep.calls) * 100, {}});
    rankingChart(
        reset(QStringLiteral("reps")), reps, 10, DashboardView::tr("Calls"), false, [this, reps](int i) {
            if (i >= 0 && i < reps.size() && !reps.at(i).key.isEmpty() && repClicked)
                repClicked(reps.at(i).key);
        });
    rankingChart(reset(QStringLiteral("territories")), r.salesByTerritory, 8, sales, false);
    rankingChart(reset(QStringLiteral("salesProducts")), r.salesByProduct, 8, sales, false);
    QChart *institutions = reset(QStringLiteral("institutions"));
    rankingChart(institutions, r.salesByInstitution, 8, sales, false);
    institutions->setTitle(
        r.institutionSalesHidden ? DashboardView::tr("Not shown for your role") : QString());
}

void DashboardCharts::fillEvents(const KpiResult &r)
{
    QChart *chart = reset(QStringLiteral("events"));
    auto *budget = new QBarSet(DashboardView::tr("Budget"));
    auto *spend = new QBarSet(DashboardView::tr("Spend"));
    *budget << double(r.before.budgetMinor) / 100 << double(r.now.budgetMinor) / 100;
    *spend << double(r.before.spendMinor) / 100 << double(r.now.spendMinor) / 100;
    const double max
        = double(std::max({r.before.budgetMinor, r.now.budgetMinor, r.before.spendMinor, r.now.spendMinor}))
        / 100;
    barChart(chart,
        {{budget, spend}, {r.previousPeriod.label(), r.period.label()}, Qt::Vertical, QString(), 8, max});
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setTitle(
        DashboardView::tr("Meetings held: %1 → %2").arg(r.before.meetingsHeld).arg(r.now.meetingsHeld));
}

void DashboardCharts::fillSales(const KpiResult &r)
{
    QChart *chart = reset(QStringLiteral("sales"));
    auto *sales = new QLineSeries(chart);
    sales->setName(DashboardView::tr("Sales"));
    auto *lastYear = new QLineSeries(chart);
    lastYear->setName(DashboardView::tr("Same month last year"));
    auto *forecast = new QLineSeries(chart);
    forecast->setName(DashboardView::tr("Forecast: %1").arg(KpiTables::forecastMethodName(r.forecastMethod)));
    double max = 0;
    QHash<QString, qint64> byMonth;
    for (const KpiMonthSales &m : r.salesByMonth)
        byMonth.insert(m.month, m.internalMinor);
    for (const KpiMonthSales &m : r.salesByMonth) {
        const double t = double(monthTime(m.month).toMSecsSinceEpoch());
        sales->append(t, double(m.internalMinor) / 100);
        max = std::max(max, double(m.internalMinor) / 100);
        // The year-ago value from the change (the series holds 24 months only).
        if (m.yoyPct)
            lastYear->append(t, double(m.internalMinor) / (1 + *m.yoyPct / 100) / 100);
    }
    if (!r.forecast.isEmpty()) {
        const QString anchor
            = monthTime(r.forecast.first().month).date().addMonths(-1).toString(QStringLiteral("yyyy-MM"));
        if (byMonth.contains(anchor))
            forecast->append(
                double(monthTime(anchor).toMSecsSinceEpoch()), double(byMonth.value(anchor)) / 100);
        for (const KpiMonthSales &m : r.forecast) {
            forecast->append(double(monthTime(m.month).toMSecsSinceEpoch()), double(m.internalMinor) / 100);
            max = std::max(max, double(m.internalMinor) / 100);
        }
    }
    chart->addSeries(sales);
    chart->addSeries(lastYear);
    chart->addSeries(forecast);
    QPen dashed = forecast->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(2.5);
    dashed.setColor(QColor(0xe6, 0x7e, 0x22));
    forecast->setPen(dashed);
    QPen faint = lastYear->pen();
    faint.setColor(QColor(0x9e, 0x9e, 0x9e));
    lastYear->setPen(faint);
    QDateTimeAxis *x = dateAxis(chart, QStringLiteral("yyyy-MM"), 10);
    if (!r.salesByMonth.isEmpty()) {
        x->setRange(monthTime(r.salesByMonth.first().month),
            monthTime(r.forecast.isEmpty() ? r.salesByMonth.last().month : r.forecast.last().month));
    }
    chart->addAxis(x, Qt::AlignBottom);
    QValueAxis *y = valueAxis(chart, Qt::AlignLeft, max);
    for (QLineSeries *s : {sales, lastYear, forecast}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setTitle(r.salesYoyPct
            ? DashboardView::tr("%1: %2 year on year").arg(r.period.label(), number(r.salesYoyPct) + u'%')
            : DashboardView::tr("%1: year on year — (a month without sales, now or a year before)")
                  .arg(r.period.label()));
}

void DashboardCharts::fillSupport(const KpiResult &r)
{
    QChart *chart = reset(QStringLiteral("support"));
    const bool weekly = r.supportGranularity == QLatin1String("week");
    auto *line = new QLineSeries(chart);
    line->setPointsVisible(true);
    for (const KpiSupportPoint &p : r.supportTrend)
        line->append(double(dayTime(p.start).toMSecsSinceEpoch()), p.average);
    chart->addSeries(line);
    QDateTimeAxis *x = dateAxis(chart, weekly ? QStringLiteral("MM-dd") : QStringLiteral("yyyy-MM"),
        std::clamp(int(r.supportTrend.size()), 2, 6));
    if (!r.supportTrend.isEmpty()) {
        const QDateTime a = dayTime(r.supportTrend.first().start);
        const QDateTime b = dayTime(r.supportTrend.last().start);
        x->setRange(a, a == b ? a.addDays(7) : b);
    }
    chart->addAxis(x, Qt::AlignBottom);
    line->attachAxis(x);
    auto *y = new QValueAxis(chart);
    y->setRange(1, 5);
    y->setTickCount(5);
    y->setLabelFormat(QStringLiteral("%d"));
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(y);
    chart->setTitle(weekly ? DashboardView::tr("by week (1 opposes … 5 advocates)")
                           : DashboardView::tr("by month (1 opposes … 5 advocates)"));
}

} // namespace rounds
