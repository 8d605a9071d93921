#pragma once

#include "server/storage.h"

#include <QMutex>

#include <memory>
#include <vector>

namespace rounds::sql {
class Database;
}

namespace rounds::server {

// The embedded backend: one SQLite file, DATA/rounds-server.db, in WAL mode. One writer connection
// behind a mutex (writers are serialized, BEGIN IMMEDIATE), and a pool of reader connections that
// read committed snapshots while the writer works.
class SqliteStorage final : public Storage
{
public:
    static QString fileName() { return QStringLiteral("rounds-server.db"); }
    // Opens DIR/rounds-server.db; creates the folder and file (with a new epoch) when `create`.
    static std::unique_ptr<SqliteStorage> open(const QString &dataDir, bool create, QString *error);
    ~SqliteStorage() override;

    bool read(const std::function<void(StoreReader &)> &work, QString *error) override;
    bool write(const std::function<bool(StoreWriter &)> &work, QString *error) override;
    // One transaction for all steps, a savepoint for each (see Storage::writeEach).
    void writeEach(
        int count, const std::function<bool(StoreWriter &, int)> &work, QStringList *errors) override;
    bool backup(const QString &path, QString *error) override;

private:
    explicit SqliteStorage(const QString &path);
    std::unique_ptr<sql::Database> takeReader();
    void giveBack(std::unique_ptr<sql::Database> db);

    QString m_path;
    QMutex m_writeMutex;
    std::unique_ptr<sql::Database> m_writer;
    QMutex m_readersMutex;
    std::vector<std::unique_ptr<sql::Database>> m_readers;
};

} // namespace rounds::server
