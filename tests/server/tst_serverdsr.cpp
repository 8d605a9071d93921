#include "server/demoorg.h"
#include "server/serverprocess.h"
#include "server/serverusers.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// Data-subject requests (docs/privacy.md) against a real rounds-server, on SQLite and PostgreSQL:
// `hcp export` gives everything held about one HCP (JSON, PDF in English and Chinese), `hcp erase`
// anonymises it through the change feed, forgets the values in the audit trail, records who asked and
// why, and the server refuses afterwards any change that would write the erased data again.
class TestServerDsr : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void exportHoldsEverythingAboutTheHcp();
    void exportPdfInBothLanguages_data();
    void exportPdfInBothLanguages();
    void badRequests_data();
    void badRequests();
    void eraseAnonymisesThroughTheFeed();
    void erasedDataIsNotWrittenAgain_data();
    void erasedDataIsNotWrittenAgain();
    void eraseTwiceIsHarmless();

private:
    QString tokenOf(const QString &username) { return m_users.tokenOf(username); }
    QJsonObject pushOne(const QString &username, const QJsonObject &m)
    {
        return m_users.pushOne(username, m);
    }
    // The newest records `username` pulled so far (id → record) and the ids deleted since.
    void pullFor(const QString &username) { QVERIFY(m_users.pullFor(username)); }
    QJsonObject exportJson(const QStringList &extra = {});
    int run(const QStringList &args, QByteArray *out = nullptr, QByteArray *err = nullptr);
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

    ServerProcess m_server;
    DemoOrg m_org;
    QTemporaryDir m_dir;
    ServerUsers m_users {m_server};
    QString m_hcp; // the HCP the requests are about, aligned only to SH-01
    QString m_name; // its name before the erase
    QString m_visit, m_tag, m_plan;
};

void TestServerDsr::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 40));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    const QStringList hcps = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(!hcps.isEmpty());
    m_hcp = hcps.first();
    m_name = m_org.record(m_hcp).value("full_name").toString();
    QVERIFY(!m_name.isEmpty());

    // Personal data about the HCP from a rep and from SFE, so the audit trail holds it too.
    m_visit = newId();
    m_tag = newId();
    m_plan = newId();
    const QString sh01 = m_org.territory.value("SH-01");
    const QJsonObject visit {{"territory_id", sh01}, {"hcp_id", m_hcp},
        {"rep_id", m_org.user.value("rep.sh01")}, {"channel", "face_to_face"},
        {"visited_at", "2026-11-20T10:00:00+08:00"}, {"status", "draft"}, {"notes", "plays golf on Sundays"},
        {"feedback", "worried about her son"}, {"follow_up", "call her mobile 13911112222"}};
    QCOMPARE(pushOne("rep.sh01", mutation("visit", m_visit, visit)).value("status").toString(),
        QString("applied"));
    QCOMPARE(pushOne("rep.sh01",
                 mutation("hcp_tag", m_tag, {{"hcp_id", m_hcp}, {"category", "basic"}, {"tag", "golfer"}}))
                 .value("status")
                 .toString(),
        QString("applied"));
    QCOMPARE(pushOne("rep.sh01",
                 mutation("visit_plan", m_plan,
                     {{"territory_id", sh01}, {"hcp_id", m_hcp}, {"planned_at", "2026-11-25T10:00:00+08:00"},
                         {"purpose", "bring the golf magazine"}}))
                 .value("status")
                 .toString(),
        QString("applied"));
    const qint64 version = m_org.record(m_hcp).value("version").toInteger();
    QCOMPARE(pushOne("sfe",
                 mutation("hcp", m_hcp, {{"phone", "13944445555"}, {"email", "doc@example.cn"}}, version))
                 .value("status")
                 .toString(),
        QString("applied"));
    pullFor("rep.sh01");
    QCOMPARE(m_users.seen["rep.sh01"].value(m_hcp).value("phone").toString(), QString("13944445555"));
}

int TestServerDsr::run(const QStringList &args, QByteArray *out, QByteArray *err)
{
    return ServerProcess::runCommand(
        QStringList {"hcp"} + args.mid(0, 1) + m_server.storeArgs() + args.mid(1), {}, out, err);
}

QJsonObject TestServerDsr::exportJson(const QStringList &extra)
{
    QByteArray out, err;
    const int rc = run(QStringList {"export", m_hcp} + extra, &out, &err);
    if (rc != 0)
        qWarning("hcp export: %d %s", rc, err.constData());
    return QJsonDocument::fromJson(out).object();
}

