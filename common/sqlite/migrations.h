#pragma once

#include "common/sqlite/layerguard.h"

#include <QList>
#include <QString>

#include <functional>

namespace rounds::sql {

class Database;

// One numbered step; `up` runs inside its own transaction. Never edit a released step: add one.
struct Migration
{
    int version;
    QString description;
    std::function<void(Database &)> up;
};

struct MigrationResult
{
    bool ok = false;
    int from = 0;
    int to = 0;
    QString error;
};

// Brings the file to the newest version, one step per transaction, keyed on PRAGMA user_version.
// A file from a newer version of the program is refused untouched.
MigrationResult migrate(Database &db, const QList<Migration> &steps, const QString &what);

} // namespace rounds::sql
