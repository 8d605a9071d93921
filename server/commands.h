#pragma once

#include <QStringList>

namespace rounds::server {

// The command line of rounds-server (see docs/server.md). Exit status: 0 success, 2 bad usage, 1 failure
// (with one line on stderr).
int runCommand(const QStringList &arguments);

} // namespace rounds::server
