#include "models/companysettings.h"

#include "models/sqlrows.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVariantList>

namespace rounds {

namespace {

// The newest record of a key: a local one the server has not stamped yet (updated_at null) is newer than
// any the server sent.
const QString kNewest = QStringLiteral("SELECT id, value, updated_at IS NULL FROM setting WHERE key = ?1 "
                                       "ORDER BY updated_at IS NULL DESC, updated_at DESC, id DESC LIMIT 1");

} // namespace

bool CompanySettings::newest(Store *store, const QString &key, QJsonValue *out, QString *error)
{
    *out = QJsonValue(QJsonValue::Undefined);
    QList<QVariantList> rows;
    if (!readRows(store, kNewest, {key}, &rows, error))
        return false;
    if (!rows.isEmpty()) {
        // The column holds the value's JSON text.
        const QByteArray text = rows.first().value(1).toString().toUtf8();
        *out = QJsonDocument::fromJson("[" + text + "]").array().at(0);
    }
    return true;
}

WriteResult CompanySettings::save(Store *store, const QString &key, const QJsonValue &value)
{
    WriteResult w;
    QList<QVariantList> rows;
    if (!readRows(store, kNewest, {key}, &rows, &w.error))
        return w;
    // A record saved here and not yet stamped by the server takes the new value (one pending change);
    // otherwise the value is a new record, newer than every one the server holds.
    const QString entity = QStringLiteral("setting");
    if (!rows.isEmpty() && rows.first().value(2).toBool())
        return store->update(entity, rows.first().value(0).toString(), {{QStringLiteral("value"), value}});
    return store->create(entity, {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
}

} // namespace rounds
