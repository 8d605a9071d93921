#include "server/filestore.h"

#include "server/diskfilestore.h"
#include "server/pgfilestore.h"
#include "server/storagefactory.h"

namespace rounds::server {

PutOutcome::Kind decideChunk(const FileState &state, qint64 offset, qint64 total)
{
    using Kind = PutOutcome::Kind;
    if (state.kind == FileState::Kind::Complete)
        return Kind::AlreadyComplete;
    if (offset == 0)
        return Kind::Stored;
    if (state.kind == FileState::Kind::Missing || offset != state.bytes)
        return Kind::OffsetMismatch;
    if (total != state.total)
        return Kind::TotalMismatch;
    return Kind::Stored;
}

std::unique_ptr<FileStore> openFileStore(const QString &dataDirOrUrl, QString *error)
{
    if (isDatabaseUrl(dataDirOrUrl))
        return PgFileStore::open(dataDirOrUrl, error);
    return DiskFileStore::open(dataDirOrUrl, error);
}

bool copyFiles(FileStore &from, FileStore &to, int *copied, QString *error)
{
    constexpr qint64 Chunk = 4 * 1024 * 1024;
    *copied = 0;
    bool ok = true;
    const bool listed = from.list(
        [&](const QString &sha256, qint64 size, const QStringList &uploaders) {
            FileState there;
            if (!to.state(sha256, &there, error))
                return ok = false;
            if (there.kind != FileState::Kind::Complete) {
                std::unique_ptr<QIODevice> in = from.open(sha256, 0, size, error);
                if (!in)
                    return ok = false;
                qint64 offset = 0;
                do {
                    FileChunk chunk {sha256, offset, size, in->read(Chunk), uploaders.value(0)};
                    if (chunk.data.isEmpty() && size > 0) {
                        *error = QStringLiteral("cannot read file %1: %2").arg(sha256, in->errorString());
                        return ok = false;
                    }
                    PutOutcome outcome;
                    if (!to.put(chunk, &outcome, error))
                        return ok = false;
                    if (outcome.kind == PutOutcome::Kind::HashMismatch) {
                        *error = QStringLiteral("file %1 reads back as %2").arg(sha256, outcome.actualSha256);
                        return ok = false;
                    }
                    offset += chunk.data.size();
                } while (offset < size);
                ++*copied;
            }
            for (const QString &user : uploaders) {
                if (!to.addUploader(sha256, user, error))
                    return ok = false;
            }
            return true;
        },
        error);
    return listed && ok;
}

FileRange::FileRange(std::unique_ptr<QIODevice> file, qint64 offset, qint64 length)
    : m_file(std::move(file))
    , m_offset(offset)
    , m_length(length)
{
    if (m_file->isOpen() || m_file->open(QIODevice::ReadOnly))
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    else
        setErrorString(m_file->errorString());
}

FileRange::~FileRange() = default;

bool FileRange::seek(qint64 pos)
{
    if (pos < 0 || pos > m_length)
        return false;
    return QIODevice::seek(pos);
}

qint64 FileRange::readData(char *data, qint64 maxSize)
{
    const qint64 at = pos();
    const qint64 n = std::min(maxSize, m_length - at);
    if (n <= 0)
        return at >= m_length ? -1 : 0;
    if (!m_file->seek(m_offset + at))
        return -1;
    return m_file->read(data, n);
}

} // namespace rounds::server
