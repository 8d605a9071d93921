// Consent end to end (issue 20; docs/privacy.md, Consent): a rep logs a `message` visit to an HCP
// without consent offline (the client warns), syncs, and the real server refuses it with
// consent_required; the refusal is kept as a rejection; the rep captures consent offline, the refused
// visit goes back into the outbox after it, and the next sync is accepted. A withdrawn activity-tracking
// consent makes later tracking anonymous (trackingAllowed on both ends). rounds-cli consent shows it.

#include "common/protocol/values.h"
#include "e2e/clirunner.h"
#include "e2e/syncclient.h"
#include "models/consentqueries.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using namespace rounds::protocol;

class TestConsentE2e : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void refusedVisitIsAcceptedAfterConsent();
    void withdrawnTrackingMakesLaterViewsAnonymous();
    void cliShowsConsent();

private:
    QJsonObject serverRecord(const QString &entity, const QString &id);

    ServerProcess m_server;
    QTemporaryDir m_dir;
    SyncClient m_rep;
    QString m_url;
    QString m_hcp;
};

void TestConsentE2e::initTestCase()
{
    QVERIFY(m_server.createDemo(40, 10, 1, {QStringLiteral("--without-consent")}));
    QVERIFY(m_server.start());
    m_url = m_server.url().toString();
    // The company requires consent (docs/privacy.md: off unless an administrator turns it on).
    const HttpReply set = m_server.push(m_server.login(QStringLiteral("admin")),
        QJsonArray {mutation(QStringLiteral("setting"), protocol::newUuid(),
            QJsonObject {{"key", consent::RequiredKey}, {"value", true}})});
    QCOMPARE(set.json.value("results").toArray().at(0).toObject().value("status").toString(),
        QStringLiteral("applied"));
    QVERIFY(m_rep.signIn(m_server, m_url, m_dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(m_rep.sync().ok);
    const QStringList hcps = m_rep.ids(QStringLiteral("hcp"));
    QVERIFY(!hcps.isEmpty());
    m_hcp = hcps.first();
}

QJsonObject TestConsentE2e::serverRecord(const QString &entity, const QString &id)
{
    const PullResult all = m_server.pullAll(m_server.login(QStringLiteral("admin")));
    for (const QJsonObject &r : recordsOf(all.changes, entity)) {
        if (r.value("id").toString() == id)
            return r;
    }
    return {};
}

void TestConsentE2e::refusedVisitIsAcceptedAfterConsent()
{
    Store *store = m_rep.store.get();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Offline, before saving: the rule the visit dialog asks says the visit would be refused.
    consent::Verdict v;
    QString error;
    QVERIFY2(
        ConsentQueries::verdict(store, m_hcp, QStringLiteral("message"), now, &v, &error), qPrintable(error));
    QVERIFY(v.blocks);
    QCOMPARE(consent::stateName(v.state), QStringLiteral("missing"));

    const WriteResult visit = store->create(QStringLiteral("visit"),
        QJsonObject {{"territory_id", m_rep.territories.value(0)}, {"hcp_id", m_hcp},
            {"rep_id", m_rep.userId}, {"channel", "message"}, {"visited_at", now.toString(Qt::ISODate)},
            {"status", "submitted"}, {"notes", "sent the new dosing leaflet by message"}});
    QVERIFY2(visit.ok, qPrintable(visit.error));

    // The server refuses it, naming the HCP and the channel; the client keeps it as a rejection.
    QVERIFY(m_rep.sync().ok);
    QList<OutboxMutation> refused;
    for (const OutboxMutation &m : store->outbox()) {
        if (m.isRejected())
            refused << m;
    }
    QCOMPARE(refused.size(), 1);
    QCOMPARE(refused.first().recordId, visit.id);
    QCOMPARE(refused.first().errorCode, QStringLiteral("consent_required"));
    QCOMPARE(refused.first().errorField, QStringLiteral("channel"));
    QVERIFY(refused.first().errorMessage.contains(m_hcp));
    QVERIFY(refused.first().errorMessage.contains(QStringLiteral("message")));
    QVERIFY(store->record(QStringLiteral("visit"), visit.id).has_value()); // nothing lost
    QVERIFY(serverRecord(QStringLiteral("visit"), visit.id).isEmpty());
    // A second sync does not send it again by itself.
    QVERIFY(m_rep.sync().ok);
    QVERIFY(store->outbox().first().isRejected());

    // Consent captured offline (verbal, during the visit): the refused visit is queued again after it.
    ConsentCapture c;
    c.hcpId = m_hcp;
    c.channel = QStringLiteral("message");
    c.source = QStringLiteral("verbal");
    c.evidence = QStringLiteral("noted in visit of today");
    const WriteResult captured = ConsentQueries::capture(store, c);
    QVERIFY2(captured.ok, qPrintable(captured.error));
    const QList<OutboxMutation> queued = store->outbox();
    QCOMPARE(queued.size(), 2);
    QCOMPARE(queued.at(0).entity, QStringLiteral("consent"));
    QCOMPARE(queued.at(1).recordId, visit.id);
    QVERIFY(!queued.at(1).isRejected());
    QVERIFY(queued.at(1).mutationId != refused.first().mutationId);
    QVERIFY(ConsentQueries::verdict(store, m_hcp, QStringLiteral("message"), now, &v, &error));
    QVERIFY(!v.blocks);

    const SyncSummary s = m_rep.sync();
    QVERIFY(s.ok);
    QVERIFY(store->outbox().isEmpty());
    const QJsonObject onServer = serverRecord(QStringLiteral("visit"), visit.id);
    QCOMPARE(onServer.value("channel").toString(), QStringLiteral("message"));
    const QJsonObject consentOnServer = serverRecord(QStringLiteral("consent"), captured.id);
    QCOMPARE(consentOnServer.value("status").toString(), QStringLiteral("granted"));
    QCOMPARE(consentOnServer.value("source").toString(), QStringLiteral("verbal"));
    QVERIFY(!consentOnServer.value("expires_at").toString().isEmpty()); // one year, the default
}

void TestConsentE2e::withdrawnTrackingMakesLaterViewsAnonymous()
{
    Store *store = m_rep.store.get();
    const QString hcp = m_rep.ids(QStringLiteral("hcp")).value(1);
    const QDateTime granted = QDateTime::currentDateTimeUtc().addDays(-10);
    ConsentCapture c;
    c.hcpId = hcp;
    c.channel = consent::ActivityTracking;
    c.source = QStringLiteral("online");
    c.capturedAt = granted;
    QVERIFY(ConsentQueries::capture(store, c).ok);
    c.granted = false;
    c.capturedAt = granted.addDays(5);
    QVERIFY(ConsentQueries::capture(store, c).ok);
    QVERIFY(m_rep.sync().ok);
    QVERIFY(store->outbox().isEmpty());

    // The client: content views from now on are anonymous (the newest record decides).
    consent::Rules rules;
    QList<consent::Record> records;
    QString error;
    QVERIFY(ConsentQueries::rules(store, &rules, &error));
    QVERIFY(ConsentQueries::records(store, hcp, &records, &error));
    QVERIFY(!consent::trackingAllowed(records, hcp, QDateTime::currentDateTimeUtc(), rules));
    // The server's copy says the same (a second laptop pulls the withdrawal).
    SyncClient other;
    QTemporaryDir otherDir;
    QVERIFY(other.signIn(m_server, m_url, otherDir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(other.sync().ok);
    QList<consent::Record> pulled;
    QVERIFY(ConsentQueries::records(other.store.get(), hcp, &pulled, &error));
    QCOMPARE(pulled.size(), 2);
    QVERIFY(!consent::trackingAllowed(pulled, hcp, QDateTime::currentDateTimeUtc(), rules));
    // Another HCP with a tracking grant in force is tracked by id.
    const QString third = m_rep.ids(QStringLiteral("hcp")).value(2);
    c.hcpId = third;
    c.granted = true;
    c.capturedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(ConsentQueries::capture(store, c).ok);
    QVERIFY(ConsentQueries::records(store, third, &records, &error));
    QVERIFY(consent::trackingAllowed(records, third, QDateTime::currentDateTimeUtc(), rules));
}

void TestConsentE2e::cliShowsConsent()
{
    m_rep.store.reset(); // rounds-cli opens the same file
    const CliRun run = runCli(
        {QStringLiteral("--db"), m_rep.dbPath, QStringLiteral("consent"), m_hcp, QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    const QJsonObject answer = run.json().object();
    QCOMPARE(answer.value("hcp_id").toString(), m_hcp);
    QCOMPARE(answer.value("consent_required").toBool(), true);
    QCOMPARE(answer.value("validity_days").toInt(), 365);
    QHash<QString, QJsonObject> byChannel;
    for (const QJsonValue &l : answer.value("lines").toArray())
        byChannel.insert(l.toObject().value("channel").toString(), l.toObject());
    QCOMPARE(byChannel.size(), 8);
    QCOMPARE(byChannel.value("message").value("state").toString(), QStringLiteral("allowed"));
    QCOMPARE(byChannel.value("message").value("source").toString(), QStringLiteral("verbal"));
    QVERIFY(!byChannel.value("message").value("expires_at").toString().isEmpty());
    QCOMPARE(byChannel.value("phone").value("state").toString(), QStringLiteral("missing"));
    QCOMPARE(byChannel.value("phone").value("blocks").toBool(), true);

    const CliRun text = runCli({QStringLiteral("--db"), m_rep.dbPath, QStringLiteral("consent"), m_hcp});
    QCOMPARE(text.code, 0);
    QVERIFY(text.out.contains("message\t-\tallowed"));
    QCOMPARE(runCli({QStringLiteral("--db"), m_rep.dbPath, QStringLiteral("consent")}).code, 2);
    const CliRun unknown = runCli({QStringLiteral("--db"), m_rep.dbPath, QStringLiteral("consent"),
        QStringLiteral("00000000-0000-4000-8000-000000000000")});
    QCOMPARE(unknown.code, 2);
    QVERIFY(unknown.err.contains("no HCP"));
    QVERIFY(runCli({QStringLiteral("--help")}).out.contains("consent HCP_ID [--json]"));
    QVERIFY(m_rep.reopen(m_url));
}

QTEST_GUILESS_MAIN(TestConsentE2e)
#include "tst_consent.moc"
