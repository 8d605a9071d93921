#include "models/contentkpis.h"

#include "common/protocol/content.h"
#include "common/sqlite/database.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/kpiparams.h"
#include "models/kpis/scopefilter.h"
#include "models/kpis/sqlkey.h"
#include "models/localday.h"
#include "models/store.h"

#include <QHash>
#include <QJsonValue>

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <unordered_set>
#include <vector>

namespace rounds {

std::optional<double> ContentReactionMix::positivePct() const
{
    return kpi::ratio(double(positive), double(total()), 100.0);
}

namespace {

enum ViewColumn { TerritoryCol, RepCol, MaterialCol, VisitCol, DayCol, DurationCol, ReactionCol, HcpCol };

void addReaction(ContentReactionMix *mix, std::string_view reaction)
{
    if (reaction == "positive")
        ++mix->positive;
    else if (reaction == "neutral")
        ++mix->neutral;
    else if (reaction == "negative")
        ++mix->negative;
}

void addReaction(ContentReactionMix *mix, const QString &reaction)
{
    addReaction(mix, std::string_view(reaction.toStdString()));
}

// The per-row ratios once the counts are in.
void finish(ContentKpiRow *row)
{
    row->avgDwellSec = kpi::ratio(double(row->viewedDwellMs), double(row->viewedPages), 0.001);
    row->viewedPerPresentation = kpi::ratio(double(row->viewedPages), double(row->presentations));
    row->positiveShare = double(row->reactions.positive + 1) / double(row->reactions.total() + 2);
    row->engagement = row->viewedPerPresentation ? *row->viewedPerPresentation * row->positiveShare : 0.0;
}

// Ranked rows (enough presentations) by engagement, the others after them by presentations.
void rank(QList<ContentKpiRow> *rows)
{
    std::sort(rows->begin(), rows->end(), [](const ContentKpiRow &a, const ContentKpiRow &b) {
        const bool ra = a.presentations >= kMinRankedPresentations;
        const bool rb = b.presentations >= kMinRankedPresentations;
        if (ra != rb)
            return ra;
        if (ra && a.engagement != b.engagement)
            return a.engagement > b.engagement;
        if (a.presentations != b.presentations)
            return a.presentations > b.presentations;
        if (a.name != b.name)
            return a.name < b.name;
        return a.version > b.version;
    });
    int n = 0;
    for (ContentKpiRow &r : *rows)
        r.rank = r.presentations >= kMinRankedPresentations ? ++n : 0;
}

// Every material on this computer, by id: title, version, product and page count.
QHash<QString, ContentKpiRow> readMaterials(sql::Database &db)
{
    QHash<QString, ContentKpiRow> out;
    auto q = db.query(QStringLiteral("SELECT m.id, m.title, coalesce(m.material_version, 1), m.product_id,"
                                     " coalesce(p.name, m.product_id), coalesce(m.page_count, 0)"
                                     " FROM material m LEFT JOIN product p ON p.id = m.product_id"));
    while (q->step()) {
        ContentKpiRow r;
        r.key = q->text(0);
        r.name = q->text(1);
        r.version = q->integer(2);
        r.productId = q->text(3);
        r.productName = q->text(4);
        r.pageCount = q->integer(5);
        out.insert(r.key, r);
    }
    return out;
}

void readViews(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *k,
    QHash<QString, ContentKpiRow> *materials)
{
    const LocalDay localDay(period.start, period.end);
    // idx_content_view_period (client migration 26) covers every column read.
    auto q
        = db.query(QStringLiteral("SELECT c.territory_id, c.rep_id, c.material_id, c.visit_id, %1,"
                                  " c.duration_ms, c.reaction, c.hcp_id FROM content_view c"
                                  " WHERE c.mode = 'in_call' AND c.started_at >= :from AND c.started_at < :to"
                                  " AND (:rep IS NULL OR c.rep_id = :rep)")
                       .arg(localDay.sql(QStringLiteral("c.started_at"))));
    KpiParams(period, scope).bind(q);
    const kpi::ScopeFilter inScope(scope);
    kpi::Interner ids;
    std::vector<ContentKpiRow> rows; // by the interned material id
    std::unordered_set<std::string> presentations;
    std::string key;
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(kpi::columnKey(s, TerritoryCol)))
            continue;
        const std::string_view material = kpi::columnKey(s, MaterialCol);
        const int m = ids.intern(material);
        if (rows.size() <= std::size_t(m))
            rows.resize(std::size_t(m) + 1);
        ContentKpiRow &row = rows[std::size_t(m)];
        const qint64 ms = sqlite3_column_int64(s, DurationCol);
        const std::string_view reaction = kpi::columnKey(s, ReactionCol);
        const bool reacted = !kpi::isNullKey(reaction);
        ++row.views;
        if (ms >= protocol::content::ViewedAfterMs || reacted) {
            ++row.viewedPages;
            row.viewedDwellMs += ms;
        }
        if (reacted)
            addReaction(&row.reactions, reaction);
        if (kpi::isNullKey(kpi::columnKey(s, HcpCol)))
            ++k->anonymousViews;
        // A presentation: a rep's views of one material in one visit, or on one local day without one.
        const std::string_view visit = kpi::columnKey(s, VisitCol);
        key.assign(kpi::columnKey(s, RepCol));
        key.push_back('\x1f');
        key.append(material);
        key.push_back('\x1f');
        if (kpi::isNullKey(visit)) {
            key.push_back('d');
            key.append(kpi::columnKey(s, DayCol));
        } else {
            key.push_back('v');
            key.append(visit);
        }
        if (presentations.insert(key).second)
            ++row.presentations;
    }
    for (int i = 0; i < ids.size(); ++i) {
        const QString id = kpi::keyText(ids.at(i));
        ContentKpiRow row = rows[std::size_t(i)];
        const ContentKpiRow known = materials->value(id);
        row.key = id;
        row.name = known.name.isEmpty() ? id : known.name;
        row.version = known.version;
        row.productId = known.productId;
        row.productName = known.productName;
        row.pageCount = known.pageCount;
        finish(&row);
        k->materials.append(row);
    }
}

