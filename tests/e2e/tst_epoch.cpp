#include "common/protocol/values.h"
#include "faultproxy.h"
#include "syncclient.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// The server's data is replaced (re-created from the same demo recipe: same records, new epoch). The
// laptop must pull everything again, keep and re-push its pending changes, and drop what the new data
// lacks — but only where nothing local is pending.
class TestEpoch : public QObject
{
    Q_OBJECT
private slots:
    void newEpochRepullsAndRepushes();
};

void TestEpoch::newEpochRepullsAndRepushes()
{
    auto serverA = std::make_unique<ServerProcess>();
    QVERIFY(serverA->createDemo(100, 200, 5));
    QVERIFY(serverA->start());
    FaultProxy proxy(quint16(serverA->url().port()), 1); // the address the laptop knows
    QTemporaryDir dir;
    SyncClient c;
    QVERIFY(c.signIn(*serverA, proxy.url(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(c.sync().ok);
    const QString epochA = c.store->meta(QStringLiteral("epoch"));

    // A visit that only server A will ever have (logged by the rep on another device).
    const QString onlyOnA = protocol::newUuid();
    const QString hcp = c.ids(QStringLiteral("hcp")).first();
    const QJsonObject visit {{QStringLiteral("territory_id"), c.territories.first()},
        {QStringLiteral("hcp_id"), hcp}, {QStringLiteral("rep_id"), c.userId},
        {QStringLiteral("visited_at"), QStringLiteral("2026-11-21T03:00:00Z")},
        {QStringLiteral("notes"), QStringLiteral("only on A")}};
    const HttpReply pushed
        = serverA->push(c.token, QJsonArray {mutation(QStringLiteral("visit"), onlyOnA, visit)});
    QCOMPARE(pushed.status, 200);
    QVERIFY(c.sync().ok);
    QVERIFY(c.store->record(QStringLiteral("visit"), onlyOnA));

    // The plan moves on at A (the manager edits it twice): A has versions B will never have.
    const QString plan = c.ids(QStringLiteral("visit_plan"), QStringLiteral("status = 'planned'")).first();
    const QString manager = serverA->login(QStringLiteral("manager.sh"));
    for (int i = 0; i < 2; ++i) {
        const auto before = c.store->record(QStringLiteral("visit_plan"), plan);
        const HttpReply r = serverA->push(manager,
            QJsonArray {mutation(QStringLiteral("visit_plan"), plan,
                {{QStringLiteral("purpose"), QStringLiteral("manager %1").arg(i)}}, before->version,
                {{QStringLiteral("purpose"), before->fields.value(u"purpose")}})});
        QCOMPARE(r.status, 200);
        QVERIFY(c.sync().ok);
    }
    QVERIFY(c.store->record(QStringLiteral("visit_plan"), plan)->version >= 3);
    // A second visit only A has, which the rep edits offline: the edit must not be lost.
    const QString editedOnlyOnA = protocol::newUuid();
    QCOMPARE(
        serverA->push(c.token, QJsonArray {mutation(QStringLiteral("visit"), editedOnlyOnA, visit)}).status,
        200);
    QVERIFY(c.sync().ok);
    QVERIFY(c.store
                ->update(QStringLiteral("visit"), editedOnlyOnA,
                    {{QStringLiteral("feedback"), QStringLiteral("主任同意试用")}})
                .ok);

    // Offline work that has not been pushed when the server is replaced.
    QJsonObject mine = visit;
    mine.insert(QStringLiteral("notes"), QStringLiteral("typed in the basement"));
    const WriteResult created = c.store->create(QStringLiteral("visit"), mine);
    QVERIFY(created.ok);
    QVERIFY(c.store
                ->update(QStringLiteral("visit_plan"), plan,
                    {{QStringLiteral("purpose"), QStringLiteral("复诊沟通")}})
                .ok);

    // The server is re-created: same recipe, same ids, a new epoch, none of A's later changes.
    serverA.reset();
    ServerProcess serverB;
    QVERIFY(serverB.createDemo(100, 200, 5));
    QVERIFY(serverB.start());
    proxy.setUpstreamPort(quint16(serverB.url().port()));
    c.token = serverB.login(QStringLiteral("rep.sh01"));
    c.api->setToken(c.token);

    const SyncSummary s = c.sync();
    QVERIFY2(s.ok, qPrintable(s.error.message));
    QVERIFY(s.newEpoch);
    QVERIFY(c.store->meta(QStringLiteral("epoch")) != epochA);
    QCOMPARE(c.store->pendingCount(), 0);
    QVERIFY2(!c.store->record(QStringLiteral("visit"), onlyOnA), "a record the new data lacks must go");
    QCOMPARE(c.store->record(QStringLiteral("visit_plan"), plan)->version, 2); // B's version, after our edit

    // The pending changes reached the new server.
    const QList<QJsonObject> visits = recordsOf(serverB.pullAll(c.token).changes, QStringLiteral("visit"));
    const auto it = std::find_if(visits.begin(), visits.end(),
        [&](const QJsonObject &v) { return v.value(u"id").toString() == created.id; });
    QVERIFY(it != visits.end());
    QCOMPARE(it->value(u"notes").toString(), QStringLiteral("typed in the basement"));
    const QList<QJsonObject> plans
        = recordsOf(serverB.pullAll(c.token).changes, QStringLiteral("visit_plan"));
    const auto p = std::find_if(
        plans.begin(), plans.end(), [&](const QJsonObject &v) { return v.value(u"id").toString() == plan; });
    QVERIFY(p != plans.end());
    QCOMPARE(p->value(u"purpose").toString(), QStringLiteral("复诊沟通"));

    // The edit of a record the new data lacked became a create of the whole record.
    const QList<QJsonObject> again = recordsOf(serverB.pullAll(c.token).changes, QStringLiteral("visit"));
    const auto back = std::find_if(again.begin(), again.end(),
        [&](const QJsonObject &v) { return v.value(u"id").toString() == editedOnlyOnA; });
    QVERIFY(back != again.end());
    QCOMPARE(back->value(u"feedback").toString(), QStringLiteral("主任同意试用"));
    QCOMPARE(back->value(u"notes").toString(), QStringLiteral("only on A"));

    // And the laptop equals a fresh full sync of the new server.
    SyncClient reference;
    reference.token = c.token;
    reference.dbPath = dir.filePath(QStringLiteral("reference.db"));
    QVERIFY(reference.reopen(serverB.url().toString()));
    QVERIFY(reference.sync().ok);
    for (const QString &entity : {QStringLiteral("visit"), QStringLiteral("visit_plan"),
             QStringLiteral("hcp"), QStringLiteral("alignment")}) {
        const QList<protocol::Record> a = SyncLedger(*c.store).records(entity);
        const QList<protocol::Record> b = SyncLedger(*reference.store).records(entity);
        QCOMPARE(a.size(), b.size());
        for (qsizetype i = 0; i < a.size(); ++i)
            QCOMPARE(protocol::encodeRecord(a.at(i)), protocol::encodeRecord(b.at(i)));
    }
}

QTEST_GUILESS_MAIN(TestEpoch)
#include "tst_epoch.moc"
