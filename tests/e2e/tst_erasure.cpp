#include "models/kpis.h"
#include "syncclient.h"

#include <QUrlQuery>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// A data-subject erasure end to end (docs/privacy.md): a real rounds-server, two real laptops (the
// rep's and the manager's) syncing through the real engine. `rounds-server hcp erase` anonymises the HCP
// on the server and, at their next sync, on both laptops; the rep's unsent edit of a note about the HCP
// is refused and kept as a rejection, never uploaded; the visits still count in the manager's KPIs; the
// audit trail (the history route) shows who asked and why.
class TestErasure : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eraseReachesEveryLaptop();

private:
    int count(SyncClient &c, const QString &sql, const QStringList &params = {}) const;
    QJsonObject kpis(SyncClient &c, const QString &period);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    SyncClient m_rep;
    SyncClient m_manager;
};

void TestErasure::initTestCase()
{
    QVERIFY(m_server.createDemo(200, 800, 2));
    QVERIFY(m_server.start());
    QVERIFY(m_rep.signIn(m_server, m_server.url().toString(), m_dir.path(), "rep.sh01"));
    QVERIFY(m_manager.signIn(m_server, m_server.url().toString(), m_dir.path(), "manager.sh"));
    QVERIFY(m_rep.sync().ok);
    QVERIFY(m_manager.sync().ok);
}

int TestErasure::count(SyncClient &c, const QString &sql, const QStringList &params) const
{
    auto q = c.store->database()->query(sql);
    for (qsizetype i = 0; i < params.size(); ++i)
        q->bind(int(i + 1), params.at(i));
    return q->step() ? int(q->integer(0)) : -1;
}

QJsonObject TestErasure::kpis(SyncClient &c, const QString &period)
{
    KpiEngine engine(*c.store);
    KpiResult result;
    const std::optional<KpiScope> scope = engine.resolveScope(QStringLiteral("SH"));
    const std::optional<KpiPeriod> p = KpiPeriod::parse(period);
    if (!scope || !p || !engine.compute(*p, *scope, &result))
        return {};
    const QJsonObject all = kpisToJson(result);
    return QJsonObject {{"kpis", all.value("kpis")}, {"reps", all.value("reps")}, {"tiers", all.value("tiers")},
        {"channels", all.value("channels")}};
}

