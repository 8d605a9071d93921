#include "server/syncservice.h"

#include "common/protocol/codec.h"
#include "common/protocol/errors.h"
#include "common/protocol/merge.h"
#include "common/protocol/rolepolicy.h"
#include "common/protocol/values.h"
#include "common/protocol/wire.h"
#include "server/alignmentrules.h"
#include "server/consentrules.h"
#include "server/contentrules.h"
#include "server/hcpmerge.h"
#include "server/log.h"
#include "server/meetingrules.h"
#include "server/privacyrules.h"
#include "server/refrules.h"
#include "server/salestotals.h"
#include "server/territoryrules.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <vector>

namespace rounds::server {

using namespace rounds::protocol;

namespace {

const QString kMutationId = QStringLiteral("mutation_id");

QJsonObject rejected(
    const QString &mutationId, const char *code, const QString &message, const QString &field = {})
{
    return PushResult::rejected(mutationId, WireError {QString::fromLatin1(code), message, field, {}})
        .toJson();
}

// `status`: applied, merged or conflict.
PushResult accepted(const QString &mutationId, const char *status, qint64 version)
{
    PushResult r;
    r.mutationId = mutationId;
    r.status = *PushResult::statusFromName(QString::fromLatin1(status));
    r.version = version;
    return r;
}

QJsonObject outcome(const QString &mutationId, const char *status, qint64 version)
{
    return accepted(mutationId, status, version).toJson();
}

QJsonObject wire(const StoredRecord &r)
{
    return encodeRecord(r.record);
}

bool isRep(const Principal &u)
{
    return u.role == RoleRep;
}

// Does the pushing user own the record (OwnerWins)? The owner field sits on the record or its parent;
// an entity without one (hcp_tag) is owned by whoever may write it.
bool ownsRecord(StoreReader &store, const Principal &u, const Entity &e, const QJsonObject &fields)
{
    if (e.ownerField.isEmpty())
        return true;
    if (e.hasField(e.ownerField))
        return fields.value(e.ownerField).toString() == u.id;
    const std::optional<StoredRecord> parent
        = store.record(e.parentEntity, fields.value(e.parentField).toString());
    return parent && parent->record.fields.value(e.ownerField).toString() == u.id;
}

// What the user's role may write of one state of a record (RolePolicy: the rep's limits); `parentFields`
// when it has a parent.
std::optional<Denial> checkRepLimits(
    const Principal &u, const Entity &e, const QJsonObject &f, const QJsonObject &parentFields)
{
    auto forbidden = [](const QString &message) { return Denial {ErrorCode::Forbidden, message, {}}; };
    switch (RolePolicy(u.role, u.id).checkRecord(e, f, parentFields)) {
    case RolePolicy::Refusal::NotOwner:
        return forbidden(
            QStringLiteral("a rep writes only their own %1 records (%2)").arg(e.name, e.ownerField));
    case RolePolicy::Refusal::ParentNotOwned:
        return forbidden(QStringLiteral("the %1 belongs to another rep").arg(e.parentEntity));
    case RolePolicy::Refusal::StatusNotOpen:
        return forbidden(QStringLiteral("only SFE decides %1 records; a rep writes them with %2 %3")
                             .arg(e.name, e.rep.statusField, e.rep.statusValue));
    default:
        return std::nullopt;
    }
}

// Role and scope rules for one state of a record (before or after the change).
std::optional<Denial> checkAccess(
    StoreReader &store, const Principal &u, const Entity &e, const QJsonObject &f)
{
    auto forbidden = [](const QString &message) { return Denial {ErrorCode::Forbidden, message, {}}; };
    QJsonObject parentFields;
    if (e.buckets == BucketRule::Parent) {
        const QString parentId = str(f, e.parentField);
        // An unknown parent and one outside the user's scope get the same answer.
        if (!refrules::visible(store, u, e.parentEntity, parentId))
            return refrules::unseen(e.parentField, e.parentEntity);
        parentFields = store.record(e.parentEntity, parentId)->record.fields;
    }
    if (!u.scope.everything) {
        switch (e.buckets) {
        case BucketRule::Territory:
        case BucketRule::Alignment:
            // Names no territory: an unknown one and another's get the same answer.
            if (!u.scope.hasTerritory(str(f, "territory_id")))
                return Denial {ErrorCode::Forbidden,
                    QStringLiteral("field 'territory_id' names no territory in your scope"),
                    QStringLiteral("territory_id")};
            break;
        case BucketRule::Parent:
            if (!u.scope.hasTerritory(str(parentFields, "territory_id")))
                return forbidden(
                    QStringLiteral("the %1 belongs to a territory outside your scope").arg(e.parentEntity));
            break;
        case BucketRule::FollowsHcp:
        case BucketRule::Hcp:
            // In scope through the HCP it hangs off (a tag); the HCP itself and the master data it
            // references are written only by users who see everything.
            if (e.parentField.isEmpty())
                return forbidden(
                    QStringLiteral("only users who see every territory write %1 records").arg(e.name));
            if (!refrules::visible(store, u, e.parentEntity, str(f, e.parentField)))
                return refrules::unseen(e.parentField, e.parentEntity);
            break;
        case BucketRule::Global:
            break;
        }
    }
    if (isRep(u))
        return checkRepLimits(u, e, f, parentFields);
    return std::nullopt;
}

QJsonObject normalizedBase(const Entity &e, const QJsonObject &base)
{
    QJsonObject out;
    for (auto it = base.begin(); it != base.end(); ++it) {
        const Field *f = e.field(it.key());
        QJsonValue n = it.value();
        if (f && validateValue(*f, it.value(), &n))
            n = it.value();
        out.insert(it.key(), n);
    }
    return out;
}

struct Mutation
{
    QString mutationId;
    const Entity *entity = nullptr;
    QString id;
    bool remove = false;
    qint64 baseVersion = 0;
    QJsonObject base;
    QJsonObject set;
};

// A mutation that decoded cleanly (OutboxMutation::decode checked its shape), with its entity.
Mutation mutationOf(const OutboxMutation &m)
{
    return Mutation {m.mutationId, Schema::instance().entity(m.entity), m.recordId,
        m.op == QLatin1String("delete"), m.baseVersion, m.base, m.set};
}

class MutationApplier
{
public:
    MutationApplier(StoreWriter &store, const Principal &user, const Mutation &m,
        const QSet<QString> &lockedInPush, FileStore *files)
        : m_store(store)
        , m_user(user)
        , m_m(m)
        , m_e(*m.entity)
        , m_feed(store, Actor {user.id, user.device, m.mutationId})
        , m_lockedInPush(lockedInPush)
        , m_files(files)
    { }

