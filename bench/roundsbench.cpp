// rounds-bench: the performance figures of the local store (issue 3), measured in one process run
// against a raw sqlite3 reference where there is one. See docs/performance.md.
//
//   rounds-bench apply    [--rows N] [--page N]       bulk apply vs a raw sqlite3 prepared-insert loop
//   rounds-bench generate [--hcps N] [--db FILE]      build an HCP database through the apply path
//   rounds-bench search   [--db FILE] [--reps N]      p50/p95 of 1-3 character Chinese and Latin queries, and
//   pinyin rounds-bench list     [--db FILE]                 first page of the HCP list model, and peak RSS
//   rounds-bench all      [options]                   all of the above (list in a fresh process)
//   rounds-bench sync     [--hcps N] [--visits N] [--json]  a first full sync from a real rounds-server on
//                         127.0.0.1 through the real engine, vs a raw sqlite3 insert loop of the same rows
//   rounds-bench kpis     [--hcps N] [--visits N] [--json]  every dashboard KPI (bench/kpisbench.cpp)
//   rounds-bench content  [--views N] [--json]  the content KPIs (bench/contentbench.cpp)
//   rounds-bench encryption [--rows N] [--hcps N] [--visits N] [--json]  the encrypted store against a plain
//                         one in the same run: first-sync apply, search, KPI set (bench/encryptionbench.cpp)
//   rounds-bench files    [--files N] [--mb N] [--json]  a library of materials downloaded by the client's
//                         queue vs curl of the same files, same server, same run; a stop at half resumed
//
// Stores open as the client opens them, encrypted with a key in the system keychain: run it in a session
// with a keychain (or as tools/fulltest.sh does, under dbus-run-session with gnome-keyring-daemon).

#include "bench/benchdata.h"
#include "bench/benchutil.h"
#include "common/protocol/codec.h"
#include "common/protocol/ddl.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/migrations.h"
#include "models/clientschema.h"
#include "models/hcplistmodel.h"
#include "models/hcpquery.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/syncledger.h"
#include "sync/syncsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <variant>
#include <vector>

using namespace rounds;

namespace {

const QString kBucket = QStringLiteral("t:7e1d6c2a-5b3f-4c1e-9a8d-2f4b6c8d0e1f");

using bench::out;
using bench::statusKb;

// --- apply --------------------------------------------------------------------------------------------
using bench::rawInsertRate;

double storeApplyRate(const QString &path, const QList<PulledChange> &rows, int page)
{
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(QStringLiteral("cannot open %1: %2").arg(path, opened.message));
        return 0;
    }
    QElapsedTimer timer;
    timer.start();
    qint64 seq = 0;
    for (qsizetype i = 0; i < rows.size(); i += page) {
        const QList<PulledChange> chunk = rows.mid(i, page);
        seq += chunk.size();
        const ApplyResult r = store.applyPage(chunk, {{kBucket, seq}});
        if (!r.ok) {
            out(QStringLiteral("apply failed: %1").arg(r.error));
            return 0;
        }
    }
    return double(rows.size()) / (double(timer.nsecsElapsed()) / 1e9);
}

int benchApply(int rows, int page)
{
    QTemporaryDir dir;
    bench::DataGenerator gen;
    out(QStringLiteral("== bulk apply: %1 rows per entity, pages of %2, same run ==").arg(rows).arg(page));
    QStringList hcpIds;
    for (int i = 0; i < 1000; ++i)
        hcpIds << gen.uuid();
    const QList<PulledChange> visits = gen.visits(rows, kBucket, hcpIds);
    const QList<PulledChange> institutions = gen.institutions(qMax(1, rows / 250), kBucket);
    QStringList institutionIds;
    for (const PulledChange &c : institutions)
        institutionIds << c.id;
    const QList<PulledChange> hcps = gen.hcps(rows, kBucket, institutionIds);

    const struct
    {
        const char *entity;
        const QList<PulledChange> *rows;
        const char *note;
    } cases[] = {{"visit", &visits, "13 fields, 6 indexes"},
        {"hcp", &hcps, "11 fields; triggers keep the FTS5 trigram and name gram indexes"}};
    for (const auto &c : cases) {
        const protocol::Entity *e = protocol::Schema::instance().entity(QString::fromLatin1(c.entity));
        const QString tag = QString::fromLatin1(c.entity);
        // Alternate the order so neither side always runs on a cold page cache.
        const double raw1 = rawInsertRate(dir.filePath(tag + QStringLiteral("-raw1.db")), *e, *c.rows, page);
        const double ours1 = storeApplyRate(dir.filePath(tag + QStringLiteral("-store1.db")), *c.rows, page);
        const double ours2 = storeApplyRate(dir.filePath(tag + QStringLiteral("-store2.db")), *c.rows, page);
        const double raw2 = rawInsertRate(dir.filePath(tag + QStringLiteral("-raw2.db")), *e, *c.rows, page);
        const double raw = (raw1 + raw2) / 2;
        const double ours = (ours1 + ours2) / 2;
        out(QStringLiteral("%1 (%2):").arg(tag, QString::fromLatin1(c.note)));
        out(QStringLiteral("  raw sqlite3 prepared insert : %1 rows/s").arg(raw, 0, 'f', 0));
        out(QStringLiteral("  Store::applyPage            : %1 rows/s (JSON in, record_bucket, cursors)")
                .arg(ours, 0, 'f', 0));
        out(QStringLiteral("  ratio                       : %1 %").arg(100.0 * ours / raw, 0, 'f', 1));
    }
    return 0;
}

