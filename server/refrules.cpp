#include "server/refrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"

#include <QDate>

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
    return Denial {
        ErrorCode::Forbidden, QStringLiteral("field '%1' names no %2 you can see").arg(field, entity), field};
}

QString targetOf(const Field &field, const QJsonObject &fields)
{
    if (!field.refEntityField.isEmpty())
        return str(fields, field.refEntityField);
    return field.refEntity;
}

namespace {

// How long after an HCP's alignment to a territory ended a visit about them is still the territory's to
// file: a realignment effective today reaches a laptop only at its next sync, and the visit of this
// morning must not be lost. A week covers a rep offline for a few days; later is another territory's.
constexpr int kMovedGraceDays = 7;

// A visit logged offline about an HCP who was aligned to one of the user's territories on the day of the
// visit, or up to kMovedGraceDays before it, stays the user's to file after the HCP moved on. The day is
// the visit's own, as written (its local date).
bool alignedOnTheDay(
    StoreReader &store, const Principal &user, const QString &hcpId, const QJsonObject &visit)
{
    const QString day = str(visit, QStringLiteral("visited_at")).left(10);
    const QDate date = QDate::fromString(day, Qt::ISODate);
    if (!date.isValid() || user.scope.leaves.isEmpty())
        return false;
    const QString graceStart = date.addDays(-kMovedGraceDays).toString(Qt::ISODate);
    for (const StoredRecord &a :
        store.referencing(QStringLiteral("alignment"), QStringLiteral("hcp_id"), hcpId)) {
        const QJsonObject &f = a.record.fields;
        const QString from = str(f, QStringLiteral("valid_from")), to = str(f, QStringLiteral("valid_to"));
        if (user.scope.leaves.contains(str(f, QStringLiteral("territory_id")))
            && (from.isEmpty() || from <= day) && (to.isEmpty() || graceStart <= to))
            return true;
    }
    return false;
}

// The HCP a visit names, when it was the user's on the visit's day: its own institution comes with it.
bool visitOfAnHcpOnceInScope(StoreReader &store, const Principal &user, const Entity &entity, const Field &f,
    const QString &id, const QJsonObject &after)
{
    if (entity.name != QLatin1String("visit"))
        return false;
    const QString hcpId = str(after, QStringLiteral("hcp_id"));
    if (f.name == QLatin1String("hcp_id"))
        return alignedOnTheDay(store, user, id, after);
    if (f.name == QLatin1String("institution_id")) {
        const std::optional<StoredRecord> hcp = store.record(QStringLiteral("hcp"), hcpId);
        return hcp && !hcp->deleted && str(hcp->record.fields, QStringLiteral("institution_id")) == id
            && alignedOnTheDay(store, user, hcpId, after);
    }
    return false;
}

} // namespace

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
        if (!visible(store, user, target, id) && !visitOfAnHcpOnceInScope(store, user, entity, f, id, after))
            return unseen(f.name, target);
    }
    return std::nullopt;
}

} // namespace rounds::server::refrules