    QJsonObject run()
    {
        const RolePolicy policy(m_user.role, m_user.id);
        if (!policy.mayWrite(m_e))
            return reject(ErrorCode::Forbidden,
                QStringLiteral("role %1 may not write %2").arg(roleName(m_user.role), m_e.name));
        m_existing = m_store.record(m_e.name, m_m.id);
        // Scope first, deleted records included: nothing of a record outside the user's scope (its
        // fields in a conflict, its version in an error) may reach the answer, and a tombstone in another
        // territory may not be restored into one's own.
        if (m_existing) {
            if (auto d = checkAccess(m_store, m_user, m_e, m_existing->record.fields)) {
                // A record the user cannot see (another territory's, or its tombstone) is answered like an
                // id the server does not know, so the answer does not tell that it exists. Only a create
                // (base_version 0) over such an id cannot be answered alike (it would create): refused.
                const bool seen
                    = !m_existing->deleted && refrules::visible(m_store, m_user, m_e.name, m_m.id);
                if (!seen && expectsRecord())
                    return notYours();
                return reject(*d);
            }
            // A rep files new change requests; changing or withdrawing existing ones (another rep's, or
            // those the server filed for review) is SFE's.
            if (policy.check(m_e, RolePolicy::Op::Change) == RolePolicy::Refusal::RepCreatesOnly)
                return reject(ErrorCode::Forbidden,
                    QStringLiteral("a rep files new %1 records; only SFE changes existing ones")
                        .arg(m_e.name));
        }
        if (!m_existing && expectsRecord() && !m_user.scope.everything)
            return notYours();
        // A record that is not live is started (again): only the entity's creators do that.
        if ((!m_existing || m_existing->deleted) && !m_m.remove
            && policy.check(m_e, RolePolicy::Op::Create) == RolePolicy::Refusal::RoleMayNotCreate)
            return reject(ErrorCode::Forbidden,
                QStringLiteral("role %1 may not create %2 records").arg(roleName(m_user.role), m_e.name));
        return m_m.remove ? remove() : upsert();
    }

private:
    QJsonObject reject(const char *code, const QString &message, const QString &field = {})
    {
        return rejected(m_m.mutationId, code, message, field);
    }
    QJsonObject reject(const Denial &d) { return reject(d.code, d.message, d.field); }
    QJsonObject rejectedWith(const QJsonObject &error)
    {
        return PushResult::rejected(m_m.mutationId, WireError::fromJson(error)).toJson();
    }

