#include "common/protocol/values.h"
#include "models/store.h"
#include "support/samples.h"
#include "sync/syncledger.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

// The engine's bookkeeping on a real store file: conflicts from push answers, their resolution, and the
// full re-sync after the server's epoch changed.
class TestSyncLedger : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void conflictKeepsBothValuesAndShowsTheServers();
    void keepMineRepushesOnTheNewBase();
    void takeTheirsChangesNothingLocally();
    void deleteConflictOffersTheDeleteAgain();
    void editOfADeletedRecordOffersToRestoreIt();
    void changesMadeWhileAPushIsInFlightAreRebased();
    void aRecordKeptForItsPendingChangeLeavesOnceAnswered();
    void discardingDoesNotBringBackARecordThatLeft();
    void conflictsOfRecordsThatLeftAreClosed();
    void discardingARejectionBringsBackTheServerCopy();
    void resyncDropsOnlyWhatTheServerLostAndNothingPending();
    void interruptedResyncFinishesLater();

private:
    QJsonObject serverPlan(const QString &id, int version, const QString &purpose) const;
    void pull(const QList<QJsonObject> &records, const QString &bucket = QStringLiteral("t:a"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QString m_territory = protocol::newUuid();
    QString m_hcp = protocol::newUuid();
};

void TestSyncLedger::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    const StoreOpenResult r = m_store->open(m_dir->filePath(QStringLiteral("rounds.db")));
    QVERIFY2(r.ok, qPrintable(r.message));
}

void TestSyncLedger::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QJsonObject TestSyncLedger::serverPlan(const QString &id, int version, const QString &purpose) const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("version"), version},
        {QStringLiteral("updated_at"), QStringLiteral("2026-11-20T08:00:00.000Z")},
        {QStringLiteral("updated_by"), protocol::newUuid()}, {QStringLiteral("territory_id"), m_territory},
        {QStringLiteral("hcp_id"), m_hcp},
        {QStringLiteral("planned_at"), QStringLiteral("2026-11-25T02:00:00.000Z")},
        {QStringLiteral("channel"), QStringLiteral("face_to_face")}, {QStringLiteral("purpose"), purpose},
        {QStringLiteral("status"), QStringLiteral("planned")}, {QStringLiteral("visit_id"), QJsonValue()}};
}

void TestSyncLedger::pull(const QList<QJsonObject> &records, const QString &bucket)
{
    QList<PulledChange> changes;
    for (const QJsonObject &r : records) {
        PulledChange c;
        c.bucket = bucket;
        c.entity = QStringLiteral("visit_plan");
        c.id = r.value(u"id").toString();
        c.record = r;
        changes << c;
    }
    const ApplyResult applied = m_store->applyPage(changes, {{bucket, 1}}, {});
    QVERIFY2(applied.ok, qPrintable(applied.error));
}

void TestSyncLedger::conflictKeepsBothValuesAndShowsTheServers()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 1, QStringLiteral("介绍新适应症"))});
    QVERIFY(
        m_store
            ->update(QStringLiteral("visit_plan"), id, {{QStringLiteral("purpose"), QStringLiteral("mine")}})
            .ok);
    const QList<OutboxMutation> batch = m_store->takeForPush();
    QCOMPARE(batch.size(), 1);

    SyncLedger ledger(*m_store);
    const QJsonArray conflicts {QJsonObject {{QStringLiteral("field"), QStringLiteral("purpose")},
        {QStringLiteral("base"), QStringLiteral("介绍新适应症")},
        {QStringLiteral("mine"), QStringLiteral("mine")},
        {QStringLiteral("theirs"), QStringLiteral("theirs")}}};
    QString error;
    QVERIFY2(ledger.recordConflict(batch.first().mutationId, conflicts,
                 serverPlan(id, 2, QStringLiteral("theirs")), 2, false, &error),
        qPrintable(error));

    QCOMPARE(m_store->pendingCount(), 0);
    const auto visible = m_store->record(QStringLiteral("visit_plan"), id);
    QVERIFY(visible);
    QCOMPARE(visible->version, 2);
    QCOMPARE(visible->fields.value(u"purpose").toString(), QStringLiteral("theirs"));
    const QList<ConflictItem> open = ledger.conflicts();
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().field, QStringLiteral("purpose"));
    QCOMPARE(open.first().mine.toString(), QStringLiteral("mine"));
    QCOMPARE(open.first().theirs.toString(), QStringLiteral("theirs"));
    QCOMPARE(open.first().base.toString(), QStringLiteral("介绍新适应症"));
    QCOMPARE(ledger.openConflictCount(), 1);

    // The same answer stored twice (a retried push after a crash) changes nothing.
    QVERIFY(ledger.recordConflict(
        batch.first().mutationId, conflicts, serverPlan(id, 2, QStringLiteral("theirs")), 2, false, &error));
    QCOMPARE(ledger.openConflictCount(), 1);
}

