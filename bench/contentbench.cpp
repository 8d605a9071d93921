// rounds-bench content: the content KPIs (models/contentkpis.h) over a district with N page views in a
// year (100k by default), warm, p50/p95: the month and the quarter of the district, one rep, the whole
// dashboard (KpiEngine::compute, which now includes them) and the HCP with the most views' content
// history. See docs/content-analytics.md and docs/performance.md.
//
//   rounds-bench content [--views N] [--runs N] [--db FILE] [--json]

#include "bench/benchutil.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/contentkpis.h"
#include "models/kpis.h"
#include "models/store.h"

#include <QCommandLineParser>
#include <QDate>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>

#include <vector>

namespace rounds::bench {

namespace {

struct Timing
{
    double p50 = 0;
    double p95 = 0;
};

template<typename F> Timing measure(int runs, F &&body)
{
    for (int i = 0; i < 2; ++i)
        body();
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        body();
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return Timing {percentile(ms, 0.5), percentile(ms, 0.95)};
}

// Three materials per product of the district; page views for the submitted face-to-face visits, in
// visit order, until `views` are written (one in eight anonymous, as without tracking consent).
void generateViews(sql::Database &db, int views)
{
    QRandomGenerator rng(20261207);
    const auto pick = [&rng](int n) { return int(rng.bounded(n)); };
    sql::Transaction tx(db);
    QStringList products;
    {
        auto q = db.query(QStringLiteral("SELECT id FROM product ORDER BY id"));
        while (q->step())
            products << q->text(0);
    }
    QList<QPair<QString, QString>> materials; // id, product
    auto m = db.query(QStringLiteral(
        "INSERT INTO material(id, title, product_id, kind, language, material_version, status, "
        "file, page_count) VALUES (?1, ?2, ?3, 'pdf', 'zh_CN', 1, 'approved', "
        "'sha256:00:a.pdf', 12)"));
    for (const QString &p : std::as_const(products)) {
        for (int i = 0; i < 3; ++i) {
            const QString id = QStringLiteral("m-%1-%2").arg(p).arg(i);
            m->bind(1, id);
            m->bind(2, QStringLiteral("资料 %1 %2").arg(p).arg(i));
            m->bind(3, p);
            m->run();
            m->reset();
            materials.append({id, p});
        }
    }
    auto v = db.query(
        QStringLiteral("SELECT id, territory_id, rep_id, hcp_id, visited_at FROM visit WHERE status = "
                       "'submitted' AND channel = 'face_to_face' ORDER BY visited_at"));
    auto ins = db.query(QStringLiteral(
        "INSERT INTO content_view(id, territory_id, rep_id, material_id, material_version, page, started_at, "
        "duration_ms, reaction, mode, visit_id, hcp_id) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, "
        "'in_call', ?9, ?10)"));
    const char *reactions[] = {"positive", "neutral", "negative"};
    int n = 0;
    std::vector<QStringList> rows;
    while (v->step())
        rows.push_back({v->text(0), v->text(1), v->text(2), v->text(3), v->text(4)});
    // Spread the views over the visits evenly: about views / visits pages per visit.
    const int perVisit = std::max(1, int(views / std::max<size_t>(1, rows.size())) + 1);
    for (const QStringList &r : rows) {
        if (n >= views)
            break;
        const bool anonymous = pick(8) == 0;
        const auto &[material, product] = materials.at(pick(int(materials.size())));
        QDateTime at = QDateTime::fromString(r.at(4), Qt::ISODate).addSecs(120);
        for (int page = 1; page <= perVisit && n < views; ++page, ++n) {
            const qint64 ms = pick(6) == 0 ? 500 + pick(1500) : 2000 + pick(38000);
            ins->bind(1, QStringLiteral("cv-%1").arg(n));
            ins->bind(2, r.at(1));
            ins->bind(3, r.at(2));
            ins->bind(4, material);
            ins->bind(5, page);
            ins->bind(6, at.toUTC().toString(Qt::ISODateWithMs));
            ins->bind(7, ms);
            ins->bind(8, pick(4) == 0 ? QString::fromLatin1(reactions[pick(3)]) : QString());
            ins->bind(9, anonymous ? QString() : r.at(0));
            ins->bind(10, anonymous ? QString() : r.at(3));
            ins->run();
            ins->reset();
            at = at.addMSecs(ms + 400);
        }
    }
    tx.commit();
}

} // namespace

int contentMain(const QStringList &arguments)
{
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.sql.info=false\nrounds.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("rounds-bench content: the content KPIs, warm, p50/p95"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("content"), QStringLiteral("the subcommand"));
    const QCommandLineOption viewsOpt(QStringLiteral("views"), QStringLiteral("Page views (a year)."),
        QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"), QStringLiteral("Measured runs."), QStringLiteral("n"), QStringLiteral("20"));
    const QCommandLineOption dbOpt(
        QStringLiteral("db"), QStringLiteral("Database (kept and reused)."), QStringLiteral("file"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    parser.addOptions({viewsOpt, runsOpt, dbOpt, jsonOpt});
    parser.process(arguments);
    const int views = std::max(0, parser.value(viewsOpt).toInt());
    const int runs = std::max(3, parser.value(runsOpt).toInt());
    const QString path = parser.isSet(dbOpt) ? parser.value(dbOpt)
                                             : QStringLiteral("/tmp/rounds-bench-content-%1.db").arg(views);
    const QDate today = QDate::currentDate();
    Store store;
    const bool fresh = !QFileInfo::exists(path);
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(QStringLiteral("cannot open %1: %2").arg(path, opened.message));
        return 1;
    }
    sql::Database &db = *store.database();
    if (fresh) {
        QElapsedTimer t;
        t.start();
        try {
            // The district of `rounds-bench kpis` at a tenth of its size, then the views.
            generateDistrict(db, 5000, 50000, today);
            generateViews(db, views);
        } catch (const sql::SqlError &e) {
            out(e.text());
            return 1;
        }
        store.setMeta(QStringLiteral("role"), QStringLiteral("manager"));
        out(QStringLiteral("generated %1: %2 page views in %3 s")
                .arg(path)
                .arg(db.scalarInt(QStringLiteral("SELECT count(*) FROM content_view")))
                .arg(double(t.elapsed()) / 1000, 0, 'f', 1));
    }
    KpiEngine engine(db);
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const KpiPeriod month = KpiPeriod::month(lastMonth.year(), lastMonth.month());
    const KpiPeriod year {KpiPeriod::Kind::Cycle, today.addDays(-365), today};
    QString error;
    const auto district = engine.resolveScope(QStringLiteral("D"), &error);
    const auto rep = engine.resolveScope(QStringLiteral("rep.0"), &error);
    if (!district || !rep) {
        out(error);
        return 1;
    }
    ContentKpis k;
    bool ok = true;
    const Timing tMonth
        = measure(runs, [&] { ok = ContentKpiQueries::compute(db, month, *district, &k, &error) && ok; });
    const qint64 monthViews = k.views;
    const Timing tYear
        = measure(runs, [&] { ok = ContentKpiQueries::compute(db, year, *district, &k, &error) && ok; });
    const qint64 yearViews = k.views;
    const Timing tRep
        = measure(runs, [&] { ok = ContentKpiQueries::compute(db, month, *rep, &k, &error) && ok; });
    KpiResult result;
    const Timing tDashboard
        = measure(runs, [&] { ok = engine.compute(month, *district, &result, &error) && ok; });
    const QString hcp = db.scalarText(QStringLiteral("SELECT hcp_id FROM content_view WHERE hcp_id IS NOT "
                                                     "NULL GROUP BY hcp_id ORDER BY count(*) DESC LIMIT 1"));
    QList<ContentShowing> history;
    const Timing tHistory
        = measure(runs, [&] { ok = ContentKpiQueries::hcpHistory(db, hcp, &history, &error) && ok; });
    if (!ok) {
        out(error);
        return 1;
    }
    out(QStringLiteral("content KPIs, district D, %1 page views in the store:")
            .arg(db.scalarInt(QStringLiteral("SELECT count(*) FROM content_view"))));
    const auto line = [](const QString &name, const Timing &t, const QString &note) {
        out(QStringLiteral("  %1 p50 %2 ms  p95 %3 ms  %4")
                .arg(name)
                .arg(t.p50, 0, 'f', 1)
                .arg(t.p95, 0, 'f', 1)
                .arg(note));
    };
    line(QStringLiteral("month (%1), district:   ").arg(month.label()), tMonth,
        QStringLiteral("(%1 views)").arg(monthViews));
    line(QStringLiteral("365 days, district:        "), tYear, QStringLiteral("(%1 views)").arg(yearViews));
    line(QStringLiteral("month, one rep:            "), tRep, QString());
    line(QStringLiteral("whole dashboard, month:    "), tDashboard, QStringLiteral("(goal < 150 ms)"));
    line(QStringLiteral("HCP content history:       "), tHistory,
        QStringLiteral("(%1 showings)").arg(history.size()));
    if (parser.isSet(jsonOpt)) {
        const QJsonObject json {{QStringLiteral("views"), views}, {QStringLiteral("month_views"), monthViews},
            {QStringLiteral("month_p50_ms"), tMonth.p50}, {QStringLiteral("month_p95_ms"), tMonth.p95},
            {QStringLiteral("year_p50_ms"), tYear.p50}, {QStringLiteral("year_p95_ms"), tYear.p95},
            {QStringLiteral("rep_p50_ms"), tRep.p50}, {QStringLiteral("dashboard_p50_ms"), tDashboard.p50},
            {QStringLiteral("dashboard_p95_ms"), tDashboard.p95},
            {QStringLiteral("history_p50_ms"), tHistory.p50}, {QStringLiteral("ok"), tDashboard.p95 < 150}};
        out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
    return 0;
}

} // namespace rounds::bench
