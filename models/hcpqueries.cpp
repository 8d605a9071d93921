#include "models/hcpqueries.h"

#include "models/pinyin.h"
#include "models/sqlrows.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>

namespace rounds {

namespace {

QString containing(const QString &text)
{
    return QString(QLatin1Char('%') + text + QLatin1Char('%'));
}

// The range of name keys a pinyin search text covers ("heli" → ["heli", "heli{")), empty when the text is not
// pinyin (Pinyin::queryKey()).
QString pinyinFrom(const QString &text)
{
    const QString key = Pinyin::queryKey(text);
    return key.isEmpty() ? QStringLiteral("{") : key;
}

QString pinyinTo(const QString &text)
{
    return pinyinFrom(text) + QLatin1Char('{');
}

// "The HCP's name or institution's name has a pinyin or initials key in [from, to)" (SQL parameters).
QString pinyinMatch(const QString &from, const QString &to)
{
    return QStringLiteral(
        "h.id IN (SELECT hcp_id FROM hcp_name_key WHERE pinyin >= %1 AND pinyin < %2 UNION SELECT hcp_id "
        "FROM hcp_name_key WHERE initials >= %1 AND initials < %2) OR h.institution_id IN (SELECT "
        "institution_id FROM institution_pinyin_part WHERE part >= %1 AND part < %2)")
        .arg(from, to);
}

// HCP picker lines: the HCPs that `whereAndOrder` (over `hcp h` and its institution `i`) selects.
bool readChoices(Store *store, const QString &whereAndOrder, const QVariantList &binds, QList<HcpChoice> *out,
    QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT h.id, h.full_name, coalesce(h.tier, ''), coalesce(i.name, ''), "
                "coalesce(h.specialty, '') FROM hcp h LEFT JOIN institution i ON i.id = h.institution_id "
                "WHERE ")
                + whereAndOrder,
            binds, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(HcpChoice {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(),
            r.value(3).toString(), r.value(4).toString()});
    return true;
}

bool readVisits(Store *store, const QString &hcpId, QList<HcpVisit> *out, QString *error)
{
    QList<QVariantList> details;
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT d.visit_id, p.name FROM visit_detail d JOIN visit v ON v.id = d.visit_id "
                "LEFT JOIN product p ON p.id = d.product_id WHERE v.hcp_id = ?1 ORDER BY d.position"),
            {hcpId}, &details, error)
        || !readRows(store,
            QStringLiteral(
                "SELECT v.id, v.visited_at, v.channel, v.status, v.support_level, v.feedback, v.follow_up, "
                "v.follow_up_due, coalesce(u.display_name, '') FROM visit v "
                "LEFT JOIN \"user\" u ON u.id = v.rep_id WHERE v.hcp_id = ?1 ORDER BY v.visited_at DESC, "
                "v.id"),
            {hcpId}, &rows, error))
        return false;
    QHash<QString, QStringList> productsOf;
    for (const QVariantList &r : std::as_const(details))
        productsOf[r.value(0).toString()] << r.value(1).toString();
    for (const QVariantList &r : std::as_const(rows)) {
        HcpVisit v;
        v.id = r.value(0).toString();
        v.visitedAt = r.value(1).toString();
        v.channel = r.value(2).toString();
        v.status = r.value(3).toString();
        v.hasSupportLevel = !r.value(4).isNull();
        v.supportLevel = r.value(4).toInt();
        v.feedback = r.value(5).toString();
        v.followUp = r.value(6).toString();
        v.followUpDue = QDate::fromString(r.value(7).toString(), Qt::ISODate);
        v.products = productsOf.value(v.id);
        v.repName = r.value(8).toString();
        out->append(v);
    }
    return true;
}

