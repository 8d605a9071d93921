#pragma once

#include "server/loginlimiter.h"
#include "server/storage.h"

#include <QMutex>
#include <QWaitCondition>

#include <memory>
#include <vector>

namespace rounds::server {

namespace pg {
class Connection;
}

// The PostgreSQL backend: the same primitives as SqliteStorage over libpq, for several stateless
// rounds-server instances in front of one database (see docs/server.md, "PostgreSQL").
// - write() runs `work` in a SERIALIZABLE transaction; a transaction that loses to a concurrent one
//   (serialization failure, deadlock, a unique key taken meanwhile) is rolled back and `work` runs
//   again, up to a bound. A bucket's counter row is updated in the writing transaction, so a second
//   writer of that bucket waits for the first to commit and then runs again: seqs are gap-free and
//   commit in order across processes.
// - read() runs in a REPEATABLE READ READ ONLY snapshot.
// - Connections come from a small pool (each used by one thread at a time), broken ones are reset.
class PgStorage final : public Storage, public LoginLimiter
{
public:
    struct Options
    {
        int maxConnections = 12;
        int maxAttempts = 30; // runs of one write() before giving up on contention
    };

    // Connects to `url` and migrates the schema; with `create` an empty database is set up (new epoch),
    // without it a database holding no server data is an error.
    static std::unique_ptr<PgStorage> open(const QString &url, bool create, QString *error);
    static std::unique_ptr<PgStorage> open(
        const QString &url, bool create, const Options &options, QString *error);
    ~PgStorage() override;

    bool read(const std::function<void(StoreReader &)> &work, QString *error) override;
    bool write(const std::function<bool(StoreWriter &)> &work, QString *error) override;
    // pg_dump --format=custom into `path` (a consistent snapshot while serving).
    bool backup(const QString &path, QString *error) override;

    bool admitLogin(const QString &username, int maxAttempts, int windowSeconds, int *waitSeconds,
        QString *error) override;
    void forgiveLogin(const QString &username) override;

    QString url() const { return m_url; }
    // How many write() runs were repeated after losing to a concurrent transaction (for logs, tests).
    qint64 retries() const;

    // Copies a SQLite deployment (DIR/rounds-server.db) into this empty database, keeping ids, versions,
    // tombstones, buckets, change logs and their seqs, mutation results, audit, users, tokens and meta
    // (the epoch): clients go on without a full pull. `counts` gets a line per table.
    bool importSqlite(const QString &sqliteFile, QStringList *counts, QString *error);

    // The schema version this build migrates to.
    static int schemaVersion();
    // Fills the file index (table file_refs) from the live records (migration 10, migrate-to-postgres).
    static void fillFileIndex(pg::Connection &c);

private:
    PgStorage(const QString &url, const Options &options);
    std::unique_ptr<pg::Connection> take(QString *error);
    bool admitLoginOnce(const QString &username, int maxAttempts, int windowSeconds, int *waitSeconds,
        QString *error, bool *connectionLost);
    void giveBack(std::unique_ptr<pg::Connection> conn);

    // How read() and write() run their work: the BEGIN statement, how many tries, and whether it may
    // lose to a concurrent writer (then a serialization failure or deadlock is tried again after a
    // growing random pause, and counted in m_retries). A broken connection is tried again once.
    struct Transaction
    {
        const char *what;
        const char *begin;
        int maxAttempts;
        bool contended;
    };
    // Runs `body` (the work and its COMMIT or ROLLBACK) in transactions of kind `t` until one succeeds;
    // never again once part of the work was committed (a bulk load).
    bool transact(const Transaction &t, const std::function<void(pg::Connection &, StoreWriter &)> &body,
        QString *error);

    QString m_url;
    Options m_options;
    QMutex m_poolMutex;
    QWaitCondition m_poolFree;
    std::vector<std::unique_ptr<pg::Connection>> m_idle;
    int m_open = 0;
    qint64 m_retries = 0;
    int m_attemptsSinceSweep = 0;
};

} // namespace rounds::server