void TestSyncLedger::keepMineRepushesOnTheNewBase()
{
    conflictKeepsBothValuesAndShowsTheServers();
    SyncLedger ledger(*m_store);
    const qint64 conflictId = ledger.conflicts().first().id;
    const QString id = ledger.conflicts().first().recordId;
    QString error;
    QVERIFY2(ledger.resolve(conflictId, QStringLiteral("mine"), &error), qPrintable(error));
    QCOMPARE(ledger.openConflictCount(), 0);
    QCOMPARE(m_store->record(QStringLiteral("visit_plan"), id)->fields.value(u"purpose").toString(),
        QStringLiteral("mine"));
    const QList<OutboxMutation> outbox = m_store->outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().baseVersion, 2);
    QCOMPARE(outbox.first().base.value(u"purpose").toString(), QStringLiteral("theirs"));
    QCOMPARE(outbox.first().set.value(u"purpose").toString(), QStringLiteral("mine"));
    QVERIFY(!ledger.resolve(conflictId, QStringLiteral("theirs"), &error)); // already resolved
    QVERIFY(error.contains(QStringLiteral("already resolved")));
}

void TestSyncLedger::takeTheirsChangesNothingLocally()
{
    conflictKeepsBothValuesAndShowsTheServers();
    SyncLedger ledger(*m_store);
    const ConflictItem c = ledger.conflicts().first();
    QString error;
    QVERIFY(ledger.resolve(c.id, QStringLiteral("theirs"), &error));
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(m_store->record(QStringLiteral("visit_plan"), c.recordId)->fields.value(u"purpose").toString(),
        QStringLiteral("theirs"));
    QCOMPARE(ledger.conflicts(false).first().resolution, QStringLiteral("theirs"));
}

void TestSyncLedger::deleteConflictOffersTheDeleteAgain()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 1, QStringLiteral("a"))});
    QVERIFY(m_store->remove(QStringLiteral("visit_plan"), id).ok);
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id));
    const QList<OutboxMutation> batch = m_store->takeForPush();
    QCOMPARE(batch.first().op, QStringLiteral("delete"));
    SyncLedger ledger(*m_store);
    QString error;
    QVERIFY2(ledger.recordConflict(batch.first().mutationId, {},
                 serverPlan(id, 3, QStringLiteral("changed meanwhile")), 3, false, &error),
        qPrintable(error));
    // The record is back, as the server has it, and the user is asked about the delete.
    QCOMPARE(m_store->record(QStringLiteral("visit_plan"), id)->fields.value(u"purpose").toString(),
        QStringLiteral("changed meanwhile"));
    const ConflictItem c = ledger.conflicts().first();
    QVERIFY(c.field.isEmpty());
    QVERIFY(ledger.resolve(c.id, QStringLiteral("mine"), &error));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id));
    QCOMPARE(m_store->outbox().first().op, QStringLiteral("delete"));
    QCOMPARE(m_store->outbox().first().baseVersion, 3);
}

