#include "server/feed.h"

#include "common/protocol/values.h"
#include "server/salestotals.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace rounds::server {

using protocol::BucketRule;

namespace {

const QString kUpsert = QStringLiteral("upsert");
const QString kDelete = QStringLiteral("delete");
const QString kRevoke = QStringLiteral("revoke");

using protocol::str;

// Follows merged_into from `id` to the HCP that is not merged (at most 16 steps; a cycle stops there).
QString finalSurvivor(StoreReader &store, QString id)
{
    QSet<QString> visited;
    for (int step = 0; step < 16 && !visited.contains(id); ++step) {
        visited.insert(id);
        const std::optional<StoredRecord> h = store.record(QStringLiteral("hcp"), id);
        if (!h || h->deleted || str(h->record.fields, "status") != QLatin1String("merged"))
            break;
        const QString next = str(h->record.fields, "merged_into");
        if (next.isEmpty())
            break;
        id = next;
    }
    return id;
}

// The ids a reference names now and, when it changed, named before; blanks left out.
QStringList namedNowOrBefore(const QJsonObject &now, const QJsonObject &before, const QString &field)
{
    QStringList ids {str(now, field)};
    if (!str(before, field).isEmpty() && str(before, field) != ids.first())
        ids << str(before, field);
    ids.removeAll(QString());
    return ids;
}

// Institutions and departments follow the HCPs that name them through these fields.
const protocol::Entity &hcpEntity()
{
    return *protocol::Schema::instance().entity(u"hcp");
}

QStringList sortedUnique(QStringList list)
{
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
    return list;
}

} // namespace

Feed::Feed(StoreWriter &store, Actor actor)
    : m_store(store)
    , m_actor(std::move(actor))
{ }

QString Feed::today()
{
    return QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
}

bool Feed::alignmentActive(const QJsonObject &a, const QString &today)
{
    const QString from = str(a, "valid_from");
    const QJsonValue to = a.value(QLatin1String("valid_to"));
    if (from.isEmpty() || from > today)
        return false;
    return !to.isString() || to.toString() >= today;
}

QStringList Feed::bucketsFor(const StoredRecord &r)
{
    return bucketsFor(m_store, r);
}

QStringList Feed::bucketsFor(StoreReader &store, const StoredRecord &r)
{
    if (r.deleted)
        return {};
    const protocol::Entity *e = protocol::Schema::instance().entity(r.entity);
    if (!e)
        return {};
    const QJsonObject &f = r.record.fields;
    switch (e->buckets) {
    case BucketRule::Global:
        return {Bucket::Global};
    case BucketRule::Territory:
    case BucketRule::Alignment: {
        QStringList out {Bucket::territory(str(f, "territory_id"))};
        if (e->inReview)
            out << Bucket::Review;
        // A visit is also where its HCP is aligned now, so the HCP's history travels with it to the rep
        // who covers it (docs/sync-protocol.md); only its owner writes it.
        if (!e->hcpField.isEmpty())
            return visitBuckets(f, store.buckets(QStringLiteral("hcp"), str(f, e->hcpField)));
        return out;
    }
    case BucketRule::Parent:
        return store.buckets(e->parentEntity, f.value(e->parentField).toString());
    case BucketRule::Hcp: {
        // A merged HCP stays where its survivor is, so every client that had it learns of the merge. In
        // a chain (A into B, later B into C) that is the final survivor's, not B's, which may be stale
        // (the daily check refreshes merged HCPs in any order); bounded, and a cycle stops the walk.
        if (str(f, "status") == QLatin1String("merged") && !str(f, "merged_into").isEmpty())
            return store.buckets(QStringLiteral("hcp"), finalSurvivor(store, str(f, "merged_into")));
        QStringList out;
        const QString now = today();
        for (const StoredRecord &a :
            store.referencing(QStringLiteral("alignment"), IndexedRef::HcpId, r.record.id)) {
            if (alignmentActive(a.record.fields, now))
                out << Bucket::territory(str(a.record.fields, "territory_id"));
        }
        return sortedUnique(out);
    }
    case BucketRule::FollowsHcp:
        // A tag hangs off its HCP; an institution or department is wherever the HCPs naming it are.
        if (!e->parentField.isEmpty())
            return store.buckets(e->parentEntity, str(f, e->parentField));
        return store.bucketsOfReferencing(QStringLiteral("hcp"), hcpEntity().refTo(r.entity), r.record.id);
    }
    return {};
}

