#pragma once

// The server's rules about approved content (docs/content.md, docs/sync-protocol.md "Content"), on every
// push, above storage so both backends apply them alike: a page view (content_view) must be of a
// material that could be presented when it started, and may name an HCP only when their activity
// tracking is allowed then; a material becomes `approved` only with a file the server holds complete.

#include "server/storage.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server {

class FileStore;

namespace contentrules {

// A `content_view` stored as `after` over `before` (none for a create): refused with
// material_unavailable (protocol::content::checkView against the material as stored, field
// material_id, material_version or started_at), or consent_required on hcp_id when the view names an HCP
// whose activity tracking was not allowed at started_at (consent::trackingAllowed over the consent
// records captured by then: a later withdrawal does not reach back). Unchanged views and
// other entities pass. The answer is a wire error object.
std::optional<QJsonObject> checkView(StoreReader &store, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after);

// A `material` that is `approved` after the change, when it becomes approved or its file changes: refused
// with invalid_request on `file` unless `files` holds that file complete (a rep must be able to download
// what is approved). No file store (nullptr): refused too, since the server cannot tell.
std::optional<QJsonObject> checkMaterial(FileStore *files, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after);

} // namespace contentrules
} // namespace rounds::server
