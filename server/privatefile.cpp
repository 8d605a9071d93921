#include "server/privatefile.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace rounds::server {

PrivateFile::PrivateFile(const QString &path)
    : m_path(path)
    , m_file(QFileInfo(path).absoluteDir().filePath(
          QStringLiteral(".%1.XXXXXX").arg(QFileInfo(path).fileName())))
{ }

bool PrivateFile::open(QString *error)
{
    // QTemporaryFile creates its file with O_EXCL and mode 0600, whatever the umask allows.
    if (!m_file.open()) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    return true;
}

bool PrivateFile::commit(QString *error)
{
    if (!m_file.flush() || ::fsync(m_file.handle()) != 0) {
        *error = QStringLiteral("cannot write %1: %2").arg(m_path, m_file.errorString());
        return false;
    }
    const QString temporary = m_file.fileName();
    m_file.close();
    // rename() replaces the target at once, also one that exists, and never follows it if it is a link.
    if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0) {
        *error
            = QStringLiteral("cannot write %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_file.setAutoRemove(false);
    return true;
}

} // namespace rounds::server