void totals(ContentKpis *k)
{
    QHash<QString, ContentKpiRow> products;
    for (const ContentKpiRow &m : std::as_const(k->materials)) {
        k->views += m.views;
        k->viewedPages += m.viewedPages;
        k->viewedDwellMs += m.viewedDwellMs;
        k->presentations += m.presentations;
        k->reactions.positive += m.reactions.positive;
        k->reactions.neutral += m.reactions.neutral;
        k->reactions.negative += m.reactions.negative;
        ContentKpiRow &p = products[m.productId];
        p.key = m.productId;
        p.name = m.productName.isEmpty() ? m.productId : m.productName;
        p.presentations += m.presentations;
        p.views += m.views;
        p.viewedPages += m.viewedPages;
        p.viewedDwellMs += m.viewedDwellMs;
        p.reactions.positive += m.reactions.positive;
        p.reactions.neutral += m.reactions.neutral;
        p.reactions.negative += m.reactions.negative;
    }
    k->avgDwellSec = kpi::ratio(double(k->viewedDwellMs), double(k->viewedPages), 0.001);
    for (ContentKpiRow p : std::as_const(products)) {
        finish(&p);
        k->products.append(p);
    }
    std::sort(k->products.begin(), k->products.end(), [](const ContentKpiRow &a, const ContentKpiRow &b) {
        return a.views != b.views ? a.views > b.views : a.name < b.name;
    });
    rank(&k->materials);
}

// Submitted visits where content can be shown (face to face, remote) and those with an in-call view.
void readCalls(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *k)
{
    auto q = db.query(QStringLiteral(
        "SELECT v.territory_id, EXISTS (SELECT 1 FROM content_view c WHERE c.visit_id = v.id"
        " AND c.mode = 'in_call') FROM visit v WHERE v.status = 'submitted' AND v.visited_at >= :from"
        " AND v.visited_at < :to AND v.channel IN ('face_to_face', 'remote') AND (:rep IS NULL OR v.rep_id = "
        ":rep)"));
    KpiParams(period, scope).bind(q);
    const kpi::ScopeFilter inScope(scope);
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(kpi::columnKey(s, 0)))
            continue;
        ++k->calls;
        if (sqlite3_column_int(s, 1))
            ++k->callsWithContent;
    }
    k->callsWithContentPct = kpi::ratio(double(k->callsWithContent), double(k->calls), 100.0);
}

} // namespace

void kpi::readContent(sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out)
{
    ContentKpis k;
    QHash<QString, ContentKpiRow> materials = readMaterials(db);
    readViews(db, period, scope, &k, &materials);
    totals(&k);
    readCalls(db, period, scope, &k);
    *out = k;
}

