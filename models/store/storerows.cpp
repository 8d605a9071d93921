#include "models/store/storerows.h"

#include "common/protocol/values.h"
#include "common/sqlite/database.h"

#include <QJsonDocument>

namespace rounds::storerows {

using protocol::Entity;
using protocol::Field;
using protocol::Record;

const QString kOutboxColumns
    = QStringLiteral("seq, mutation_id, entity, record_id, op, base_version, base, \"set\", "
                     "created_at, state, error_code, error_message, error_field");

QString jsonText(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject parseObject(const QByteArray &utf8)
{
    if (utf8.isEmpty())
        return {};
    return QJsonDocument::fromJson(utf8).object();
}

QString recordKey(const QString &entity, const QString &id)
{
    return entity + QLatin1Char('\x1f') + id;
}

std::optional<Record> readRow(sql::Database &db, const EntitySql &s, const Entity &e, const QString &id)
{
    auto q = db.query(s.select);
    q->bind(1, id);
    if (!q->step())
        return std::nullopt;
    Record r;
    r.id = q->text(0);
    r.version = q->int64(1);
    r.updatedAt = q->text(2);
    r.updatedBy = q->text(3);
    int col = 4;
    for (const Field &f : e.fields)
        r.fields.insert(f.name, protocol::fromStorage(f, q->json(col++)));
    r.extra = parseObject(q->textUtf8(col));
    return r;
}

void writeRow(sql::Database &db, const QString &sqlText, const Entity &e, const Record &r)
{
    auto q = db.query(sqlText);
    q->bind(1, r.id);
    q->bind(2, std::int64_t(r.version));
    q->bind(3, r.updatedAt.isEmpty() ? QString() : r.updatedAt);
    q->bind(4, r.updatedBy.isEmpty() ? QString() : r.updatedBy);
    int pos = 5;
    for (const Field &f : e.fields)
        q->bind(pos++, protocol::toStorage(f, r.fields.value(f.name)));
    if (r.extra.isEmpty())
        q->bindNull(pos);
    else
        q->bind(pos, jsonText(r.extra));
    q->run();
}

void deleteRow(sql::Database &db, const EntitySql &s, const QString &id)
{
    auto q = db.query(s.remove);
    q->bind(1, id);
    q->run();
}

// The server sends canonical values, so the hot path does not validate each field again; fields this
// build does not know go to `extra` untouched.
bool bindPulled(sql::Statement &q, const Entity &e, const QJsonObject &json)
{
    const QJsonValue id = json.value(protocol::Base::Id);
    const QJsonValue version = json.value(protocol::Base::Version);
    if (!id.isString() || !version.isDouble() || version.toInteger() < 1)
        return false;
    q.bind(1, id.toString());
    q.bind(2, std::int64_t(version.toInteger()));
    q.bind(3, json.value(protocol::Base::UpdatedAt));
    q.bind(4, json.value(protocol::Base::UpdatedBy));
    int known
        = 2 + int(json.contains(protocol::Base::UpdatedAt)) + int(json.contains(protocol::Base::UpdatedBy));
    int pos = 5;
    for (const Field &f : e.fields) {
        const QJsonValue v = json.value(f.name);
        if (!v.isUndefined())
            ++known;
        q.bind(pos++, protocol::toStorage(f, v));
    }
    if (known == json.size()) {
        q.bindNull(pos);
        return true;
    }
    QJsonObject extra;
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!protocol::Base::isBaseField(it.key()) && !e.hasField(it.key()))
            extra.insert(it.key(), it.value());
    }
    q.bind(pos, jsonText(extra));
    return true;
}

OutboxMutation readMutation(sql::Statement &q)
{
    OutboxMutation m;
    m.seq = q.int64(0);
    m.mutationId = q.text(1);
    m.entity = q.text(2);
    m.recordId = q.text(3);
    m.op = q.text(4);
    m.baseVersion = q.int64(5);
    m.base = parseObject(q.textUtf8(6));
    m.set = parseObject(q.textUtf8(7));
    m.createdAt = q.text(8);
    m.state = q.text(9);
    m.errorCode = q.text(10);
    m.errorMessage = q.text(11);
    m.errorField = q.text(12);
    return m;
}

std::optional<OutboxMutation> pendingMutation(sql::Database &db, const QString &entity, const QString &id)
{
    auto q = db.query(
        QStringLiteral("SELECT %1 FROM outbox WHERE entity = ?1 AND record_id = ?2 AND state = 'pending'")
            .arg(kOutboxColumns));
    q->bind(1, entity);
    q->bind(2, id);
    if (!q->step())
        return std::nullopt;
    return readMutation(*q);
}

void insertMutation(sql::Database &db, const OutboxMutation &m)
{
    auto q = db.query(
        QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, base_version, base, "
                       "\"set\", created_at, updated_at, state, error_code, error_message, error_field) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9, ?10, ?11, ?12)"));
    q->bind(1, m.mutationId);
    q->bind(2, m.entity);
    q->bind(3, m.recordId);
    q->bind(4, m.op);
    q->bind(5, std::int64_t(m.baseVersion));
    q->bind(6, jsonText(m.base));
    q->bind(7, jsonText(m.set));
    q->bind(8, m.createdAt.isEmpty() ? protocol::nowUtc() : m.createdAt);
    q->bind(9, m.state.isEmpty() ? QStringLiteral("pending") : m.state);
    q->bind(10, m.errorCode);
    q->bind(11, m.errorMessage);
    q->bind(12, m.errorField);
    q->run();
}

void deleteMutation(sql::Database &db, const QString &mutationId)
{
    auto q = db.query(QStringLiteral("DELETE FROM outbox WHERE mutation_id = ?1"));
    q->bind(1, mutationId);
    q->run();
}

bool hasOutboxRows(sql::Database &db, const QString &entity, const QString &id)
{
    auto q = db.query(QStringLiteral("SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2 LIMIT 1"));
    q->bind(1, entity);
    q->bind(2, id);
    return q->step();
}

void saveShadowIfMissing(sql::Database &db, const QString &entity, const Record &serverCopy)
{
    auto q = db.query(QStringLiteral(
        "INSERT OR IGNORE INTO shadow (entity, record_id, version, record) VALUES (?1, ?2, ?3, ?4)"));
    q->bind(1, entity);
    q->bind(2, serverCopy.id);
    q->bind(3, std::int64_t(serverCopy.version));
    q->bind(4, jsonText(protocol::encodeRecord(serverCopy)));
    q->run();
}

void dropShadowIfIdle(sql::Database &db, const QString &entity, const QString &id)
{
    if (hasOutboxRows(db, entity, id))
        return;
    auto q = db.query(QStringLiteral("DELETE FROM shadow WHERE entity = ?1 AND record_id = ?2"));
    q->bind(1, entity);
    q->bind(2, id);
    q->run();
}

} // namespace rounds::storerows
