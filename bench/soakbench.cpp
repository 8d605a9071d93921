// rounds-bench soak: the long form of the reliability harness (docs/reliability.md). One real
// rounds-server; N laptops, each a child process (`rounds-bench soak-client`) with its own rep user and
// its own store file, creating and editing visits and syncing through the real engine in a loop. For
// M minutes the harness SIGKILLs a random laptop every few seconds and starts it again on the same
// file (a crash at any point of a local write or a sync). Then every laptop syncs to the end and the
// checks run:
//  - nothing lost: every laptop's outbox is empty (each local change was acknowledged), no change was
//    rejected, no conflict is open;
//  - convergence: each laptop's visits are exactly the visits a fresh full pull as its rep brings (same
//    ids, versions and notes);
//  - exactly once: on the server, every visit the laptops created has version = the number of distinct
//    mutations in its audit log (a mutation applied twice would raise the version without a new id).

#include "bench/benchserver.h"
#include "bench/benchutil.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/syncledger.h"
#include "sync/syncsession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>
#include <memory>

namespace rounds::bench {

namespace {

// --- one laptop (a child process) ---------------------------------------------------------------------

struct Laptop
{
    Store store;
    std::unique_ptr<ApiClient> api;
    QString userId;
    QString territoryId;
};

bool signIn(const QUrl &url, const QString &user, const QString &dbPath, Laptop *l, QString *error)
{
    const StoreOpenResult opened = l->store.open(dbPath);
    if (!opened.ok) {
        *error = opened.message;
        return false;
    }
    l->api = std::make_unique<ApiClient>(url);
    l->api->setRetryPolicy(RetryPolicy {8, 100, 2000, 30000});
    const ApiResponse login = l->api->post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), user}, {QStringLiteral("password"), kDemoPassword},
            {QStringLiteral("device_name"), QStringLiteral("soak")}});
    if (!login.ok()) {
        *error = login.error.message;
        return false;
    }
    l->api->setToken(login.body.value(QStringLiteral("token")).toString());
    const QJsonObject me = login.body.value(QStringLiteral("user")).toObject();
    l->userId = me.value(QStringLiteral("id")).toString();
    l->territoryId = me.value(QStringLiteral("territory_ids")).toArray().at(0).toString();
    return true;
}

QStringList column(Store &store, const QString &sql, const QString &arg = {})
{
    QStringList out;
    auto q = store.database()->query(sql);
    if (!arg.isNull())
        q->bind(1, arg);
    while (q->step())
        out << q->text(0);
    return out;
}

