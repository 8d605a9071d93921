#include "storekey.h"
#include "clirunner.h"
#include "common/protocol/values.h"
#include "faultproxy.h"
#include "syncclient.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTimer>
#include <QtTest>

#include <csignal>

using namespace rounds;
using namespace rounds::test;

// Crashes on both sides: rounds-cli killed with SIGKILL at random moments and at the store's commit
// points during push, apply and pull; the server killed while a push is in flight. After a restart and a
// clean sync, nothing is lost, nothing is applied twice, and the database passes integrity_check.
class TestCrashes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void clientKilledDuringSync();
    void serverKilledMidPush();

private:
};

void TestCrashes::initTestCase()
{
    QVERIFY2(QFileInfo::exists(ServerProcess::binary()), qPrintable(ServerProcess::binary()));
    QVERIFY2(QFileInfo::exists(cliBinary()), qPrintable(cliBinary()));
}

void TestCrashes::clientKilledDuringSync()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    ServerProcess server;
    QVERIFY(server.createDemo(150, 400, 7));
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("rep.db"));
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("login"), server.url().toString(),
                        QStringLiteral("rep.sh01")},
                 "demo-pass-1\n")
                 .code,
        0);

    // What to edit: the rep's own territory, user id and some HCPs, from the server directly.
    const QString token = server.login(QStringLiteral("rep.sh01"));
    HttpReply me = server.get(QStringLiteral("/api/v1/me"), token);
    const QString repId = me.json.value(u"id").toString();
    const QString territory = me.json.value(u"territory_ids").toArray().first().toString();
    const QList<QJsonObject> hcps = recordsOf(server.pullAll(token).changes, QStringLiteral("hcp"));
    QVERIFY(!hcps.isEmpty());

    QRandomGenerator rng(42);
    QStringList markers;
    // Every third sync dies inside the apply path just before its commit (the pull brings back the
    // rep's own visits, so there is always a page to apply); the others are killed at a random moment.
    const QStringList crashPoints {QStringLiteral("apply-before-commit"), QString(), QString()};
    int killed = 0, hookKills = 0, hookRounds = 0;
    for (int round = 0; round < 14; ++round) {
        // Offline work between syncs: new visits, some edited again (coalescing), through the CLI.
        for (int i = 0; i < 6; ++i) {
            const QString marker = QStringLiteral("crash-%1-%2").arg(round).arg(i);
            const CliRun created = runCli({QStringLiteral("--db"), db, QStringLiteral("create"),
                QStringLiteral("visit"), QStringLiteral("territory_id=") + territory,
                QStringLiteral("hcp_id=") + hcps.at(rng.bounded(int(hcps.size()))).value(u"id").toString(),
                QStringLiteral("rep_id=") + repId, QStringLiteral("visited_at=2026-11-20T09:00:00+08:00"),
                QStringLiteral("notes=") + marker});
            QCOMPARE(created.code, 0);
            markers << marker;
            if (i % 2 == 0)
                QCOMPARE(
                    runCli({QStringLiteral("--db"), db, QStringLiteral("edit"), QStringLiteral("visit"),
                               QString::fromUtf8(created.out.trimmed()), QStringLiteral("support_level=4")})
                        .code,
                    0);
        }
        // A sync that dies: at a commit point of the store, or at a random moment (SIGKILL).
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        const QString point = crashPoints.at(round % crashPoints.size());
        if (!point.isEmpty())
            env.insert(QStringLiteral("ROUNDS_TEST_CRASH_AT"), point);
        QProcess sync;
        sync.setProcessEnvironment(env);
        sync.start(cliBinary(), {QStringLiteral("--db"), db, QStringLiteral("sync")});
        QVERIFY(sync.waitForStarted());
        if (point.isEmpty()) {
            QTest::qWait(rng.bounded(5, 150));
            // processId() is 0 once the process ended, and kill(0, …) would hit our own process group.
            if (sync.state() == QProcess::Running && sync.processId() > 0)
                ::kill(pid_t(sync.processId()), SIGKILL);
        }
        sync.waitForFinished(60000);
        killed += sync.exitStatus() == QProcess::CrashExit;
        if (!point.isEmpty()) {
            ++hookRounds;
            hookKills += sync.exitStatus() == QProcess::CrashExit;
        }

        // The file is sound after every crash.
        sql::Database check(db, test::storeOptions(db, sql::Database::Options {false, true, false, 5000, false, {}}));
        QCOMPARE(check.integrityCheck(), QStringLiteral("ok"));
    }
    QCOMPARE(hookKills, hookRounds);
    QVERIFY2(killed >= 8, qPrintable(QStringLiteral("only %1 of 14 syncs died").arg(killed)));

    // A clean sync completes the work.
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("sync"), QStringLiteral("--json")}).code, 0);
    const CliRun statusRun
        = runCli({QStringLiteral("--db"), db, QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(statusRun.code, 0);
    const QJsonObject status = statusRun.json().object();
    QCOMPARE(status.value(u"pending").toInt(), 0);
    QCOMPARE(status.value(u"rejected").toArray().size(), 0);

    // Every visit typed reached the server exactly once, with its last edit.
    const QList<QJsonObject> visits = recordsOf(server.pullAll(token).changes, QStringLiteral("visit"));
    for (const QString &marker : markers) {
        int n = 0;
        for (const QJsonObject &v : visits)
            n += v.value(u"notes").toString() == marker;
        QVERIFY2(n == 1, qPrintable(QStringLiteral("%1 is on the server %2 times").arg(marker).arg(n)));
    }
    // And the laptop equals the server.
    const CliRun dump = runCli({QStringLiteral("--db"), db, QStringLiteral("dump"), QStringLiteral("visit")});
    QCOMPARE(dump.code, 0);
    const QByteArray local = dump.out;
    QCOMPARE(local.count('\n'), qsizetype(visits.size()));
}

void TestCrashes::serverKilledMidPush()
{
    ServerProcess server;
    QVERIFY(server.createDemo(100, 200, 3));
    QVERIFY(server.start());
    FaultProxy proxy(quint16(server.url().port()), 1); // a stable address across the server's restart
    QTemporaryDir dir;
    SyncClient c;
    QVERIFY(c.signIn(server, proxy.url(), dir.path(), QStringLiteral("rep.hz01")));
    QVERIFY(c.sync().ok);
    const QStringList hcps = c.ids(QStringLiteral("hcp"));
    QStringList created;
    for (int i = 0; i < 1500; ++i) {
        const WriteResult w = c.store->create(QStringLiteral("visit"),
            QJsonObject {{QStringLiteral("territory_id"), c.territories.first()},
                {QStringLiteral("hcp_id"), hcps.at(i % hcps.size())}, {QStringLiteral("rep_id"), c.userId},
                {QStringLiteral("visited_at"), QStringLiteral("2026-11-21T10:00:00Z")},
                {QStringLiteral("notes"), QStringLiteral("server-crash-%1").arg(i)}});
        QVERIFY(w.ok);
        created << w.id;
    }
    // Kill the server while the first batches are in flight; the engine's retries then meet a dead port.
    c.api->setRetryPolicy(RetryPolicy {3, 5, 20, 20000});
    QTimer::singleShot(150, [&server] { server.kill(); });
    const SyncSummary interrupted = c.sync();
    QVERIFY(!interrupted.ok);
    QVERIFY(interrupted.error.isRetryable());
    QVERIFY(c.store->pendingCount() > 0);

    // Restart on the same data; the same mutation ids go again.
    QVERIFY(server.start());
    proxy.setUpstreamPort(quint16(server.url().port()));
    c.api->setRetryPolicy(RetryPolicy {6, 5, 200, 20000});
    const SyncSummary resumed = c.sync();
    QVERIFY2(resumed.ok, qPrintable(resumed.error.message));
    QCOMPARE(c.store->pendingCount(), 0);

    // Exactly once: each visit exists once, at version 1, with one audit trace of its creation.
    sql::Database serverDb(server.dataDir() + QStringLiteral("/rounds-server.db"),
        sql::Database::Options {false, true, false, 5000, false, {}});
    auto q = serverDb.query(QStringLiteral("SELECT version FROM records WHERE entity = 'visit' AND id = ?1"));
    auto audit = serverDb.query(QStringLiteral(
        "SELECT count(DISTINCT mutation_id) FROM audit WHERE entity = 'visit' AND record_id = ?1"));
    for (const QString &id : created) {
        q->bind(1, id);
        QVERIFY2(q->step(), qPrintable(id));
        QCOMPARE(q->int64(0), 1);
        q->reset();
        audit->bind(1, id);
        QVERIFY(audit->step());
        QCOMPARE(audit->int64(0), 1);
        audit->reset();
    }
}

QTEST_GUILESS_MAIN(TestCrashes)
#include "tst_crashes.moc"
