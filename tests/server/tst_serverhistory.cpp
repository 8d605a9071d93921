#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QUrlQuery>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// GET /api/v1/history against a real rounds-server (docs/sync-protocol.md, History): a record's audit
// trail with who, when, device and each field old → new; scoped like the pull feed; paged.
class TestServerHistory : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void createUpdateDeleteAreEntries();
    void outOfScopeAndUnknownGetTheSameAnswer();
    void sfeAndManagersReadWhatTheyPull();
    void repsReadNoSalesFactHistory();
    void pagesAreWholeAndCoverTheTrailOnce();
    void badParametersAreRefused_data();
    void badParametersAreRefused();
    void signedOutIsUnauthorized();

private:
    static QString newId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    HttpReply history(
        const QString &token, const QString &entity, const QString &id, const QString &extra = {});
    QJsonObject pushOne(const QString &token, const QJsonObject &m);
    // A draft visit of rep.sh01 in SH-01, then `updates` edits of its notes; returns its id.
    QString visitWithEdits(int updates);

    ServerProcess m_server;
    DemoOrg m_org;
    QString m_rep;
};

void TestServerHistory::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 100));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_rep = m_server.login(QStringLiteral("rep.sh01"));
    QVERIFY(!m_rep.isEmpty());
}

HttpReply TestServerHistory::history(
    const QString &token, const QString &entity, const QString &id, const QString &extra)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("entity"), entity);
    q.addQueryItem(QStringLiteral("id"), id);
    QString path = QStringLiteral("/api/v1/history?") + q.toString(QUrl::FullyEncoded);
    if (!extra.isEmpty())
        path += u'&' + extra;
    return m_server.get(path, token);
}

QJsonObject TestServerHistory::pushOne(const QString &token, const QJsonObject &m)
{
    const HttpReply r = m_server.push(token, QJsonArray {m});
    return r.json.value("results").toArray().first().toObject();
}

QString TestServerHistory::visitWithEdits(int updates)
{
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0);
    const QString id = newId();
    const QJsonObject visit {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", hcp},
        {"rep_id", m_org.user.value("rep.sh01")}, {"visited_at", "2026-11-20T10:00:00+08:00"},
        {"status", "draft"}, {"notes", "初次拜访"}};
    if (pushOne(m_rep, mutation("visit", id, visit)).value("status").toString() != QLatin1String("applied"))
        return {};
    for (int i = 1; i <= updates; ++i) {
        const QJsonObject set {{"notes", QStringLiteral("edit %1").arg(i)}};
        if (pushOne(m_rep, mutation("visit", id, set, i)).value("status").toString()
            != QLatin1String("applied"))
            return {};
    }
    return id;
}

void TestServerHistory::createUpdateDeleteAreEntries()
{
    const QString id = visitWithEdits(1);
    QVERIFY(!id.isEmpty());
    QCOMPARE(pushOne(m_rep, mutation("visit", id, {}, 2, {}, "delete")).value("status").toString(),
        QStringLiteral("applied"));

    const HttpReply r = history(m_rep, QStringLiteral("visit"), id);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("entity").toString(), QStringLiteral("visit"));
    QCOMPARE(r.json.value("id").toString(), id);
    QCOMPARE(r.json.value("more").toBool(), false);
    const QJsonArray entries = r.json.value("entries").toArray();
    QCOMPARE(entries.size(), 3);
    QStringList ops;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        ops << e.value("op").toString();
        QCOMPARE(e.value("user").toObject().value("id").toString(), m_org.user.value("rep.sh01"));
        QVERIFY(!e.value("user").toObject().value("display_name").toString().isEmpty());
        QVERIFY(e.value("device").toString().contains(QLatin1String("test device")));
        QVERIFY(!e.value("at").toString().isEmpty());
        QVERIFY(!e.value("mutation_id").toString().isEmpty());
    }
    QCOMPARE(ops, (QStringList {"create", "update", "delete"}));
    QCOMPARE(r.json.value("next_after").toInteger(), entries.last().toObject().value("seq").toInteger());

    auto change = [&](int entry, const QString &field) {
        for (const QJsonValue &c : entries.at(entry).toObject().value("changes").toArray()) {
            if (c.toObject().value("field").toString() == field)
                return c.toObject();
        }
        return QJsonObject();
    };
    // Created: every field from null; updated: only what changed, old → new; deleted: its last values.
    QCOMPARE(change(0, "notes").value("old"), QJsonValue(QJsonValue::Null));
    QCOMPARE(change(0, "notes").value("new").toString(), QStringLiteral("初次拜访"));
    QCOMPARE(change(0, "status").value("new").toString(), QStringLiteral("draft"));
    QCOMPARE(entries.at(1).toObject().value("changes").toArray().size(), 1);
    QCOMPARE(change(1, "notes").value("old").toString(), QStringLiteral("初次拜访"));
    QCOMPARE(change(1, "notes").value("new").toString(), QStringLiteral("edit 1"));
    QCOMPARE(change(2, "notes").value("old").toString(), QStringLiteral("edit 1"));
    QCOMPARE(change(2, "notes").value("new"), QJsonValue(QJsonValue::Null));
}

