// rounds-bench encryption: what the encrypted store (SQLite3 Multiple Ciphers, AEGIS-256) costs
// against the same store left plain, in one process run, alternating the two so neither always runs
// first: a first sync's apply (bulk load, pages of pulled HCPs and visits, indexes made again), HCP
// search, and the manager dashboard's KPI set. See docs/performance.md, "The encrypted store".
//
//   rounds-bench encryption [--rows N] [--page N] [--reps N] [--hcps N] [--visits N] [--runs N] [--json]

#include "bench/benchdata.h"
#include "bench/benchutil.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/hcpquery.h"
#include "models/kpis.h"
#include "models/store.h"
#include "models/storekeys.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <algorithm>

namespace rounds::bench {

namespace {

const QString kBucket = QStringLiteral("t:7e1d6c2a-5b3f-4c1e-9a8d-2f4b6c8d0e1f");

struct Mode
{
    const char *name;
    StoreKeyring *keyring;
};

// A first sync's apply into a new store: bulk load on, the pages, bulk load off (indexes made again).
// Milliseconds, or -1.
double firstSyncApply(const QString &path, const QList<QList<PulledChange>> &pages)
{
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(QStringLiteral("cannot open %1: %2").arg(path, opened.message));
        return -1;
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!store.beginBulkLoad(&error)) {
        out(error);
        return -1;
    }
    qint64 seq = 0;
    for (const QList<PulledChange> &page : pages) {
        seq += page.size();
        const ApplyResult r = store.applyPage(page, {{kBucket, seq}});
        if (!r.ok) {
            out(QStringLiteral("apply failed: %1").arg(r.error));
            return -1;
        }
    }
    if (!store.finishBulkLoad(&error)) {
        out(error);
        return -1;
    }
    return double(timer.nsecsElapsed()) / 1e6;
}

// Every query class of `rounds-bench search`, `reps` queries in all, warm: the median and the p95 of
// one query in milliseconds.
std::pair<double, double> searchTimes(const QString &path, int reps)
{
    Store store;
    if (!store.open(path).ok)
        return {-1, -1};
    QStringList queries;
    for (int length = 1; length <= 3; ++length)
        queries << chineseQueries(length) << latinQueries(length);
    queries << pinyinQueries();
    QList<HcpHit> hits;
    for (const QString &q : queries) { // warm-up
        HcpFilter f;
        f.text = q;
        searchHcps(*store.database(), f, 50, &hits);
    }
    std::vector<double> ms;
    for (int i = 0; i < reps; ++i) {
        HcpFilter f;
        f.text = queries.at(i % queries.size());
        QElapsedTimer t;
        t.start();
        if (!searchHcps(*store.database(), f, 50, &hits))
            return {-1, -1};
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return {percentile(ms, 0.5), percentile(ms, 0.95)};
}

// The dashboard's KPI set (last month, the district) on a generated district: the median of `runs`
// warm computes in milliseconds. The file is made the first time.
double kpiTimes(const QString &path, int hcps, int visits, int runs)
{
    Store store;
    const bool fresh = !QFile::exists(path);
    if (!store.open(path).ok)
        return -1;
    sql::Database &db = *store.database();
    const QDate today = QDate::currentDate();
    if (fresh) {
        try {
            generateDistrict(db, hcps, visits, today);
        } catch (const sql::SqlError &e) {
            out(e.text());
            return -1;
        }
        store.setMeta(QStringLiteral("role"), QStringLiteral("manager"));
    }
    KpiEngine engine(db);
    const QDate lastMonth = QDate(today.year(), today.month(), 1).addMonths(-1);
    const KpiPeriod period = KpiPeriod::month(lastMonth.year(), lastMonth.month());
    QString error;
    const auto scope = engine.resolveScope(QStringLiteral("D"), &error);
    if (!scope)
        return -1;
    KpiResult result;
    for (int i = 0; i < 2; ++i)
        engine.compute(period, *scope, &result, &error);
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        if (!engine.compute(period, *scope, &result, &error))
            return -1;
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return percentile(ms, 0.5);
}

QString percent(double encrypted, double plain)
{
    return QStringLiteral("%1 %").arg(100.0 * (encrypted - plain) / plain, 0, 'f', 1);
}

} // namespace

int encryptionMain(const QStringList &arguments)
{
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.sql.info=false\nrounds.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("rounds-bench encryption: the encrypted store against a plain one, same run"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("encryption"), QStringLiteral("the subcommand"));
    const QCommandLineOption rowsOpt(QStringLiteral("rows"),
        QStringLiteral("HCPs and visits of the first sync."), QStringLiteral("n"), QStringLiteral("100000"));
    const QCommandLineOption pageOpt(QStringLiteral("page"), QStringLiteral("Rows per pulled page."),
        QStringLiteral("n"), QStringLiteral("5000"));
    const QCommandLineOption repsOpt(QStringLiteral("reps"), QStringLiteral("Search queries."),
        QStringLiteral("n"), QStringLiteral("600"));
    const QCommandLineOption hcpsOpt(QStringLiteral("hcps"), QStringLiteral("HCPs of the KPI district."),
        QStringLiteral("n"), QStringLiteral("20000"));
    const QCommandLineOption visitsOpt(QStringLiteral("visits"),
        QStringLiteral("Visits of the KPI district."), QStringLiteral("n"), QStringLiteral("200000"));
    const QCommandLineOption runsOpt(
        QStringLiteral("runs"), QStringLiteral("KPI computes."), QStringLiteral("n"), QStringLiteral("15"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    parser.addOptions({rowsOpt, pageOpt, repsOpt, hcpsOpt, visitsOpt, runsOpt, jsonOpt});
    parser.process(arguments);
    const int rows = std::max(1000, parser.value(rowsOpt).toInt());
    const int pageSize = std::max(100, parser.value(pageOpt).toInt());
    const int reps = std::max(50, parser.value(repsOpt).toInt());
    const int runs = std::max(3, parser.value(runsOpt).toInt());

    // The keys in memory: the figures are the cipher's, not the keychain's.
    MemoryStoreKeyring memory;
    PlainStoreKeyring plain;
    const Mode modes[] = {{"plain", &plain}, {"encrypted", &memory}};

    DataGenerator gen;
    const QList<PulledChange> institutions = gen.institutions(std::max(1, rows / 250), kBucket);
    QStringList institutionIds;
    for (const PulledChange &c : institutions)
        institutionIds << c.id;
    const QList<PulledChange> hcps = gen.hcps(rows, kBucket, institutionIds);
    QStringList hcpIds;
    for (const PulledChange &c : hcps)
        hcpIds << c.id;
    const QList<PulledChange> visits = gen.visits(rows, kBucket, hcpIds);
    QList<QList<PulledChange>> pages;
    for (const QList<PulledChange> *all : {&institutions, &hcps, &visits}) {
        for (qsizetype i = 0; i < all->size(); i += pageSize)
            pages << all->mid(i, pageSize);
    }

    QTemporaryDir dir;
    out(QStringLiteral(
        "== encrypted store vs plain: first sync of %1 HCPs + %1 visits (pages of %2), search (%3 "
        "queries), KPI set (%4 HCPs, %5 visits) ==")
            .arg(rows)
            .arg(pageSize)
            .arg(reps)
            .arg(parser.value(hcpsOpt), parser.value(visitsOpt)));
    // Plain, encrypted, encrypted, plain: each side once first and once second.
    double applyMs[2] = {0, 0};
    double search50[2] = {0, 0};
    double search95[2] = {0, 0};
    double kpiMs[2] = {0, 0};
    const int order[] = {0, 1, 1, 0};
    for (int round = 0; round < 4; ++round) {
        const Mode &mode = modes[order[round]];
        storekeys::setKeyring(mode.keyring);
        const QString tag = QString::fromLatin1(mode.name);
        const double apply
            = firstSyncApply(dir.filePath(QStringLiteral("%1-%2.db").arg(tag).arg(round)), pages);
        const auto [p50, p95]
            = searchTimes(dir.filePath(QStringLiteral("%1-%2.db").arg(tag).arg(round)), reps);
        const double kpi = kpiTimes(dir.filePath(QStringLiteral("kpis-%1.db").arg(tag)),
            parser.value(hcpsOpt).toInt(), parser.value(visitsOpt).toInt(), runs);
        if (apply < 0 || p50 < 0 || kpi < 0) {
            out(QStringLiteral("the %1 run failed").arg(tag));
            return 1;
        }
        out(QStringLiteral("  %1: first-sync apply %2 ms, search p50 %3 ms p95 %4 ms, KPI set %5 ms")
                .arg(tag, -9)
                .arg(apply, 0, 'f', 0)
                .arg(p50, 0, 'f', 2)
                .arg(p95, 0, 'f', 2)
                .arg(kpi, 0, 'f', 1));
        const int m = order[round];
        applyMs[m] += apply / 2;
        search50[m] += p50 / 2;
        search95[m] += p95 / 2;
        kpiMs[m] += kpi / 2;
    }
    storekeys::setKeyring(nullptr);
    out(QStringLiteral("  encrypted vs plain (mean of two runs each): first-sync apply %1 (target <= 15 %), "
                       "search p50 %2 p95 %3 (target <= 10 %), KPI set %4 (target <= 10 %)")
            .arg(percent(applyMs[1], applyMs[0]), percent(search50[1], search50[0]),
                percent(search95[1], search95[0]), percent(kpiMs[1], kpiMs[0])));
    if (parser.isSet(jsonOpt)) {
        QJsonObject o;
        o.insert(QStringLiteral("apply_ms"),
            QJsonObject {{QStringLiteral("plain"), applyMs[0]}, {QStringLiteral("encrypted"), applyMs[1]}});
        o.insert(QStringLiteral("search_p50_ms"),
            QJsonObject {{QStringLiteral("plain"), search50[0]}, {QStringLiteral("encrypted"), search50[1]}});
        o.insert(QStringLiteral("search_p95_ms"),
            QJsonObject {{QStringLiteral("plain"), search95[0]}, {QStringLiteral("encrypted"), search95[1]}});
        o.insert(QStringLiteral("kpi_ms"),
            QJsonObject {{QStringLiteral("plain"), kpiMs[0]}, {QStringLiteral("encrypted"), kpiMs[1]}});
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    return 0;
}

} // namespace rounds::bench