// --- generate ---------------------------------------------------------------------------------------

int generate(const QString &path, int hcps)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(opened.message);
        return 1;
    }
    bench::DataGenerator gen;
    out(QStringLiteral("== generate: %1 HCPs into %2 ==").arg(hcps).arg(path));
    const QList<PulledChange> institutions = gen.institutions(qMax(1, hcps / 250), kBucket);
    QStringList institutionIds;
    for (const PulledChange &c : institutions)
        institutionIds << c.id;
    store.applyPage(institutions, {});
    QElapsedTimer timer;
    timer.start();
    QStringList hcpIds;
    const int page = 5000;
    for (int done = 0; done < hcps; done += page) {
        const QList<PulledChange> chunk = gen.hcps(qMin(page, hcps - done), kBucket, institutionIds);
        for (const PulledChange &c : chunk) {
            if (hcpIds.size() < 20000)
                hcpIds << c.id;
        }
        const ApplyResult r = store.applyPage(chunk, {{kBucket, done + chunk.size()}});
        if (!r.ok) {
            out(r.error);
            return 1;
        }
    }
    const double hcpSeconds = double(timer.nsecsElapsed()) / 1e9;
    const QList<PulledChange> visits = gen.visits(hcps / 5, kBucket, hcpIds);
    for (qsizetype i = 0; i < visits.size(); i += page)
        store.applyPage(visits.mid(i, page), {});
    store.close();
    out(QStringLiteral(
        "  %1 HCPs applied in %2 s (%3 rows/s, search indexes included), plus %4 visits; file %5 MB")
            .arg(hcps)
            .arg(hcpSeconds, 0, 'f', 1)
            .arg(hcps / hcpSeconds, 0, 'f', 0)
            .arg(visits.size())
            .arg(double(QFileInfo(path).size()) / 1048576.0, 0, 'f', 0));
    return 0;
}

// --- search -------------------------------------------------------------------------------------------

int benchSearch(const QString &path, int reps)
{
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(opened.message);
        return 1;
    }
    const qint64 count = store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp"));
    out(QStringLiteral("== search: %1 HCPs, first 50 hits in relevance order, %2 queries per class ==")
            .arg(count)
            .arg(reps));
    bool allUnder = true;
    for (const char *script : {"Chinese", "Latin", "Pinyin"}) {
        for (int length = 1; length <= 3; ++length) {
            const bool pinyin = qstrcmp(script, "Pinyin") == 0;
            if (pinyin && length > 1)
                break; // one class of mixed lengths
            const QStringList queries = pinyin    ? bench::pinyinQueries()
                : qstrcmp(script, "Chinese") == 0 ? bench::chineseQueries(length)
                                                  : bench::latinQueries(length);
            QList<HcpHit> hits;
            for (const QString &q : queries) { // warm-up
                HcpFilter f;
                f.text = q;
                searchHcps(*store.database(), f, 50, &hits);
            }
            std::vector<double> ms;
            qint64 totalHits = 0;
            for (int i = 0; i < reps; ++i) {
                HcpFilter f;
                f.text = queries.at(i % queries.size());
                QElapsedTimer t;
                t.start();
                QString error;
                if (!searchHcps(*store.database(), f, 50, &hits, &error)) {
                    out(error);
                    return 1;
                }
                ms.push_back(double(t.nsecsElapsed()) / 1e6);
                totalHits += hits.size();
            }
            std::sort(ms.begin(), ms.end());
            const double p50 = ms[ms.size() / 2];
            const double p95 = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
            allUnder = allUnder && p95 < 10.0;
            out(QStringLiteral("  %1 %2: p50 %3 ms  p95 %4 ms  max %5 ms  (avg %6 hits)")
                    .arg(QString::fromLatin1(script), -7)
                    .arg(pinyin ? QStringLiteral("mixed ") : QStringLiteral("%1 char").arg(length))
                    .arg(p50, 0, 'f', 2)
                    .arg(p95, 0, 'f', 2)
                    .arg(ms.back(), 0, 'f', 2)
                    .arg(double(totalHits) / reps, 0, 'f', 1));
        }
    }
    out(QStringLiteral("  p95 under 10 ms in every class: %1")
            .arg(allUnder ? QStringLiteral("yes") : QStringLiteral("NO")));
    return 0;
}