void TestSyncLedger::editOfADeletedRecordOffersToRestoreIt()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 2, QStringLiteral("before"))});
    QVERIFY(
        m_store
            ->update(QStringLiteral("visit_plan"), id, {{QStringLiteral("purpose"), QStringLiteral("after")}})
            .ok);
    const QString mutation = m_store->takeForPush().first().mutationId;
    SyncLedger ledger(*m_store);
    QString error;
    // The server answers: deleted meanwhile, tombstone at version 3.
    QJsonObject tombstone = serverPlan(id, 3, QStringLiteral("before"));
    QVERIFY2(ledger.recordConflict(mutation, {}, tombstone, 3, true, &error), qPrintable(error));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id)); // deleted, as on the server
    const ConflictItem c = ledger.conflicts().first();
    QCOMPARE(c.kind(), ConflictItem::Restore);
    QCOMPARE(c.mine.toObject().value(u"purpose").toString(), QStringLiteral("after"));

    QVERIFY2(ledger.resolve(c.id, QStringLiteral("mine"), &error), qPrintable(error));
    const auto back = m_store->record(QStringLiteral("visit_plan"), id);
    QVERIFY(back);
    QCOMPARE(back->fields.value(u"purpose").toString(), QStringLiteral("after"));
    const QList<OutboxMutation> outbox = m_store->outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().op, QStringLiteral("upsert"));
    QCOMPARE(outbox.first().baseVersion, 3); // on top of the tombstone: the server's way to restore
    QCOMPARE(outbox.first().set.value(u"purpose").toString(), QStringLiteral("after"));
}

void TestSyncLedger::changesMadeWhileAPushIsInFlightAreRebased()
{
    QJsonObject fields = serverPlan(protocol::newUuid(), 1, QStringLiteral("v0"));
    for (const QString &base : {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
             QStringLiteral("updated_by")})
        fields.remove(base);
    const WriteResult created = m_store->create(QStringLiteral("visit_plan"), fields);
    QVERIFY(created.ok);
    const QString create = m_store->takeForPush().first().mutationId; // on its way to the server
    // Meanwhile the rep edits, then deletes a second plan created the same way.
    QVERIFY(m_store
                ->update(QStringLiteral("visit_plan"), created.id,
                    {{QStringLiteral("purpose"), QStringLiteral("v1")}})
                .ok);
    QList<OutboxMutation> outbox = m_store->outbox();
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(outbox.last().baseVersion, 0); // nothing better is known yet

    QVERIFY(m_store->acknowledge(create, 1));
    outbox = m_store->outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().op, QStringLiteral("upsert"));
    QCOMPARE(outbox.first().baseVersion, 1);
    QCOMPARE(
        outbox.first().base.value(u"purpose").toString(), QStringLiteral("v0")); // what the server now has

    // Create, push under way, delete: the delete must reach the server, not vanish locally.
    const WriteResult second = m_store->create(QStringLiteral("visit_plan"), fields);
    QVERIFY(second.ok);
    QList<OutboxMutation> batch = m_store->takeForPush();
    QString secondCreate;
    for (const OutboxMutation &m : batch) {
        if (m.recordId == second.id)
            secondCreate = m.mutationId;
    }
    QVERIFY(m_store->remove(QStringLiteral("visit_plan"), second.id).ok);
    QVERIFY(m_store->acknowledge(secondCreate, 1));
    bool deleteQueued = false;
    for (const OutboxMutation &m : m_store->outbox()) {
        if (m.recordId == second.id) {
            QCOMPARE(m.op, QStringLiteral("delete"));
            QCOMPARE(m.baseVersion, 1);
            deleteQueued = true;
        }
    }
    QVERIFY(deleteQueued);
}

