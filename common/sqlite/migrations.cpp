#include "common/sqlite/migrations.h"

#include "common/sqlite/database.h"
#include "common/sqlite/log.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"

namespace rounds::sql {

MigrationResult migrate(Database &db, const QList<Migration> &steps, const QString &what)
{
    MigrationResult result;
    const int latest = steps.isEmpty() ? 0 : steps.last().version;
    try {
        result.from = db.userVersion();
        result.to = result.from;
        if (result.from > latest) {
            result.error
                = QStringLiteral("%1 %2 was written by a newer version of Rounds (schema version %3; this "
                                 "version understands up to %4). Update Rounds to open it; the file was "
                                 "not changed.")
                      .arg(what, db.path())
                      .arg(result.from)
                      .arg(latest);
            return result;
        }
        for (const Migration &step : steps) {
            if (step.version <= result.to)
                continue;
            Transaction tx(db);
            step.up(db);
            db.setUserVersion(step.version);
            tx.commit();
            qCDebug(lcSql) << "migrated" << what << "to version" << step.version << "-" << step.description;
            result.to = step.version;
        }
        result.ok = true;
    } catch (const SqlError &e) {
        result.error = QStringLiteral("cannot upgrade %1 %2 past version %3: %4")
                           .arg(what, db.path())
                           .arg(result.to)
                           .arg(e.text());
    }
    return result;
}

} // namespace rounds::sql
