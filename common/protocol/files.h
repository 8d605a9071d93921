#pragma once

// Files synced by content (docs/sync-protocol.md, "Files"): a file is named by the SHA-256 of its bytes;
// a record names it in a field flagged `fileRef` (Field::holdsFileReference) as "sha256:<hex>[:<name>]";
// the company setting `files.max_bytes` bounds its size. One reading for client and server.

#include "common/protocol/schema.h"

#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace rounds::protocol::files {

// `setting` key: the largest file the server accepts, in bytes (a JSON integer).
inline const QString MaxBytesKey = QStringLiteral("files.max_bytes");
inline constexpr qint64 DefaultMaxBytes = 256LL * 1024 * 1024;
inline constexpr qint64 MinMaxBytes = 1024;
inline constexpr qint64 MaxMaxBytes = 4LL * 1024 * 1024 * 1024;

// The value of `files.max_bytes`: the default when undefined or null; nothing (with `problem`, English)
// when it is not a whole number between MinMaxBytes and MaxMaxBytes.
std::optional<qint64> maxBytesFromJson(const QJsonValue &value, QString *problem);
// The check of a `setting` record's value for the key above (nothing for other keys and valid values).
std::optional<QString> checkSetting(const QString &key, const QJsonValue &value);

// A SHA-256 in lower-case hex (64 characters)?
bool isSha256(QStringView text);
// The SHA-256 a file reference names ("sha256:<hex>" or "sha256:<hex>:<name>", hex in any case), in
// lower case; empty for any other text.
QString sha256Of(QStringView reference);
// "sha256:<hex>:<name>" (the name is cut to what the field's length allows by the caller).
QString reference(const QString &sha256, const QString &name);

// The (entity, field) pairs of the schema that may hold a file reference.
QList<QPair<QString, QString>> referenceFields();

} // namespace rounds::protocol::files
