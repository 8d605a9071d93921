#include "models/decisioncounts.h"

#include "common/sqlite/database.h"
#include "models/log.h"
#include "models/sqlguard.h"
#include "models/store.h"

namespace rounds {

namespace {
int count(sql::Database &db, const QString &sql, const QString &userId = {})
{
    auto q = db.query(sql);
    if (!userId.isNull())
        q->bind(1, userId);
    return q->step() ? int(q->int64(0)) : 0;
}
} // namespace

DecisionCounts decisionCounts(const Store &store)
{
    DecisionCounts c;
    sql::Database *db = store.database();
    if (!db)
        return c;
    const QString role = store.meta(QStringLiteral("role"));
    const QString userId = store.meta(QStringLiteral("user_id"));
    const bool decidesMeetings = role == QLatin1String("manager") || role == QLatin1String("admin");
    const bool reviews = role == QLatin1String("sfe") || role == QLatin1String("admin");
    catchSql(
        [&] {
            if (decidesMeetings) {
                // Nobody decides on a meeting they own (docs/meetings.md).
                c.meetingsToApprove = count(*db,
                    QStringLiteral("SELECT count(*) FROM meeting WHERE status = 'submitted' "
                                   "AND coalesce(owner_id, '') <> ?1"),
                    userId);
            }
            if (!userId.isEmpty()) {
                c.meetingsReturned = count(*db,
                    QStringLiteral(
                        "SELECT count(*) FROM meeting WHERE status = 'rejected' AND owner_id = ?1"),
                    userId);
            }
            if (reviews) {
                c.changeRequests
                    = count(*db, QStringLiteral("SELECT count(*) FROM change_request WHERE status = 'open'"));
            }
            c.conflicts = count(*db, QStringLiteral("SELECT count(*) FROM conflict WHERE resolved = 0"));
            c.refused = count(*db, QStringLiteral("SELECT count(*) FROM outbox WHERE state = 'rejected'"));
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "decision counts:" << e.what(); });
    return c;
}

} // namespace rounds
