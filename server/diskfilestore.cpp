#include "server/diskfilestore.h"

#include "common/protocol/files.h"
#include "server/log.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <unistd.h>

namespace rounds::server {

namespace {

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

bool fail(QString *error, const QString &text)
{
    qCWarning(lcServer).noquote() << "file store:" << text;
    if (error)
        *error = text;
    return false;
}

bool syncFile(QFile &file)
{
    return file.flush() && ::fsync(file.handle()) == 0;
}

// A rename or a new file is durable once its folder is synced.
bool syncFolder(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Writes `data` as the whole of `path`, durably (temporary file, fsync, rename, folder fsync).
bool writeWhole(const QString &path, const QByteArray &data, QString *error)
{
    const QString temp = path + QStringLiteral(".tmp");
    QFile f(temp);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size() || !syncFile(f))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(temp, f.errorString()));
    f.close();
    f.setPermissions(kOwnerOnly);
    QFile::remove(path);
    if (!QFile::rename(temp, path) || !syncFolder(QFileInfo(path).absolutePath()))
        return fail(error, QStringLiteral("cannot put %1 in place").arg(path));
    return true;
}

QString sha256OfFile(const QString &path, QString *error)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) {
        fail(error, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace

DiskFileStore::DiskFileStore(const QString &root)
    : m_root(root)
{ }

std::unique_ptr<DiskFileStore> DiskFileStore::open(const QString &dataDir, QString *error)
{
    if (!QFileInfo(dataDir).isDir()) {
        fail(error, QStringLiteral("%1 is not a data folder").arg(dataDir));
        return nullptr;
    }
    return std::unique_ptr<DiskFileStore>(new DiskFileStore(QDir(dataDir).filePath(folderName())));
}

std::unique_ptr<DiskFileStore> DiskFileStore::atRoot(const QString &root)
{
    return std::unique_ptr<DiskFileStore>(new DiskFileStore(root));
}

QString DiskFileStore::completePath(const QString &sha256) const
{
    return m_root + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString DiskFileStore::partialPath(const QString &sha256) const
{
    return m_root + QStringLiteral("/partial/") + sha256;
}

bool DiskFileStore::state(const QString &sha256, FileState *state, QString *error)
{
    Q_UNUSED(error);
    *state = {};
    const QFileInfo complete(completePath(sha256));
    if (complete.isFile()) {
        *state = {FileState::Kind::Complete, complete.size(), complete.size()};
        return true;
    }
    const QFileInfo partial(partialPath(sha256));
    QFile total(partialPath(sha256) + QStringLiteral(".total"));
    if (partial.isFile() && total.open(QIODevice::ReadOnly)) {
        bool ok = false;
        const qint64 declared = total.readAll().trimmed().toLongLong(&ok);
        if (ok)
            *state = {FileState::Kind::Partial, partial.size(), declared};
    }
    return true;
}

bool DiskFileStore::put(const FileChunk &chunk, PutOutcome *outcome, QString *error)
{
    QMutexLocker lock(&m_mutex);
    FileState now;
    if (!state(chunk.sha256, &now, error))
        return false;
    *outcome = {decideChunk(now, chunk.offset, chunk.total), now, {}};
    if (outcome->kind != PutOutcome::Kind::Stored)
        return true;

    const QString partial = partialPath(chunk.sha256);
    const QString totalFile = partial + QStringLiteral(".total");
    if (!QDir().mkpath(m_root + QStringLiteral("/partial")))
        return fail(error, QStringLiteral("cannot create %1/partial").arg(m_root));
    QFile data(partial);
    if (chunk.offset == 0) {
        // A new upload (or one started again): the declared size first, then the bytes.
        if (!writeWhole(totalFile, QByteArray::number(chunk.total), error))
            return false;
        if (!data.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return fail(error, QStringLiteral("cannot write %1: %2").arg(partial, data.errorString()));
        data.setPermissions(kOwnerOnly);
    } else if (!data.open(QIODevice::WriteOnly | QIODevice::Append)) {
        return fail(error, QStringLiteral("cannot write %1: %2").arg(partial, data.errorString()));
    }
    if (data.write(chunk.data) != chunk.data.size() || !syncFile(data))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(partial, data.errorString()));
    data.close();
    if (chunk.offset == 0 && !syncFolder(m_root + QStringLiteral("/partial")))
        return fail(error, QStringLiteral("cannot sync %1/partial").arg(m_root));
    const qint64 held = chunk.offset + chunk.data.size();
    outcome->state = {FileState::Kind::Partial, held, chunk.total};
    if (held < chunk.total)
        return true;

    const QString actual = sha256OfFile(partial, error);
    if (actual.isEmpty())
        return false;
    if (actual != chunk.sha256) {
        QFile::remove(partial);
        QFile::remove(totalFile);
        *outcome = {PutOutcome::Kind::HashMismatch, {}, actual};
        return true;
    }
    const QString target = completePath(chunk.sha256);
    const QString folder = QFileInfo(target).absolutePath();
    if (!QDir().mkpath(folder) || !QFile::rename(partial, target) || !syncFolder(folder))
        return fail(error, QStringLiteral("cannot put %1 in place").arg(target));
    QFile::remove(totalFile);
    outcome->kind = PutOutcome::Kind::Completed;
    outcome->state = {FileState::Kind::Complete, chunk.total, chunk.total};
    qCInfo(lcServer).noquote() << "file" << chunk.sha256 << "stored," << chunk.total << "bytes";
    return chunk.userId.isEmpty() || addUploaderLocked(chunk.sha256, chunk.userId, error);
}

bool DiskFileStore::isUploader(const QString &sha256, const QString &userId, bool *yes, QString *error)
{
    Q_UNUSED(error);
    QFile f(completePath(sha256) + QStringLiteral(".uploaders"));
    *yes = f.open(QIODevice::ReadOnly)
        && QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts).contains(userId);
    return true;
}

bool DiskFileStore::addUploader(const QString &sha256, const QString &userId, QString *error)
{
    QMutexLocker lock(&m_mutex);
    return addUploaderLocked(sha256, userId, error);
}

bool DiskFileStore::addUploaderLocked(const QString &sha256, const QString &userId, QString *error)
{
    bool known = false;
    if (!isUploader(sha256, userId, &known, error))
        return false;
    if (known)
        return true;
    QFile f(completePath(sha256) + QStringLiteral(".uploaders"));
    const bool created = !f.exists();
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append) || f.write(userId.toUtf8() + '\n') < 0
        || !syncFile(f))
        return fail(error, QStringLiteral("cannot write %1: %2").arg(f.fileName(), f.errorString()));
    f.close();
    if (created) {
        f.setPermissions(kOwnerOnly);
        syncFolder(QFileInfo(f.fileName()).absolutePath());
    }
    return true;
}

std::unique_ptr<QIODevice> DiskFileStore::open(
    const QString &sha256, qint64 offset, qint64 length, QString *error)
{
    auto range = std::make_unique<FileRange>(std::make_unique<QFile>(completePath(sha256)), offset, length);
    if (!range->isOpen()) {
        fail(error, QStringLiteral("cannot read file %1: %2").arg(sha256, range->errorString()));
        return nullptr;
    }
    return range;
}

bool DiskFileStore::list(
    const std::function<bool(const QString &, qint64, const QStringList &)> &visit, QString *error)
{
    const QDir root(m_root);
    for (const QString &sub : root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (sub.size() != 2)
            continue;
        const QDir dir(root.filePath(sub));
        for (const QFileInfo &f : dir.entryInfoList(QDir::Files, QDir::Name)) {
            if (!protocol::files::isSha256(f.fileName()))
                continue;
            QFile uploaders(f.filePath() + QStringLiteral(".uploaders"));
            QStringList users;
            if (uploaders.open(QIODevice::ReadOnly))
                users = QString::fromUtf8(uploaders.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            if (!visit(f.fileName(), f.size(), users))
                return false;
        }
    }
    Q_UNUSED(error);
    return true;
}

} // namespace rounds::server
