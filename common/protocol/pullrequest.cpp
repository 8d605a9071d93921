#include "common/protocol/pullrequest.h"

#include "common/protocol/values.h"

namespace rounds::protocol {

QJsonObject cursorsToJson(const Cursors &cursors)
{
    QJsonObject json;
    for (auto it = cursors.begin(); it != cursors.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

QJsonObject PullRequest::toJson() const
{
    QJsonObject json {{QStringLiteral("cursors"), cursorsToJson(cursors)}};
    if (limit)
        json.insert(QStringLiteral("limit"), *limit);
    return json;
}

std::optional<PullRequest> PullRequest::fromJson(const QJsonObject &json, QString *error, QString *field)
{
    auto fail = [error, field](const QString &message, const QString &at) {
        if (error)
            *error = message;
        if (field)
            *field = at;
        return std::nullopt;
    };
    const QString kCursors = QStringLiteral("cursors");
    PullRequest request;
    const QJsonValue cursors = json.value(kCursors);
    if (!cursors.isUndefined() && !cursors.isNull() && !cursors.isObject())
        return fail(QStringLiteral("field 'cursors' must be an object"), kCursors);
    const QJsonObject named = cursors.toObject();
    for (auto it = named.begin(); it != named.end(); ++it) {
        const std::optional<qint64> seq = wholeNumber(it.value());
        if (!seq || *seq < 0)
            return fail(
                QStringLiteral("cursor of bucket '%1' must be an integer of at least 0").arg(it.key()),
                kCursors);
        request.cursors.insert(it.key(), *seq);
    }
    const QJsonValue limit = json.value(QLatin1String("limit"));
    if (!limit.isUndefined() && !limit.isNull()) {
        request.limit = wholeNumber(limit);
        if (!request.limit || *request.limit < 1)
            return fail(
                QStringLiteral("field 'limit' must be an integer of at least 1"), QStringLiteral("limit"));
    }
    return request;
}

} // namespace rounds::protocol
