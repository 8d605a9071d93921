#include "models/kpis/reprows.h"

#include "common/sqlite/database.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/sqlkey.h"

#include <algorithm>
#include <unordered_map>

namespace rounds::kpi {

namespace {

struct UserName
{
    QString username;
    QString display;
    bool displayNull = true;
};

std::unordered_map<std::string, UserName> userNames(sql::Database &db)
{
    std::unordered_map<std::string, UserName> users;
    auto u = db.query(QStringLiteral("SELECT id, username, display_name FROM user"));
    while (u->step())
        users[std::string(columnKey(u->handle(), 0))] = UserName {u->text(1), u->text(2), u->isNull(2)};
    return users;
}

struct Row
{
    std::string key;
    std::string sortName; // coalesce(display_name, rep_id): NULL only for a NULL rep
    KpiRepRow row;
};

Row repRow(const std::string &key, const std::unordered_map<std::string, UserName> &users,
    PeriodData::Rep &rep, const PeriodData &data)
{
    Row row {key, {}, {}};
    row.row.repId = isNullKey(key) ? QString() : keyText(key);
    const auto user = isNullKey(key) ? users.end() : users.find(key);
    if (user != users.end())
        row.row.username = user->second.username;
    if (user != users.end() && !user->second.displayNull) {
        row.row.name = user->second.display;
        row.sortName = user->second.display.toStdString();
    } else {
        row.row.name = row.row.repId;
        row.sortName = key;
    }
    row.row.calls = int(rep.calls);
    row.row.fieldDays = int(std::count(rep.days.begin(), rep.days.end(), true));
    std::sort(rep.hcps.begin(), rep.hcps.end());
    rep.hcps.erase(std::unique(rep.hcps.begin(), rep.hcps.end()), rep.hcps.end());
    for (const int hcp : rep.hcps)
        row.row.reachedHcps += data.targetOf(hcp) > 0 ? 1 : 0;
    row.row.callsPerFieldDay = ratio(row.row.calls, row.row.fieldDays);
    return row;
}

} // namespace

QList<KpiRepRow> repRows(sql::Database &db, const Keys &keys, PeriodData *data)
{
    const auto users = userNames(db);
    std::vector<Row> rows;
    for (std::size_t i = 0; i < data->reps.size(); ++i) {
        PeriodData::Rep &rep = data->reps[i];
        if (rep.calls == 0)
            continue;
        rows.push_back(repRow(std::string(keys.reps.at(int(i))), users, rep, *data));
    }
    // As SQL's ORDER BY calls DESC, name over groups in rep order.
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
        if (a.row.calls != b.row.calls)
            return a.row.calls > b.row.calls;
        if (a.sortName != b.sortName)
            return sqlTextLess(a.sortName, b.sortName);
        return sqlTextLess(a.key, b.key);
    });
    QList<KpiRepRow> out;
    for (Row &row : rows)
        out.append(std::move(row.row));
    return out;
}

} // namespace rounds::kpi
