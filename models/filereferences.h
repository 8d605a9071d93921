#pragma once

// The synced files local records name (docs/sync-protocol.md, "Files"): every value of every field the
// schema flags as a file reference (protocol::files::referenceFields(): a meeting expense's evidence, a
// consent's evidence, a material's file and thumbnail, ...), so the sync uploads what this computer
// recorded whatever entity names it.

#include <QStringList>

namespace rounds {

class Store;

namespace filereferences {
// The distinct "sha256:<hex>[:<name>]" values of the local records, sorted; errors reported as readRows.
QStringList all(Store *store, QString *error);
} // namespace filereferences

} // namespace rounds
