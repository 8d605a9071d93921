#pragma once

#include <QObject>
#include <QString>

namespace rounds {

class ApiClient;
class Store;

// What one transfer did.
struct FileTransferResult
{
    bool ok = false;
    qint64 size = 0; // the file's size
    qint64 resumedFrom = 0; // bytes already there when it started (the server's, or the partial's)
    bool hashMismatch = false; // download: the bytes did not hash to the name; the partial is gone
    int httpStatus = 0;
    QString error; // English, for the log and rounds-cli; empty when ok
};

// Files synced by content (docs/sync-protocol.md, "Files") from the client's side, resumable both ways.
// Blocking, like ApiClient (for the sync engine's worker thread and rounds-cli): each request spins a
// local event loop. Memory stays at one chunk whatever the file's size.
// - upload(): HEAD tells how much the server holds; the rest goes in PUTs of chunkBytes() with
//   Content-Range. A 409 (someone else's chunk got there first) is followed from its offset. An
//   interrupted upload is resumed by calling upload() again: it starts where the server's copy ends.
// - download(): the bytes go to TARGET.part; a later call sends Range from its size. The whole file's
//   SHA-256 is checked before TARGET.part is renamed over TARGET, so TARGET never holds a wrong or
//   partial file; a mismatch deletes the partial (fetched again from 0 by the next call).
class FileTransfer final : public QObject
{
    Q_OBJECT
public:
    explicit FileTransfer(ApiClient &api, QObject *parent = nullptr);

    static constexpr qint64 DefaultChunkBytes = 4 * 1024 * 1024;
    // Records each transfer's progress and outcome in the store's file_state (rounds-cli files).
    void setStore(Store *store) { m_store = store; }
    void setChunkBytes(qint64 bytes) { m_chunkBytes = bytes; }
    qint64 chunkBytes() const { return m_chunkBytes; }

    // The SHA-256 of a local file in lower-case hex; empty (with `error`) when unreadable.
    static QString sha256OfFile(const QString &path, QString *error = nullptr);
    static QString partialPath(const QString &target) { return target + QStringLiteral(".part"); }

    // Uploads `path` as the file `sha256` (computed from the file when empty).
    FileTransferResult upload(const QString &path, QString sha256 = {});
    // Downloads the file `sha256` to `target`.
    FileTransferResult download(const QString &sha256, const QString &target);

signals:
    // Bytes the server holds (upload) or that are on disk (download), of `total`.
    void progress(qint64 done, qint64 total);

private:
    void record(const QString &sha256, qint64 size, const char *state, qint64 bytes, const QString &error);

    ApiClient &m_api;
    Store *m_store = nullptr;
    qint64 m_chunkBytes = DefaultChunkBytes;
};

} // namespace rounds
