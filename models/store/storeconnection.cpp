#include "models/store/storeconnection.h"

#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/store/storeguard.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <sqlite3.h>

namespace rounds::storeconnection {

const QString kBulkLoad = QStringLiteral("bulk_load");

// A bigger page cache than SQLite's 2 MB default: pulled pages insert by random UUID into several
// indexes, and evicting dirty pages mid-transaction is what makes bulk apply slow. And a visit the rep
// saved must survive a power cut or an empty battery, not only a crash of the process: the WAL is synced
// at every commit (NORMAL may lose the last commits on power loss).
void tuneConnection(sql::Database &db)
{
    db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
    db.exec(QStringLiteral("PRAGMA synchronous = FULL"));
}

QString bulkMark(sql::Database &db)
{
    auto q = db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
    q->bind(1, kBulkLoad);
    return q->step() ? q->text(0) : QString();
}

namespace {

void createIndex(sql::Database &db, QString statement)
{
    static const QRegularExpression createIndex(
        QStringLiteral("^\\s*CREATE\\s+INDEX\\s+(?!IF\\s+NOT\\s+EXISTS)"),
        QRegularExpression::CaseInsensitiveOption);
    statement.replace(createIndex, QStringLiteral("CREATE INDEX IF NOT EXISTS "));
    catchSql([&] { db.exec(statement); },
        [](const sql::SqlError &e) {
            // A mark older than a migration that removed the column or table: that index is gone for
            // good and must not stop the others forever. A full disk or a busy file still fails it all.
            if ((e.code() & 0xff) != SQLITE_ERROR)
                throw;
            qCWarning(lcStore) << "bulk load: an index of an older schema is not created again:" << e.text();
        });
}

} // namespace

void finishBulk(sql::Database &db, const std::function<void()> &beforeCommit)
{
    const QString mark = bulkMark(db);
    if (mark.isEmpty())
        return;
    QElapsedTimer clock;
    clock.start();
    const QJsonArray indexes
        = QJsonDocument::fromJson(mark.toUtf8()).object().value(QLatin1String("indexes")).toArray();
    sql::Transaction tx(db);
    for (const QJsonValue &v : indexes)
        createIndex(db, v.toString());
    auto q = db.query(QStringLiteral("DELETE FROM sync_meta WHERE key = ?1"));
    q->bind(1, kBulkLoad);
    q->run();
    if (beforeCommit)
        beforeCommit();
    tx.commit();
    qCInfo(lcStore) << "bulk load finished:" << indexes.size() << "indexes created in" << clock.elapsed()
                    << "ms";
}

} // namespace rounds::storeconnection
