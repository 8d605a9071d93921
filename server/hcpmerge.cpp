#include "server/hcpmerge.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"
#include "server/log.h"

#include <QDate>
#include <QJsonObject>
#include <QSet>

#include <algorithm>

namespace rounds::server::hcpmerge {

using protocol::ErrorCode::InvalidRequest;

namespace {

using protocol::str;

const QString kMerged = QStringLiteral("merged");

// Each record of `entity` whose `field` names `loser`; the indexed ones through the index, the others
// by a scan (a merge is rare; visits, plans and attendances have no reverse index on hcp_id).
QList<StoredRecord> naming(StoreWriter &store, const QString &entity, const char *field, const QString &loser)
{
    const QString f = QString::fromLatin1(field);
    if (IndexedRef::isIndexed(entity, f))
        return store.referencing(entity, f, loser);
    QList<StoredRecord> out;
    store.scan(entity, [&](const StoredRecord &r) {
        if (!r.deleted && r.record.fields.value(f).toString() == loser)
            out << r;
    });
    return out;
}

// The stronger of two attendance roles: chair > speaker > attendee.
int roleRank(const QString &role)
{
    if (role == QLatin1String("chair"))
        return 2;
    return role == QLatin1String("speaker") ? 1 : 0;
}

} // namespace

QJsonObject foldAttendance(const QJsonObject &winner, const QJsonObject &loser)
{
    QJsonObject out = winner;
    const qint64 fee = winner.value(QLatin1String("fee_minor")).toInteger()
        + loser.value(QLatin1String("fee_minor")).toInteger();
    if (fee != 0 || winner.contains(QLatin1String("fee_minor")))
        out.insert(QStringLiteral("fee_minor"), fee);
    if (loser.value(QLatin1String("signed_in")).toBool()
        && !winner.value(QLatin1String("signed_in")).toBool())
        out.insert(QStringLiteral("signed_in"), true);
    const QString loserRole = str(loser, "role");
    if (roleRank(loserRole) > roleRank(str(winner, "role")))
        out.insert(QStringLiteral("role"), loserRole);
    return out;
}

bool isMerge(const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    return str(after, "status") == kMerged && (!before || str(*before, "status") != kMerged);
}

std::optional<Denial> check(StoreReader &store, const QString &hcpId,
    const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    const QString field = QStringLiteral("merged_into");
    const QString winner = str(after, "merged_into");
    const bool merged = str(after, "status") == kMerged;
    if (before && str(*before, "status") == kMerged) {
        if (!merged || winner != str(*before, "merged_into"))
            return Denial {InvalidRequest,
                QStringLiteral("the HCP was merged into another; a merge is not undone or redirected"),
                field};
        return std::nullopt;
    }
    if (!merged) {
        if (!winner.isEmpty())
            return Denial {
                InvalidRequest, QStringLiteral("merged_into is set only together with status merged"), field};
        return std::nullopt;
    }
    if (!before)
        return Denial {InvalidRequest, QStringLiteral("a new HCP cannot be created merged"), field};
    if (winner.isEmpty())
        return Denial {
            InvalidRequest, QStringLiteral("status merged needs merged_into, the surviving HCP"), field};
    if (winner == hcpId)
        return Denial {InvalidRequest, QStringLiteral("an HCP cannot be merged into itself"), field};
    const std::optional<StoredRecord> w = store.record(QStringLiteral("hcp"), winner);
    if (!w || w->deleted)
        return Denial {InvalidRequest, QStringLiteral("merged_into names no HCP the server knows"), field};
    if (str(w->record.fields, "status") == kMerged)
        return Denial {InvalidRequest,
            QStringLiteral("the HCP to merge into was itself merged into %1; merge into that one")
                .arg(str(w->record.fields, "merged_into")),
            field};
    return std::nullopt;
}

bool redirect(StoreReader &store, const QString &entity, QJsonObject &fields)
{
    static const QStringList kNamingHcp {QStringLiteral("visit"), QStringLiteral("visit_plan"),
        QStringLiteral("hcp_tag"), QStringLiteral("meeting_attendee"), QStringLiteral("alignment"),
        QStringLiteral("consent")};
    if (!kNamingHcp.contains(entity))
        return false;
    QString id = str(fields, "hcp_id");
    bool changed = false;
    // A chain (A into B, later B into C) is followed, a few steps at most.
    for (int step = 0; step < 8 && !id.isEmpty(); ++step) {
        const std::optional<StoredRecord> h = store.record(QStringLiteral("hcp"), id);
        if (!h || h->deleted || str(h->record.fields, "status") != kMerged)
            break;
        id = str(h->record.fields, "merged_into");
        changed = !id.isEmpty();
    }
    if (changed)
        fields.insert(QStringLiteral("hcp_id"), id);
    return changed;
}

Summary repoint(
    StoreWriter &store, Feed &feed, const QString &loserId, const QString &winnerId, const QString &except)
{
    Summary s;
    const QString note = QStringLiteral("HCP %1 merged into %2").arg(loserId, winnerId);
    const QString hcpId = QStringLiteral("hcp_id");
    auto moveTo = [&](const StoredRecord &r, const char *field) {
        StoredRecord after = r;
        after.record.fields.insert(QString::fromLatin1(field), winnerId);
        feed.commit(r, after, note);
    };
    auto drop = [&](const StoredRecord &r) {
        StoredRecord after = r;
        after.deleted = true;
        feed.commit(r, after, note);
        ++s.dropped;
    };

    for (const StoredRecord &v : naming(store, QStringLiteral("visit"), "hcp_id", loserId)) {
        moveTo(v, "hcp_id");
        ++s.visits;
    }
    for (const StoredRecord &p : naming(store, QStringLiteral("visit_plan"), "hcp_id", loserId)) {
        moveTo(p, "hcp_id");
        ++s.plans;
    }

    // Consents move with the person: the newest captured_at decides per channel, whoever held them.
    for (const StoredRecord &c : naming(store, QStringLiteral("consent"), "hcp_id", loserId))
        moveTo(c, "hcp_id");

    QSet<QString> winnerTags;
    for (const StoredRecord &t : store.referencing(QStringLiteral("hcp_tag"), hcpId, winnerId))
        winnerTags.insert(str(t.record.fields, "category") + QChar(0) + str(t.record.fields, "tag"));
    for (const StoredRecord &t : store.referencing(QStringLiteral("hcp_tag"), hcpId, loserId)) {
        if (winnerTags.contains(str(t.record.fields, "category") + QChar(0) + str(t.record.fields, "tag"))) {
            drop(t);
            continue;
        }
        moveTo(t, "hcp_id");
        ++s.tags;
    }

    // An attendance of a meeting the winner attends too is folded into the winner's (fees add up, signed
    // in if either was, the stronger role), as a new version of the winner's row; then the loser's goes.
    const QList<StoredRecord> attendances
        = naming(store, QStringLiteral("meeting_attendee"), "hcp_id", loserId);
    for (const StoredRecord &a : attendances) {
        std::optional<StoredRecord> survivor;
        for (const StoredRecord &o : store.referencing(QStringLiteral("meeting_attendee"),
                 IndexedRef::MeetingId, str(a.record.fields, "meeting_id"))) {
            if (str(o.record.fields, "hcp_id") == winnerId) {
                survivor = o;
                break;
            }
        }
        if (!survivor) {
            moveTo(a, "hcp_id");
            ++s.attendees;
            continue;
        }
        const QJsonObject merged = foldAttendance(survivor->record.fields, a.record.fields);
        if (merged != survivor->record.fields) {
            StoredRecord after = *survivor;
            after.record.fields = merged;
            feed.commit(survivor, after, note);
        }
        drop(a);
        ++s.attendeesFolded;
    }

    // Alignments: the winner keeps its own. The loser's to a territory is a duplicate only when one of the
    // winner's to that territory covers it from today (or its start) to its end; a duplicate ends
    // yesterday (or goes, if it never started). Any other moves to the winner, ending the day before a
    // later alignment of the winner to the territory starts, so the HCP is never out of the territory.
    const QString today = Feed::today();
    const QDate todayDate = QDate::fromString(today, Qt::ISODate);
    const QString yesterday = todayDate.addDays(-1).toString(Qt::ISODate);
    auto endOf = [](const QJsonObject &f) {
        const QJsonValue to = f.value(QLatin1String("valid_to"));
        return to.isString() && !to.toString().isEmpty() ? to.toString() : QStringLiteral("9999-12-31");
    };
    const QList<StoredRecord> winnerAlignments
        = store.referencing(QStringLiteral("alignment"), hcpId, winnerId);
    for (const StoredRecord &a : store.referencing(QStringLiteral("alignment"), hcpId, loserId)) {
        const QString territory = str(a.record.fields, "territory_id");
        const QString from = str(a.record.fields, "valid_from");
        const QString to = endOf(a.record.fields);
        const QString start = std::max(from, today);
        bool covered = false;
        QString nextStart; // the earliest winner alignment to the territory starting within the loser's
        for (const StoredRecord &w : winnerAlignments) {
            if (str(w.record.fields, "territory_id") != territory)
                continue;
            const QString wFrom = str(w.record.fields, "valid_from");
            const QString wTo = endOf(w.record.fields);
            if (wFrom <= start && wTo >= start && wTo >= to)
                covered = true;
            else if (wFrom > start && wFrom <= to && (nextStart.isEmpty() || wFrom < nextStart))
                nextStart = wFrom;
        }
        if (covered) {
            if (from > yesterday) {
                drop(a); // never started: nothing to keep
            } else if (to > yesterday) {
                StoredRecord after = a;
                after.record.fields.insert(QStringLiteral("valid_to"), yesterday);
                feed.commit(a, after, note);
                ++s.dropped;
            }
            continue;
        }
        StoredRecord after = a;
        after.record.fields.insert(hcpId, winnerId);
        if (!nextStart.isEmpty())
            after.record.fields.insert(QStringLiteral("valid_to"),
                QDate::fromString(nextStart, Qt::ISODate).addDays(-1).toString(Qt::ISODate));
        feed.commit(a, after, note);
        ++s.alignments;
    }

    QList<StoredRecord> requests;
    store.scan(QStringLiteral("change_request"), [&](const StoredRecord &cr) {
        if (!cr.deleted && cr.record.id != except && str(cr.record.fields, "entity") == QLatin1String("hcp")
            && str(cr.record.fields, "record_id") == loserId)
            requests << cr;
    });
    for (const StoredRecord &cr : requests) {
        moveTo(cr, "record_id");
        ++s.changeRequests;
    }
    qCInfo(lcServer).nospace() << "merged HCP " << loserId << " into " << winnerId << ": " << s.visits
                               << " visits, " << s.plans << " plans, " << s.tags << " tags, " << s.attendees
                               << " attendances (" << s.attendeesFolded << " folded into the winner's), "
                               << s.alignments << " alignments, " << s.changeRequests
                               << " change requests moved; " << s.dropped << " duplicates ended or deleted";
    return s;
}

} // namespace rounds::server::hcpmerge
