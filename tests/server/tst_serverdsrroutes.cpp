#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QJsonDocument>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// Data-subject requests over HTTP (docs/sync-protocol.md, "Data-subject requests"), against a real
// rounds-server on SQLite and PostgreSQL: POST /api/v1/admin/hcp/export and /erase, for SFE and admin
// only, with the reason's limit at, below and above it, 404 unknown_hcp, an erasure recorded under the
// signed-in user (as `hcp erase --by` does), and a second erasure answered as already done.
class TestServerDsrRoutes : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void onlySfeAndAdmin_data();
    void onlySfeAndAdmin();
    void badRequests_data();
    void badRequests();
    void exportJson();
    void exportPdf_data();
    void exportPdf();
    void reasonLimit_data();
    void reasonLimit();
    void eraseRecordsTheRequestingUser();
    void eraseTwiceSaysSo();

private:
    QString tokenOf(const QString &username);
    HttpReply post(const QString &username, const QString &route, const QJsonObject &body);

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QStringList m_hcps; // HCPs of SH-01, one per erasure
    const QString m_unknown = QStringLiteral("00000000-0000-4000-8000-000000000000");
};

void TestServerDsrRoutes::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 40));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_hcps = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(m_hcps.size() >= 5);
    // A face-to-face visit to the HCP the exports are about: its channel and status are enumerations.
    const QJsonObject visit {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", m_hcps.last()},
        {"rep_id", m_org.user.value("rep.sh01")}, {"channel", "face_to_face"},
        {"visited_at", "2026-11-20T10:00:00+08:00"}, {"status", "draft"}, {"notes", "asked about dosing"}};
    const HttpReply pushed = m_server.push(tokenOf("rep.sh01"),
        QJsonArray {mutation("visit", QUuid::createUuid().toString(QUuid::WithoutBraces), visit)});
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value("results").toArray().first().toObject().value("status").toString(),
        QString("applied"));
}

QString TestServerDsrRoutes::tokenOf(const QString &username)
{
    if (!m_tokens.contains(username))
        m_tokens.insert(username, m_server.login(username));
    return m_tokens.value(username);
}

HttpReply TestServerDsrRoutes::post(const QString &username, const QString &route, const QJsonObject &body)
{
    return m_server.post("/api/v1/admin/hcp/" + route, body, tokenOf(username));
}

void TestServerDsrRoutes::onlySfeAndAdmin_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("route");
    QTest::addColumn<int>("status");
    QTest::newRow("rep export") << "rep.sh01"
                                << "export" << 403;
    QTest::newRow("manager export") << "manager.sh"
                                    << "export" << 403;
    QTest::newRow("rep erase") << "rep.sh01"
                               << "erase" << 403;
    QTest::newRow("manager erase") << "manager.sh"
                                   << "erase" << 403;
    QTest::newRow("sfe export") << "sfe"
                                << "export" << 200;
    QTest::newRow("admin export") << "admin"
                                  << "export" << 200;
}

void TestServerDsrRoutes::onlySfeAndAdmin()
{
    QFETCH(QString, user);
    QFETCH(QString, route);
    QFETCH(int, status);
    const QString hcp = m_hcps.last();
    const HttpReply r = post(user, route, {{"hcp_id", hcp}, {"reason", "DSR-1"}});
    QCOMPARE(r.status, status);
    if (status == 403) {
        QCOMPARE(r.errorCode(), QString("forbidden"));
        // Nothing was erased by the refused request.
        QVERIFY(m_server.post("/api/v1/admin/hcp/export", {{"hcp_id", hcp}}, tokenOf("sfe"))
                    .json.value("erasure")
                    .isUndefined());
    }
    // Without a token: 401, as every route.
    QCOMPARE(m_server.post("/api/v1/admin/hcp/" + route, {{"hcp_id", hcp}, {"reason", "x"}}).status, 401);
}

