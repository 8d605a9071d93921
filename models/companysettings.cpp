#include "models/companysettings.h"

#include "common/sqlite/database.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace rounds {

std::optional<QByteArray> CompanySettings::text(sql::Database &db, const QString &key)
{
    auto q = db.query(
        QStringLiteral("SELECT value FROM setting WHERE key = ?1 ORDER BY updated_at DESC, id DESC LIMIT 1"));
    q->bind(1, key);
    if (!q->step() || q->isNull(0))
        return std::nullopt;
    return q->textUtf8(0);
}

std::optional<QJsonValue> CompanySettings::value(sql::Database &db, const QString &key)
{
    const std::optional<QByteArray> json = text(db, key);
    if (!json)
        return std::nullopt;
    return QJsonDocument::fromJson("[" + *json + "]").array().at(0);
}

bool CompanySettings::value(Store *store, const QString &key, std::optional<QJsonValue> *out, QString *error)
{
    out->reset();
    sql::Database *db = databaseOf(store, error);
    return db && guarded(error, [&] { *out = value(*db, key); });
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

} // namespace rounds
