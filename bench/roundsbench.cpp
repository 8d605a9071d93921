// rounds-bench: the performance figures of the local store (issue 3), measured in one process run
// against a raw sqlite3 reference where there is one. See docs/performance.md.
//
//   rounds-bench apply    [--rows N] [--page N]       bulk apply vs a raw sqlite3 prepared-insert loop
//   rounds-bench generate [--hcps N] [--db FILE]      build an HCP database through the apply path
//   rounds-bench search   [--db FILE] [--reps N]      p50/p95 of 1-3 character Chinese and Latin queries
//   rounds-bench list     [--db FILE]                 first page of the HCP list model, and peak RSS
//   rounds-bench all      [options]                   all of the above (list in a fresh process)
//   rounds-bench sync     [--hcps N] [--visits N] [--json]  a first full sync from a real rounds-server on
//                         127.0.0.1 through the real engine, vs a raw sqlite3 insert loop of the same rows

#include "bench/benchdata.h"
#include "models/clientschema.h"
#include "models/hcplistmodel.h"
#include "models/hcpquery.h"
#include "models/sqlite/database.h"
#include "models/sqlite/migrations.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/protocol/codec.h"
#include "sync/protocol/ddl.h"
#include "sync/protocol/schema.h"
#include "sync/protocol/values.h"
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

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// --- apply --------------------------------------------------------------------------------------------

using Value = std::variant<std::monostate, qint64, QByteArray>;