void TestServerDsrRoutes::badRequests_data()
{
    QTest::addColumn<QString>("route");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("field");
    QTest::newRow("export, no id") << "export" << QJsonObject {} << 400 << "invalid_request"
                                   << "hcp_id";
    QTest::newRow("export, id a number")
        << "export" << QJsonObject {{"hcp_id", 7}} << 400 << "invalid_request"
        << "hcp_id";
    QTest::newRow("export, id too long")
        << "export" << QJsonObject {{"hcp_id", QString(201, 'a')}} << 400 << "invalid_request"
        << "hcp_id";
    QTest::newRow("export, unknown") << "export" << QJsonObject {{"hcp_id", m_unknown}} << 404
                                     << "unknown_hcp"
                                     << "hcp_id";
    QTest::newRow("export, format xml")
        << "export" << QJsonObject {{"hcp_id", m_unknown}, {"format", "xml"}} << 400 << "invalid_request"
        << "format";
    QTest::newRow("export, lang fr") << "export"
                                     << QJsonObject {{"hcp_id", m_unknown}, {"format", "pdf"}, {"lang", "fr"}}
                                     << 400 << "invalid_request"
                                     << "lang";
    QTest::newRow("erase, no reason")
        << "erase" << QJsonObject {{"hcp_id", m_unknown}} << 400 << "invalid_request"
        << "reason";
    QTest::newRow("erase, blank reason")
        << "erase" << QJsonObject {{"hcp_id", m_unknown}, {"reason", "   "}} << 400 << "invalid_request"
        << "reason";
    QTest::newRow("erase, reason a number")
        << "erase" << QJsonObject {{"hcp_id", m_unknown}, {"reason", 5}} << 400 << "invalid_request"
        << "reason";
    QTest::newRow("erase, unknown") << "erase" << QJsonObject {{"hcp_id", m_unknown}, {"reason", "DSR-9"}}
                                    << 404 << "unknown_hcp"
                                    << "hcp_id";
}

void TestServerDsrRoutes::badRequests()
{
    QFETCH(QString, route);
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, code);
    QFETCH(QString, field);
    const HttpReply r = post("sfe", route, body);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorCode(), code);
    QCOMPARE(r.errorField(), field);
    // A body that is not JSON: 400, as on every route.
    const HttpReply junk = m_server.request("POST", "/api/v1/admin/hcp/" + route, "{nope", tokenOf("sfe"));
    QCOMPARE(junk.status, 400);
    QCOMPARE(junk.errorCode(), QString("invalid_request"));
}

void TestServerDsrRoutes::exportJson()
{
    const QString hcp = m_hcps.last();
    const HttpReply r = post("admin", "export", {{"hcp_id", hcp}, {"format", "json"}});
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Content-Type").startsWith("application/json"));
    QCOMPARE(r.json.value("format").toString(), QString("rounds-hcp-export"));
    QCOMPARE(r.json.value("hcp_id").toString(), hcp);
    QCOMPARE(r.json.value("hcp").toObject().value("full_name"), m_org.record(hcp).value("full_name"));
    QVERIFY(!r.json.value("records").toObject().value("alignment").toArray().isEmpty());
    // The same document as the command writes (but for the time it was made).
    QByteArray out;
    QCOMPARE(ServerProcess::runCommand(
                 QStringList {"hcp", "export"} + m_server.storeArgs() + QStringList {hcp}, {}, &out),
        0);
    QJsonObject command = QJsonDocument::fromJson(out).object();
    QJsonObject route = r.json;
    command.remove("generated_at");
    route.remove("generated_at");
    QCOMPARE(route, command);
}

void TestServerDsrRoutes::exportPdf_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("heading");
    QTest::addColumn<QStringList>("words"); // enumeration values in the report's words
    QTest::newRow("en") << "en"
                        << "Personal data held about an HCP"
                        << QStringList {"Active", "Face to face", "Draft"};
    QTest::newRow("zh_CN") << "zh_CN"
                           << "医生个人数据" << QStringList {"有效", "面对面拜访", "草稿"};
}

