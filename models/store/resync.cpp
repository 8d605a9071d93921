// Store: the full re-sync after the server's epoch changed (a restored server).
#include "common/protocol/ddl.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store.h"
#include "models/store/storeguard.h"
#include "models/store/storerows.h"

namespace rounds {

namespace {

const QString kResyncEpoch = QStringLiteral("resync_epoch");

// Records only stale bucket memberships hold (the new data does not have them); with `nothingPending`,
// only those without a change waiting in the outbox.
QList<QPair<QString, QString>> staleOnly(sql::Database &db, bool nothingPending)
{
    QString sqlText = QStringLiteral(
        "SELECT DISTINCT s.entity, s.record_id FROM record_bucket s WHERE s.bucket LIKE 'stale:%' AND NOT "
        "EXISTS "
        "(SELECT 1 FROM record_bucket b WHERE b.entity = s.entity AND b.record_id = s.record_id "
        "AND b.bucket NOT LIKE 'stale:%')");
    if (nothingPending)
        sqlText += QStringLiteral(" AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = s.entity AND "
                                  "o.record_id = s.record_id AND o.state <> 'rejected')");
    QList<QPair<QString, QString>> out;
    auto q = db.query(sqlText);
    while (q->step())
        out.append({q->text(0), q->text(1)});
    return out;
}

} // namespace

// A re-sync renames every bucket membership to "stale:<bucket>". Records the new data sends get their
// real membership back through the apply path; what still has only stale ones at the end is gone from
// the server. Until then stale rows keep records "held", so nothing disappears mid-way.
bool Store::beginResync(const QString &epoch, QString *error)
{
    if (!m_db)
        return false;
    bool stored = false;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        m_db->exec(QStringLiteral(
            "UPDATE OR IGNORE record_bucket SET bucket = 'stale:' || bucket WHERE bucket NOT LIKE 'stale:%'; "
            "DELETE FROM record_bucket WHERE bucket NOT LIKE 'stale:%'; "
            "UPDATE sync_cursor SET seq = 0;"));
        // A restored server may hold older versions than we do: mark every synced version as "from the
        // old data" (negative), so that whatever the new data sends replaces it.
        for (const protocol::Entity &e : protocol::Schema::instance().entities())
            m_db->exec(QStringLiteral("UPDATE %1 SET version = -version WHERE version > 0")
                           .arg(protocol::quoteIdentifier(e.name)));
        m_db->exec(QStringLiteral("UPDATE shadow SET version = -version WHERE version > 0"));
        stored = setMeta(kResyncEpoch, epoch) && setMeta(QStringLiteral("epoch"), epoch);
        if (stored)
            tx.commit();
    });
    if (ok && !stored && error)
        *error = QStringLiteral("cannot record the new server epoch");
    return ok && stored;
}

bool Store::resyncUnderway() const
{
    return !meta(kResyncEpoch).isEmpty();
}

bool Store::finishResync(QString *error)
{
    if (meta(kResyncEpoch).isEmpty())
        return true;
    bool done = false;
    int dropped = 0;
    const bool ok = guarded(error, [&] {
        sql::Transaction tx(*m_db);
        // What the restored server no longer has goes like a pulled delete; the apply path keeps records
        // with pending local changes, which are pushed again.
        if (!dropRecords(staleOnly(*m_db, false), &dropped, error) || !rebasePending(error))
            return;
        m_db->exec(QStringLiteral("DELETE FROM record_bucket WHERE bucket LIKE 'stale:%'"));
        setMeta(kResyncEpoch, QString());
        tx.commit();
        done = true;
    });
    if (done)
        qCInfo(lcStore) << "re-sync finished;" << dropped << "records the server no longer has were dropped";
    return ok && done;
}

// Pending changes now meet the new data: edits of records it has are re-based on its versions; edits of
// records it lacks become creates of the whole record (nothing typed is dropped); deletes of records it
// lacks are done already.
bool Store::rebasePending(QString *error)
{
    struct Row
    {
        qint64 seq;
        QString entity, id, op;
        bool onServer;
    };
    QList<Row> rows;
    {
        auto q = m_db->query(QStringLiteral(
            "SELECT o.seq, o.entity, o.record_id, o.op, EXISTS (SELECT 1 FROM record_bucket b WHERE "
            "b.entity = o.entity AND b.record_id = o.record_id AND b.bucket NOT LIKE 'stale:%') FROM outbox "
            "o "
            "WHERE o.state <> 'rejected' AND o.base_version <> 0 ORDER BY o.seq"));
        while (q->step())
            rows << Row {q->int64(0), q->text(1), q->text(2), q->text(3), q->int64(4) != 0};
    }
    for (const Row &r : rows) {
        const std::optional<protocol::Record> visible = record(r.entity, r.id);
        if (r.onServer) {
            const std::optional<protocol::Record> server = shadow(r.entity, r.id);
            const qint64 version = server && server->version > 0 ? server->version
                : visible                                        ? visible->version
                                                                 : 0;
            auto u = m_db->query(QStringLiteral("UPDATE outbox SET base_version = ?2 WHERE seq = ?1"));
            u.bindAll(r.seq, version);
            u->run();
        } else if (r.op == QLatin1String("delete") || !visible) {
            auto d = m_db->query(QStringLiteral("DELETE FROM outbox WHERE seq = ?1"));
            d->bind(1, r.seq);
            d->run();
        } else {
            auto u = m_db->query(QStringLiteral(
                "UPDATE outbox SET base_version = 0, base = '{}', \"set\" = ?2 WHERE seq = ?1"));
            u.bindAll(r.seq, storerows::jsonText(visible->fields));
            u->run();
            auto v = m_db->query(QStringLiteral("UPDATE %1 SET version = 0 WHERE id = ?1")
                                     .arg(protocol::quoteIdentifier(r.entity)));
            v->bind(1, r.id);
            v->run();
            auto sh = m_db->query(QStringLiteral("DELETE FROM shadow WHERE entity = ?1 AND record_id = ?2"));
            sh.bindAll(r.entity, r.id);
            sh->run();
        }
    }
    // Records the new data lacks whose pending change was a delete: gone locally too.
    return dropRecords(staleOnly(*m_db, true), nullptr, error);
}

bool Store::dropWithheld(const QString &role, int *dropped, QString *error)
{
    *dropped = 0;
    const protocol::Role r = protocol::roleFromString(role);
    if (!m_db || r == protocol::NoRole)
        return m_db != nullptr;
    QList<QPair<QString, QString>> withheld;
    const bool ok = guarded(error, [&] {
        for (const QString &entity : protocol::Schema::instance().withheldFrom(r)) {
            auto q = m_db->query(QStringLiteral("SELECT id FROM %1").arg(protocol::quoteIdentifier(entity)));
            while (q->step())
                withheld.append({entity, q->text(0)});
        }
    });
    if (!ok)
        return false;
    if (withheld.isEmpty())
        return true;
    qCInfo(lcStore) << "dropping" << withheld.size() << "records the role" << role << "may not hold";
    return dropRecords(withheld, dropped, error);
}

} // namespace rounds
