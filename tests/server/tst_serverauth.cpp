#include "server/serverprocess.h"

#include <QDir>

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds::test;

// Logins, tokens, rate limiting, user commands, TLS and the process's command line, against a real
// rounds-server process.
class TestServerAuth : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void health();
    void loginAnswersUserWithScope_data();
    void loginAnswersUserWithScope();
    void wrongLoginsAreUnauthorized();
    void requestsWithoutValidTokenAreUnauthorized();
    void logoutEndsTheTokenAtOnce();
    void tokensExpire();
    void failedLoginsAreRateLimitedPerUserName();
    void userAddAndDisableRevokeTokens();
    void commandLineUsage();
    void freshFolderWithOnlyAnAdmin();
    void tls();
    void sigtermStopsCleanly();

private:
    ServerProcess m_template; // demo data, never served
    ServerProcess m_server;
};

void TestServerAuth::initTestCase()
{
    QVERIFY(m_template.createDemo(40, 50));
    QVERIFY(m_server.copyDataFrom(m_template.dataDir()));
    QVERIFY(m_server.start());
}

void TestServerAuth::health()
{
    const HttpReply r = m_server.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("status").toString(), QStringLiteral("ok"));
    QCOMPARE(r.json.value("protocol").toArray(), QJsonArray {1});
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
}

void TestServerAuth::loginAnswersUserWithScope_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("territories");
    QTest::newRow("rep") << "rep.sh01"
                         << "rep" << 1;
    QTest::newRow("manager") << "manager.hz"
                             << "manager" << 2;
    QTest::newRow("sfe") << "sfe"
                         << "sfe" << 4;
    QTest::newRow("admin") << "admin"
                           << "admin" << 4;
}

void TestServerAuth::loginAnswersUserWithScope()
{
    QFETCH(QString, username);
    QFETCH(QString, role);
    QFETCH(int, territories);
    HttpReply login;
    const QString token = m_server.login(username, QString::fromLatin1(ServerProcess::DemoPassword), &login);
    QVERIFY2(!token.isEmpty(), login.body.constData());
    QCOMPARE(token.size(), 43); // 256 bits, base64url without padding
    const QJsonObject user = login.json.value("user").toObject();
    QCOMPARE(user.value("username").toString(), username);
    QCOMPARE(user.value("role").toString(), role);
    QCOMPARE(user.value("territory_ids").toArray().size(), territories);
    const QDateTime expires
        = QDateTime::fromString(login.json.value("expires_at").toString(), Qt::ISODateWithMs);
    QVERIFY(expires > QDateTime::currentDateTimeUtc().addDays(29));
    QVERIFY(expires < QDateTime::currentDateTimeUtc().addDays(31));

    const HttpReply me = m_server.get(QStringLiteral("/api/v1/me"), token);
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json, user);
}

void TestServerAuth::wrongLoginsAreUnauthorized()
{
    HttpReply r;
    QVERIFY(m_server.login(QStringLiteral("rep.sh02"), QStringLiteral("wrong-password"), &r).isEmpty());
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
    QVERIFY(m_server.login(QStringLiteral("nobody.here"), QStringLiteral("demo-pass-1"), &r).isEmpty());
    QCOMPARE(r.status, 401);
    // The password is case-sensitive and exact.
    QVERIFY(m_server.login(QStringLiteral("rep.sh02"), QStringLiteral("DEMO-PASS-1"), &r).isEmpty());
    QCOMPARE(r.status, 401);
}

void TestServerAuth::requestsWithoutValidTokenAreUnauthorized()
{
    for (const QString &token : {QString(), QStringLiteral("not-a-token"), QString(43, QLatin1Char('A'))}) {
        const HttpReply me = m_server.get(QStringLiteral("/api/v1/me"), token);
        QCOMPARE(me.status, 401);
        QCOMPARE(me.errorCode(), QStringLiteral("unauthorized"));
        const HttpReply pull = m_server.post(QStringLiteral("/api/v1/sync/pull"), QJsonObject {}, token);
        QCOMPARE(pull.status, 401);
    }
    const HttpReply basic = m_server.request(
        "GET", QStringLiteral("/api/v1/me"), {}, {}, {{"Authorization", "Basic cmVwOnBhc3M="}});
    QCOMPARE(basic.status, 401);
}

