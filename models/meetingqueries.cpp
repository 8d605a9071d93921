#include "models/meetingqueries.h"

#include "models/referencequeries.h"
#include "models/sqlrows.h"

namespace rounds::meetings {

QList<TerritoryChoice> territoryChoices(Store *store, QString *error)
{
    QList<QVariantList> rows;
    readRows(store,
        QStringLiteral(
            "SELECT id, coalesce(name, code) FROM territory WHERE level = 'territory' ORDER BY code"),
        {}, &rows, error);
    QList<TerritoryChoice> out;
    for (const QVariantList &row : std::as_const(rows))
        out << TerritoryChoice {row.value(0).toString(), row.value(1).toString()};
    return out;
}

QString territoryName(Store *store, const QString &territoryId, QString *error)
{
    QString name;
    ReferenceQueries::territoryName(store, territoryId, &name, error);
    return name;
}

QString userName(Store *store, const QString &userId, QString *error)
{
    QString name;
    ReferenceQueries::userName(store, userId, &name, error);
    return name;
}

QList<HcpHit> searchHcps(Store *store, const QString &text, int limit, QString *error)
{
    QList<HcpHit> hits;
    sql::Database *db = databaseOf(store, error);
    if (!db)
        return hits;
    HcpFilter filter;
    filter.text = text;
    if (!rounds::searchHcps(*db, filter, limit, &hits, error))
        hits.clear();
    return hits;
}

QStringList evidenceReferences(Store *store, QString *error)
{
    QList<QVariantList> rows;
    readRows(store,
        QStringLiteral("SELECT DISTINCT evidence FROM meeting_expense WHERE evidence LIKE 'sha256:%' "
                       "ORDER BY evidence"),
        {}, &rows, error);
    QStringList out;
    for (const QVariantList &row : std::as_const(rows))
        out << row.value(0).toString();
    return out;
}

} // namespace rounds::meetings
