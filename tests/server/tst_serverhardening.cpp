#include "server/serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSslCipher>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>

using namespace rounds::test;

// The server under hostile input (docs/server.md, "Hostile input"), against a real rounds-server and
// raw sockets: body limits from Content-Length and chunked bodies, read timeouts, pipelined requests,
// log lines that requests cannot forge, the login limit per source address, the TLS suites offered, and
// the mode of an export.
class TestServerHardening : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void declaredBodyOverTheLimitIsRefusedAtOnce_data();
    void declaredBodyOverTheLimitIsRefusedAtOnce();
    void chunkedBodyIsCutAtTheLimit_data();
    void chunkedBodyIsCutAtTheLimit();
    void stalledRequestsTimeOut_data();
    void stalledRequestsTimeOut();
    void idleConnectionsAreClosed();
    void pipelinedRequestsAreAnsweredInOrder();
    void logLinesCannotBeForged();
    void guessesFromOneAddressDoNotLockOutAnother();
    void oneAddressIsLimitedAcrossUserNames();
    void forwardedForCountsBehindALocalProxy();
    void tlsOffersOnlyEcdheWithAead_data();
    void tlsOffersOnlyEcdheWithAead();
    void exportIsPrivateFromTheStart();

private:
    ServerProcess m_server; // --max-body 1 MiB, --read-timeout 1 s
    QTemporaryDir m_certDir;
    std::unique_ptr<ServerProcess> m_secure; // the same, over TLS
};

