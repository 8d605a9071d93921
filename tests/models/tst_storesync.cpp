#include "common/protocol/values.h"
#include "models/store.h"
#include "models/store/storebatch.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

// The Store operations the sync ledger builds on, each on a real store file: the server's copy of one
// record, conflicts, discarding a rejected change, restoring a deleted record, dropping records nothing
// holds, the re-sync after a new epoch, and batches of operations.
class TestStoreSync : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void mutationIsFoundInEveryState();
    void serverCopyReplacesTheRowWithPendingValuesOnTop();
    void serverCopyOfADeletionKeepsAPendingRecord();
    void conflictsAreKeptListedResolvedAndClosed();
    void discardingARejectedEditShowsTheServerCopy();
    void restoringADeletedRecordQueuesAnUpsertOnItsTombstone();
    void dropUnheldDropsOnlyRecordsNothingHolds();
    void resyncDropsWhatTheNewDataLacks();
    void batchIsAllOrNothing();
    void recordsAreSortedById();

private:
    QJsonObject serverPlan(const QString &id, int version, const QString &purpose) const;
    void pull(const QList<QJsonObject> &records, const QString &bucket = QStringLiteral("t:a"));
    QString pendingEdit(const QString &id, const QString &purpose);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QString m_territory = protocol::newUuid();
    QString m_hcp = protocol::newUuid();
    const QString m_plan = QStringLiteral("visit_plan");
};

void TestStoreSync::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    const StoreOpenResult r = m_store->open(m_dir->filePath(QStringLiteral("rounds.db")));
    QVERIFY2(r.ok, qPrintable(r.message));
}

void TestStoreSync::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

QJsonObject TestStoreSync::serverPlan(const QString &id, int version, const QString &purpose) const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("version"), version},
        {QStringLiteral("updated_at"), QStringLiteral("2026-11-20T08:00:00.000Z")},
        {QStringLiteral("updated_by"), m_hcp}, {QStringLiteral("territory_id"), m_territory},
        {QStringLiteral("hcp_id"), m_hcp},
        {QStringLiteral("planned_at"), QStringLiteral("2026-11-25T02:00:00.000Z")},
        {QStringLiteral("channel"), QStringLiteral("face_to_face")}, {QStringLiteral("purpose"), purpose},
        {QStringLiteral("status"), QStringLiteral("planned")}, {QStringLiteral("visit_id"), QJsonValue()}};
}

void TestStoreSync::pull(const QList<QJsonObject> &records, const QString &bucket)
{
    QList<PulledChange> changes;
    for (const QJsonObject &r : records) {
        PulledChange c;
        c.bucket = bucket;
        c.entity = m_plan;
        c.id = r.value(u"id").toString();
        c.record = r;
        changes << c;
    }
    const ApplyResult applied = m_store->applyPage(changes, {{bucket, 1}}, {});
    QVERIFY2(applied.ok, qPrintable(applied.error));
}

QString TestStoreSync::pendingEdit(const QString &id, const QString &purpose)
{
    const WriteResult w = m_store->update(m_plan, id, {{QStringLiteral("purpose"), purpose}});
    return w.ok ? m_store->outbox().last().mutationId : QString();
}

void TestStoreSync::mutationIsFoundInEveryState()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 1, QStringLiteral("a"))});
    const QString mutationId = pendingEdit(id, QStringLiteral("b"));
    QCOMPARE(m_store->mutation(mutationId)->state, QStringLiteral("pending"));
    m_store->takeForPush();
    QCOMPARE(m_store->mutation(mutationId)->state, QStringLiteral("sending"));
    QVERIFY(m_store->reject(mutationId, QStringLiteral("forbidden"), QStringLiteral("no"), QString()));
    const std::optional<OutboxMutation> rejected = m_store->mutation(mutationId);
    QCOMPARE(rejected->state, QStringLiteral("rejected"));
    QCOMPARE(rejected->recordId, id);
    QCOMPARE(rejected->set.value(u"purpose").toString(), QStringLiteral("b"));
    QString error;
    QVERIFY(!m_store->mutation(protocol::newUuid(), &error));
    QVERIFY(error.isEmpty()); // not there is not a failure
}