void TestSyncLedger::aRecordKeptForItsPendingChangeLeavesOnceAnswered()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 1, QStringLiteral("a"))});
    QVERIFY(
        m_store->update(QStringLiteral("visit_plan"), id, {{QStringLiteral("purpose"), QStringLiteral("b")}})
            .ok);
    // The territory is taken away (realignment) while the edit waits: the record stays for now.
    PulledChange revoke;
    revoke.bucket = QStringLiteral("t:a");
    revoke.entity = QStringLiteral("visit_plan");
    revoke.id = id;
    revoke.op = PulledChange::Op::Revoke;
    QVERIFY(m_store->applyPage({revoke}, {}, {}).ok);
    QVERIFY(m_store->record(QStringLiteral("visit_plan"), id));
    SyncLedger ledger(*m_store);
    int dropped = -1;
    QString error;
    QVERIFY(ledger.dropUnheld({{QStringLiteral("visit_plan"), id}}, &dropped, &error));
    QCOMPARE(dropped, 0); // still pending: kept
    // Pushed and answered: now it leaves, like any revoked record.
    QVERIFY(m_store->acknowledge(m_store->takeForPush().first().mutationId, 2));
    QVERIFY(ledger.dropUnheld({{QStringLiteral("visit_plan"), id}}, &dropped, &error));
    QCOMPARE(dropped, 1);
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id));
}

void TestSyncLedger::conflictsOfRecordsThatLeftAreClosed()
{
    conflictKeepsBothValuesAndShowsTheServers();
    SyncLedger ledger(*m_store);
    const ConflictItem c = ledger.conflicts().first();
    QCOMPARE(ledger.closeConflictsOfGoneRecords(), 0); // the record is still here
    PulledChange deleted;
    deleted.bucket = QStringLiteral("t:a");
    deleted.entity = c.entity;
    deleted.id = c.recordId;
    deleted.op = PulledChange::Op::Delete;
    QVERIFY(m_store->applyPage({deleted}, {}, {}).ok);
    QCOMPARE(ledger.closeConflictsOfGoneRecords(), 1);
    QCOMPARE(ledger.openConflictCount(), 0);
    QCOMPARE(ledger.conflicts(false).first().resolution, QStringLiteral("theirs"));
}

void TestSyncLedger::discardingDoesNotBringBackARecordThatLeft()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 1, QStringLiteral("a"))});
    QVERIFY(
        m_store->update(QStringLiteral("visit_plan"), id, {{QStringLiteral("purpose"), QStringLiteral("b")}})
            .ok);
    const QString refused = m_store->takeForPush().first().mutationId;
    QVERIFY(m_store->reject(refused, QStringLiteral("forbidden"), QStringLiteral("no"), QString()));
    PulledChange deleted;
    deleted.bucket = QStringLiteral("t:a");
    deleted.entity = QStringLiteral("visit_plan");
    deleted.id = id;
    deleted.op = PulledChange::Op::Delete;
    QVERIFY(m_store->applyPage({deleted}, {}, {}).ok);
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id));
    QString error;
    QVERIFY2(SyncLedger(*m_store).discardRejected(refused, &error), qPrintable(error));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), id));
    QVERIFY(m_store->outbox().isEmpty());
}

