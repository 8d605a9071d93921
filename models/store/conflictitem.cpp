#include "models/store/conflictitem.h"

namespace rounds {

QJsonObject ConflictItem::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id}, {QStringLiteral("entity"), entity},
        {QStringLiteral("record_id"), recordId}, {QStringLiteral("mutation_id"), mutationId},
        {QStringLiteral("field"), field}, {QStringLiteral("base"), base}, {QStringLiteral("mine"), mine},
        {QStringLiteral("theirs"), theirs}, {QStringLiteral("created_at"), createdAt},
        {QStringLiteral("resolved"), resolved},
        {QStringLiteral("resolution"), resolution.isEmpty() ? QJsonValue() : QJsonValue(resolution)}};
}

} // namespace rounds