void TestServerDsr::exportHoldsEverythingAboutTheHcp()
{
    const QJsonObject d = exportJson();
    QCOMPARE(d.value("format").toString(), QString("rounds-hcp-export"));
    QCOMPARE(d.value("hcp").toObject().value("full_name").toString(), m_name);
    QCOMPARE(d.value("hcp").toObject().value("phone").toString(), QString("13944445555"));
    QVERIFY(!d.contains("erasure"));
    const QJsonObject records = d.value("records").toObject();
    auto holds = [&](const QString &entity, const QString &id) {
        for (const QJsonValue &r : records.value(entity).toArray()) {
            if (r.toObject().value("id").toString() == id)
                return r.toObject();
        }
        return QJsonObject();
    };
    QCOMPARE(holds("visit", m_visit).value("notes").toString(), QString("plays golf on Sundays"));
    QCOMPARE(holds("hcp_tag", m_tag).value("tag").toString(), QString("golfer"));
    QCOMPARE(holds("visit_plan", m_plan).value("purpose").toString(), QString("bring the golf magazine"));
    QVERIFY(!records.value("alignment").toArray().isEmpty());
    // The names of what the records refer to: the institution, the territory, the rep.
    const QJsonObject names = d.value("names").toObject();
    QVERIFY(names.contains(m_org.territory.value("SH-01")));
    QVERIFY(names.contains(m_org.user.value("rep.sh01")));
    QVERIFY(names.contains(m_org.record(m_hcp).value("institution_id").toString()));
    // The audit trail of those records: the old and new phone, the visit's notes.
    bool phone = false, notes = false;
    for (const QJsonValue &v : d.value("audit").toArray()) {
        const QJsonObject a = v.toObject();
        phone |= a.value("field").toString() == "phone" && a.value("new_value").toString() == "13944445555";
        notes |= a.value("record_id").toString() == m_visit && a.value("field").toString() == "notes";
    }
    QVERIFY(phone);
    QVERIFY(notes);

    // --out: the same document in a file only its owner may read.
    const QString file = m_dir.filePath("hcp.json");
    QByteArray out, err;
    QCOMPARE(run({"export", m_hcp, "--out", file}, &out, &err), 0);
    QVERIFY(out.isEmpty());
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(QJsonDocument::fromJson(f.readAll()).object().value("records"), d.value("records"));
    QCOMPARE(QFileInfo(file).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
}

void TestServerDsr::exportPdfInBothLanguages_data()
{
    QTest::addColumn<QString>("lang");
    QTest::addColumn<QString>("heading");
    QTest::newRow("en") << "en"
                        << "Personal data held about an HCP";
    QTest::newRow("zh_CN") << "zh_CN"
                           << "医生个人数据";
}

void TestServerDsr::exportPdfInBothLanguages()
{
    QFETCH(QString, lang);
    QFETCH(QString, heading);
    const QString pdftotext = QStandardPaths::findExecutable("pdftotext");
    QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing (Debian: poppler-utils, see rounds.sh)");
    const QString pdf = m_dir.filePath("hcp-" + lang + ".pdf");
    QByteArray out, err;
    QCOMPARE(run({"export", m_hcp, "--pdf", pdf, "--lang", lang}, &out, &err), 0);
    QVERIFY2(out.isEmpty(), "with --pdf alone the JSON is not printed");
    QCOMPARE(QFileInfo(pdf).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    QProcess text;
    text.start(pdftotext, {"-enc", "UTF-8", pdf, "-"});
    QVERIFY(text.waitForFinished(30000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    // The Chinese name renders (a font with the glyphs was embedded), in both languages.
    QVERIFY2(body.contains(m_name), qPrintable(body.left(400)));
    QVERIFY2(body.contains(heading), qPrintable(body.left(400)));
    QVERIFY(body.contains("plays golf on Sundays"));
    QVERIFY(body.contains("13944445555"));
}

void TestServerDsr::badRequests_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    const QString unknown = QStringLiteral("00000000-0000-4000-8000-000000000000");
    QTest::newRow("export without an id") << QStringList {"export"} << 2 << "one HCP id";
    QTest::newRow("export, two ids") << QStringList {"export", "a", "b"} << 2 << "one HCP id";
    QTest::newRow("export, unknown id") << QStringList {"export", unknown} << 1 << "no HCP with id";
    QTest::newRow("export, lang fr") << QStringList {"export", unknown, "--pdf", "x.pdf", "--lang", "fr"} << 2
                                     << "--lang is en or zh_CN";
    QTest::newRow("erase without a reason")
        << QStringList {"erase", unknown} << 2 << "--reason TEXT is required";
    QTest::newRow("erase, blank reason")
        << QStringList {"erase", unknown, "--reason", "  "} << 2 << "--reason TEXT is required";
    QTest::newRow("erase, unknown id")
        << QStringList {"erase", unknown, "--reason", "x"} << 1 << "no HCP with id";
    QTest::newRow("erase by a rep") << QStringList {"erase", unknown, "--reason", "x", "--by", "rep.sh01"}
                                    << 1 << "filed by SFE or admin";
    QTest::newRow("erase by nobody") << QStringList {"erase", unknown, "--reason", "x", "--by", "nobody"} << 1
                                     << "no user named nobody";
    QTest::newRow("neither") << QStringList {"purge"} << 2 << "hcp wants export or erase";
}

void TestServerDsr::badRequests()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    QByteArray err;
    QCOMPARE(run(args, nullptr, &err), code);
    QVERIFY2(QString::fromUtf8(err).contains(message), err.constData());
}

void TestServerDsr::eraseAnonymisesThroughTheFeed()
{
    QByteArray err;
    QCOMPARE(
        run({"erase", m_hcp, "--reason", "DSR-17, letter of 2026-12-01", "--by", "sfe"}, nullptr, &err), 0);
    QVERIFY2(
        QString::fromUtf8(err).contains("erased, now \"Erased HCP " + m_hcp.left(4) + "\""), err.constData());

    // The rep's laptop gets it by pull: the HCP anonymised, the visit kept without its texts, the tag gone.
    pullFor("rep.sh01");
    const QJsonObject hcp = m_users.seen["rep.sh01"].value(m_hcp);
    QCOMPARE(hcp.value("full_name").toString(), "Erased HCP " + m_hcp.left(4));
    for (const char *f : {"phone", "email", "title", "gender"})
        QVERIFY2(hcp.value(f).isNull(), f);
    QCOMPARE(hcp.value("specialty"), m_org.record(m_hcp).value("specialty"));
    QCOMPARE(hcp.value("tier"), m_org.record(m_hcp).value("tier"));
    const QJsonObject visit = m_users.seen["rep.sh01"].value(m_visit);
    QCOMPARE(visit.value("hcp_id").toString(), m_hcp);
    for (const char *f : {"notes", "feedback", "follow_up"})
        QVERIFY2(visit.value(f).isNull(), f);
    QVERIFY(m_users.gone["rep.sh01"].contains(m_tag));
    QVERIFY(m_users.seen["rep.sh01"].value(m_plan).value("purpose").isNull());

    // The store keeps none of it, not even in the audit trail; the export says what was done.
    for (const QString &text : {m_name, QString("13944445555"), QString("golf"), QString("13911112222")}) {
        QCOMPARE(m_server.scalar("SELECT count(*) FROM records WHERE data LIKE ?1", {"%" + text + "%"}), 0);
        QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE old_value LIKE ?1 OR new_value LIKE ?1",
                     {"%" + text + "%"}),
            0);
    }
    const QJsonObject d = exportJson();
    QCOMPARE(d.value("erasure").toObject().value("requested_by").toString(), QString("sfe"));
    QCOMPARE(
        d.value("erasure").toObject().value("reason").toString(), QString("DSR-17, letter of 2026-12-01"));

    // The history route shows the request: who asked and why.
    QUrlQuery q;
    q.addQueryItem("entity", "hcp");
    q.addQueryItem("id", m_hcp);
    const HttpReply h
        = m_server.get("/api/v1/history?" + q.toString(QUrl::FullyEncoded), tokenOf("manager.sh"));
    QCOMPARE(h.status, 200);
    bool request = false;
    for (const QJsonValue &e : h.json.value("entries").toArray()) {
        const QJsonObject entry = e.toObject();
        if (entry.value("note").toString().contains("DSR-17, letter of 2026-12-01")
            && entry.value("note").toString().contains("sfe")
            && entry.value("user").toObject().value("id").toString() == m_org.user.value("sfe"))
            request = true;
    }
    QVERIFY2(request, h.body.constData());
}

