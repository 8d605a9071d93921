#pragma once

#include "common/protocol/codec.h"
#include "common/protocol/outboxmutation.h"
#include "common/protocol/pulledchange.h"
#include "common/protocol/rolepolicy.h"
#include "models/filestate.h"
#include "models/store/conflictitem.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <QSet>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QTimer;

namespace rounds {

namespace sql {
class Database;
}
class EntitySqlCache;
class PageApplier;

// What opening the store came to. `message` is a sentence for the user whenever something happened
// that they should know about (a refused file, a damaged file moved aside).
struct StoreOpenResult
{
    bool ok = false;
    QString message;
    bool integrityChecked = false; // the previous session did not close cleanly, so the file was checked
    bool recreated = false; // the file was damaged: moved aside and replaced by an empty one
    QString movedAsidePath; // where the damaged file went (never deleted)
    int recoveredMutations = 0; // pending changes carried over from the damaged file
};

// The outcome of one local write. On failure `field` names the field at fault when there is one.
struct WriteResult
{
    bool ok = false;
    QString id;
    QString error;
    QString field;
    bool refused = false; // the user's role may not make this write (Store::policy()); nothing was saved
};

struct ApplyResult
{
    bool ok = false;
    QString error;
    int upserted = 0;
    int deleted = 0;
    int dropped = 0; // records that left the last bucket holding them
    int skipped = 0; // unknown entities, stale versions, malformed records
    int keptPending = 0; // records with pending local changes whose visible row kept them on top
};

// The client's local store: one SQLite file per account. Every local create, edit and delete goes
// through create()/update()/remove(), which update the visible row and the outbox in one transaction;
// pulled pages go through applyPage(). Both emit recordsChanged() after they commit.
//
// Not thread-safe: use it from one thread (the GUI thread); its methods never throw.
class Store final : public QObject
{
    Q_OBJECT
public:
    explicit Store(QObject *parent = nullptr);
    ~Store() override;
    Q_DISABLE_COPY_MOVE(Store)

    // AppDataLocation/<server host>/<user>/rounds.db (the folder is not created).
    static QString defaultPath(const QString &serverHost, const QString &userName);

    // Opens (creating if needed) and migrates the file. A file from a newer Rounds is refused
    // untouched; a damaged one is moved aside and replaced (see StoreOpenResult).
    StoreOpenResult open(const QString &path);
    // Reads the key of the file at `path` from the keychain into this process's memory (creating it for
    // a new or plain file), on the calling thread: the sync engine calls it on the GUI thread before its
    // worker thread opens a second connection. An error message, or empty.
    static QString prepareKey(const QString &path);
    // A second connection to a file another Store of this process has open (the sync engine's worker
    // thread): it never runs the integrity check, never moves the file aside, and leaves the "closed
    // cleanly" mark to the primary connection.
    StoreOpenResult openSecondary(const QString &path);
    // Marks the session as cleanly closed and closes the file. Also done by the destructor.
    void close();
    bool isOpen() const { return m_db != nullptr; }
    QString path() const { return m_path; }
    // For repositories and item models living on the same thread. Null when closed.
    sql::Database *database() const { return m_db.get(); }

    // --- the local write path -----------------------------------------------------------------
    // What the signed-in user's role may write (sync_meta role and user_id); unrestricted when nobody
    // signed in to this file. The write path refuses what it forbids, with `WriteResult::refused` set, so
    // a change the server would refuse for the role never enters the outbox; views offer only what it
    // allows.
    protocol::RolePolicy policy() const;
    // Creates a record (a new UUID unless `id` is given); `fields` are validated like a pushed create.
    WriteResult create(const QString &entity, const QJsonObject &fields, const QString &id = {});
    // Changes some fields of a visible record.
    WriteResult update(const QString &entity, const QString &id, const QJsonObject &changes);
    // Deletes a visible record.
    WriteResult remove(const QString &entity, const QString &id);

    // The visible record (server copy with pending local values on top), if there is one.
    std::optional<protocol::Record> record(const QString &entity, const QString &id) const;
    // The last server copy of a record with pending local changes.
    std::optional<protocol::Record> shadow(const QString &entity, const QString &id) const;

