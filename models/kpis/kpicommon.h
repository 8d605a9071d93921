#pragma once

// Small pieces every part of the KPI engine uses: the tiers and channels in their shown order, the
// ratio of two counts, month keys and the SqlError wrapper of the engine's public calls.

#include "common/sqlite/sqlerror.h"
#include "models/kpis.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <optional>
#include <string_view>

namespace rounds::kpi {

// "A".."D", the order of the reach-by-tier chart.
const QStringList &tiers();
// Every channel, the order of the channel mix.
const QStringList &channels();

// num / den * scale, or nothing when den is 0 (a KPI without a denominator is undefined, not 0).
std::optional<double> ratio(double num, double den, double scale = 1.0);

QString monthKey(const QDate &d); // yyyy-MM
QDate monthStart(const QString &key); // the first day of a yyyy-MM

// A call is a conversation (in person, video, phone); a message or handed material is a touch.
bool isCallChannel(const QString &channel);
bool isCallChannel(std::string_view channel);

// Runs body; an SqlError is logged and returned in `error` as false instead of crossing the public API.
template<typename Body> bool guarded(QString *error, Body &&body)
{
    try {
        body();
        return true;
    } catch (const sql::SqlError &e) {
        qCWarning(lcKpi) << e.text();
        if (error)
            *error = e.text();
        return false;
    }
}

} // namespace rounds::kpi