void TestServerDsr::erasedDataIsNotWrittenAgain_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("which"); // "visit", "hcp", "new"
    QTest::addColumn<QJsonObject>("set");
    QTest::addColumn<QString>("refusedField"); // empty: accepted
    QTest::newRow("visit notes again") << "rep.sh01"
                                       << "visit"
                                       << "visit" << QJsonObject {{"notes", "still plays golf"}} << "notes";
    QTest::newRow("visit follow-up again")
        << "rep.sh01"
        << "visit"
        << "visit" << QJsonObject {{"follow_up", "call her"}} << "follow_up";
    QTest::newRow("visit, no text") << "rep.sh01"
                                    << "visit"
                                    << "visit" << QJsonObject {{"duration_min", 25}} << "";
    QTest::newRow("visit, empty notes") << "rep.sh01"
                                        << "visit"
                                        << "visit" << QJsonObject {{"notes", ""}} << "";
    QTest::newRow("new tag") << "rep.sh01"
                             << "hcp_tag"
                             << "new" << QJsonObject {{"category", "basic"}, {"tag", "golfer"}} << "hcp_id";
    QTest::newRow("phone again") << "sfe"
                                 << "hcp"
                                 << "hcp" << QJsonObject {{"phone", "13944445555"}} << "phone";
    QTest::newRow("name again") << "sfe"
                                << "hcp"
                                << "hcp" << QJsonObject {{"full_name", "王医生"}} << "full_name";
    QTest::newRow("tier") << "sfe"
                          << "hcp"
                          << "hcp" << QJsonObject {{"tier", "A"}} << "";
    QTest::newRow("new visit with notes") << "rep.sh01"
                                          << "visit"
                                          << "new" << QJsonObject {{"notes", "golf"}} << "notes";
    QTest::newRow("new visit without notes") << "rep.sh01"
                                             << "visit"
                                             << "new" << QJsonObject {} << "";
}