bool readSideLists(Store *store, const QString &hcpId, HcpProfile *out, QString *error)
{
    QList<QVariantList> meetings;
    QList<QVariantList> tags;
    QList<QVariantList> requests;
    if (!readRows(store,
            QStringLiteral("SELECT m.starts_at, m.title, a.role, m.status FROM meeting_attendee a "
                           "JOIN meeting m ON m.id = a.meeting_id WHERE a.hcp_id = ?1"),
            {hcpId}, &meetings, error)
        || !readRows(store,
            QStringLiteral("SELECT id, category, tag FROM hcp_tag WHERE hcp_id = ?1 ORDER BY category, tag"),
            {hcpId}, &tags, error)
        || !readRows(store,
            QStringLiteral(
                "SELECT fields, reason, status, decision_note FROM change_request WHERE entity = 'hcp' "
                "AND record_id = ?1 ORDER BY status <> 'open', updated_at DESC, id LIMIT 10"),
            {hcpId}, &requests, error))
        return false;
    for (const QVariantList &r : std::as_const(meetings))
        out->meetings << HcpMeeting {
            r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()};
    for (const QVariantList &r : std::as_const(tags))
        out->tags << HcpTag {r.value(0).toString(), r.value(1).toString(), r.value(2).toString()};
    for (const QVariantList &r : std::as_const(requests))
        out->changeRequests << HcpChangeRequest {
            QJsonDocument::fromJson(r.value(0).toString().toUtf8()).object(), r.value(1).toString(),
            r.value(2).toString(), r.value(3).toString()};
    return true;
}

// Who covers the HCP today, and the plans still to come: what a manager looks up for a doctor of the team.
bool readCoverage(Store *store, const QString &hcpId, const QDate &today, HcpProfile *out, QString *error)
{
    QList<QVariantList> owners;
    QList<QVariantList> plans;
    if (!readRows(store,
            QStringLiteral(
                "SELECT DISTINCT coalesce(u.display_name, ''), t.name FROM alignment a "
                "JOIN territory t ON t.id = a.territory_id LEFT JOIN \"user\" u ON u.id = t.owner_id "
                "WHERE a.hcp_id = ?1 AND a.valid_from <= ?2 AND (a.valid_to IS NULL OR a.valid_to >= ?2) "
                "ORDER BY t.name, 1"),
            {hcpId, today.toString(Qt::ISODate)}, &owners, error)
        || !readRows(store,
            QStringLiteral(
                "SELECT p.id, p.planned_at, p.channel, coalesce(p.purpose, ''), coalesce(u.display_name, '') "
                "FROM visit_plan p LEFT JOIN territory t ON t.id = p.territory_id "
                "LEFT JOIN \"user\" u ON u.id = t.owner_id "
                "WHERE p.hcp_id = ?1 AND p.status = 'planned' AND p.planned_at >= ?2 "
                "ORDER BY p.planned_at, p.id LIMIT 10"),
            {hcpId, utcDayStart(today)}, &plans, error))
        return false;
    for (const QVariantList &r : std::as_const(owners))
        out->owners << HcpOwner {r.value(0).toString(), r.value(1).toString()};
    for (const QVariantList &r : std::as_const(plans))
        out->upcomingPlans << HcpUpcomingPlan {r.value(0).toString(), r.value(1).toString(),
            r.value(2).toString(), r.value(3).toString(), r.value(4).toString()};
    return true;
}

} // namespace

bool HcpQueries::summary(Store *store, const QString &hcpId, HcpSummary *out, QString *error)
{
    *out = HcpSummary {};
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT h.id, h.full_name, h.title, h.specialty, h.tier, h.institution_id, i.name, d.name, "
                "i.city, h.phone, i.address FROM hcp h LEFT JOIN institution i ON i.id = h.institution_id "
                "LEFT JOIN department d ON d.id = h.department_id WHERE h.id = ?1"),
            {hcpId}, &rows, error))
        return false;
    if (rows.isEmpty())
        return true;
    const QVariantList &v = rows.first();
    *out = HcpSummary {v.value(0).toString(), v.value(1).toString(), v.value(2).toString(),
        v.value(3).toString(), v.value(4).toString(), v.value(5).toString(), v.value(6).toString(),
        v.value(7).toString(), v.value(8).toString(), v.value(9).toString(), v.value(10).toString()};
    return true;
}