void TestServerAuth::logoutEndsTheTokenAtOnce()
{
    const QString token = m_server.login(QStringLiteral("rep.hz01"));
    const QString other = m_server.login(QStringLiteral("rep.hz01"));
    QVERIFY(!token.isEmpty() && token != other);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), token).status, 200);
    const HttpReply out = m_server.post(QStringLiteral("/api/v1/auth/logout"), {}, token);
    QCOMPARE(out.status, 204);
    QVERIFY(out.body.isEmpty());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), token).status, 401);
    QCOMPARE(m_server.post(QStringLiteral("/api/v1/auth/logout"), {}, token).status, 401);
    // Only that session ended.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), other).status, 200);
}

void TestServerAuth::tokensExpire()
{
    ServerProcess shortLived;
    QVERIFY(shortLived.copyDataFrom(m_template.dataDir()));
    QVERIFY(shortLived.start({QStringLiteral("--token-ttl"), QStringLiteral("2")}));
    HttpReply login;
    const QString token = shortLived.login(
        QStringLiteral("rep.sh01"), QString::fromLatin1(ServerProcess::DemoPassword), &login);
    QVERIFY(!token.isEmpty());
    QCOMPARE(shortLived.get(QStringLiteral("/api/v1/me"), token).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(shortLived.get(QStringLiteral("/api/v1/me"), token).status, 401, 5000);
    const HttpReply me = shortLived.get(QStringLiteral("/api/v1/me"), token);
    QCOMPARE(me.errorCode(), QStringLiteral("unauthorized"));
    QVERIFY(
        me.json.value("error").toObject().value("message").toString().contains(QStringLiteral("expired")));
    // The next login forgets expired tokens: only the new one stays in the file.
    QVERIFY(!shortLived.login(QStringLiteral("rep.sh02")).isEmpty());
    QCOMPARE(shortLived.scalar(QStringLiteral("SELECT count(*) FROM tokens")), qint64(1));
}

void TestServerAuth::failedLoginsAreRateLimitedPerUserName()
{
    HttpReply r;
    for (int i = 0; i < 5; ++i) {
        m_server.login(QStringLiteral("rep.hz02"), QStringLiteral("guess-%1").arg(i), &r);
        QCOMPARE(r.status, 401);
    }
    m_server.login(QStringLiteral("rep.hz02"), QStringLiteral("guess-6"), &r);
    QCOMPARE(r.status, 429);
    QCOMPARE(r.errorCode(), QStringLiteral("rate_limited"));
    const int retry = r.header("Retry-After").toInt();
    QVERIFY2(retry >= 1 && retry <= 60, r.header("Retry-After").constData());
    // Even the right password waits now…
    m_server.login(QStringLiteral("rep.hz02"), QString::fromLatin1(ServerProcess::DemoPassword), &r);
    QCOMPARE(r.status, 429);
    // …but other user names are not affected.
    QVERIFY(!m_server.login(QStringLiteral("rep.sh02")).isEmpty());
}

void TestServerAuth::userAddAndDisableRevokeTokens()
{
    QByteArray err;
    // Added while the server runs: the command and the server share the file.
    int rc = ServerProcess::runCommand(
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), m_server.dataDir(),
            QStringLiteral("--username"), QStringLiteral("new.rep"), QStringLiteral("--role"),
            QStringLiteral("rep"), QStringLiteral("--territory"), QStringLiteral("SH-02"),
            QStringLiteral("--display-name"), QStringLiteral("王小明")},
        "s3cret-pass-9\n", nullptr, &err);
    QVERIFY2(rc == 0, err.constData());
    HttpReply login;
    const QString token = m_server.login(QStringLiteral("new.rep"), QStringLiteral("s3cret-pass-9"), &login);
    QVERIFY2(!token.isEmpty(), login.body.constData());
    QCOMPARE(login.json.value("user").toObject().value("display_name").toString(), QStringLiteral("王小明"));
    QCOMPARE(login.json.value("user").toObject().value("territory_ids").toArray().size(), 1);
    const QString second = m_server.login(QStringLiteral("new.rep"), QStringLiteral("s3cret-pass-9"));

    // The same name twice is refused with one line on stderr.
    rc = ServerProcess::runCommand(
        {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), m_server.dataDir(),
            QStringLiteral("--username"), QStringLiteral("new.rep"), QStringLiteral("--role"),
            QStringLiteral("rep"), QStringLiteral("--territory"), QStringLiteral("SH-02")},
        "another-pass\n", nullptr, &err);
    QCOMPARE(rc, 1);
    QCOMPARE(err.trimmed().count('\n'), 0);
    QVERIFY(err.contains("exists"));

    rc = ServerProcess::runCommand(
        {QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--data"), m_server.dataDir(),
            QStringLiteral("--username"), QStringLiteral("new.rep")},
        {}, nullptr, &err);
    QVERIFY2(rc == 0, err.constData());
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), token).status, 401);
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/me"), second).status, 401);
    QVERIFY(m_server.login(QStringLiteral("new.rep"), QStringLiteral("s3cret-pass-9")).isEmpty());

    // Everyone sees the user record turn inactive.
    const QString admin = m_server.login(QStringLiteral("admin"));
    const PullResult pulled = m_server.pullAll(admin);
    QVERIFY(pulled.ok);
    bool found = false;
    for (const QJsonObject &u : recordsOf(pulled.changes, QStringLiteral("user"))) {
        if (u.value("username").toString() == QLatin1String("new.rep")) {
            found = true;
            QCOMPARE(u.value("active").toBool(), false);
            QCOMPARE(u.value("version").toInt(), 2);
            QVERIFY(!u.contains("password_hash"));
        }
    }
    QVERIFY(found);
}

