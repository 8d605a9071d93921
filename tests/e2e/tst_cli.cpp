#include "server/serverprocess.h"
#include "sync/apiclient.h"

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

private:
    struct Run
    {
        int code = -1;
        QByteArray out;
        QByteArray err;
        QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    };
    static Run cli(const QStringList &args, const QByteArray &in = {});
};

void TestCli::initTestCase()
{
    QVERIFY(QFileInfo::exists(ServerProcess::binary()));
}

TestCli::Run TestCli::cli(const QStringList &args, const QByteArray &in)
{
    QProcess p;
    p.start(qEnvironmentVariable("ROUNDS_BINARY_DIR") + QStringLiteral("/bin/rounds-cli"), args);
    Run r;
    if (!p.waitForStarted())
        return r;
    p.write(in);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
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
    QCOMPARE(cli(base + QStringList {QStringLiteral("sync")}).code, 1); // not signed in yet
    Run login = cli(
        base + QStringList {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")},
        "wrong-password\n");
    QCOMPARE(login.code, 1);
    QVERIFY2(login.err.contains("Wrong user name or password"), login.err.constData());
    QCOMPARE(
        cli(base + QStringList {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")},
            "demo-pass-1\n")
            .code,
        0);
    QCOMPARE(cli(base + QStringList {QStringLiteral("sync")}).code, 0);

    // The rep reschedules a plan offline; the manager changes the same field meanwhile.
    Run plans = cli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit_plan")});
    QCOMPARE(plans.code, 0);
    const QJsonObject plan = QJsonDocument::fromJson(plans.out.split('\n').first()).object();
    const QString id = plan.value(u"id").toString();
    QCOMPARE(cli(base
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

    Run sync = cli(base + QStringList {QStringLiteral("sync"), QStringLiteral("--json")});
    QCOMPARE(sync.code, 3); // synced, but a person must decide
    QCOMPARE(sync.json().object().value(u"conflicts").toInt(), 1);
    Run listed = cli(base + QStringList {QStringLiteral("conflicts"), QStringLiteral("--json")});
    QCOMPARE(listed.code, 0);
    const QJsonArray conflicts = listed.json().array();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts.first().toObject();
    QCOMPARE(c.value(u"field").toString(), QStringLiteral("purpose"));
    QCOMPARE(c.value(u"mine").toString(), QStringLiteral("带新文献"));
    QCOMPARE(c.value(u"theirs").toString(), QStringLiteral("主任出差，改期"));
    QCOMPARE(c.value(u"base"), plan.value(u"purpose"));

    QCOMPARE(cli(base
                 + QStringList {QStringLiteral("resolve"), QString::number(c.value(u"id").toInteger()),
                     QStringLiteral("sideways")})
                 .code,
        2);
    QCOMPARE(cli(base
                 + QStringList {QStringLiteral("resolve"), QString::number(c.value(u"id").toInteger()),
                     QStringLiteral("mine")})
                 .code,
        0);
    QCOMPARE(cli(base + QStringList {QStringLiteral("sync")}).code, 0);
    const QList<QJsonObject> onServer
        = recordsOf(server.pullAll(manager).changes, QStringLiteral("visit_plan"));
    const auto it = std::find_if(onServer.begin(), onServer.end(),
        [&](const QJsonObject &p) { return p.value(u"id").toString() == id; });
    QVERIFY(it != onServer.end());
    QCOMPARE(it->value(u"purpose").toString(), QStringLiteral("带新文献"));

    Run status = cli(base + QStringList {QStringLiteral("status"), QStringLiteral("--json")});
    QCOMPARE(status.json().object().value(u"open_conflicts").toInt(), 0);
    QCOMPARE(status.json().object().value(u"pending").toInt(), 0);
    QVERIFY(!status.json().object().value(u"epoch").toString().isEmpty());

    // A change the server refuses (a submitted visit is read-only) is listed with its reason, then given up.
    const QByteArray visits = cli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit")}).out;
    QString submitted;
    for (const QByteArray &line : visits.split('\n')) {
        const QJsonObject v = QJsonDocument::fromJson(line).object();
        if (v.value(u"status").toString() == QLatin1String("submitted")) {
            submitted = v.value(u"id").toString();
            break;
        }
    }
    QVERIFY(!submitted.isEmpty());
    QCOMPARE(cli(base
                 + QStringList {QStringLiteral("edit"), QStringLiteral("visit"), submitted,
                     QStringLiteral("notes=too late")})
                 .code,
        0);
    QCOMPARE(cli(base + QStringList {QStringLiteral("sync")}).code, 3);
    const QJsonArray rejected = cli(base + QStringList {QStringLiteral("status"), QStringLiteral("--json")})
                                    .json()
                                    .object()
                                    .value(u"rejected")
                                    .toArray();
    QCOMPARE(rejected.size(), 1);
    QVERIFY(rejected.first().toObject().value(u"message").toString().contains(QStringLiteral("read-only")));
    QCOMPARE(cli(base
                 + QStringList {QStringLiteral("discard"),
                     rejected.first().toObject().value(u"mutation_id").toString()})
                 .code,
        0);
    QCOMPARE(cli(base + QStringList {QStringLiteral("sync")}).code, 0);
    QVERIFY(
        !cli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit")}).out.contains("too late"));

    // Sign-out forgets the token and keeps the data.
    QCOMPARE(cli(base + QStringList {QStringLiteral("logout")}).code, 0);
    Run after = cli(base + QStringList {QStringLiteral("sync")});
    QCOMPARE(after.code, 1);
    QVERIFY2(after.err.contains("sign in again"), after.err.constData());
    QVERIFY(cli(base + QStringList {QStringLiteral("dump"), QStringLiteral("visit_plan")})
                .out.contains(id.toUtf8()));
    QCOMPARE(cli(base + QStringList {QStringLiteral("dump"), QStringLiteral("nonsense")}).code, 2);
}

void TestCli::tlsTrustsOnlyTheCompanyCa()
{
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
            QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1")});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
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

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
