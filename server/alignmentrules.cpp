#include "server/alignmentrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"

namespace rounds::server::alignmentrules {

using protocol::str;

std::optional<Denial> check(
    const QJsonObject &before, const QJsonObject &after, bool remove, const QString &today)
{
    const QString start = str(before, "valid_from");
    if (start.isEmpty() || start >= today)
        return std::nullopt; // not started: free to change or withdraw
    if (remove)
        return Denial {protocol::ErrorCode::InvalidRequest,
            QStringLiteral("the alignment took effect on %1: end it (valid_to) instead of deleting it")
                .arg(start),
            {}};
    for (const char *field : {"valid_from", "territory_id"}) {
        if (after.value(QLatin1String(field)) != before.value(QLatin1String(field)))
            return Denial {protocol::ErrorCode::InvalidRequest,
                QStringLiteral("the alignment took effect on %1: its %2 can no longer change")
                    .arg(start, QString::fromLatin1(field)),
                QString::fromLatin1(field)};
    }
    return std::nullopt;
}

} // namespace rounds::server::alignmentrules
