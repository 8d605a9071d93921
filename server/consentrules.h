#pragma once

#include "common/protocol/consent.h"
#include "server/denial.h"
#include "server/storage.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server {

// The consent rule (common/protocol/consent.h, docs/privacy.md) as the server enforces it on every push
// of a record that contacts an HCP (a visit, a meeting attendee of kind hcp).
namespace consentrules {

// The company's consent settings in force (the newest `setting` record of each key, as the client reads).
protocol::consent::Rules rules(StoreReader &store);
// The HCP's live consent records.
QList<protocol::consent::Record> records(StoreReader &store, const QString &hcpId);

// A record of `entity` stored as `after` over `before` (none for a create or a restore): refused with
// consent_required when it is a new contact (a create, or another HCP, channel or time) that the rule
// blocks. The error's field is the contact's (visit: channel; attendee: hcp_id); its `details` carry
// hcp_id, channel and state. Other changes pass.
std::optional<QJsonObject> check(StoreReader &store, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after);

} // namespace consentrules
} // namespace rounds::server
