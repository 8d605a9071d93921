#include "server/serverprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace rounds::test;

// Devices (docs/server.md, "Devices"): the server records each computer a user signs in from, lists them
// (`rounds-server device list`), and answers a revoked one 403 device_revoked at its next contact, at
// sign-in and on any other request. Runs on SQLite and, as test_serverdevices_postgres, on PostgreSQL.
class TestServerDevices : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void loginRecordsTheDevice();
    void deviceIdIsChecked_data();
    void deviceIdIsChecked();
    void requestsUpdateTheDevice();
    void revokedDeviceIsToldAtEveryContact();
    void commandLineRefusesBadInput();
    void userDisableRevokesEveryDevice();
    void clientsWithoutDeviceStillWork();

private:
    HttpReply login(const QString &user, const QString &deviceId, const QString &password = {});
    HttpReply pull(const QString &token, const QByteArray &deviceId = {}, const QByteArray &version = {});
    QJsonArray listDevices(const QStringList &extra = {});
    QJsonObject deviceNamed(const QString &id);
    int command(const QStringList &args, QByteArray *err = nullptr);

    ServerProcess m_server;
};

void TestServerDevices::initTestCase()
{
    QVERIFY(m_server.createDemo(20, 20));
    QVERIFY(m_server.start());
}

HttpReply TestServerDevices::login(const QString &user, const QString &deviceId, const QString &password)
{
    QJsonObject body {{QStringLiteral("username"), user},
        {QStringLiteral("password"),
            password.isEmpty() ? QString::fromLatin1(ServerProcess::DemoPassword) : password},
        {QStringLiteral("device_name"), QString(QStringLiteral("laptop of ") + user)},
        {QStringLiteral("client_version"), QStringLiteral("9.9.9")}};
    if (!deviceId.isNull())
        body.insert(QStringLiteral("device_id"), deviceId);
    return m_server.post(QStringLiteral("/api/v1/auth/login"), body);
}

HttpReply TestServerDevices::pull(const QString &token, const QByteArray &deviceId, const QByteArray &version)
{
    QList<QPair<QByteArray, QByteArray>> headers;
    if (!deviceId.isEmpty())
        headers << qMakePair(QByteArray("Rounds-Device-Id"), deviceId);
    if (!version.isEmpty())
        headers << qMakePair(QByteArray("Rounds-Client-Version"), version);
    return m_server.request("POST", QStringLiteral("/api/v1/sync/pull"),
        QJsonDocument(QJsonObject {{QStringLiteral("limit"), 10}}).toJson(), token, headers);
}

int TestServerDevices::command(const QStringList &args, QByteArray *err)
{
    QByteArray out;
    QByteArray error;
    const int rc = ServerProcess::runCommand(
        QStringList {QStringLiteral("device")} + args + m_server.storeArgs(), {}, &out, &error);
    if (err)
        *err = error;
    return rc;
}

QJsonArray TestServerDevices::listDevices(const QStringList &extra)
{
    QByteArray out;
    QByteArray err;
    const int rc = ServerProcess::runCommand(
        QStringList {QStringLiteral("device"), QStringLiteral("list"), QStringLiteral("--json")} + extra
            + m_server.storeArgs(),
        {}, &out, &err);
    if (rc != 0)
        qWarning() << "device list failed:" << err;
    return QJsonDocument::fromJson(out).array();
}

QJsonObject TestServerDevices::deviceNamed(const QString &id)
{
    for (const QJsonValue &v : listDevices()) {
        if (v.toObject().value(u"id").toString() == id)
            return v.toObject();
    }
    return {};
}