// --- list ---------------------------------------------------------------------------------------------

int benchList(const QString &path)
{
    out(QStringLiteral("== HCP list model: first page on %1 ==").arg(path));
    QElapsedTimer total;
    total.start();
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (!opened.ok) {
        out(opened.message);
        return 1;
    }
    const double openMs = double(total.nsecsElapsed()) / 1e6;
    QElapsedTimer t;
    t.start();
    HcpListModel model(&store);
    // What a view does to paint the first screen: every cell of the first page.
    int cells = 0;
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < model.columnCount(); ++c)
            cells += model.data(model.index(r, c)).isValid() ? 1 : 0;
    }
    const double firstPageMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    model.sort(HcpListModel::Name, Qt::DescendingOrder);
    const double resortMs = double(t.nsecsElapsed()) / 1e6;
    t.restart();
    HcpFilter f;
    f.tier = QStringLiteral("A");
    f.notVisitedDays = 30;
    model.setFilter(f);
    const double filterMs = double(t.nsecsElapsed()) / 1e6;
    const qint64 count = store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp"));
    out(QStringLiteral("  %1 HCPs; open + migrate check %2 ms").arg(count).arg(openMs, 0, 'f', 1));
    out(QStringLiteral("  first page (%1 rows, %2 cells read) %3 ms")
            .arg(model.pageSize())
            .arg(cells)
            .arg(firstPageMs, 0, 'f', 1));
    out(QStringLiteral("  re-sort by name descending %1 ms; filter tier A + not visited in 30 days %2 ms")
            .arg(resortMs, 0, 'f', 1)
            .arg(filterMs, 0, 'f', 1));
    out(QStringLiteral("  peak RSS %1 MB (VmHWM), current %2 MB")
            .arg(double(statusKb("VmHWM:")) / 1024.0, 0, 'f', 1)
            .arg(double(statusKb("VmRSS:")) / 1024.0, 0, 'f', 1));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (const int rc = bench::runSubcommand(app.arguments()); rc != bench::NotMine)
        return rc; // subcommands with their own options: bench/benchutil.cpp
    QCoreApplication::setApplicationName(QStringLiteral("rounds-bench"));
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.sql.info=false\nrounds.store.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Performance figures of the Rounds local store"));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("command"), QStringLiteral("apply | generate | search | list | all"));
    QCommandLineOption rowsOpt(QStringLiteral("rows"), QStringLiteral("Rows per entity for apply."),
        QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption pageOpt(QStringLiteral("page"), QStringLiteral("Rows per pulled page."),
        QStringLiteral("n"), QStringLiteral("5000"));
    QCommandLineOption hcpsOpt(QStringLiteral("hcps"), QStringLiteral("HCPs for generate."),
        QStringLiteral("n"), QStringLiteral("100000"));
    QCommandLineOption dbOpt(
        QStringLiteral("db"), QStringLiteral("Database for generate/search/list."), QStringLiteral("file"));
    QCommandLineOption repsOpt(QStringLiteral("reps"), QStringLiteral("Queries per search class."),
        QStringLiteral("n"), QStringLiteral("300"));
    QCommandLineOption visitsOpt(QStringLiteral("visits"), QStringLiteral("Visits for sync."),
        QStringLiteral("n"), QStringLiteral("20000"));
    QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("End with one JSON object (sync)."));
    parser.addOptions({rowsOpt, pageOpt, hcpsOpt, dbOpt, repsOpt, visitsOpt, jsonOpt});
    parser.process(app);
    const QString command = parser.positionalArguments().value(0, QStringLiteral("all"));
    const int hcps = parser.value(hcpsOpt).toInt();
    const QString db
        = parser.isSet(dbOpt) ? parser.value(dbOpt) : QStringLiteral("/tmp/rounds-bench-%1.db").arg(hcps);
    if (command == QLatin1String("apply"))
        return benchApply(parser.value(rowsOpt).toInt(), parser.value(pageOpt).toInt());
    if (command == QLatin1String("generate"))
        return generate(db, hcps);
    if (command == QLatin1String("search"))
        return benchSearch(db, parser.value(repsOpt).toInt());
    if (command == QLatin1String("list"))
        return benchList(db);
    if (command == QLatin1String("all")) {
        if (int rc = benchApply(parser.value(rowsOpt).toInt(), parser.value(pageOpt).toInt()))
            return rc;
        if (!QFileInfo::exists(db)) {
            if (int rc = generate(db, hcps))
                return rc;
        }
        if (int rc = benchSearch(db, parser.value(repsOpt).toInt()))
            return rc;
        // A fresh process, so the peak RSS is the list's and not the generator's.
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(
            QCoreApplication::applicationFilePath(), {QStringLiteral("list"), QStringLiteral("--db"), db});
        child.waitForFinished(-1);
        return child.exitCode();
    }
    parser.showHelp(1);
}
