#pragma once

#include <QStringList>

namespace rounds::server {

// `rounds-server hcp export|erase` (docs/server.md, "Data-subject requests").
int hcpCommand(const QStringList &args);

// Whether the command line needs a QGuiApplication (fonts, QPdfWriter): `hcp export --pdf`, and `serve`
// (the PDF of POST /api/v1/admin/hcp/export).
bool needsGui(const QStringList &args);

} // namespace rounds::server