void TestServerDevices::loginRecordsTheDevice()
{
    const HttpReply r = login(QStringLiteral("rep.sh01"), QStringLiteral("dev-login-1"));
    QCOMPARE(r.status, 200);
    const QJsonArray mine = listDevices({QStringLiteral("--user"), QStringLiteral("rep.sh01")});
    QCOMPARE(mine.size(), 1);
    const QJsonObject d = mine.first().toObject();
    QCOMPARE(d.value(u"id").toString(), QStringLiteral("dev-login-1"));
    QCOMPARE(d.value(u"username").toString(), QStringLiteral("rep.sh01"));
    QCOMPARE(d.value(u"name").toString(), QStringLiteral("laptop of rep.sh01"));
    QCOMPARE(d.value(u"client_version").toString(), QStringLiteral("9.9.9"));
    QVERIFY(!d.value(u"first_seen").toString().isEmpty());
    QCOMPARE(d.value(u"last_seen").toString(), d.value(u"first_seen").toString());
    QVERIFY(d.value(u"revoked_at").isNull());

    // The table form names the same device.
    QByteArray out;
    QCOMPARE(
        ServerProcess::runCommand(
            QStringList {QStringLiteral("device"), QStringLiteral("list")} + m_server.storeArgs(), {}, &out),
        0);
    QVERIFY2(out.contains("dev-login-1\trep.sh01\tlaptop of rep.sh01\t9.9.9"), out.constData());
}

void TestServerDevices::deviceIdIsChecked_data()
{
    QTest::addColumn<QJsonValue>("deviceId");
    QTest::addColumn<int>("status");
    QTest::newRow("empty") << QJsonValue(QString()) << 400;
    QTest::newRow("64 characters, the limit") << QJsonValue(QString(64, QLatin1Char('a'))) << 200;
    QTest::newRow("65 characters") << QJsonValue(QString(65, QLatin1Char('a'))) << 400;
    QTest::newRow("a space") << QJsonValue(QStringLiteral("abc def")) << 400;
    QTest::newRow("not a string") << QJsonValue(42) << 400;
    QTest::newRow("a UUID") << QJsonValue(QStringLiteral("{0f8fad5b-d9cb-469f-a165-70867728950e}")) << 200;
}

void TestServerDevices::deviceIdIsChecked()
{
    QFETCH(QJsonValue, deviceId);
    QFETCH(int, status);
    const HttpReply r = m_server.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), QStringLiteral("rep.sh02")},
            {QStringLiteral("password"), QString::fromLatin1(ServerProcess::DemoPassword)},
            {QStringLiteral("device_id"), deviceId}});
    QCOMPARE(r.status, status);
    if (status == 400)
        QCOMPARE(r.errorField(), QStringLiteral("device_id"));
}

void TestServerDevices::requestsUpdateTheDevice()
{
    const HttpReply r = login(QStringLiteral("rep.hz01"), QStringLiteral("dev-update-1"));
    QCOMPARE(r.status, 200);
    const QString token = r.json.value(u"token").toString();
    // The client was updated without signing in again: its next request says so.
    QCOMPARE(pull(token, "dev-update-1", "10.0.0").status, 200);
    QCOMPARE(deviceNamed(QStringLiteral("dev-update-1")).value(u"client_version").toString(),
        QStringLiteral("10.0.0"));
    // A header naming another device does not move the token off the device it was issued to.
    QCOMPARE(pull(token, "somebody-else", "11.0.0").status, 200);
    QVERIFY(deviceNamed(QStringLiteral("somebody-else")).isEmpty());
}

