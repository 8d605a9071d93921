#pragma once

#include "server/principal.h"
#include "server/storage.h"

namespace rounds::server {

// Data-subject requests over HTTP (docs/sync-protocol.md, "Data-subject requests"), for the SFE and
// admin users of the desktop client; the same work as `rounds-server hcp export|erase`:
//   POST /api/v1/admin/hcp/export {hcp_id, format: json|pdf, lang: en|zh_CN}
//        → the dossier (server/hcpdossier.h) as JSON, or its PDF (application/pdf)
//   POST /api/v1/admin/hcp/erase {hcp_id, reason}
//        → {hcp_id, placeholder, already_erased, erased: {visits, plans, …}}; the signed-in user is the
//          one who asked, in the audit trail and the erasure record, as `hcp erase --by` names them.
// Other roles: 403 forbidden. An HCP the server does not hold: 404 `unknown_hcp`. Erasing again is
// harmless: 200 with already_erased true, the request recorded again.
class DsrService final
{
public:
    static constexpr int kMaxReasonLength = 500; // characters, after trimming
    static constexpr int kMaxIdLength = 200;

    explicit DsrService(Storage &storage)
        : m_storage(storage)
    { }

    ApiReply exportHcp(const Principal &user, const QJsonObject &body);
    ApiReply eraseHcp(const Principal &user, const QJsonObject &body);

private:
    Storage &m_storage;
};

} // namespace rounds::server
