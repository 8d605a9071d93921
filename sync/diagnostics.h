#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// What support needs to see when something goes wrong, without any personal data of HCPs: versions,
// the sync state (what `rounds-cli status --json` prints: counts, cursors, refusals by code) and the
// client's log files. Nothing in here reads HCP, visit or meeting fields.
namespace diagnostics {

// The protocol version this build speaks (the Rounds-Protocol header).
inline constexpr int ProtocolVersion = 1;

// Rounds, Qt (run time and build time), SQLite, the protocol, the operating system.
QJsonObject versions();

// The sync state of a local database: server, user, pending and rejected changes, open conflicts,
// cursors, epoch, last sync. The JSON of `rounds-cli status --json`.
QJsonObject syncStatus(Store &store);

// The folder of the client's log files (rounds.log and the rotated rounds.log.1).
QString logDirectory();

// Writes every Qt log message to logDirectory()/rounds.log as well as to stderr (rotated at 2 MiB,
// one older file kept). Call once from main() after QApplication exists.
void installFileLog();

// Writes one JSON file to `path` for a support ticket: when, versions, system, sync status (when
// `store` is open), and the tail of each log file. False with `error` set when the file cannot be
// written.
bool exportBundle(Store *store, const QString &path, QString *error);

} // namespace diagnostics
} // namespace rounds