    QJsonObject conflict(
        qint64 version, const QList<FieldConflict> &conflicts, const StoredRecord &record, bool deleted)
    {
        PushResult r = accepted(m_m.mutationId, "conflict", version);
        r.conflicts = conflicts;
        r.record = wire(record);
        r.deleted = deleted;
        return r.toJson();
    }

    // Read-only for everyone (Entity::readOnly: a submitted visit, and its details).
    bool readOnly(const QJsonObject &fields)
    {
        if (!m_e.readOnly.withParent)
            return lockHolds(m_e, fields);
        // A detail of a visit submitted earlier in this same push is still part of that submit (an
        // offline outbox may hold the submit before the details saved with it).
        const QString parentId = str(fields, m_e.parentField);
        if (m_lockedInPush.contains(m_e.parentEntity + QLatin1Char('/') + parentId))
            return false;
        const std::optional<StoredRecord> parent = m_store.record(m_e.parentEntity, parentId);
        return parent && lockHolds(*Schema::instance().entity(m_e.parentEntity), parent->record.fields);
    }
    static bool lockHolds(const Entity &e, const QJsonObject &fields)
    {
        return !e.readOnly.field.isEmpty() && str(fields, e.readOnly.field) == e.readOnly.value;
    }
    QJsonObject rejectReadOnly()
    {
        const Entity &locked = m_e.readOnly.withParent ? *Schema::instance().entity(m_e.parentEntity) : m_e;
        return reject(ErrorCode::Forbidden,
            QStringLiteral("a %1 %2 is read-only").arg(locked.readOnly.value, locked.name));
    }

    // A delete or an edit (base_version > 0) names a record it expects the server to have.
    bool expectsRecord() const { return m_m.remove || m_m.baseVersion != 0; }
    // The one answer to a user bound to territories for such a record when it is unknown and when it is
    // outside their scope (docs/sync-protocol.md).
    QJsonObject notYours()
    {
        return reject(ErrorCode::Forbidden, QStringLiteral("no %1 you can see has this id").arg(m_e.name),
            QStringLiteral("id"));
    }
    // The answers for an id the server does not know, for a delete and for an edit.
    QJsonObject unknownId()
    {
        return reject(ErrorCode::InvalidRequest, QStringLiteral("no %1 with this id").arg(m_e.name),
            QStringLiteral("id"));
    }
    QJsonObject unknownBase()
    {
        return reject(ErrorCode::InvalidRequest,
            QStringLiteral("the server has no %1 with this id; create it with base_version 0").arg(m_e.name),
            QStringLiteral("base_version"));
    }

    QJsonObject remove()
    {
        if (!m_existing)
            return unknownId();
        if (m_existing->deleted)
            return outcome(m_m.mutationId, "applied", m_existing->record.version);
        if (auto d = checkAccess(m_store, m_user, m_e, m_existing->record.fields))
            return reject(*d);
        if (readOnly(m_existing->record.fields))
            return rejectReadOnly();
        if (auto refusal = checkMeetingChange(m_store, m_user, m_e, m_existing, {}, true))
            return rejectedWith(*refusal);
        if (m_e.workflow == Workflow::TerritoryTree) {
            if (auto r = checkTerritory(m_existing->record.fields, true))
                return *r;
        }
        if (m_e.buckets == BucketRule::Alignment) {
            if (auto d = alignmentrules::check(m_existing->record.fields, {}, true, Feed::today()))
                return reject(d->code, d->message, d->field);
        }
        if (m_m.baseVersion != m_existing->record.version)
            return conflict(m_existing->record.version, {}, *m_existing, false);
        StoredRecord after = *m_existing;
        after.deleted = true;
        const StoredRecord stored = m_feed.commit(m_existing, after);
        return outcome(m_m.mutationId, "applied", stored.record.version);
    }