void TestErasure::eraseReachesEveryLaptop()
{
    // The HCP of SH-01 with the most submitted visits, and the month of its latest one.
    auto q = m_rep.store->database()->query(QStringLiteral(
        "SELECT v.hcp_id, substr(max(v.visited_at), 1, 7), count(*) FROM visit v JOIN territory t ON t.id = "
        "v.territory_id AND t.code = 'SH-01' WHERE v.status = 'submitted' GROUP BY v.hcp_id "
        "ORDER BY count(*) DESC, v.hcp_id LIMIT 1"));
    QVERIFY(q->step());
    const QString hcp = q->text(0);
    const QString month = q->text(1);
    QVERIFY(q->integer(2) >= 1);
    const QString territory = m_rep.ids("territory", "code = 'SH-01'").value(0);
    QVERIFY(!territory.isEmpty());
    auto nameQuery = m_rep.store->database()->query(QStringLiteral("SELECT full_name FROM hcp WHERE id = ?1"));
    nameQuery->bind(1, hcp);
    QVERIFY(nameQuery->step());
    const QString name = nameQuery->text(0);

    // The rep writes about the HCP: a draft visit with notes, a tag, the HCP's phone as SFE would see it.
    const WriteResult visit = m_rep.store->create("visit",
        {{"territory_id", territory}, {"hcp_id", hcp}, {"rep_id", m_rep.userId},
            {"visited_at", QString(month + "-10T09:30:00Z")}, {"status", "draft"}, {"notes", "her daughter studies in Lyon"},
            {"feedback", "prefers WeChat after 8 pm"}});
    QVERIFY2(visit.ok, qPrintable(visit.error));
    QVERIFY(m_rep.store->create("hcp_tag", {{"hcp_id", hcp}, {"category", "basic"}, {"tag", "likes opera"}}).ok);
    QVERIFY(m_rep.sync().ok);
    QVERIFY(m_rep.rejectedIds.isEmpty());
    QVERIFY(m_manager.sync().ok);
    const int visits = count(m_manager, "SELECT count(*) FROM visit WHERE hcp_id = ?1", {hcp});
    QVERIFY(visits >= 2);
    const QJsonObject kpisBefore = kpis(m_manager, month);
    QVERIFY(kpisBefore.value("kpis").toObject().value("calls").toInt() > 0);

    // Offline, the rep edits the note again; the edit waits in the outbox.
    QVERIFY(m_rep.store->update("visit", visit.id, {{"notes", "her daughter now studies in Paris"}}).ok);

    QByteArray err;
    QCOMPARE(ServerProcess::runCommand(QStringList {"hcp", "erase"} + m_server.storeArgs()
                     + QStringList {hcp, "--reason", "DSR 2026/044: written request of the HCP", "--by", "sfe"},
                 {}, nullptr, &err),
        0);

    // Both laptops, at their next sync: the HCP anonymised, the visits kept without their texts, the tag
    // gone. The rep's pending edit is refused (kept as a rejection on that laptop, never sent again).
    QVERIFY(m_rep.sync().ok);
    QCOMPARE(m_rep.rejectedIds.size(), 1);
    QVERIFY(m_manager.sync().ok);
    const QString placeholder = "Erased HCP " + hcp.left(4);
    for (SyncClient *c : {&m_rep, &m_manager}) {
        QCOMPARE(count(*c, "SELECT count(*) FROM hcp WHERE id = ?1 AND full_name = ?2 AND phone IS NULL AND email "
                           "IS NULL AND title IS NULL AND gender IS NULL",
                     {hcp, placeholder}),
            1);
        QCOMPARE(count(*c, "SELECT count(*) FROM hcp WHERE full_name = ?1", {name}), 0);
        QCOMPARE(count(*c, "SELECT count(*) FROM visit WHERE hcp_id = ?1", {hcp}), visits);
        QCOMPARE(count(*c,
                     "SELECT count(*) FROM visit WHERE hcp_id = ?1 AND (notes IS NOT NULL OR feedback IS NOT "
                     "NULL OR follow_up IS NOT NULL)",
                     {hcp}),
            0);
        QCOMPARE(count(*c, "SELECT count(*) FROM hcp_tag WHERE hcp_id = ?1", {hcp}), 0);
    }
    // Nothing personal went back to the server.
    const QJsonObject stored = m_server.storedRecord(visit.id);
    QVERIFY(stored.value("notes").isNull() || stored.value("notes").isUndefined());
    // Another sync changes nothing: the rejection is not pushed again.
    QVERIFY(m_rep.sync().ok);
    QVERIFY(m_server.storedRecord(visit.id).value("notes").isNull()
        || m_server.storedRecord(visit.id).value("notes").isUndefined());

    // The manager's KPIs count the same visits as before.
    QCOMPARE(kpis(m_manager, month), kpisBefore);

    // The audit shows the request: who asked and why.
    QUrlQuery query;
    query.addQueryItem("entity", "hcp");
    query.addQueryItem("id", hcp);
    const HttpReply h = m_server.get("/api/v1/history?" + query.toString(QUrl::FullyEncoded), m_manager.token);
    QCOMPARE(h.status, 200);
    bool shown = false;
    for (const QJsonValue &e : h.json.value("entries").toArray()) {
        const QString note = e.toObject().value("note").toString();
        shown |= note.contains("DSR 2026/044: written request of the HCP") && note.contains("sfe");
    }
    QVERIFY2(shown, h.body.constData());
}

QTEST_GUILESS_MAIN(TestErasure)
#include "tst_erasure.moc"
