#pragma once

#include "server/denial.h"
#include "server/feed.h"
#include "server/principal.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server::territoryrules {

// The rules of the territory tree (docs/sfe.md) for one change of a territory record, checked before
// it is stored: the level chain region → district → territory (a region has no parent, a district's
// parent is a region, a territory's a district), no cycles, a code no other live territory has, no
// change of level under live children, and retiring (`active` false) or deleting only a territory with
// no live children and no current or future alignments. `before` is the stored record (null: new),
// `after` its fields after the change; `remove` for a delete. nullopt: allowed.
std::optional<Denial> check(StoreReader &store, const QString &id, const std::optional<QJsonObject> &before,
    const QJsonObject &after, bool remove, const QString &today);

// Rep turnover: the territory `territoryId` passes from `oldOwner` to `newOwner` (owner_id changed). The
// new owner's scope follows from owner_id (scopeFor); the old owner, when a rep whose home territory it
// was, loses it: their home territory is cleared (the users row and the user record, as a new version).
// Nothing else of the old owner's changes: their visits and meetings stay in the territory's bucket.
void handOver(StoreWriter &store, Feed &feed, const QString &territoryId, const QString &oldOwner,
    const QString &newOwner);

// A territory to file a review request under (a change request the server files for SFE): one of the
// record's own the user can see, else any of its own, else a region's, else the first leaf.
QString reviewTerritory(StoreReader &store, const Principal &u, const StoredRecord &r);

} // namespace rounds::server::territoryrules
