// rounds-bench sync: a first full sync from a real rounds-server on 127.0.0.1 through the real engine
// and transport, against a raw sqlite3 insert loop of the same rows (same run), then the incremental
// case (E local edits pushed + E remote changes pulled, R rounds) on that database and on a small one,
// so the two p50s show that the cost follows the changes, not the database. See docs/performance.md.

#include "bench/benchserver.h"
#include "bench/benchutil.h"
#include "common/protocol/codec.h"
#include "common/protocol/schema.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/syncledger.h"
#include "sync/syncsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QUuid>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <vector>

namespace rounds::bench {

namespace {

QString newUuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct FullSync
{
    qint64 records = 0; // changes pulled
    qint64 rows = 0; // rows the client holds afterwards
    double seconds = 0;
    double rawSeconds = 0;
    double peakRssMb = 0;
};

struct Incremental
{
    std::vector<double> ms;
    // CPU time of all rounds' timed syncs, in ms: this process (the client, all threads) and the server.
    // Unlike wall time they do not grow when other work shares the cores.
    double clientCpuMs = 0;
    double serverCpuMs = 0;
    qint64 pushed = 0;
    qint64 pulled = 0;
    qint64 heldRows = 0;
};

// The engine's defaults, or a design switched off to measure what it buys (environment, so that a
// comparison needs no other flag): ROUNDS_BENCH_NO_OVERLAP=1 (fetch each page only after applying the
// previous one), ROUNDS_BENCH_NO_BULK=1 (live indexes), ROUNDS_BENCH_PULL_LIMIT=N (page size).
SyncSession::Options firstSyncOptions()
{
    SyncSession::Options o;
    o.overlapFetch = !qEnvironmentVariableIsSet("ROUNDS_BENCH_NO_OVERLAP");
    o.bulkLoad = !qEnvironmentVariableIsSet("ROUNDS_BENCH_NO_BULK");
    if (const int limit = qEnvironmentVariableIntValue("ROUNDS_BENCH_PULL_LIMIT"); limit > 0)
        o.pullLimit = limit;
    return o;
}

// The first sync of a fresh client file, as `sfe` (every territory), and the raw reference.
bool fullSync(BenchServer &server, Store &store, ApiClient &api, const QString &dir, bool raw, FullSync *r,
    QString *error)
{
    QElapsedTimer timer;
    timer.start();
    SyncSession session(store, api, firstSyncOptions());
    const SyncSummary summary = session.run();
    r->seconds = double(timer.nsecsElapsed()) / 1e9;
    if (!summary.ok) {
        *error = QStringLiteral("sync failed: %1").arg(summary.error.message);
        return false;
    }
    r->records = summary.pulled;
    r->peakRssMb = double(statusKb("VmHWM:")) / 1024.0;
    Q_UNUSED(server);
    // Progress on stderr, so a long run that is stopped early still leaves its first figure.
    std::fprintf(stderr,
        "rounds-bench: first sync %lld changes in %.2f s, peak RSS %.1f MB; raw reference next\n",
        static_cast<long long>(r->records), r->seconds, r->peakRssMb);

    // The same rows the laptop now holds, inserted raw into an empty file, entity by entity.
    SyncLedger ledger(store);
    const QString rawPath = dir + QStringLiteral("/raw.db");
    for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
        QList<PulledChange> same;
        for (const protocol::Record &rec : ledger.records(e.name)) {
            PulledChange c;
            c.entity = e.name;
            c.id = rec.id;
            c.record = protocol::encodeRecord(rec);
            same << c;
        }
        if (same.isEmpty())
            continue;
        r->rows += same.size();
        if (raw)
            r->rawSeconds += double(same.size()) / rawInsertRate(rawPath, e, same, 5000);
    }
    if (raw)
        std::fprintf(stderr, "rounds-bench: raw reference %lld rows in %.2f s\n",
            static_cast<long long>(r->rows), r->rawSeconds);
    return true;
}

// CPU time used so far by this process (all threads), in ms.
double ownCpuMs()
{
    rusage u {};
    getrusage(RUSAGE_SELF, &u);
    return (double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3)
        + (double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3);
}

// CPU time used so far by another process (its threads, live and ended), in ms; clock-tick resolution.
double processCpuMs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !f.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = f.readAll();
    // Fields after the command name (which may hold spaces) in parentheses: utime and stime are 14 and 15.
    const QList<QByteArray> rest = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = rest.value(11).toDouble() + rest.value(12).toDouble();
    return ticks * 1e3 / double(sysconf(_SC_CLK_TCK));
}