    QJsonObject upsert()
    {
        const bool creating = !m_existing;
        const bool restoring = m_existing && m_existing->deleted;
        if (creating && m_m.baseVersion != 0)
            return unknownBase();
        if (m_existing && m_m.baseVersion > m_existing->record.version)
            return reject(ErrorCode::InvalidRequest,
                QStringLiteral("base_version %1 is newer than the server's version %2")
                    .arg(m_m.baseVersion)
                    .arg(m_existing->record.version),
                QStringLiteral("base_version"));
        if (restoring && m_m.baseVersion != m_existing->record.version)
            return conflict(m_existing->record.version, {}, *m_existing, true);
        // Meetings: a manager decides on the version they saw (docs/meetings.md).
        if (m_existing && !restoring && m_m.baseVersion != m_existing->record.version) {
            if (auto stale = staleMeetingDecision(m_user, m_e, *m_existing, m_m.set))
                return conflict(
                    m_existing->record.version, PushResult::conflictsFromJson(*stale), *m_existing, false);
        }

        QJsonObject set;
        if (auto err = validateChanges(m_e, m_m.set, creating, &set))
            return reject(ErrorCode::InvalidRequest, err->message, err->field);
        if (m_existing && !restoring && readOnly(m_existing->record.fields))
            return rejectReadOnly();

        const char *status = "applied";
        MergeResult merge;
        QJsonObject fields = m_existing ? m_existing->record.fields : QJsonObject();
        if (creating || restoring || m_m.baseVersion == m_existing->record.version) {
            merge.apply = set;
        } else {
            status = "merged";
            const bool owner = ownsRecord(m_store, m_user, m_e, m_existing->record.fields);
            merge = mergeRecord(m_e, normalizedBase(m_e, m_m.base), m_existing->record.fields, set, owner);
        }
        for (auto it = merge.apply.begin(); it != merge.apply.end(); ++it)
            fields.insert(it.key(), it.value());
        // Duplicate HCPs (docs/sfe.md): a record naming a merged HCP names the survivor instead.
        if (hcpmerge::redirect(m_store, m_e.name, fields))
            status = "merged";

        if (auto d = checkAccess(m_store, m_user, m_e, fields))
            return reject(*d);
        // Every record the change names exists and is in the user's scope (docs/sync-protocol.md).
        std::optional<QJsonObject> before;
        if (m_existing && !m_existing->deleted)
            before = m_existing->record.fields;
        if (auto d = refrules::check(m_store, m_user, m_e, before, fields))
            return reject(*d);
        // Settings well formed; nothing personal about an erased HCP comes back (docs/privacy.md).
        if (auto d = privacyrules::checkPush(m_store, m_e, m_m.id, fields, set))
            return reject(*d);
        // Field-level writers (Field::writers): e.g. a manager decides a meeting and writes nothing else.
        const QJsonObject stored = m_existing ? m_existing->record.fields : QJsonObject();
        if (const QString f = m_e.fieldNotWritableBy(m_user.role, stored, fields); !f.isEmpty())
            return reject(ErrorCode::Forbidden,
                QStringLiteral("role %1 may not change %2.%3").arg(roleName(m_user.role), m_e.name, f), f);
        // A detail added to, changed on or moved onto a submitted visit changes that visit: refused like
        // any edit of it, except in the push that submits it (docs/sync-protocol.md).
        if (m_e.readOnly.withParent && readOnly(fields))
            return rejectReadOnly();
        // Meetings: the workflow by role and the compliance rules (docs/meetings.md).
        if (auto refusal = checkMeetingChange(m_store, m_user, m_e, m_existing, fields, false))
            return rejectedWith(*refusal);
        if (settleMeeting(m_e, m_existing, fields))
            status = "merged";
        // A new contact with an HCP needs their consent for its channel (docs/privacy.md, Consent).
        if (auto refusal = consentrules::check(m_store, m_e.name, before, fields))
            return rejectedWith(*refusal);
        // Content (docs/content.md): page views of presentable materials; approved means downloadable.
        if (auto refusal = contentrules::checkView(m_store, m_e.name, before, fields))
            return rejectedWith(*refusal);
        if (auto refusal = contentrules::checkMaterial(m_files, m_e.name, before, fields))
            return rejectedWith(*refusal);

        if (m_e.workflow == Workflow::HcpMerge) {
            if (auto r = mergeHcp(fields))
                return *r;
        }
        if (m_e.workflow == Workflow::TerritoryTree) {
            if (auto r = checkTerritory(fields, false))
                return *r;
        }
        if (m_e.buckets == BucketRule::Alignment && m_existing && !m_existing->deleted) {
            if (auto d = alignmentrules::check(m_existing->record.fields, fields, false, Feed::today()))
                return reject(d->code, d->message, d->field);
        }

        StoredRecord after {m_e.name, Record {m_m.id, 0, {}, {}, fields, {}}, false};
        if (m_e.workflow == Workflow::ChangeRequestDecision) {
            if (auto r = decideChangeRequest(after))
                return *r;
        }

        StoredRecord now = m_existing ? *m_existing : after;
        const bool changed = creating || restoring || fields != m_existing->record.fields;
        if (changed) {
            now = m_feed.commit(m_existing, after);
            resubmitParent(m_store, m_feed, m_e, m_existing, fields);
        }
        if (changed && m_e.workflow == Workflow::TerritoryTree && m_existing && !m_existing->deleted)
            territoryrules::handOver(
                m_store, m_feed, m_m.id, str(m_existing->record.fields, "owner_id"), str(fields, "owner_id"));

        for (const FieldConflict &c : merge.withResolution(Resolution::KeepServer)) {
            m_store.addAudit(
                AuditEntry {m_e.name, m_m.id, c.field, c.theirs, c.mine, m_user.id, m_user.device,
                    m_m.mutationId, nowUtc(), QStringLiteral("rejected: the record's owner's value stands"),
                    QStringLiteral("rejected"), 0});
        }
        const QList<FieldConflict> review = merge.withResolution(Resolution::FileReview);
        QString reviewId;
        if (!review.isEmpty())
            reviewId = fileReview(now, review);

        if (merge.hasAskUser())
            return conflict(now.record.version, merge.withResolution(Resolution::AskUser), now, false);
        PushResult r = accepted(m_m.mutationId, status, now.record.version);
        // A merge may have kept some of the server's values (another user's fields, an owner's value,
        // a master-data edit sent to review): the client gets the record as it stands now, so it never
        // shows a value the server did not take (addition to PROTOCOL.md, see docs/sync-protocol.md).
        if (qstrcmp(status, "merged") == 0)
            r.record = wire(now);
        r.conflicts = review;
        r.changeRequestId = reviewId;
        return r.toJson();
    }

