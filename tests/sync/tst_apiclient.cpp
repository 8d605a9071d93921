#include "scriptedhttpserver.h"
#include "sync/apiclient.h"

#include <QSignalSpy>
#include <QtTest>

using namespace rounds;
using rounds::test::ScriptedHttpServer;

class TestApiClient : public QObject
{
    Q_OBJECT
private slots:
    void sendsProtocolHeaderAndToken();
    void retriesNetworkErrorsAnd5xxWithBackoff();
    void retriesWhenNobodyListens();
    void retriesATruncatedBody();
    void neverRetries4xx_data();
    void neverRetries4xx();
    void givesUpAfterMaxAttempts();
    void honoursRetryAfter();
    void normalizesServerUrls_data();
    void normalizesServerUrls();

private:
    static ApiClient *client(const ScriptedHttpServer &server, QObject *parent)
    {
        auto *c = new ApiClient(QUrl(server.url()), parent);
        c->setRetryPolicy(RetryPolicy {5, 10, 40, 5000});
        return c;
    }
};

void TestApiClient::sendsProtocolHeaderAndToken()
{
    ScriptedHttpServer server;
    server.enqueue({200, R"({"status":"ok"})", {}, false, false});
    ApiClient *c = client(server, this);
    c->setToken(QStringLiteral("tok-123"));
    const ApiResponse r
        = c->post(QStringLiteral("/api/v1/sync/pull"), QJsonObject {{QStringLiteral("limit"), 10}});
    QVERIFY(r.ok());
    QCOMPARE(r.body.value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(server.requestCount(), 1);
    const QByteArray req = server.requests().first();
    QVERIFY(req.startsWith("POST /api/v1/sync/pull HTTP/1.1"));
    QVERIFY(req.contains("Rounds-Protocol: 1"));
    QVERIFY(req.contains("Authorization: Bearer tok-123"));
    QVERIFY(req.endsWith(R"({"limit":10})"));
}

void TestApiClient::retriesNetworkErrorsAnd5xxWithBackoff()
{
    ScriptedHttpServer server;
    server.enqueue({502, "<html>bad gateway</html>", {}, false, false});
    server.enqueue({500, R"({"error":{"code":"internal","message":"x"}})", {}, false, false});
    server.enqueue({503, R"({"error":{"code":"internal","message":"busy"}})", {}, false, false});
    server.enqueue({200, R"({"results":[]})", {}, false, false});
    ApiClient *c = client(server, this);
    QSignalSpy retries(c, &ApiClient::retrying);
    const ApiResponse r = c->post(QStringLiteral("/api/v1/sync/push"), QJsonObject {});
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.attempts, 4);
    QCOMPARE(server.requestCount(), 4);
    QCOMPARE(retries.count(), 3);
    // Exponential: each delay lies within ±50% of base·2^(n-1), capped at 40 ms.
    const int expected[] = {10, 20, 40};
    for (int i = 0; i < 3; ++i) {
        const int delay = retries.at(i).at(1).toInt();
        QVERIFY2(
            delay >= expected[i] / 2 && delay <= expected[i] * 3 / 2, qPrintable(QString::number(delay)));
    }
}

