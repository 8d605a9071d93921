#pragma once

#include "models/kpis.h"

namespace rounds {

// What one computation of the KPIs gave, and how long it took.
struct KpiRun
{
    bool ok = false;
    QString error;
    KpiResult result;
    qint64 ms = 0;
};

// The KPIs of a scope ("" = everything, a territory code, a username) over a period, computed over a
// read-only connection of its own to the store's file: safe on a worker thread while the store keeps
// serving the window on its own connection.
KpiRun computeKpisReadOnly(const QString &storePath, const QString &scopeKey, const KpiPeriod &period);

} // namespace rounds