void TestServerDsr::erasedDataIsNotWrittenAgain()
{
    QFETCH(QString, user);
    QFETCH(QString, entity);
    QFETCH(QString, which);
    QFETCH(QJsonObject, set);
    QFETCH(QString, refusedField);
    pullFor(user);
    QJsonObject m;
    if (which == QLatin1String("new")) {
        if (entity == QLatin1String("visit")) {
            set.insert("territory_id", m_org.territory.value("SH-01"));
            set.insert("rep_id", m_org.user.value("rep.sh01"));
            set.insert("visited_at", "2026-12-02T10:00:00+08:00");
        }
        set.insert("hcp_id", m_hcp);
        m = mutation(entity, newId(), set);
    } else {
        const QString id = which == QLatin1String("visit") ? m_visit : m_hcp;
        const QJsonObject current = m_users.seen[user].value(id);
        QVERIFY(!current.isEmpty());
        m = mutation(entity, id, set, current.value("version").toInteger(), current);
    }
    const QJsonObject r = pushOne(user, m);
    if (refusedField.isEmpty()) {
        QVERIFY2(r.value("status").toString() == "applied" || r.value("status").toString() == "merged",
            QJsonDocument(r).toJson().constData());
        return;
    }
    QCOMPARE(r.value("status").toString(), QString("rejected"));
    const QJsonObject error = r.value("error").toObject();
    QCOMPARE(error.value("code").toString(), QString("forbidden"));
    QCOMPARE(error.value("field").toString(), refusedField);
    QVERIFY(error.value("message").toString().contains("erased at the data subject's request"));
}

void TestServerDsr::eraseTwiceIsHarmless()
{
    pullFor("rep.sh01");
    const qint64 version = m_users.seen["rep.sh01"].value(m_hcp).value("version").toInteger();
    const QJsonObject before = m_users.cursors.value("rep.sh01");
    QByteArray err;
    QCOMPARE(run({"erase", m_hcp, "--reason", "DSR-17 reminder"}, nullptr, &err), 0);
    QVERIFY2(err.contains("was erased already"), err.constData());
    pullFor("rep.sh01");
    QCOMPARE(m_users.cursors.value("rep.sh01"), before); // nothing new in the feed
    QCOMPARE(m_users.seen["rep.sh01"].value(m_hcp).value("version").toInteger(), version);
    // Both requests are in the HCP's audit trail.
    QCOMPARE(m_server.scalar("SELECT count(*) FROM audit WHERE entity = 'hcp' AND record_id = ?1 AND field = "
                             "'data_subject_request'",
                 {m_hcp}),
        2);
}

QTEST_GUILESS_MAIN(TestServerDsr)
#include "tst_serverdsr.moc"