    // --- the outbox, for the sync engine ----------------------------------------------------------
    QList<OutboxMutation> outbox() const; // every row, in push order
    int pendingCount() const; // rows not rejected
    // Marks up to `limit` mutations as being pushed (they no longer coalesce) and returns them, in
    // order, together with those already marked by an interrupted earlier push.
    QList<OutboxMutation> takeForPush(int limit = 1000, QString *error = nullptr); // error set on failure
    // The server answered `applied` or `merged`: the mutation leaves the outbox.
    bool acknowledge(const QString &mutationId, qint64 newVersion, QString *error = nullptr);
    // The server answered `rejected`: kept, visible to the user, never pushed again.
    bool reject(const QString &mutationId, const QString &code, const QString &message, const QString &field,
        QString *error = nullptr);

    // --- the apply path, for the sync engine ------------------------------------------------------
    // Applies one pulled page and its cursors in one transaction (all or nothing); with `epoch`, the
    // server's epoch is stored in that transaction too (the first page of a first sync).
    ApplyResult applyPage(const QList<PulledChange> &changes, const QHash<QString, qint64> &cursors,
        const QStringList &revokedBuckets = {}, const QString &epoch = {});
    QHash<QString, qint64> cursors(QString *error = nullptr) const;

    // --- bulk load, for a first sync ----------------------------------------------------------------
    // Makes the pages applied until finishBulkLoad() cheap to insert: the secondary indexes of the
    // entity tables without triggers (visits, their details, plans, alignments…) are dropped, their SQL
    // kept in sync_meta in the same transaction, and this connection's page cache and WAL checkpoint
    // interval grow. Queries stay correct meanwhile (slower), and the HCP tables keep their indexes and
    // search triggers, so search stays complete. finishBulkLoad() creates the indexes again, each in one
    // sorted pass, and puts the cache back. If the process dies in between, the next open() finishes.
    bool beginBulkLoad(QString *error = nullptr);
    bool finishBulkLoad(QString *error = nullptr);
    bool isBulkLoading() const;

    QStringList bucketsOf(const QString &entity, const QString &id) const;
    // The visible records of an entity, sorted by id (rounds-cli dump).
    QList<protocol::Record> records(const QString &entity) const;

    // --- the server's answers and their aftermath, for the sync ledger ---------------------------
    // Each is one transaction; they compose in a StoreBatch (their transactions nest as savepoints).
    // The outbox row of a mutation, in any state; none, with `error` set, when the file cannot be read.
    std::optional<OutboxMutation> mutation(const QString &mutationId, QString *error = nullptr) const;
    // The server's copy of one record, from a push answer: written like a pulled record (pending
    // values stay on top) into every bucket that holds it here; `deleted`: the server deleted it.
    bool applyServerCopy(const QString &entity, const QString &id, const QJsonObject &serverRecord,
        bool deleted, QString *error = nullptr);
    // Gives up a change the server rejected: it leaves the outbox and the record shows the server's copy
    // again (a rejected create disappears). Other pending changes to the record stay on top.
    bool discardRejected(const QString &mutationId, QString *error = nullptr);
    // Sends a change the server rejected again (what refused it was fixed since: the HCP's consent was
    // captured): pending once more, under a new mutation_id, at the end of the outbox.
    bool resendRejected(const QString &mutationId, QString *error = nullptr);
    // Brings back a record the server deleted, with `fields`: an upsert queued on top of the
    // tombstone's version (the server's way to restore), visible at once.
    bool restoreDeleted(const QString &entity, const QString &id, qint64 tombstoneVersion,
        const QJsonObject &fields, QString *error = nullptr);
    // Of these records, those no bucket holds and with nothing in the outbox leave, like a pulled delete.
    bool dropUnheld(const QSet<QPair<QString, QString>> &records, int *dropped, QString *error = nullptr);

    // --- conflicts ----------------------------------------------------------------------------------
    // Keeps conflicts (their id is ignored, created_at is set); `lastId` gets the id of the last one.
    bool addConflicts(const QList<ConflictItem> &items, qint64 *lastId = nullptr, QString *error = nullptr);
    QList<ConflictItem> conflicts(bool openOnly = true) const;
    int openConflictCount() const;
    // Marks a conflict decided: `choice` is "mine", "theirs" or "other", `value` what was kept.
    bool markConflictResolved(
        qint64 conflictId, const QString &choice, const QJsonValue &value, QString *error = nullptr);
    // Closes conflicts as "theirs" without touching their records; returns how many were closed.
    int closeConflicts(const QList<qint64> &conflictIds);