void TestStoreSync::serverCopyReplacesTheRowWithPendingValuesOnTop()
{
    const QString quiet = protocol::newUuid(), edited = protocol::newUuid();
    pull({serverPlan(quiet, 1, QStringLiteral("a")), serverPlan(edited, 1, QStringLiteral("a"))});
    QVERIFY(!pendingEdit(edited, QStringLiteral("mine")).isEmpty());
    QSignalSpy changed(m_store.get(), &Store::recordsChanged);

    QString error;
    QVERIFY2(m_store->applyServerCopy(
                 m_plan, quiet, serverPlan(quiet, 3, QStringLiteral("theirs")), false, &error),
        qPrintable(error));
    QJsonObject theirs = serverPlan(edited, 2, QStringLiteral("theirs"));
    theirs.insert(QStringLiteral("status"), QStringLiteral("cancelled"));
    QVERIFY2(m_store->applyServerCopy(m_plan, edited, theirs, false, &error), qPrintable(error));

    QCOMPARE(m_store->record(m_plan, quiet)->version, 3);
    QCOMPARE(m_store->record(m_plan, quiet)->fields.value(u"purpose").toString(), QStringLiteral("theirs"));
    const auto visible = m_store->record(m_plan, edited);
    QCOMPARE(visible->version, 2);
    QCOMPARE(visible->fields.value(u"purpose").toString(), QStringLiteral("mine")); // pending stays on top
    QCOMPARE(visible->fields.value(u"status").toString(), QStringLiteral("cancelled"));
    QCOMPARE(m_store->shadow(m_plan, edited)->version, 2);
    // The buckets that held the records still do, and no other joined.
    QCOMPARE(m_store->bucketsOf(m_plan, quiet), QStringList {QStringLiteral("t:a")});
    QCOMPARE(m_store->bucketsOf(m_plan, edited), QStringList {QStringLiteral("t:a")});
    QCOMPARE(changed.count(), 2);
    QCOMPARE(m_store->cursors().value(QStringLiteral("t:a")), 1); // cursors untouched
}

void TestStoreSync::serverCopyOfADeletionKeepsAPendingRecord()
{
    const QString quiet = protocol::newUuid(), edited = protocol::newUuid();
    pull({serverPlan(quiet, 1, QStringLiteral("a")), serverPlan(edited, 1, QStringLiteral("a"))});
    QVERIFY(!pendingEdit(edited, QStringLiteral("mine")).isEmpty());
    QString error;
    QVERIFY2(m_store->applyServerCopy(m_plan, quiet, {}, true, &error), qPrintable(error));
    QVERIFY2(m_store->applyServerCopy(m_plan, edited, {}, true, &error), qPrintable(error));
    QVERIFY(!m_store->record(m_plan, quiet));
    QVERIFY(m_store->bucketsOf(m_plan, quiet).isEmpty());
    QCOMPARE(m_store->record(m_plan, edited)->fields.value(u"purpose").toString(), QStringLiteral("mine"));
    // An entity this build does not know has nothing to write.
    QVERIFY(m_store->applyServerCopy(QStringLiteral("no_such_entity"), quiet, {}, false, &error));
}

