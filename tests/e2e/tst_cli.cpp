#include "clirunner.h"
#include "models/localfiles.h"
#include "server/serverprocess.h"
#include "sync/apiclient.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// rounds-cli as support staff and scripts use it, against a real server: a conflict seen, listed and
// resolved from the command line; sign-out; and TLS that trusts only what it should.
class TestCli : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void conflictListedAndResolved();
    void tlsTrustsOnlyTheCompanyCa();
    void materialsListed();

private:
};

void TestCli::initTestCase()
{
    QVERIFY(QFileInfo::exists(ServerProcess::binary()));
}

void TestCli::conflictListedAndResolved()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    ServerProcess server;
    QVERIFY(server.createDemo(80, 100, 9));
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("rep.db"));
    const QStringList base {QStringLiteral("--db"), db};
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 1); // not signed in yet
    CliRun login = runCli(
        base + QStringList {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")},
        "wrong-password\n");
    QCOMPARE(login.code, 1);
    QVERIFY2(login.err.contains("Wrong user name or password"), login.err.constData());
    QCOMPARE(
        runCli(
            base + QStringList {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")},
            "demo-pass-1\n")
            .code,
        0);
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 0);

    // The rep reschedules a plan offline; the manager changes the same field meanwhile.
    CliRun plans = runCli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit_plan")});
    QCOMPARE(plans.code, 0);
    const QJsonObject plan = QJsonDocument::fromJson(plans.out.split('\n').first()).object();
    const QString id = plan.value(u"id").toString();
    QCOMPARE(runCli(base
                 + QStringList {QStringLiteral("edit"), QStringLiteral("visit_plan"), id,
                     QStringLiteral("purpose=带新文献")})
                 .code,
        0);
    const QString manager = server.login(QStringLiteral("manager.sh"));
    const HttpReply pushed = server.push(manager,
        QJsonArray {mutation(QStringLiteral("visit_plan"), id,
            {{QStringLiteral("purpose"), QStringLiteral("主任出差，改期")}},
            plan.value(u"version").toInteger(), {{QStringLiteral("purpose"), plan.value(u"purpose")}})});
    QCOMPARE(pushed.json.value(u"results").toArray().first().toObject().value(u"status").toString(),
        QStringLiteral("applied"));

    CliRun sync = runCli(base + QStringList {QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(sync.code, 3); // synced, but a person must decide
    QCOMPARE(sync.json().object().value(u"conflicts").toInt(), 1);
    CliRun listed = runCli(base + QStringList {QStringLiteral("conflicts"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    const QJsonArray conflicts = listed.json().array();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.first().toObject();
    QCOMPARE(c.value(u"field").toString(), QStringLiteral("purpose"));
    QCOMPARE(c.value(u"mine").toString(), QStringLiteral("带新文献"));
    QCOMPARE(c.value(u"theirs").toString(), QStringLiteral("主任出差，改期"));
    QCOMPARE(c.value(u"base"), plan.value(u"purpose"));

    QCOMPARE(runCli(base
                 + QStringList {QStringLiteral("resolve"), QString::number(c.value(u"id").toInteger()),
                     QStringLiteral("sideways")})
                 .code,
        2);
    QCOMPARE(runCli(base
                 + QStringList {QStringLiteral("resolve"), QString::number(c.value(u"id").toInteger()),
                     QStringLiteral("mine")})
                 .code,
        0);
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 0);
    const QList<QJsonObject> onServer
        = recordsOf(server.pullAll(manager).changes, QStringLiteral("visit_plan"));
    const auto it = std::find_if(onServer.begin(), onServer.end(),
        [&](const QJsonObject &p) { return p.value(u"id").toString() == id; });
    QVERIFY(it != onServer.end());
    QCOMPARE(it->value(u"purpose").toString(), QStringLiteral("带新文献"));

    CliRun status = runCli(base + QStringList {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.json().object().value(u"open_conflicts").toInt(), 0);
    QCOMPARE(status.json().object().value(u"pending").toInt(), 0);
    QVERIFY(!status.json().object().value(u"epoch").toString().isEmpty());

    // A change the server refuses (a submitted visit is read-only) is listed with its reason, then given up.
    const QByteArray visits
        = runCli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit")}).out;
    QString submitted;
    for (const QByteArray &line : visits.split('\n')) {
        const QJsonObject v = QJsonDocument::fromJson(line).object();
        if (v.value(u"status").toString() == QLatin1String("submitted")) {
            submitted = v.value(u"id").toString();
            break;
        }
    }
    QVERIFY(!submitted.isEmpty());
    QCOMPARE(runCli(base
                 + QStringList {QStringLiteral("edit"), QStringLiteral("visit"), submitted,
                     QStringLiteral("notes=too late")})
                 .code,
        0);
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 3);
    const QJsonArray rejected
        = runCli(base + QStringList {QStringLiteral("status"), QStringLiteral("--json")})
              .json()
              .object()
              .value(u"rejected")
              .toArray();
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().toObject().value(u"message").toString().contains(QStringLiteral("read-only")));
    QCOMPARE(runCli(base
                 + QStringList {QStringLiteral("discard"),
                     rejected.first().toObject().value(u"mutation_id").toString()})
                 .code,
        0);
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 0);
    QVERIFY(!runCli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit")})
                 .out.contains("too late"));

    // Sign-out forgets the token and keeps the data.
    QCOMPARE(runCli(base + QStringList {QStringLiteral("logout")}).code, 0);
    CliRun after = runCli(base + QStringList {QStringLiteral("sync")});
    QCOMPARE(after.code, 1);
    QVERIFY2(after.err.contains("sign in again"), after.err.constData());
    QVERIFY(runCli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit_plan")})
                .out.contains(id.toUtf8()));
    QCOMPARE(runCli(base + QStringList {QStringLiteral("dump"), QStringLiteral("nonsense")}).code, 2);
}

void TestCli::tlsTrustsOnlyTheCompanyCa()
{
    QTemporaryDir dir;
    QString cert, key;
    QVERIFY(makeSelfSignedCertificate(dir.path(), &cert, &key));
    ServerProcess server;
    QVERIFY(server.createDemo(10, 10, 1));
    QVERIFY(server.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
    QCOMPARE(server.url().scheme(), QStringLiteral("https"));

    ApiClient strict(server.url());
    const ApiResponse refused = strict.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(refused.error.kind, ApiError::Tls);
    QCOMPARE(refused.attempts, 1); // a certificate problem is not retried
    QVERIFY2(
        refused.error.message.contains(QStringLiteral("certificate")), qPrintable(refused.error.message));

    ApiClient company(server.url());
    QString error;
    QVERIFY(company.addCaCertificates(cert, &error));
    const ApiResponse ok = company.get(QStringLiteral("/api/v1/health"));
    QVERIFY2(ok.ok(), qPrintable(ok.error.message));
    QCOMPARE(ok.body.value(u"status").toString(), QStringLiteral("ok"));
    QVERIFY(!company.addCaCertificates(dir.filePath(QStringLiteral("missing.pem")), &error));
}

// rounds-cli materials (docs/content.md): every local material with its availability now and the state of
// its file on this computer, after a rep's sync of the demo's materials.
void TestCli::materialsListed()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    ServerProcess server;
    QVERIFY(server.createDemo(10, 10, 2));
    QVERIFY(server.start());
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("rep.db"));
    const QStringList base {QStringLiteral("--db"), db};
    QCOMPARE(
        runCli(
            base + QStringList {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")},
            "demo-pass-1\n")
            .code,
        0);
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 0);
    const auto list = [&] {
        QHash<QString, QJsonObject> byTitle;
        const CliRun r = runCli(base + QStringList {QStringLiteral("materials"), QStringLiteral("--json")});
        const QJsonObject answer = r.json().object();
        for (const QJsonValue &v : answer.value("materials").toArray()) {
            const QJsonObject m = v.toObject();
            byTitle.insert(QStringLiteral("%1/%2/v%3")
                               .arg(m.value("product").toString().left(3), m.value("title").toString())
                               .arg(m.value("version").toInt()),
                m);
        }
        return byTitle;
    };
    QHash<QString, QJsonObject> m = list();
    QCOMPARE(m.size(), 13); // 3 per demo product and the first product's safety update
    const QString product = m.keys().first().left(3);
    const QJsonObject v1 = m.value(product + QStringLiteral("/产品手册/v1"));
    const QJsonObject v2 = m.value(product + QStringLiteral("/产品手册/v2"));
    QCOMPARE(v1.value("status").toString(), QStringLiteral("withdrawn"));
    QCOMPARE(v1.value("availability").toString(), QStringLiteral("withdrawn"));
    QCOMPARE(v2.value("availability").toString(), QStringLiteral("presentable"));
    QCOMPARE(v2.value("supersedes").toString(), v1.value("id").toString());
    QCOMPARE(v2.value("pages").toInt(), 5);
    QCOMPARE(v2.value("file").toString(), QStringLiteral("missing"));
    QCOMPARE(v2.value("valid_to").toString(),
        QDateTime::currentDateTimeUtc().date().addDays(335).toString(Qt::ISODate));

    // A whole, checked download, and one half done.
    const QString token = server.login(QStringLiteral("rep.sh01"));
    const HttpReply whole
        = server.get(QStringLiteral("/api/v1/files/") + v2.value("sha256").toString(), token);
    QCOMPARE(whole.status, 200);
    QDir().mkpath(localfiles::downloadFolderFor(db));
    QFile done(localfiles::downloadPathFor(db, v2.value("sha256").toString()));
    QVERIFY(done.open(QIODevice::WriteOnly) && done.write(whole.body) == whole.body.size());
    done.close();
    const QJsonObject en = m.value(product + QStringLiteral("/Clinical evidence summary/v1"));
    QFile part(localfiles::downloadPathFor(db, en.value("sha256").toString()) + QStringLiteral(".part"));
    QVERIFY(part.open(QIODevice::WriteOnly) && part.write(QByteArray(1000, 'x')) == 1000);
    part.close();

    // The admin moves the English one's validity into the past: after the rep's sync it is expired.
    const QString admin = server.login(QStringLiteral("admin"));
    const QJsonObject stored = server.storedRecord(en.value("id").toString());
    const HttpReply pushed = server.push(admin,
        QJsonArray {mutation(QStringLiteral("material"), en.value("id").toString(),
            QJsonObject {{"valid_from", QDate::currentDate().addDays(-30).toString(Qt::ISODate)},
                {"valid_to", QDate::currentDate().addDays(-2).toString(Qt::ISODate)}},
            1)});
    QCOMPARE(pushed.json.value("results").toArray().first().toObject().value("status").toString(),
        QStringLiteral("applied"));
    QVERIFY(!stored.isEmpty());
    QCOMPARE(runCli(base + QStringList {QStringLiteral("sync")}).code, 0);
    m = list();
    QCOMPARE(m.value(product + QStringLiteral("/产品手册/v2")).value("file").toString(),
        QStringLiteral("complete"));
    const QJsonObject enNow = m.value(product + QStringLiteral("/Clinical evidence summary/v1"));
    QCOMPARE(enNow.value("file").toString(), QStringLiteral("partial"));
    QCOMPARE(enNow.value("bytes").toInteger(), qint64(1000));
    QCOMPARE(enNow.value("availability").toString(), QStringLiteral("expired"));

    const CliRun text = runCli(base + QStringList {QStringLiteral("materials")});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("Clinical evidence summary"));
    QVERIFY(text.out.contains("\tpresentable\t"));
    QVERIFY(text.out.contains("\texpired\t"));
    QCOMPARE(runCli(base + QStringList {QStringLiteral("materials"), QStringLiteral("extra")}).code, 2);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
