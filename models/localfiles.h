#pragma once

// Where synced files live on this computer (docs/sync-protocol.md, "Files"): content-addressed folders
// beside the user's database. `evidence/<sha256>` holds what this computer recorded (meeting receipts,
// models/meetingrepository.h) and uploads; `files/<sha256>` holds what it downloaded (materials, a
// receipt a manager opens). A file there is always whole and checked (FileTransfer renames a download
// into place only after its SHA-256 matched); a download in progress is `files/<sha256>.part`.

#include <QString>

namespace rounds::localfiles {

// The download folder of the database at `databasePath` (created by the caller that writes into it).
QString downloadFolderFor(const QString &databasePath);
// Where a download of `sha256` goes.
QString downloadPathFor(const QString &databasePath, const QString &sha256);
// The local copy of the file `sha256` (lower-case hex), in either folder, or empty when this computer
// holds none.
QString existingPathOf(const QString &databasePath, const QString &sha256);

} // namespace rounds::localfiles