void TestStoreSync::conflictsAreKeptListedResolvedAndClosed()
{
    ConflictItem field;
    field.entity = m_plan;
    field.recordId = protocol::newUuid();
    field.mutationId = protocol::newUuid();
    field.field = QStringLiteral("purpose");
    field.base = QStringLiteral("base");
    field.mine = QStringLiteral("mine");
    field.theirs = QStringLiteral("theirs");
    ConflictItem restore = field;
    restore.field.clear();
    restore.base = 7;
    restore.mine = QJsonObject {{QStringLiteral("purpose"), QStringLiteral("mine")}};
    restore.theirs = QStringLiteral("deleted");

    qint64 lastId = 0;
    QString error;
    QVERIFY2(m_store->addConflicts({field, restore}, &lastId, &error), qPrintable(error));
    QCOMPARE(m_store->openConflictCount(), 2);
    const QList<ConflictItem> open = m_store->conflicts();
    QCOMPARE(open.size(), 2);
    QCOMPARE(open.last().id, lastId);
    QCOMPARE(open.first().kind(), ConflictItem::Field);
    QCOMPARE(open.first().mine.toString(), QStringLiteral("mine"));
    QCOMPARE(open.last().kind(), ConflictItem::Restore);
    QCOMPARE(open.last().base.toInteger(), 7);
    QVERIFY(!open.first().createdAt.isEmpty());

    QVERIFY2(m_store->markConflictResolved(
                 open.first().id, QStringLiteral("other"), QStringLiteral("merged"), &error),
        qPrintable(error));
    QCOMPARE(m_store->openConflictCount(), 1);
    QCOMPARE(m_store->closeConflicts({open.last().id}), 1);
    QCOMPARE(m_store->openConflictCount(), 0);
    const QList<ConflictItem> all = m_store->conflicts(false);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.first().resolution, QStringLiteral("other"));
    QCOMPARE(all.last().resolution, QStringLiteral("theirs"));
    QVERIFY(all.last().resolved);
}

void TestStoreSync::discardingARejectedEditShowsTheServerCopy()
{
    const QString id = protocol::newUuid();
    pull({serverPlan(id, 4, QStringLiteral("server text"))});
    const QString refused = pendingEdit(id, QStringLiteral("refused"));
    m_store->takeForPush();
    QString error;
    QVERIFY(!m_store->discardRejected(refused, &error)); // not rejected (yet)
    QVERIFY(error.contains(refused));
    QVERIFY(m_store->reject(refused, QStringLiteral("forbidden"), QStringLiteral("no"), QString()));
    QVERIFY2(m_store->discardRejected(refused, &error), qPrintable(error));
    QCOMPARE(m_store->record(m_plan, id)->fields.value(u"purpose").toString(), QStringLiteral("server text"));
    QVERIFY(!m_store->shadow(m_plan, id));
    QVERIFY(m_store->outbox().isEmpty());
}

void TestStoreSync::restoringADeletedRecordQueuesAnUpsertOnItsTombstone()
{
    const QString id = protocol::newUuid();
    QJsonObject fields = serverPlan(id, 1, QStringLiteral("restored"));
    for (const char *base : {"id", "version", "updated_at", "updated_by"})
        fields.remove(QLatin1String(base));
    QString error;
    QVERIFY2(m_store->restoreDeleted(m_plan, id, 5, fields, &error), qPrintable(error));
    const auto visible = m_store->record(m_plan, id);
    QVERIFY(visible);
    QCOMPARE(visible->version, 5);
    QCOMPARE(visible->fields.value(u"purpose").toString(), QStringLiteral("restored"));
    const QList<OutboxMutation> outbox = m_store->outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.first().op, QStringLiteral("upsert"));
    QCOMPARE(outbox.first().baseVersion, 5);
    QCOMPARE(outbox.first().set, fields);
}

void TestStoreSync::dropUnheldDropsOnlyRecordsNothingHolds()
{
    const QString released = protocol::newUuid(), held = protocol::newUuid();
    pull({serverPlan(released, 1, QStringLiteral("a")), serverPlan(held, 1, QStringLiteral("a"))});
    const QString mutationId = pendingEdit(released, QStringLiteral("b"));
    // The bucket lets the record go while its change is pending: it stays for now.
    PulledChange revoke;
    revoke.bucket = QStringLiteral("t:a");
    revoke.entity = m_plan;
    revoke.id = released;
    revoke.op = PulledChange::Op::Revoke;
    QVERIFY(m_store->applyPage({revoke}, {}, {}).ok);
    QVERIFY(m_store->record(m_plan, released));

    int dropped = -1;
    QString error;
    const QSet<QPair<QString, QString>> answered {{m_plan, released}, {m_plan, held}};
    QVERIFY2(m_store->dropUnheld(answered, &dropped, &error), qPrintable(error));
    QCOMPARE(dropped, 0); // still pending
    m_store->takeForPush();
    QVERIFY(m_store->acknowledge(mutationId, 2));
    QVERIFY2(m_store->dropUnheld(answered, &dropped, &error), qPrintable(error));
    QCOMPARE(dropped, 1);
    QVERIFY(!m_store->record(m_plan, released));
    QVERIFY(m_store->record(m_plan, held));
}