void TestServerDevices::revokedDeviceIsToldAtEveryContact()
{
    const HttpReply r = login(QStringLiteral("rep.hz02"), QStringLiteral("dev-lost-1"));
    QCOMPARE(r.status, 200);
    const QString token = r.json.value(u"token").toString();
    QCOMPARE(pull(token, "dev-lost-1").status, 200);

    QByteArray err;
    QCOMPARE(command({QStringLiteral("revoke"), QStringLiteral("dev-lost-1"), QStringLiteral("--reason"),
                         QStringLiteral("laptop lost in Pudong")},
                 &err),
        0);
    QVERIFY2(err.contains("dev-lost-1 revoked"), err.constData());

    // A sync request, with or without the device header (the token knows its device).
    for (const QByteArray &header : {QByteArray("dev-lost-1"), QByteArray()}) {
        const HttpReply denied = pull(token, header);
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), QStringLiteral("device_revoked"));
        QCOMPARE(denied.json.value(u"error").toObject().value(u"reason").toString(),
            QStringLiteral("laptop lost in Pudong"));
    }
    // A sign-in from it, even with a wrong password: the laptop wipes itself whoever holds it.
    for (const QString &password : {QString(), QStringLiteral("wrong-password")}) {
        const HttpReply again = login(QStringLiteral("rep.hz02"), QStringLiteral("dev-lost-1"), password);
        QCOMPARE(again.status, 403);
        QCOMPARE(again.errorCode(), QStringLiteral("device_revoked"));
    }
    // The user's other computers go on.
    QCOMPARE(login(QStringLiteral("rep.hz02"), QStringLiteral("dev-new-1")).status, 200);
    const QJsonObject lost = deviceNamed(QStringLiteral("dev-lost-1"));
    QVERIFY(!lost.value(u"revoked_at").toString().isEmpty());
    QCOMPARE(lost.value(u"revoked_reason").toString(), QStringLiteral("laptop lost in Pudong"));
    QVERIFY(deviceNamed(QStringLiteral("dev-new-1")).value(u"revoked_at").isNull());
    // Revoking again keeps the first time and says the newer reason.
    QCOMPARE(command({QStringLiteral("revoke"), QStringLiteral("dev-lost-1")}), 0);
    const QJsonObject twice = deviceNamed(QStringLiteral("dev-lost-1"));
    QCOMPARE(twice.value(u"revoked_at"), lost.value(u"revoked_at"));
    QCOMPARE(twice.value(u"revoked_reason").toString(), QStringLiteral("revoked by an administrator"));
}

void TestServerDevices::commandLineRefusesBadInput()
{
    QByteArray err;
    QCOMPARE(command({QStringLiteral("revoke"), QStringLiteral("no-such-device")}, &err), 1);
    QVERIFY2(err.contains("no device with id 'no-such-device'"), err.constData());
    QCOMPARE(command({QStringLiteral("revoke")}, &err), 2);
    QCOMPARE(command({QStringLiteral("revoke"), QStringLiteral("dev-login-1"), QStringLiteral("--reason"),
                         QStringLiteral("  ")},
                 &err),
        2);
    QVERIFY(deviceNamed(QStringLiteral("dev-login-1")).value(u"revoked_at").isNull());
    QCOMPARE(command({QStringLiteral("list"), QStringLiteral("--user"), QStringLiteral("nobody")}, &err), 1);
    QVERIFY2(err.contains("no user named 'nobody'"), err.constData());
    QCOMPARE(command({QStringLiteral("shred")}, &err), 2);
    QByteArray out;
    QCOMPARE(ServerProcess::runCommand(
                 {QStringLiteral("device"), QStringLiteral("revoke"), QStringLiteral("--help")}, {}, &out),
        0);
    QVERIFY(out.contains("--reason"));
}

void TestServerDevices::userDisableRevokesEveryDevice()
{
    const HttpReply a = login(QStringLiteral("manager.hz"), QStringLiteral("dev-disabled-a"));
    const HttpReply b = login(QStringLiteral("manager.hz"), QStringLiteral("dev-disabled-b"));
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    QCOMPARE(ServerProcess::runCommand(QStringList {QStringLiteral("user"), QStringLiteral("disable"),
                                           QStringLiteral("--username"), QStringLiteral("manager.hz")}
                 + m_server.storeArgs()),
        0);
    for (const HttpReply &r : {a, b}) {
        const HttpReply denied = pull(r.json.value(u"token").toString());
        QCOMPARE(denied.status, 403);
        QCOMPARE(denied.errorCode(), QStringLiteral("device_revoked"));
        QCOMPARE(denied.json.value(u"error").toObject().value(u"reason").toString(),
            QStringLiteral("the account was disabled"));
    }
    QCOMPARE(listDevices({QStringLiteral("--user"), QStringLiteral("manager.hz")}).size(), 2);
}

void TestServerDevices::clientsWithoutDeviceStillWork()
{
    // Older clients send no device: they sign in and sync as before, and nothing is recorded for them.
    const int before = listDevices().size();
    const HttpReply r = login(QStringLiteral("manager.sh"), QString());
    QCOMPARE(r.status, 200);
    QCOMPARE(pull(r.json.value(u"token").toString()).status, 200);
    QCOMPARE(listDevices().size(), before);
}

QTEST_GUILESS_MAIN(TestServerDevices)
#include "tst_serverdevices.moc"