// One line on stderr (a laptop's stdout goes nowhere; its stderr reaches the harness's).
void errLine(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

// Edits and syncs until killed.
int clientLoop(const QUrl &url, const QString &user, const QString &dbPath, quint32 seed)
{
    Laptop l;
    QString error;
    if (!signIn(url, user, dbPath, &l, &error)) {
        out(QStringLiteral("%1: %2").arg(user, error));
        return 1;
    }
    QRandomGenerator rng(seed);
    int failedInARow = 0;
    for (qint64 n = 0;; ++n) {
        // A rep pulls only its territory: every HCP on the laptop is in scope.
        const QStringList hcps = column(l.store, QStringLiteral("SELECT id FROM hcp ORDER BY id LIMIT 50"));
        const QStringList mine = column(l.store,
            QStringLiteral("SELECT id FROM visit WHERE rep_id = ?1 AND status = 'draft' ORDER BY id"),
            l.userId);
        const int edits = 1 + int(rng.bounded(3));
        for (int e = 0; e < edits && !hcps.isEmpty(); ++e) {
            const QString notes = QStringLiteral("%1 #%2.%3 %4")
                                      .arg(user)
                                      .arg(n)
                                      .arg(e)
                                      .arg(QDateTime::currentMSecsSinceEpoch());
            if (mine.isEmpty() || rng.bounded(2) == 0) {
                l.store.create(QStringLiteral("visit"),
                    QJsonObject {{QStringLiteral("territory_id"), l.territoryId},
                        {QStringLiteral("hcp_id"), hcps.at(int(rng.bounded(quint32(hcps.size()))))},
                        {QStringLiteral("rep_id"), l.userId},
                        {QStringLiteral("channel"), QStringLiteral("phone")},
                        {QStringLiteral("visited_at"),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("status"), QStringLiteral("draft")},
                        {QStringLiteral("notes"), notes}});
            } else {
                l.store.update(QStringLiteral("visit"), mine.at(int(rng.bounded(quint32(mine.size())))),
                    QJsonObject {{QStringLiteral("notes"), notes}});
            }
        }
        SyncSession session(l.store, *l.api);
        const SyncSummary summary = session.run();
        // A laptop whose syncs keep failing is stuck, not unlucky: say so (stderr reaches the harness).
        failedInARow = summary.ok ? 0 : failedInARow + 1;
        if (failedInARow == 10)
            errLine(QStringLiteral("  %1: 10 syncs in a row failed, the last: %2 (%3 pending)")
                        .arg(user, summary.error.message)
                        .arg(l.store.pendingCount()));
        QThread::msleep(rng.bounded(300));
    }
}

// Syncs until nothing is pending, then prints the laptop's visits as one JSON object.
int clientFinal(const QUrl &url, const QString &user, const QString &dbPath)
{
    Laptop l;
    QString error;
    if (!signIn(url, user, dbPath, &l, &error)) {
        out(QStringLiteral("{\"error\":\"%1\"}").arg(error));
        return 1;
    }
    // What each attempt did (the SyncSummary, with its error when it stopped) and what the sync lock
    // file held before the first one: the harness prints them for a laptop that does not converge.
    const QString lockPath = dbPath + QStringLiteral(".sync-lock");
    QString lockBefore;
    if (QFile lockFile(lockPath); lockFile.open(QIODevice::ReadOnly))
        lockBefore = QString::fromUtf8(lockFile.readAll()).replace(QLatin1Char('\n'), QLatin1Char(' '));
    const int pendingBefore = l.store.pendingCount();
    QJsonArray attempts;
    bool ok = false;
    for (int i = 0; i < 5 && !ok; ++i) {
        SyncSession session(l.store, *l.api);
        const SyncSummary s = session.run();
        ok = s.ok && l.store.pendingCount() == 0;
        QJsonObject summary = s.toJson();
        summary.insert(QStringLiteral("pending_after"), l.store.pendingCount());
        attempts.append(summary);
    }
    QJsonObject visits;
    auto q = l.store.database()->query(QStringLiteral("SELECT id, version, notes FROM visit ORDER BY id"));
    while (q->step())
        visits.insert(q->text(0), QJsonArray {qint64(q->int64(1)), q->text(2)});
    int rejected = 0;
    QJsonObject states; // outbox rows by state
    QJsonArray reasons; // the first rejected rows: entity, code, message, field
    for (const OutboxMutation &m : l.store.outbox()) {
        states.insert(m.state, states.value(m.state).toInt() + 1);
        if (m.state != QLatin1String("rejected"))
            continue;
        ++rejected;
        if (reasons.size() < 5)
            reasons.append(QJsonArray {m.entity, m.errorCode, m.errorMessage, m.errorField});
    }
    out(QString::fromUtf8(QJsonDocument(
        QJsonObject {{QStringLiteral("user"), user}, {QStringLiteral("territory_id"), l.territoryId},
            {QStringLiteral("synced"), ok}, {QStringLiteral("pending"), l.store.pendingCount()},
            {QStringLiteral("pending_before"), pendingBefore}, {QStringLiteral("rejected"), rejected},
            {QStringLiteral("conflicts"), int(SyncLedger(l.store).conflicts().size())},
            {QStringLiteral("outbox"), states}, {QStringLiteral("rejections"), reasons},
            {QStringLiteral("attempts"), attempts}, {QStringLiteral("lock_before"), lockBefore},
            {QStringLiteral("visits"),
                visits}}).toJson(QJsonDocument::Compact)));
    return ok ? 0 : 1;
}

// --- the harness ----------------------------------------------------------------------------------------

struct Child
{
    QString user;
    QString db;
    std::unique_ptr<QProcess> process;
    int starts = 0;
};

void startChild(Child &c, const QUrl &url, quint32 seed)
{
    c.process = std::make_unique<QProcess>();
    c.process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    c.process->setStandardOutputFile(QProcess::nullDevice());
    dieWithParent(*c.process);
    c.process->start(QCoreApplication::applicationFilePath(),
        {QStringLiteral("soak-client"), QStringLiteral("--server"), url.toString(), QStringLiteral("--user"),
            c.user, QStringLiteral("--db"), c.db, QStringLiteral("--seed"), QString::number(seed)});
    c.process->waitForStarted();
    ++c.starts;
}

int soak(double minutes, int clients, bool json)
{
    QTemporaryDir dir;
    BenchServer server;
    QString error;
    const QStringList territories {
        QStringLiteral("SH-01"), QStringLiteral("SH-02"), QStringLiteral("HZ-01"), QStringLiteral("HZ-02")};
    if (!server.create(dir.filePath(QStringLiteral("server")), QString(), 400, 2000, &error)) {
        out(error);
        return 1;
    }
    std::vector<Child> children(static_cast<size_t>(clients));
    for (int i = 0; i < clients; ++i) {
        children[size_t(i)].user = QStringLiteral("soak.rep%1").arg(i, 2, 10, QLatin1Char('0'));
        children[size_t(i)].db = dir.filePath(children[size_t(i)].user + QStringLiteral(".db"));
        if (!server.addUser(children[size_t(i)].user, QStringLiteral("rep"), territories.at(i % 4), &error)) {
            out(error);
            return 1;
        }
    }
    server.setLogFile(dir.filePath(QStringLiteral("server.log")));
    if (!server.start(&error)) {
        out(error);
        return 1;
    }
    out(QStringLiteral("== soak: %1 laptops (child processes) against one rounds-server for %2 min, a random "
                       "laptop killed (SIGKILL) and restarted every 0.5-3 s ==")
            .arg(clients)
            .arg(minutes));
    QRandomGenerator rng(20261122);
    for (Child &c : children)
        startChild(c, server.url(), rng.generate());
    QElapsedTimer timer;
    timer.start();
    qint64 kills = 0;
    const qint64 endMs = qint64(minutes * 60'000);
    qint64 nextReport = 60'000;
    while (timer.elapsed() < endMs) {
        QThread::msleep(500 + rng.bounded(2500));
        Child &victim = children[rng.bounded(quint32(children.size()))];
        victim.process->kill();
        victim.process->waitForFinished(5000);
        ++kills;
        startChild(victim, server.url(), rng.generate());
        for (Child &c : children) { // a laptop that stopped by itself is a failure, but keep it running
            if (c.process->state() == QProcess::NotRunning) {
                out(QStringLiteral("  %1 exited by itself (status %2): restarted")
                        .arg(c.user)
                        .arg(c.process->exitCode()));
                startChild(c, server.url(), rng.generate());
            }
        }
        if (const QString died = server.death(); !died.isEmpty()) {
            // The server must survive laptops vanishing mid-request: this is a failure of the soak.
            QFile log(dir.filePath(QStringLiteral("server.log")));
            log.open(QIODevice::ReadOnly);
            const QList<QByteArray> lines = log.readAll().split('\n');
            out(QStringLiteral("  the server died after %1 s and %2 kills: %3; its last log lines:")
                    .arg(double(timer.elapsed()) / 1000.0, 0, 'f', 1)
                    .arg(kills)
                    .arg(died));
            for (qsizetype i = qMax<qsizetype>(0, lines.size() - 6); i < lines.size(); ++i)
                out(QStringLiteral("    ") + QString::fromUtf8(lines.at(i)));
            for (Child &c : children)
                c.process->kill();
            if (json)
                out(QStringLiteral("{\"passed\":false,\"server_died\":true,\"kills\":%1}").arg(kills));
            return 1;
        }
        if (timer.elapsed() > nextReport) {
            out(QStringLiteral("  %1 min: %2 kills")
                    .arg(double(timer.elapsed()) / 60000.0, 0, 'f', 1)
                    .arg(kills));
            nextReport += 60'000;
        }
    }
    for (Child &c : children) {
        c.process->kill();
        c.process->waitForFinished(5000);
    }

    // Every laptop syncs to the end; then again, so each one also has what the others sent last, and
    // reports its visits.
    QHash<QString, QJsonObject> finals;
    qint64 pending = 0, rejected = 0, conflicts = 0, unsynced = 0;
    for (int pass = 0; pass < 2; ++pass) {
        pending = rejected = conflicts = unsynced = 0;
        for (Child &c : children) {
            QProcess p;
            p.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            dieWithParent(p);
            p.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("soak-client"), QStringLiteral("--final"), QStringLiteral("--server"),
                    server.url().toString(), QStringLiteral("--user"), c.user, QStringLiteral("--db"), c.db});
            p.waitForFinished(300000);
            const QJsonObject r
                = QJsonDocument::fromJson(p.readAllStandardOutput().trimmed().split('\n').last()).object();
            finals.insert(c.user, r);
            pending += r.value(QStringLiteral("pending")).toInteger(1);
            rejected += r.value(QStringLiteral("rejected")).toInteger();
            conflicts += r.value(QStringLiteral("conflicts")).toInteger();
            unsynced += r.value(QStringLiteral("synced")).toBool() ? 0 : 1;
        }
    }

    // What each laptop should hold: the server's visits in its rep's scope, from a fresh full pull as
    // that rep (not the visits whose territory_id is the rep's: a visit also follows its HCP's
    // alignments, so a rep holds the visits of HCPs aligned to several territories that were logged in
    // another one, docs/sync-protocol.md).
    QHash<QString, QHash<QString, QPair<qint64, QString>>> scopeOf; // user -> visit id -> version, notes
    for (const Child &c : children) {
        std::unique_ptr<ApiClient> rep = server.client(c.user, &error);
        if (!rep) {
            out(error);
            return 1;
        }
        // As the client applies a pull: a visit is held while one of its buckets holds it (a revoke
        // drops it from one bucket), a delete removes it, the newest version wins.
        QHash<QString, QPair<qint64, QString>> records;
        QHash<QString, QSet<QString>> buckets;
        QJsonObject cursors;
        for (;;) {
            const ApiResponse page = rep->post(QStringLiteral("/api/v1/sync/pull"),
                QJsonObject {{QStringLiteral("cursors"), cursors}, {QStringLiteral("limit"), 5000}});
            if (!page.ok()) {
                out(QStringLiteral("final pull as %1 failed: %2").arg(c.user, page.error.message));
                return 1;
            }
            for (const QJsonValue &v : page.body.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject ch = v.toObject();
                if (ch.value(QStringLiteral("entity")).toString() != QLatin1String("visit"))
                    continue;
                const QString id = ch.value(QStringLiteral("id")).toString();
                const QString op = ch.value(QStringLiteral("op")).toString();
                const QString bucket = ch.value(QStringLiteral("bucket")).toString();
                if (op == QLatin1String("upsert")) {
                    const QJsonObject rec = ch.value(QStringLiteral("record")).toObject();
                    const qint64 version = rec.value(QStringLiteral("version")).toInteger();
                    if (!records.contains(id) || records.value(id).first <= version)
                        records.insert(id, {version, rec.value(QStringLiteral("notes")).toString()});
                    buckets[id].insert(bucket);
                } else if (op == QLatin1String("delete")) {
                    records.remove(id);
                    buckets.remove(id);
                } else {
                    buckets[id].remove(bucket);
                }
            }
            cursors = page.body.value(QStringLiteral("cursors")).toObject();
            if (!page.body.value(QStringLiteral("more")).toBool())
                break;
        }
        auto &visits = scopeOf[c.user];
        for (auto it = records.cbegin(); it != records.cend(); ++it) {
            if (!buckets.value(it.key()).isEmpty())
                visits.insert(it.key(), it.value());
        }
    }
    server.stop();
    // Answers the server had ready after their laptop was killed: it drops them (httpapi.cpp) and logs
    // the request with "(client gone)"; before that fix, writing one of them crashed the server.
    qint64 dropped = 0;
    if (QFile log(dir.filePath(QStringLiteral("server.log"))); log.open(QIODevice::ReadOnly))
        dropped = log.readAll().count("(client gone)");

    qint64 diverged = 0, compared = 0;
    for (const Child &c : children) {
        const QJsonObject r = finals.value(c.user);
        const auto &theirs = scopeOf.value(c.user);
        const QJsonObject mine = r.value(QStringLiteral("visits")).toObject();
        qint64 differences = mine.size() != theirs.size() ? 1 : 0;
        for (auto it = theirs.cbegin(); it != theirs.cend(); ++it) {
            ++compared;
            const QJsonArray m = mine.value(it.key()).toArray();
            if (m.isEmpty() || m.at(0).toInteger() != it->first || m.at(1).toString() != it->second)
                ++differences;
        }
        diverged += differences;
        // A laptop that did not converge: why (each final sync's summary, its outbox, its lock file).
        if (differences > 0 || !r.value(QStringLiteral("synced")).toBool()
            || r.value(QStringLiteral("pending")).toInteger(1) > 0
            || r.value(QStringLiteral("rejected")).toInteger() > 0
            || r.value(QStringLiteral("conflicts")).toInteger() > 0) {
            out(QStringLiteral("  %1 (%2): %3 visits, the server's scope has %4, %5 differences; "
                               "synced %6, pending %7 (%8 before the last final run), outbox %9, "
                               "rejected %10, conflicts %11, sync lock before: %12")
                    .arg(c.user, r.value(QStringLiteral("territory_id")).toString())
                    .arg(mine.size())
                    .arg(theirs.size())
                    .arg(differences)
                    .arg(r.value(QStringLiteral("synced")).toBool() ? QStringLiteral("yes")
                                                                    : QStringLiteral("NO"))
                    .arg(r.value(QStringLiteral("pending")).toInteger(-1))
                    .arg(r.value(QStringLiteral("pending_before")).toInteger(-1))
                    .arg(QString::fromUtf8(QJsonDocument(r.value(QStringLiteral("outbox")).toObject())
                                               .toJson(QJsonDocument::Compact)))
                    .arg(r.value(QStringLiteral("rejected")).toInteger())
                    .arg(r.value(QStringLiteral("conflicts")).toInteger())
                    .arg(r.value(QStringLiteral("lock_before")).toString()));
            for (const QJsonValue &a : r.value(QStringLiteral("attempts")).toArray())
                out(QStringLiteral("    final sync: ")
                    + QString::fromUtf8(QJsonDocument(a.toObject()).toJson(QJsonDocument::Compact)));
            for (const QJsonValue &why : r.value(QStringLiteral("rejections")).toArray())
                out(QStringLiteral("    rejected: ")
                    + QString::fromUtf8(QJsonDocument(why.toArray()).toJson(QJsonDocument::Compact)));
        }
    }

    // Exactly once, from the server's own audit log (SQLite: read the file after the server stopped).
    qint64 created = 0, changes = 0, versionMismatch = 0;
    try {
        sql::Database db(server.dataDir() + QStringLiteral("/rounds-server.db"));
        auto q = db.query(
            QStringLiteral("SELECT r.id, r.version, (SELECT count(DISTINCT a.mutation_id) FROM audit a "
                           "  WHERE a.entity = 'visit' AND a.record_id = r.id AND a.mutation_id IS NOT NULL) "
                           "FROM records r WHERE r.entity = 'visit' AND json_extract(r.data, '$.rep_id') IN "
                           "  (SELECT id FROM users WHERE username LIKE 'soak.rep%')"));
        while (q->step()) {
            ++created;
            changes += q->int64(1);
            if (q->int64(1) != q->int64(2))
                ++versionMismatch;
        }
    } catch (const std::exception &e) {
        out(QStringLiteral("cannot read the server's audit log: %1").arg(QString::fromUtf8(e.what())));
        return 1;
    }

    const bool passed = pending == 0 && rejected == 0 && conflicts == 0 && unsynced == 0 && diverged == 0
        && versionMismatch == 0 && created > 0;
    out(QStringLiteral("  laptops killed and restarted      : %1 times; the server dropped %2 answers to "
                       "laptops already gone")
            .arg(kills)
            .arg(dropped));
    out(QStringLiteral("  visits created by the laptops     : %1, %2 accepted changes in all")
            .arg(created)
            .arg(changes));
    out(QStringLiteral(
        "  nothing lost                      : %1 pending, %2 rejected, %3 open conflicts, %4 laptops "
        "not synced")
            .arg(pending)
            .arg(rejected)
            .arg(conflicts)
            .arg(unsynced));
    out(QStringLiteral("  convergence                       : %1 server visits compared, %2 differences")
            .arg(compared)
            .arg(diverged));
    out(QStringLiteral("  exactly once (version = mutations): %1 visits differ").arg(versionMismatch));
    out(QStringLiteral("  verdict                           : %1")
            .arg(passed ? QStringLiteral("passed") : QStringLiteral("FAILED")));
    if (json) {
        out(QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("minutes"), minutes}, {QStringLiteral("clients"), clients},
                {QStringLiteral("kills"), kills}, {QStringLiteral("answers_dropped"), dropped},
                {QStringLiteral("visits_created"), created}, {QStringLiteral("changes"), changes},
                {QStringLiteral("pending"), pending}, {QStringLiteral("rejected"), rejected},
                {QStringLiteral("conflicts"), conflicts}, {QStringLiteral("diverged"), diverged},
                {QStringLiteral("version_mismatch"), versionMismatch}, {QStringLiteral("passed"), passed}})
                                  .toJson(QJsonDocument::Compact)));
    }
    return passed ? 0 : 1;
}

} // namespace