    // An sfe/admin decision on a change request: approval applies the proposed fields to their record.
    std::optional<QJsonObject> decideChangeRequest(StoredRecord &cr)
    {
        QJsonObject &f = cr.record.fields;
        const Entity *target = Schema::instance().entity(str(f, "entity"));
        if (!target)
            return reject(ErrorCode::InvalidRequest, QStringLiteral("field 'entity' names no entity"),
                QStringLiteral("entity"));
        QJsonObject proposed;
        if (auto err
            = validateChanges(*target, f.value(QLatin1String("fields")).toObject(), false, &proposed))
            return reject(ErrorCode::InvalidRequest, QStringLiteral("fields: %1").arg(err->message),
                QStringLiteral("fields"));
        const QString oldStatus = m_existing && !m_existing->deleted
            ? str(m_existing->record.fields, "status")
            : QStringLiteral("open");
        const QString newStatus = str(f, "status");
        if (newStatus == oldStatus)
            return std::nullopt;
        if (oldStatus != QLatin1String("open"))
            return reject(ErrorCode::InvalidRequest,
                QStringLiteral("the change request was already %1").arg(oldStatus), QStringLiteral("status"));
        f.insert(QStringLiteral("decided_by"), m_user.id);
        if (newStatus != QLatin1String("approved"))
            return std::nullopt;
        const std::optional<StoredRecord> record = m_store.record(target->name, str(f, "record_id"));
        if (!record || record->deleted)
            return reject(ErrorCode::InvalidRequest,
                QStringLiteral("the %1 to change does not exist").arg(target->name),
                QStringLiteral("record_id"));
        StoredRecord changed = *record;
        for (auto it = proposed.begin(); it != proposed.end(); ++it)
            changed.record.fields.insert(it.key(), it.value());
        if (target->workflow == Workflow::HcpMerge) {
            if (auto d
                = hcpmerge::check(m_store, record->record.id, record->record.fields, changed.record.fields))
                return reject(d->code, d->message, QStringLiteral("fields"));
            if (hcpmerge::isMerge(record->record.fields, changed.record.fields))
                hcpmerge::repoint(m_store, m_feed, record->record.id,
                    str(changed.record.fields, "merged_into"), cr.record.id);
        }
        if (changed.record.fields != record->record.fields)
            m_feed.commit(record, changed, QStringLiteral("change request %1 approved").arg(cr.record.id));
        return std::nullopt;
    }

