#pragma once

#include "common/protocol/codec.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace rounds::server {

// A record as the server keeps it: the protocol record plus its entity and tombstone flag. The storage
// layer keeps records, the change feed, users and tokens; it knows nothing of merging, scopes or
// buckets rules (those live in Feed and SyncService), so another backend (PostgreSQL) implements the
// same primitives.
struct StoredRecord
{
    QString entity;
    protocol::Record record;
    bool deleted = false;
};

struct ChangeEntry
{
    QString bucket;
    qint64 seq = 0;
    QString entity;
    QString id;
    QString op; // upsert, delete, revoke
};

struct UserRow
{
    QString id;
    QString username;
    QString displayName;
    QString role;
    QString homeTerritoryId;
    bool active = true;
    QString passwordHash;
};

struct TokenRow
{
    QString userId;
    QString device;
    QString expiresAt; // ISO 8601 UTC
    bool revoked = false;
    QString deviceId; // the client's device id at sign-in; empty for clients that send none
};

// A computer a user signed in from (docs/server.md, "Devices"): the id its client generated once, the
// host name, the client version, first and last contact, and, once revoked, when and why. A revoked
// device is told to wipe itself at its next contact.
struct DeviceRow
{
    QString id;
    QString userId;
    QString name;
    QString clientVersion;
    QString firstSeen; // ISO 8601 UTC
    QString lastSeen;
    QString revokedAt; // empty while the device may work
    QString revokedReason;

    bool revoked() const { return !revokedAt.isEmpty(); }
};

struct AuditEntry
{
    QString entity;
    QString recordId;
    QString field;
    QJsonValue oldValue;
    QJsonValue newValue;
    QString userId;
    QString device;
    QString mutationId;
    QString at;
    QString note;
    // create, update, delete, restore (a deleted record written again) or rejected (a value the merge
    // refused); empty in entries written before the history route (docs/sync-protocol.md, History).
    QString op;
    qint64 seq = 0; // set when read back
};

// Reference fields that can be looked up in reverse (which records name this one).
namespace IndexedRef {
inline const QString HcpId = QStringLiteral("hcp_id");
inline const QString InstitutionId = QStringLiteral("institution_id");
inline const QString DepartmentId = QStringLiteral("department_id");
inline const QString VisitId = QStringLiteral("visit_id");
inline const QString MeetingId = QStringLiteral("meeting_id");
// The (entity, field) pairs with a reverse index: alignment/hcp_tag/consent.hcp_id, hcp.institution_id,
// hcp.department_id, department.institution_id, visit_detail.visit_id, meeting_attendee/expense.meeting_id,
// visit.hcp_id.
bool isIndexed(const QString &entity, const QString &field);
} // namespace IndexedRef

// What one prune removed (docs/server.md, "Retention"), and per bucket the highest seq of the change
// entries it took out of the log with their tombstones.
struct PruneCounts
{
    qint64 audit = 0;
    qint64 tombstones = 0;
    qint64 mutations = 0;
    QHash<QString, qint64> prunedSeqs;
};

// The stored answer to a mutation, and who sent it.
struct MutationRow
{
    QString userId;
    QByteArray result;
};

class StoreReader
{
public:
    virtual ~StoreReader() = default;

    virtual std::optional<StoredRecord> record(const QString &entity, const QString &id) = 0;
    // Live records of `entity` whose reference `field` names `target`; (entity, field) must be indexed.
    virtual QList<StoredRecord> referencing(
        const QString &entity, const QString &field, const QString &target)
        = 0;
    // The union of the buckets of those records (an institution follows its HCPs), without loading them.
    virtual QStringList bucketsOfReferencing(
        const QString &entity, const QString &field, const QString &target)
        = 0;
    // Every live record of an entity; for the small ones (territory, product, user).
    virtual QList<StoredRecord> all(const QString &entity) = 0;
    // Every live record of an entity, one at a time (for the big ones: export, daily jobs).
    virtual void scan(const QString &entity, const std::function<void(const StoredRecord &)> &visit) = 0;
    // Every tombstone of an entity (a deleted record keeps its last fields), one at a time.
    virtual void scanDeleted(const QString &entity, const std::function<void(const StoredRecord &)> &visit)
        = 0;
    // The buckets a record is in now.
    virtual QStringList buckets(const QString &entity, const QString &id) = 0;
    virtual qint64 lastSeq(const QString &bucket) = 0;
    // Entries after `after` in seq order, at most `limit`; only upserts when `upsertsOnly` (snapshots);
    // none of the entities in `withheld` (those the puller's role may not hold).
    virtual QList<ChangeEntry> changes(
        const QString &bucket, qint64 after, int limit, bool upsertsOnly, const QStringList &withheld)
        = 0;
    // How many entries changes() would still give after `after` (for the pull's progress estimate).
    virtual qint64 countChanges(
        const QString &bucket, qint64 after, bool upsertsOnly, const QStringList &withheld)
        = 0;
    // A record's audit entries with a seq above `afterSeq`, in seq order, at most `limit`.
    virtual QList<AuditEntry> audit(
        const QString &entity, const QString &recordId, qint64 afterSeq, int limit)
        = 0;