namespace {

constexpr qint64 MaxBody = 1024 * 1024;

struct Answer
{
    int status = 0;
    QByteArray headers;
    QByteArray body;
};

// A raw connection to the server; `from` picks the source address (any 127.x.y.z works on Linux).
std::unique_ptr<QTcpSocket> connectTo(const QUrl &url, const QHostAddress &from = QHostAddress::LocalHost)
{
    auto socket = std::make_unique<QTcpSocket>();
    if (!socket->bind(from))
        return nullptr;
    socket->connectToHost(QHostAddress::LocalHost, quint16(url.port()));
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

// Reads up to `count` complete answers (status line, headers, Content-Length body) within `timeoutMs`.
QList<Answer> readAnswers(QTcpSocket &socket, int count, int timeoutMs = 10000)
{
    QList<Answer> answers;
    QByteArray data;
    QElapsedTimer timer;
    timer.start();
    while (answers.size() < count && timer.elapsed() < timeoutMs) {
        const qsizetype end = data.indexOf("\r\n\r\n");
        if (end >= 0) {
            Answer a;
            a.headers = data.left(end);
            a.status = data.mid(9, 3).toInt();
            const QRegularExpression lengthHeader(QStringLiteral("(?i)\r\ncontent-length: *(\\d+)"));
            const auto m = lengthHeader.match(QString::fromLatin1(a.headers));
            const qsizetype length = m.hasMatch() ? m.captured(1).toLongLong() : 0;
            if (data.size() >= end + 4 + length) {
                a.body = data.mid(end + 4, length);
                data.remove(0, end + 4 + length);
                answers << a;
                continue;
            }
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        if (socket.bytesAvailable() > 0 || socket.waitForReadyRead(100))
            data += socket.readAll();
    }
    return answers;
}

// Waits until the server closes the connection; false when it is still open after `timeoutMs`.
bool closedWithin(QTcpSocket &socket, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (socket.state() == QAbstractSocket::ConnectedState && timer.elapsed() < timeoutMs) {
        socket.waitForReadyRead(50);
        socket.readAll();
    }
    return socket.state() != QAbstractSocket::ConnectedState;
}

QByteArray loginBody(const QString &username, const QString &password)
{
    return QJsonDocument(
        QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password}})
        .toJson(QJsonDocument::Compact);
}

QByteArray post(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

int loginFrom(const QUrl &url, const QHostAddress &from, const QString &username, const QString &password,
    const QByteArray &extraHeaders = {})
{
    std::unique_ptr<QTcpSocket> socket = connectTo(url, from);
    if (!socket)
        return -1;
    socket->write(post("/api/v1/auth/login", loginBody(username, password), extraHeaders));
    const QList<Answer> answers = readAnswers(*socket, 1);
    return answers.isEmpty() ? 0 : answers.first().status;
}

QString errorCode(const Answer &answer)
{
    return QJsonDocument::fromJson(answer.body)
        .object()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

} // namespace

void TestServerHardening::initTestCase()
{
    QVERIFY(m_server.createDemo(20, 20));
    QVERIFY(m_server.start({QStringLiteral("--max-body"), QString::number(MaxBody),
        QStringLiteral("--read-timeout"), QStringLiteral("1")}));
}

void TestServerHardening::declaredBodyOverTheLimitIsRefusedAtOnce_data()
{
    QTest::addColumn<qint64>("declared");
    QTest::addColumn<int>("status");
    // At the limit the body is read and parsed (spaces and "{}": refused for its content), one byte above
    // it and far above it (128 MiB) the headers alone get 413.
    QTest::newRow("at the limit") << MaxBody << 400;
    QTest::newRow("one byte above") << MaxBody + 1 << 413;
    QTest::newRow("128 MiB") << qint64(128) * 1024 * 1024 << 413;
    QTest::newRow("absurd") << qint64(999'999'999'999'999'999) << 413;
}

void TestServerHardening::declaredBodyOverTheLimitIsRefusedAtOnce()
{
    QFETCH(qint64, declared);
    QFETCH(int, status);
    const QString token = m_server.login(QStringLiteral("rep.sh01"));
    QVERIFY(!token.isEmpty());
    std::unique_ptr<QTcpSocket> socket = connectTo(m_server.url());
    QVERIFY(socket);
    socket->write("POST /api/v1/sync/push HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token.toLatin1() + "\r\nContent-Length: " + QByteArray::number(declared)
        + "\r\n\r\n{\"mutations\":");
    QElapsedTimer timer;
    timer.start();
    if (status == 413) {
        // Refused with only a few bytes of the body sent: nothing waits for (or buffers) the rest.
        const QList<Answer> answers = readAnswers(*socket, 1, 3000);
        QCOMPARE(answers.size(), 1);
        QCOMPARE(answers.first().status, 413);
        QCOMPARE(errorCode(answers.first()), QStringLiteral("payload_too_large"));
        QVERIFY(answers.first().headers.contains("Connection: close"));
        QVERIFY2(timer.elapsed() < 2000, QByteArray::number(timer.elapsed()).constData());
        QVERIFY(closedWithin(*socket, 8000));
        return;
    }
    socket->write(QByteArray(declared - 13, ' '));
    const QList<Answer> answers = readAnswers(*socket, 1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, status);
}

void TestServerHardening::chunkedBodyIsCutAtTheLimit_data()
{
    QTest::addColumn<qint64>("total");
    QTest::addColumn<int>("status");
    QTest::newRow("at the limit") << MaxBody << 400;
    QTest::newRow("one byte above") << MaxBody + 1 << 413;
}

void TestServerHardening::chunkedBodyIsCutAtTheLimit()
{
    QFETCH(qint64, total);
    QFETCH(int, status);
    std::unique_ptr<QTcpSocket> socket = connectTo(m_server.url());
    QVERIFY(socket);
    socket->write(
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n");
    // "{}" and spaces (JSON, but not a login) in chunks of 64 KiB, the last one shorter, then the end.
    QByteArray body = "{}" + QByteArray(total - 2, ' ');
    for (qsizetype sent = 0; sent < body.size(); sent += 64 * 1024) {
        const QByteArray chunk = body.mid(sent, 64 * 1024);
        socket->write(QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n");
    }
    socket->write("0\r\n\r\n");
    const QList<Answer> answers = readAnswers(*socket, 1);
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().status, status);
    if (status == 413)
        QCOMPARE(errorCode(answers.first()), QStringLiteral("payload_too_large"));
}

void TestServerHardening::stalledRequestsTimeOut_data()
{
    QTest::addColumn<QByteArray>("start");
    QTest::addColumn<QByteArray>("trickle"); // sent every 300 ms, never stalling for a whole second
    QTest::addColumn<int>("withinMs");
    // Read timeout 1 s: headers within 1 s; a body may stall for 1 s and take 5 s in all.
    QTest::newRow("headers stall") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nHost:") << QByteArray()
                                   << 3000;
    QTest::newRow("headers trickle") << QByteArray("POST /api/v1/auth/login HTTP/1.1\r\n")
                                     << QByteArray("X: y\r\n") << 3000;
    QTest::newRow("body stalls") << QByteArray(
        "POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 100\r\n\r\n{")
                                 << QByteArray() << 3000;
    QTest::newRow("body trickles") << QByteArray(
        "POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 10000\r\n\r\n{")
                                   << QByteArray(" ") << 7500;
}

void TestServerHardening::stalledRequestsTimeOut()
{
    QFETCH(QByteArray, start);
    QFETCH(QByteArray, trickle);
    QFETCH(int, withinMs);
    std::unique_ptr<QTcpSocket> socket = connectTo(m_server.url());
    QVERIFY(socket);
    QElapsedTimer timer;
    timer.start();
    socket->write(start);
    QByteArray received;
    while (socket->state() == QAbstractSocket::ConnectedState && timer.elapsed() < withinMs + 2000) {
        if (!trickle.isEmpty())
            socket->write(trickle);
        socket->waitForReadyRead(300);
        received += socket->readAll();
    }
    received += socket->readAll();
    QVERIFY2(socket->state() != QAbstractSocket::ConnectedState, "the connection is still open");
    QVERIFY2(timer.elapsed() < withinMs, QByteArray::number(timer.elapsed()).constData());
    QVERIFY2(received.startsWith("HTTP/1.1 408 "), received.constData());
}

void TestServerHardening::idleConnectionsAreClosed()
{
    std::unique_ptr<QTcpSocket> socket = connectTo(m_server.url());
    QVERIFY(socket);
    // A request, then nothing: the connection stays open for a while (keep-alive)…
    socket->write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(readAnswers(*socket, 1).value(0).status, 200);
    QVERIFY(!closedWithin(*socket, 2500));
    // …and is closed after four read timeouts (4 s).
    QVERIFY(closedWithin(*socket, 4000));
}

void TestServerHardening::pipelinedRequestsAreAnsweredInOrder()
{
    const QString token = m_server.login(QStringLiteral("rep.sh01"));
    std::unique_ptr<QTcpSocket> socket = connectTo(m_server.url());
    QVERIFY(socket);
    // Four requests in one write(): a slow one (a pull) first, a quick one after it, a login with a
    // body, and an unknown route. Each is answered, in the order asked.
    const QByteArray auth = "Authorization: Bearer " + token.toLatin1() + "\r\n";
    socket->write(post("/api/v1/sync/pull", R"({"cursors":{}})", auth)
        + "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
        + post("/api/v1/auth/login", loginBody(QStringLiteral("rep.sh01"), QStringLiteral("wrong-password")))
        + "GET /api/v1/nope HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QList<Answer> answers = readAnswers(*socket, 4);
    QCOMPARE(answers.size(), 4);
    QCOMPARE(answers.at(0).status, 200);
    QVERIFY(answers.at(0).body.contains("\"changes\""));
    QCOMPARE(answers.at(1).status, 200);
    QVERIFY(answers.at(1).body.contains("\"status\":\"ok\""));
    QCOMPARE(answers.at(2).status, 401);
    QCOMPARE(answers.at(3).status, 404);
    // The connection still serves the next request.
    socket->write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(readAnswers(*socket, 1).value(0).status, 200);
}

void TestServerHardening::logLinesCannotBeForged()
{
    const QString forged
        = QStringLiteral("x\nrounds.server: POST /api/v1/sync/push 200 1ms admin\r\u2028\x1b[2J");
    HttpReply r;
    m_server.login(forged, QStringLiteral("whatever-1"), &r);
    QCOMPARE(r.status, 401);
    QTest::qWait(200);
    const QString log = QString::fromUtf8(m_server.serverLog());
    QVERIFY2(!log.contains(QLatin1String("\nrounds.server: POST /api/v1/sync/push 200 1ms admin")),
        qPrintable(log));
    QVERIFY2(log.contains(QLatin1String("POST /api/v1/auth/login 401 ")), qPrintable(log));
    QVERIFY2(log.contains(QLatin1String(
                 R"(x\nrounds.server:\sPOST\s/api/v1/sync/push\s200\s1ms\sadmin\r\u{2028}\x1b[2J)")),
        qPrintable(log));
    for (const QString &line : log.split(QLatin1Char('\n'))) {
        for (const QChar c : line)
            QVERIFY2(
                c.unicode() >= 0x20 || c == QLatin1Char('\t') || c == QLatin1Char('\r'), qPrintable(line));
    }
}

void TestServerHardening::guessesFromOneAddressDoNotLockOutAnother()
{
    const QUrl url = m_server.url();
    const QHostAddress attacker(QStringLiteral("127.0.0.2"));
    const QString user = QStringLiteral("rep.hz02");
    // Five wrong guesses from the attacker's address are answered 401, the sixth 429…
    for (int i = 0; i < 5; ++i)
        QCOMPARE(loginFrom(url, attacker, user, QStringLiteral("guess-%1").arg(i)), 401);
    QCOMPARE(loginFrom(url, attacker, user, QStringLiteral("guess-6")), 429);
    QCOMPARE(loginFrom(url, attacker, user, QString::fromLatin1(ServerProcess::DemoPassword)), 429);
    // …while the real user, from another address, logs in at once.
    QCOMPARE(
        loginFrom(url, QHostAddress::LocalHost, user, QString::fromLatin1(ServerProcess::DemoPassword)), 200);
    // And the real user's own typos still count for their address only.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(loginFrom(url, QHostAddress::LocalHost, user, QStringLiteral("typo-%1").arg(i)), 401);
    QCOMPARE(loginFrom(url, QHostAddress::LocalHost, user, QStringLiteral("typo-6")), 429);
    QCOMPARE(loginFrom(url, QHostAddress(QStringLiteral("127.0.0.3")), user,
                 QString::fromLatin1(ServerProcess::DemoPassword)),
        200);
}

void TestServerHardening::oneAddressIsLimitedAcrossUserNames()
{
    const QUrl url = m_server.url();
    const QHostAddress guesser(QStringLiteral("127.0.0.4"));
    // 20 failures from one address, 4 each for 5 names (under the per-name limit): all 401…
    for (int i = 0; i < 20; ++i)
        QCOMPARE(
            loginFrom(url, guesser, QStringLiteral("nobody-%1").arg(i / 4), QStringLiteral("guess")), 401);
    // …the 21st is refused, whatever the name, even a right password…
    QCOMPARE(loginFrom(url, guesser, QStringLiteral("nobody-9"), QStringLiteral("guess")), 429);
    QCOMPARE(
        loginFrom(url, guesser, QStringLiteral("rep.sh02"), QString::fromLatin1(ServerProcess::DemoPassword)),
        429);
    // …and other addresses are not affected.
    QCOMPARE(loginFrom(url, QHostAddress(QStringLiteral("127.0.0.5")), QStringLiteral("rep.sh02"),
                 QString::fromLatin1(ServerProcess::DemoPassword)),
        200);
}

void TestServerHardening::forwardedForCountsBehindALocalProxy()
{
    // A reverse proxy on the same host: every request comes from 127.0.0.1, and X-Forwarded-For's last
    // address (the one the proxy adds) is the client's.
    const QUrl url = m_server.url();
    const QString user = QStringLiteral("rep.sh01");
    const QByteArray attacker = "X-Forwarded-For: 192.0.2.1, 203.0.113.7\r\n";
    for (int i = 0; i < 5; ++i)
        QCOMPARE(
            loginFrom(url, QHostAddress::LocalHost, user, QStringLiteral("guess-%1").arg(i), attacker), 401);
    QCOMPARE(loginFrom(url, QHostAddress::LocalHost, user, QStringLiteral("guess-6"), attacker), 429);
    // A client that claims the attacker's address first is still told apart by the proxy's entry.
    QCOMPARE(loginFrom(url, QHostAddress::LocalHost, user, QString::fromLatin1(ServerProcess::DemoPassword),
                 "X-Forwarded-For: 203.0.113.7, 198.51.100.20\r\n"),
        200);
}

void TestServerHardening::tlsOffersOnlyEcdheWithAead_data()
{
    QTest::addColumn<QString>("cipher"); // empty: the client's defaults
    QTest::addColumn<int>("protocol");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("static RSA, CBC") << "AES128-SHA" << int(QSsl::TlsV1_2) << false;
    QTest::newRow("static RSA, GCM") << "AES128-GCM-SHA256" << int(QSsl::TlsV1_2) << false;
    QTest::newRow("ECDHE, CBC") << "ECDHE-RSA-AES128-SHA" << int(QSsl::TlsV1_2) << false;
    QTest::newRow("ECDHE, CBC SHA-384") << "ECDHE-RSA-AES256-SHA384" << int(QSsl::TlsV1_2) << false;
    QTest::newRow("DHE, GCM") << "DHE-RSA-AES128-GCM-SHA256" << int(QSsl::TlsV1_2) << false;
    QTest::newRow("ECDHE, AES-128-GCM") << "ECDHE-RSA-AES128-GCM-SHA256" << int(QSsl::TlsV1_2) << true;
    QTest::newRow("ECDHE, AES-256-GCM") << "ECDHE-RSA-AES256-GCM-SHA384" << int(QSsl::TlsV1_2) << true;
    QTest::newRow("ECDHE, ChaCha20") << "ECDHE-RSA-CHACHA20-POLY1305" << int(QSsl::TlsV1_2) << true;
    QTest::newRow("TLS 1.2, client defaults") << "" << int(QSsl::TlsV1_2) << true;
    QTest::newRow("TLS 1.3, client defaults") << "" << int(QSsl::TlsV1_3) << true;
}

void TestServerHardening::tlsOffersOnlyEcdheWithAead()
{
    QFETCH(QString, cipher);
    QFETCH(int, protocol);
    QFETCH(bool, accepted);
    if (!m_secure) {
        QString cert, key;
        QVERIFY(makeSelfSignedCertificate(m_certDir.path(), &cert, &key));
        m_secure = std::make_unique<ServerProcess>();
        QVERIFY(m_secure->createDemo(5, 5));
        QVERIFY(m_secure->start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}));
    }
    if (!cipher.isEmpty() && QSslCipher(cipher).isNull())
        QSKIP("the TLS library does not know this suite");
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::SslProtocol(protocol));
    if (!cipher.isEmpty())
        config.setCiphers({QSslCipher(cipher)});
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), quint16(m_secure->url().port()));
    const bool encrypted = socket.waitForEncrypted(10000);
    QCOMPARE(encrypted, accepted);
    if (!encrypted)
        return;
    const QSslCipher used = socket.sessionCipher();
    QVERIFY2(
        used.name().startsWith(QLatin1String("TLS_")) || used.keyExchangeMethod() == QLatin1String("ECDH"),
        qPrintable(used.name() + QLatin1Char(' ') + used.keyExchangeMethod()));
    QVERIFY2(used.encryptionMethod().contains(QLatin1String("GCM"))
            || used.encryptionMethod().contains(QLatin1String("CHACHA20")),
        qPrintable(used.name() + QLatin1Char(' ') + used.encryptionMethod()));
    socket.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    QCOMPARE(readAnswers(socket, 1).value(0).status, 200);
}