void TestSyncLedger::discardingARejectionBringsBackTheServerCopy()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 4, QStringLiteral("server text"))});
    QVERIFY(m_store
                ->update(QStringLiteral("visit_plan"), id,
                    {{QStringLiteral("purpose"), QStringLiteral("refused edit")}})
                .ok);
    const QString refused = m_store->takeForPush().first().mutationId;
    QVERIFY(m_store->reject(refused, QStringLiteral("forbidden"), QStringLiteral("not yours"), QString()));
    // A create the server refused too.
    QJsonObject fields = serverPlan(protocol::newUuid(), 1, QStringLiteral("new"));
    for (const QString &base : {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
             QStringLiteral("updated_by")})
        fields.remove(base);
    const WriteResult created = m_store->create(QStringLiteral("visit_plan"), fields);
    QVERIFY(created.ok);
    const QString refusedCreate = m_store->takeForPush().first().mutationId;
    QVERIFY(m_store->reject(
        refusedCreate, QStringLiteral("forbidden"), QStringLiteral("not your territory"), QString()));

    SyncLedger ledger(*m_store);
    QString error;
    QVERIFY(!ledger.discardRejected(protocol::newUuid(), &error));
    QVERIFY2(ledger.discardRejected(refused, &error), qPrintable(error));
    QCOMPARE(m_store->record(QStringLiteral("visit_plan"), id)->fields.value(u"purpose").toString(),
        QStringLiteral("server text"));
    QCOMPARE(m_store->record(QStringLiteral("visit_plan"), id)->version, 4);
    QVERIFY(!m_store->shadow(QStringLiteral("visit_plan"), id));
    QVERIFY2(ledger.discardRejected(refusedCreate, &error), qPrintable(error));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), created.id));
    QVERIFY(m_store->outbox().isEmpty());
}

void TestSyncLedger::resyncDropsOnlyWhatTheServerLostAndNothingPending()
{
    const QString kept = protocol::newUuid(), lost = protocol::newUuid(),
                  lostButPending = protocol::newUuid();
    pull({serverPlan(kept, 1, QStringLiteral("k")), serverPlan(lost, 1, QStringLiteral("l")),
        serverPlan(lostButPending, 1, QStringLiteral("p"))});
    QVERIFY(m_store
                ->update(QStringLiteral("visit_plan"), lostButPending,
                    {{QStringLiteral("purpose"), QStringLiteral("typed offline")}})
                .ok);
    m_store->setMeta(QStringLiteral("epoch"), QStringLiteral("old"));

    SyncLedger ledger(*m_store);
    QString error;
    QVERIFY(ledger.beginResync(QStringLiteral("new"), &error));
    QCOMPARE(m_store->meta(QStringLiteral("epoch")), QStringLiteral("new"));
    QCOMPARE(m_store->cursors().value(QStringLiteral("t:a")), 0);
    // Mid-way, nothing has disappeared yet.
    QVERIFY(m_store->record(QStringLiteral("visit_plan"), lost));
    pull({serverPlan(kept, 1, QStringLiteral("k"))}); // the restored server's snapshot
    QVERIFY(m_store->record(QStringLiteral("visit_plan"), lost));
    QVERIFY(ledger.finishResync(&error));

    QVERIFY(m_store->record(QStringLiteral("visit_plan"), kept));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), lost));
    const auto pending = m_store->record(QStringLiteral("visit_plan"), lostButPending);
    QVERIFY(pending);
    QCOMPARE(pending->fields.value(u"purpose").toString(), QStringLiteral("typed offline"));
    QCOMPARE(m_store->pendingCount(), 1);
    QCOMPARE(m_store->bucketsOf(QStringLiteral("visit_plan"), kept), QStringList {QStringLiteral("t:a")});
    QVERIFY(ledger.finishResync(&error)); // nothing under way: a no-op
}

void TestSyncLedger::interruptedResyncFinishesLater()
{
    const QString lost = protocol::newUuid();
    pull({serverPlan(lost, 1, QStringLiteral("l"))});
    QString error;
    QVERIFY(SyncLedger(*m_store).beginResync(QStringLiteral("new"), &error));
    // The program stops here; a new run (new objects on the same file) completes the re-sync.
    const QString path = m_store->path();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(path).ok);
    QCOMPARE(m_store->meta(QStringLiteral("resync_epoch")), QStringLiteral("new"));
    pull({});
    QVERIFY(SyncLedger(*m_store).finishResync(&error));
    QVERIFY(!m_store->record(QStringLiteral("visit_plan"), lost));
    QVERIFY(m_store->meta(QStringLiteral("resync_epoch")).isEmpty());
}

QTEST_GUILESS_MAIN(TestSyncLedger)
#include "tst_syncledger.moc"
