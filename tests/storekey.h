#pragma once

// A test's own sqlite connection to a client store file: the store is encrypted (models/storekeys.h),
// so the connection needs the file's key, which the store put in the keychain (or this process's
// memory) when it created the file.

#include "common/sqlite/database.h"
#include "models/storekeys.h"

#include <QFile>

namespace rounds::test {

inline sql::Database::Options storeOptions(const QString &path, sql::Database::Options options = {})
{
    options.key = storekeys::keyFor(path, false).key;
    return options;
}

// A copy of a closed store file that this process can open: the file, and its key under the copy's name.
inline bool copyStore(const QString &from, const QString &to)
{
    const QByteArray key = storekeys::keyFor(from, false).key;
    return QFile::copy(from, to) && (key.isEmpty() || storekeys::keyring().save(to, key).ok);
}

} // namespace rounds::test