void TestServerHardening::exportIsPrivateFromTheStart()
{
    QTemporaryDir out;
    const QString fresh = out.filePath(QStringLiteral("fresh.jsonl"));
    const QString existing = out.filePath(QStringLiteral("existing.jsonl"));
    QFile old(existing);
    QVERIFY(old.open(QIODevice::WriteOnly));
    old.write("old\n");
    old.close();
    QVERIFY(old.setPermissions(
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup | QFileDevice::ReadOther));
    // A umask that lets everyone read: the file must not depend on it.
    const mode_t umaskBefore = ::umask(0);
    QByteArray err;
    const int first = ServerProcess::runCommand({QStringLiteral("export"), QStringLiteral("--data"),
                                                    m_server.dataDir(), QStringLiteral("--out"), fresh},
        {}, nullptr, &err);
    const int second = ServerProcess::runCommand({QStringLiteral("export"), QStringLiteral("--data"),
                                                     m_server.dataDir(), QStringLiteral("--out"), existing},
        {}, nullptr, &err);
    ::umask(umaskBefore);
    QVERIFY2(first == 0 && second == 0, err.constData());
    for (const QString &path : {fresh, existing}) {
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0600));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.readLine().startsWith("{\"entity\""));
    }
    // Nothing else is left in the folder (no temporary file).
    QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

QTEST_GUILESS_MAIN(TestServerHardening)
#include "tst_serverhardening.moc"
