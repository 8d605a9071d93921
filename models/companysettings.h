#pragma once

#include "models/store.h"

#include <QJsonValue>
#include <QString>

namespace rounds {

// The company-wide settings an admin edits in the client: `setting` records (global, admin-written)
// keyed by name: compliance.rules, kpi.weights, kpi.cost_per_call_minor,
// sfe.travel_minutes_per_institution. Several records may carry one key; the newest (updated_at, then
// id) is in force, as every reader on client and server takes it. A save is a new record through the
// store's write path: validated, refused for a role that may not write settings, synced like any write.
class CompanySettings final
{
public:
    // The value of the newest record with `key`; undefined when there is none. False with `error` when the
    // store cannot be read.
    static bool newest(Store *store, const QString &key, QJsonValue *out, QString *error = nullptr);
    // Writes `value` under `key` as a new record.
    static WriteResult save(Store *store, const QString &key, const QJsonValue &value);
};

} // namespace rounds
