#include "models/referencequeries.h"

#include "models/companysettings.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"

namespace rounds {

namespace {

bool readChoices(
    Store *store, const QString &sql, const QVariantList &binds, QList<NamedItem> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store, sql, binds, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(NamedItem {r.value(0).toString(), r.value(1).toString(), QString()});
    return true;
}

bool readText(Store *store, const QString &sql, const QString &bind, QString *out, QString *error)
{
    QVariant value;
    const bool ok = readValue(store, sql, {bind}, &value, error);
    *out = value.toString();
    return ok;
}

} // namespace

bool ReferenceQueries::products(Store *store, QList<NamedItem> *out, QString *error)
{
    return readChoices(store,
        QStringLiteral("SELECT id, name FROM product WHERE coalesce(active, 1) = 1 ORDER BY name, id"), {},
        out, error);
}

bool ReferenceQueries::keyMessages(
    Store *store, const QString &productId, QList<NamedItem> *out, QString *error)
{
    return readChoices(store,
        QStringLiteral("SELECT id, text FROM key_message WHERE product_id = ?1 AND coalesce(active, 1) = 1 "
                       "ORDER BY text, id"),
        {productId}, out, error);
}

bool ReferenceQueries::institutionName(Store *store, const QString &id, QString *out, QString *error)
{
    return readText(store, QStringLiteral("SELECT name FROM institution WHERE id = ?1"), id, out, error);
}

bool ReferenceQueries::departmentName(Store *store, const QString &id, QString *out, QString *error)
{
    return readText(store, QStringLiteral("SELECT name FROM department WHERE id = ?1"), id, out, error);
}

bool ReferenceQueries::territoryName(Store *store, const QString &id, QString *out, QString *error)
{
    return readText(
        store, QStringLiteral("SELECT coalesce(name, code) FROM territory WHERE id = ?1"), id, out, error);
}

bool ReferenceQueries::userName(Store *store, const QString &id, QString *out, QString *error)
{
    return readText(store,
        QStringLiteral("SELECT %1 FROM \"user\" u WHERE u.id = ?1")
            .arg(personNameExpression(QStringLiteral("u"))),
        id, out, error);
}

QString ReferenceQueries::personName(Store *store, const QString &idOrLogin)
{
    if (idOrLogin.isEmpty())
        return {};
    QString name;
    readText(store,
        QStringLiteral("SELECT %1 FROM \"user\" u WHERE u.id = ?1 OR u.username = ?1 ORDER BY u.id = ?1 DESC "
                       "LIMIT 1")
            .arg(personNameExpression(QStringLiteral("u"))),
        idOrLogin, &name, nullptr);
    return name.isEmpty() ? idOrLogin : name;
}

QString ReferenceQueries::personNameExpression(const QString &alias)
{
    return QStringLiteral("coalesce(nullif(trim(%1.display_name), ''), %1.username)").arg(alias);
}

bool ReferenceQueries::setting(Store *store, const QString &key, QString *out, QString *error)
{
    out->clear();
    sql::Database *db = databaseOf(store, error);
    return db && guarded(error, [&] {
        *out = QString::fromUtf8(CompanySettings::text(*db, key).value_or(QByteArray()));
    });
}

} // namespace rounds
