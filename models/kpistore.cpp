// The KPI engine as the client's views reach it: over an open Store, or over a connection of its own
// to the store's file for a worker thread. The views never see the sqlite layer.
#include "models/kpistore.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/store.h"
#include "models/storekeys.h"

#include <QElapsedTimer>

namespace rounds {

KpiEngine::KpiEngine(Store &store)
    : KpiEngine(*store.database())
{ }

KpiRun computeKpisReadOnly(const QString &storePath, const QString &scopeKey, const KpiPeriod &period)
{
    KpiRun run;
    QElapsedTimer timer;
    timer.start();
    // The key of a store this process opened is in memory (models/storekeys.h).
    const storekeys::KeyResult key = storekeys::keyFor(storePath, false);
    if (!key.ok) {
        run.error = key.message;
        run.ms = timer.elapsed();
        return run;
    }
    try {
        sql::Database::Options options;
        options.create = false;
        options.readOnly = true;
        options.key = key.key;
        sql::Database db(storePath, options);
        db.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
        KpiEngine engine(db);
        if (const auto scope = engine.resolveScope(scopeKey, &run.error))
            run.ok = engine.compute(period, *scope, &run.result, &run.error);
    } catch (const sql::SqlError &e) {
        run.error = e.text();
    }
    run.ms = timer.elapsed();
    return run;
}

} // namespace rounds