// `rounds` times: `edits` HCPs edited on the laptop (sfe) and `edits` other HCPs changed on the server by
// another user (admin), then one timed sync of the laptop (push + pull until done).
bool incremental(
    BenchServer &server, Store &store, ApiClient &api, int rounds, int edits, Incremental *r, QString *error)
{
    std::unique_ptr<ApiClient> other = server.client(QStringLiteral("admin"), error);
    if (!other)
        return false;
    QStringList ids;
    QHash<QString, qint64> versions;
    {
        auto q = store.database()->query(QStringLiteral("SELECT id, version FROM hcp ORDER BY id LIMIT ?1"));
        q->bind(1, qint64(2 * edits));
        while (q->step()) {
            ids << q->text(0);
            versions.insert(q->text(0), q->int64(1));
        }
    }
    if (ids.size() < 2 * edits) {
        *error
            = QStringLiteral("need %1 HCPs for the incremental case, have %2").arg(2 * edits).arg(ids.size());
        return false;
    }
    const QStringList mine = ids.mid(0, edits);
    const QStringList theirs = ids.mid(edits);
    r->heldRows = store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM record_bucket"));
    for (int round = 0; round < rounds; ++round) {
        for (const QString &id : mine) {
            const WriteResult w = store.update(QStringLiteral("hcp"), id,
                QJsonObject {
                    {QStringLiteral("phone"), QStringLiteral("138%1").arg(round, 8, 10, QLatin1Char('0'))}});
            if (!w.ok) {
                *error = QStringLiteral("local edit failed: %1").arg(w.error);
                return false;
            }
        }
        QJsonArray mutations;
        for (const QString &id : theirs) {
            mutations.append(QJsonObject {{QStringLiteral("mutation_id"), newUuid()},
                {QStringLiteral("entity"), QStringLiteral("hcp")}, {QStringLiteral("id"), id},
                {QStringLiteral("op"), QStringLiteral("upsert")},
                {QStringLiteral("base_version"), versions.value(id)},
                {QStringLiteral("set"),
                    QJsonObject {
                        {QStringLiteral("email"), QStringLiteral("r%1@bench.example.cn").arg(round)}}}});
        }
        const ApiResponse pushed = other->post(
            QStringLiteral("/api/v1/sync/push"), QJsonObject {{QStringLiteral("mutations"), mutations}});
        if (!pushed.ok()) {
            *error = QStringLiteral("remote push failed: %1").arg(pushed.error.message);
            return false;
        }
        for (const QJsonValue &v : pushed.body.value(QStringLiteral("results")).toArray()) {
            const QJsonObject res = v.toObject();
            const QString status = res.value(QStringLiteral("status")).toString();
            if (status != QLatin1String("applied") && status != QLatin1String("merged")) {
                *error = QStringLiteral("remote change not applied: %1")
                             .arg(QString::fromUtf8(QJsonDocument(res).toJson(QJsonDocument::Compact)));
                return false;
            }
        }
        for (int i = 0; i < theirs.size(); ++i) {
            versions[theirs[i]] = pushed.body.value(QStringLiteral("results"))
                                      .toArray()
                                      .at(i)
                                      .toObject()
                                      .value(QStringLiteral("version"))
                                      .toInteger();
        }
        const double clientCpu = ownCpuMs();
        const double serverCpu = processCpuMs(server.pid());
        QElapsedTimer t;
        t.start();
        SyncSession session(store, api);
        const SyncSummary s = session.run();
        r->ms.push_back(double(t.nsecsElapsed()) / 1e6);
        r->clientCpuMs += ownCpuMs() - clientCpu;
        r->serverCpuMs += processCpuMs(server.pid()) - serverCpu;
        if (!s.ok || s.pushed != edits || s.pulled < edits) {
            *error = QStringLiteral("incremental sync: ok=%1 pushed %2 pulled %3 (%4)")
                         .arg(s.ok)
                         .arg(s.pushed)
                         .arg(s.pulled)
                         .arg(s.error.message);
            return false;
        }
        r->pushed += s.pushed;
        r->pulled += s.pulled;
    }
    return true;
}

