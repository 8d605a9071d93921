#pragma once

#include "common/protocol/outboxmutation.h"

#include <QList>

namespace rounds::protocol {

// {"mutations": […]} (PROTOCOL.md, Push).
struct PushRequest
{
    QList<OutboxMutation> mutations;

    QJsonObject toJson() const;
    // The body is refused (a 400) when "mutations" is not a list of objects. Each mutation is read with
    // OutboxMutation::decode: one that is wrong on its own comes back rejected, and the rest still apply.
    static std::optional<PushRequest> fromJson(
        const QJsonObject &json, QString *error = nullptr, QString *field = nullptr);
};

} // namespace rounds::protocol
