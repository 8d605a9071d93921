#include "models/companysettings.h"

#include "common/protocol/privacy.h"
#include "common/sqlite/database.h"
#include "models/sqlguard.h"
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

QJsonValue fromText(const QByteArray &json)
{
    return QJsonDocument::fromJson("[" + json + "]").array().at(0);
}

} // namespace

std::optional<QByteArray> CompanySettings::text(sql::Database &db, const QString &key)
{
    auto q = db.query(kNewest);
    q->bind(1, key);
    if (!q->step() || q->isNull(1))
        return std::nullopt;
    return q->textUtf8(1);
}

std::optional<QJsonValue> CompanySettings::value(sql::Database &db, const QString &key)
{
    const std::optional<QByteArray> json = text(db, key);
    if (!json)
        return std::nullopt;
    return fromText(*json);
}

bool CompanySettings::value(Store *store, const QString &key, std::optional<QJsonValue> *out, QString *error)
{
    out->reset();
    sql::Database *db = databaseOf(store, error);
    return db && guarded(error, [&] { *out = value(*db, key); });
}

bool CompanySettings::newest(Store *store, const QString &key, QJsonValue *out, QString *error)
{
    std::optional<QJsonValue> v;
    const bool ok = value(store, key, &v, error);
    *out = v.value_or(QJsonValue(QJsonValue::Undefined));
    return ok;
}

KpiWeights CompanySettings::kpiWeights(sql::Database &db)
{
    KpiWeights w;
    if (const auto v = value(db, KpiWeightsKey))
        w.apply(v->toObject());
    return w;
}

bool CompanySettings::kpiWeights(Store *store, KpiWeights *out, QString *error)
{
    *out = KpiWeights {};
    sql::Database *db = databaseOf(store, error);
    return db && guarded(error, [&] { *out = kpiWeights(*db); });
}

WriteResult CompanySettings::save(Store *store, const QString &key, const QJsonValue &value)
{
    WriteResult w;
    // The same rules the server refuses a malformed privacy or retention setting by (docs/privacy.md):
    // said before anything is queued, not as a rejection at the next sync.
    if (const std::optional<QString> problem = protocol::privacy::checkSetting(key, value)) {
        w.error = *problem;
        w.field = QStringLiteral("value");
        return w;
    }
    QList<QVariantList> rows;
    if (!readRows(store, kNewest, {key}, &rows, &w.error))
        return w;
    const QString entity = QStringLiteral("setting");
    if (!rows.isEmpty() && rows.first().value(2).toBool())
        return store->update(entity, rows.first().value(0).toString(), {{QStringLiteral("value"), value}});
    return store->create(entity, {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}});
}

} // namespace rounds
