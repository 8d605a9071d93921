// Store: the outbox, for the sync engine: what to push, and what the server answered about it.
#include "common/protocol/ddl.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

#include <QHash>

#include <algorithm>

namespace rounds {

using namespace storerows;

namespace {

// Changes made while an acknowledged one was on its way were based on a version the server has now
// moved past (or, after a create, on no version at all): re-base them on the answer, with the
// acknowledged change's values as their base where they had none.
void rebaseLater(sql::Database &db, const OutboxMutation &acked, qint64 newVersion)
{
    QList<std::pair<qint64, QJsonObject>> later;
    {
        auto q = db.query(QStringLiteral("SELECT seq, base FROM outbox WHERE entity = ?1 AND record_id = ?2 "
                                         "AND seq > ?3 AND state = 'pending' AND base_version < ?4"));
        q->bind(1, acked.entity);
        q->bind(2, acked.recordId);
        q->bind(3, std::int64_t(acked.seq));
        q->bind(4, std::int64_t(newVersion));
        while (q->step())
            later.append({q->int64(0), parseObject(q->textUtf8(1))});
    }
    for (auto &[seq, base] : later) {
        for (auto it = acked.set.begin(); it != acked.set.end(); ++it) {
            if (!base.contains(it.key()))
                base.insert(it.key(), it.value());
        }
        auto u = db.query(QStringLiteral("UPDATE outbox SET base_version = ?2, base = CASE op WHEN 'delete' "
                                         "THEN '{}' ELSE ?3 END WHERE seq = ?1"));
        u->bind(1, std::int64_t(seq));
        u->bind(2, std::int64_t(newVersion));
        u->bind(3, jsonText(base));
        u->run();
    }
}

std::optional<OutboxMutation> mutationById(sql::Database &db, const QString &mutationId)
{
    auto q = db.query(QStringLiteral("SELECT %1 FROM outbox WHERE mutation_id = ?1").arg(kOutboxColumns));
    q->bind(1, mutationId);
    if (!q->step())
        return std::nullopt;
    return readMutation(*q);
}

} // namespace

QList<OutboxMutation> Store::outbox() const
{
    if (!m_db)
        return {};
    return logged("outbox", QList<OutboxMutation>(), nullptr, [&] {
        QList<OutboxMutation> list;
        auto q = m_db->query(QStringLiteral("SELECT %1 FROM outbox ORDER BY seq").arg(kOutboxColumns));
        while (q->step())
            list << readMutation(*q);
        return list;
    });
}

int Store::pendingCount() const
{
    if (!m_db)
        return 0;
    return logged("pendingCount", 0, nullptr, [&] {
        return int(m_db->scalarInt(QStringLiteral("SELECT count(*) FROM outbox WHERE state <> 'rejected'")));
    });
}

std::optional<OutboxMutation> Store::mutation(const QString &mutationId, QString *error) const
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return std::nullopt;
    }
    return logged(
        "mutation", std::optional<OutboxMutation>(), error, [&] { return mutationById(*m_db, mutationId); });
}

namespace {

// The server takes a submitted visit's details only in the push that submits it (docs/sync-protocol.md).
// A full batch may have cut the outbox between a submit and the details queued after it: the batch then
// ends before its last locking change, which leads the next batch with what follows it. (A batch that
// starts with one is sent whole: there is nothing earlier to cut to.)
void keepLocksWithTheirDetails(QList<OutboxMutation> *batch, bool full)
{
    if (!full)
        return;
    for (qsizetype i = batch->size() - 1; i > 0; --i) {
        const OutboxMutation &m = batch->at(i);
        const protocol::Entity *e = protocol::Schema::instance().entity(m.entity);
        if (e && !e->readOnly.field.isEmpty()
            && m.set.value(e->readOnly.field).toString() == e->readOnly.value) {
            batch->resize(i);
            return;
        }
    }
}

// The server checks that every record a change names exists (docs/sync-protocol.md), and a later edit
// merges into a change still pending, which may sit ahead of a record it now names (a plan queued
// yesterday, marked done today with the new visit's id). So within a batch, a change that names a record
// created further on moves right behind that create. Bounded by the batch's size (a cycle of creates
// naming each other stays as it was).
void createsBeforeWhatNamesThem(QList<OutboxMutation> *batch)
{
    for (qsizetype round = 0; round < batch->size(); ++round) {
        QHash<QString, qsizetype> createdAt;
        for (qsizetype i = 0; i < batch->size(); ++i) {
            const OutboxMutation &m = batch->at(i);
            if (m.baseVersion == 0 && m.op != QLatin1String("delete"))
                createdAt.insert(m.recordId, i);
        }
        bool moved = false;
        for (qsizetype i = 0; i < batch->size() && !moved; ++i) {
            const OutboxMutation &m = batch->at(i);
            const protocol::Entity *e = protocol::Schema::instance().entity(m.entity);
            if (!e)
                continue;
            qsizetype last = i;
            for (const protocol::Field &f : e->fields) {
                if (f.type == protocol::FieldType::Ref)
                    last = std::max(last, createdAt.value(m.set.value(f.name).toString(), -1));
            }
            if (last > i) {
                batch->move(i, last);
                moved = true;
            }
        }
        if (!moved)
            return;
    }
}

} // namespace

