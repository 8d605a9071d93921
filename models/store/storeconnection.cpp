#include "models/store/storeconnection.h"

#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/namesort.h"
#include "models/pinyin.h"
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
// at every commit (NORMAL may lose the last commits on power loss). Temporary tables, indexes and sorts
// stay in memory: SQLite's temporary files are not encrypted, and the file is (docs/privacy.md).
void tuneConnection(sql::Database &db)
{
    db.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(kCacheKiB));
    db.exec(QStringLiteral("PRAGMA synchronous = FULL"));
    db.exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
    registerFunctions(db);
}

namespace {

QString textArgument(sqlite3_value *value)
{
    const auto *text = reinterpret_cast<const char16_t *>(sqlite3_value_text16(value));
    return text ? QString::fromUtf16(text, sqlite3_value_bytes16(value) / 2) : QString();
}

void resultText(sqlite3_context *context, const QString &text)
{
    sqlite3_result_text16(context, text.utf16(), int(text.size() * 2), SQLITE_TRANSIENT);
}

void pinyinFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    resultText(context, Pinyin::key(textArgument(argv[0])));
}

void initialsFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    resultText(context, Pinyin::initials(textArgument(argv[0])));
}

void partsFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    resultText(context,
        QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(Pinyin::parts(textArgument(argv[0]))))
                              .toJson(QJsonDocument::Compact)));
}

void sortKeyFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const QByteArray key = NameSort::key(textArgument(argv[0]));
    sqlite3_result_blob(context, key.constData(), int(key.size()), SQLITE_TRANSIENT);
}

} // namespace

void registerFunctions(sql::Database &db)
{
    // The search keys depend on their argument only; the sort key also on the locale of the run, so it is
    // not declared deterministic (SQLite may not index an expression of it).
    const int deterministic = SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
    sqlite3_create_function_v2(
        db.handle(), "rounds_pinyin", 1, deterministic, nullptr, pinyinFunction, nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db.handle(), "rounds_initials", 1, deterministic, nullptr, initialsFunction,
        nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db.handle(), "rounds_pinyin_parts", 1, deterministic, nullptr, partsFunction,
        nullptr, nullptr, nullptr);
    sqlite3_create_function_v2(db.handle(), "rounds_sort_key", 1, SQLITE_UTF16 | SQLITE_INNOCUOUS, nullptr,
        sortKeyFunction, nullptr, nullptr, nullptr);
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