    // An HCP's status / merged_into: a merge moves the loser's records to the survivor first (its
    // buckets then follow the survivor's, see Feed::bucketsFor).
    std::optional<QJsonObject> mergeHcp(const QJsonObject &fields)
    {
        std::optional<QJsonObject> before;
        if (m_existing && !m_existing->deleted)
            before = m_existing->record.fields;
        if (auto d = hcpmerge::check(m_store, m_m.id, before, fields))
            return reject(d->code, d->message, d->field);
        if (hcpmerge::isMerge(before, fields))
            hcpmerge::repoint(m_store, m_feed, m_m.id, str(fields, "merged_into"));
        return std::nullopt;
    }

    // The territory tree rules (server/territoryrules.h) for a change or a delete of a territory.
    std::optional<QJsonObject> checkTerritory(const QJsonObject &fields, bool removing)
    {
        std::optional<QJsonObject> before;
        if (m_existing && !m_existing->deleted)
            before = m_existing->record.fields;
        if (auto d = territoryrules::check(m_store, m_m.id, before, fields, removing, Feed::today()))
            return reject(d->code, d->message, d->field);
        return std::nullopt;
    }

    // Master data: the server keeps its values and files the losing edit for SFE review.
    QString fileReview(const StoredRecord &record, const QList<FieldConflict> &review)
    {
        const QString territory = territoryrules::reviewTerritory(m_store, m_user, record);
        if (territory.isEmpty())
            return {};
        QJsonObject proposed;
        for (const FieldConflict &c : review)
            proposed.insert(c.field, c.mine);
        const QJsonObject fields {
            {QStringLiteral("territory_id"), territory},
            {QStringLiteral("entity"), m_e.name},
            {QStringLiteral("record_id"), record.record.id},
            {QStringLiteral("fields"), proposed},
            {QStringLiteral("reason"),
                QStringLiteral("conflicting edit by %1 (mutation %2); the server kept its value")
                    .arg(m_user.username, m_m.mutationId)},
            {QStringLiteral("status"), QStringLiteral("open")},
            {QStringLiteral("decided_by"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("decision_note"), QJsonValue(QJsonValue::Null)},
        };
        const QString id = newUuid();
        m_feed.commit(std::nullopt,
            StoredRecord {QStringLiteral("change_request"), Record {id, 0, {}, {}, fields, {}}, false},
            QStringLiteral("filed for review"));
        return id;
    }

    StoreWriter &m_store;
    const Principal &m_user;
    const Mutation &m_m;
    const Entity &m_e;
    Feed m_feed;
    const QSet<QString> &m_lockedInPush;
    FileStore *m_files;
    std::optional<StoredRecord> m_existing;
};

// Whether an applied (or merged) answer to `m` locked its record: the change set the entity's lock field
// (a visit's status to submitted). Asked of replayed answers too, so a retried push keeps the rule.
bool lockedBy(const OutboxMutation &m, const QJsonObject &answer)
{
    const Entity *e = Schema::instance().entity(m.entity);
    const QString status = answer.value(QLatin1String("status")).toString();
    return e && !e->readOnly.field.isEmpty() && !m.isRejected()
        && m.set.value(e->readOnly.field).toString() == e->readOnly.value
        && (status == QLatin1String("applied") || status == QLatin1String("merged"));
}

} // namespace

SyncService::SyncService(Storage &storage)
    : SyncService(storage, Limits {})
{ }

SyncService::SyncService(Storage &storage, Limits limits)
    : m_storage(storage)
    , m_limits(limits)
{ }

bool SyncService::applyMutationIn(StoreWriter &w, const Principal &user, const OutboxMutation &m,
    QJsonObject *result, QSet<QString> *lockedInPush, FileStore *files)
{
    const auto noteLock = [&] {
        if (lockedBy(m, *result))
            lockedInPush->insert(m.entity + QLatin1Char('/') + m.recordId);
    };
    if (const std::optional<MutationRow> seen = w.mutationResult(m.mutationId)) {
        // The first answer again, to the user who sent it; another user's mutation_id is not a way to
        // read that answer (it may carry a record outside the asker's scope).
        *result = seen->userId == user.id
            ? QJsonDocument::fromJson(seen->result).object()
            : rejected(m.mutationId, ErrorCode::InvalidRequest,
                QStringLiteral("this mutation_id was already used by another user"), kMutationId);
        noteLock();
        return false;
    }
    if (m.isRejected())
        *result = rejected(m.mutationId, ErrorCode::InvalidRequest, m.errorMessage, m.errorField);
    else
        *result = MutationApplier(w, user, mutationOf(m), *lockedInPush, files).run();
    noteLock();
    w.putMutationResult(m.mutationId, user.id, QJsonDocument(*result).toJson(QJsonDocument::Compact));
    return true;
}

QJsonObject SyncService::internalFailure(const QString &mutationId, const QString &error)
{
    qCWarning(lcServer) << "mutation" << mutationId << "failed:" << error;
    return rejected(
        mutationId, ErrorCode::Internal, QStringLiteral("the server could not apply this change"));
}

bool SyncService::applyAlignmentDates(QString *error)
{
    const QString today = Feed::today();
    int moved = 0;
    const bool ok = m_storage.write(
        [&](StoreWriter &w) {
            if (w.meta(QStringLiteral("alignment_dates_applied")) == today)
                return false;
            moved = Feed(w, Actor {{}, QStringLiteral("rounds-server"), {}}).applyAlignmentDates();
            w.setMeta(QStringLiteral("alignment_dates_applied"), today);
            return true;
        },
        error);
    if (ok && moved > 0)
        qCInfo(lcServer) << "alignment dates of" << today << "moved" << moved << "HCPs between buckets";
    return ok;
}

bool SyncService::buildSalesTotals(QString *error)
{
    const QString key = QStringLiteral("sales_totals_built");
    return m_storage.write(
        [&](StoreWriter &w) {
            if (!w.meta(key).isEmpty())
                return false;
            Feed feed(w, Actor {{}, QStringLiteral("rounds-server"), {}});
            SalesTotals::rebuild(w, feed);
            w.setMeta(key, QStringLiteral("1"));
            return true;
        },
        error);
}

ApiReply SyncService::push(const Principal &user, const QJsonObject &body)
{
    // Too many mutations is a 413 whatever they hold, so the count is checked before their shapes.
    if (body.value(QLatin1String("mutations")).toArray().size() > m_limits.maxMutations)
        return ApiReply::error(413, ErrorCode::PayloadTooLarge,
            QStringLiteral("at most %1 mutations per push").arg(m_limits.maxMutations));
    QString error;
    QString field;
    const std::optional<PushRequest> request = PushRequest::fromJson(body, &error, &field);
    if (!request)
        return ApiReply::error(400, ErrorCode::InvalidRequest, error, field);
    const QList<OutboxMutation> &list = request->mutations;
    // A malformed mutation_id is answered without touching the store (it cannot key the answer kept
    // for a retry); the others apply in order, each on its own (one failing does not stop the rest) but
    // committed together: one commit per push instead of one per mutation, which was half of the
    // server's time for a push of 100 edits.
    std::vector<QJsonObject> results(size_t(list.size()));
    std::vector<int> toStore;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const OutboxMutation &m = list.at(i);
        if (m.isRejected() && m.errorField == kMutationId)
            results[size_t(i)]
                = rejected(m.mutationId, ErrorCode::InvalidRequest, m.errorMessage, kMutationId);
        else
            toStore.push_back(int(i));
    }
    QStringList errors;
    QSet<QString> lockedInPush;
    m_storage.writeEach(
        int(toStore.size()),
        [&](StoreWriter &w, int step) {
            const int i = toStore[size_t(step)];
            return applyMutationIn(w, user, list.at(i), &results[size_t(i)], &lockedInPush, m_files);
        },
        &errors);
    for (size_t step = 0; step < toStore.size(); ++step) {
        if (!errors.value(qsizetype(step)).isEmpty()) {
            const int i = toStore[step];
            results[size_t(i)] = internalFailure(list.at(i).mutationId, errors.value(qsizetype(step)));
        }
    }
    privacyrules::stripAnswers(m_storage, user.role, list, results);
    QJsonArray out;
    for (const QJsonObject &r : results)
        out << r;
    return ApiReply::ok(QJsonObject {{QStringLiteral("results"), out}});
}

ApiReply SyncService::pull(const Principal &user, const QJsonObject &body)
{
    QString error;
    QString field;
    const std::optional<PullRequest> request = PullRequest::fromJson(body, &error, &field);
    if (!request)
        return ApiReply::error(400, ErrorCode::InvalidRequest, error, field);
    const Cursors &cursors = request->cursors;
    const int limit = request->limit ? int(std::min<qint64>(*request->limit, m_limits.maxPullLimit))
                                     : m_limits.defaultPullLimit;

    PullPage page;
    // What the role may not hold never leaves the server (the China rule: no per-institution sales for
    // reps); the answer names the role, so a client that pulled as another role pulls again.
    const QStringList withheld = Schema::instance().withheldFrom(user.role);
    page.role = roleName(user.role);
    const bool ok = m_storage.read(
        [&](StoreReader &r) {
            page.epoch = r.meta(QStringLiteral("epoch"));
            page.withheldFields = privacyrules::withheldFrom(r, user.role);
            const QHash<QString, qint64> pruned = privacyrules::prunedSeqs(r);
            QStringList named = cursors.keys();
            named.sort();
            for (const QString &bucket : std::as_const(named)) {
                if (!user.scope.hasBucket(bucket))
                    page.revokedBuckets << bucket;
            }
            int remaining = limit;
            for (const QString &bucket : user.scope.buckets()) {
                const qint64 cursor = cursors.value(bucket);
                if (cursor > 0 && cursor < pruned.value(bucket))
                    page.resetBuckets << bucket; // deletes since the cursor were pruned
                if (remaining == 0) {
                    page.more = true;
                    page.cursors.insert(bucket, cursor);
                    continue;
                }
                const qint64 last = r.lastSeq(bucket);
                const QList<ChangeEntry> entries
                    = r.changes(bucket, cursor, remaining + 1, cursor == 0, withheld);
                qsizetype count = entries.size();
                qint64 next = std::max(cursor, last);
                if (count > remaining) {
                    count = remaining;
                    page.more = true;
                    next = entries.at(count - 1).seq;
                }
                for (qsizetype i = 0; i < count; ++i) {
                    const ChangeEntry &c = entries.at(i);
                    const std::optional<PulledChange::Op> op = PulledChange::opFromName(c.op);
                    if (!op)
                        continue;
                    PulledChange change {bucket, c.seq, c.entity, c.id, *op, {}};
                    if (change.op == PulledChange::Op::Upsert) {
                        const std::optional<StoredRecord> rec = r.record(c.entity, c.id);
                        if (!rec)
                            continue;
                        change.record = wire(*rec);
                        privacy::strip(page.withheldFields, c.entity, change.record);
                    }
                    page.changes << change;
                }
                remaining -= int(count);
                page.cursors.insert(bucket, next);
            }
            if (page.more) {
                // A progress estimate for the client (addition to PROTOCOL.md): what later pages hold.
                for (const QString &bucket : user.scope.buckets()) {
                    const qint64 from = page.cursors.value(bucket);
                    page.remaining += r.countChanges(bucket, from, cursors.value(bucket) == 0, withheld);
                }
            }
        },
        &error);
    if (!ok)
        return ApiReply::error(
            500, ErrorCode::Internal, QStringLiteral("the server could not read its data"));
    return ApiReply::ok(page.toJson());
}

} // namespace rounds::server
