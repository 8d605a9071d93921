#include "syncclient.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// A push larger than the server's body limit: the engine halves its batches until they fit, and a
// single change too large to ever pass is set aside, visibly, instead of blocking every later sync.
class TestPushLimits : public QObject
{
    Q_OBJECT
private slots:
    void oversizedBatchesAreSplit();
};

void TestPushLimits::oversizedBatchesAreSplit()
{
    ServerProcess server;
    QVERIFY(server.createDemo(60, 60, 4));
    QVERIFY(server.start({QStringLiteral("--max-body"), QStringLiteral("65536")}));
    QTemporaryDir dir;
    SyncClient c;
    QVERIFY(c.signIn(server, server.url().toString(), dir.path(), QStringLiteral("rep.sh02")));
    QVERIFY(c.sync().ok);
    const QString hcp = c.ids(QStringLiteral("hcp")).first();
    const QString longNote = QString(600, QChar(0x62DC)); // 拜 × 600: 1.8 kB of UTF-8 per visit
    QStringList created;
    for (int i = 0; i < 120; ++i) {
        const WriteResult w = c.store->create(QStringLiteral("visit"),
            QJsonObject {{QStringLiteral("territory_id"), c.territories.first()},
                {QStringLiteral("hcp_id"), hcp}, {QStringLiteral("rep_id"), c.userId},
                {QStringLiteral("visited_at"), QStringLiteral("2026-11-20T02:00:00Z")},
                {QStringLiteral("notes"), QString(longNote + QString::number(i))}});
        QVERIFY(w.ok);
        created << w.id;
    }
    // One visit whose notes alone exceed the limit (10,000 characters of Chinese: 30 kB, sent twice
    // would not fit either way once the limit is lower than it).
    const WriteResult huge = c.store->create(QStringLiteral("visit"),
        QJsonObject {{QStringLiteral("territory_id"), c.territories.first()}, {QStringLiteral("hcp_id"), hcp},
            {QStringLiteral("rep_id"), c.userId},
            {QStringLiteral("visited_at"), QStringLiteral("2026-11-20T02:00:00Z")},
            {QStringLiteral("notes"), QString(10000, QChar(0x8BBF))}});
    QVERIFY(huge.ok);
    server.stop();
    QVERIFY(server.start({QStringLiteral("--max-body"), QStringLiteral("20000")}));
    c.api = std::make_unique<ApiClient>(server.url());
    c.api->setToken(c.token);

    const SyncSummary s = c.sync();
    QVERIFY2(s.ok, qPrintable(s.error.message));
    QCOMPARE(s.pushed, 120); // answered by the server; the oversized one never got through
    QCOMPARE(s.rejected, 1);
    const QList<OutboxMutation> left = c.store->outbox();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.first().recordId, huge.id);
    QCOMPARE(left.first().errorCode, QStringLiteral("payload_too_large"));
    const QList<QJsonObject> visits = recordsOf(server.pullAll(c.token).changes, QStringLiteral("visit"));
    QSet<QString> onServer;
    for (const QJsonObject &v : visits)
        onServer.insert(v.value(u"id").toString());
    for (const QString &id : created)
        QVERIFY2(onServer.contains(id), qPrintable(id));
    QVERIFY(!onServer.contains(huge.id));
}

QTEST_GUILESS_MAIN(TestPushLimits)
#include "tst_pushlimits.moc"
