#pragma once

// The company-wide settings: the administrator's `setting` records (compliance.rules, kpi.weights,
// kpi.cost_per_call_minor, sfe.travel_minutes_per_institution), which reach every store by sync. Two
// records may name one key (two admins, an import beside a form, a sync in between); the newest one is
// in force: a local record the server has not stamped yet (updated_at null), then by `updated_at` and
// `id`. Every reader asks this one class, so none of them can take another record's value. A save is a
// new record through the store's write path: validated, refused for a role that may not write settings,
// synced like any write.

#include "models/kpis.h"
#include "models/store.h"

#include <QByteArray>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace rounds {

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
    // The same with an undefined value for "no record" (the admin forms' reading).
    static bool newest(Store *store, const QString &key, QJsonValue *out, QString *error = nullptr);

    // The company's product-detail weights (`kpi.weights`): the built-in defaults, with each weight the
    // record gives as a number >= 0 over them.
    static KpiWeights kpiWeights(sql::Database &db);
    static bool kpiWeights(Store *store, KpiWeights *out, QString *error);

    // Writes `value` under `key`: into the local record not yet sent when there is one (one pending
    // change), else as a new record, newer than every one the server holds.
    static WriteResult save(Store *store, const QString &key, const QJsonValue &value);

    inline static const QString KpiWeightsKey = QStringLiteral("kpi.weights");
    inline static const QString CostPerCallKey = QStringLiteral("kpi.cost_per_call_minor");
};

} // namespace rounds
