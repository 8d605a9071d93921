#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace rounds::protocol {

// bucket → the last sequence number the client holds of it.
using Cursors = QHash<QString, qint64>;

QJsonObject cursorsToJson(const Cursors &cursors);

// {"cursors": {"<bucket>": <seq>, …}, "limit": <n>} (PROTOCOL.md, Pull).
struct PullRequest
{
    Cursors cursors; // a bucket in scope that is not named starts at 0
    std::optional<qint64> limit; // none: the server's default

    QJsonObject toJson() const;
    // As the server checks it: "cursors" absent, null or an object of whole numbers ≥ 0; "limit" absent,
    // null or a whole number ≥ 1. `field` names the field at fault.
    static std::optional<PullRequest> fromJson(
        const QJsonObject &json, QString *error = nullptr, QString *field = nullptr);
};

} // namespace rounds::protocol