void TestStoreSync::resyncDropsWhatTheNewDataLacks()
{
    const QString kept = protocol::newUuid(), lost = protocol::newUuid(), lostEdited = protocol::newUuid();
    pull({serverPlan(kept, 3, QStringLiteral("a")), serverPlan(lost, 3, QStringLiteral("a")),
        serverPlan(lostEdited, 3, QStringLiteral("a"))});
    QVERIFY(!pendingEdit(lostEdited, QStringLiteral("typed here")).isEmpty());
    QString error;
    QVERIFY2(m_store->finishResync(&error), qPrintable(error)); // no re-sync under way: nothing happens
    QVERIFY(m_store->record(m_plan, lost));

    QVERIFY2(m_store->beginResync(QStringLiteral("epoch-2"), &error), qPrintable(error));
    QCOMPARE(m_store->meta(QStringLiteral("epoch")), QStringLiteral("epoch-2"));
    QCOMPARE(m_store->cursors().value(QStringLiteral("t:a")), 0);
    QCOMPARE(m_store->record(m_plan, kept)->version, -3);
    QVERIFY(m_store->record(m_plan, lost)); // held by its stale membership until the end

    pull({serverPlan(kept, 1, QStringLiteral("restored server"))});
    QVERIFY2(m_store->finishResync(&error), qPrintable(error));
    QCOMPARE(m_store->record(m_plan, kept)->version, 1);
    QVERIFY(!m_store->record(m_plan, lost));
    // Nothing typed is dropped: the edit becomes a create of the whole record.
    QCOMPARE(m_store->record(m_plan, lostEdited)->fields.value(u"purpose").toString(),
        QStringLiteral("typed here"));
    QCOMPARE(m_store->outbox().first().baseVersion, 0);
    QVERIFY(m_store->meta(QStringLiteral("resync_epoch")).isEmpty());
}

void TestStoreSync::batchIsAllOrNothing()
{
    QJsonObject fields = serverPlan(QString(), 1, QStringLiteral("batched"));
    for (const char *base : {"id", "version", "updated_at", "updated_by"})
        fields.remove(QLatin1String(base));
    {
        StoreBatch batch(*m_store);
        QVERIFY2(batch.isOpen(), qPrintable(batch.error()));
        QVERIFY(m_store->create(m_plan, fields).ok);
        QVERIFY(m_store->create(m_plan, fields).ok);
    } // not committed: both go
    QCOMPARE(m_store->records(m_plan).size(), 0);
    QCOMPARE(m_store->pendingCount(), 0);
    {
        StoreBatch batch(*m_store);
        QVERIFY(m_store->create(m_plan, fields).ok);
        QVERIFY(m_store->create(m_plan, fields).ok);
        QString error;
        QVERIFY2(batch.commit(&error), qPrintable(error));
    }
    QCOMPARE(m_store->records(m_plan).size(), 2);
    QCOMPARE(m_store->pendingCount(), 2);

    Store closed;
    StoreBatch none(closed);
    QVERIFY(!none.isOpen());
    QVERIFY(!none.error().isEmpty());
    QVERIFY(none.commit()); // nothing to commit
}

void TestStoreSync::recordsAreSortedById()
{
    QStringList ids {protocol::newUuid(), protocol::newUuid(), protocol::newUuid()};
    pull({serverPlan(ids.at(0), 1, QStringLiteral("a")), serverPlan(ids.at(1), 1, QStringLiteral("b")),
        serverPlan(ids.at(2), 1, QStringLiteral("c"))});
    ids.sort();
    QStringList listed;
    for (const protocol::Record &r : m_store->records(m_plan))
        listed << r.id;
    QCOMPARE(listed, ids);
    QVERIFY(m_store->records(QStringLiteral("no_such_entity")).isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreSync)
#include "tst_storesync.moc"
