#pragma once

#include "server/filestore.h"
#include "server/principal.h"
#include "server/storage.h"

#include <QByteArray>

#include <atomic>

namespace rounds::server {

// The file routes of docs/sync-protocol.md ("Files") on top of a FileStore: PUT (whole or by
// Content-Range, resumable), HEAD (how much is stored) and GET (Range, 206, 416); who may read a file;
// the size limit of the `files.max_bytes` setting. Runs on the request pool.
class FileService final
{
public:
    FileService(Storage &storage, FileStore &files);

    // The `files.max_bytes` in force, as last read (the connection gate checks declared sizes with it
    // before a body is read).
    qint64 maxBytes() const { return m_maxBytes.load(); }
    // Reads the setting again; false with `error` when the store failed.
    bool refreshLimit(QString *error);

    ApiReply put(const Principal &user, const QString &sha256, const QByteArray &contentRange,
        const QByteArray &contentLength, const QByteArray &body);
    ApiReply head(const Principal &user, const QString &sha256);
    ApiReply get(const Principal &user, const QString &sha256, const QByteArray &range);

    // `Content-Range: bytes FIRST-LAST/TOTAL` → offset, length, total; false when malformed.
    static bool parseContentRange(const QByteArray &header, qint64 *first, qint64 *last, qint64 *total);
    // `Range: bytes=A-`, `bytes=A-B` or `bytes=-N` of a file of `size` bytes → [first, last]; Ignored for
    // any other form (answered with the whole file), Unsatisfiable when it starts past the end.
    enum class RangeKind { Whole, Part, Unsatisfiable };
    static RangeKind parseRange(const QByteArray &header, qint64 size, qint64 *first, qint64 *last);

    // May `user` read the file: a record that references it (a field flagged fileRef) is in a bucket the
    // user pulls, and of an entity their role receives; or they uploaded it.
    bool mayRead(const Principal &user, const QString &sha256, bool *yes, QString *error);

private:
    Storage &m_storage;
    FileStore &m_files;
    std::atomic<qint64> m_maxBytes;
};

} // namespace rounds::server
