#include "models/kpis/sales.h"

#include "common/sqlite/database.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/kpiparams.h"
#include "models/kpis/laps.h"

#include <QHash>

#include <algorithm>
#include <cmath>

namespace rounds::kpi {

namespace {

// The month (yyyy-MM) ended before `asOf` (an invalid `asOf`: every month has ended).
bool monthEnded(const QString &key, const QDate &asOf)
{
    return !asOf.isValid() || monthStart(key).addMonths(1) <= asOf;
}

// Internal and external sales by yyyy-MM; a month without valued facts of a source is absent.
struct MonthlySales
{
    QHash<QString, std::optional<qint64>> internal;
    QHash<QString, std::optional<qint64>> external;
};

// 36 months ending with `lastMonth` are read, so the 24 shown all have their year-on-year; from the
// monthly summary kept by triggers (client migration 11).
MonthlySales readMonths(sql::Database &db, const KpiParams &p, const QDate &lastMonth)
{
    auto q = db.query(
        QStringLiteral("SELECT s.month, CASE WHEN sum(CASE WHEN s.source = 'internal' THEN s.valued END) > 0"
                       " THEN sum(CASE WHEN s.source = 'internal' THEN s.value_minor END) END,"
                       " CASE WHEN sum(CASE WHEN s.source = 'external' THEN s.valued END) > 0"
                       " THEN sum(CASE WHEN s.source = 'external' THEN s.value_minor END) END FROM "
                       "kpi_sales_month s"
                       " WHERE s.month >= :first AND s.month <= :last AND %1 GROUP BY s.month")
            .arg(salesScope()));
    q->bind(q->parameterIndex(":first"), monthKey(lastMonth.addMonths(-35)));
    q->bind(q->parameterIndex(":last"), monthKey(lastMonth));
    p.bind(q);
    MonthlySales out;
    while (q->step()) {
        if (!q->isNull(1))
            out.internal.insert(q->text(0), q->int64(1));
        if (!q->isNull(2))
            out.external.insert(q->text(0), q->int64(2));
    }
    return out;
}

// The change, in %, of the internal sales of `months` against the same months `back` months before:
// null unless every one of those months and every month compared with has sales, and what is compared
// with is not 0. A month without sales (yet) is missing, not 0, which would read as -100 %. A month
// that has not ended on `asOf` has no change either: its sales to date against a whole month would read
// as a fall (and facts are monthly, so the same days a year before are not known). The one rule for the
// monthly series (one month) and the period's headline (its months): they agree.
std::optional<double> change(
    const MonthlySales &sales, const QStringList &months, int back, const QDate &asOf)
{
    if (months.isEmpty())
        return std::nullopt;
    qint64 now = 0;
    qint64 then = 0;
    for (const QString &key : months) {
        if (!monthEnded(key, asOf))
            return std::nullopt;
        const auto a = sales.internal.value(key);
        const auto b = sales.internal.value(monthKey(monthStart(key).addMonths(-back)));
        if (!a || !b)
            return std::nullopt;
        now += *a;
        then += *b;
    }
    if (then == 0)
        return std::nullopt;
    return (double(now) - double(then)) / double(then) * 100;
}

// The 24 months ending with `lastMonth`, and the period's year-on-year (the 36 months read hold the
// year-ago months of a period of up to 24).
void trend(const MonthlySales &sales, const KpiPeriod &period, const QDate &lastMonth, KpiResult *r)
{
    for (int i = 23; i >= 0; --i) {
        const QDate m = lastMonth.addMonths(-i);
        const QString key = monthKey(m);
        KpiMonthSales row;
        row.month = key;
        row.internalMinor = sales.internal.value(key).value_or(0);
        row.externalMinor = sales.external.value(key);
        row.momPct = change(sales, {key}, 1, r->asOf);
        row.yoyPct = change(sales, {key}, 12, r->asOf);
        row.partial = !monthEnded(key, r->asOf);
        r->salesByMonth.append(row);
    }
    if (period.months().size() <= 24)
        r->salesYoyPct = change(sales, period.months(), 12, r->asOf);
}

// Least squares over the last (at most) 24 months with sales, three months on.
QList<qint64> linearTrend(const QList<std::pair<int, double>> &history)
{
    const auto points = history.mid(std::max<qsizetype>(0, history.size() - 24));
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (const auto &[x, y] : points) {
        sx += x;
        sy += y;
        sxx += double(x) * x;
        sxy += x * y;
    }
    const double n = double(points.size());
    const double den = n * sxx - sx * sx;
    const double slope = den == 0 ? 0 : (n * sxy - sx * sy) / den;
    const double intercept = (sy - slope * sx) / n;
    QList<qint64> out;
    for (int k = 1; k <= 3; ++k)
        out.append(std::max<qint64>(0, std::llround(intercept + slope * k)));
    return out;
}

// Forecast from the months with internal sales up to the period's last month that have ended (a month
// under way would teach it a fall): the same months a year before when there is a year of history, else
// a linear trend.
void forecast(const MonthlySales &sales, const QDate &lastMonth, KpiResult *r)
{
    QDate lastWithSales;
    for (int i = 0; i < 36; ++i) {
        const QString key = monthKey(lastMonth.addMonths(-i));
        if (monthEnded(key, r->asOf) && sales.internal.value(key)) {
            lastWithSales = lastMonth.addMonths(-i);
            break;
        }
    }
    QList<std::pair<int, double>> history; // (month index relative to lastWithSales, value)
    if (lastWithSales.isValid()) {
        for (int i = 35; i >= 0; --i) {
            const QDate m = lastWithSales.addMonths(-i);
            if (m < lastMonth.addMonths(-35))
                continue;
            if (const auto v = sales.internal.value(monthKey(m)))
                history.append({-i, double(*v)});
        }
    }
    const auto seasonal
        = [&](int k) { return sales.internal.value(monthKey(lastWithSales.addMonths(k - 12))); };
    QList<qint64> values;
    if (history.size() >= 13 && seasonal(1) && seasonal(2) && seasonal(3)) {
        r->forecastMethod = QStringLiteral("seasonal_naive");
        for (int k = 1; k <= 3; ++k)
            values.append(*seasonal(k));
    } else if (history.size() >= 2) {
        r->forecastMethod = QStringLiteral("linear_trend");
        values = linearTrend(history);
    } else {
        r->forecastMethod = QStringLiteral("none");
    }
    for (int k = 1; k <= values.size(); ++k) {
        KpiMonthSales f;
        f.month = monthKey(lastWithSales.addMonths(k));
        f.internalMinor = values[k - 1];
        r->forecast.append(f);
    }
}

// Sales by territory, product and institution (the last hidden from reps), largest first, with their
// share of the period's sales.
void groups(sql::Database &db, const KpiParams &p, KpiResult *r)
{
    const bool institutions = KpiEngine::maySeeInstitutionSales(r->role);
    r->institutionSalesHidden = !institutions;
    const struct
    {
        QList<KpiCount> *into;
        QString column;
        QString sql;
    } all[] = {
        {&r->salesByTerritory, QStringLiteral("territory_id"),
            QStringLiteral("SELECT g.k, coalesce(t.code || ' ' || t.name, g.k), g.n, g.v FROM %1"
                           " LEFT JOIN territory t ON t.id = g.k")},
        {&r->salesByProduct, QStringLiteral("product_id"),
            QStringLiteral(
                "SELECT g.k, coalesce(p.name, g.k), g.n, g.v FROM %1 LEFT JOIN product p ON p.id = g.k")},
        {institutions ? &r->salesByInstitution : nullptr, QStringLiteral("institution_id"),
            QStringLiteral("SELECT g.k, coalesce(i.name, g.k), g.n, g.v FROM %1"
                           " LEFT JOIN institution i ON i.id = g.k")},
    };
    for (const auto &g : all) {
        if (!g.into)
            continue;
        // Grouped first over the covering month index (the unary + keeps the planner from walking the
        // grouping column's own index over every fact), then named. A rep's store holds the server's
        // totals instead of facts (never both after a sync); each counts as the facts it sums.
        const QString where = QStringLiteral(" WHERE s.source = 'internal' AND s.month IN (SELECT value"
                                             " FROM json_each(:months)) AND %1 GROUP BY +s.%2")
                                  .arg(salesScope(), g.column);
        QString grouped
            = QStringLiteral("SELECT s.%1 AS k, count(*) AS n, sum(s.value_minor) AS v FROM sales_fact s")
                  .arg(g.column)
            + where;
        if (g.column != QLatin1String("institution_id"))
            grouped = QStringLiteral("SELECT k, sum(n) AS n, sum(v) AS v FROM (%1 UNION ALL SELECT s.%2,"
                                     " sum(s.facts), sum(s.value_minor) FROM sales_total s%3) GROUP BY k")
                          .arg(grouped, g.column, where);
        auto q = db.query(
            g.sql.arg(QStringLiteral("(%1) g").arg(grouped)) + QStringLiteral(" ORDER BY 4 DESC, 2"));
        p.bind(q);
        while (q->step())
            g.into->append(KpiCount {q->text(0), q->text(1), q->int64(2), q->real(3), {}});
        for (KpiCount &c : *g.into)
            c.pct = ratio(c.value, double(r->now.salesMinor), 100);
    }
}

} // namespace

void computeSales(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, KpiResult *r, Laps *laps)
{
    const KpiParams p(period, scope);
    const QDate lastMonth(period.end.year(), period.end.month(), 1);
    const MonthlySales months = readMonths(db, p, lastMonth);
    trend(months, period, lastMonth, r);
    forecast(months, lastMonth, r);
    if (laps)
        laps->lap("sales-months");
    groups(db, p, r);
}

} // namespace rounds::kpi
