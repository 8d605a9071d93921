#pragma once

#include "server/filestore.h"

#include <QMutex>

namespace rounds::server {

// The SQLite deployment's files, in its data folder (docs/server.md, "Files"):
//   DATA/files/ab/<sha256>            a complete file (ab: the hash's first two characters)
//   DATA/files/ab/<sha256>.uploaders  the ids of the users who uploaded it, one a line
//   DATA/files/partial/<sha256>       an upload in progress, and <sha256>.total its declared size
// Every write is fsynced before put() returns; a completed file is renamed into place atomically (and
// its folder fsynced), so a crash leaves either the partial or the complete file, never half of one
// under the final name. One process writes at a time (a mutex; SQLite deployments run one server).
class DiskFileStore final : public FileStore
{
public:
    // DATA/files under `dataDir` (created on first write).
    static std::unique_ptr<DiskFileStore> open(const QString &dataDir, QString *error);
    static QString folderName() { return QStringLiteral("files"); }
    // The same layout directly under `root` (a backup's FILE.files).
    static std::unique_ptr<DiskFileStore> atRoot(const QString &root);

    bool state(const QString &sha256, FileState *state, QString *error) override;
    bool put(const FileChunk &chunk, PutOutcome *outcome, QString *error) override;
    bool isUploader(const QString &sha256, const QString &userId, bool *yes, QString *error) override;
    bool addUploader(const QString &sha256, const QString &userId, QString *error) override;
    std::unique_ptr<QIODevice> open(const QString &sha256, qint64 offset, qint64 length, QString *error) override;
    bool list(const std::function<bool(const QString &, qint64, const QStringList &)> &visit,
        QString *error) override;

private:
    explicit DiskFileStore(const QString &root);
    QString completePath(const QString &sha256) const;
    QString partialPath(const QString &sha256) const;
    bool addUploaderLocked(const QString &sha256, const QString &userId, QString *error);

    QString m_root;
    QMutex m_mutex;
};

} // namespace rounds::server
