#include "models/alignments.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/companysettings.h"
#include "models/hcpquery.h"
#include "models/log.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"
#include "models/store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cmath>
#include <limits>

namespace rounds {

namespace {

QString iso(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

QDate todayOr(const QDate &d)
{
    return d.isValid() ? d : QDate::currentDate();
}

// The ids in their first order, each once: an id picked twice is aligned or moved once.
QStringList distinct(QStringList ids)
{
    ids.removeDuplicates();
    return ids;
}

QList<QVariantList> select(Store *store, const QString &sql, const QVariantList &binds)
{
    return selectRows(*store->database(), sql, binds);
}

// Runs `body` (a series of Store writes) in one transaction; the first failed write undoes them all.
template<typename Body> AlignmentEditResult inTransaction(Store *store, Body body)
{
    AlignmentEditResult r;
    if (!store || !store->database()) {
        r.error = Alignments::tr("The local store is not open.");
        return r;
    }
    bool rolledBack = false;
    catchSql(
        [&] {
            sql::Transaction tx(*store->database());
            if (body(r)) {
                tx.commit();
                r.ok = true;
            } else {
                rolledBack = true;
                r.changed = 0;
            }
        },
        [&](const sql::SqlError &e) {
            qCWarning(lcStore) << "alignment edit failed:" << e.text();
            r.ok = false;
            r.changed = 0;
            r.error = e.text();
            rolledBack = true;
        });
    if (rolledBack) // the views saw the writes that were undone: let them read again
        store->announceChanges(QStringLiteral("alignment"), {});
    return r;
}

bool check(const WriteResult &w, AlignmentEditResult &r)
{
    if (!w.ok) {
        r.error = w.error;
        return false;
    }
    ++r.changed;
    return true;
}

} // namespace

AlignmentPhase Alignments::phase(const QDate &validFrom, const QDate &validTo, const QDate &today)
{
    if (validFrom.isValid() && validFrom > today)
        return AlignmentPhase::Future;
    if (validTo.isValid() && validTo < today)
        return AlignmentPhase::Past;
    return AlignmentPhase::Current;
}

bool Alignments::list(
    Store *store, const QString &territoryId, const QDate &today, QList<AlignmentRow> *out, QString *error)
{
    out->clear();
    if (!store || !store->database())
        return false;
    return guarded(error, [&] {
        auto q = store->database()->query(QStringLiteral(
            "SELECT a.id, a.hcp_id, coalesce(h.full_name, a.hcp_id), h.specialty, h.tier, h.institution_id, "
            "i.name, i.city, a.valid_from, a.valid_to, coalesce(a.target_calls_per_cycle, 0), "
            "EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'alignment' AND o.record_id = a.id) "
            "FROM alignment a LEFT JOIN hcp h ON h.id = a.hcp_id "
            "LEFT JOIN institution i ON i.id = h.institution_id "
            "WHERE a.territory_id = ?1 ORDER BY h.full_name, a.valid_from"));
        q.bindAll(territoryId);
        QList<AlignmentRow> rows;
        while (q->step()) {
            AlignmentRow r;
            r.id = q->text(0);
            r.hcpId = q->text(1);
            r.hcpName = q->text(2);
            r.specialty = q->text(3);
            r.tier = q->text(4);
            r.institutionId = q->text(5);
            r.institution = q->text(6);
            r.city = q->text(7);
            r.validFrom = QDate::fromString(q->text(8), Qt::ISODate);
            r.validTo = QDate::fromString(q->text(9), Qt::ISODate);
            r.target = q->integer(10);
            r.pending = q->integer(11) != 0;
            r.phase = phase(r.validFrom, r.validTo, today);
            rows << r;
        }
        // Current first, then future, then past: what SFE works on before what is history.
        for (AlignmentPhase p : {AlignmentPhase::Current, AlignmentPhase::Future, AlignmentPhase::Past}) {
            for (const AlignmentRow &r : std::as_const(rows)) {
                if (r.phase == p)
                    *out << r;
            }
        }
    });
}

bool Alignments::matchingHcps(
    Store *store, const QString &territoryId, const QString &text, QSet<QString> *hcpIds, QString *error)
{
    hcpIds->clear();
    if (!store || !store->database() || text.trimmed().isEmpty())
        return false;
    HcpFilter filter;
    filter.text = text;
    filter.territoryId = territoryId;
    QList<HcpHit> hits;
    if (!searchHcps(*store->database(), filter, std::numeric_limits<int>::max(), &hits, error))
        return false;
    for (const HcpHit &h : std::as_const(hits))
        hcpIds->insert(h.id);
    return true;
}

QStringList Alignments::hcpsOfInstitution(Store *store, const QString &institutionId)
{
    QStringList out;
    catchSql(
        [&] {
            for (const QVariantList &r : select(store,
                     QStringLiteral(
                         "SELECT id FROM hcp WHERE institution_id = ?1 AND coalesce(status, 'active') = "
                         "'active' ORDER BY full_name, id"),
                     {institutionId}))
                out << r.value(0).toString();
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "hcps of institution:" << e.text(); });
    return out;
}

QStringList Alignments::hcpsMatching(
    Store *store, const QString &specialty, const QString &tier, const QString &city)
{
    QStringList where {QStringLiteral("coalesce(h.status, 'active') = 'active'")};
    QVariantList binds;
    if (!specialty.isEmpty()) {
        where << QStringLiteral("h.specialty = ?");
        binds << specialty;
    }
    if (!tier.isEmpty()) {
        where << QStringLiteral("h.tier = ?");
        binds << tier;
    }
    if (!city.isEmpty()) {
        where << QStringLiteral("i.city = ?");
        binds << city;
    }
    QStringList out;
    if (binds.isEmpty())
        return out;
    catchSql(
        [&] {
            for (const QVariantList &r : select(store,
                     QStringLiteral(
                         "SELECT h.id FROM hcp h LEFT JOIN institution i ON i.id = h.institution_id "
                         "WHERE %1 ORDER BY h.full_name, h.id")
                         .arg(where.join(QStringLiteral(" AND "))),
                     binds))
                out << r.value(0).toString();
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "hcps matching:" << e.text(); });
    return out;
}

AlignmentEditResult Alignments::add(
    Store *store, const QString &territoryId, const QStringList &hcpIds, const QDate &validFrom, int target)
{
    if (territoryId.isEmpty() || !validFrom.isValid()) {
        AlignmentEditResult r;
        r.error = tr("Choose a territory and the day the alignment starts.");
        return r;
    }
    return inTransaction(store, [&](AlignmentEditResult &r) {
        for (const QString &hcpId : distinct(hcpIds)) {
            const auto already = select(store,
                QStringLiteral("SELECT 1 FROM alignment WHERE territory_id = ?1 AND hcp_id = ?2 "
                               "AND (valid_to IS NULL OR valid_to >= ?3)"),
                {territoryId, hcpId, iso(validFrom)});
            if (!already.isEmpty()) {
                ++r.skipped;
                continue;
            }
            if (!check(store->create(QStringLiteral("alignment"),
                           {{QStringLiteral("territory_id"), territoryId}, {QStringLiteral("hcp_id"), hcpId},
                               {QStringLiteral("valid_from"), iso(validFrom)},
                               {QStringLiteral("target_calls_per_cycle"), target}}),
                    r))
                return false;
        }
        return true;
    });
}

AlignmentEditResult Alignments::end(Store *store, const QStringList &alignmentIds, const QDate &today)
{
    const QDate day = todayOr(today);
    return inTransaction(store, [&](AlignmentEditResult &r) {
        for (const QString &id : alignmentIds) {
            const auto rec = store->record(QStringLiteral("alignment"), id);
            if (!rec) {
                ++r.skipped;
                continue;
            }
            const QDate from
                = QDate::fromString(rec->fields.value(QLatin1String("valid_from")).toString(), Qt::ISODate);
            const QDate to
                = QDate::fromString(rec->fields.value(QLatin1String("valid_to")).toString(), Qt::ISODate);
            if (to.isValid() && to < day) {
                ++r.skipped; // already history
                continue;
            }
            const WriteResult w = from.isValid() && from < day
                ? store->update(
                    QStringLiteral("alignment"), id, {{QStringLiteral("valid_to"), iso(day.addDays(-1))}})
                : store->remove(QStringLiteral("alignment"), id);
            if (!check(w, r))
                return false;
        }
        return true;
    });
}

AlignmentEditResult Alignments::move(Store *store, const QString &fromTerritoryId,
    const QString &toTerritoryId, const QStringList &hcpIds, const QDate &effective)
{
    if (fromTerritoryId.isEmpty() || toTerritoryId.isEmpty() || fromTerritoryId == toTerritoryId
        || !effective.isValid()) {
        AlignmentEditResult r;
        r.error = tr("Choose another territory and the day the move takes effect.");
        return r;
    }
    return inTransaction(store, [&](AlignmentEditResult &r) {
        for (const QString &hcpId : distinct(hcpIds)) {
            const auto open = select(store,
                QStringLiteral(
                    "SELECT id, valid_from, valid_to, coalesce(target_calls_per_cycle, 0) FROM alignment "
                    "WHERE territory_id = ?1 AND hcp_id = ?2 AND (valid_to IS NULL OR valid_to >= ?3) "
                    "ORDER BY valid_from"),
                {fromTerritoryId, hcpId, iso(effective)});
            if (open.isEmpty()) {
                ++r.skipped;
                continue;
            }
            const bool alreadyThere = !select(store,
                QStringLiteral("SELECT 1 FROM alignment WHERE territory_id = ?1 AND hcp_id = ?2 "
                               "AND valid_from <= ?3 AND (valid_to IS NULL OR valid_to >= ?3)"),
                {toTerritoryId, hcpId, iso(effective)})
                                           .isEmpty();
            for (const QVariantList &a : open) {
                const QString id = a.value(0).toString();
                const QDate from = QDate::fromString(a.value(1).toString(), Qt::ISODate);
                if (from >= effective) { // not started by then: it simply belongs to the other territory
                    const WriteResult w = alreadyThere ? store->remove(QStringLiteral("alignment"), id)
                                                       : store->update(QStringLiteral("alignment"), id,
                                                           {{QStringLiteral("territory_id"), toTerritoryId}});
                    if (!check(w, r))
                        return false;
                    continue;
                }
                if (!check(store->update(QStringLiteral("alignment"), id,
                               {{QStringLiteral("valid_to"), iso(effective.addDays(-1))}}),
                        r))
                    return false;
                if (alreadyThere)
                    continue;
                QJsonObject fields {{QStringLiteral("territory_id"), toTerritoryId},
                    {QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("valid_from"), iso(effective)},
                    {QStringLiteral("target_calls_per_cycle"), a.value(3).toInt()}};
                if (!a.value(2).isNull())
                    fields.insert(QStringLiteral("valid_to"), a.value(2).toString());
                if (!store->create(QStringLiteral("alignment"), fields).ok) {
                    r.error = tr("The new alignment could not be written.");
                    return false;
                }
            }
        }
        return true;
    });
}

QList<PendingMove> Alignments::pendingMoves(Store *store, const QStringList &alignmentIds, const QDate &today)
{
    const QDate day = todayOr(today);
    QList<PendingMove> out;
    QSet<QString> seen;
    if (!store || !store->database())
        return out;
    catchSql(
        [&] {
            for (const QString &id : alignmentIds) {
                const auto row = select(store,
                    QStringLiteral(
                        "SELECT a.id, a.hcp_id, coalesce(h.full_name, a.hcp_id), a.territory_id, "
                        "a.valid_from, a.valid_to FROM alignment a LEFT JOIN hcp h ON h.id = a.hcp_id "
                        "WHERE a.id = ?1"),
                    {id});
                if (row.isEmpty())
                    continue;
                const QVariantList &a = row.first();
                const QDate from = QDate::fromString(a.value(4).toString(), Qt::ISODate);
                const QDate to = QDate::fromString(a.value(5).toString(), Qt::ISODate);
                QVariantList future;
                QVariantList previous;
                if (from.isValid() && from > day) {
                    future = a;
                    const auto before = select(store,
                        QStringLiteral(
                            "SELECT id, territory_id FROM alignment WHERE hcp_id = ?1 AND valid_to = ?2 "
                            "AND territory_id <> ?3 ORDER BY id LIMIT 1"),
                        {a.value(1), iso(from.addDays(-1)), a.value(3)});
                    if (!before.isEmpty())
                        previous = before.first();
                } else if (to.isValid() && to >= day.addDays(-1)) {
                    // The moved-from half: the alignment that continues it starts after today.
                    const auto next = select(store,
                        QStringLiteral("SELECT a.id, a.hcp_id, coalesce(h.full_name, a.hcp_id), "
                                       "a.territory_id, a.valid_from, "
                                       "a.valid_to FROM alignment a LEFT JOIN hcp h ON h.id = a.hcp_id WHERE "
                                       "a.hcp_id = ?1 "
                                       "AND a.valid_from = ?2 AND a.valid_from > ?3 AND a.territory_id <> ?4 "
                                       "ORDER BY a.id "
                                       "LIMIT 1"),
                        {a.value(1), iso(to.addDays(1)), iso(day), a.value(3)});
                    if (next.isEmpty())
                        continue;
                    future = next.first();
                    previous = {a.value(0), a.value(3)};
                } else {
                    continue;
                }
                const QString futureId = future.value(0).toString();
                if (seen.contains(futureId))
                    continue;
                seen.insert(futureId);
                PendingMove m;
                m.alignmentId = futureId;
                m.hcpId = future.value(1).toString();
                m.hcpName = future.value(2).toString();
                m.toTerritoryId = future.value(3).toString();
                m.effective = QDate::fromString(future.value(4).toString(), Qt::ISODate);
                m.validTo = QDate::fromString(future.value(5).toString(), Qt::ISODate);
                m.fromAlignmentId = previous.value(0).toString();
                m.fromTerritoryId = previous.value(1).toString();
                out << m;
            }
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "pending moves:" << e.text(); });
    return out;
}

AlignmentEditResult Alignments::editPending(Store *store, const QList<PendingMove> &moves,
    const QString &toTerritoryId, const QDate &effective, const QDate &today)
{
    const QDate day = todayOr(today);
    AlignmentEditResult bad;
    if (moves.isEmpty()) {
        bad.error = tr("Select a move or an addition that has not taken effect yet.");
        return bad;
    }
    if (!effective.isValid() || effective <= day) {
        bad.error = tr("A pending change can only be moved to a day after today.");
        return bad;
    }
    return inTransaction(store, [&](AlignmentEditResult &r) {
        for (const PendingMove &m : moves) {
            if (!m.effective.isValid() || m.effective <= day) {
                r.error
                    = tr("The change for %1 has taken effect: it can no longer be edited.").arg(m.hcpName);
                return false;
            }
            const QString to = toTerritoryId.isEmpty() ? m.toTerritoryId : toTerritoryId;
            if (!m.fromTerritoryId.isEmpty() && to == m.fromTerritoryId) {
                r.error = tr("%1 would move to the territory it comes from; withdraw the move instead.")
                              .arg(m.hcpName);
                return false;
            }
            if (m.validTo.isValid() && effective > m.validTo) {
                r.error = tr("The alignment of %1 ends before that day.").arg(m.hcpName);
                return false;
            }
            QJsonObject changes;
            if (effective != m.effective)
                changes.insert(QStringLiteral("valid_from"), iso(effective));
            if (to != m.toTerritoryId) {
                const bool taken = !select(store,
                    QStringLiteral(
                        "SELECT 1 FROM alignment WHERE territory_id = ?1 AND hcp_id = ?2 AND id <> ?3 "
                        "AND (valid_to IS NULL OR valid_to >= ?4)"),
                    {to, m.hcpId, m.alignmentId, iso(effective)})
                                        .isEmpty();
                if (taken) {
                    r.error = tr("%1 is already aligned to that territory.").arg(m.hcpName);
                    return false;
                }
                changes.insert(QStringLiteral("territory_id"), to);
            }
            if (changes.isEmpty()) {
                ++r.skipped;
                continue;
            }
            if (!m.fromAlignmentId.isEmpty()) {
                const auto rec = store->record(QStringLiteral("alignment"), m.fromAlignmentId);
                const QDate fromStart = rec
                    ? QDate::fromString(
                        rec->fields.value(QLatin1String("valid_from")).toString(), Qt::ISODate)
                    : QDate();
                if (fromStart.isValid() && effective <= fromStart) {
                    r.error = tr("%1 would leave the old territory before joining it.").arg(m.hcpName);
                    return false;
                }
                if (effective != m.effective
                    && !check(store->update(QStringLiteral("alignment"), m.fromAlignmentId,
                                  {{QStringLiteral("valid_to"), iso(effective.addDays(-1))}}),
                        r))
                    return false;
                if (effective != m.effective)
                    --r.changed; // one change per pending move
            }
            if (!check(store->update(QStringLiteral("alignment"), m.alignmentId, changes), r))
                return false;
        }
        return true;
    });
}

AlignmentEditResult Alignments::withdrawPending(
    Store *store, const QList<PendingMove> &moves, const QDate &today)
{
    const QDate day = todayOr(today);
    if (moves.isEmpty()) {
        AlignmentEditResult bad;
        bad.error = tr("Select a move or an addition that has not taken effect yet.");
        return bad;
    }
    return inTransaction(store, [&](AlignmentEditResult &r) {
        for (const PendingMove &m : moves) {
            if (!m.effective.isValid() || m.effective <= day) {
                r.error
                    = tr("The change for %1 has taken effect: it can no longer be withdrawn.").arg(m.hcpName);
                return false;
            }
            if (!m.fromAlignmentId.isEmpty()) {
                const QJsonValue end
                    = m.validTo.isValid() ? QJsonValue(iso(m.validTo)) : QJsonValue(QJsonValue::Null);
                const WriteResult w = store->update(
                    QStringLiteral("alignment"), m.fromAlignmentId, {{QStringLiteral("valid_to"), end}});
                if (!w.ok) {
                    r.error = w.error;
                    return false;
                }
            }
            if (!check(store->remove(QStringLiteral("alignment"), m.alignmentId), r))
                return false;
        }
        return true;
    });
}

TerritoryPeople Alignments::people(Store *store, const QString &territoryId)
{
    TerritoryPeople p;
    if (!store || !store->database())
        return p;
    catchSql(
        [&] {
            const auto rows = select(store,
                QStringLiteral("SELECT t.code, t.name, coalesce(nullif(u.display_name, ''), u.username) FROM "
                               "territory t LEFT JOIN user u ON u.id = t.owner_id WHERE t.id = ?1"),
                {territoryId});
            if (rows.isEmpty())
                return;
            p.code = rows.first().value(0).toString();
            p.name = rows.first().value(1).toString();
            p.ownerName = rows.first().value(2).toString();
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "territory people:" << e.text(); });
    return p;
}

AlignmentEditResult Alignments::setTargetByTier(
    Store *store, const QString &territoryId, const QString &tier, int target, const QDate &today)
{
    if (target < 0 || target > 1000) {
        AlignmentEditResult r;
        r.error = tr("A target is between 0 and 1000 calls per cycle.");
        return r;
    }
    const QDate day = todayOr(today);
    return inTransaction(store, [&](AlignmentEditResult &r) {
        const auto rows = select(store,
            QStringLiteral("SELECT a.id FROM alignment a LEFT JOIN hcp h ON h.id = a.hcp_id "
                           "WHERE a.territory_id = ?1 AND (a.valid_to IS NULL OR a.valid_to >= ?2) "
                           "AND coalesce(h.tier, '') = ?3 AND coalesce(a.target_calls_per_cycle, -1) <> ?4"),
            {territoryId, iso(day), tier, target});
        for (const QVariantList &a : rows) {
            if (!check(store->update(QStringLiteral("alignment"), a.value(0).toString(),
                           {{QStringLiteral("target_calls_per_cycle"), target}}),
                    r))
                return false;
        }
        return true;
    });
}

WorkloadOptions Alignments::workloadOptions(Store *store)
{
    WorkloadOptions o;
    if (!store || !store->database())
        return o;
    catchSql(
        [&] {
            // A number, or a number written as a string.
            const auto value = CompanySettings::value(
                *store->database(), QStringLiteral("sfe.travel_minutes_per_institution"));
            if (!value)
                return;
            bool ok = value->isDouble();
            const double v = ok ? value->toDouble() : value->toString().toDouble(&ok);
            if (ok && v >= 0 && v < 24 * 60)
                o.travelMinutesPerInstitution = v;
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "workload setting:" << e.text(); });
    return o;
}

bool Alignments::workload(Store *store, const QString &districtId, const QDate &today,
    const WorkloadOptions &options, QList<TerritoryWorkload> *out, QString *error)
{
    out->clear();
    if (!store || !store->database())
        return false;
    const QString day = iso(todayOr(today));
    if (!guarded(error, [&] {
            const auto territories = select(store,
                QStringLiteral(
                    "SELECT id, code, name FROM territory WHERE parent_id = ?1 AND level = 'territory' "
                    "ORDER BY code, id"),
                {districtId});
            for (const QVariantList &t : territories) {
                TerritoryWorkload w;
                w.territoryId = t.value(0).toString();
                w.code = t.value(1).toString();
                w.name = t.value(2).toString();
                const auto aligned = select(store,
                    QStringLiteral(
                        "SELECT coalesce(h.tier, ''), count(*), sum(coalesce(a.target_calls_per_cycle, 0)), "
                        "count(DISTINCT h.institution_id) FROM alignment a JOIN hcp h ON h.id = a.hcp_id "
                        "WHERE a.territory_id = ?1 AND a.valid_from <= ?2 "
                        "AND (a.valid_to IS NULL OR a.valid_to >= ?2) AND coalesce(h.status, 'active') <> "
                        "'merged' "
                        "GROUP BY 1"),
                    {w.territoryId, day});
                for (const QVariantList &g : aligned) {
                    const QString tier = g.value(0).toString();
                    const int n = g.value(1).toInt();
                    const int slot
                        = tier.size() == 1 && tier.at(0) >= QLatin1Char('A') && tier.at(0) <= QLatin1Char('D')
                        ? tier.at(0).unicode() - 'A'
                        : 4;
                    w.byTier[slot] += n;
                    w.hcps += n;
                    w.targetCalls += g.value(2).toInt();
                }
                w.institutions = select(store,
                    QStringLiteral(
                        "SELECT count(DISTINCT h.institution_id) FROM alignment a JOIN hcp h ON h.id = "
                        "a.hcp_id "
                        "WHERE a.territory_id = ?1 AND a.valid_from <= ?2 "
                        "AND (a.valid_to IS NULL OR a.valid_to >= ?2) AND coalesce(h.status, 'active') <> "
                        "'merged'"),
                    {w.territoryId, day})
                                     .value(0)
                                     .value(0)
                                     .toInt();
                const auto avg = select(store,
                    QStringLiteral(
                        "SELECT avg(duration_min), count(duration_min) FROM visit WHERE territory_id = ?1 "
                        "AND status = 'submitted' AND duration_min IS NOT NULL"),
                    {w.territoryId});
                if (!avg.isEmpty() && avg.first().value(1).toInt() > 0) {
                    w.averageCallMinutes = avg.first().value(0).toDouble();
                    w.averageIsDefault = false;
                }
                *out << w;
            }
        })) {
        out->clear();
        return false;
    }
    score(*out, options);
    return true;
}

void Alignments::score(QList<TerritoryWorkload> &rows, const WorkloadOptions &options)
{
    double sum = 0;
    for (TerritoryWorkload &w : rows) {
        if (w.averageIsDefault)
            w.averageCallMinutes = options.defaultCallMinutes;
        w.travelMinutes = w.institutions * options.travelMinutesPerInstitution;
        w.index = w.targetCalls * w.averageCallMinutes + w.travelMinutes;
        sum += w.index;
    }
    const double mean = rows.isEmpty() ? 0 : sum / rows.size();
    for (TerritoryWorkload &w : rows) {
        w.deviation = mean > 0 ? w.index / mean - 1 : 0;
        w.flag = w.deviation > options.threshold + 1e-9 ? 1
            : w.deviation < -options.threshold - 1e-9   ? -1
                                                        : 0;
    }
}

} // namespace rounds
