#include "models/kpis/periodreader.h"

#include "common/sqlite/database.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/kpiparams.h"
#include "models/kpis/scopefilter.h"
#include "models/kpis/sqlkey.h"
#include "models/localday.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <unordered_map>

namespace rounds::kpi {

namespace {

// The columns of readVisits()'s query.
enum VisitColumn { RepCol, DayCol, ChannelCol, HcpCol, SupportCol, TerritoryCol, IdCol };

struct Cell
{
    qint64 visits = 0;
    qint64 supportVisits = 0;
    double supportSum = 0;
};

// (rep, day, channel) keys packed into one number.
std::uint64_t cellKey(int rep, int day, int channel)
{
    return (std::uint64_t(rep) << 40) | (std::uint64_t(day) << 20) | std::uint64_t(channel);
}

// A call of the visit row `s`: counted for its rep (calls, field days, HCPs) and its HCP.
void countCall(sqlite3_stmt *s, int rep, int day, Keys *keys, PeriodData *data)
{
    if (data->reps.size() <= std::size_t(rep))
        data->reps.resize(std::size_t(rep) + 1);
    PeriodData::Rep &r = data->reps[std::size_t(rep)];
    ++r.calls;
    if (!isNullKey(columnKey(s, DayCol))) {
        if (r.days.size() <= std::size_t(day))
            r.days.resize(std::size_t(day) + 1, false);
        r.days[std::size_t(day)] = true;
    }
    if (data->wantCallIds)
        data->callIds.emplace_back(columnKey(s, IdCol));
    const std::string_view hcpText = columnKey(s, HcpCol);
    if (!isNullKey(hcpText)) {
        const int hcp = keys->hcps.intern(hcpText);
        if (data->calls.size() <= std::size_t(hcp))
            data->calls.resize(std::size_t(hcp) + 1, 0);
        ++data->calls[std::size_t(hcp)];
        r.hcps.push_back(hcp);
    }
}

void storeCells(const std::unordered_map<std::uint64_t, Cell> &cells, const Keys &keys, PeriodData *data)
{
    data->cells.reserve(qsizetype(cells.size()));
    for (const auto &[key, cell] : cells) {
        const std::string_view rep = keys.reps.at(int(key >> 40));
        const std::string_view day = keys.days.at(int((key >> 20) & 0xfffff));
        const std::string_view channel = keys.channels.at(int(key & 0xfffff));
        data->cells.append(PeriodData::VisitCell {keyText(rep), isNullKey(rep), keyText(day), isNullKey(day),
            keyText(channel), cell.visits, cell.supportVisits, cell.supportSum});
    }
}

} // namespace

void readTargets(sql::Database &db, const KpiScope &scope, Keys *keys, const QList<PeriodData *> &periods)
{
    if (periods.isEmpty())
        return;
    KpiPeriod span = periods.first()->period;
    for (const PeriodData *d : periods) {
        span.start = std::min(span.start, d->period.start);
        span.end = std::max(span.end, d->period.end);
    }
    struct Dates
    {
        std::string start, end;
    };
    std::vector<Dates> dates;
    for (const PeriodData *d : periods)
        dates.push_back(Dates {d->period.start.toString(Qt::ISODate).toStdString(),
            d->period.end.toString(Qt::ISODate).toStdString()});
    auto q = db.query(
        QStringLiteral("SELECT a.hcp_id, a.target_calls_per_cycle, a.valid_from, a.valid_to, a.territory_id"
                       " FROM alignment a WHERE a.target_calls_per_cycle > 0 AND a.valid_from <= :end"
                       " AND (a.valid_to IS NULL OR a.valid_to >= :start)"));
    KpiParams(span, scope).bind(q);
    const ScopeFilter inScope(scope);
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(columnKey(s, 4)))
            continue;
        const int hcp = keys->hcps.intern(columnKey(s, 0));
        const qint64 target = sqlite3_column_int64(s, 1);
        // valid_from and valid_to are text (dates): SQL compared them with the bound dates as BINARY text.
        const std::string_view from = columnKey(s, 2);
        const bool open = sqlite3_column_type(s, 3) == SQLITE_NULL;
        const std::string_view to = open ? std::string_view() : columnKey(s, 3);
        for (qsizetype i = 0; i < periods.size(); ++i) {
            if (from > dates[std::size_t(i)].end || (!open && to < dates[std::size_t(i)].start))
                continue;
            std::vector<qint64> &targets = periods[i]->targets;
            if (targets.size() <= std::size_t(hcp))
                targets.resize(std::size_t(hcp) + 1, 0);
            targets[std::size_t(hcp)] = std::max(targets[std::size_t(hcp)], target);
        }
    }
    keys->tiers.assign(std::size_t(keys->hcps.size()), std::string());
    auto h = db.query(QStringLiteral("SELECT id, tier FROM hcp WHERE tier IS NOT NULL"));
    s = h->handle();
    while (h->step()) {
        const int hcp = keys->hcps.find(columnKey(s, 0));
        if (hcp >= 0)
            keys->tiers[std::size_t(hcp)] = columnKey(s, 1);
    }
}

void readVisits(sql::Database &db, const KpiScope &scope, Keys *keys, PeriodData *data)
{
    const LocalDay localDay(data->period.start, data->period.end);
    auto q = db.query(QStringLiteral(
        "SELECT v.rep_id, %1, v.channel, v.hcp_id, v.support_level,"
        " v.territory_id, v.id FROM visit v WHERE v.status = 'submitted' AND v.visited_at >= :from"
        " AND v.visited_at < :to AND (:rep IS NULL OR v.rep_id = :rep)")
                          .arg(localDay.sql(QStringLiteral("v.visited_at"))));
    KpiParams(data->period, scope).bind(q);
    const ScopeFilter inScope(scope);
    std::unordered_map<std::uint64_t, Cell> cells; // by (rep, day, channel) keys
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(columnKey(s, TerritoryCol)))
            continue;
        const int rep = keys->reps.intern(columnKey(s, RepCol));
        const int day = keys->days.intern(columnKey(s, DayCol));
        const std::string_view channelText = columnKey(s, ChannelCol);
        const int channel = keys->channels.intern(channelText);
        if (isCallChannel(channelText))
            countCall(s, rep, day, keys, data);
        Cell &cell = cells[cellKey(rep, day, channel)];
        ++cell.visits;
        if (sqlite3_column_type(s, SupportCol) != SQLITE_NULL) {
            ++cell.supportVisits;
            cell.supportSum += sqlite3_column_double(s, SupportCol);
        }
    }
    storeCells(cells, *keys, data);
}

} // namespace rounds::kpi
