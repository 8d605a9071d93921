#include "common/protocol/pushrequest.h"

#include <QJsonArray>

namespace rounds::protocol {

QJsonObject PushRequest::toJson() const
{
    QJsonArray list;
    for (const OutboxMutation &m : mutations)
        list << m.toJson();
    return QJsonObject {{QStringLiteral("mutations"), list}};
}

std::optional<PushRequest> PushRequest::fromJson(const QJsonObject &json, QString *error, QString *field)
{
    const QString kMutations = QStringLiteral("mutations");
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        if (field)
            *field = kMutations;
        return std::nullopt;
    };
    const QJsonValue mutations = json.value(kMutations);
    if (!mutations.isArray())
        return fail(QStringLiteral("field 'mutations' must be a list"));
    const QJsonArray list = mutations.toArray();
    PushRequest request;
    request.mutations.reserve(list.size());
    for (const QJsonValue &m : list) {
        if (!m.isObject())
            return fail(QStringLiteral("every entry of 'mutations' must be an object"));
        request.mutations << OutboxMutation::decode(m.toObject());
    }
    return request;
}

} // namespace rounds::protocol
