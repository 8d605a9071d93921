#include "models/kpis/headline.h"

#include "common/sqlite/database.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/kpiparams.h"

#include <QSet>

#include <unordered_map>

namespace rounds::kpi {

namespace {

// Reach, frequency and coverage by tier; HCPs without a tier count in the totals only. Calls on HCPs
// that are not targets reach nobody.
void reach(const Keys &keys, const PeriodData &data, KpiHeadline *h, QList<KpiTierReach> *tiers)
{
    std::unordered_map<std::string, KpiTierReach> byTier;
    for (std::size_t hcp = 0; hcp < data.targets.size(); ++hcp) {
        const qint64 target = data.targets[hcp];
        if (target <= 0)
            continue;
        const qint64 n = hcp < data.calls.size() ? data.calls[hcp] : 0;
        ++h->targets;
        h->reached += n > 0;
        h->callsOnReached += int(n);
        h->covered += n >= target;
        KpiTierReach &t = byTier[keys.tiers[hcp]];
        ++t.targets;
        t.reached += n > 0;
    }
    if (!tiers)
        return;
    tiers->clear();
    for (const QString &tier : kpi::tiers()) {
        const auto it = byTier.find(tier.toStdString());
        KpiTierReach r = it == byTier.end() ? KpiTierReach {tier, 0, 0, {}}
                                            : KpiTierReach {tier, it->second.targets, it->second.reached, {}};
        r.reachPct = ratio(r.reached, r.targets, 100);
        tiers->append(r);
    }
}

bool isTouchChannel(const QString &channel)
{
    return channel == QLatin1String("message") || channel == QLatin1String("material");
}

// Calls, touches, field days (distinct rep and local day with a call) and support.
void activity(const PeriodData &data, KpiHeadline *h)
{
    QSet<QString> fieldDays;
    double supportSum = 0;
    for (const PeriodData::VisitCell &c : data.cells) {
        if (isTouchChannel(c.channel))
            h->touches += c.visits;
        if (!isCallChannel(c.channel))
            continue;
        h->calls += c.visits;
        h->supportVisits += c.supportVisits;
        supportSum += c.supportSum;
        if (!c.repNull && !c.dayNull)
            fieldDays.insert(c.rep + u'|' + c.day);
    }
    h->fieldDays = fieldDays.size();
    if (h->supportVisits > 0)
        h->averageSupport = supportSum / double(h->supportVisits);
}

// The one row of an aggregate query over the period.
sql::Query aggregate(sql::Database &db, const KpiParams &p, const QString &sql)
{
    auto q = db.query(sql);
    p.bind(q);
    q->step();
    return q;
}

void plans(sql::Database &db, const KpiParams &p, KpiHeadline *h)
{
    const auto q = aggregate(db, p,
        QStringLiteral(
            "SELECT coalesce(sum(status = 'done'), 0), coalesce(sum(status <> 'cancelled'), 0),"
            " coalesce(sum(status = 'cancelled'), 0) FROM visit_plan WHERE planned_at >= :from AND "
            "planned_at < :to"
            " AND (:scope IS NULL OR territory_id IN (SELECT value FROM json_each(:scope)))"));
    h->plansDone = q->integer(0);
    h->plansNotCancelled = q->integer(1);
    h->plansCancelled = q->integer(2);
}

// Events: meetings held (or held and closed) that started in the period; spend is what was committed
// or paid, not estimates.
void events(sql::Database &db, const KpiParams &p, KpiHeadline *h)
{
    const auto q = aggregate(db, p,
        QStringLiteral(
            "WITH m AS (SELECT id, budget_minor FROM meeting WHERE status IN ('held', 'closed')"
            " AND starts_at >= :from AND starts_at < :to"
            " AND (:scope IS NULL OR territory_id IN (SELECT value FROM json_each(:scope)))"
            " AND (:rep IS NULL OR owner_id = :rep))"
            " SELECT (SELECT count(*) FROM m), (SELECT coalesce(sum(budget_minor), 0) FROM m),"
            " (SELECT coalesce(sum(e.amount_minor), 0) FROM meeting_expense e WHERE e.meeting_id IN (SELECT "
            "id FROM m)"
            "  AND e.status IN ('committed', 'actual')),"
            " (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id IN (SELECT id FROM m) AND "
            "a.signed_in = 1),"
            " (SELECT count(DISTINCT a.hcp_id) FROM meeting_attendee a WHERE a.meeting_id IN (SELECT id FROM "
            "m)"
            "  AND a.signed_in = 1)"));
    h->meetingsHeld = q->integer(0);
    h->budgetMinor = q->int64(1);
    h->spendMinor = q->int64(2);
    h->attendances = q->integer(3);
    h->attendingHcps = q->integer(4);
}

// Sales are internal values over the months the period overlaps; market share only where an external
// figure exists for the same institution, product and month. Facts: one pass grouped by (institution,
// product, month); the unary + keeps the planner on the covering month index instead of walking the
// institution index over every fact. A rep's store holds the server's totals instead, which carry the
// internal value of the groups with an external figure (matched_minor): one row for them all.
void salesAndShare(sql::Database &db, const KpiParams &p, KpiHeadline *h)
{
    const QString internal = QStringLiteral("CASE WHEN s.source = 'internal' THEN s.%1 END");
    const QString anyExternal = QStringLiteral("max(s.source = 'external')");
    const QString where
        = QStringLiteral(" WHERE s.month IN (SELECT value FROM json_each(:months)) AND %1").arg(salesScope());
    const auto q = aggregate(db, p,
        QStringLiteral("SELECT coalesce(sum(i), 0), sum(m), sum(t) FROM"
                       " (SELECT sum(%1) AS i, CASE WHEN %2 THEN sum(%1) END AS m,"
                       " CASE WHEN %2 THEN sum(s.value_minor) END AS t FROM sales_fact s%3"
                       " GROUP BY +s.institution_id, +s.product_id, +s.month"
                       " UNION ALL SELECT sum(%1), CASE WHEN %2 THEN sum(%4) END,"
                       " CASE WHEN %2 THEN sum(s.matched_minor) END FROM sales_total s%3)")
            .arg(internal.arg(QStringLiteral("value_minor")), anyExternal, where,
                internal.arg(QStringLiteral("matched_minor"))));
    h->salesMinor = q->int64(0);
    if (!q->isNull(2))
        h->marketSharePct = ratio(q->isNull(1) ? 0.0 : q->real(1), q->real(2), 100);
}

} // namespace

void headline(sql::Database &db, const KpiScope &scope, const Keys &keys, const PeriodData &data,
    KpiHeadline *h, qint64 costPerCall, QList<KpiTierReach> *tiers)
{
    headlineVisits(keys, data, h, tiers);
    headlineStore(db, scope, data.period, h);
    headlineRatios(h, costPerCall);
}

void headlineVisits(const Keys &keys, const PeriodData &data, KpiHeadline *h, QList<KpiTierReach> *tiers)
{
    reach(keys, data, h, tiers);
    activity(data, h);
}

void headlineStore(sql::Database &db, const KpiScope &scope, const KpiPeriod &period, KpiHeadline *h)
{
    const KpiParams p(period, scope);
    plans(db, p, h);
    events(db, p, h);
    salesAndShare(db, p, h);
}

void headlineRatios(KpiHeadline *h, qint64 costPerCall)
{
    h->reachPct = ratio(h->reached, h->targets, 100);
    h->frequency = ratio(h->callsOnReached, h->reached);
    h->coveragePct = ratio(h->covered, h->targets, 100);
    h->planAttainmentPct = ratio(h->plansDone, h->plansNotCancelled, 100);
    h->callsPerFieldDay = ratio(h->calls, h->fieldDays);
    h->spendVsBudgetPct = ratio(double(h->spendMinor), double(h->budgetMinor), 100);
    h->costPerAttendingHcpMinor = ratio(double(h->spendMinor), h->attendingHcps);
    h->roi = ratio(double(h->salesMinor), double(h->spendMinor) + double(costPerCall) * h->calls);
}

} // namespace rounds::kpi
