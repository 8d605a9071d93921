#pragma once

#include "models/store.h"

namespace rounds {

// The sync engine's policy on top of the Store: what a push answer's conflicts become, how a user's
// decision about one is carried out, and when records leave. Every write goes through the Store's API;
// an operation made of several store operations runs them in one StoreBatch (all or nothing).
class SyncLedger final
{
public:
    explicit SyncLedger(Store &store);

    // A `conflict` push result: the mutation leaves the outbox, the visible row becomes the server's
    // record (with any later pending edits on top), and each conflicting field is kept for the user.
    // `serverDeleted`: the server answered that the record was deleted meanwhile.
    bool recordConflict(const QString &mutationId, const QJsonArray &conflicts,
        const QJsonObject &serverRecord, qint64 serverVersion, bool serverDeleted, QString *error);
    // An `applied`/`merged` answer that carries the server's record: the row becomes it at once.
    bool acknowledgeWithRecord(
        const QString &mutationId, qint64 serverVersion, const QJsonObject &serverRecord, QString *error);
    QList<ConflictItem> conflicts(bool openOnly = true) const;
    int openConflictCount() const;
    // "mine": re-pushes the user's value on top of the server's (a normal local edit, with the new
    // base); "theirs": keeps the server's value; "other": a value the user merged by hand.
    bool resolve(qint64 conflictId, const QString &choice, QString *error, const QJsonValue &value = {});

    // Gives up a change the server rejected: it leaves the outbox and the record shows the server's copy
    // again (a rejected create disappears). Other pending changes to the record stay on top.
    bool discardRejected(const QString &mutationId, QString *error);

    // A new epoch: every cursor back to 0, every synced record marked as not yet seen again.
    bool beginResync(const QString &epoch, QString *error);
    // After a complete pull: records the new data lacks are dropped, unless a local change to them is
    // pending. A no-op when no re-sync is under way.
    bool finishResync(QString *error);

    // After a complete pull: of these records (changes to them were answered in this sync), those that no
    // bucket holds any more and that have nothing pending leave the laptop.
    bool dropUnheld(const QSet<QPair<QString, QString>> &records, int *dropped, QString *error);

    // Closes open conflicts about records that are no longer on this laptop; returns how many.
    int closeConflictsOfGoneRecords();

    // The visible records of an entity, sorted by id (rounds-cli dump).
    QList<protocol::Record> records(const QString &entity) const;

private:
    Store &m_store;
};

} // namespace rounds
