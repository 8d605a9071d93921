#include "models/visitqueries.h"

#include "models/sqlrows.h"

namespace rounds {

namespace {

QDateTime localTime(const QVariant &utc)
{
    return QDateTime::fromString(utc.toString(), Qt::ISODate).toLocalTime();
}

} // namespace

bool VisitQueries::details(Store *store, const QString &visitId, QList<VisitDetailRow> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT id, product_id, key_message_id, reaction FROM visit_detail WHERE visit_id = ?1 "
                "ORDER BY position, id"),
            {visitId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(VisitDetailRow {
            r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()});
    return true;
}

bool VisitQueries::plans(Store *store, const QDate &from, const QDate &to, bool withCancelled,
    QList<PlannedVisit> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT p.id, p.hcp_id, h.full_name, i.name, p.status, p.purpose, p.channel, "
                "p.planned_at FROM visit_plan p LEFT JOIN hcp h ON h.id = p.hcp_id "
                "LEFT JOIN institution i ON i.id = h.institution_id "
                "WHERE p.planned_at >= ?1 AND p.planned_at < ?2 AND (?3 OR p.status <> 'cancelled') "
                "ORDER BY p.planned_at, p.id"),
            {utcDayStart(from), utcDayStart(to), withCancelled}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(PlannedVisit {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toString(), r.value(5).toString(), r.value(6).toString(),
            localTime(r.value(7))});
    return true;
}

bool VisitQueries::overdueFollowUps(
    Store *store, const QDate &today, QList<OverdueFollowUp> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT v.hcp_id, h.full_name, v.follow_up, v.follow_up_due FROM visit v "
                "LEFT JOIN hcp h ON h.id = v.hcp_id WHERE v.follow_up IS NOT NULL AND v.follow_up <> '' "
                "AND v.follow_up_due < ?1 AND NOT EXISTS (SELECT 1 FROM visit w WHERE "
                "w.hcp_id = v.hcp_id AND w.visited_at > v.visited_at) "
                "ORDER BY v.follow_up_due, v.id LIMIT 200"),
            {today.toString(Qt::ISODate)}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(OverdueFollowUp {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
            QDate::fromString(r.value(3).toString(), Qt::ISODate)});
    return true;
}

bool VisitQueries::briefing(
    Store *store, const QString &hcpId, const QString &visitId, VisitBriefing *out, QString *error)
{
    *out = {};
    // The earlier visits: a CTE so the latest one and the unanswered follow-ups read the same set.
    const QString earlier = QStringLiteral(
        "WITH earlier AS (SELECT id, visited_at, channel, feedback, follow_up, follow_up_due FROM visit "
        "WHERE hcp_id = ?1 AND id <> coalesce(?2, '') AND visited_at <= coalesce((SELECT visited_at "
        "FROM visit WHERE id = ?2), '9999')) ");
    QList<QVariantList> last;
    QList<QVariantList> followUps;
    if (!readRows(store,
            earlier
                + QStringLiteral("SELECT visited_at, channel, feedback FROM earlier "
                                 "ORDER BY visited_at DESC, id DESC LIMIT 1"),
            {hcpId, visitId}, &last, error)
        || !readRows(store,
            earlier
                + QStringLiteral("SELECT e.follow_up, e.follow_up_due, e.visited_at FROM earlier e "
                                 "WHERE e.follow_up IS NOT NULL AND trim(e.follow_up) <> '' AND NOT EXISTS "
                                 "(SELECT 1 FROM earlier w WHERE w.visited_at > e.visited_at) "
                                 "ORDER BY e.follow_up_due IS NULL, e.follow_up_due, e.id LIMIT 20"),
            {hcpId, visitId}, &followUps, error))
        return false;
    if (!last.isEmpty()) {
        out->lastVisitedAt = localTime(last.first().value(0));
        out->lastChannel = last.first().value(1).toString();
        out->lastFeedback = last.first().value(2).toString();
    }
    for (const QVariantList &r : std::as_const(followUps))
        out->followUps.append(OpenFollowUp {r.value(0).toString(),
            QDate::fromString(r.value(1).toString(), Qt::ISODate), localTime(r.value(2))});
    return true;
}

bool VisitQueries::plannedNotVisited(
    Store *store, const QDate &from, const QDate &to, QList<UnvisitedHcp> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT h.id, h.full_name, h.tier, min(p.planned_at) FROM visit_plan p "
                           "JOIN hcp h ON h.id = p.hcp_id WHERE p.planned_at >= ?1 AND p.planned_at < ?2 "
                           "AND p.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM visit v WHERE "
                           "v.hcp_id = h.id AND v.visited_at >= ?1 AND v.visited_at < ?2) "
                           "GROUP BY h.id ORDER BY h.tier, h.full_name, h.id LIMIT 500"),
            {utcDayStart(from), utcDayStart(to)}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(UnvisitedHcp {
            r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), localTime(r.value(3))});
    return true;
}

} // namespace rounds
