#pragma once

// A test's own sqlite connection to a client store file: the store is encrypted (models/storekeys.h),
// so the connection needs the file's key, which the store put in the keychain (or this process's
// memory) when it created the file.

#include "common/sqlite/database.h"
#include "models/storekeys.h"

namespace rounds::test {

inline sql::Database::Options storeOptions(const QString &path, sql::Database::Options options = {})
{
    options.key = storekeys::keyFor(path, false).key;
    return options;
}

} // namespace rounds::test