// The reference: the same rows, already converted to column values, inserted with a prepared
// statement on the raw sqlite3 handle, one transaction per page, into the same table and indexes.
double rawInsertRate(
    const QString &path, const protocol::Entity &entity, const QList<PulledChange> &rows, int page)
{
    QStringList columns {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
        QStringLiteral("updated_by")};
    for (const protocol::Field &f : entity.fields)
        columns << protocol::quoteIdentifier(f.name);
    columns << QStringLiteral("extra");
    std::vector<std::vector<Value>> values;
    values.reserve(rows.size());
    for (const PulledChange &c : rows) {
        std::vector<Value> row;
        auto add = [&row](const QJsonValue &v) {
            if (v.isDouble())
                row.emplace_back(qint64(v.toInteger()));
            else if (v.isString())
                row.emplace_back(v.toString().toUtf8());
            else
                row.emplace_back(std::monostate {});
        };
        add(c.record.value(QStringLiteral("id")));
        add(c.record.value(QStringLiteral("version")));
        add(c.record.value(QStringLiteral("updated_at")));
        add(c.record.value(QStringLiteral("updated_by")));
        for (const protocol::Field &f : entity.fields)
            add(protocol::toStorage(f, c.record.value(f.name)));
        row.emplace_back(std::monostate {});
        values.push_back(std::move(row));
    }

    sql::Database db(path);
    db.exec(QStringLiteral("PRAGMA cache_size = -32768")); // as Store::open sets it
    sql::migrate(db, clientMigrations(), QStringLiteral("bench"));
    sqlite3 *h = db.handle();
    QStringList params;
    for (int i = 1; i <= columns.size(); ++i)
        params << QStringLiteral("?%1").arg(i);
    const QByteArray text
        = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
              .arg(protocol::quoteIdentifier(entity.name), columns.join(u','), params.join(u','))
              .toUtf8();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(h, text.constData(), int(text.size()), &stmt, nullptr);
    QElapsedTimer timer;
    timer.start();
    size_t i = 0;
    while (i < values.size()) {
        sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (size_t n = 0; n < size_t(page) && i < values.size(); ++n, ++i) {
            int pos = 1;
            for (const Value &v : values[i]) {
                if (const auto *iv = std::get_if<qint64>(&v))
                    sqlite3_bind_int64(stmt, pos, *iv);
                else if (const auto *tv = std::get_if<QByteArray>(&v))
                    sqlite3_bind_text(stmt, pos, tv->constData(), int(tv->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(stmt, pos);
                ++pos;
            }
            sqlite3_step(stmt);
            sqlite3_reset(stmt);
        }
        sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    return double(values.size()) / seconds;
}

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
    for (const char *script : {"Chinese", "Latin"}) {
        for (int length = 1; length <= 3; ++length) {
            const QStringList queries = qstrcmp(script, "Chinese") == 0 ? bench::chineseQueries(length)
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
            out(QStringLiteral("  %1 %2 char: p50 %3 ms  p95 %4 ms  max %5 ms  (avg %6 hits)")
                    .arg(QString::fromLatin1(script), -7)
                    .arg(length)
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

// --- sync --------------------------------------------------------------------------------------------

// A first sync as a laptop does it: a real server process with generated data, the real transport and
// engine, a fresh store file. The reference is a raw sqlite3 prepared-insert loop of the same rows
// (what the laptop ended up holding) into an empty file with the same tables, in the same run.
int benchSync(int hcps, int visits, bool json)
{
    QTemporaryDir dir;
    const QString server = QCoreApplication::applicationDirPath() + QStringLiteral("/rounds-server");
    const QString data = dir.filePath(QStringLiteral("server"));
    QProcess demo;
    demo.start(server,
        {QStringLiteral("demo"), QStringLiteral("--data"), data, QStringLiteral("--hcps"),
            QString::number(hcps), QStringLiteral("--visits"), QString::number(visits),
            QStringLiteral("--seed"), QStringLiteral("1")});
    if (!demo.waitForFinished(-1) || demo.exitCode() != 0) {
        out(QStringLiteral("rounds-server demo failed: %1")
                .arg(QString::fromUtf8(demo.readAllStandardError())));
        return 1;
    }
    QProcess serve;
    serve.start(server,
        {QStringLiteral("serve"), QStringLiteral("--data"), data, QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0")});
    if (!serve.waitForReadyRead(30000)) {
        out(QStringLiteral("rounds-server did not start"));
        return 1;
    }
    const QString line = QString::fromUtf8(serve.readLine()).trimmed();
    const QUrl url(line.section(QLatin1Char(' '), -1));
    ApiClient api(url);
    const ApiResponse login = api.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), QStringLiteral("sfe")},
            {QStringLiteral("password"), QStringLiteral("demo-pass-1")},
            {QStringLiteral("device_name"), QStringLiteral("rounds-bench")}});
    if (!login.ok()) {
        out(QStringLiteral("login failed: %1").arg(login.error.message));
        return 1;
    }
    api.setToken(login.body.value(QStringLiteral("token")).toString());

    const QString client = dir.filePath(QStringLiteral("client.db"));
    Store store;
    if (!store.open(client).ok)
        return 1;
    QElapsedTimer timer;
    timer.start();
    SyncSession session(store, api);
    const SyncSummary summary = session.run();
    const double syncSeconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary.ok) {
        out(QStringLiteral("sync failed: %1").arg(summary.error.message));
        return 1;
    }
    const qint64 rss = statusKb("VmHWM:");

    // The reference: the same rows the laptop now holds, inserted raw into an empty file, per entity.
    double rawSeconds = 0;
    qint64 rows = 0;
    SyncLedger ledger(store);
    const QString rawPath = dir.filePath(QStringLiteral("raw.db"));
    for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
        QList<PulledChange> same;
        for (const protocol::Record &r : ledger.records(e.name)) {
            PulledChange c;
            c.entity = e.name;
            c.id = r.id;
            c.record = protocol::encodeRecord(r);
            same << c;
        }
        if (same.isEmpty())
            continue;
        rows += same.size();
        rawSeconds += double(same.size()) / rawInsertRate(rawPath, e, same, 5000);
    }
    serve.terminate();
    serve.waitForFinished(30000);

    const double syncRate = double(summary.pulled) / syncSeconds;
    const double rawRate = double(rows) / rawSeconds;
    out(QStringLiteral("first full sync (sfe: every territory), %1 HCPs / %2 visits generated")
            .arg(hcps)
            .arg(visits));
    out(QStringLiteral("  records pulled              : %1 (%2 rows stored)").arg(summary.pulled).arg(rows));
    out(QStringLiteral("  sync (server+HTTP+apply)    : %1 s, %2 records/s")
            .arg(syncSeconds, 0, 'f', 2)
            .arg(syncRate, 0, 'f', 0));
    out(QStringLiteral("  raw sqlite3 insert, same rows: %1 s, %2 rows/s")
            .arg(rawSeconds, 0, 'f', 2)
            .arg(rawRate, 0, 'f', 0));
    out(QStringLiteral("  ratio_to_raw_insert         : %1 %").arg(100.0 * syncRate / rawRate, 0, 'f', 1));
    out(QStringLiteral("  peak client RSS             : %1 MB").arg(double(rss) / 1024.0, 0, 'f', 1));
    if (json) {
        const QJsonObject o {{QStringLiteral("records"), summary.pulled},
            {QStringLiteral("seconds"), syncSeconds}, {QStringLiteral("records_per_s"), syncRate},
            {QStringLiteral("raw_rows_per_s"), rawRate},
            {QStringLiteral("ratio_to_raw_insert"), syncRate / rawRate},
            {QStringLiteral("peak_rss_mb"), double(rss) / 1024.0}};
        out(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    }
    return 0;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
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
    if (command == QLatin1String("sync"))
        return benchSync(
            parser.isSet(hcpsOpt) ? hcps : 2000, parser.value(visitsOpt).toInt(), parser.isSet(jsonOpt));
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
