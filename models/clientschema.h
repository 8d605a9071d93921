#pragma once

#include "common/sqlite/migrations.h"

#include <QStringList>

namespace rounds {

namespace sql {
class Database;
}

// The numbered migrations of the client database (rounds.db). Never edit a released step: add one.
//
//  1  one table per entity of the shared schema (derived from the schema *as compiled*)
//  2  sync bookkeeping: outbox, shadow, record_bucket, sync_cursor, sync_meta
//  3  conflict (base / mine / theirs per field)
//  4  HCP search: FTS5 trigram index, short-query gram index, triggers that keep both in sync
//  5  indexes for the list models (sort keys)
//  7  meeting_attendee.kind and .name (walk-ins and company staff)
//  8  meeting.decision_note (why a manager rejected it)
// 14  meeting.resubmit_reason (why the server sent an approved meeting back to submitted)
// 16  hcp_name_key, institution_name_key: pinyin and initials of each name (search), its sort key in the
//     locale's collation (list order), kept by triggers that call the store's SQL functions
//
// The rule for schema fields added later. Step 1 builds its tables from the current schema, so on a
// fresh file a field added to `entities.cpp` after release already exists when the step that is meant
// to add it runs, while on an old file it does not. A step that adds a field therefore never runs a
// bare "ALTER TABLE … ADD COLUMN": it calls addMissingColumns(db, "<entity>"), which adds only what the
// table lacks (idempotent, so correct on both paths). Steps that create whole new entities call
// createMissingEntityTables(db), equally idempotent.
const QList<sql::Migration> &clientMigrations();

// Adds the columns (and reference indexes) of `entity` that its table lacks; returns what it added.
// Safe on any file: does nothing when the table already matches the schema.
QStringList addMissingColumns(sql::Database &db, const QString &entity);

// Makes the name sort keys again when the store was last sorted under another locale than
// NameSort::currentLocale() (the user changed the language); true when it did.
bool refreshNameSortKeys(sql::Database &db);

// Creates the tables of entities declared in the schema that the file does not have yet.
QStringList createMissingEntityTables(sql::Database &db);

} // namespace rounds
