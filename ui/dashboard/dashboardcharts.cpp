#include "ui/dashboard/dashboardcharts.h"
#include "ui/common/dates.h"

#include "models/kpitables.h"
#include "ui/dashboard/dashboardview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QFontMetricsF>
#include <QHorizontalBarSeries>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QValueAxis>

#include <cmath>
#include <optional>

namespace rounds {

namespace {

const QStringList kTierKeys {
    QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};

// `a` moved towards `b` by `t` (0: a, 1: b), for greys that read on light and dark palettes alike.
QColor blend(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(float(a.redF() * (1 - t) + b.redF() * t),
        float(a.greenF() * (1 - t) + b.greenF() * t), float(a.blueF() * (1 - t) + b.blueF() * t));
}

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

// A value axis from 0 past `max` with ticks at round steps (1, 2 or 5 × a power of ten), as many as
// fit `length` pixels with each label in the locale's digits clear of the next.
QValueAxis *valueAxis(QChart *chart, Qt::Alignment where, double max, qreal length)
{
    auto *axis = new QValueAxis(chart);
    axis->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(axis, where); // first: the chart's theme sets the labels' font measured here
    const bool across = where & (Qt::AlignTop | Qt::AlignBottom);
    const QFontMetricsF metrics(axis->labelsFont());
    const qreal label = across
        ? metrics.horizontalAdvance(chart->locale().toString(std::max(max, 1.0) * 1.2, 'f', 0))
            + metrics.averageCharWidth() * 3
        : metrics.height() * 2;
    const int ticks = std::clamp(int(length / std::max<qreal>(1, label)), 2, 6);
    const double top = max > 0 ? max * 1.05 : 1;
    const double raw = top / (ticks - 1);
    const double magnitude = std::pow(10, std::floor(std::log10(raw)));
    double step = magnitude * 10;
    for (const double f : {1.0, 2.0, 5.0, 10.0}) {
        if (f * magnitude >= raw) {
            step = f * magnitude;
            break;
        }
    }
    step = std::max(step, 1.0); // counts and whole yuan: no tick between two integers
    axis->setRange(0, std::ceil(top / step) * step);
    axis->setTickType(QValueAxis::TicksDynamic);
    axis->setTickAnchor(0);
    axis->setTickInterval(step);
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

// How a time axis steps: by day, by week (Mondays) or by month.
enum class Step { Day, Week, Month };

// A label of `day` on a time axis over [first, last] that no other label of that axis repeats: the day
// of the month within one month, the month and day within one year, the whole short date across years;
// the month's short name within one year, with the year across years.
QString timeLabel(const QDate &day, Step step, const QDate &first, const QDate &last)
{
    const QLocale locale;
    const bool oneYear = first.year() == last.year();
    if (step == Step::Month) {
        const QString month = locale.monthName(day.month(), QLocale::ShortFormat);
        return oneYear ? month
                       : DashboardView::tr("%1 %2", "chart axis: a short month name, then the year")
                             .arg(month)
                             .arg(day.year());
    }
    if (!oneYear)
        return locale.toString(day, QLocale::ShortFormat);
    if (first.month() == last.month())
        return QString::number(day.day());
    return DashboardView::tr("%1 %2", "chart axis: a short month name, then the day of the month")
        .arg(locale.monthName(day.month(), QLocale::ShortFormat))
        .arg(day.day());
}

// A time axis under the chart over [first, last] (x = msecs since the epoch of local midnight) labelled
// at every `step`, or every second, third ... one, so that the labels fit `width` pixels side by side.
QCategoryAxis *timeAxis(QChart *chart, const QDate &first, const QDate &last, Step step, qreal width)
{
    auto *axis = new QCategoryAxis(chart);
    chart->addAxis(axis, Qt::AlignBottom); // first: the chart's theme sets the labels' font measured here
    axis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    axis->setRange(double(dayTime(first).toMSecsSinceEpoch()), double(dayTime(last).toMSecsSinceEpoch()));
    QList<QDate> days;
    for (QDate d = first; d.isValid() && d <= last;
         d = step == Step::Month ? d.addMonths(1) : d.addDays(step == Step::Week ? 7 : 1))
        days << d;
    const QFontMetricsF metrics(axis->labelsFont());
    qreal widest = 0;
    for (const QDate &d : std::as_const(days))
        widest = std::max(widest, metrics.horizontalAdvance(timeLabel(d, step, first, last)));
    // Room for each label with a gap; the plot is narrower than the chart by the value axis.
    const qreal room = std::max<qreal>(1, width - 60) / (widest + metrics.averageCharWidth() * 2);
    const int every = std::max(1, int(std::ceil(double(days.size()) / std::max<qreal>(1, room))));
    for (int i = 0; i < days.size(); i += every)
        axis->append(
            timeLabel(days.at(i), step, first, last), double(dayTime(days.at(i)).toMSecsSinceEpoch()));
    return axis;
}

// The time axis' range again after series are attached (attaching fits it to their points).
void keepRange(QCategoryAxis *axis, const QDate &first, const QDate &last)
{
    axis->setRange(double(dayTime(first).toMSecsSinceEpoch()), double(dayTime(last).toMSecsSinceEpoch()));
}

// A chart's width for laying out its labels: its size once shown, else a card's usual width.
qreal chartWidth(const QChart *chart, qreal fallback)
{
    return chart->size().width() > 50 ? chart->size().width() : fallback;
}

// A name for a category axis, broken into at most `lines` lines of `width` pixels (at a space, or
// anywhere in Chinese text) and elided only after that; the whole name is in the table under the chart.
QString wrapped(const QString &name, const QFont &font, qreal width, int lines)
{
    const QFontMetricsF metrics(font);
    QStringList out;
    QString rest = name.trimmed();
    while (!rest.isEmpty() && metrics.horizontalAdvance(rest) > width && int(out.size()) < lines - 1) {
        int cut = 1;
        while (cut < rest.size() && metrics.horizontalAdvance(rest.left(cut + 1)) <= width)
            ++cut;
        const int space = int(rest.left(cut + 1).lastIndexOf(u' '));
        if (space > 0)
            cut = space;
        out << rest.left(cut).trimmed().toHtmlEscaped();
        rest = rest.mid(cut).trimmed();
    }
    if (!rest.isEmpty())
        out << metrics.elidedText(rest, Qt::ElideRight, width).toHtmlEscaped();
    return out.join(QStringLiteral("<br>"));
}

// A chart's height for laying out its labels: its size once shown, else a card's usual height.
qreal chartHeight(const QChart *chart)
{
    return chart->size().height() > 50 ? chart->size().height() : 230;
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
    qreal wrapShare = 0; // > 0: category names wrap within this share of the chart's width
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
    chart->addAxis(
        categories, vertical ? Qt::AlignBottom : Qt::AlignLeft); // its theme's font, measured below
    if (bars.wrapShare > 0) {
        // As many lines as each bar's row has room for (at most three): Qt Charts lays a label out as
        // rich text with a 4 px margin round it, and cuts one taller than its row.
        const qreal row = chartHeight(chart) * 0.55 / std::max<qsizetype>(1, bars.categories.size()) - 8;
        const int lines = std::clamp(int(row / QFontMetricsF(categories->labelsFont()).lineSpacing()), 1, 3);
        for (const QString &name : bars.categories)
            categories->append(
                wrapped(name, categories->labelsFont(), chartWidth(chart, 340) * bars.wrapShare, lines));
        // The names are sized here (width and lines); Qt Charts' own cut measured some wrapped names
        // (3 lines within a quarter of the chart) as too large and left them a word.
        categories->setTruncateLabels(false);
    } else {
        categories->append(bars.categories);
    }
    series->attachAxis(categories);
    const Qt::Alignment across = vertical ? Qt::AlignLeft : Qt::AlignBottom;
    if (bars.max) {
        series->attachAxis(valueAxis(chart, across, *bars.max,
            vertical ? chartHeight(chart) * 0.7 : chartWidth(chart, 340) * (1 - bars.wrapShare)));
    } else {
        auto *percent = new QValueAxis(chart);
        percent->setRange(0, 100);
        // Localized numbers (QChart::localizeNumbers) need the "%.Nf" form; what follows is kept.
        percent->setLabelFormat(QStringLiteral("%.0f%"));
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
        bars.categories << items[i].name;
        bars.max = std::max(*bars.max, v);
    }
    // The names take at most a quarter of the card (Qt Charts cuts an axis label it finds too wide).
    bars.wrapShare = 0.24;
    barChart(chart, bars);
    if (clicked)
        QObject::connect(set, &QBarSet::clicked, set, [clicked, n](int index) { clicked(n - 1 - index); });
}

} // namespace

DashboardCharts::DashboardCharts(QHash<QString, QChart *> charts)
    : m_charts(std::move(charts))
{
    for (QChart *chart : std::as_const(m_charts))
        chart->setLocalizeNumbers(true);
}

void DashboardCharts::setPalette(const QPalette &palette)
{
    m_palette = palette;
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    for (QChart *chart : std::as_const(m_charts)) {
        const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
        if (chart->theme() != theme)
            chart->setTheme(theme); // the series' colours; what the palette names is set over it
        style(chart);
    }
}

void DashboardCharts::style(QChart *chart) const
{
    const QColor text = m_palette.color(QPalette::Text);
    const QColor base = m_palette.color(QPalette::Base);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setBackgroundRoundness(0);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    for (QAbstractAxis *axis : chart->axes()) {
        axis->setLabelsBrush(text);
        axis->setTitleBrush(text);
        axis->setLinePenColor(blend(text, base, 0.5));
        axis->setGridLineColor(blend(text, base, 0.82));
        axis->setMinorGridLineColor(blend(text, base, 0.9));
        axis->setShadesVisible(false);
    }
    for (QAbstractSeries *series : chart->series()) {
        if (auto *pie = qobject_cast<QPieSeries *>(series)) {
            for (QPieSlice *slice : pie->slices()) {
                slice->setLabelBrush(text);
                slice->setBorderColor(base);
            }
        }
    }
}

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
    for (QChart *chart : std::as_const(m_charts))
        chart->setLocale(QLocale());
    fillReach(r);
    fillCalls(r);
    fillChannels(r);
    fillRankings(r);
    fillEvents(r);
    fillSales(r);
    fillSupport(r);
    for (QChart *chart : std::as_const(m_charts))
        style(chart);
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
    // Days after today have not happened: not drawn, rather than drawn as days without calls.
    for (const KpiDayCount &d : r.callsPerDay) {
        if (r.asOf.isValid() && d.day > r.asOf)
            break;
        line->append(double(dayTime(d.day).toMSecsSinceEpoch()), d.calls);
        max = std::max(max, d.calls);
    }
    chart->addSeries(line);
    QCategoryAxis *x = timeAxis(chart, r.period.start, r.period.end, Step::Day, chartWidth(chart, 340));
    line->attachAxis(x);
    keepRange(x, r.period.start, r.period.end);
    line->attachAxis(valueAxis(chart, Qt::AlignLeft, max, chartHeight(chart) * 0.7));
    chart->setTitle(r.period.isPartial(r.asOf) && r.period.start <= r.asOf
            ? DashboardView::tr("to %1 (the period has not ended)").arg(Dates::date(r.asOf))
            : QString());
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
    auto *partial = new QLineSeries(chart);
    partial->setObjectName(QStringLiteral("partialMonthSeries"));
    auto *lastYear = new QLineSeries(chart);
    lastYear->setName(DashboardView::tr("Same month last year"));
    auto *forecast = new QLineSeries(chart);
    // Short, so the legend fits the card; the table's title explains the method.
    forecast->setName(
        DashboardView::tr("Forecast (%1)")
            .arg(r.forecastMethod == QLatin1String("seasonal_naive")    ? DashboardView::tr("seasonal naive")
                    : r.forecastMethod == QLatin1String("linear_trend") ? DashboardView::tr("linear trend")
                                                                        : DashboardView::tr("none")));
    double max = 0;
    QHash<QString, qint64> byMonth;
    for (const KpiMonthSales &m : r.salesByMonth)
        byMonth.insert(m.month, m.internalMinor);
    QString lastWhole;
    for (const KpiMonthSales &m : r.salesByMonth) {
        const double t = double(monthTime(m.month).toMSecsSinceEpoch());
        const double v = double(m.internalMinor) / 100;
        if (!m.partial) {
            sales->append(t, v);
            lastWhole = m.month;
        } else if (monthTime(m.month).date() <= r.asOf && m.internalMinor > 0) {
            // The month under way: its sales to date, apart from the whole months and marked as such;
            // a month without sales yet, or one still ahead, is not drawn at all (never as a 0).
            if (!lastWhole.isEmpty())
                partial->append(
                    double(monthTime(lastWhole).toMSecsSinceEpoch()), byMonth.value(lastWhole) / 100.0);
            partial->append(t, v);
            partial->setName(DashboardView::tr("%1 to day %2", "a month under way in a legend")
                                 .arg(m.month)
                                 .arg(r.asOf.day()));
        }
        max = std::max(max, v);
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
    if (partial->count() > 0)
        chart->addSeries(partial);
    else
        delete partial;
    chart->addSeries(lastYear);
    chart->addSeries(forecast);
    QPen dashed = forecast->pen();
    dashed.setStyle(Qt::DashLine);
    dashed.setWidthF(2.5);
    dashed.setColor(QColor(0xe6, 0x7e, 0x22));
    forecast->setPen(dashed);
    QPen faint = lastYear->pen();
    faint.setColor(blend(m_palette.color(QPalette::Text), m_palette.color(QPalette::Base), 0.55));
    lastYear->setPen(faint);
    if (chart->series().contains(partial)) {
        // Lighter and dotted, with the day it runs to at its end.
        QPen dotted = sales->pen();
        QColor light = sales->color();
        light.setAlphaF(0.55);
        dotted.setColor(light);
        dotted.setStyle(Qt::DotLine);
        dotted.setWidthF(2.5);
        partial->setPen(dotted);
        partial->setPointsVisible(true);
        partial->setPointLabelsVisible(true);
        partial->setPointLabelsColor(m_palette.color(QPalette::Text));
        partial->setPointLabelsClipping(false);
        partial->setPointLabelsFormat(DashboardView::tr("to day %1").arg(r.asOf.day()));
        if (partial->count() > 1)
            partial->setPointConfiguration(0,
                {{QXYSeries::PointConfiguration::LabelVisibility, false},
                    {QXYSeries::PointConfiguration::Visibility, false}});
    }
    QCategoryAxis *x = nullptr;
    if (!r.salesByMonth.isEmpty()) {
        x = timeAxis(chart, monthTime(r.salesByMonth.first().month).date(),
            monthTime(r.forecast.isEmpty() ? r.salesByMonth.last().month : r.forecast.last().month).date(),
            Step::Month, chartWidth(chart, 700));
    }
    QValueAxis *y = valueAxis(chart, Qt::AlignLeft, max, chartHeight(chart) * 0.6);
    for (QAbstractSeries *s : chart->series()) {
        if (x)
            s->attachAxis(x);
        s->attachAxis(y);
    }
    if (x)
        keepRange(x, monthTime(r.salesByMonth.first().month).date(),
            monthTime(r.forecast.isEmpty() ? r.salesByMonth.last().month : r.forecast.last().month).date());
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    if (r.salesYoyPct)
        chart->setTitle(
            DashboardView::tr("%1: %2 year on year").arg(r.period.label(), number(r.salesYoyPct) + u'%'));
    else if (r.period.isPartial(r.asOf))
        chart->setTitle(
            DashboardView::tr("%1: no year on year until the period has ended").arg(r.period.label()));
    else
        chart->setTitle(DashboardView::tr("%1: year on year — (a month without sales, now or a year before)")
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
    if (!r.supportTrend.isEmpty()) {
        const QDate a = r.supportTrend.first().start;
        const QDate b = r.supportTrend.last().start;
        const QDate end = a == b ? a.addDays(weekly ? 7 : 31) : b;
        QCategoryAxis *x = timeAxis(chart, a, end, weekly ? Step::Week : Step::Month, chartWidth(chart, 340));
        line->attachAxis(x);
        // Room at both ends for the first and the last label, centred on their points: Qt Charts hides a
        // label that would stick out on the left and cuts one on the right (two weekly points lost the
        // first and showed half the second).
        const int pad = weekly ? 2 : 8;
        keepRange(x, a.addDays(-pad), end.addDays(pad));
    }
    auto *y = new QValueAxis(chart);
    y->setRange(1, 5);
    y->setTickCount(5);
    y->setLabelFormat(QStringLiteral("%.0f"));
    chart->addAxis(y, Qt::AlignLeft);
    line->attachAxis(y);
    chart->setTitle(weekly ? DashboardView::tr("by week (1 opposes … 5 advocates)")
                           : DashboardView::tr("by month (1 opposes … 5 advocates)"));
}

} // namespace rounds