QStringList Feed::visitBuckets(const QJsonObject &visit, const QStringList &hcpBuckets)
{
    QStringList out = hcpBuckets;
    out << Bucket::territory(str(visit, "territory_id"));
    return sortedUnique(out);
}

void Feed::moveVisitsOf(const QString &hcpId, const QStringList &hcpBuckets)
{
    // One indexed lookup for the HCP's visits; each visit's buckets are then derived without a query for
    // the HCP, and only the visits whose buckets change (with their details) are written.
    for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
        if (e.hcpField.isEmpty())
            continue;
        for (const StoredRecord &v : m_store.referencing(e.name, e.hcpField, hcpId))
            move(v, m_store.buckets(v.entity, v.record.id), visitBuckets(v.record.fields, hcpBuckets));
    }
}

void Feed::moveMergedInto(const QString &hcpId)
{
    QHash<QString, QString> into; // merged HCP → the HCP it was merged into
    m_store.scan(QStringLiteral("hcp"), [&into](const StoredRecord &h) {
        if (str(h.record.fields, "status") == QLatin1String("merged"))
            into.insert(h.record.id, str(h.record.fields, "merged_into"));
    });
    for (auto it = into.begin(); it != into.end(); ++it) {
        QString at = it.value();
        for (int step = 0; step < 16 && !at.isEmpty() && at != it.key(); ++step) {
            if (at == hcpId) {
                refresh(QStringLiteral("hcp"), it.key());
                break;
            }
            at = into.value(at);
        }
    }
}

StoredRecord Feed::commit(const std::optional<StoredRecord> &before, StoredRecord after, const QString &note)
{
    const QString now = protocol::nowUtc();
    after.record.version = (before ? before->record.version : 0) + 1;
    after.record.updatedAt = now;
    after.record.updatedBy = m_actor.userId;
    m_store.putRecord(after);
    if (after.entity == QLatin1String("sales_fact")) {
        m_salesKeys.insert(SalesTotals::keyOf(after));
        if (before)
            m_salesKeys.insert(SalesTotals::keyOf(*before));
        m_salesKeys.remove(QString());
    }

    AuditEntry audit {after.entity, after.record.id, {}, {}, {}, m_actor.userId, m_actor.device,
        m_actor.mutationId, now, note, {}, 0};
    const bool wasLive = before && !before->deleted;
    audit.op = after.deleted ? QStringLiteral("delete")
        : !before            ? QStringLiteral("create")
        : before->deleted    ? QStringLiteral("restore")
                             : QStringLiteral("update");
    if (after.deleted) {
        audit.field = QStringLiteral("*");
        audit.note = note.isEmpty() ? QStringLiteral("deleted") : note;
        m_store.addAudit(audit);
        // The values the record had when it went, so its history shows what was deleted.
        if (wasLive) {
            for (auto it = before->record.fields.begin(); it != before->record.fields.end(); ++it) {
                if (it.value().isNull())
                    continue;
                audit.field = it.key();
                audit.oldValue = it.value();
                audit.newValue = QJsonValue(QJsonValue::Null);
                m_store.addAudit(audit);
            }
        }
    } else {
        const QJsonObject old = wasLive ? before->record.fields : QJsonObject();
        for (auto it = after.record.fields.begin(); it != after.record.fields.end(); ++it) {
            const QJsonValue was = old.value(it.key());
            if (wasLive && protocol::sameValue(was, it.value()))
                continue;
            audit.field = it.key();
            audit.oldValue = was.isUndefined() ? QJsonValue(QJsonValue::Null) : was;
            audit.newValue = it.value();
            m_store.addAudit(audit);
        }
    }

    const QStringList oldBuckets = m_store.buckets(after.entity, after.record.id);
    const QStringList newBuckets = bucketsFor(after);
    if (after.deleted) {
        for (const QString &b : oldBuckets)
            m_store.appendChange(b, after.entity, after.record.id, kDelete);
    } else {
        for (const QString &b : newBuckets)
            m_store.appendChange(b, after.entity, after.record.id, kUpsert);
        for (const QString &b : oldBuckets) {
            if (!newBuckets.contains(b))
                m_store.appendChange(b, after.entity, after.record.id, kRevoke);
        }
    }
    if (oldBuckets != newBuckets)
        m_store.setBuckets(after.entity, after.record.id, newBuckets);
    moveFollowers(after, before, oldBuckets != newBuckets);
    return after;
}