int soakMain(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "rounds-bench soak: laptops killed and restarted at random against one rounds-server, then the "
        "convergence and exactly-once checks."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("soak"), QStringLiteral("soak or soak-client."));
    QCommandLineOption minutes(QStringLiteral("minutes"), QStringLiteral("How long to run."),
        QStringLiteral("m"), QStringLiteral("10"));
    QCommandLineOption clients(
        QStringLiteral("clients"), QStringLiteral("Laptops."), QStringLiteral("n"), QStringLiteral("12"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    QCommandLineOption server(
        QStringLiteral("server"), QStringLiteral("(soak-client)"), QStringLiteral("url"));
    QCommandLineOption user(QStringLiteral("user"), QStringLiteral("(soak-client)"), QStringLiteral("name"));
    QCommandLineOption db(QStringLiteral("db"), QStringLiteral("(soak-client)"), QStringLiteral("file"));
    QCommandLineOption seed(
        QStringLiteral("seed"), QStringLiteral("(soak-client)"), QStringLiteral("n"), QStringLiteral("1"));
    QCommandLineOption final(
        QStringLiteral("final"), QStringLiteral("(soak-client) sync to the end and report."));
    p.addOptions({minutes, clients, json, server, user, db, seed, final});
    p.process(arguments);
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false\nrounds.*.warning=false"));
    if (arguments.value(1) == QLatin1String("soak-client")) {
        if (p.isSet(final))
            return clientFinal(QUrl(p.value(server)), p.value(user), p.value(db));
        return clientLoop(QUrl(p.value(server)), p.value(user), p.value(db), p.value(seed).toUInt());
    }
    return soak(p.value(minutes).toDouble(), p.value(clients).toInt(), p.isSet(json));
}

} // namespace rounds::bench
