#pragma once

#include "server/denial.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rounds::server::alignmentrules {

// The dated alignments (entities with BucketRule::Alignment): a pending move or addition (an alignment
// starting later) may be edited or withdrawn until it takes effect (docs/sfe.md): once the stored alignment
// has started, its start day and its territory stay, and it is not deleted (end it with valid_to instead).
// "Started" is a valid_from before `today`, the server's UTC date, so a client up to a day ahead of UTC
// (China) still reaches its own today's changes. `before` is the stored record, `after` its fields after the
// change (ignored for a delete). nullopt: allowed.
std::optional<Denial> check(
    const QJsonObject &before, const QJsonObject &after, bool remove, const QString &today);

} // namespace rounds::server::alignmentrules