void TestServerDsrRoutes::exportPdf()
{
    QFETCH(QString, lang);
    QFETCH(QString, heading);
    QFETCH(QStringList, words);
    const QString hcp = m_hcps.last();
    const HttpReply r = post("sfe", "export", {{"hcp_id", hcp}, {"format", "pdf"}, {"lang", lang}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.header("Content-Type"), QByteArray("application/pdf"));
    QVERIFY(r.body.startsWith("%PDF"));
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing (Debian: poppler-utils, see rounds.sh)");
    QTemporaryDir dir;
    QFile file(dir.filePath("hcp.pdf"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(r.body);
    file.close();
    QProcess text;
    text.start(pdftotext, {"-enc", "UTF-8", file.fileName(), "-"});
    QVERIFY(text.waitForFinished(30000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(body.contains(heading), qPrintable(body.left(400)));
    QVERIFY2(body.contains(m_org.record(hcp).value("full_name").toString()), qPrintable(body.left(400)));
    // Enumeration values in the report's language, not as the protocol spells them.
    QVERIFY2(body.contains("asked about dosing"), qPrintable(body.left(800)));
    for (const QString &w : words)
        QVERIFY2(body.contains(w), qPrintable(w + "\n" + body.left(1500)));
    for (const char *raw : {"face_to_face", "draft", "active"})
        QVERIFY2(!body.contains(QLatin1String(raw)), raw);
}

void TestServerDsrRoutes::reasonLimit_data()
{
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("status");
    QTest::newRow("below") << 499 << 200;
    QTest::newRow("at") << 500 << 200;
    QTest::newRow("above") << 501 << 400;
}

void TestServerDsrRoutes::reasonLimit()
{
    QFETCH(int, length);
    QFETCH(int, status);
    // Each row its own HCP: "above" must find its HCP untouched.
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString hcp = m_hcps.at(tag == QLatin1String("below") ? 0 : tag == QLatin1String("at") ? 1 : 3);
    // Spaces around it do not count.
    const QString reason = "  " + QString(length, QChar(0x4E2D)) + "  ";
    const HttpReply r = post("sfe", "erase", {{"hcp_id", hcp}, {"reason", reason}});
    QCOMPARE(r.status, status);
    if (status == 400) {
        QCOMPARE(r.errorField(), QString("reason"));
        // Refused: the HCP keeps its name.
        const HttpReply e = post("sfe", "export", {{"hcp_id", hcp}});
        QVERIFY(!e.json.value("hcp").toObject().value("full_name").toString().startsWith("Erased HCP"));
    }
}

void TestServerDsrRoutes::eraseRecordsTheRequestingUser()
{
    const QString hcp = m_hcps.at(2);
    const HttpReply r = post("admin", "erase", {{"hcp_id", hcp}, {"reason", "DSR-42, e-mail of 3 Dec"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("placeholder").toString(), "Erased HCP " + hcp.left(4));
    QCOMPARE(r.json.value("already_erased").toBool(), false);
    QVERIFY(r.json.value("erased").toObject().contains("visits"));

    // The export names who asked and why; the audit entry of the request is the admin's, not the first
    // admin's by default as the command's: here it is the signed-in user.
    const HttpReply e = post("sfe", "export", {{"hcp_id", hcp}});
    QCOMPARE(e.json.value("erasure").toObject().value("requested_by").toString(), QString("admin"));
    QCOMPARE(
        e.json.value("erasure").toObject().value("reason").toString(), QString("DSR-42, e-mail of 3 Dec"));
    QCOMPARE(e.json.value("hcp").toObject().value("full_name").toString(), "Erased HCP " + hcp.left(4));

    // The erasure by SFE: the audit names sfe (its user id on every change, its name in the note).
    const QString other = m_hcps.at(0); // erased above with a reason of 499 characters, by sfe
    QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE entity = 'hcp' AND record_id = ?1 AND field = "
                             "'data_subject_request' AND user_id = ?2",
                 {other, m_org.user.value("sfe")}),
        1);
    QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE entity = 'hcp' AND record_id = ?1 AND field = "
                             "'data_subject_request' AND user_id = ?2 AND device LIKE '%admin/hcp/erase%'",
                 {hcp, m_org.user.value("admin")}),
        1);
    QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE entity = 'hcp' AND record_id = ?1 AND field = "
                             "'full_name' AND user_id = ?2",
                 {hcp, m_org.user.value("admin")}),
        1);

    // A rep's laptop receives it at its next pull.
    const PullResult p = m_server.pullAll(tokenOf("rep.sh01"));
    QVERIFY(p.ok);
    bool seen = false;
    for (const QJsonObject &rec : recordsOf(p.changes, "hcp")) {
        if (rec.value("id").toString() == hcp)
            seen = rec.value("full_name").toString() == "Erased HCP " + hcp.left(4);
    }
    QVERIFY(seen);
}

void TestServerDsrRoutes::eraseTwiceSaysSo()
{
    const QString hcp = m_hcps.at(2);
    const HttpReply r = post("sfe", "erase", {{"hcp_id", hcp}, {"reason", "DSR-42 reminder"}});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("already_erased").toBool(), true);
    QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE entity = 'hcp' AND record_id = ?1 AND field = "
                             "'data_subject_request'",
                 {hcp}),
        2);
}

QTEST_GUILESS_MAIN(TestServerDsrRoutes)
#include "tst_serverdsrroutes.moc"