// A server with `hcps`/`visits`, a fresh client signed in as sfe and synced once, then the rounds.
struct Case
{
    FullSync full;
    Incremental inc;
};

// `serverLog`: where the server writes its request log (each request with its time), or empty.
bool runCase(
    int hcps, int visits, int rounds, int edits, bool raw, const QString &serverLog, Case *c, QString *error)
{
    QTemporaryDir dir;
    BenchServer server;
    server.setLogFile(serverLog);
    if (!server.create(dir.filePath(QStringLiteral("server")), QString(), hcps, visits, error)
        || !server.start(error))
        return false;
    std::unique_ptr<ApiClient> api = server.client(QStringLiteral("sfe"), error);
    if (!api)
        return false;
    Store store;
    const StoreOpenResult opened = store.open(dir.filePath(QStringLiteral("client.db")));
    if (!opened.ok) {
        *error = opened.message;
        return false;
    }
    if (!fullSync(server, store, *api, dir.path(), raw, &c->full, error))
        return false;
    if (rounds > 0 && !incremental(server, store, *api, rounds, edits, &c->inc, error))
        return false;
    return true;
}

int benchSync(const QCommandLineParser &p, const QCommandLineOption &hcpsOpt,
    const QCommandLineOption &visitsOpt, const QCommandLineOption &roundsOpt,
    const QCommandLineOption &editsOpt, const QCommandLineOption &smallHcpsOpt,
    const QCommandLineOption &smallVisitsOpt, const QCommandLineOption &jsonOpt,
    const QCommandLineOption &serverLogOpt)
{
    const QString serverLog = p.value(serverLogOpt);
    const int hcps = p.value(hcpsOpt).toInt();
    const int visits = p.value(visitsOpt).toInt();
    const int rounds = p.value(roundsOpt).toInt();
    const int edits = p.value(editsOpt).toInt();
    const int smallHcps = p.value(smallHcpsOpt).toInt();
    const int smallVisits = p.value(smallVisitsOpt).toInt();
    QString error;

    Case big;
    if (!runCase(hcps, visits, rounds, edits, true,
            serverLog.isEmpty() ? QString() : serverLog + QStringLiteral(".big"), &big, &error)) {
        out(error);
        return 1;
    }
    const double syncRate = double(big.full.records) / big.full.seconds;
    const double rawRate = double(big.full.rows) / big.full.rawSeconds;
    out(QStringLiteral("== first full sync (sfe: every territory), %1 HCPs / %2 visits generated ==")
            .arg(hcps)
            .arg(visits));
    out(QStringLiteral("  records pulled               : %1 (%2 rows stored)")
            .arg(big.full.records)
            .arg(big.full.rows));
    out(QStringLiteral("  sync (server+HTTP+apply)     : %1 s, %2 records/s")
            .arg(big.full.seconds, 0, 'f', 2)
            .arg(syncRate, 0, 'f', 0));
    out(QStringLiteral("  raw sqlite3 insert, same rows: %1 s, %2 rows/s")
            .arg(big.full.rawSeconds, 0, 'f', 2)
            .arg(rawRate, 0, 'f', 0));
    out(QStringLiteral("  ratio_to_raw_insert          : %1 %").arg(100.0 * syncRate / rawRate, 0, 'f', 1));
    out(QStringLiteral("  peak client RSS              : %1 MB").arg(big.full.peakRssMb, 0, 'f', 1));

    QJsonObject json {{QStringLiteral("hcps"), hcps}, {QStringLiteral("visits"), visits},
        {QStringLiteral("records"), big.full.records}, {QStringLiteral("rows"), big.full.rows},
        {QStringLiteral("seconds"), big.full.seconds}, {QStringLiteral("records_per_s"), syncRate},
        {QStringLiteral("raw_rows_per_s"), rawRate},
        {QStringLiteral("ratio_to_raw_insert"), syncRate / rawRate},
        {QStringLiteral("peak_rss_mb"), big.full.peakRssMb}};

    if (rounds > 0) {
        Case small;
        if (!runCase(smallHcps, smallVisits, rounds, edits, false,
                serverLog.isEmpty() ? QString() : serverLog + QStringLiteral(".small"), &small, &error)) {
            out(error);
            return 1;
        }
        const double bigP50 = percentile(big.inc.ms, 0.5);
        const double smallP50 = percentile(small.inc.ms, 0.5);
        out(QStringLiteral("== incremental: %1 local edits pushed + %1 remote changes pulled, %2 rounds ==")
                .arg(edits)
                .arg(rounds));
        for (const auto &[name, c] : {std::pair {"small", &small}, std::pair {"big", &big}}) {
            out(QStringLiteral(
                "  %1 database (%2 rows held): p50 %3 ms  p95 %4 ms  max %5 ms  (%6 pushed, %7 pulled)")
                    .arg(QString::fromLatin1(name), -5)
                    .arg(c->full.rows)
                    .arg(percentile(c->inc.ms, 0.5), 0, 'f', 1)
                    .arg(percentile(c->inc.ms, 0.95), 0, 'f', 1)
                    .arg(percentile(c->inc.ms, 1.0), 0, 'f', 1)
                    .arg(c->inc.pushed)
                    .arg(c->inc.pulled));
            out(QStringLiteral("  %1 database CPU per round (mean): client %2 ms, server %3 ms")
                    .arg(QString::fromLatin1(name), -5)
                    .arg(c->inc.clientCpuMs / double(rounds), 0, 'f', 1)
                    .arg(c->inc.serverCpuMs / double(rounds), 0, 'f', 1));
        }
        out(QStringLiteral("  p50 big / small              : %1").arg(bigP50 / smallP50, 0, 'f', 2));
        json.insert(QStringLiteral("incremental_rounds"), rounds);
        json.insert(QStringLiteral("incremental_edits"), edits);
        json.insert(QStringLiteral("small_rows"), small.full.rows);
        json.insert(QStringLiteral("small_p50_ms"), smallP50);
        json.insert(QStringLiteral("small_p95_ms"), percentile(small.inc.ms, 0.95));
        json.insert(QStringLiteral("big_p50_ms"), bigP50);
        json.insert(QStringLiteral("big_p95_ms"), percentile(big.inc.ms, 0.95));
        json.insert(QStringLiteral("p50_ratio_big_to_small"), bigP50 / smallP50);
        json.insert(QStringLiteral("small_client_cpu_ms"), small.inc.clientCpuMs / double(rounds));
        json.insert(QStringLiteral("small_server_cpu_ms"), small.inc.serverCpuMs / double(rounds));
        json.insert(QStringLiteral("big_client_cpu_ms"), big.inc.clientCpuMs / double(rounds));
        json.insert(QStringLiteral("big_server_cpu_ms"), big.inc.serverCpuMs / double(rounds));
    }
    if (p.isSet(jsonOpt))
        out(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    return 0;
}

} // namespace

