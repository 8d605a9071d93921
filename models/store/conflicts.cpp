// Store: conflicts the server could not settle, kept with base / mine / theirs until the user decides.
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

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

ConflictItem readConflict(sql::Statement &q)
{
    ConflictItem c;
    c.id = q.int64(0);
    c.entity = q.text(1);
    c.recordId = q.text(2);
    c.mutationId = q.text(3);
    c.field = q.text(4);
    c.base = textValue(q.text(5));
    c.mine = textValue(q.text(6));
    c.theirs = textValue(q.text(7));
    c.createdAt = q.text(8);
    c.resolved = q.int64(9) != 0;
    c.resolution = q.text(10);
    return c;
}

} // namespace

bool Store::addConflicts(const QList<ConflictItem> &items, qint64 *lastId, QString *error)
{
    if (!m_db)
        return false;
    return guarded(error, [&] {
        const QString now = protocol::nowUtc();
        auto insert = m_db->query(QStringLiteral(
            "INSERT INTO conflict(entity, record_id, mutation_id, field, base, mine, theirs, created_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"));
        for (const ConflictItem &c : items) {
            // A conflict about the whole record has an empty field, never a missing one.
            const QString field = c.field.isNull() ? QStringLiteral("") : c.field;
            insert.bindAll(c.entity, c.recordId, c.mutationId, field, valueText(c.base), valueText(c.mine),
                valueText(c.theirs), now);
            insert->run();
            insert->reset();
        }
        if (lastId)
            *lastId = m_db->lastInsertRowId();
    });
}

QList<ConflictItem> Store::conflicts(bool openOnly) const
{
    if (!m_db)
        return {};
    return logged("conflicts", QList<ConflictItem>(), nullptr, [&] {
        QList<ConflictItem> out;
        auto q = m_db->query(QStringLiteral(
            "SELECT id, entity, record_id, mutation_id, field, base, mine, theirs, created_at, "
            "resolved, resolution FROM conflict WHERE resolved = 0 OR ?1 = 0 ORDER BY id"));
        q->bind(1, openOnly);
        while (q->step())
            out << readConflict(*q);
        return out;
    });
}

int Store::openConflictCount() const
{
    if (!m_db)
        return 0;
    return logged("openConflictCount", 0, nullptr, [&] {
        return int(m_db->scalarInt(QStringLiteral("SELECT count(*) FROM conflict WHERE resolved = 0")));
    });
}

bool Store::markConflictResolved(
    qint64 conflictId, const QString &choice, const QJsonValue &value, QString *error)
{
    if (!m_db)
        return false;
    return guarded(error, [&] {
        auto q = m_db->query(
            QStringLiteral("UPDATE conflict SET resolved = 1, resolution = ?2, resolved_value = ?3, "
                           "resolved_at = ?4 WHERE id = ?1"));
        q.bindAll(conflictId, choice, valueText(value), protocol::nowUtc());
        q->run();
    });
}

int Store::closeConflicts(const QList<qint64> &conflictIds)
{
    if (!m_db)
        return 0;
    int closed = 0;
    logged("closeConflicts", false, nullptr, [&] {
        auto q = m_db->query(QStringLiteral(
            "UPDATE conflict SET resolved = 1, resolution = 'theirs', resolved_at = ?2 WHERE id = ?1"));
        for (const qint64 id : conflictIds) {
            q.bindAll(id, protocol::nowUtc());
            q->run();
            q->reset();
            ++closed;
        }
        return true;
    });
    return closed;
}

bool Store::restoreDeleted(const QString &entity, const QString &id, qint64 tombstoneVersion,
    const QJsonObject &fields, QString *error)
{
    if (!m_db)
        return false;
    bool applied = false;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        const QString now = protocol::nowUtc();
        auto q = m_db->query(QStringLiteral(
            "INSERT INTO outbox (mutation_id, entity, record_id, op, base_version, base, \"set\", "
            "created_at, updated_at, state) VALUES (?1, ?2, ?3, 'upsert', ?4, '{}', ?5, ?6, ?6, 'pending')"));
        q.bindAll(protocol::newUuid(), entity, id, tombstoneVersion, storerows::jsonText(fields), now);
        q->run();
        QJsonObject record = fields;
        record.insert(protocol::Base::Id, id);
        record.insert(protocol::Base::Version, tombstoneVersion > 0 ? tombstoneVersion : 1);
        applied = applyServerCopy(entity, id, record, false, error);
        if (applied)
            tx.commit();
    });
    if (ok && applied)
        emit localChangeQueued(entity, id);
    return ok && applied;
}

} // namespace rounds
