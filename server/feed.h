#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include <QSet>

namespace rounds::server {

// Who makes a change, for updated_by and the audit log.
struct Actor
{
    QString userId;
    QString device;
    QString mutationId;
};

// The bucket rules of PROTOCOL.md on top of the storage primitives: which buckets a record belongs to,
// how an accepted change enters the feed, and how records that follow others (an HCP's tags,
// institution, department and visits; a visit's details) move with them.
class Feed final
{
public:
    Feed(StoreWriter &store, Actor actor);

    // Stores `after` as the next version of `before` (null: a new record): version, updated_at,
    // updated_by, the audit log, one feed entry per bucket, revokes for buckets it left, and the
    // records that follow it. Returns the stored record.
    StoredRecord commit(
        const std::optional<StoredRecord> &before, StoredRecord after, const QString &note = {});

    // Brings the records derived from what was committed up to date: the sales totals of the sales facts
    // changed (server/salestotals.h). Whoever writes sales facts calls it before the write commits.
    void settle();

    // The buckets a record belongs to now.
    QStringList bucketsFor(const StoredRecord &record);
    // The same rule read from any store (the history route asks where a deleted record would be).
    static QStringList bucketsFor(StoreReader &store, const StoredRecord &record);

    // Alignments take effect and end by the calendar: moves every HCP whose active alignments differ
    // from its buckets (upserts where it arrives, revokes where it leaves). Returns how many moved.
    int applyAlignmentDates();

    static QString today(); // UTC date, YYYY-MM-DD
    static bool alignmentActive(const QJsonObject &alignment, const QString &today);

private:
    // Recomputes a record's buckets without a change of its own: upserts where it arrives, revokes
    // where it leaves; then its followers.
    bool refresh(const QString &entity, const QString &id);
    // Moves a record from `oldBuckets` to `newBuckets` (upserts where it arrives, revokes where it
    // leaves), then its followers. False when they are the same.
    bool move(const StoredRecord &record, const QStringList &oldBuckets, const QStringList &newBuckets);
    // `moved`: the record's buckets changed (an HCP's visits follow it only then).
    void moveFollowers(const StoredRecord &record, const std::optional<StoredRecord> &before, bool moved);
    // An HCP's followers: its tags, institution, department, visits and the HCPs merged into it.
    void moveHcpFollowers(const StoredRecord &hcp, const std::optional<StoredRecord> &before, bool moved);
    // A visit's buckets: its territory's and those of its HCP (given, so a move computes them once).
    static QStringList visitBuckets(const QJsonObject &visit, const QStringList &hcpBuckets);
    // Moves the visits of an HCP (and their details) to the HCP's buckets besides their territory's.
    void moveVisitsOf(const QString &hcpId, const QStringList &hcpBuckets);
    // Refreshes the HCPs merged (directly or by a chain) into `hcpId`, which was merged and moved.
    void moveMergedInto(const QString &hcpId);

    StoreWriter &m_store;
    Actor m_actor;
    int m_depth = 0;
    QSet<QString> m_salesKeys; // of the sales totals the facts committed since settle() change
};

// The scope of a user, from the territory tree. A rep's leaves are those under their home territory
// plus those they own (owner_id), so handing a territory to another rep (turnover, see
// territoryrules::handOver) brings its buckets, with their whole history, to the new owner. Managers, SFE
// and admins are not bound by owners. Without `userId` owners are not looked at.
Scope scopeFor(
    StoreReader &store, protocol::Role role, const QString &homeTerritoryId, const QString &userId = {});

} // namespace rounds::server