    virtual std::optional<UserRow> userByName(const QString &username) = 0;
    virtual std::optional<UserRow> userById(const QString &id) = 0;
    virtual std::optional<TokenRow> token(const QByteArray &hash) = 0;
    virtual std::optional<DeviceRow> device(const QString &id) = 0;
    // The devices last used by `userId` (every device when empty), most recently seen first.
    virtual QList<DeviceRow> devices(const QString &userId) = 0;
    virtual std::optional<MutationRow> mutationResult(const QString &mutationId) = 0;
    virtual QString meta(const QString &key) = 0;
    // Ids of the live records of `entity` whose `field` (flagged fileRef in the schema) names the file
    // `sha256` (common/protocol/files.h). By default a scan of the entity's records; both backends
    // answer from their file index (table `file_refs`, kept by putRecord()).
    virtual QStringList fileReferences(const QString &entity, const QString &field, const QString &sha256);
    // Every (entity, bucket) of the live records that name the file `sha256` in any fileRef field: who
    // may read it (FileService::mayRead). By default built from fileReferences() and buckets(); both
    // backends answer with one indexed query.
    virtual QList<QPair<QString, QString>> fileReferrerBuckets(const QString &sha256);
};

class StoreWriter : public StoreReader
{
public:
    virtual void putRecord(const StoredRecord &record) = 0; // insert or replace
    virtual void setBuckets(const QString &entity, const QString &id, const QStringList &buckets) = 0;
    // Appends an entry with the bucket's next seq (gap-free) and drops the record's older entry in
    // that bucket (the log keeps the newest entry of each record). Returns the seq.
    virtual qint64 appendChange(
        const QString &bucket, const QString &entity, const QString &id, const QString &op)
        = 0;
    virtual void putMutationResult(const QString &mutationId, const QString &userId, const QByteArray &result)
        = 0;
    virtual void addAudit(const AuditEntry &entry) = 0;
    // Forgets the old and new values of `field` in every audit entry of one record (an erased HCP's
    // personal data, server/hcperasure.h); who changed what and when stays.
    virtual void scrubAudit(const QString &entity, const QString &recordId, const QString &field) = 0;
    virtual void putUser(const UserRow &user) = 0;
    virtual void putToken(const QByteArray &hash, const TokenRow &token) = 0;
    virtual void revokeToken(const QByteArray &hash) = 0;
    virtual void revokeUserTokens(const QString &userId) = 0;
    virtual void putDevice(const DeviceRow &device) = 0; // insert or replace
    virtual void revokeDeviceTokens(const QString &deviceId) = 0;
    // Forgets tokens that expired before `before` (ISO 8601 UTC); they no longer work anyway.
    virtual void deleteExpiredTokens(const QString &before) = 0;
    virtual void setMeta(const QString &key, const QString &value) = 0;
    // Deletes audit entries written before `auditBefore`, tombstones (deleted records) deleted before
    // `tombstonesBefore` with their memberships and change entries, and mutation answers stored before
    // `mutationsBefore` (ISO 8601 UTC, compared as text like every time the store keeps).
    virtual PruneCounts prune(
        const QString &auditBefore, const QString &tombstonesBefore, const QString &mutationsBefore)
        = 0;
    // Bulk loads only (demo): commits what was written so far and goes on in a new transaction, so a
    // load of millions of records keeps its journal small. Not atomic as a whole any more.
    virtual void commitAndContinue() = 0;
};

// The store behind the server. read() runs in one consistent snapshot; write() runs in one
// serialized transaction (writers never interleave, so every bucket's seqs commit in order) that
// commits when `work` returns true and rolls back when it returns false or fails. Both return false
// with `error` set when the store itself fails; no exception leaves them.
class Storage
{
public:
    virtual ~Storage() = default;
    virtual bool read(const std::function<void(StoreReader &)> &work, QString *error) = 0;
    virtual bool write(const std::function<bool(StoreWriter &)> &work, QString *error) = 0;
    // `count` independent writes in order, each as if it were a write() of its own: it is kept when its
    // `work` returns true and undone alone when it returns false or fails; one failing does not stop the
    // rest. A backend may commit them together (SQLite: one transaction, a savepoint per step, which saves a
    // commit per step), so a step is only durable once writeEach returns. `errors` gets `count` entries,
    // empty for each step whose store work did not fail. By default, one write() per step.
    virtual void writeEach(
        int count, const std::function<bool(StoreWriter &, int)> &work, QStringList *errors)
    {
        errors->clear();
        for (int i = 0; i < count; ++i) {
            QString error;
            if (!write([&](StoreWriter &w) { return work(w, i); }, &error))
                *errors << (error.isEmpty() ? QStringLiteral("the store failed") : error);
            else
                *errors << QString();
        }
    }
    // A consistent copy of the whole store into `path` while it keeps serving.
    virtual bool backup(const QString &path, QString *error) = 0;
};

// The file index (docs/server.md, "Files"): the (field, sha256) pairs a record names in its fields
// flagged fileRef (protocol::files::referenceFields(), so a new flagged field needs no code here);
// nothing for a tombstone. holdsFileReferences() says whether an entity has such a field at all.
QList<QPair<QString, QString>> referencedFiles(const StoredRecord &record);
bool holdsFileReferences(const QString &entity);

// Replaces the epoch (after a restore): clients then pull every bucket again from 0.
bool setNewEpoch(Storage &storage, QString *error);

// A field value as both backends keep it in a text column: its compact JSON (empty for undefined), and
// back (null for SQL NULL or text that is not JSON).
QString jsonText(const QJsonValue &v);
QJsonValue parseJsonText(const QString &text);

} // namespace rounds::server
