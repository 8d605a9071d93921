#include "common/protocol/outboxmutation.h"

#include "common/protocol/errors.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"

namespace rounds {

namespace {

const QString kUpsert = QStringLiteral("upsert");
const QString kDelete = QStringLiteral("delete");

} // namespace

QJsonObject OutboxMutation::toJson() const
{
    QJsonObject json {{QStringLiteral("mutation_id"), mutationId}, {QStringLiteral("entity"), entity},
        {QStringLiteral("id"), recordId}, {QStringLiteral("op"), op},
        {QStringLiteral("base_version"), baseVersion}};
    if (op == kUpsert) {
        json.insert(QStringLiteral("base"), base);
        json.insert(QStringLiteral("set"), set);
    }
    return json;
}

OutboxMutation OutboxMutation::decode(const QJsonObject &json)
{
    OutboxMutation m;
    m.state = QStringLiteral("pending");
    m.mutationId = json.value(QLatin1String("mutation_id")).toString();
    auto fault = [&m](const QString &message, const char *field) {
        m.state = QStringLiteral("rejected");
        m.errorCode = QString::fromLatin1(protocol::ErrorCode::InvalidRequest);
        m.errorMessage = message;
        m.errorField = QString::fromLatin1(field);
        return m;
    };
    if (!protocol::isUuid(m.mutationId))
        return fault(QStringLiteral("field 'mutation_id' is not a lower-case UUID"), "mutation_id");
    const QJsonValue entity = json.value(QLatin1String("entity"));
    if (!entity.isString())
        return fault(QStringLiteral("field 'entity' must be a string"), "entity");
    m.entity = entity.toString();
    if (!protocol::Schema::instance().entity(m.entity))
        return fault(QStringLiteral("unknown entity '%1'").arg(m.entity), "entity");
    const QJsonValue id = json.value(QLatin1String("id"));
    if (!id.isString() || !protocol::isUuid(id.toString()))
        return fault(QStringLiteral("field 'id' is not a lower-case UUID"), "id");
    m.recordId = id.toString();
    m.op = json.value(QLatin1String("op")).toString();
    if (m.op != kUpsert && m.op != kDelete)
        return fault(QStringLiteral("field 'op' must be upsert or delete"), "op");
    const std::optional<qint64> baseVersion
        = protocol::wholeNumber(json.value(QLatin1String("base_version")));
    if (!baseVersion || *baseVersion < 0)
        return fault(QStringLiteral("field 'base_version' must be an integer of at least 0"), "base_version");
    m.baseVersion = *baseVersion;
    const QJsonValue base = json.value(QLatin1String("base"));
    if (!base.isUndefined() && !base.isNull() && !base.isObject())
        return fault(QStringLiteral("field 'base' must be an object"), "base");
    m.base = base.toObject();
    const QJsonValue set = json.value(QLatin1String("set"));
    if (m.op != kDelete && !set.isObject())
        return fault(QStringLiteral("field 'set' must be an object"), "set");
    m.set = set.toObject();
    return m;
}

std::optional<OutboxMutation> OutboxMutation::fromJson(
    const QJsonObject &json, QString *error, QString *field)
{
    OutboxMutation m = decode(json);
    if (m.isRejected()) {
        if (error)
            *error = m.errorMessage;
        if (field)
            *field = m.errorField;
        return std::nullopt;
    }
    return m;
}

} // namespace rounds
