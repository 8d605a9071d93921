#pragma once

// The prune primitive of each backend (StoreWriter::prune), kept beside the backends rather than in them.

#include "server/storage.h"

namespace rounds::sql {
class Database;
}

namespace rounds::server {

namespace pg {
class Connection;
}

PruneCounts pruneSqlite(sql::Database &db, const QString &auditBefore, const QString &tombstonesBefore,
    const QString &mutationsBefore);
PruneCounts prunePostgres(pg::Connection &c, const QString &auditBefore, const QString &tombstonesBefore,
    const QString &mutationsBefore);

} // namespace rounds::server
