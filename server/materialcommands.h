#pragma once

#include <QStringList>

namespace rounds::server {

// `rounds-server material add FILE --product NAME --title TEXT ...` (docs/content.md): a material for
// scripted set-up, its file stored as an upload would store it.
int materialCommand(const QStringList &args);

} // namespace rounds::server
