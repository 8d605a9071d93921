#pragma once

#include <QStringList>

namespace rounds {

class Store;

// rounds-cli materials [--json] (docs/content.md): every local material with its availability now (at
// MaterialQueries::trustedNow, the clock that never goes back) and the state of its file here.
int materialsCommand(Store &store, const QStringList &args, bool json);

} // namespace rounds
