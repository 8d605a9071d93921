#include "models/kpis/kpiparams.h"

#include "common/sqlite/database.h"
#include "models/sqlrows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

namespace {

QString jsonArray(const QStringList &items)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(items)).toJson(QJsonDocument::Compact));
}

// The filters of the visits counted; `v` is the visit alias.
QString visitsInPeriod(const QString &v = QStringLiteral("v"))
{
    return QStringLiteral("%1.status = 'submitted' AND %1.visited_at >= :from AND %1.visited_at < :to "
                          "AND (:scope IS NULL OR %1.territory_id IN (SELECT value FROM json_each(:scope))) "
                          "AND (:rep IS NULL OR %1.rep_id = :rep)")
        .arg(v);
}

QString callChannel(const QString &v = QStringLiteral("v"))
{
    return v + QStringLiteral(".channel IN ('face_to_face', 'remote', 'phone')");
}

} // namespace

KpiParams::KpiParams(const KpiPeriod &p, const KpiScope &s)
{
    if (s.kind != KpiScope::Kind::All)
        scope = jsonArray(s.territoryIds);
    rep = s.repId.isEmpty() ? QString() : s.repId;
    from = utcDayStart(p.start);
    to = utcDayStart(p.end.addDays(1));
    start = p.start.toString(Qt::ISODate);
    end = p.end.toString(Qt::ISODate);
    months = jsonArray(p.months());
}

void KpiParams::bind(sql::Query &q) const
{
    const struct
    {
        const char *name;
        const QString &value;
    } all[] = {{":scope", scope}, {":rep", rep}, {":from", from}, {":to", to}, {":start", start},
        {":end", end}, {":months", months}};
    for (const auto &p : all) {
        if (const int i = q->parameterIndex(p.name))
            q->bind(i, p.value);
    }
}

namespace kpi {

QString targetsCte()
{
    return QStringLiteral(
        "targets AS (SELECT a.hcp_id, max(a.target_calls_per_cycle) AS target FROM alignment a "
        "WHERE a.target_calls_per_cycle > 0 AND a.valid_from <= :end "
        "AND (a.valid_to IS NULL OR a.valid_to >= :start) "
        "AND (:scope IS NULL OR a.territory_id IN (SELECT value FROM json_each(:scope))) GROUP BY a.hcp_id)");
}

QString percallCte()
{
    return QStringLiteral("percall AS (SELECT v.hcp_id, count(*) AS n FROM visit v WHERE %1 AND %2 "
                          "GROUP BY v.hcp_id)")
        .arg(visitsInPeriod(), callChannel());
}

QString salesScope()
{
    return QStringLiteral("(:scope IS NULL OR s.territory_id IN (SELECT value FROM json_each(:scope)))");
}

} // namespace kpi

} // namespace rounds
