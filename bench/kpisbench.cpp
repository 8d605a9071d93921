// rounds-bench kpis: every KPI of the manager dashboard (KpiEngine::compute, the period and the
// previous one) over a generated district, warm, p50/p95, against a raw scan of the visit table in the
// same run. See docs/dashboards.md and docs/performance.md.
//
//   rounds-bench kpis [--hcps N] [--visits N] [--runs N] [--db FILE] [--json]

#include "bench/benchutil.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
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

#include <ctime>

namespace rounds::bench {

namespace {

constexpr int kTerritories = 10;
constexpr int kProducts = 6;
constexpr int kSalesProducts = 4;

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

// A district "D" of kTerritories territories, one rep each, a manager; HCPs with tiers and targets
// (5% aligned to a second territory, 3% whose alignment ended half a year ago); a year of visits with
// 1-3 product details; plans; meetings with attendees and expenses; 24 months of sales by
// institution and product, internal and external.
void generateDistrict(sql::Database &db, int hcps, int visits, const QDate &today)
{
    QRandomGenerator rng(20261122);
    const auto pick = [&rng](int n) { return int(rng.bounded(n)); };
    sql::Transaction tx(db);
    db.exec(
        QStringLiteral("INSERT INTO territory(id, code, name, level) VALUES ('d', 'D', '上海', 'district')"));
    db.exec(
        QStringLiteral("INSERT INTO user(id, username, display_name, role, home_territory_id, active) VALUES "
                       "('mgr', 'manager.d', '地区经理', 'manager', 'd', 1)"));
    for (int t = 0; t < kTerritories; ++t) {
        db.exec(QStringLiteral("INSERT INTO territory(id, code, name, level, parent_id, owner_id) VALUES "
                               "('t%1', 'D-%1', '上海%1区', 'territory', 'd', 'r%1')")
                    .arg(t));
        db.exec(
            QStringLiteral("INSERT INTO user(id, username, display_name, role, home_territory_id, active) "
                           "VALUES ('r%1', 'rep.%1', '代表%1', 'rep', 't%1', 1)")
                .arg(t));
    }
    for (int p = 0; p < kProducts; ++p)
        db.exec(QStringLiteral("INSERT INTO product(id, name, active) VALUES ('p%1', '产品%1', 1)").arg(p));
    const int institutions = std::max(1, hcps / 25);
    {
        auto q
            = db.query(QStringLiteral("INSERT INTO institution(id, name, kind) VALUES (?1, ?2, 'hospital')"));
        for (int i = 0; i < institutions; ++i) {
            q->bind(1, QStringLiteral("i%1").arg(i));
            q->bind(2, QStringLiteral("医院%1").arg(i));
            q->run();
            q->reset();
        }
    }
    const QString from = today.addMonths(-24).toString(Qt::ISODate);
    {
        auto h = db.query(QStringLiteral("INSERT INTO hcp(id, full_name, tier, status, institution_id) "
                                         "VALUES (?1, ?2, ?3, 'active', ?4)"));
        auto a
            = db.query(QStringLiteral("INSERT INTO alignment(id, territory_id, hcp_id, valid_from, valid_to, "
                                      "target_calls_per_cycle) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
        const char *tiers[] = {"A", "A", "B", "B", "B", "C", "C", "C", "D", "D"};
        for (int i = 0; i < hcps; ++i) {
            const QString id = QStringLiteral("h%1").arg(i);
            h->bind(1, id);
            h->bind(2, QStringLiteral("医生%1").arg(i));
            h->bind(3, QString::fromLatin1(tiers[pick(10)]));
            h->bind(4, QStringLiteral("i%1").arg(i % institutions));
            h->run();
            h->reset();
            const int extra = pick(100) < 5 ? 2 : 1;
            for (int k = 0; k < extra; ++k) {
                a->bind(1, QStringLiteral("a%1-%2").arg(i).arg(k));
                a->bind(2, QStringLiteral("t%1").arg((i + k * 3) % kTerritories));
                a->bind(3, id);
                a->bind(4, from);
                if (pick(100) < 3)
                    a->bind(5, today.addMonths(-6).toString(Qt::ISODate));
                else
                    a->bindNull(5);
                a->bind(6, pick(10) == 0 ? 0 : 1 + pick(4));
                a->run();
                a->reset();
            }
        }
    }
    {
        auto v = db.query(QStringLiteral("INSERT INTO visit(id, territory_id, hcp_id, institution_id, "
                                         "rep_id, channel, visited_at, status, "
                                         "support_level) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
        auto d = db.query(QStringLiteral(
            "INSERT INTO visit_detail(id, visit_id, product_id, position) VALUES (?1, ?2, ?3, ?4)"));
        const char *channels[]
            = {"face_to_face", "face_to_face", "face_to_face", "remote", "phone", "message", "material"};
        const QDateTime start(today.addDays(-365), QTime(0, 0));
        for (int i = 0; i < visits; ++i) {
            const int hcp = pick(hcps);
            const int terr = hcp % kTerritories;
            const QString id = QStringLiteral("v%1").arg(i);
            v->bind(1, id);
            v->bind(2, QStringLiteral("t%1").arg(terr));
            v->bind(3, QStringLiteral("h%1").arg(hcp));
            v->bind(4, QStringLiteral("i%1").arg(hcp % institutions));
            v->bind(5, QStringLiteral("r%1").arg(terr));
            v->bind(6, QString::fromLatin1(channels[pick(7)]));
            v->bind(7, iso(start.addSecs(qint64(pick(365)) * 86400 + 8 * 3600 + pick(10 * 3600))));
            v->bind(8, pick(100) < 95 ? QStringLiteral("submitted") : QStringLiteral("draft"));
            v->bind(9, 1 + pick(5));
            v->run();
            v->reset();
            const int details = 1 + pick(3);
            for (int k = 0; k < details; ++k) {
                d->bind(1, QStringLiteral("%1-%2").arg(id).arg(k));
                d->bind(2, id);
                d->bind(3, QStringLiteral("p%1").arg(pick(kProducts)));
                d->bind(4, k + 1);
                d->run();
                d->reset();
            }
        }
    }
    {
        auto p
            = db.query(QStringLiteral("INSERT INTO visit_plan(id, territory_id, hcp_id, planned_at, channel, "
                                      "status) VALUES (?1, ?2, ?3, ?4, 'face_to_face', ?5)"));
        const char *statuses[] = {"done", "done", "done", "planned", "cancelled"};
        for (int i = 0; i < visits / 10; ++i) {
            const int hcp = pick(hcps);
            p->bind(1, QStringLiteral("pl%1").arg(i));
            p->bind(2, QStringLiteral("t%1").arg(hcp % kTerritories));
            p->bind(3, QStringLiteral("h%1").arg(hcp));
            p->bind(4, iso(QDateTime(today.addDays(-365 + pick(395)), QTime(9, 0))));
            p->bind(5, QString::fromLatin1(statuses[pick(5)]));
            p->run();
            p->reset();
        }
    }
    {
        auto m
            = db.query(QStringLiteral("INSERT INTO meeting(id, territory_id, title, kind, mode, status, "
                                      "starts_at, owner_id, budget_minor) "
                                      "VALUES (?1, ?2, '学术会议', 'academic', 'offline', ?3, ?4, ?5, ?6)"));
        auto at
            = db.query(QStringLiteral("INSERT INTO meeting_attendee(id, meeting_id, hcp_id, role, signed_in, "
                                      "fee_minor) VALUES (?1, ?2, ?3, 'attendee', ?4, 0)"));
        auto ex
            = db.query(QStringLiteral("INSERT INTO meeting_expense(id, meeting_id, category, amount_minor, "
                                      "status) VALUES (?1, ?2, 'venue', ?3, 'actual')"));
        for (int i = 0; i < 500; ++i) {
            const QString id = QStringLiteral("m%1").arg(i);
            const int terr = pick(kTerritories);
            m->bind(1, id);
            m->bind(2, QStringLiteral("t%1").arg(terr));
            m->bind(3, pick(4) == 0 ? QStringLiteral("approved") : QStringLiteral("held"));
            m->bind(4, iso(QDateTime(today.addDays(-pick(365)), QTime(18, 0))));
            m->bind(5, QStringLiteral("r%1").arg(terr));
            m->bind(6, 500000 + 100000 * pick(20));
            m->run();
            m->reset();
            for (int k = 0; k < 10; ++k) {
                at->bind(1, QStringLiteral("%1-a%2").arg(id).arg(k));
                at->bind(2, id);
                at->bind(3, QStringLiteral("h%1").arg(pick(hcps)));
                at->bind(4, pick(5) != 0);
                at->run();
                at->reset();
            }
            for (int k = 0; k < 3; ++k) {
                ex->bind(1, QStringLiteral("%1-e%2").arg(id).arg(k));
                ex->bind(2, id);
                ex->bind(3, 50000 + 10000 * pick(50));
                ex->run();
                ex->reset();
            }
        }
    }
    {
        auto s = db.query(
            QStringLiteral("INSERT INTO sales_fact(id, territory_id, institution_id, product_id, "
                           "month, units, value_minor, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        qint64 n = 0;
        for (int i = 0; i < institutions; ++i) {
            for (int p = 0; p < kSalesProducts; ++p) {
                const int base = 50 + pick(400);
                for (int m = 1; m <= 24; ++m) {
                    for (const char *source : {"internal", "external"}) {
                        const int units = base + pick(base / 2 + 1);
                        s->bind(1, QStringLiteral("s%1").arg(++n));
                        s->bind(2, QStringLiteral("t%1").arg(i % kTerritories));
                        s->bind(3, QStringLiteral("i%1").arg(i));
                        s->bind(4, QStringLiteral("p%1").arg(p));
                        s->bind(5, today.addMonths(-m).toString(QStringLiteral("yyyy-MM")));
                        s->bind(6, units);
                        s->bind(7, qint64(units) * (8800 + 1500 * p));
                        s->bind(8, QString::fromLatin1(source));
                        s->run();
                        s->reset();
                    }
                }
            }
        }
    }
    tx.commit();
    db.exec(QStringLiteral("ANALYZE"));
}

namespace {

struct Timing
{
    double p50 = 0;
    double p95 = 0;
    // The process's CPU time: the work done by compute() on both its threads (the previous period runs
    // on a second one), which the shared machine's load does not inflate. On an idle 2-core machine
    // the wall time lies between half of it and all of it.
    double cpuP50 = 0;
};

double processCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template<typename F> Timing measure(int runs, F &&body)
{
    for (int i = 0; i < 2; ++i)
        body(); // warm: the cache is excluded, as the issue asks
    std::vector<double> ms;
    std::vector<double> cpu;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const double c = processCpuMs();
        body();
        cpu.push_back(processCpuMs() - c);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return Timing {percentile(ms, 0.5), percentile(ms, 0.95), percentile(cpu, 0.5)};
}

} // namespace

int kpisMain(const QStringList &arguments)
{
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.sql.info=false\nrounds.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("rounds-bench kpis: every dashboard KPI, warm, p50/p95"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("kpis"), QStringLiteral("the subcommand"));
    const QCommandLineOption hcpsOpt(
        QStringLiteral("hcps"), QStringLiteral("HCPs."), QStringLiteral("n"), QStringLiteral("50000"));
    const QCommandLineOption visitsOpt(QStringLiteral("visits"), QStringLiteral("Visits (a year)."),
        QStringLiteral("n"), QStringLiteral("500000"));
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"), QStringLiteral("Measured runs."), QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption dbOpt(
        QStringLiteral("db"), QStringLiteral("Database (kept and reused)."), QStringLiteral("file"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    parser.addOptions({hcpsOpt, visitsOpt, runsOpt, dbOpt, jsonOpt});
    parser.process(arguments);
    const int hcps = std::max(1, parser.value(hcpsOpt).toInt());
    const int visits = std::max(0, parser.value(visitsOpt).toInt());
    const int runs = std::max(3, parser.value(runsOpt).toInt());
    const QString path = parser.isSet(dbOpt)
        ? parser.value(dbOpt)
        : QStringLiteral("/tmp/rounds-bench-kpis-%1-%2.db").arg(hcps).arg(visits);

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
            generateDistrict(db, hcps, visits, today);
        } catch (const sql::SqlError &e) {
            out(e.text());
            return 1;
        }
        store.setMeta(QStringLiteral("role"), QStringLiteral("manager"));
        out(QStringLiteral("generated %1: %2 HCPs, %3 visits, %4 sales facts in %5 s")
                .arg(path)
                .arg(hcps)
                .arg(visits)
                .arg(db.scalarInt(QStringLiteral("SELECT count(*) FROM sales_fact")))
                .arg(double(t.elapsed()) / 1000, 0, 'f', 1));
    }

    KpiEngine engine(db);
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const KpiPeriod period = KpiPeriod::month(lastMonth.year(), lastMonth.month());
    QString error;
    const auto scope = engine.resolveScope(QStringLiteral("D"), &error);
    if (!scope) {
        out(error);
        return 1;
    }
    KpiResult result;
    bool ok = true;
    const Timing kpis = measure(runs, [&] { ok = engine.compute(period, *scope, &result, &error) && ok; });
    if (!ok) {
        out(error);
        return 1;
    }
    // The same month on one thread, for a ratio in the same run: inside a caller's transaction compute()
    // does not open its second reader.
    db.exec(QStringLiteral("BEGIN"));
    db.scalarInt(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    const Timing kpisSerial = measure(runs, [&] { engine.compute(period, *scope, &result, &error); });
    db.exec(QStringLiteral("COMMIT"));
    const KpiPeriod quarter = *KpiPeriod::parse(
        QStringLiteral("%1-Q%2").arg(lastMonth.year()).arg((lastMonth.month() - 1) / 3 + 1));
    const Timing kpisQuarter = measure(runs, [&] { engine.compute(quarter, *scope, &result, &error); });
    const auto rep = engine.resolveScope(QStringLiteral("rep.0"), &error);
    const Timing kpisRep = measure(runs, [&] { engine.compute(period, *rep, &result, &error); });
    engine.compute(period, *scope, &result, &error);
    // The reference: one full scan of the visit table, grouped.
    qint64 sink = 0;
    const Timing scan = measure(runs, [&] {
        auto q = db.query(QStringLiteral("SELECT rep_id, count(*) FROM visit GROUP BY rep_id"));
        while (q->step())
            sink += q->int64(1);
    });

    out(QStringLiteral("KPIs of %1 for district D (%2 HCPs, %3 visits, %4 targets, %5 calls in the month):")
            .arg(period.label())
            .arg(hcps)
            .arg(visits)
            .arg(result.now.targets)
            .arg(result.now.calls));
    out(QStringLiteral("  full KPI set, month:    p50 %1 ms  p95 %2 ms  cpu p50 %3 ms  (goal < 150 ms)")
            .arg(kpis.p50, 0, 'f', 1)
            .arg(kpis.p95, 0, 'f', 1)
            .arg(kpis.cpuP50, 0, 'f', 1));
    out(QStringLiteral("  same month, one thread: p50 %1 ms  p95 %2 ms  cpu p50 %3 ms  (two threads: %4x)")
            .arg(kpisSerial.p50, 0, 'f', 1)
            .arg(kpisSerial.p95, 0, 'f', 1)
            .arg(kpisSerial.cpuP50, 0, 'f', 1)
            .arg(kpis.p50 / std::max(kpisSerial.p50, 0.001), 0, 'f', 2));
    out(QStringLiteral("  full KPI set, quarter:  p50 %1 ms  p95 %2 ms  cpu p50 %3 ms")
            .arg(kpisQuarter.p50, 0, 'f', 1)
            .arg(kpisQuarter.p95, 0, 'f', 1)
            .arg(kpisQuarter.cpuP50, 0, 'f', 1));
    out(QStringLiteral("  full KPI set, one rep:  p50 %1 ms  p95 %2 ms  cpu p50 %3 ms")
            .arg(kpisRep.p50, 0, 'f', 1)
            .arg(kpisRep.p95, 0, 'f', 1)
            .arg(kpisRep.cpuP50, 0, 'f', 1));
    out(QStringLiteral("  reference, SELECT rep_id, count(*) FROM visit GROUP BY rep_id: p50 %1 ms  p95 %2 "
                       "ms  cpu p50 %3 ms")
            .arg(scan.p50, 0, 'f', 1)
            .arg(scan.p95, 0, 'f', 1)
            .arg(scan.cpuP50, 0, 'f', 1));
    out(QStringLiteral("  ratio KPI set / reference scan: %1 (cpu %2)")
            .arg(kpis.p50 / std::max(scan.p50, 0.001), 0, 'f', 2)
            .arg(kpis.cpuP50 / std::max(scan.cpuP50, 0.001), 0, 'f', 2));
    if (parser.isSet(jsonOpt)) {
        const QJsonObject json {{QStringLiteral("hcps"), hcps}, {QStringLiteral("visits"), visits},
            {QStringLiteral("period"), period.label()}, {QStringLiteral("targets"), result.now.targets},
            {QStringLiteral("calls"), result.now.calls}, {QStringLiteral("kpis_p50_ms"), kpis.p50},
            {QStringLiteral("kpis_p95_ms"), kpis.p95}, {QStringLiteral("kpis_cpu_p50_ms"), kpis.cpuP50},
            {QStringLiteral("kpis_quarter_cpu_p50_ms"), kpisQuarter.cpuP50},
            {QStringLiteral("kpis_one_thread_p50_ms"), kpisSerial.p50},
            {QStringLiteral("kpis_one_thread_cpu_p50_ms"), kpisSerial.cpuP50},
            {QStringLiteral("scan_cpu_p50_ms"), scan.cpuP50},
            {QStringLiteral("kpis_quarter_p50_ms"), kpisQuarter.p50},
            {QStringLiteral("kpis_quarter_p95_ms"), kpisQuarter.p95},
            {QStringLiteral("kpis_rep_p50_ms"), kpisRep.p50}, {QStringLiteral("scan_p50_ms"), scan.p50},
            {QStringLiteral("scan_p95_ms"), scan.p95},
            {QStringLiteral("ratio"), kpis.p50 / std::max(scan.p50, 0.001)}, {QStringLiteral("goal_ms"), 150},
            {QStringLiteral("ok"), kpis.p95 < 150}};
        out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    }
    return sink >= 0 ? 0 : 1;
}

} // namespace rounds::bench
