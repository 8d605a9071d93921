#include "sync/syncledger.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "sync/log.h"
#include "common/protocol/codec.h"
#include "common/protocol/ddl.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"

#include <QJsonDocument>

namespace rounds {

namespace {

// A JSON value as text, scalars included (wrapped in a one-element array).
QString valueText(const QJsonValue &v)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact));
}

QJsonValue textValue(const QString &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(QJsonValue::Null);
}

} // namespace

QJsonObject ConflictItem::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("entity"), entity},
        {QStringLiteral("record_id"), recordId}, {QStringLiteral("mutation_id"), mutationId},
        {QStringLiteral("field"), field}, {QStringLiteral("base"), base}, {QStringLiteral("mine"), mine},
        {QStringLiteral("theirs"), theirs}, {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("resolved"), resolved},
        {QStringLiteral("resolution"), resolution.isEmpty() ? QJsonValue() : QJsonValue(resolution)}};
}

SyncLedger::SyncLedger(Store &store)
    : m_store(store)
{ }

namespace {

struct OutboxRow
{
    QString entity, recordId, op;
    QJsonObject set;
};

std::optional<OutboxRow> outboxRow(sql::Database &db, const QString &mutationId)
{
    auto q = db.query(
        QStringLiteral("SELECT entity, record_id, op, \"set\" FROM outbox WHERE mutation_id = ?1"));
    q->bind(1, mutationId);
    if (!q->step())
        return std::nullopt;
    return OutboxRow {q->text(0), q->text(1), q->text(2), QJsonDocument::fromJson(q->textUtf8(3)).object()};
}

} // namespace

bool SyncLedger::applyServerCopy(const QString &entity, const QString &recordId,
    const QJsonObject &serverRecord, bool deleted, QString *error)
{
    // The server's record now, as if pulled, into every bucket that holds it here.
    QStringList buckets = m_store.bucketsOf(entity, recordId);
    if (buckets.isEmpty())
        buckets << QString();
    QList<PulledChange> changes;
    for (const QString &bucket : buckets) {
        PulledChange c;
        c.bucket = bucket;
        c.entity = entity;
        c.id = recordId;
        c.op = deleted ? PulledChange::Op::Delete : PulledChange::Op::Upsert;
        c.record = serverRecord;
        changes << c;
    }
    const ApplyResult applied = m_store.applyPage(changes, {}, {});
    if (!applied.ok && error)
        *error = applied.error;
    return applied.ok;
}