int syncMain(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "rounds-bench sync: first full sync from a real rounds-server vs a raw sqlite3 insert of the same "
        "rows, then incremental rounds on that database and on a small one."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("sync"), QStringLiteral("The subcommand."));
    QCommandLineOption hcps(QStringLiteral("hcps"), QStringLiteral("HCPs generated."), QStringLiteral("n"),
        QStringLiteral("2000"));
    QCommandLineOption visits(QStringLiteral("visits"), QStringLiteral("Visits generated."),
        QStringLiteral("n"), QStringLiteral("20000"));
    QCommandLineOption rounds(QStringLiteral("rounds"),
        QStringLiteral("Incremental rounds (0: only the first sync)."), QStringLiteral("n"),
        QStringLiteral("50"));
    QCommandLineOption edits(QStringLiteral("edits"),
        QStringLiteral("Local edits and remote changes per incremental round."), QStringLiteral("n"),
        QStringLiteral("100"));
    QCommandLineOption smallHcps(QStringLiteral("small-hcps"),
        QStringLiteral("HCPs of the small database of the incremental case."), QStringLiteral("n"),
        QStringLiteral("300"));
    QCommandLineOption smallVisits(QStringLiteral("small-visits"),
        QStringLiteral("Visits of the small database of the incremental case."), QStringLiteral("n"),
        QStringLiteral("3000"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    QCommandLineOption serverLog(QStringLiteral("server-log"),
        QStringLiteral("Keep the servers' request logs (each request with its time) in PATH.big and "
                       "PATH.small."),
        QStringLiteral("path"));
    p.addOptions({hcps, visits, rounds, edits, smallHcps, smallVisits, json, serverLog});
    p.process(arguments);
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false"));
    return benchSync(p, hcps, visits, rounds, edits, smallHcps, smallVisits, json, serverLog);
}

} // namespace rounds::bench
