#include "models/kpis.h"

#include <QJsonArray>

#include <cmath>

namespace rounds {

namespace {

QJsonValue opt(const std::optional<double> &v, int decimals = 2)
{
    if (!v)
        return QJsonValue::Null;
    const double scale = std::pow(10.0, decimals);
    return std::round(*v * scale) / scale;
}

QJsonObject headlineJson(const KpiHeadline &h)
{
    return QJsonObject {
        {QStringLiteral("targets"), h.targets},
        {QStringLiteral("reached"), h.reached},
        {QStringLiteral("reach_pct"), opt(h.reachPct)},
        {QStringLiteral("calls"), h.calls},
        {QStringLiteral("touches"), h.touches},
        {QStringLiteral("calls_on_reached"), h.callsOnReached},
        {QStringLiteral("frequency"), opt(h.frequency)},
        {QStringLiteral("covered"), h.covered},
        {QStringLiteral("coverage_pct"), opt(h.coveragePct)},
        {QStringLiteral("plans_done"), h.plansDone},
        {QStringLiteral("plans_not_cancelled"), h.plansNotCancelled},
        {QStringLiteral("plans_cancelled"), h.plansCancelled},
        {QStringLiteral("plan_attainment_pct"), opt(h.planAttainmentPct)},
        {QStringLiteral("field_days"), h.fieldDays},
        {QStringLiteral("calls_per_field_day"), opt(h.callsPerFieldDay)},
        {QStringLiteral("average_support"), opt(h.averageSupport)},
        {QStringLiteral("support_visits"), h.supportVisits},
        {QStringLiteral("meetings_held"), h.meetingsHeld},
        {QStringLiteral("attendances"), h.attendances},
        {QStringLiteral("attending_hcps"), h.attendingHcps},
        {QStringLiteral("spend_minor"), h.spendMinor},
        {QStringLiteral("budget_minor"), h.budgetMinor},
        {QStringLiteral("spend_vs_budget_pct"), opt(h.spendVsBudgetPct)},
        {QStringLiteral("cost_per_attending_hcp_minor"), opt(h.costPerAttendingHcpMinor, 0)},
        {QStringLiteral("sales_minor"), h.salesMinor},
        {QStringLiteral("market_share_pct"), opt(h.marketSharePct)},
        {QStringLiteral("roi"), opt(h.roi)},
    };
}

QJsonObject contentRowJson(const ContentKpiRow &r)
{
    QJsonObject o {{QStringLiteral("id"), r.key}, {QStringLiteral("name"), r.name},
        {QStringLiteral("presentations"), r.presentations}, {QStringLiteral("views"), r.views},
        {QStringLiteral("viewed_pages"), r.viewedPages}, {QStringLiteral("viewed_dwell_ms"), r.viewedDwellMs},
        {QStringLiteral("avg_dwell_s"), opt(r.avgDwellSec)},
        {QStringLiteral("positive"), r.reactions.positive}, {QStringLiteral("neutral"), r.reactions.neutral},
        {QStringLiteral("negative"), r.reactions.negative},
        {QStringLiteral("viewed_per_presentation"), opt(r.viewedPerPresentation)},
        {QStringLiteral("positive_share"), opt(r.positiveShare, 4)},
        {QStringLiteral("engagement"), opt(r.engagement, 4)}};
    if (!r.productId.isEmpty() || r.version > 0) {
        o.insert(QStringLiteral("version"), r.version);
        o.insert(QStringLiteral("product_id"), r.productId);
        o.insert(QStringLiteral("rank"), r.rank > 0 ? QJsonValue(r.rank) : QJsonValue());
    }
    return o;
}

// The content KPIs (models/contentkpis.h; docs/content-analytics.md).
QJsonObject contentJson(const ContentKpis &k)
{
    QJsonArray materials;
    for (const ContentKpiRow &r : k.materials)
        materials.append(contentRowJson(r));
    QJsonArray products;
    for (const ContentKpiRow &r : k.products)
        products.append(contentRowJson(r));
    return QJsonObject {{QStringLiteral("views"), k.views}, {QStringLiteral("viewed_pages"), k.viewedPages},
        {QStringLiteral("viewed_dwell_ms"), k.viewedDwellMs},
        {QStringLiteral("presentations"), k.presentations},
        {QStringLiteral("anonymous_views"), k.anonymousViews},
        {QStringLiteral("avg_dwell_s"), opt(k.avgDwellSec)},
        {QStringLiteral("reactions"),
            QJsonObject {{QStringLiteral("positive"), k.reactions.positive},
                {QStringLiteral("neutral"), k.reactions.neutral},
                {QStringLiteral("negative"), k.reactions.negative},
                {QStringLiteral("positive_pct"), opt(k.reactions.positivePct())}}},
        {QStringLiteral("calls"), k.calls}, {QStringLiteral("calls_with_content"), k.callsWithContent},
        {QStringLiteral("calls_with_content_pct"), opt(k.callsWithContentPct)},
        {QStringLiteral("materials"), materials}, {QStringLiteral("products"), products}};
}

QJsonArray countsJson(const QList<KpiCount> &items, const char *valueName)
{
    QJsonArray a;
    for (const KpiCount &c : items) {
        QJsonObject o {{QStringLiteral("id"), c.key}, {QStringLiteral("name"), c.name},
            {QStringLiteral("count"), c.count}, {QStringLiteral("pct"), opt(c.pct)}};
        if (valueName)
            o.insert(QLatin1String(valueName), c.value);
        a.append(o);
    }
    return a;
}

QJsonArray monthsJson(const QList<KpiMonthSales> &rows)
{
    QJsonArray a;
    for (const KpiMonthSales &m : rows) {
        a.append(QJsonObject {{QStringLiteral("month"), m.month},
            {QStringLiteral("internal_minor"), m.internalMinor},
            {QStringLiteral("external_minor"), m.externalMinor ? QJsonValue(*m.externalMinor) : QJsonValue()},
            {QStringLiteral("mom_pct"), opt(m.momPct)}, {QStringLiteral("yoy_pct"), opt(m.yoyPct)},
            {QStringLiteral("partial"), m.partial}});
    }
    return a;
}

} // namespace

QJsonObject kpisToJson(const KpiResult &r)
{
    QJsonArray tiers;
    for (const KpiTierReach &t : r.tiers) {
        tiers.append(QJsonObject {{QStringLiteral("tier"), t.tier}, {QStringLiteral("targets"), t.targets},
            {QStringLiteral("reached"), t.reached}, {QStringLiteral("reach_pct"), opt(t.reachPct)}});
    }
    QJsonArray days;
    for (const KpiDayCount &d : r.callsPerDay)
        days.append(QJsonObject {
            {QStringLiteral("day"), d.day.toString(Qt::ISODate)}, {QStringLiteral("calls"), d.calls}});
    QJsonArray support;
    for (const KpiSupportPoint &s : r.supportTrend) {
        support.append(QJsonObject {{QStringLiteral("start"), s.start.toString(Qt::ISODate)},
            {QStringLiteral("visits"), s.visits}, {QStringLiteral("average"), opt(s.average)}});
    }
    QJsonArray reps;
    for (const KpiRepRow &rep : r.reps) {
        reps.append(QJsonObject {{QStringLiteral("id"), rep.repId},
            {QStringLiteral("username"), rep.username}, {QStringLiteral("name"), rep.name},
            {QStringLiteral("calls"), rep.calls}, {QStringLiteral("field_days"), rep.fieldDays},
            {QStringLiteral("reached_targets"), rep.reachedHcps},
            {QStringLiteral("calls_per_field_day"), opt(rep.callsPerFieldDay)}});
    }
    QJsonObject scope {{QStringLiteral("key"), r.scope.key}, {QStringLiteral("name"), r.scope.name},
        {QStringLiteral("kind"),
            r.scope.kind == KpiScope::Kind::All             ? QStringLiteral("all")
                : r.scope.kind == KpiScope::Kind::Territory ? QStringLiteral("territory")
                                                            : QStringLiteral("user")},
        {QStringLiteral("territories"), r.scope.territoryIds.size()}};
    return QJsonObject {
        {QStringLiteral("period"),
            QJsonObject {{QStringLiteral("label"), r.period.label()},
                {QStringLiteral("start"), r.period.start.toString(Qt::ISODate)},
                {QStringLiteral("end"), r.period.end.toString(Qt::ISODate)},
                {QStringLiteral("as_of"), r.asOf.toString(Qt::ISODate)},
                {QStringLiteral("partial"), r.period.isPartial(r.asOf)}}},
        {QStringLiteral("previous_period"), r.previousPeriod.label()},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("role"), r.role},
        {QStringLiteral("weights"),
            QJsonObject {{QStringLiteral("first"), r.weights.first},
                {QStringLiteral("second"), r.weights.second}, {QStringLiteral("later"), r.weights.later}}},
        {QStringLiteral("cost_per_call_minor"), r.costPerCallMinor},
        {QStringLiteral("kpis"), headlineJson(r.now)},
        {QStringLiteral("previous"), headlineJson(r.before)},
        {QStringLiteral("reach_by_tier"), tiers},
        {QStringLiteral("channel_mix"), countsJson(r.channels, nullptr)},
        {QStringLiteral("product_share"), countsJson(r.products, "weighted")},
        {QStringLiteral("calls_per_day"), days},
        {QStringLiteral("support_trend"),
            QJsonObject {
                {QStringLiteral("granularity"), r.supportGranularity}, {QStringLiteral("points"), support}}},
        {QStringLiteral("reps"), reps},
        {QStringLiteral("sales_by_month"), monthsJson(r.salesByMonth)},
        {QStringLiteral("sales_yoy_pct"), opt(r.salesYoyPct)},
        {QStringLiteral("sales_by_territory"), countsJson(r.salesByTerritory, "value_minor")},
        {QStringLiteral("sales_by_product"), countsJson(r.salesByProduct, "value_minor")},
        {QStringLiteral("sales_by_institution"),
            r.institutionSalesHidden ? QJsonValue()
                                     : QJsonValue(countsJson(r.salesByInstitution, "value_minor"))},
        {QStringLiteral("forecast"),
            QJsonObject {{QStringLiteral("method"), r.forecastMethod},
                {QStringLiteral("months"), monthsJson(r.forecast)}}},
        {QStringLiteral("content"), contentJson(r.content)},
        {QStringLiteral("content_previous"), contentJson(r.contentBefore)},
    };
}

} // namespace rounds
