#include "server/historyservice.h"

#include "common/protocol/errors.h"
#include "common/protocol/historypage.h"
#include "common/protocol/schema.h"
#include "server/feed.h"
#include "server/privacyrules.h"

#include <QHash>

namespace rounds::server {

using protocol::HistoryEntry;
using protocol::HistoryPage;

namespace {

// Rows are read in chunks until one entry more than the page holds has begun (so every entry sent is
// whole) or the trail ends.
constexpr int kChunkRows = 500;
constexpr int kMaxIdLength = 200;

bool sameChange(const HistoryEntry &e, const AuditEntry &row)
{
    return e.at == row.at && e.userId == row.userId && e.device == row.device
        && e.mutationId == row.mutationId && e.op == row.op && e.note == row.note;
}

// Entries written before the audit kept its operation: a "*" row is a delete, a refused merge value a
// rejection, the record's first change its creation, anything else an update.
void deriveOperation(HistoryEntry &e, bool deleted, bool first)
{
    if (!e.op.isEmpty())
        return;
    e.op = deleted                                     ? QStringLiteral("delete")
        : e.note.startsWith(QLatin1String("rejected")) ? QStringLiteral("rejected")
        : first                                        ? QStringLiteral("create")
                                                       : QStringLiteral("update");
}

// The one answer for a record the caller may not read and for one that does not exist, so it tells
// nothing about which it is.
ApiReply notFound()
{
    return ApiReply::error(
        404, protocol::ErrorCode::NotFound, QStringLiteral("no record you may read has this id"));
}

// Whoever pulls a bucket the record is in may read it; a deleted record is judged by where it would be.
bool mayRead(StoreReader &r, const Principal &user, const StoredRecord &record)
{
    // An entity the role never pulls (a rep and sales_fact: no per-institution sales, the China rule)
    // has no history for it either, whatever its buckets.
    const protocol::Entity *e = protocol::Schema::instance().entity(record.entity);
    if (!e || !e->readableBy(user.role))
        return false;
    if (user.scope.everything)
        return true;
    StoredRecord live = record;
    live.deleted = false;
    const QStringList buckets
        = record.deleted ? Feed::bucketsFor(r, live) : r.buckets(record.entity, record.record.id);
    for (const QString &b : buckets) {
        if (user.scope.hasBucket(b))
            return true;
    }
    return false;
}

QList<HistoryEntry> readEntries(
    StoreReader &r, const QString &entity, const QString &id, qint64 after, int limit, bool *more)
{
    QList<HistoryEntry> entries;
    QList<bool> deleted; // per entry: it holds the "*" row of a delete
    qint64 cursor = after;
    bool exhausted = false;
    while (entries.size() <= limit && !exhausted) {
        const QList<AuditEntry> rows = r.audit(entity, id, cursor, kChunkRows);
        exhausted = rows.size() < kChunkRows;
        for (const AuditEntry &row : rows) {
            if (entries.isEmpty() || !sameChange(entries.last(), row)) {
                entries << HistoryEntry {
                    0, row.at, row.userId, {}, row.device, row.mutationId, row.op, row.note, {}};
                deleted << false;
            }
            entries.last().seq = row.seq;
            if (row.field == QLatin1String("*"))
                deleted.last() = true;
            else
                entries.last().changes << protocol::HistoryChange {row.field, row.oldValue, row.newValue};
            cursor = row.seq;
        }
    }
    *more = entries.size() > limit;
    if (*more)
        entries.resize(limit);
    for (qsizetype i = 0; i < entries.size(); ++i)
        deriveOperation(entries[i], deleted.at(i), after == 0 && i == 0);
    return entries;
}

} // namespace

ApiReply HistoryService::history(const Principal &user, const QUrlQuery &query)
{
    using protocol::ErrorCode::InvalidRequest;
    const QString entity = query.queryItemValue(QStringLiteral("entity"), QUrl::FullyDecoded);
    const QString id = query.queryItemValue(QStringLiteral("id"), QUrl::FullyDecoded);
    if (!protocol::Schema::instance().entity(entity))
        return ApiReply::error(400, InvalidRequest,
            QStringLiteral("'entity' must name an entity of the schema"), QStringLiteral("entity"));
    if (id.isEmpty() || id.size() > kMaxIdLength)
        return ApiReply::error(400, InvalidRequest,
            QStringLiteral("'id' must be a record id of 1 to %1 characters").arg(kMaxIdLength),
            QStringLiteral("id"));
    bool ok = true;
    const QString afterText = query.queryItemValue(QStringLiteral("after"));
    const qint64 after = afterText.isEmpty() ? 0 : afterText.toLongLong(&ok);
    if (!ok || after < 0)
        return ApiReply::error(400, InvalidRequest, QStringLiteral("'after' must be a seq of 0 or more"),
            QStringLiteral("after"));
    const QString limitText = query.queryItemValue(QStringLiteral("limit"));
    const int limit = limitText.isEmpty() ? kDefaultLimit : limitText.toInt(&ok);
    if (!ok || limit < 1 || limit > kMaxLimit)
        return ApiReply::error(400, InvalidRequest,
            QStringLiteral("'limit' must be from 1 to %1").arg(kMaxLimit), QStringLiteral("limit"));

    HistoryPage page {entity, id, {}, false, after};
    bool found = false;
    QString error;
    const bool read = m_storage.read(
        [&](StoreReader &r) {
            const std::optional<StoredRecord> record = r.record(entity, id);
            found = record && mayRead(r, user, *record);
            if (!found)
                return;
            page.entries = readEntries(r, entity, id, after, limit, &page.more);
            // What the role is not sent is not shown in the history either (docs/privacy.md).
            const protocol::privacy::WithheldFields hidden = privacyrules::withheldFrom(r, user.role);
            QHash<QString, QString> names;
            for (HistoryEntry &e : page.entries) {
                privacyrules::stripHistory(hidden, entity, e.changes);
                if (!names.contains(e.userId)) {
                    const std::optional<UserRow> u = e.userId.isEmpty() ? std::nullopt : r.userById(e.userId);
                    names.insert(e.userId, u ? u->displayName : QString());
                }
                e.userName = names.value(e.userId);
                page.nextAfter = e.seq;
            }
        },
        &error);
    if (!read)
        return ApiReply::error(
            500, protocol::ErrorCode::Internal, QStringLiteral("the server could not read its data"));
    if (!found)
        return notFound();
    return ApiReply::ok(page.toJson());
}

} // namespace rounds::server
