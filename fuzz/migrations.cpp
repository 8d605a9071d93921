// Fuzz target: a damaged client database file (a laptop's rounds.db after a disk fault, a bad copy, a
// half-written file). The bytes become the file, then (1) the migration runner opens it and migrates it
// to the current schema, which may throw SqlError and nothing else; (2) Store::open, what the app does
// at start, must answer: open (possibly after moving the damaged file aside and starting a new one) or
// refuse with a message, never crash; when it opened, reading the outbox and the cursors must work.

#include "common/sqlite/migrations.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "fuzz/fuzz.h"
#include "models/clientschema.h"
#include "models/store.h"
#include "models/storekeys.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdlib>

using namespace rounds;

namespace {

void writeFile(const QString &path, const char *data, std::size_t size)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        std::abort();
    f.write(data, qint64(size));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = [] {
        // The store's key in memory: a fuzz run neither needs nor fills the system keychain.
        static MemoryStoreKeyring keys;
        storekeys::setKeyring(&keys);
        QLoggingCategory::setFilterRules(
            QStringLiteral("rounds.*.info=false\nrounds.*.warning=false\nrounds.*.critical=false"));
        return true;
    }();
    (void)quiet;
    QTemporaryDir dir;
    if (!dir.isValid())
        std::abort();
    const char *bytes = reinterpret_cast<const char *>(data);

    const QString raw = dir.filePath(QStringLiteral("raw.db"));
    writeFile(raw, bytes, size);
    try {
        sql::Database db(raw);
        sql::migrate(db, clientMigrations(), QStringLiteral("fuzz"));
        (void)db.scalarInt(QStringLiteral("SELECT count(*) FROM outbox"));
    } catch (const sql::SqlError &) {
        // A clean refusal: what the store catches at its boundary.
    }

    const QString path = dir.filePath(QStringLiteral("rounds.db"));
    writeFile(path, bytes, size);
    Store store;
    const StoreOpenResult opened = store.open(path);
    if (opened.ok) {
        (void)store.outbox();
        (void)store.pendingCount();
        QString error;
        (void)store.cursors(&error);
        (void)store.meta(QStringLiteral("epoch"));
    } else if (opened.message.isEmpty()) {
        std::abort(); // a refusal must say why
    }
    return 0;
}
