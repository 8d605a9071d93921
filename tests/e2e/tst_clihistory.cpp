#include "e2e/clirunner.h"
#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// rounds-cli history against a real rounds-server: the table and --json after local edits were synced,
// and the clear failures: unknown or out-of-scope record, unknown entity, server down, signed out.
class TestCliHistory : public QObject
{
    Q_OBJECT
private slots:
    void historyOfASyncedEdit();
};

void TestCliHistory::historyOfASyncedEdit()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    ServerProcess server;
    QVERIFY(server.createDemo(60, 100, 3));
    QVERIFY(server.start());
    DemoOrg org;
    QVERIFY(org.load(server));
    QTemporaryDir dir;
    const QStringList base {QStringLiteral("--db"), dir.filePath(QStringLiteral("rep.db"))};
    auto cli = [&](const QStringList &args) { return runCli(base + args); };
    QCOMPARE(
        runCli(base + QStringList {"login", server.url().toString(), "rep.sh01"}, "demo-pass-1\n").code, 0);
    QCOMPARE(cli({"sync"}).code, 0);

    const CliRun plans = cli({"dump", "visit_plan"});
    const QJsonObject plan = QJsonDocument::fromJson(plans.out.split('\n').first()).object();
    const QString id = plan.value(u"id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(cli({"edit", "visit_plan", id, "purpose=带新文献"}).code, 0);
    QCOMPARE(cli({"sync"}).code, 0);

    const CliRun table = cli({"history", "visit_plan", id});
    QCOMPARE(table.code, 0);
    const QString text = QString::fromUtf8(table.out);
    QVERIFY2(text.contains(QStringLiteral("purpose: ")), table.out.constData());
    QVERIFY2(text.contains(QStringLiteral(" -> 带新文献")), table.out.constData());
    QVERIFY2(text.contains(QStringLiteral("  update  ")), table.out.constData());
    QVERIFY2(text.contains(QStringLiteral("rounds-cli on ")), table.out.constData()); // the device

    const CliRun json = cli({"history", "visit_plan", id, "--json"});
    QCOMPARE(json.code, 0);
    const QJsonObject page = json.json().object();
    QCOMPARE(page.value(u"entity").toString(), QStringLiteral("visit_plan"));
    QCOMPARE(page.value(u"more").toBool(), false);
    const QJsonObject last = page.value(u"entries").toArray().last().toObject();
    QCOMPARE(last.value(u"op").toString(), QStringLiteral("update"));
    QCOMPARE(last.value(u"user").toObject().value(u"id").toString(), org.user.value("rep.sh01"));
    const QJsonObject change = last.value(u"changes").toArray().first().toObject();
    QCOMPARE(change.value(u"field").toString(), QStringLiteral("purpose"));
    QCOMPARE(change.value(u"old"), plan.value(u"purpose"));
    QCOMPARE(change.value(u"new").toString(), QStringLiteral("带新文献"));

    // Unknown and out of scope read the same; an unknown entity is a usage error.
    const CliRun unknown = cli({"history", "hcp", QUuid::createUuid().toString(QUuid::WithoutBraces)});
    const CliRun foreign = cli({"history", "hcp", org.hcpsOnlyIn(QStringLiteral("HZ-01")).value(0)});
    QCOMPARE(unknown.code, 1);
    QCOMPARE(foreign.code, 1);
    QCOMPARE(foreign.err, unknown.err);
    QVERIFY2(unknown.err.contains("no history of this record that you may read"), unknown.err.constData());
    const CliRun badEntity = cli({"history", "nope", id});
    QCOMPARE(badEntity.code, 2);
    QVERIFY(badEntity.err.contains("unknown entity 'nope'"));
    QCOMPARE(cli({"history", "visit_plan"}).code, 2);

    // The server gone: a clear "cannot be reached", nothing else changes.
    QCOMPARE(server.stop(), 0);
    const CliRun offline = cli({"history", "visit_plan", id});
    QCOMPARE(offline.code, 1);
    QVERIFY2(offline.err.contains("cannot be reached"), offline.err.constData());
    QCOMPARE(cli({"logout"}).code, 0);
    const CliRun signedOut = cli({"history", "visit_plan", id});
    QCOMPARE(signedOut.code, 1);
    QVERIFY2(signedOut.err.contains("not signed in") || signedOut.err.contains("sign in again"),
        signedOut.err.constData());
}

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_clihistory.moc"
