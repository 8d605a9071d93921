#include "server/refrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"

namespace rounds::server::refrules {

using namespace rounds::protocol;

bool visible(StoreReader &store, const Principal &user, const QString &entity, const QString &id)
{
    const std::optional<StoredRecord> target = store.record(entity, id);
    if (!target || target->deleted)
        return false;
    if (user.scope.everything)
        return true;
    for (const QString &bucket : store.buckets(entity, id)) {
        if (user.scope.hasBucket(bucket))
            return true;
    }
    return false;
}

Denial unseen(const QString &field, const QString &entity)
{
    return Denial {ErrorCode::Forbidden,
        QStringLiteral("field '%1' names no %2 you can see").arg(field, entity), field};
}

QString targetOf(const Field &field, const QJsonObject &fields)
{
    if (!field.refEntityField.isEmpty())
        return str(fields, field.refEntityField);
    return field.refEntity;
}

std::optional<Denial> check(StoreReader &store, const Principal &user, const Entity &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    for (const Field &f : entity.fields) {
        if (f.type != FieldType::Ref || f.serverOnly)
            continue;
        const QString id = str(after, f.name);
        const QString target = targetOf(f, after);
        if (id.isEmpty() || target.isEmpty())
            continue;
        // A reference kept as it was stays valid even when its record has since left the user's scope
        // (an HCP moved to another territory): the user's own record is not frozen by it.
        if (before && str(*before, f.name) == id && targetOf(f, *before) == target)
            continue;
        if (!visible(store, user, target, id))
            return unseen(f.name, target);
    }
    return std::nullopt;
}

} // namespace rounds::server::refrules
