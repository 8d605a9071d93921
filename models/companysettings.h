#pragma once

// The company-wide settings: the administrator's `setting` records, which reach every store by sync.
// Two records may name one key (two admins, an import beside a form, a sync in between); the newest one,
// by `updated_at` and then `id`, is in force, and every reader asks this one class, so none of them
// can take another record's value.

#include "models/kpis.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace rounds {

class Store;

namespace sql {
class Database;
}

class CompanySettings final
{
public:
    // The value in force for `key` (the column holds JSON text: a bare number or string reads as
    // one); nothing when no record names the key. Throws sql::SqlError, for callers with their own
    // guard or transaction.
    static std::optional<QJsonValue> value(sql::Database &db, const QString &key);
    // The stored JSON text of that record, as it came.
    static std::optional<QByteArray> text(sql::Database &db, const QString &key);
    // The same through the store: false with `error` when it cannot be read, and `out` left empty.
    static bool value(Store *store, const QString &key, std::optional<QJsonValue> *out, QString *error);

    // The company's product-detail weights (`kpi.weights`): the built-in defaults, with each weight the
    // record gives as a number >= 0 over them.
    static KpiWeights kpiWeights(sql::Database &db);
    static bool kpiWeights(Store *store, KpiWeights *out, QString *error);

    inline static const QString KpiWeightsKey = QStringLiteral("kpi.weights");
    inline static const QString CostPerCallKey = QStringLiteral("kpi.cost_per_call_minor");
};

} // namespace rounds