void TestServerHistory::outOfScopeAndUnknownGetTheSameAnswer()
{
    // An HCP aligned to HZ-01 only is outside rep.sh01's scope; a random id exists nowhere. The two
    // answers are byte for byte the same and name no territory.
    const QString other = m_org.hcpsOnlyIn(QStringLiteral("HZ-01")).value(0);
    QVERIFY(!other.isEmpty());
    const HttpReply outside = history(m_rep, QStringLiteral("hcp"), other);
    const HttpReply unknown = history(m_rep, QStringLiteral("hcp"), newId());
    QCOMPARE(outside.status, 404);
    QCOMPARE(outside.errorCode(), QStringLiteral("not_found"));
    QCOMPARE(outside.body, unknown.body);
    QCOMPARE(unknown.status, 404);
    QVERIFY(!outside.body.contains(other.toUtf8()));
    QVERIFY(!outside.body.contains("HZ"));

    // The same HCP from the rep who covers it, and one of rep.sh01's own: readable.
    QCOMPARE(history(m_server.login(QStringLiteral("rep.hz01")), QStringLiteral("hcp"), other).status, 200);
    const QString own = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0);
    QCOMPARE(history(m_rep, QStringLiteral("hcp"), own).status, 200);

    // A visit of another territory: refused the same way, even after it was deleted.
    const QString visit = visitWithEdits(0);
    QVERIFY(!visit.isEmpty());
    const QString hz = m_server.login(QStringLiteral("rep.hz01"));
    const HttpReply foreign = history(hz, QStringLiteral("visit"), visit);
    QCOMPARE(foreign.status, 404);
    QCOMPARE(foreign.body, history(hz, QStringLiteral("visit"), newId()).body);
    QCOMPARE(pushOne(m_rep, mutation("visit", visit, {}, 1, {}, "delete")).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(history(hz, QStringLiteral("visit"), visit).status, 404);
    QCOMPARE(history(m_rep, QStringLiteral("visit"), visit).status, 200);
}

void TestServerHistory::sfeAndManagersReadWhatTheyPull()
{
    const QString visit = visitWithEdits(0);
    QVERIFY(!visit.isEmpty());
    for (const char *user : {"admin", "sfe"}) {
        const HttpReply r
            = history(m_server.login(QString::fromLatin1(user)), QStringLiteral("visit"), visit);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value("entries").toArray().size(), 1);
    }
    // A global record (a territory) is in everyone's feed, so everyone reads its history.
    QCOMPARE(history(m_rep, QStringLiteral("territory"), m_org.territory.value("HZ-01")).status, 200);
}

// A rep never pulls per-institution sales (sales_fact), so neither reads their history, even for an
// institution in the rep's own territory: the answer is the unknown id's.
void TestServerHistory::repsReadNoSalesFactHistory()
{
    const QString fact
        = m_server
              .query(QStringLiteral("SELECT id FROM membership WHERE entity = 'sales_fact' AND "
                                    "bucket = ?1 LIMIT 1"),
                  {QStringLiteral("t:") + m_org.territory.value("SH-01")})
              .value(0)
              .value(0);
    QVERIFY(!fact.isEmpty());
    const HttpReply rep = history(m_rep, QStringLiteral("sales_fact"), fact);
    QCOMPARE(rep.status, 404);
    QCOMPARE(rep.body, history(m_rep, QStringLiteral("sales_fact"), newId()).body);
    QCOMPARE(history(m_server.login(QStringLiteral("manager.sh")), QStringLiteral("sales_fact"), fact).status,
        200);
}

