#pragma once

#include "server/storage.h"

#include <QJsonObject>

namespace rounds::server {

// Data-subject requests, access (docs/privacy.md): everything the server holds about one HCP, as one
// JSON document (`rounds-server hcp export`, format "rounds-hcp-export", version 1):
//
//   format, version, generated_at, hcp_id
//   hcp            the HCP record (wire form: id, version, updated_at, updated_by and its fields)
//   erasure        the erase request when the HCP was erased ({at, requested_by, reason, placeholder})
//   records        {entity: [records]}: every record that names the HCP by a reference of the schema
//                  (alignments, tags, visits, plans, attendances, consent when the schema has it, the
//                  duplicates merged into it), the details of its visits, the meetings it attended
//                  with their expenses that name it, and the change requests about it
//   names          {id: name} for every territory, institution, department, product, key message,
//                  user and meeting those records name
//   audit          every audit entry of those records, oldest first
// Ids and field names are the protocol's (docs/sync-protocol.md).
bool hcpDossier(Storage &storage, const QString &hcpId, QJsonObject *out, QString *error);

} // namespace rounds::server