void Feed::settle()
{
    const QSet<QString> keys = std::exchange(m_salesKeys, {});
    SalesTotals::refresh(m_store, *this, keys);
}

int Feed::applyAlignmentDates()
{
    QSet<QString> hcps;
    m_store.scan(QStringLiteral("alignment"),
        [&hcps](const StoredRecord &a) { hcps.insert(str(a.record.fields, "hcp_id")); });
    int moved = 0;
    for (const QString &hcp : hcps)
        moved += refresh(QStringLiteral("hcp"), hcp) ? 1 : 0;
    // Merged HCPs stay in their survivors' buckets (bucketsFor); a survivor that moved since (today, or
    // by a push) takes them along now, after every survivor has its buckets.
    QStringList merged;
    m_store.scan(QStringLiteral("hcp"), [&merged](const StoredRecord &h) {
        if (str(h.record.fields, "status") == QLatin1String("merged"))
            merged << h.record.id;
    });
    for (const QString &hcp : merged)
        moved += refresh(QStringLiteral("hcp"), hcp) ? 1 : 0;
    return moved;
}

bool Feed::refresh(const QString &entity, const QString &id)
{
    const std::optional<StoredRecord> r = m_store.record(entity, id);
    if (!r || r->deleted)
        return false;
    return move(*r, m_store.buckets(entity, id), bucketsFor(*r));
}

bool Feed::move(const StoredRecord &r, const QStringList &oldBuckets, const QStringList &newBuckets)
{
    if (oldBuckets == newBuckets)
        return false;
    for (const QString &b : newBuckets) {
        if (!oldBuckets.contains(b))
            m_store.appendChange(b, r.entity, r.record.id, kUpsert);
    }
    for (const QString &b : oldBuckets) {
        if (!newBuckets.contains(b))
            m_store.appendChange(b, r.entity, r.record.id, kRevoke);
    }
    m_store.setBuckets(r.entity, r.record.id, newBuckets);
    moveFollowers(r, r, true);
    return true;
}

void Feed::moveFollowers(const StoredRecord &r, const std::optional<StoredRecord> &before, bool moved)
{
    // Followers never lead back to their leader, but a guard costs nothing.
    if (m_depth > 4)
        return;
    ++m_depth;
    const QJsonObject &f = r.record.fields;
    const QJsonObject old = before ? before->record.fields : QJsonObject();
    const protocol::Entity *e = protocol::Schema::instance().entity(r.entity);
    if (e && e->buckets == BucketRule::Alignment) {
        for (const QString &hcp : namedNowOrBefore(f, old, e->refTo(u"hcp")))
            refresh(QStringLiteral("hcp"), hcp);
    } else if (e && e->buckets == BucketRule::Hcp) {
        moveHcpFollowers(r, before, moved);
    }
    // Records in their parent's buckets (a visit's details, a meeting's attendees and expenses). A
    // parent in the global bucket (a material and its key messages) never moves its children, whose
    // parent field has no reverse index.
    for (const protocol::Entity *child : protocol::Schema::instance().childrenOf(r.entity)) {
        if (e && e->buckets == BucketRule::Global)
            break;
        for (const StoredRecord &c : m_store.referencing(child->name, child->parentField, r.record.id))
            refresh(c.entity, c.record.id);
    }
    --m_depth;
}

