#pragma once

#include "server/filestore.h"

#include <QMutex>

#include <vector>

namespace rounds::server {

namespace pg {
class Connection;
}

// The PostgreSQL deployment's files, in the database (tables `files`, `file_chunks`, `file_uploaders`,
// migration 9), so every server instance serves every file and pg_dump carries them. A file is rows of
// at most 1 MiB (bytea, stored uncompressed): a chunk of an upload is written and committed in one
// transaction, a range is read row by row. Not large objects: those sit outside the tables (pg_dump
// --table, logical replication and row-level deletes do not see them, orphans need vacuumlo). Writers
// of one file are serialized across instances by an advisory lock on its hash.
class PgFileStore final : public FileStore
{
public:
    static std::unique_ptr<PgFileStore> open(const QString &url, QString *error);
    ~PgFileStore() override;

    bool state(const QString &sha256, FileState *state, QString *error) override;
    bool put(const FileChunk &chunk, PutOutcome *outcome, QString *error) override;
    bool isUploader(const QString &sha256, const QString &userId, bool *yes, QString *error) override;
    bool addUploader(const QString &sha256, const QString &userId, QString *error) override;
    // Spools the range into a temporary file (on the calling thread), which the device then reads.
    std::unique_ptr<QIODevice> open(const QString &sha256, qint64 offset, qint64 length, QString *error) override;
    bool list(const std::function<bool(const QString &, qint64, const QStringList &)> &visit,
        QString *error) override;

private:
    explicit PgFileStore(const QString &url);
    // Runs `work` on a pooled connection; a PgError becomes `error` (and the connection is reset).
    bool withConnection(const std::function<void(pg::Connection &)> &work, QString *error);

    QString m_url;
    QMutex m_mutex;
    std::vector<std::unique_ptr<pg::Connection>> m_idle;
};

} // namespace rounds::server