void TestServerHistory::pagesAreWholeAndCoverTheTrailOnce()
{
    const QString id = visitWithEdits(5); // 6 entries: the create and 5 updates
    QVERIFY(!id.isEmpty());
    const HttpReply all = history(m_rep, QStringLiteral("visit"), id, QStringLiteral("limit=200"));
    QCOMPARE(all.json.value("entries").toArray().size(), 6);
    QCOMPARE(all.json.value("more").toBool(), false);

    QJsonArray paged;
    qint64 after = 0;
    QList<int> sizes;
    for (int page = 0; page < 10; ++page) {
        const HttpReply r
            = history(m_rep, QStringLiteral("visit"), id, QStringLiteral("limit=4&after=%1").arg(after));
        QCOMPARE(r.status, 200);
        const QJsonArray entries = r.json.value("entries").toArray();
        sizes << int(entries.size());
        for (const QJsonValue &e : entries)
            paged << e;
        after = r.json.value("next_after").toInteger();
        if (!r.json.value("more").toBool())
            break;
    }
    // At the limit (4 of 6), then the rest; the pages join to the whole trail, each entry whole.
    QCOMPARE(sizes, (QList<int> {4, 2}));
    QCOMPARE(paged, all.json.value("entries").toArray());
    // A page past the end is empty and keeps its cursor.
    const HttpReply end = history(m_rep, QStringLiteral("visit"), id, QStringLiteral("after=%1").arg(after));
    QCOMPARE(end.json.value("entries").toArray().size(), 0);
    QCOMPARE(end.json.value("next_after").toInteger(), after);
    // The page limit is exact: limit=6 holds all six with nothing more; limit=5 says there is more.
    QCOMPARE(
        history(m_rep, QStringLiteral("visit"), id, QStringLiteral("limit=6")).json.value("more").toBool(),
        false);
    QCOMPARE(
        history(m_rep, QStringLiteral("visit"), id, QStringLiteral("limit=5")).json.value("more").toBool(),
        true);
    // Only the first page of a trail calls its first entry a create.
    const HttpReply second = history(m_rep, QStringLiteral("visit"), id,
        QStringLiteral("after=%1")
            .arg(all.json.value("entries").toArray().at(0).toObject().value("seq").toInteger()));
    QCOMPARE(second.json.value("entries").toArray().at(0).toObject().value("op").toString(),
        QStringLiteral("update"));
}

void TestServerHistory::badParametersAreRefused_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    const QString visitId = QStringLiteral("00000000-0000-4000-8000-000000000001");
    QTest::newRow("no entity") << QStringLiteral("id=%1").arg(visitId) << 400 << "entity";
    QTest::newRow("unknown entity") << QStringLiteral("entity=nope&id=%1").arg(visitId) << 400 << "entity";
    QTest::newRow("no id") << QStringLiteral("entity=visit") << 400 << "id";
    QTest::newRow("id too long") << QStringLiteral("entity=visit&id=%1").arg(QString(201, u'a')) << 400
                                 << "id";
    QTest::newRow("id at the limit") << QStringLiteral("entity=visit&id=%1").arg(QString(200, u'a')) << 404
                                     << "";
    QTest::newRow("limit 0") << QStringLiteral("entity=visit&id=%1&limit=0").arg(visitId) << 400 << "limit";
    QTest::newRow("limit 1") << QStringLiteral("entity=visit&id=%1&limit=1").arg(visitId) << 404 << "";
    QTest::newRow("limit 200") << QStringLiteral("entity=visit&id=%1&limit=200").arg(visitId) << 404 << "";
    QTest::newRow("limit 201") << QStringLiteral("entity=visit&id=%1&limit=201").arg(visitId) << 400
                               << "limit";
    QTest::newRow("limit text") << QStringLiteral("entity=visit&id=%1&limit=ten").arg(visitId) << 400
                                << "limit";
    QTest::newRow("after -1") << QStringLiteral("entity=visit&id=%1&after=-1").arg(visitId) << 400 << "after";
    QTest::newRow("after 0") << QStringLiteral("entity=visit&id=%1&after=0").arg(visitId) << 404 << "";
}

void TestServerHistory::badParametersAreRefused()
{
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(QString, field);
    const HttpReply r = m_server.get(QStringLiteral("/api/v1/history?") + query, m_rep);
    QCOMPARE(r.status, status);
    QCOMPARE(r.errorField(), field);
    QCOMPARE(r.errorCode(), status == 400 ? QStringLiteral("invalid_request") : QStringLiteral("not_found"));
}

void TestServerHistory::signedOutIsUnauthorized()
{
    const QString visit = visitWithEdits(0);
    QCOMPARE(history({}, QStringLiteral("visit"), visit).status, 401);
    QCOMPARE(history(QStringLiteral("not-a-token"), QStringLiteral("visit"), visit).status, 401);
}

QTEST_GUILESS_MAIN(TestServerHistory)
#include "tst_serverhistory.moc"
