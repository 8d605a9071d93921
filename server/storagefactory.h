#pragma once

#include "server/storage.h"

#include <QString>

#include <memory>

namespace rounds::server {

// True for a PostgreSQL connection URL (postgresql://… or postgres://…).
bool isDatabaseUrl(const QString &dataDirOrUrl);

// Opens the store named by `dataDirOrUrl`: a postgresql://USER@HOST:PORT/DB URL (PostgreSQL, the
// schema migrated on open) or a data folder (SQLite, DIR/rounds-server.db). With `create` a missing
// SQLite file or an empty PostgreSQL database is set up (with a new epoch); without it, a store that
// holds no server data yet is an error. nullptr with `error` set on failure.
std::unique_ptr<Storage> openStorage(const QString &dataDirOrUrl, bool create, QString *error);

} // namespace rounds::server
