// Store: the apply path, for the sync engine. Pulled pages, and the server's copy of one record from a
// push answer, go through one PageApplier, so pending local values stay on top either way.
#include "common/protocol/pullpage.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/entitysqlcache.h"
#include "models/store/pageapplier.h"
#include "models/store/storeguard.h"

namespace rounds {

using protocol::Entity;
using protocol::Schema;

namespace {

// The page's cursors as the protocol's one cursor rule advances them (a revoked bucket keeps none; its
// stored cursor goes with the bucket in PageApplier::revokeBucket).
void storeCursors(sql::Database &db, const QHash<QString, qint64> &cursors, const QStringList &revokedBuckets)
{
    auto q = db.query(QStringLiteral("INSERT INTO sync_cursor (bucket, seq) VALUES (?1, ?2) "
                                     "ON CONFLICT(bucket) DO UPDATE SET seq = excluded.seq"));
    const protocol::Cursors advanced = protocol::advanceCursors({}, cursors, revokedBuckets);
    for (auto it = advanced.begin(); it != advanced.end(); ++it) {
        q->bind(1, it.key());
        q->bind(2, std::int64_t(it.value()));
        q->run();
        q->reset();
    }
}

void storeEpoch(sql::Database &db, const QString &epoch)
{
    auto q = db.query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES ('epoch', ?1) "
                                     "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
    q->bind(1, epoch);
    q->run();
}

void applyChange(PageApplier &applier, const PulledChange &c)
{
    const Entity *e = Schema::instance().entity(c.entity);
    if (!e) {
        ++applier.result().skipped;
        return;
    }
    switch (c.op) {
    case PulledChange::Op::Upsert:
        applier.upsert(*e, c.id, c.bucket, c.record);
        break;
    case PulledChange::Op::Delete:
        applier.remove(*e, c.id);
        break;
    case PulledChange::Op::Revoke:
        applier.revoke(*e, c.id, c.bucket);
        break;
    }
}

} // namespace

bool Store::applyWith(
    const std::function<void(PageApplier &)> &body, ApplyResult *result, QString *error, const char *what)
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return false;
    }
    ApplyResult applied;
    QHash<QString, QStringList> changed;
    const bool ok = catchSql(
        [&] {
            sql::Transaction tx(*m_db);
            PageApplier applier(*m_db, *m_apply);
            body(applier);
            crashHook("apply-before-commit");
            tx.commit();
            applied = applier.result();
            changed = applier.changed();
            return true;
        },
        [&](const sql::SqlError &err) {
            if (error)
                *error = tr("Could not store the downloaded changes: %1").arg(err.message());
            qCWarning(lcStore) << what << err.text();
            return false;
        });
    if (!ok)
        return false;
    applied.ok = true;
    if (result)
        *result = applied;
    for (auto it = changed.begin(); it != changed.end(); ++it)
        emit recordsChanged(it.key(), it.value());
    return true;
}

ApplyResult Store::applyPage(const QList<PulledChange> &changes, const QHash<QString, qint64> &cursors,
    const QStringList &revokedBuckets, const QString &epoch)
{
    ApplyResult result;
    applyWith(
        [&](PageApplier &applier) {
            for (const PulledChange &c : changes)
                applyChange(applier, c);
            for (const QString &bucket : revokedBuckets)
                applier.revokeBucket(bucket);
            storeCursors(*m_db, cursors, revokedBuckets);
            if (!epoch.isEmpty())
                storeEpoch(*m_db, epoch);
        },
        &result, &result.error, "applyPage");
    return result;
}

bool Store::applyServerCopy(
    const QString &entity, const QString &id, const QJsonObject &serverRecord, bool deleted, QString *error)
{
    const Entity *e = Schema::instance().entity(entity);
    if (!e)
        return true; // an entity this build does not know has no row to write (a pulled one is skipped)
    // The buckets that hold the record here keep holding it: the copy needs no bucket of its own.
    return applyWith(
        [&](PageApplier &applier) {
            if (deleted)
                applier.remove(*e, id);
            else
                applier.upsert(*e, id, QString(), serverRecord);
        },
        nullptr, error, "applyServerCopy");
}

bool Store::dropRecords(const QList<QPair<QString, QString>> &records, int *deleted, QString *error)
{
    ApplyResult result;
    const bool ok = applyWith(
        [&](PageApplier &applier) {
            for (const auto &[entity, id] : records) {
                if (const Entity *e = Schema::instance().entity(entity))
                    applier.remove(*e, id);
                else
                    ++applier.result().skipped;
            }
        },
        &result, error, "dropRecords");
    if (deleted)
        *deleted = result.deleted;
    return ok;
}

bool Store::dropUnheld(const QSet<QPair<QString, QString>> &records, int *dropped, QString *error)
{
    // Records kept only because a change to them was pending when their last bucket let them go
    // (a revoke, a realignment): once nothing is pending, they leave like any revoked record.
    if (!m_db)
        return false;
    QList<QPair<QString, QString>> gone;
    const bool ok = guarded(error, [&] {
        auto q = m_db->query(QStringLiteral(
            "SELECT NOT EXISTS (SELECT 1 FROM record_bucket WHERE entity = ?1 AND record_id = ?2) "
            "AND NOT EXISTS (SELECT 1 FROM outbox WHERE entity = ?1 AND record_id = ?2)"));
        for (const auto &[entity, id] : records) {
            const std::optional<protocol::Record> r = record(entity, id);
            if (!r || r->version <= 0)
                continue;
            q.bindAll(entity, id);
            const bool unheld = q->step() && q->int64(0) != 0;
            q->reset();
            if (unheld)
                gone.append({entity, id});
        }
    });
    return ok && dropRecords(gone, dropped, error);
}

QHash<QString, qint64> Store::cursors(QString *error) const
{
    if (!m_db) {
        if (error)
            *error = tr("The local database is not open.");
        return {};
    }
    return logged("cursors", QHash<QString, qint64>(), error, [&] {
        QHash<QString, qint64> out;
        auto q = m_db->query(QStringLiteral("SELECT bucket, seq FROM sync_cursor"));
        while (q->step())
            out.insert(q->text(0), q->int64(1));
        return out;
    });
}

QStringList Store::bucketsOf(const QString &entity, const QString &id) const
{
    if (!m_db)
        return {};
    return logged("bucketsOf", QStringList(), nullptr, [&] {
        QStringList out;
        auto q = m_db->query(QStringLiteral(
            "SELECT bucket FROM record_bucket WHERE entity = ?1 AND record_id = ?2 ORDER BY bucket"));
        q->bind(1, entity);
        q->bind(2, id);
        while (q->step())
            out << q->text(0);
        return out;
    });
}

} // namespace rounds