void TestServerAuth::commandLineUsage()
{
    QByteArray out;
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand({}, {}, &out, &err), 2);
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("frobnicate")}, {}, &out, &err), 2);
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("serve")}, {}, &out, &err), 2);
    QCOMPARE(err.trimmed().count('\n'), 0);
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("serve"), QStringLiteral("--data"), m_server.dataDir(),
                                           QStringLiteral("--listen"), QStringLiteral("nonsense")},
                 {}, &out, &err),
        2);
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("demo"), QStringLiteral("--data"), m_server.dataDir(),
                                           QStringLiteral("--hcps"), QStringLiteral("many")},
                 {}, &out, &err),
        2);
    QCOMPARE(
        ServerProcess::runCommand({QStringLiteral("serve"), QStringLiteral("--bogus")}, {}, &out, &err), 2);

    const QList<QStringList> helps {{QStringLiteral("serve")}, {QStringLiteral("demo")},
        {QStringLiteral("user"), QStringLiteral("add")}, {QStringLiteral("user"), QStringLiteral("disable")},
        {QStringLiteral("import"), QStringLiteral("hcps")},
        {QStringLiteral("import"), QStringLiteral("sales")}, {QStringLiteral("export")}};
    for (const QStringList &command : helps) {
        QCOMPARE(
            ServerProcess::runCommand(command + QStringList {QStringLiteral("--help")}, {}, &out, &err), 0);
        QVERIFY2(out.contains("--data"), command.join(QLatin1Char(' ')).toUtf8().constData());
    }

    // Failures: exit 1 and one clear line.
    QTemporaryDir empty;
    QCOMPARE(ServerProcess::runCommand(
                 {QStringLiteral("serve"), QStringLiteral("--data"), empty.path()}, {}, &out, &err),
        1);
    QCOMPARE(err.trimmed().count('\n'), 0);
    QVERIFY(err.contains("no server data"));
    QCOMPARE(ServerProcess::runCommand(
                 {QStringLiteral("demo"), QStringLiteral("--data"), m_template.dataDir()}, {}, &out, &err),
        1);
    QVERIFY(err.contains("already holds data"));
    QCOMPARE(
        ServerProcess::runCommand({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"),
                                      m_template.dataDir(), QStringLiteral("--username"), QStringLiteral("x"),
                                      QStringLiteral("--role"), QStringLiteral("wizard")},
            "long-enough-pw\n", &out, &err),
        1);
    QVERIFY(err.contains("unknown role"));
    // A port in use is a failure, not a hang.
    QCOMPARE(ServerProcess::runCommand(
                 {QStringLiteral("serve"), QStringLiteral("--data"), m_template.dataDir(),
                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(m_server.url().port())},
                 {}, &out, &err),
        1);
}