    // --- a new server epoch ---------------------------------------------------------------------------
    // Every cursor back to 0, every synced record marked as not yet seen again, the epoch stored.
    bool beginResync(const QString &epoch, QString *error = nullptr);
    // After a complete pull: records the new data lacks are dropped unless a local change to them is
    // pending, and pending changes are re-based on the new data. A no-op unless a re-sync is under way.
    bool finishResync(QString *error = nullptr);
    // Whether a re-sync began and has not finished (every bucket is being pulled again from 0).
    bool resyncUnderway() const;
    // Drops every local record of the entities the server never sends to `role` (Entity::readers): what
    // a user may not hold after a role change, or what an older build kept (per-institution sales on a
    // rep's laptop). A no-op for an unknown role.
    bool dropWithheld(const QString &role, int *dropped, QString *error = nullptr);

    // --- sync_meta: epoch, server, user, last sync ---------------------------------------------------
    QString meta(const QString &key) const;
    bool setMeta(const QString &key, const QString &value);
    // Synced files' local states (models/filestate.h): one row per hash, written as a whole (`pinned`
    // kept as it is unless `keepPinned` is false); listed in hash order.
    bool putFileState(const FileStateRow &row, bool keepPinned = true, QString *error = nullptr);
    QList<FileStateRow> fileStates() const;

    // Emits recordsChanged() for rows changed outside create()/update()/remove() and the apply path (an
    // import, a merge, a conflict decision). Empty `ids`: any row of the entity.
    void announceChanges(const QString &entity, const QStringList &ids) { emit recordsChanged(entity, ids); }
    // The same for rows the sync engine's worker changed on its own connection, so the views and item
    // models on this Store refresh them. While held (a sync is under way) they are merged and emitted at
    // most every `intervalMs`, and the rest when released: the pages of a sync refresh each view once,
    // or once every interval during a long first sync. Local writes and announceChanges() are never held.
    void announceSyncedChanges(const QString &entity, const QStringList &ids);
    void holdAnnouncements(bool hold, int intervalMs = 1500);

signals:
    // After a commit that changed rows of `entity` (created, edited, deleted, pulled, acknowledged,
    // refused, merged, imported; "conflict" for the conflict list). Views follow it through a
    // StoreWatcher (models/storewatcher.h), which merges bursts.
    void recordsChanged(const QString &entity, const QStringList &ids);
    // After a commit that queued a local change for the server (create(), update(), remove(),
    // restoreDeleted()): the one place every writer passes, so the sync engine hears of each change
    // without any view having to ask for a sync (SyncEngine::watch()).
    void localChangeQueued(const QString &entity, const QString &id);

private:
    struct Recovered;
    // The key of the file at `path` (created at its first open; a plain file of an older Rounds is
    // encrypted first), or nothing with `*message` set: no keychain, no key for an encrypted file, or a
    // key that does not open it. The file is never changed then.
    // `*damagedPlain`: a plain file too damaged to encrypt; open() moves it aside like any damaged file.
    std::optional<QByteArray> unlock(const QString &path, QString *message, bool *damagedPlain);
    StoreOpenResult openFile(const QString &path);
    StoreOpenResult recreate(const QString &path, const QString &why);
    int carryOver(const Recovered &recovered);
    void crashHook(const char *point) const;
    // Runs `body` on a PageApplier in one transaction, then announces the rows it changed.
    bool applyWith(const std::function<void(PageApplier &)> &body, ApplyResult *result, QString *error,
        const char *what);
    bool rebasePending(QString *error);
    bool dropRecords(const QList<QPair<QString, QString>> &records, int *deleted, QString *error);

    void releaseHeld();

    std::unique_ptr<sql::Database> m_db;
    std::unique_ptr<EntitySqlCache> m_apply;
    QString m_path;
    QByteArray m_key; // of the open file; empty for a plain one (rounds-bench --plain only)
    bool m_plainAside = false; // the file recreate() moves aside is a plain one (read without the key)
    QByteArray m_crashAt;
    bool m_secondary = false;
    bool m_holding = false;
    QHash<QString, QSet<QString>> m_held; // an empty set: any row of the entity
    QTimer *m_heldTimer = nullptr;
};

} // namespace rounds
