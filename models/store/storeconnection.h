#pragma once

#include <QString>

#include <functional>

namespace rounds {

namespace sql {
class Database;
}

// The connection settings and the bulk-load mark the store's parts share (storefile.cpp, bulkload.cpp).
namespace storeconnection {

inline constexpr int kCacheKiB = 32 * 1024;
// While a first sync bulk loads: a page cache that holds the primary-key and record_bucket B-trees of a
// 1.6 M-row first sync for longer (peak RSS stays well under the 300 MB goal), and a checkpoint every
// 64 MB of WAL instead of SQLite's 4 MB, so a page rewritten by several transactions is copied back once.
inline constexpr int kBulkCacheKiB = 128 * 1024;
inline constexpr int kBulkCheckpointPages = 16384;
inline constexpr int kCheckpointPages = 1000; // SQLite's default
// sync_meta key: present while a bulk load is under way; its value holds the SQL of the dropped indexes.
extern const QString kBulkLoad;

// The settings every connection of the store runs with, primary or secondary.
void tuneConnection(sql::Database &db);
// The SQL functions the search index's triggers call (models/pinyin.h, models/namesort.h):
// rounds_pinyin(name), rounds_initials(name), rounds_pinyin_parts(name) (a JSON array),
// rounds_sort_key(name). Every connection that may write an HCP or an institution needs them;
// tuneConnection() registers them.
void registerFunctions(sql::Database &db);
// The bulk-load mark (empty when no bulk load is under way).
QString bulkMark(sql::Database &db);
// Creates again what Store::beginBulkLoad() dropped and removes its mark, in one transaction: a crash
// half way leaves the mark, and the next open() does it all again.
void finishBulk(sql::Database &db, const std::function<void()> &beforeCommit = {});

} // namespace storeconnection

} // namespace rounds