bool SyncLedger::acknowledgeWithRecord(
    const QString &mutationId, qint64 serverVersion, const QJsonObject &serverRecord, QString *error)
{
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        const std::optional<OutboxRow> row = outboxRow(*db, mutationId);
        if (!row) {
            tx.commit(); // answered before (a retried push after a crash): nothing to do
            return true;
        }
        if (!m_store.acknowledge(mutationId, serverVersion, error)
            || !applyServerCopy(row->entity, row->recordId, serverRecord, false, error))
            return false;
        tx.commit();
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

bool SyncLedger::recordConflict(const QString &mutationId, const QJsonArray &conflicts,
    const QJsonObject &serverRecord, qint64 serverVersion, bool serverDeleted, QString *error)
{
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        const std::optional<OutboxRow> row = outboxRow(*db, mutationId);
        if (!row) {
            tx.commit(); // answered before (a retried push after a crash): nothing to do
            return true;
        }
        if (!m_store.acknowledge(mutationId, serverVersion, error))
            return false;
        if ((!serverRecord.isEmpty() || serverDeleted)
            && !applyServerCopy(row->entity, row->recordId, serverRecord, serverDeleted, error))
            return false;
        const QString now = protocol::nowUtc();
        auto insert = db->query(QStringLiteral(
            "INSERT INTO conflict(entity, record_id, mutation_id, field, base, mine, theirs, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        auto add = [&](const QString &field, const QJsonValue &base, const QJsonValue &mine,
                       const QJsonValue &theirs) {
            insert.bindAll(row->entity, row->recordId, mutationId, field, valueText(base), valueText(mine),
                valueText(theirs), now);
            insert->run();
            insert->reset();
        };
        if (serverDeleted) {
            // An edit of a record deleted meanwhile: "mine" is everything the edit set, to restore it
            // on top of the tombstone's version; "theirs" is the deletion.
            add(QStringLiteral(""), serverVersion, row->set, QStringLiteral("deleted"));
        } else if (conflicts.isEmpty() || row->op == QLatin1String("delete")) {
            // A delete that met a newer version: "mine" is the deletion, "theirs" the record as it is now.
            add(QStringLiteral(""), QJsonValue(), QStringLiteral("delete"), serverRecord);
        } else {
            for (const QJsonValue &v : conflicts) {
                const QJsonObject c = v.toObject();
                add(c.value(QStringLiteral("field")).toString(), c.value(QStringLiteral("base")),
                    c.value(QStringLiteral("mine")), c.value(QStringLiteral("theirs")));
            }
        }
        const qint64 lastConflict = db->lastInsertRowId();
        tx.commit();
        // The conflicts view lists this table: tell it (the engine forwards this to the window's store).
        m_store.announceChanges(QStringLiteral("conflict"), {QString::number(lastConflict)});
        qCInfo(lcSync) << "conflict kept for" << row->entity << row->recordId << "from mutation"
                       << mutationId;
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

QList<ConflictItem> SyncLedger::conflicts(bool openOnly) const
{
    QList<ConflictItem> out;
    try {
        auto q = m_store.database()->query(QStringLiteral(
            "SELECT id, entity, record_id, mutation_id, field, base, mine, theirs, created_at, "
            "resolved, resolution FROM conflict WHERE resolved = 0 OR ?1 = 0 ORDER BY id"));
        q->bind(1, openOnly);
        while (q->step()) {
            ConflictItem c;
            c.id = q->int64(0);
            c.entity = q->text(1);
            c.recordId = q->text(2);
            c.mutationId = q->text(3);
            c.field = q->text(4);
            c.base = textValue(q->text(5));
            c.mine = textValue(q->text(6));
            c.theirs = textValue(q->text(7));
            c.createdAt = q->text(8);
            c.resolved = q->int64(9) != 0;
            c.resolution = q->text(10);
            out << c;
        }
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "cannot list conflicts:" << e.text();
    }
    return out;
}

int SyncLedger::openConflictCount() const
{
    try {
        return int(m_store.database()->scalarInt(
            QStringLiteral("SELECT count(*) FROM conflict WHERE resolved = 0")));
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "cannot count conflicts:" << e.text();
        return 0;
    }
}

bool SyncLedger::resolve(qint64 conflictId, const QString &choice, QString *error, const QJsonValue &value)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (choice != QLatin1String("mine") && choice != QLatin1String("theirs")
        && choice != QLatin1String("other"))
        return fail(QStringLiteral("resolve with mine, theirs or other, not '%1'").arg(choice));
    const QList<ConflictItem> all = conflicts(false);
    const auto it
        = std::find_if(all.begin(), all.end(), [&](const ConflictItem &c) { return c.id == conflictId; });
    if (it == all.end())
        return fail(QStringLiteral("there is no conflict %1").arg(conflictId));
    if (it->resolved)
        return fail(
            QStringLiteral("conflict %1 is already resolved (%2)").arg(conflictId).arg(it->resolution));
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        WriteResult write;
        write.ok = true;
        if (choice != QLatin1String("theirs")) {
            const QJsonValue wanted = choice == QLatin1String("mine") ? it->mine : value;
            switch (it->kind()) {
            case ConflictItem::Field:
                write = m_store.update(it->entity, it->recordId, QJsonObject {{it->field, wanted}});
                break;
            case ConflictItem::Delete:
                write = m_store.remove(it->entity, it->recordId); // the user still wants it deleted
                break;
            case ConflictItem::Restore: {
                QString why;
                if (!restore(*it, wanted.toObject(), &why))
                    return fail(why);
                break;
            }
            }
        }
        if (!write.ok)
            return fail(write.error);
        auto q = db->query(
            QStringLiteral("UPDATE conflict SET resolved = 1, resolution = ?2, resolved_value = ?3, "
                           "resolved_at = ?4 WHERE id = ?1"));
        q.bindAll(conflictId, choice,
            valueText(choice == QLatin1String("mine")   ? it->mine
                    : choice == QLatin1String("theirs") ? it->theirs
                                                        : value),
            protocol::nowUtc());
        q->run();
        tx.commit();
        return true;
    } catch (const sql::SqlError &e) {
        return fail(e.text());
    }
}

bool SyncLedger::discardRejected(const QString &mutationId, QString *error)
{
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        QString entity, recordId;
        bool wasCreate = false;
        {
            auto q = db->query(
                QStringLiteral("SELECT entity, record_id, op = 'upsert' AND base_version = 0 FROM outbox "
                               "WHERE mutation_id = ?1 AND state = 'rejected'"));
            q->bind(1, mutationId);
            if (!q->step()) {
                if (error)
                    *error = QStringLiteral("there is no rejected change %1").arg(mutationId);
                return false;
            }
            entity = q->text(0);
            recordId = q->text(1);
            wasCreate = q->int64(2) != 0;
        }
        const std::optional<protocol::Record> server = m_store.shadow(entity, recordId);
        // The record left this laptop meanwhile (deleted on the server, or out of scope): giving up the
        // change must not bring it back.
        const bool stillHere = m_store.record(entity, recordId).has_value();
        {
            auto q = db->query(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?1"));
            q->bind(1, mutationId);
            q->run();
        }
        // Back to the server's copy, through the apply path so any other pending change stays on top.
        PulledChange change;
        change.entity = entity;
        change.id = recordId;
        if (wasCreate || !stillHere) {
            change.op = PulledChange::Op::Delete; // a create the server never accepted, or a record gone
        } else if (server) {
            change.op = PulledChange::Op::Upsert;
            change.record = protocol::encodeRecord(*server);
        } else {
            // An edit whose server copy was not kept: leave the row, the next change to it corrects it.
            tx.commit();
            return true;
        }
        const ApplyResult applied = m_store.applyPage({change}, {}, {});
        if (!applied.ok) {
            if (error)
                *error = applied.error;
            return false;
        }
        auto pending = db->query(QStringLiteral("SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2"));
        pending.bindAll(entity, recordId);
        if (!pending->step()) {
            auto q = db->query(QStringLiteral("DELETE FROM shadow WHERE entity = ?1 AND record_id = ?2"));
            q.bindAll(entity, recordId);
            q->run();
        }
        tx.commit();
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

bool SyncLedger::restore(const ConflictItem &c, const QJsonObject &fields, QString *error)
{
    // Brings a record deleted on the server back with the user's values: an upsert on top of the
    // tombstone's version (the server's way to restore), queued like any local change.
    sql::Database *db = m_store.database();
    const qint64 tombstoneVersion = c.base.toInteger();
    const QString now = protocol::nowUtc();
    auto q = db->query(QStringLiteral(
        "INSERT INTO outbox (mutation_id, entity, record_id, op, base_version, base, \"set\", "
        "created_at, updated_at, state) VALUES (?1, ?2, ?3, 'upsert', ?4, '{}', ?5, ?6, ?6, 'pending')"));
    q.bindAll(protocol::newUuid(), c.entity, c.recordId, tombstoneVersion,
        QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)), now);
    q->run();
    QJsonObject record = fields;
    record.insert(protocol::Base::Id, c.recordId);
    record.insert(protocol::Base::Version, tombstoneVersion > 0 ? tombstoneVersion : 1);
    return applyServerCopy(c.entity, c.recordId, record, false, error);
}

// A re-sync renames every bucket membership to "stale:<bucket>". Records the new data sends get their
// real membership back through the apply path; what still has only stale ones at the end is gone from
// the server. Until then stale rows keep records "held", so nothing disappears mid-way.
bool SyncLedger::beginResync(const QString &epoch, QString *error)
{
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        db->exec(QStringLiteral(
            "UPDATE OR IGNORE record_bucket SET bucket = 'stale:' || bucket WHERE bucket NOT LIKE 'stale:%'; "
            "DELETE FROM record_bucket WHERE bucket NOT LIKE 'stale:%'; "
            "UPDATE sync_cursor SET seq = 0;"));
        // A restored server may hold older versions than we do: mark every synced version as "from the
        // old data" (negative), so that whatever the new data sends replaces it.
        for (const protocol::Entity &e : protocol::Schema::instance().entities())
            db->exec(QStringLiteral("UPDATE %1 SET version = -version WHERE version > 0")
                         .arg(protocol::quoteIdentifier(e.name)));
        db->exec(QStringLiteral("UPDATE shadow SET version = -version WHERE version > 0"));
        if (!m_store.setMeta(QStringLiteral("resync_epoch"), epoch)
            || !m_store.setMeta(QStringLiteral("epoch"), epoch)) {
            if (error)
                *error = QStringLiteral("cannot record the new server epoch");
            return false;
        }
        tx.commit();
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

bool SyncLedger::finishResync(QString *error)
{
    if (m_store.meta(QStringLiteral("resync_epoch")).isEmpty())
        return true;
    sql::Database *db = m_store.database();
    try {
        sql::Transaction tx(*db);
        // What the restored server no longer has goes like a pulled delete; the apply path keeps records
        // with pending local changes, which are pushed again.
        QList<PulledChange> gone;
        {
            auto q = db->query(QStringLiteral(
                "SELECT DISTINCT s.entity, s.record_id FROM record_bucket s WHERE s.bucket LIKE 'stale:%' "
                "AND NOT EXISTS "
                "(SELECT 1 FROM record_bucket b WHERE b.entity = s.entity AND b.record_id = s.record_id "
                "AND b.bucket NOT LIKE 'stale:%')"));
            while (q->step()) {
                PulledChange c;
                c.entity = q->text(0);
                c.id = q->text(1);
                c.op = PulledChange::Op::Delete;
                gone << c;
            }
        }
        const ApplyResult applied = m_store.applyPage(gone, {}, {});
        if (!applied.ok) {
            if (error)
                *error = applied.error;
            return false;
        }
        if (!rebasePending(error))
            return false;
        db->exec(QStringLiteral("DELETE FROM record_bucket WHERE bucket LIKE 'stale:%'"));
        m_store.setMeta(QStringLiteral("resync_epoch"), QString());
        tx.commit();
        qCInfo(lcSync) << "re-sync finished;" << applied.deleted
                       << "records the server no longer has were dropped";
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

bool SyncLedger::rebasePending(QString *error)
{
    // Pending changes now meet the new data: edits of records it has are re-based on its versions;
    // edits of records it lacks become creates of the whole record (nothing typed is dropped); deletes
    // of records it lacks are done already.
    sql::Database *db = m_store.database();
    struct Row
    {
        qint64 seq;
        QString entity, id, op;
        qint64 baseVersion;
        bool onServer;
    };
    QList<Row> rows;
    {
        auto q
            = db->query(QStringLiteral("SELECT o.seq, o.entity, o.record_id, o.op, o.base_version, EXISTS "
                                       "(SELECT 1 FROM record_bucket b WHERE "
                                       "b.entity = o.entity AND b.record_id = o.record_id AND b.bucket NOT "
                                       "LIKE 'stale:%') FROM outbox o "
                                       "WHERE o.state <> 'rejected' AND o.base_version <> 0 ORDER BY o.seq"));
        while (q->step())
            rows << Row {q->int64(0), q->text(1), q->text(2), q->text(3), q->int64(4), q->int64(5) != 0};
    }
    for (const Row &r : rows) {
        const std::optional<protocol::Record> visible = m_store.record(r.entity, r.id);
        if (r.onServer) {
            const std::optional<protocol::Record> server = m_store.shadow(r.entity, r.id);
            const qint64 version = server && server->version > 0 ? server->version
                : visible                                        ? visible->version
                                                                 : 0;
            auto u = db->query(QStringLiteral("UPDATE outbox SET base_version = ?2 WHERE seq = ?1"));
            u.bindAll(r.seq, version);
            u->run();
        } else if (r.op == QLatin1String("delete") || !visible) {
            auto d = db->query(QStringLiteral("DELETE FROM outbox WHERE seq = ?1"));
            d->bind(1, r.seq);
            d->run();
        } else {
            auto u = db->query(QStringLiteral(
                "UPDATE outbox SET base_version = 0, base = '{}', \"set\" = ?2 WHERE seq = ?1"));
            u.bindAll(
                r.seq, QString::fromUtf8(QJsonDocument(visible->fields).toJson(QJsonDocument::Compact)));
            u->run();
            auto v = db->query(QStringLiteral("UPDATE %1 SET version = 0 WHERE id = ?1")
                                   .arg(protocol::quoteIdentifier(r.entity)));
            v->bind(1, r.id);
            v->run();
            auto sh = db->query(QStringLiteral("DELETE FROM shadow WHERE entity = ?1 AND record_id = ?2"));
            sh.bindAll(r.entity, r.id);
            sh->run();
        }
    }
    // Records the new data lacks whose pending change was a delete: gone locally too.
    auto orphans
        = db->query(QStringLiteral("SELECT DISTINCT s.entity, s.record_id FROM record_bucket s WHERE "
                                   "s.bucket LIKE 'stale:%' AND NOT EXISTS "
                                   "(SELECT 1 FROM record_bucket b WHERE b.entity = s.entity AND b.record_id "
                                   "= s.record_id AND b.bucket NOT LIKE 'stale:%') "
                                   "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = s.entity AND "
                                   "o.record_id = s.record_id AND o.state <> 'rejected')"));
    QList<PulledChange> gone;
    while (orphans->step()) {
        PulledChange c;
        c.entity = orphans->text(0);
        c.id = orphans->text(1);
        c.op = PulledChange::Op::Delete;
        gone << c;
    }
    const ApplyResult applied = m_store.applyPage(gone, {}, {});
    if (!applied.ok && error)
        *error = applied.error;
    return applied.ok;
}

int SyncLedger::closeConflictsOfGoneRecords()
{
    // A conflict about a record that has since left the laptop (deleted on the server, or out of scope)
    // can no longer be decided here: it is closed as "theirs" instead of waiting forever.
    int closed = 0;
    try {
        auto q = m_store.database()->query(QStringLiteral(
            "UPDATE conflict SET resolved = 1, resolution = 'theirs', resolved_at = ?2 WHERE id = ?1"));
        for (const ConflictItem &c : conflicts(true)) {
            if (c.kind() == ConflictItem::Restore || m_store.record(c.entity, c.recordId))
                continue;
            q.bindAll(c.id, protocol::nowUtc());
            q->run();
            q->reset();
            ++closed;
        }
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "cannot close conflicts of gone records:" << e.text();
    }
    if (closed)
        m_store.announceChanges(QStringLiteral("conflict"), {});
    return closed;
}

bool SyncLedger::dropUnheld(const QSet<QPair<QString, QString>> &records, int *dropped, QString *error)
{
    // Records kept only because a change to them was pending when their last bucket let them go
    // (a revoke, a realignment): once nothing is pending, they leave like any revoked record.
    sql::Database *db = m_store.database();
    try {
        QList<PulledChange> gone;
        auto q = db->query(QStringLiteral(
            "SELECT NOT EXISTS (SELECT 1 FROM record_bucket WHERE entity = ?1 AND record_id = ?2) "
            "AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2)"));
        for (const auto &[entity, id] : records) {
            const std::optional<protocol::Record> r = m_store.record(entity, id);
            if (!r || r->version <= 0)
                continue;
            q.bindAll(entity, id);
            const bool unheld = q->step() && q->int64(0) != 0;
            q->reset();
            if (!unheld)
                continue;
            PulledChange c;
            c.entity = entity;
            c.id = id;
            c.op = PulledChange::Op::Delete;
            gone << c;
        }
        const ApplyResult applied = m_store.applyPage(gone, {}, {});
        if (!applied.ok) {
            if (error)
                *error = applied.error;
            return false;
        }
        if (dropped)
            *dropped = applied.deleted;
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

QList<protocol::Record> SyncLedger::records(const QString &entity) const
{
    QList<protocol::Record> out;
    if (!protocol::Schema::instance().entity(entity))
        return out;
    QStringList ids;
    try {
        auto q = m_store.database()->query(
            QStringLiteral("SELECT id FROM %1 ORDER BY id").arg(protocol::quoteIdentifier(entity)));
        while (q->step())
            ids << q->text(0);
    } catch (const sql::SqlError &e) {
        qCWarning(lcSync) << "cannot list" << entity << ":" << e.text();
    }
    for (const QString &id : ids) {
        if (auto r = m_store.record(entity, id))
            out << *r;
    }
    return out;
}

} // namespace rounds