QList<OutboxMutation> Store::takeForPush(int limit, QString *error)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return {};
    }
    return logged("takeForPush", QList<OutboxMutation>(), error, [&] {
        QList<OutboxMutation> list;
        sql::Transaction tx(*m_db);
        auto q = m_db->query(QStringLiteral(
            "SELECT %1 FROM outbox WHERE state IN ('sending', 'pending') ORDER BY seq LIMIT ?1")
                                 .arg(kOutboxColumns));
        q->bind(1, limit);
        // One change per record per batch: a later change is re-based on the answer to the earlier one
        // (acknowledge) before it is sent, instead of reaching the server with a base from before it.
        QSet<QString> records;
        int rows = 0;
        while (q->step()) {
            ++rows;
            OutboxMutation m = readMutation(*q);
            const QString key = recordKey(m.entity, m.recordId);
            if (records.contains(key))
                continue;
            records.insert(key);
            list << m;
        }
        keepLocksWithTheirDetails(&list, rows == limit);
        createsBeforeWhatNamesThem(&list);
        auto mark = m_db->query(QStringLiteral("UPDATE outbox SET state = 'sending' WHERE seq = ?1"));
        for (OutboxMutation &m : list) {
            mark->bind(1, std::int64_t(m.seq));
            mark->run();
            mark->reset();
            m.state = QStringLiteral("sending");
        }
        tx.commit();
        return list;
    });
}

bool Store::acknowledge(const QString &mutationId, qint64 newVersion, QString *error)
{
    if (!m_db)
        return false;
    std::optional<OutboxMutation> acked;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        acked = mutationById(*m_db, mutationId);
        if (!acked)
            return;
        deleteMutation(*m_db, mutationId);
        if (newVersion > 0)
            rebaseLater(*m_db, *acked, newVersion);
        const protocol::Entity *e = protocol::Schema::instance().entity(acked->entity);
        if (e && newVersion > 0) {
            // The server now has our values at this version; the next pull brings its full copy.
            auto q = m_db->query(QStringLiteral("UPDATE %1 SET version = ?2 WHERE id = ?1 AND version < ?2")
                                     .arg(protocol::quoteIdentifier(e->name)));
            q->bind(1, acked->recordId);
            q->bind(2, std::int64_t(newVersion));
            q->run();
        }
        dropShadowIfIdle(*m_db, acked->entity, acked->recordId);
        tx.commit();
    });
    if (!ok)
        return false;
    if (!acked) {
        if (error)
            *error = tr("No change %1 is waiting to be sent.").arg(mutationId);
        return false;
    }
    emit recordsChanged(acked->entity, {acked->recordId});
    return true;
}

bool Store::reject(const QString &mutationId, const QString &code, const QString &message,
    const QString &field, QString *error)
{
    if (!m_db)
        return false;
    bool found = false;
    std::optional<OutboxMutation> refused;
    const bool ok = guarded(error, [&] {
        refused = mutationById(*m_db, mutationId);
        auto q = m_db->query(
            QStringLiteral("UPDATE outbox SET state = 'rejected', error_code = ?2, error_message = ?3, "
                           "error_field = ?4 WHERE mutation_id = ?1"));
        q->bind(1, mutationId);
        q->bind(2, code);
        q->bind(3, message);
        q->bind(4, field.isEmpty() ? QString() : field);
        q->run();
        found = m_db->changes() > 0;
    });
    if (ok && !found && error)
        *error = tr("No change %1 is waiting to be sent.").arg(mutationId);
    // The record is no longer "waiting to be sent", and the refused list has a new row.
    if (ok && found && refused)
        emit recordsChanged(refused->entity, {refused->recordId});
    return ok && found;
}

bool Store::discardRejected(const QString &mutationId, QString *error)
{
    if (!m_db)
        return false;
    QString failure;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        const std::optional<OutboxMutation> m = mutationById(*m_db, mutationId);
        if (!m || m->state != QLatin1String("rejected")) {
            failure = QStringLiteral("there is no rejected change %1").arg(mutationId);
            return;
        }
        const bool wasCreate = m->op == QLatin1String("upsert") && m->baseVersion == 0;
        const std::optional<protocol::Record> server = shadow(m->entity, m->recordId);
        // The record left this laptop meanwhile (deleted on the server, or out of scope): giving up the
        // change must not bring it back.
        const bool gone = wasCreate || !record(m->entity, m->recordId).has_value();
        deleteMutation(*m_db, mutationId);
        // Back to the server's copy, through the apply path so any other pending change stays on top.
        // An edit whose server copy was not kept leaves the row: the next change to it corrects it.
        if (gone || server) {
            if (!applyServerCopy(m->entity, m->recordId,
                    gone ? QJsonObject() : protocol::encodeRecord(*server), gone, &failure))
                return;
            dropShadowIfIdle(*m_db, m->entity, m->recordId);
        }
        tx.commit();
    });
    if (ok && !failure.isEmpty() && error)
        *error = failure;
    return ok && failure.isEmpty();
}

bool Store::resendRejected(const QString &mutationId, QString *error)
{
    if (!m_db)
        return false;
    bool found = false;
    std::optional<OutboxMutation> m;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        m = mutationById(*m_db, mutationId);
        if (!m || m->state != QLatin1String("rejected"))
            return;
        // A new mutation_id (the server answers a known one with its first answer again) and the end of
        // the queue (after whatever made it acceptable, a consent captured since).
        auto q = m_db->query(QStringLiteral(
            "UPDATE outbox SET state = 'pending', error_code = NULL, error_message = NULL, error_field = NULL, "
            "mutation_id = ?2, seq = (SELECT max(seq) + 1 FROM outbox) WHERE mutation_id = ?1"));
        q->bind(1, mutationId);
        q->bind(2, protocol::newUuid());
        q->run();
        found = m_db->changes() > 0;
        tx.commit();
    });
    if (ok && !found && error)
        *error = tr("No refused change %1.").arg(mutationId);
    if (ok && found) {
        emit recordsChanged(m->entity, {m->recordId});
        emit localChangeQueued(m->entity, m->recordId);
    }
    return ok && found;
}

} // namespace rounds
