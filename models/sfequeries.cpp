#include "models/sfequeries.h"

#include "models/pinyin.h"
#include "models/sqlrows.h"

namespace rounds {

namespace {

// The pickers of storequeries.h over the store's database, reporting a missing store as an error.
template<typename Out, typename Query> bool onDatabase(Store *store, Out *out, QString *error, Query &&query)
{
    out->clear();
    sql::Database *db = databaseOf(store, error);
    return db && query(*db);
}

} // namespace

bool SfeQueries::territory(Store *store, const QString &id, NamedItem *out, QString *error)
{
    *out = NamedItem {};
    QList<QVariantList> rows;
    if (!readRows(
            store, QStringLiteral("SELECT id, name, code FROM territory WHERE id = ?1"), {id}, &rows, error))
        return false;
    if (!rows.isEmpty())
        *out = NamedItem {rows.first().value(0).toString(), rows.first().value(1).toString(),
            rows.first().value(2).toString()};
    return true;
}

bool SfeQueries::leafTerritories(Store *store, const QString &exceptId, QList<NamedItem> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT id, name, code FROM territory WHERE level = 'territory' AND id IS NOT ?1 "
                           "ORDER BY code"),
            {exceptId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(NamedItem {r.value(0).toString(), r.value(1).toString(), r.value(2).toString()});
    return true;
}

bool SfeQueries::institutions(Store *store, QList<NamedItem> *out, QString *error)
{
    return onDatabase(store, out, error, [&](sql::Database &db) { return listInstitutions(db, out, error); });
}

bool SfeQueries::departments(
    Store *store, const QString &institutionId, QList<NamedItem> *out, QString *error)
{
    return onDatabase(
        store, out, error, [&](sql::Database &db) { return listDepartments(db, institutionId, out, error); });
}

bool SfeQueries::specialties(Store *store, QStringList *out, QString *error)
{
    return onDatabase(store, out, error, [&](sql::Database &db) { return listSpecialties(db, out, error); });
}

bool SfeQueries::cities(Store *store, QStringList *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT DISTINCT city FROM institution WHERE coalesce(city, '') <> '' ORDER BY 1"),
            {}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(r.value(0).toString());
    return true;
}

bool SfeQueries::editableInstitutions(
    Store *store, const QString &text, QList<InstitutionRow> *out, QString *error)
{
    out->clear();
    const QString key = Pinyin::queryKey(text);
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT i.id, i.name, coalesce(i.grade, ''), coalesce(i.city, '') FROM institution i "
                "JOIN institution_name_key k ON k.institution_id = i.id WHERE ?1 = '' OR i.name LIKE ?2 "
                "OR i.city LIKE ?2 OR i.id IN (SELECT institution_id FROM institution_pinyin_part WHERE "
                "part >= ?3 AND part < ?4) ORDER BY k.sort_key, i.id LIMIT 500"),
            {text.isNull() ? QStringLiteral("") : text, QString(QLatin1Char('%') + text + QLatin1Char('%')),
                key.isEmpty() ? QStringLiteral("{") : key, QString(key + QLatin1Char('{'))},
            &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(InstitutionRow {
            r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toString()});
    return true;
}

} // namespace rounds
