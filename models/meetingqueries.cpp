#include "models/meetingqueries.h"

#include "common/sqlite/sqlerror.h"
#include "models/log.h"
#include "models/store.h"

namespace rounds::meetings {

namespace {

// The rows of one read, or none with `error` set (and logged) when the store is closed or SQLite fails.
QList<QVariantList> read(Store *store, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!store || !store->database()) {
        if (error)
            *error = QStringLiteral("no store");
        return {};
    }
    try {
        return selectRows(*store->database(), sql, binds);
    } catch (const sql::SqlError &e) {
        qCWarning(lcStore) << "meetings:" << e.what();
        if (error)
            *error = e.text();
        return {};
    }
}

QString first(const QList<QVariantList> &rows)
{
    return rows.isEmpty() ? QString() : rows.first().value(0).toString();
}

} // namespace

QList<TerritoryChoice> territoryChoices(Store *store, QString *error)
{
    QList<TerritoryChoice> out;
    for (const QVariantList &row : read(store,
             QStringLiteral(
                 "SELECT id, coalesce(name, code) FROM territory WHERE level = 'territory' ORDER BY code"),
             {}, error))
        out << TerritoryChoice {row.value(0).toString(), row.value(1).toString()};
    return out;
}

QString territoryName(Store *store, const QString &territoryId, QString *error)
{
    return first(read(store, QStringLiteral("SELECT coalesce(name, code) FROM territory WHERE id = ?1"),
        {territoryId}, error));
}

QString userName(Store *store, const QString &userId, QString *error)
{
    return first(
        read(store, QStringLiteral("SELECT display_name FROM \"user\" WHERE id = ?1"), {userId}, error));
}

QList<HcpHit> searchHcps(Store *store, const QString &text, int limit, QString *error)
{
    QList<HcpHit> hits;
    if (!store || !store->database()) {
        if (error)
            *error = QStringLiteral("no store");
        return hits;
    }
    HcpFilter filter;
    filter.text = text;
    if (!rounds::searchHcps(*store->database(), filter, limit, &hits, error))
        hits.clear();
    return hits;
}

} // namespace rounds::meetings
