// Store: the local write path. Every create, edit and delete writes the visible row and the outbox in
// one transaction, so the edit is safe on disk before the UI moves on; edits of a record still waiting to
// be pushed coalesce into its one pending mutation.
#include "common/protocol/ddl.h"
#include "common/protocol/messages.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/entitysqlcache.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

namespace rounds {

using protocol::Entity;
using protocol::Record;
using protocol::RolePolicy;
using protocol::Schema;
using namespace storerows;

namespace {

// A new mutation of a record, with a fresh id, against `baseVersion` (0 for a create).
OutboxMutation newMutation(
    const QString &entity, const QString &recordId, const QString &op, qint64 baseVersion)
{
    OutboxMutation m;
    m.mutationId = protocol::newUuid();
    m.entity = entity;
    m.recordId = recordId;
    m.op = op;
    m.baseVersion = baseVersion;
    return m;
}

// The outbox side of an edit: coalesced into the pending mutation when there is one (the first base of
// each field stays, the latest value wins), otherwise a new mutation against the current version.
void queueEdit(sql::Database &db, std::optional<OutboxMutation> pending, const Entity &e,
    const Record &current, const QJsonObject &delta)
{
    if (pending) {
        for (auto it = delta.begin(); it != delta.end(); ++it) {
            if (pending->baseVersion > 0 && !pending->base.contains(it.key()))
                pending->base.insert(it.key(), current.fields.value(it.key()));
            pending->set.insert(it.key(), it.value());
            // Typed back to what the server had: nothing of that field is left to send (a push of the old
            // value would change nothing, or meet another user's newer value as a conflict of nobody's).
            if (pending->baseVersion > 0 && protocol::sameValue(pending->base.value(it.key()), it.value())) {
                pending->set.remove(it.key());
                pending->base.remove(it.key());
            }
        }
        if (pending->baseVersion > 0 && pending->set.isEmpty() && pending->op == QLatin1String("upsert")) {
            // Every change undone: the record is the server's copy again, with no mutation and no shadow.
            auto drop = db.query(QStringLiteral("DELETE FROM outbox WHERE seq = ?1"));
            drop->bind(1, std::int64_t(pending->seq));
            drop->run();
            dropShadowIfIdle(db, e.name, current.id);
            return;
        }
        auto q = db.query(
            QStringLiteral("UPDATE outbox SET base = ?1, \"set\" = ?2, updated_at = ?3 WHERE seq = ?4"));
        q->bind(1, jsonText(pending->base));
        q->bind(2, jsonText(pending->set));
        q->bind(3, protocol::nowUtc());
        q->bind(4, std::int64_t(pending->seq));
        q->run();
        return;
    }
    OutboxMutation m = newMutation(e.name, current.id, QStringLiteral("upsert"), current.version);
    for (auto it = delta.begin(); it != delta.end(); ++it) {
        if (current.version > 0)
            m.base.insert(it.key(), current.fields.value(it.key()));
    }
    m.set = delta;
    insertMutation(db, m);
}

// The outbox side of a delete: a create never sent is forgotten, a pending edit becomes one delete
// against its first base version, otherwise a new delete.
void queueDelete(
    sql::Database &db, const std::optional<OutboxMutation> &pending, const Entity &e, const Record &current)
{
    const bool inFlight = [&] {
        auto q = db.query(QStringLiteral(
            "SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2 AND state = 'sending' LIMIT 1"));
        q->bind(1, e.name);
        q->bind(2, current.id);
        return q->step();
    }();
    if (pending && pending->baseVersion == 0 && pending->op == QLatin1String("upsert") && !inFlight) {
        // Created here and never sent: the server never needs to hear of it.
        auto q = db.query(QStringLiteral("DELETE FROM outbox WHERE seq = ?1"));
        q->bind(1, std::int64_t(pending->seq));
        q->run();
    } else if (pending) {
        auto q = db.query(QStringLiteral("UPDATE outbox SET op = 'delete', base = '{}', \"set\" = "
                                         "'{}', updated_at = ?1 WHERE seq = ?2"));
        q->bind(1, protocol::nowUtc());
        q->bind(2, std::int64_t(pending->seq));
        q->run();
    } else {
        insertMutation(db, newMutation(e.name, current.id, QStringLiteral("delete"), current.version));
    }
}

// Why a write cannot even start, or null.
const Entity *writable(
    const sql::Database *db, const QString &entityName, const QString &refusal, WriteResult &w)
{
    const Entity *e = Schema::instance().entity(entityName);
    if (!db || !e || e->serverOnly) {
        w.error = !db ? Store::tr("The local database is not open.") : refusal.arg(entityName);
        return nullptr;
    }
    return e;
}

// The sentence for a write the user's role may not make (RolePolicy): what the server would answer, said
// before anything is saved.
QString refusalText(RolePolicy::Refusal refusal)
{
    switch (refusal) {
    case RolePolicy::Refusal::RoleMayNotWrite:
        return Store::tr("Your role does not make this kind of change; the server would refuse it, so "
                         "nothing was saved.");
    case RolePolicy::Refusal::RoleMayNotCreate:
        return Store::tr("Your role does not start new records of this kind; nothing was saved.");
    case RolePolicy::Refusal::RepCreatesOnly:
        return Store::tr("You file new requests; changing or withdrawing one is for SFE. Nothing was saved.");
    case RolePolicy::Refusal::NotOwner:
        return Store::tr("You change only your own records; this one is another user's. Nothing was saved.");
    case RolePolicy::Refusal::ParentNotOwned:
        return Store::tr("This belongs to another user's record; nothing was saved.");
    case RolePolicy::Refusal::StatusNotOpen:
        return Store::tr("Only SFE decides a request; you file it open. Nothing was saved.");
    case RolePolicy::Refusal::None:
        break;
    }
    return {};
}

// Whether the user's role may make `op` on a record in the given states (before and after an edit), as
// the server would judge it; on refusal `w` says why and nothing is written.
bool permitted(const Store &store, const RolePolicy &policy, const Entity &e, RolePolicy::Op op,
    const QList<QJsonObject> &states, WriteResult &w)
{
    RolePolicy::Refusal refusal = policy.check(e, op);
    for (qsizetype i = 0; i < states.size() && refusal == RolePolicy::Refusal::None; ++i) {
        QJsonObject parent;
        if (policy.isRestricted() && e.ownerOnParent()) {
            if (const std::optional<Record> p
                = store.record(e.parentEntity, states[i].value(e.parentField).toString()))
                parent = p->fields;
        }
        refusal = policy.checkRecord(e, states[i], parent);
    }
    if (refusal == RolePolicy::Refusal::None)
        return true;
    w.error = refusalText(refusal);
    w.refused = true;
    qCInfo(lcStore) << "local write refused for the role:" << e.name << int(refusal);
    return false;
}

// Validates `fields` like a pushed create or edit; on failure `w` says why and which field.
bool validated(
    const Entity &e, const QJsonObject &fields, bool isCreate, QJsonObject *normalized, WriteResult &w)
{
    if (auto err = protocol::validateChanges(e, fields, isCreate, normalized)) {
        w.error = protocol::Messages::fieldError(*err);
        w.field = err->field;
        return false;
    }
    return true;
}

// The visible row a write changes; none, with `w` saying so, when there is none (any more).
std::optional<Record> currentRow(
    sql::Database &db, const EntitySql &s, const Entity &e, const QString &id, WriteResult &w)
{
    std::optional<Record> current = readRow(db, s, e, id);
    if (!current)
        w.error = Store::tr("The %1 %2 does not exist (any more).")
                      .arg(protocol::Messages::entityLabel(e.name), id);
    return current;
}

// The record's pending mutation, to coalesce into. Without one this is the first local change since the
// last server copy: that copy is kept as the shadow (base of conflicts, what discarding goes back to).
std::optional<OutboxMutation> pendingOrShadow(sql::Database &db, const Entity &e, const Record &current)
{
    std::optional<OutboxMutation> pending = pendingMutation(db, e.name, current.id);
    if (!pending && current.version > 0)
        saveShadowIfMissing(db, e.name, current);
    return pending;
}

// An SqlError of a write: the user reads `what` and SQLite's message.
auto failedWrite(
    WriteResult &w, const QString &what, const char *op, const QString &entity, const QString &id)
{
    return [&w, what, op, entity, id](const sql::SqlError &err) {
        w.error = what.arg(err.message());
        qCWarning(lcStore) << op << entity << id << err.text();
        return false;
    };
}

// The transaction an edit and a delete share: the current row is read inside it, `change(sql, current)`
// writes the row and the outbox and says whether it changed anything, then it commits. Whether the row
// changed, or nothing with `w` saying why when the row is gone or SQLite fails.
template<typename Change>
std::optional<bool> changeExisting(sql::Database &db, EntitySqlCache &cache, const Entity &e,
    const QString &id, WriteResult &w, const QString &failure, const char *op, Change &&change)
{
    return catchSql(
        [&]() -> std::optional<bool> {
            const EntitySql &s = cache.of(e);
            sql::Transaction tx(db);
            const std::optional<Record> current = currentRow(db, s, e, id, w);
            if (!current)
                return std::nullopt;
            const bool changed = change(s, *current);
            tx.commit();
            return changed;
        },
        [&](const sql::SqlError &err) -> std::optional<bool> {
            failedWrite(w, failure, op, e.name, id)(err);
            return std::nullopt;
        });
}

} // namespace

WriteResult Store::create(const QString &entityName, const QJsonObject &fields, const QString &givenId)
{
    WriteResult w;
    const Entity *e = writable(m_db.get(), entityName, tr("'%1' cannot be created here."), w);
    if (!e)
        return w;
    const RolePolicy roles = policy();
    if (!permitted(*this, roles, *e, RolePolicy::Op::Create, {}, w))
        return w;
    QJsonObject normalized;
    if (!validated(*e, fields, true, &normalized, w)
        || !permitted(*this, roles, *e, RolePolicy::Op::Create, {normalized}, w))
        return w;
    const QString id = givenId.isEmpty() ? protocol::newUuid() : givenId;
    if (!protocol::isUuid(id)) {
        w.error = tr("'%1' is not a lower-case UUID.").arg(id);
        w.field = protocol::Base::Id;
        return w;
    }
    const bool ok = catchSql(
        [&] {
            const EntitySql &s = m_apply->of(*e);
            sql::Transaction tx(*m_db);
            if (readRow(*m_db, s, *e, id) || hasOutboxRows(*m_db, e->name, id)) {
                w.error
                    = tr("A %1 with id %2 already exists.").arg(protocol::Messages::entityLabel(e->name), id);
                return false;
            }
            Record rec;
            rec.id = id;
            rec.fields = normalized;
            writeRow(*m_db, s.upsert, *e, rec);
            crashHook("after-row-write");
            OutboxMutation m = newMutation(e->name, id, QStringLiteral("upsert"), 0);
            m.set = normalized;
            insertMutation(*m_db, m);
            crashHook("before-commit");
            tx.commit();
            return true;
        },
        failedWrite(w, tr("Could not save: %1"), "create", entityName, QString()));
    if (!ok)
        return w;
    w.ok = true;
    w.id = id;
    emit recordsChanged(e->name, {id});
    emit localChangeQueued(e->name, id);
    return w;
}

WriteResult Store::update(const QString &entityName, const QString &id, const QJsonObject &changes)
{
    WriteResult w;
    w.id = id;
    const Entity *e = writable(m_db.get(), entityName, tr("'%1' cannot be edited here."), w);
    if (!e)
        return w;
    const RolePolicy roles = policy();
    if (!permitted(*this, roles, *e, RolePolicy::Op::Change, {}, w))
        return w;
    QJsonObject normalized;
    if (!validated(*e, changes, false, &normalized, w))
        return w;
    if (const std::optional<Record> before = record(entityName, id)) {
        QJsonObject after = before->fields;
        for (auto it = normalized.begin(); it != normalized.end(); ++it)
            after.insert(it.key(), it.value());
        if (!permitted(*this, roles, *e, RolePolicy::Op::Change, {before->fields, after}, w))
            return w;
    }
    const std::optional<bool> changed = changeExisting(*m_db, *m_apply, *e, id, w, tr("Could not save: %1"),
        "update", [&](const EntitySql &s, const Record &current) {
            // Only real changes make a mutation.
            QJsonObject delta;
            for (auto it = normalized.begin(); it != normalized.end(); ++it) {
                if (!protocol::sameValue(current.fields.value(it.key()), it.value()))
                    delta.insert(it.key(), it.value());
            }
            if (delta.isEmpty())
                return false;
            std::optional<OutboxMutation> pending = pendingOrShadow(*m_db, *e, current);
            Record next = current;
            for (auto it = delta.begin(); it != delta.end(); ++it)
                next.fields.insert(it.key(), it.value());
            writeRow(*m_db, s.upsert, *e, next);
            crashHook("after-row-write");
            queueEdit(*m_db, std::move(pending), *e, current, delta);
            crashHook("before-commit");
            return true;
        });
    if (!changed)
        return w;
    w.ok = true;
    if (*changed) {
        emit recordsChanged(e->name, {id});
        emit localChangeQueued(e->name, id);
    }
    return w;
}

WriteResult Store::remove(const QString &entityName, const QString &id)
{
    WriteResult w;
    w.id = id;
    const Entity *e = writable(m_db.get(), entityName, tr("'%1' cannot be deleted here."), w);
    if (!e)
        return w;
    const RolePolicy roles = policy();
    const std::optional<Record> before = record(entityName, id);
    if (!permitted(*this, roles, *e, RolePolicy::Op::Change,
            before ? QList {before->fields} : QList<QJsonObject>(), w))
        return w;
    const std::optional<bool> changed = changeExisting(*m_db, *m_apply, *e, id, w, tr("Could not delete: %1"),
        "remove", [&](const EntitySql &s, const Record &current) {
            const std::optional<OutboxMutation> pending = pendingOrShadow(*m_db, *e, current);
            deleteRow(*m_db, s, id);
            crashHook("after-row-write");
            queueDelete(*m_db, pending, *e, current);
            crashHook("before-commit");
            return true;
        });
    if (!changed)
        return w;
    w.ok = true;
    emit recordsChanged(e->name, {id});
    emit localChangeQueued(e->name, id);
    return w;
}

std::optional<Record> Store::record(const QString &entityName, const QString &id) const
{
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e)
        return std::nullopt;
    return logged(
        "record", std::optional<Record>(), nullptr, [&] { return readRow(*m_db, m_apply->of(*e), *e, id); });
}

std::optional<Record> Store::shadow(const QString &entityName, const QString &id) const
{
    const Entity *e = Schema::instance().entity(entityName);
    if (!m_db || !e)
        return std::nullopt;
    return logged("shadow", std::optional<Record>(), nullptr, [&]() -> std::optional<Record> {
        auto q
            = m_db->query(QStringLiteral("SELECT record FROM shadow WHERE entity = ?1 AND record_id = ?2"));
        q->bind(1, entityName);
        q->bind(2, id);
        if (!q->step())
            return std::nullopt;
        Record r;
        if (protocol::decodeRecord(*e, parseObject(q->textUtf8(0)), &r, protocol::DecodeMode::Lenient))
            return std::nullopt;
        return r;
    });
}

QList<Record> Store::records(const QString &entity) const
{
    QList<Record> out;
    if (!m_db || !Schema::instance().entity(entity))
        return out;
    const QStringList ids = logged("records", QStringList(), nullptr, [&] {
        QStringList list;
        auto q = m_db->query(
            QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(protocol::quoteIdentifier(entity)));
        while (q->step())
            list << q->text(0);
        return list;
    });
    for (const QString &id : ids) {
        if (auto r = record(entity, id))
            out << *r;
    }
    return out;
}

} // namespace rounds
