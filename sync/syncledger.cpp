#include "sync/syncledger.h"

#include "models/store/storebatch.h"
#include "sync/log.h"

namespace rounds {

namespace {

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// The outbox row a push answer is about, read in the answer's batch: false when it cannot be read;
// true and none when the answer was recorded before (a retried push after a crash).
bool answeredRow(Store &store, const QString &mutationId, std::optional<OutboxMutation> *row, QString *error)
{
    QString readError;
    *row = store.mutation(mutationId, &readError);
    return readError.isEmpty() || failWith(error, readError);
}

// Records a push answer in one batch: `record` writes it for the outbox row it is about. An answer
// recorded before (a retried push after a crash) finds no row and writes nothing.
template<typename Record>
bool recordAnswer(Store &store, const QString &mutationId, QString *error, Record &&record)
{
    StoreBatch batch(store);
    if (!batch.isOpen())
        return failWith(error, batch.error());
    std::optional<OutboxMutation> row;
    if (!answeredRow(store, mutationId, &row, error))
        return false;
    return (!row || record(*row)) && batch.commit(error);
}

// What a `conflict` answer leaves for the user to decide.
QList<ConflictItem> conflictItems(const OutboxMutation &row, const QJsonArray &conflicts,
    const QJsonObject &serverRecord, qint64 serverVersion, bool serverDeleted)
{
    auto item = [&row](const QString &field, const QJsonValue &base, const QJsonValue &mine,
                    const QJsonValue &theirs) {
        ConflictItem c;
        c.entity = row.entity;
        c.recordId = row.recordId;
        c.mutationId = row.mutationId;
        c.field = field;
        c.base = base;
        c.mine = mine;
        c.theirs = theirs;
        return c;
    };
    // An edit of a record deleted meanwhile: "mine" is everything the edit set, to restore it on top of
    // the tombstone's version; "theirs" is the deletion.
    if (serverDeleted)
        return {item(QStringLiteral(""), serverVersion, row.set, QStringLiteral("deleted"))};
    // A delete that met a newer version: "mine" is the deletion, "theirs" the record as it is now.
    if (conflicts.isEmpty() || row.op == QLatin1String("delete"))
        return {item(QStringLiteral(""), QJsonValue(), QStringLiteral("delete"), serverRecord)};
    QList<ConflictItem> items;
    for (const QJsonValue &v : conflicts) {
        const QJsonObject c = v.toObject();
        items << item(c.value(QStringLiteral("field")).toString(), c.value(QStringLiteral("base")),
            c.value(QStringLiteral("mine")), c.value(QStringLiteral("theirs")));
    }
    return items;
}

} // namespace

SyncLedger::SyncLedger(Store &store)
    : m_store(store)
{ }

bool SyncLedger::acknowledgeWithRecord(
    const QString &mutationId, qint64 serverVersion, const QJsonObject &serverRecord, QString *error)
{
    return recordAnswer(m_store, mutationId, error, [&](const OutboxMutation &row) {
        return m_store.acknowledge(mutationId, serverVersion, error)
            && m_store.applyServerCopy(row.entity, row.recordId, serverRecord, false, error);
    });
}

bool SyncLedger::recordConflict(const QString &mutationId, const QJsonArray &conflicts,
    const QJsonObject &serverRecord, qint64 serverVersion, bool serverDeleted, QString *error)
{
    std::optional<OutboxMutation> recorded;
    qint64 lastConflict = 0;
    const bool ok = recordAnswer(m_store, mutationId, error, [&](const OutboxMutation &row) {
        if (!m_store.acknowledge(mutationId, serverVersion, error))
            return false;
        if ((!serverRecord.isEmpty() || serverDeleted)
            && !m_store.applyServerCopy(row.entity, row.recordId, serverRecord, serverDeleted, error))
            return false;
        recorded = row;
        return m_store.addConflicts(
            conflictItems(row, conflicts, serverRecord, serverVersion, serverDeleted), &lastConflict, error);
    });
    if (!ok || !recorded)
        return ok;
    // The conflicts view lists this table: tell it (the engine forwards this to the window's store).
    m_store.announceChanges(QStringLiteral("conflict"), {QString::number(lastConflict)});
    qCInfo(lcSync) << "conflict kept for" << recorded->entity << recorded->recordId << "from mutation"
                   << mutationId;
    return true;
}

QList<ConflictItem> SyncLedger::conflicts(bool openOnly) const
{
    return m_store.conflicts(openOnly);
}

int SyncLedger::openConflictCount() const
{
    return m_store.openConflictCount();
}

bool SyncLedger::resolve(qint64 conflictId, const QString &choice, QString *error, const QJsonValue &value)
{
    if (choice != QLatin1String("mine") && choice != QLatin1String("theirs")
        && choice != QLatin1String("other"))
        return failWith(error, QStringLiteral("resolve with mine, theirs or other, not '%1'").arg(choice));
    const QList<ConflictItem> all = conflicts(false);
    const auto it
        = std::find_if(all.begin(), all.end(), [&](const ConflictItem &c) { return c.id == conflictId; });
    if (it == all.end())
        return failWith(error, QStringLiteral("there is no conflict %1").arg(conflictId));
    if (it->resolved)
        return failWith(error,
            QStringLiteral("conflict %1 is already resolved (%2)").arg(conflictId).arg(it->resolution));
    StoreBatch batch(m_store);
    if (!batch.isOpen())
        return failWith(error, batch.error());
    const QJsonValue kept = choice == QLatin1String("mine") ? it->mine
        : choice == QLatin1String("theirs")                 ? it->theirs
                                                            : value;
    if (choice != QLatin1String("theirs")) {
        WriteResult write;
        switch (it->kind()) {
        case ConflictItem::Field:
            write = m_store.update(it->entity, it->recordId, QJsonObject {{it->field, kept}});
            break;
        case ConflictItem::Delete:
            write = m_store.remove(it->entity, it->recordId); // the user still wants it deleted
            break;
        case ConflictItem::Restore:
            write.ok = m_store.restoreDeleted(
                it->entity, it->recordId, it->base.toInteger(), kept.toObject(), &write.error);
            break;
        }
        if (!write.ok)
            return failWith(error, write.error);
    }
    if (!m_store.markConflictResolved(conflictId, choice, kept, error) || !batch.commit(error))
        return false;
    m_store.announceChanges(QStringLiteral("conflict"), {QString::number(conflictId)});
    return true;
}

bool SyncLedger::discardRejected(const QString &mutationId, QString *error)
{
    return m_store.discardRejected(mutationId, error);
}

bool SyncLedger::beginResync(const QString &epoch, QString *error)
{
    return m_store.beginResync(epoch, error);
}

bool SyncLedger::finishResync(QString *error)
{
    return m_store.finishResync(error);
}

int SyncLedger::closeConflictsOfGoneRecords()
{
    // A conflict about a record that has since left the laptop (deleted on the server, or out of scope)
    // can no longer be decided here: it is closed as "theirs" instead of waiting forever.
    QList<qint64> gone;
    for (const ConflictItem &c : conflicts(true)) {
        if (c.kind() != ConflictItem::Restore && !m_store.record(c.entity, c.recordId))
            gone << c.id;
    }
    const int closed = m_store.closeConflicts(gone);
    if (closed)
        m_store.announceChanges(QStringLiteral("conflict"), {});
    return closed;
}

bool SyncLedger::dropUnheld(const QSet<QPair<QString, QString>> &records, int *dropped, QString *error)
{
    return m_store.dropUnheld(records, dropped, error);
}

QList<protocol::Record> SyncLedger::records(const QString &entity) const
{
    return m_store.records(entity);
}

} // namespace rounds
