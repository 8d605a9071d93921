#pragma once

#include <QString>
#include <QTemporaryFile>

namespace rounds::server {

// A file only its owner may read, written whole or not at all. It is created with mode 0600 under a
// temporary name in the target's folder and renamed over the target when committed, so no other user
// ever sees a byte of it: QSaveFile would create a new file with the umask's mode and give a replaced
// file the old one's mode (world-readable stays world-readable).
class PrivateFile final
{
public:
    explicit PrivateFile(const QString &path);

    bool open(QString *error);
    QIODevice &device() { return m_file; }
    // Flushes to disk and puts the file in place; without it the temporary file is removed.
    bool commit(QString *error);

private:
    QString m_path;
    QTemporaryFile m_file;
};

} // namespace rounds::server
