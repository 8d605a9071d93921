#pragma once

#include "models/store.h"

#include <QJsonArray>
#include <QJsonValue>
#include <QPair>
#include <QSet>

namespace rounds {

// A field the server could not settle (policy AskUser) or a delete that met a newer version: kept
// with base / mine / theirs until the user decides.
struct ConflictItem
{
    qint64 id = 0;
    QString entity;
    QString recordId;
    QString mutationId;
    QString field; // empty: the conflict is about a delete, not one field
    QJsonValue base;
    QJsonValue mine;
    QJsonValue theirs;
    QString createdAt;
    bool resolved = false;
    QString resolution; // "mine", "theirs" or "other"

    // Field: one field both sides changed. Delete: our delete met a newer version (mine = "delete",
    // theirs = the record). Restore: our edit met a deletion (mine = the values to restore, theirs =
    // "deleted", base = the tombstone's version).
    enum Kind { Field, Delete, Restore };
    Kind kind() const { return !field.isEmpty() ? Field : mine.isObject() ? Restore : Delete; }

    QJsonObject toJson() const;
};

// The sync engine's bookkeeping on top of the Store, each operation one transaction that composes
// the store's own write and apply paths (their transactions nest as savepoints):
// conflicts from push answers and their resolution, and the full re-sync after a new server epoch.
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
    bool applyServerCopy(const QString &entity, const QString &recordId, const QJsonObject &serverRecord,
        bool deleted, QString *error);
    bool restore(const ConflictItem &c, const QJsonObject &fields, QString *error);
    bool rebasePending(QString *error);

    Store &m_store;
};

} // namespace rounds
