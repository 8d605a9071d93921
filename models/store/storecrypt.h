#pragma once

#include <QByteArray>
#include <QString>

#include <functional>

namespace rounds::storecrypt {

// What a store file is, from its first bytes: nothing yet, a plain SQLite file (Rounds before the
// encrypted store), or anything else (an encrypted file: its first 16 bytes are the cipher's salt).
enum class FileState { New, Plain, Encrypted };
FileState stateOf(const QString &path);

// The temporary file of an encryption in progress: `path` + ".encrypting".
QString encryptingPath(const QString &path);

// Removes what an encryption interrupted before its rename left (the plain file is still the real one),
// unless another program is encrypting the file right now.
void removeLeftovers(const QString &path);

// Encrypts a plain store file in place with `key`, so that a crash at any point leaves either the old
// plain file or the new encrypted one (and at most a stale temporary file, removed by the next run):
//   1. the plain file's WAL is checkpointed into it and the file leaves WAL mode (no -wal file remains
//      that could be applied to the new file);
//   2. VACUUM INTO writes an encrypted copy to `path`.encrypting, which is flushed to the disk;
//   3. the copy is renamed over the plain file (atomic) and the folder is flushed.
// `crashPoint` is the store's test seam (ROUNDS_TEST_CRASH_AT): called between the steps.
struct Outcome
{
    bool ok = false;
    bool damaged = false; // SQLite found the plain file damaged: the store moves it aside, as any damaged file
    QString message; // when not ok: a sentence for the user; the plain file is untouched
};
Outcome encryptInPlace(const QString &path, const QByteArray &key,
    const std::function<void(const char *)> &crashPoint = {});

} // namespace rounds::storecrypt
