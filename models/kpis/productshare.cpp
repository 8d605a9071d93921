#include "models/kpis/productshare.h"

#include "common/sqlite/database.h"
#include "models/kpis/interner.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/sqlkey.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <array>

namespace rounds::kpi {

namespace {

// Details of each rank (1st, 2nd, later) by product key.
struct RankCounts
{
    Interner products;
    std::vector<std::array<qint64, 3>> byRank;
};

// The calls' ids in byte order as a JSON array (QJsonDocument: the hand-made escaper it replaced was no
// faster in rounds-bench kpis, month p50 97.2 / 101.9 / 110.2 ms with it, 91.1 / 73.3 / 99.8 ms without): the
// detail index is then read in its own order, neighbouring entries after each other, instead of one scattered
// seek per call.
QByteArray sortedIdArray(std::vector<std::string> *callIds)
{
    std::sort(callIds->begin(), callIds->end());
    QJsonArray a;
    for (const std::string &id : *callIds)
        a.append(QString::fromStdString(id));
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

// The rows come in the order of the KPI visit index and, within a visit, of the detail index
// (position, product): the ORDER BY names that order so SQLite needs no window and no full sort, and
// the rank is counted here, as details of each rank per product (the weights applied once, whatever
// the order).
void countRanks(sql::Database &db, const QByteArray &ids, RankCounts *counts)
{
    auto q = db.query(
        QStringLiteral("SELECT d.visit_id, d.product_id FROM visit_detail d WHERE d.visit_id IN"
                       " (SELECT value FROM json_each(?1)) ORDER BY d.visit_id, d.position, d.product_id"));
    q->bindText(1, ids);
    std::string visit;
    std::size_t rank = 0;
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        const std::string_view id = columnKey(s, 0);
        rank = id == visit ? rank + 1 : 0;
        if (rank == 0)
            visit.assign(id);
        const int product = counts->products.intern(columnKey(s, 1));
        if (counts->byRank.size() <= std::size_t(product))
            counts->byRank.resize(std::size_t(product) + 1, {0, 0, 0});
        ++counts->byRank[std::size_t(product)][std::min<std::size_t>(rank, 2)];
    }
}

} // namespace

QList<KpiCount> productShare(sql::Database &db, std::vector<std::string> *callIds, const KpiWeights &weights)
{
    RankCounts counts;
    countRanks(db, sortedIdArray(callIds), &counts);
    struct Share
    {
        qint64 count = 0;
        double weighted = 0;
    };
    QHash<QString, Share> shares;
    for (std::size_t i = 0; i < counts.byRank.size(); ++i) {
        const std::array<qint64, 3> &n = counts.byRank[i];
        Share &share = shares[keyText(counts.products.at(int(i)))];
        share.count += n[0] + n[1] + n[2];
        share.weighted
            += double(n[0]) * weights.first + double(n[1]) * weights.second + double(n[2]) * weights.later;
    }
    QHash<QString, QString> names;
    if (!shares.isEmpty()) {
        auto n = db.query(QStringLiteral("SELECT id, name FROM product WHERE name IS NOT NULL"));
        while (n->step())
            names.insert(n->text(0), n->text(1));
    }
    QList<KpiCount> out;
    for (auto it = shares.cbegin(); it != shares.cend(); ++it)
        out.append(KpiCount {it.key(), names.value(it.key(), it.key()), it->count, it->weighted, {}});
    // As SQL's ORDER BY w DESC, name (BINARY: UTF-8 bytes).
    std::sort(out.begin(), out.end(), [](const KpiCount &x, const KpiCount &y) {
        if (x.value != y.value)
            return x.value > y.value;
        return x.name.toUtf8() < y.name.toUtf8();
    });
    double total = 0;
    for (const KpiCount &c : out)
        total += c.value;
    for (KpiCount &c : out)
        c.pct = ratio(c.value, total, 100);
    return out;
}

} // namespace rounds::kpi
