#pragma once

#include "server/storage.h"

#include <QStringList>

namespace rounds::server {

enum class ImportKind { Hcps, Alignments, Sales };

struct ImportOptions
{
    ImportKind kind = ImportKind::Hcps;
    QString encoding = QStringLiteral("auto"); // auto, utf-8, gbk
    bool dryRun = false;
};

struct ImportReport
{
    bool ok = false;
    int rows = 0; // data rows read (and, unless a dry run, applied)
    QStringList errors; // "line N: reason", one per invalid row
    QStringList warnings; // unknown columns and the like
    QString fatal; // a problem with the file as a whole
};

// Imports an HCP, alignment or sales CSV file: all rows or none (see docs/server.md, docs/sfe.md). HCP
// and alignment rows follow the shared rules of common/import/importrules.h.
ImportReport importCsv(Storage &storage, const QString &path, const ImportOptions &options);
// The same for the bytes of an HCP or alignment file.
ImportReport importRows(Storage &storage, const QByteArray &bytes, const ImportOptions &options);

// Every live record, one JSON object a line: {"entity": …, "record": {…}}. With `noPersonal` the
// fields of protocol::privacy::personalFields() are left out of the records (absent, not null).
bool exportJsonl(
    Storage &storage, const QString &path, qint64 *count, QString *error, bool noPersonal = false);

} // namespace rounds::server