bool ContentKpiQueries::compute(
    sql::Database &db, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out, QString *error)
{
    if (!period.isValid()) {
        if (error)
            *error = QStringLiteral("invalid period");
        return false;
    }
    ContentKpis k;
    const bool ok = kpi::guarded(error, [&] { kpi::readContent(db, period, scope, &k); });
    if (ok)
        *out = k;
    return ok;
}

bool ContentKpiQueries::compute(
    Store *store, const KpiPeriod &period, const KpiScope &scope, ContentKpis *out, QString *error)
{
    return compute(*store->database(), period, scope, out, error);
}

bool ContentKpiQueries::hcpHistory(
    sql::Database &db, const QString &hcpId, QList<ContentShowing> *out, QString *error)
{
    QList<ContentShowing> items;
    const bool ok = kpi::guarded(error, [&] {
        auto q = db.query(QStringLiteral(
            "SELECT c.visit_id, c.started_at, c.rep_id, c.material_id, c.page, c.duration_ms, c.reaction,"
            " coalesce(m.title, c.material_id), coalesce(m.material_version, c.material_version), "
            "coalesce(m.page_count, 0)"
            " FROM content_view c LEFT JOIN material m ON m.id = c.material_id"
            " WHERE c.hcp_id = ?1 AND c.mode = 'in_call' ORDER BY c.started_at, c.page"));
        q->bind(1, hcpId);
        QHash<QString, qsizetype> byKey;
        while (q->step()) {
            const QString visit = q->text(0);
            const QString startedText = q->text(1);
            const QString rep = q->text(2);
            const QString material = q->text(3);
            const QString key = visit.isEmpty()
                ? QStringLiteral("d|%1|%2|%3")
                      .arg(rep, material, LocalDay::of(startedText).toString(Qt::ISODate))
                : QStringLiteral("v|%1|%2").arg(visit, material);
            qsizetype at = byKey.value(key, -1);
            if (at < 0) {
                ContentShowing s;
                s.visitId = visit;
                s.startedAt = QDateTime::fromString(startedText, Qt::ISODate).toUTC();
                s.repId = rep;
                s.materialId = material;
                s.title = q->text(7);
                s.version = q->integer(8);
                s.pageCount = q->integer(9);
                at = items.size();
                items.append(s);
                byKey.insert(key, at);
            }
            ContentShowing &s = items[at];
            const int page = q->integer(4);
            const qint64 ms = q->int64(5);
            const QString reaction = q->text(6);
            s.totalMs += ms;
            if (!reaction.isEmpty())
                addReaction(&s.reactions, reaction);
            auto p = std::find_if(
                s.pages.begin(), s.pages.end(), [page](const ContentPageSeen &x) { return x.page == page; });
            if (p == s.pages.end()) {
                s.pages.append(ContentPageSeen {page, 0, QString(), false});
                p = s.pages.end() - 1;
            }
            p->durationMs += ms;
            if (!reaction.isEmpty())
                p->reaction = reaction;
            p->viewed = p->viewed
                || protocol::content::countsAsViewed(
                    ms, reaction.isEmpty() ? QJsonValue() : QJsonValue(reaction));
        }
        for (ContentShowing &s : items) {
            std::sort(s.pages.begin(), s.pages.end(),
                [](const ContentPageSeen &a, const ContentPageSeen &b) { return a.page < b.page; });
            s.pagesShown = int(s.pages.size());
            s.pagesViewed = int(std::count_if(
                s.pages.begin(), s.pages.end(), [](const ContentPageSeen &p) { return p.viewed; }));
        }
        std::stable_sort(items.begin(), items.end(),
            [](const ContentShowing &a, const ContentShowing &b) { return a.startedAt > b.startedAt; });
    });
    *out = ok ? items : QList<ContentShowing> {};
    return ok;
}

bool ContentKpiQueries::hcpHistory(
    Store *store, const QString &hcpId, QList<ContentShowing> *out, QString *error)
{
    return hcpHistory(*store->database(), hcpId, out, error);
}

QList<ContentKpiRow> ContentKpiQueries::rankedForProduct(const ContentKpis &kpis, const QString &productId)
{
    QList<ContentKpiRow> rows;
    int n = 0;
    for (ContentKpiRow r : kpis.materials) {
        if (!productId.isEmpty() && r.productId != productId)
            continue;
        r.rank = r.rank > 0 ? ++n : 0;
        rows.append(r);
    }
    return rows;
}

} // namespace rounds
