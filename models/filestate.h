#pragma once

#include <QList>
#include <QString>

namespace rounds {

// What this computer knows of one synced file (docs/sync-protocol.md, "Files"), kept in the local table
// `file_state` (client migration 21) by the transfer engine (sync/filetransfer.h) and listed by
// `rounds-cli files`. Local only: never synced.
struct FileStateRow
{
    QString sha256;
    qint64 size = 0;
    QString state = QStringLiteral("missing"); // missing, partial, complete
    qint64 bytes = 0; // held: on this computer (download) or on the server (upload)
    bool pinned = false; // kept offline (materials a rep pins)
    QString lastError; // the last transfer's failure, empty after a success
    QString updatedAt; // ISO 8601 UTC, set by the store
};

} // namespace rounds