void TestApiClient::retriesWhenNobodyListens()
{
    quint16 port = 0;
    {
        QTcpServer probe; // a port that was free a moment ago and is closed now
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    ApiClient c(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    c.setRetryPolicy(RetryPolicy {3, 10, 40, 5000});
    QSignalSpy retries(&c, &ApiClient::retrying);
    const ApiResponse r = c.get(QStringLiteral("/api/v1/health"));
    QCOMPARE(r.error.kind, ApiError::Network);
    QCOMPARE(r.attempts, 3);
    QCOMPARE(retries.count(), 2);
    QVERIFY2(r.error.message.contains(QStringLiteral("cannot be reached")), qPrintable(r.error.message));
}

void TestApiClient::retriesATruncatedBody()
{
    ScriptedHttpServer server;
    server.enqueue({200, R"({"changes":[],"cursors":{},"more":false,"epoch":"e1"})", {}, false, true});
    server.enqueue({200, R"({"changes":[],"cursors":{},"more":false,"epoch":"e1"})", {}, false, false});
    ApiClient *c = client(server, this);
    const ApiResponse r = c->post(QStringLiteral("/api/v1/sync/pull"), QJsonObject {});
    QVERIFY2(r.ok(), qPrintable(r.error.message));
    QCOMPARE(r.attempts, 2);
    QCOMPARE(r.body.value(u"epoch").toString(), QStringLiteral("e1"));
}

void TestApiClient::neverRetries4xx_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("400") << 400 << int(ApiError::Client) << QStringLiteral("refused the value of “x”");
    QTest::newRow("401") << 401 << int(ApiError::Unauthorized) << QStringLiteral("Sign in again");
    QTest::newRow("403") << 403 << int(ApiError::Client) << QStringLiteral("refused the value of “x”");
    QTest::newRow("413") << 413 << int(ApiError::Client) << QStringLiteral("refused the value of “x”");
    QTest::newRow("426") << 426 << int(ApiError::Upgrade) << QStringLiteral("update Rounds");
}

void TestApiClient::neverRetries4xx()
{
    QFETCH(int, status);
    QFETCH(int, kind);
    QFETCH(QString, messagePart);
    ScriptedHttpServer server;
    server.enqueue(
        {status, R"({"error":{"code":"invalid_request","message":"field 'x' is bad","field":"x"}})", {},
            false, false});
    server.enqueue({200, "{}", {}, false, false});
    ApiClient *c = client(server, this);
    const ApiResponse r = c->post(QStringLiteral("/api/v1/sync/push"), QJsonObject {});
    QCOMPARE(int(r.error.kind), kind);
    QCOMPARE(r.attempts, 1);
    QCOMPARE(server.requestCount(), 1);
    QCOMPARE(r.error.httpStatus, status);
    QCOMPARE(r.error.code, QStringLiteral("invalid_request"));
    QVERIFY2(r.error.message.contains(messagePart), qPrintable(r.error.message));
    QCOMPARE(r.error.serverMessage, QStringLiteral("field 'x' is bad")); // kept for support
}

void TestApiClient::givesUpAfterMaxAttempts()
{
    ScriptedHttpServer server;
    for (int i = 0; i < 10; ++i)
        server.enqueue({500, R"({"error":{"code":"internal","message":"x"}})", {}, false, false});
    ApiClient *c = client(server, this);
    const ApiResponse r = c->get(QStringLiteral("/api/v1/me"));
    QCOMPARE(r.error.kind, ApiError::Server);
    QCOMPARE(r.attempts, 5);
    QCOMPARE(server.requestCount(), 5);
}

void TestApiClient::honoursRetryAfter()
{
    ScriptedHttpServer server;
    server.enqueue({429, R"({"error":{"code":"rate_limited","message":"slow down"}})", {{"Retry-After", "1"}},
        false, false});
    server.enqueue({200, "{}", {}, false, false});
    ApiClient *c = client(server, this);
    QSignalSpy retries(c, &ApiClient::retrying);
    const ApiResponse r = c->post(QStringLiteral("/api/v1/auth/login"), QJsonObject {});
    QVERIFY(r.ok());
    QCOMPARE(retries.count(), 1);
    QCOMPARE(retries.first().at(1).toInt(), 1000);
}

void TestApiClient::normalizesServerUrls_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    QTest::newRow("bare host") << QStringLiteral("rounds.example.com")
                               << QStringLiteral("https://rounds.example.com");
    QTest::newRow("host and port") << QStringLiteral(" 127.0.0.1:8421/ ")
                                   << QStringLiteral("https://127.0.0.1:8421");
    QTest::newRow("http kept") << QStringLiteral("http://127.0.0.1:8421")
                               << QStringLiteral("http://127.0.0.1:8421");
    QTest::newRow("path dropped") << QStringLiteral("https://h/api/v1") << QStringLiteral("https://h");
    QTest::newRow("ftp refused") << QStringLiteral("ftp://h") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestApiClient::normalizesServerUrls()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(ApiClient::normalizeServerUrl(typed).toString(), expected);
}

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
