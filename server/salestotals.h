#pragma once

#include "server/storage.h"

#include <QSet>
#include <QString>

namespace rounds::server {

class Feed;

// The sales_total records, what a rep holds of sales instead of the per-institution sales_fact rows (the
// China rule, docs/sync-protocol.md "Sales for reps"): one per territory, product, month, source and
// currency, with the sums of the facts of that key. They are derived on the server and enter the change
// feed like any record (versions, tombstones, snapshots, territory buckets), so a rep's cursors and
// re-syncs keep their guarantees; their ids are derived from the key, so every change of the facts of one
// key lands on one record.
class SalesTotals final
{
public:
    // The key of the total a fact counts in; empty for a deleted fact.
    static QString keyOf(const StoredRecord &fact);
    // The id of the total of `key` (a name-based UUID).
    static QString idOf(const QString &key);
    // Recomputes the totals of `keys` from the live facts (one scan of them) and commits through `feed`
    // those that changed: the new sums, or a delete when no fact is left.
    static void refresh(StoreWriter &store, Feed &feed, const QSet<QString> &keys);
    // Every total: after a bulk load that wrote facts past the feed (demo), or to repair.
    static void rebuild(StoreWriter &store, Feed &feed);
};

} // namespace rounds::server
