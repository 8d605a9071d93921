#pragma once

#include "models/sqlite/migrations.h"

namespace rounds {

// The numbered migrations of the client database (rounds.db). Step 1 creates one table per entity of
// the shared schema; later steps add the sync bookkeeping tables. Never edit a released step.
const QList<sql::Migration> &clientMigrations();

} // namespace rounds
