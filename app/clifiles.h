#pragma once

// rounds-cli files [--download] (app/cli.cpp): the synced files on this computer and the download
// queue, and a blocking download of everything queued. False with `error` (English) on failure.

#include <QString>

class QTextStream;

namespace rounds {
class ApiClient;
class Store;
} // namespace rounds

namespace rounds::clifiles {

// One line per file_state row (hash order), then the queue in fetch order; --json: one array of
// objects, a queued file with `queued` (its place, from 1) and `reason`.
bool list(Store &store, bool json, QTextStream &out, QString *error);
// Runs the download queue's runner here until nothing is left (or the server cannot be reached):
// progress lines on stderr, a summary on `out`; false when a file failed or the server was unreachable.
bool download(Store &store, ApiClient &api, bool json, QTextStream &out, QString *error);

} // namespace rounds::clifiles