void TestServerAuth::freshFolderWithOnlyAnAdmin()
{
    // A real installation starts from nothing but an admin account.
    ServerProcess fresh;
    QByteArray err;
    QCOMPARE(
        ServerProcess::runCommand({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"),
                                      fresh.dataDir(), QStringLiteral("--username"), QStringLiteral("root"),
                                      QStringLiteral("--role"), QStringLiteral("admin")},
            "correct horse battery\n", nullptr, &err),
        0);
    // A rep needs a territory, and there is none yet.
    QCOMPARE(ServerProcess::runCommand(
                 {QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"), fresh.dataDir(),
                     QStringLiteral("--username"), QStringLiteral("r"), QStringLiteral("--role"),
                     QStringLiteral("rep"), QStringLiteral("--territory"), QStringLiteral("SH-01")},
                 "long-enough-pw\n", nullptr, &err),
        1);
    QVERIFY(err.contains("no territory with code 'SH-01'"));
    // Too short a password is refused.
    QCOMPARE(
        ServerProcess::runCommand({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--data"),
                                      fresh.dataDir(), QStringLiteral("--username"), QStringLiteral("s"),
                                      QStringLiteral("--role"), QStringLiteral("sfe")},
            "short\n", nullptr, &err),
        1);
    QVERIFY(fresh.start());
    HttpReply login;
    const QString token
        = fresh.login(QStringLiteral("root"), QStringLiteral("correct horse battery"), &login);
    QVERIFY2(!token.isEmpty(), login.body.constData());
    QCOMPARE(login.json.value("user").toObject().value("territory_ids").toArray(), QJsonArray());
    const PullResult p = fresh.pullAll(token);
    QVERIFY(p.ok);
    QCOMPARE(recordsOf(p.changes, QStringLiteral("user")).size(), 1);
    QVERIFY(!p.epoch.isEmpty());
}

void TestServerAuth::tls()
{
    QTemporaryDir dir;
    QString cert, key;
    QVERIFY(makeSelfSignedCertificate(dir.path(), &cert, &key));

    ServerProcess secure;
    QVERIFY(secure.copyDataFrom(m_template.dataDir()));
    QVERIFY(secure.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
    QCOMPARE(secure.url().scheme(), QStringLiteral("https"));

    // A client that checks certificates refuses the self-signed one…
    const HttpReply strict = secure.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(strict.status, 0);
    // …one told to trust it gets through, login included.
    secure.setInsecureTls(true);
    QCOMPARE(secure.get(QStringLiteral("/api/v1/health")).status, 200);
    const QString token = secure.login(QStringLiteral("rep.sh01"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(secure.get(QStringLiteral("/api/v1/me"), token).status, 200);

    // Plain HTTP on the TLS port gets no answer.
    QUrl url = secure.url();
    url.setScheme(QStringLiteral("http"));
    {
        QNetworkAccessManager nam;
        url.setPath(QStringLiteral("/api/v1/health"));
        QNetworkRequest req(url);
        req.setTransferTimeout(5000);
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QVERIFY(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200);
        delete reply;
    }

    // Missing or broken key files are a clear failure.
    QByteArray err;
    QCOMPARE(
        ServerProcess::runCommand({QStringLiteral("serve"), QStringLiteral("--data"), m_template.dataDir(),
                                      QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                      QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), cert},
            {}, nullptr, &err),
        1);
    QVERIFY(err.contains("private key"));
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("serve"), QStringLiteral("--data"),
                                           m_template.dataDir(), QStringLiteral("--tls-cert"), cert},
                 {}, nullptr, &err),
        2);
}

void TestServerAuth::sigtermStopsCleanly()
{
    QVERIFY(m_server.isRunning());
    QCOMPARE(m_server.stop(), 0);
    const QByteArray log = m_server.serverLog();
    QVERIFY(log.contains("stopped"));
    // One line per request: method, path, status, time, user.
    QVERIFY2(log.contains("GET /api/v1/me 200"), log.constData());
    QVERIFY(log.contains("POST /api/v1/auth/login 429"));
    QVERIFY(QRegularExpression(QStringLiteral(R"(GET /api/v1/me 200 \d+ms rep\.sh01)"))
                .match(QString::fromUtf8(log))
                .hasMatch());
}

QTEST_GUILESS_MAIN(TestServerAuth)
#include "tst_serverauth.moc"
