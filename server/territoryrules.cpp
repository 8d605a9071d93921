#include "server/territoryrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/values.h"
#include "server/principal.h"

#include <QHash>

namespace rounds::server::territoryrules {

using protocol::ErrorCode::InvalidRequest;

namespace {

using protocol::str;

// `active` is an optional protocol addition: a record without it is active.
bool isActive(const QJsonObject &t)
{
    const QJsonValue v = t.value(QLatin1String("active"));
    return !v.isBool() || v.toBool();
}

QString parentLevel(const QString &level)
{
    if (level == QLatin1String("district"))
        return QStringLiteral("region");
    if (level == QLatin1String("territory"))
        return QStringLiteral("district");
    return {};
}

// Alignments to the territory that are current or future (not ended before today).
int alignedNowOrLater(StoreReader &store, const QString &id, const QString &today)
{
    int aligned = 0;
    store.scan(QStringLiteral("alignment"), [&](const StoredRecord &a) {
        const QJsonValue to = a.record.fields.value(QLatin1String("valid_to"));
        if (!a.deleted && str(a.record.fields, "territory_id") == id
            && (!to.isString() || to.toString() >= today))
            ++aligned;
    });
    return aligned;
}

} // namespace

std::optional<Denial> check(StoreReader &store, const QString &id, const std::optional<QJsonObject> &before,
    const QJsonObject &after, bool remove, const QString &today)
{
    QHash<QString, QJsonObject> live; // the other live territories
    for (const StoredRecord &t : store.all(QStringLiteral("territory"))) {
        if (!t.deleted && t.record.id != id)
            live.insert(t.record.id, t.record.fields);
    }
    QStringList children;
    QStringList activeChildren;
    for (auto it = live.begin(); it != live.end(); ++it) {
        if (str(it.value(), "parent_id") == id) {
            children << str(it.value(), "code");
            if (isActive(it.value()))
                activeChildren << str(it.value(), "code");
        }
    }
    const bool retiring = !remove && before && isActive(*before) && !isActive(after);
    if (remove || retiring) {
        const QStringList &blocking = remove ? children : activeChildren;
        if (!blocking.isEmpty())
            return Denial {InvalidRequest,
                QStringLiteral("the territory still has %1 under it (%2); move or retire them first")
                    .arg(blocking.size())
                    .arg(blocking.join(QStringLiteral(", "))),
                remove ? QString() : QStringLiteral("active")};
        const int aligned = alignedNowOrLater(store, id, today);
        if (aligned > 0)
            return Denial {InvalidRequest,
                QStringLiteral("%1 HCPs are aligned to the territory now or later; move them first")
                    .arg(aligned),
                remove ? QString() : QStringLiteral("active")};
        if (remove)
            return std::nullopt;
    }
    if (remove)
        return std::nullopt;

    const QString code = str(after, "code").trimmed();
    for (auto it = live.begin(); it != live.end(); ++it) {
        if (str(it.value(), "code").compare(code, Qt::CaseInsensitive) == 0)
            return Denial {InvalidRequest,
                QStringLiteral("another territory (%1) has the code %2").arg(str(it.value(), "name"), code),
                QStringLiteral("code")};
    }

    const QString level = str(after, "level");
    if (before && str(*before, "level") != level && !children.isEmpty())
        return Denial {InvalidRequest,
            QStringLiteral("the level of a territory with territories under it does not change"),
            QStringLiteral("level")};
    // Like retiring: HCPs aligned to a leaf (now or later) would be aligned to a district or region.
    if (before && str(*before, "level") != level) {
        const int aligned = alignedNowOrLater(store, id, today);
        if (aligned > 0)
            return Denial {InvalidRequest,
                QStringLiteral("%1 HCPs are aligned to the territory now or later; move them before its "
                               "level changes")
                    .arg(aligned),
                QStringLiteral("level")};
    }
    const QString parent = str(after, "parent_id");
    const QString wanted = parentLevel(level);
    if (wanted.isEmpty()) {
        if (!parent.isEmpty())
            return Denial {
                InvalidRequest, QStringLiteral("a region has no parent"), QStringLiteral("parent_id")};
        return std::nullopt;
    }
    if (parent.isEmpty() || !live.contains(parent))
        return Denial {InvalidRequest,
            QStringLiteral("a %1 needs a parent %2 the server knows").arg(level, wanted),
            QStringLiteral("parent_id")};
    if (str(live.value(parent), "level") != wanted)
        return Denial {InvalidRequest,
            QStringLiteral("a %1's parent is a %2, not a %3")
                .arg(level, wanted, str(live.value(parent), "level")),
            QStringLiteral("parent_id")};
    if (isActive(after) && !isActive(live.value(parent)))
        return Denial {
            InvalidRequest, QStringLiteral("the parent territory is retired"), QStringLiteral("parent_id")};
    // The level chain already rules out cycles; the walk guards records stored before these rules.
    QString at = parent;
    for (int depth = 0; depth < 16 && !at.isEmpty(); ++depth) {
        if (at == id)
            return Denial {InvalidRequest, QStringLiteral("the territory would be under itself"),
                QStringLiteral("parent_id")};
        at = str(live.value(at), "parent_id");
    }
    return std::nullopt;
}

void handOver(StoreWriter &store, Feed &feed, const QString &territoryId, const QString &oldOwner,
    const QString &newOwner)
{
    if (oldOwner.isEmpty() || oldOwner == newOwner)
        return;
    std::optional<UserRow> u = store.userById(oldOwner);
    if (!u || u->role != QLatin1String("rep") || u->homeTerritoryId != territoryId)
        return;
    u->homeTerritoryId.clear();
    store.putUser(*u);
    const std::optional<StoredRecord> rec = store.record(QStringLiteral("user"), u->id);
    if (rec && !rec->deleted) {
        StoredRecord after = *rec;
        after.record.fields.insert(QStringLiteral("home_territory_id"), QJsonValue());
        feed.commit(rec, after,
            QStringLiteral("territory %1 handed over to %2")
                .arg(territoryId, newOwner.isEmpty() ? QStringLiteral("nobody") : newOwner));
    }
}

// A territory to file a review request under: one of the record's own the user can see, else any.
QString reviewTerritory(StoreReader &store, const Principal &u, const StoredRecord &r)
{
    QString fallback;
    for (const QString &b : store.buckets(r.entity, r.record.id)) {
        if (!b.startsWith(QLatin1String("t:")))
            continue;
        if (u.scope.hasBucket(b))
            return b.mid(2);
        if (fallback.isEmpty())
            fallback = b.mid(2);
    }
    if (!fallback.isEmpty())
        return fallback;
    // In no territory (an HCP aligned nowhere): a region's own bucket, which no rep or manager pulls
    // (scopes are leaf territories), so the request reaches SFE through `review` only and the proposed
    // values are not shown to an unrelated territory.
    QString region;
    for (const StoredRecord &t : store.all(QStringLiteral("territory"))) {
        if (!t.deleted && str(t.record.fields, "level") == QLatin1String("region")
            && (region.isEmpty() || t.record.id < region))
            region = t.record.id;
    }
    if (!region.isEmpty())
        return region;
    const QStringList leaves = scopeFor(store, protocol::RoleAdmin, {}).territoryIds();
    return leaves.isEmpty() ? QString() : leaves.first();
}

} // namespace rounds::server::territoryrules
