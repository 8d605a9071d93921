#pragma once

// Files synced by content (docs/sync-protocol.md, "Files"; docs/server.md, "Files"): the bytes of each
// file named by its SHA-256, uploaded whole or in chunks that continue a partial upload, and served by
// byte ranges. Two backends: DiskFileStore keeps them in the SQLite deployment's data folder,
// PgFileStore in the PostgreSQL database, so every server instance serves every file.

#include <QByteArray>
#include <QIODevice>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

namespace rounds::server {

struct FileState
{
    enum class Kind { Missing, Partial, Complete };
    Kind kind = Kind::Missing;
    qint64 bytes = 0; // held: the whole size when complete, the partial's length otherwise
    qint64 total = 0; // the size (complete) or the size the partial upload declared; 0 when missing
};

// One PUT: `data` goes at `offset` of a file of `total` bytes whose SHA-256 is `sha256`.
struct FileChunk
{
    QString sha256;
    qint64 offset = 0;
    qint64 total = 0;
    QByteArray data;
    QString userId; // who sends it: recorded as an uploader when the chunk completes the file
};

struct PutOutcome
{
    enum class Kind {
        Stored, // appended; the file is still partial
        Completed, // the last chunk: the hash matched, the file is complete now
        AlreadyComplete, // nothing written
        OffsetMismatch, // the chunk does not start where the partial ends (state.bytes)
        TotalMismatch, // the chunk names another total than the partial upload did
        HashMismatch, // the whole file's SHA-256 is `actualSha256`: the partial is gone
    };
    Kind kind = Kind::Stored;
    FileState state; // after the chunk
    QString actualSha256;
};

// What a chunk may do to a file in `state` (both backends decide alike): a chunk at 0 (re)starts the
// upload; any other must continue where the partial ends, with the same total.
PutOutcome::Kind decideChunk(const FileState &state, qint64 offset, qint64 total);

class FileStore
{
public:
    virtual ~FileStore() = default;

    virtual bool state(const QString &sha256, FileState *state, QString *error) = 0;
    // Stores a chunk (decideChunk); the chunk that completes the file checks its SHA-256 and keeps the
    // file, or drops the partial. Durable when it returns true (fsynced files, a committed transaction).
    virtual bool put(const FileChunk &chunk, PutOutcome *outcome, QString *error) = 0;
    // Did `userId` upload this complete file (sent the chunk that completed it, or the whole file again)?
    virtual bool isUploader(const QString &sha256, const QString &userId, bool *yes, QString *error) = 0;
    virtual bool addUploader(const QString &sha256, const QString &userId, QString *error) = 0;
    // A readable device over bytes [offset, offset + length) of a complete file; nullptr with `error`
    // when it cannot. Memory stays bounded whatever the length.
    virtual std::unique_ptr<QIODevice> open(
        const QString &sha256, qint64 offset, qint64 length, QString *error)
        = 0;
    // Every complete file with its size and uploaders, in hash order (backup, migrate-to-postgres).
    virtual bool list(const std::function<bool(const QString &sha256, qint64 size, const QStringList &uploaders)>
                          &visit,
        QString *error)
        = 0;
};

// The file store of the store named by `dataDirOrUrl` (a data folder, or a postgresql:// URL).
std::unique_ptr<FileStore> openFileStore(const QString &dataDirOrUrl, QString *error);

// Copies every complete file of `from` that `to` lacks, with its uploaders, in chunks (`copied`: how
// many files were new to `to`).
bool copyFiles(FileStore &from, FileStore &to, int *copied, QString *error);

// A read-only device over [offset, offset + length) of `file` (which it owns and opens): what a ranged
// GET streams. Unbuffered, so its position is the file's.
class FileRange final : public QIODevice
{
    Q_OBJECT
public:
    FileRange(std::unique_ptr<QIODevice> file, qint64 offset, qint64 length);
    ~FileRange() override;

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_length; }
    bool seek(qint64 pos) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::unique_ptr<QIODevice> m_file;
    qint64 m_offset;
    qint64 m_length;
};

} // namespace rounds::server