bool HcpQueries::listExtra(
    Store *store, const QString &hcpId, const QDate &today, HcpListExtra *out, QString *error)
{
    *out = HcpListExtra {};
    const QDate monthStart(today.year(), today.month(), 1);
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT h.title, d.name, (SELECT count(*) FROM visit v WHERE v.hcp_id = h.id AND "
                "v.visited_at >= ?2 AND v.visited_at < ?3), (SELECT max(a.target_calls_per_cycle) FROM "
                "alignment a WHERE a.hcp_id = h.id AND (a.valid_to IS NULL OR a.valid_to >= ?4)) "
                "FROM hcp h LEFT JOIN department d ON d.id = h.department_id WHERE h.id = ?1"),
            {hcpId, utcDayStart(monthStart), utcDayStart(monthStart.addMonths(1)),
                today.toString(Qt::ISODate)},
            &rows, error))
        return false;
    if (!rows.isEmpty()) {
        const QVariantList &r = rows.first();
        *out = HcpListExtra {
            r.value(0).toString(), r.value(1).toString(), r.value(2).toInt(), r.value(3).toInt()};
    }
    return true;
}

bool HcpQueries::profile(Store *store, const QString &hcpId, HcpProfile *out, QString *error)
{
    *out = HcpProfile {};
    HcpProfile p;
    if (!summary(store, hcpId, &p.summary, error) || !readVisits(store, hcpId, &p.visits, error)
        || !readSideLists(store, hcpId, &p, error)
        || !readCoverage(store, hcpId, QDate::currentDate(), &p, error))
        return false;
    *out = p;
    return true;
}

bool HcpQueries::territoryFor(Store *store, const QString &hcpId, const QStringList &preferred,
    const QDate &today, QString *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT territory_id FROM alignment WHERE hcp_id = ?1 AND valid_from <= ?2 "
                           "AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY territory_id"),
            {hcpId, today.toString(Qt::ISODate)}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows)) {
        const QString t = r.value(0).toString();
        if (preferred.contains(t)) {
            *out = t;
            return true;
        }
        if (out->isEmpty())
            *out = t;
    }
    return true;
}

bool HcpQueries::dependentCount(Store *store, const QString &hcpId, int *out, QString *error)
{
    *out = 0;
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT (SELECT count(*) FROM visit WHERE hcp_id = ?1) + (SELECT count(*) FROM alignment "
                "WHERE hcp_id = ?1) + (SELECT count(*) FROM visit_plan WHERE hcp_id = ?1)"),
            {hcpId}, &rows, error))
        return false;
    *out = rows.value(0).value(0).toInt();
    return true;
}

bool HcpQueries::activeMatching(Store *store, const QString &text, QList<HcpChoice> *out, QString *error)
{
    return readChoices(store,
        QStringLiteral("coalesce(h.status, 'active') = 'active' "
                       "AND (h.full_name LIKE ?1 OR i.name LIKE ?1 OR h.specialty LIKE ?1 OR %1) "
                       "ORDER BY (SELECT sort_key FROM hcp_name_key WHERE hcp_id = h.id), h.id LIMIT 200")
            .arg(pinyinMatch(QStringLiteral("?2"), QStringLiteral("?3"))),
        {containing(text), pinyinFrom(text), pinyinTo(text)}, out, error);
}

bool HcpQueries::editable(Store *store, const QString &text, QList<HcpChoice> *out, QString *error)
{
    return readChoices(store,
        QStringLiteral("coalesce(h.status, 'active') <> 'merged' "
                       "AND (?1 = '' OR h.full_name LIKE ?2 OR i.name LIKE ?2 OR h.phone LIKE ?2 OR %1) "
                       "ORDER BY (SELECT sort_key FROM hcp_name_key WHERE hcp_id = h.id), h.id LIMIT 500")
            .arg(pinyinMatch(QStringLiteral("?3"), QStringLiteral("?4"))),
        {text.isNull() ? QStringLiteral("") : text, containing(text), pinyinFrom(text), pinyinTo(text)}, out,
        error);
}

} // namespace rounds