void Feed::moveHcpFollowers(const StoredRecord &r, const std::optional<StoredRecord> &before, bool moved)
{
    const QJsonObject &f = r.record.fields;
    const QJsonObject old = before ? before->record.fields : QJsonObject();
    const protocol::Schema &schema = protocol::Schema::instance();
    // Its tags are in its buckets, and its institution and department in the union of their HCPs'
    // buckets: an edit that neither moves the HCP nor names another institution or department cannot
    // change theirs. Recomputing them anyway read every HCP of the institution (thousands in a big
    // database) for each edited HCP, so an incremental sync grew with the database.
    if (moved) {
        for (const protocol::Entity &tag : schema.entities()) {
            if (tag.buckets != BucketRule::FollowsHcp || tag.parentEntity != r.entity)
                continue;
            for (const StoredRecord &t : m_store.referencing(tag.name, tag.parentField, r.record.id))
                refresh(t.entity, t.record.id);
        }
    }
    for (const protocol::Entity &named : schema.entities()) {
        if (named.buckets != BucketRule::FollowsHcp || !named.parentField.isEmpty())
            continue;
        const QString field = schema.entity(r.entity)->refTo(named.name);
        if (!moved && before && str(old, field) == str(f, field))
            continue;
        for (const QString &id : namedNowOrBefore(f, old, field))
            refresh(named.name, id);
    }
    // Its visits follow it only when it moved (an edit of the HCP leaves them where they are).
    if (moved)
        moveVisitsOf(r.record.id, m_store.buckets(r.entity, r.record.id));
    // Merged just now and moved: the HCPs merged into it earlier (a chain) follow at once, not at the
    // next daily check. One scan of the HCPs per merge (merges are rare).
    if (moved && str(f, "status") == QLatin1String("merged") && str(old, "status") != QLatin1String("merged"))
        moveMergedInto(r.record.id);
}

Scope scopeFor(StoreReader &store, protocol::Role role, const QString &homeTerritoryId, const QString &userId)
{
    Scope scope;
    const QList<StoredRecord> territories = store.all(QStringLiteral("territory"));
    QHash<QString, QString> parent;
    QHash<QString, QString> owner;
    QSet<QString> leaves;
    for (const StoredRecord &t : territories) {
        parent.insert(t.record.id, str(t.record.fields, "parent_id"));
        if (str(t.record.fields, "level") == QLatin1String("territory")) {
            leaves.insert(t.record.id);
            owner.insert(t.record.id, str(t.record.fields, "owner_id"));
        }
    }
    const bool byOwner = role == protocol::RoleRep && !userId.isEmpty();
    if (byOwner) {
        for (const QString &leaf : leaves) {
            if (owner.value(leaf) == userId)
                scope.leaves.insert(leaf);
        }
    }
    if (role == protocol::RoleSfe || role == protocol::RoleAdmin) {
        scope.everything = true;
        scope.review = true;
        scope.leaves = leaves;
        return scope;
    }
    if (homeTerritoryId.isEmpty())
        return scope;
    for (const QString &leaf : leaves) {
        // A leaf is in scope when the home territory is the leaf itself or one of its ancestors.
        QString at = leaf;
        for (int depth = 0; depth < 16 && !at.isEmpty(); ++depth) {
            if (at == homeTerritoryId) {
                scope.leaves.insert(leaf);
                break;
            }
            at = parent.value(at);
        }
    }
    return scope;
}

} // namespace rounds::server
