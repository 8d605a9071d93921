#include "models/territories.h"

#include "common/protocol/schema.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/log.h"
#include "models/referencequeries.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"
#include "models/store.h"

#include <QJsonObject>

namespace rounds {

namespace {

// How this build's schema lets a territory be retired: a boolean `active`, a `status` with a retired
// value, or neither (then retiring deletes the record).
struct RetireField
{
    QString name;
    QJsonValue retiredValue;
};

RetireField retireField()
{
    const protocol::Entity *e = protocol::Schema::instance().entity(u"territory");
    if (!e)
        return {};
    for (const protocol::Field &f : e->fields) {
        if (f.name == QLatin1String("active") && f.type == protocol::FieldType::Bool)
            return {f.name, QJsonValue(false)};
        if (f.name == QLatin1String("status")) {
            for (const char *v : {"retired", "inactive"}) {
                if (f.enumValues.contains(QLatin1String(v)))
                    return {f.name, QJsonValue(QString::fromLatin1(v))};
            }
        }
    }
    return {};
}

QString retiredExpression(const QString &alias)
{
    const RetireField f = retireField();
    if (f.name.isEmpty())
        return QStringLiteral("0");
    if (f.retiredValue.isBool())
        return QStringLiteral("coalesce(%1.active, 1) = 0").arg(alias);
    return QStringLiteral("coalesce(%1.status, '') = '%2'").arg(alias, f.retiredValue.toString());
}

TerritoryEditResult fail(const QString &message)
{
    TerritoryEditResult r;
    r.error = message;
    return r;
}

TerritoryEditResult fromWrite(const WriteResult &w)
{
    TerritoryEditResult r;
    r.ok = w.ok;
    r.id = w.id;
    r.error = w.error;
    return r;
}

std::optional<TerritoryNode> node(Store *store, const QString &id)
{
    QList<TerritoryNode> all;
    if (!Territories::list(store, &all))
        return std::nullopt;
    for (const TerritoryNode &n : std::as_const(all)) {
        if (n.id == id)
            return n;
    }
    return std::nullopt;
}

int count(Store *store, const QString &sql, const QVariantList &binds)
{
    return catchSql(
        [&] {
            auto q = store->database()->query(sql);
            bindVariants(*q, binds);
            return q->step() ? q->integer(0) : 0;
        },
        [](const sql::SqlError &e) {
            qCWarning(lcStore) << "territory check failed:" << e.text();
            return -1;
        });
}

} // namespace

bool Territories::list(Store *store, QList<TerritoryNode> *out, QString *error)
{
    out->clear();
    if (!store || !store->database()) {
        if (error)
            *error = tr("The local store is not open.");
        return false;
    }
    if (!guarded(error, [&] {
            auto q = store->database()->query(QStringLiteral(
                "SELECT t.id, t.code, t.name, t.level, t.parent_id, t.owner_id, %2, %1, "
                "EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'territory' AND o.record_id = t.id "
                "        AND o.state <> 'rejected'), "
                "EXISTS (SELECT 1 FROM conflict c WHERE c.entity = 'territory' AND c.record_id = t.id "
                "        AND c.resolved = 0) "
                "OR EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'territory' AND o.record_id = t.id "
                "        AND o.state = 'rejected') "
                "FROM territory t LEFT JOIN \"user\" u ON u.id = t.owner_id "
                "ORDER BY CASE t.level WHEN 'region' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, t.code, t.id")
                                                  .arg(retiredExpression(QStringLiteral("t")),
                                                      ReferenceQueries::personNameExpression(
                                                          QStringLiteral("u"))));
            while (q->step()) {
                TerritoryNode n;
                n.id = q->text(0);
                n.code = q->text(1);
                n.name = q->text(2);
                n.level = q->text(3);
                n.parentId = q->text(4);
                n.ownerId = q->text(5);
                n.ownerName = q->text(6);
                n.retired = q->integer(7) != 0;
                n.pending = q->integer(8) != 0;
                n.conflicted = q->integer(9) != 0;
                *out << n;
            }
        })) {
        out->clear();
        return false;
    }
    return true;
}

QList<TerritoryUser> Territories::owners(Store *store)
{
    QList<TerritoryUser> out;
    if (!store || !store->database())
        return out;
    catchSql(
        [&] {
            auto q = store->database()->query(
                QStringLiteral("SELECT u.id, %1, u.role FROM \"user\" u WHERE coalesce(u.active, 1) = 1 "
                               "AND u.role IN ('rep', 'manager') ORDER BY u.role DESC, 2, u.id")
                    .arg(ReferenceQueries::personNameExpression(QStringLiteral("u"))));
            while (q->step())
                out << TerritoryUser {q->text(0), q->text(1), q->text(2)};
        },
        [](const sql::SqlError &e) { qCWarning(lcStore) << "owners:" << e.text(); });
    return out;
}

QString Territories::childLevel(const QString &parentLevel)
{
    if (parentLevel.isEmpty())
        return QStringLiteral("region");
    if (parentLevel == QLatin1String("region"))
        return QStringLiteral("district");
    if (parentLevel == QLatin1String("district"))
        return QStringLiteral("territory");
    return {};
}

TerritoryEditResult Territories::create(
    Store *store, const QString &parentId, const QString &code, const QString &name, const QString &ownerId)
{
    const QString c = code.trimmed();
    const QString n = name.trimmed();
    if (c.isEmpty())
        return fail(tr("A territory needs a code."));
    if (n.isEmpty())
        return fail(tr("A territory needs a name."));
    QString parentLevel;
    if (!parentId.isEmpty()) {
        const auto parent = node(store, parentId);
        if (!parent)
            return fail(tr("The parent territory no longer exists."));
        if (parent->retired)
            return fail(tr("A retired territory takes no new children."));
        parentLevel = parent->level;
    }
    const QString level = childLevel(parentLevel);
    if (level.isEmpty())
        return fail(tr("A territory cannot contain other territories."));
    if (count(store, QStringLiteral("SELECT count(*) FROM territory WHERE lower(code) = lower(?1)"), {c})
        != 0)
        return fail(tr("The code %1 is already taken.").arg(c));
    QJsonObject fields {
        {QStringLiteral("code"), c}, {QStringLiteral("name"), n}, {QStringLiteral("level"), level}};
    if (!parentId.isEmpty())
        fields.insert(QStringLiteral("parent_id"), parentId);
    if (!ownerId.isEmpty())
        fields.insert(QStringLiteral("owner_id"), ownerId);
    return fromWrite(store->create(QStringLiteral("territory"), fields));
}

TerritoryEditResult Territories::rename(Store *store, const QString &id, const QString &name)
{
    const QString n = name.trimmed();
    if (n.isEmpty())
        return fail(tr("A territory needs a name."));
    return fromWrite(store->update(QStringLiteral("territory"), id, {{QStringLiteral("name"), n}}));
}

TerritoryEditResult Territories::move(Store *store, const QString &id, const QString &newParentId)
{
    const auto self = node(store, id);
    if (!self)
        return fail(tr("The territory no longer exists."));
    const auto parent = node(store, newParentId);
    if (!parent)
        return fail(tr("Choose where to move it."));
    if (childLevel(parent->level) != self->level)
        return fail(
            tr("It cannot go there: a territory belongs under a district, a district under a region."));
    if (parent->retired)
        return fail(tr("A retired territory takes no new children."));
    // The level chain already rules out a cycle; walk up anyway so a damaged tree cannot loop.
    QList<TerritoryNode> all;
    Territories::list(store, &all);
    QString up = newParentId;
    for (int guard = 0; !up.isEmpty() && guard < 16; ++guard) {
        if (up == id)
            return fail(tr("A territory cannot move inside itself."));
        QString next;
        for (const TerritoryNode &n : std::as_const(all)) {
            if (n.id == up)
                next = n.parentId;
        }
        up = next;
    }
    if (self->parentId == newParentId)
        return fail(tr("It is already there."));
    return fromWrite(
        store->update(QStringLiteral("territory"), id, {{QStringLiteral("parent_id"), newParentId}}));
}

TerritoryEditResult Territories::assignOwner(Store *store, const QString &id, const QString &ownerId)
{
    if (!node(store, id))
        return fail(tr("The territory no longer exists."));
    return fromWrite(store->update(QStringLiteral("territory"), id,
        {{QStringLiteral("owner_id"), ownerId.isEmpty() ? QJsonValue() : QJsonValue(ownerId)}}));
}

TerritoryEditResult Territories::retire(Store *store, const QString &id, const QDate &today)
{
    const auto self = node(store, id);
    if (!self)
        return fail(tr("The territory no longer exists."));
    if (self->retired)
        return fail(tr("It is already retired."));
    const QString retired = retiredExpression(QStringLiteral("c"));
    const int children = count(store,
        QStringLiteral("SELECT count(*) FROM territory c WHERE c.parent_id = ?1 AND NOT (%1)").arg(retired),
        {id});
    if (children != 0)
        return fail(tr("Move or retire its %1 territories first.").arg(children));
    const QString day = (today.isValid() ? today : QDate::currentDate()).toString(Qt::ISODate);
    const int alignments = count(store,
        QStringLiteral("SELECT count(*) FROM alignment WHERE territory_id = ?1 AND (valid_to IS NULL OR "
                       "valid_to >= ?2)"),
        {id, day});
    if (alignments != 0)
        return fail(tr("Move or end its %1 alignments first.").arg(alignments));
    const RetireField f = retireField();
    if (f.name.isEmpty())
        return fromWrite(store->remove(QStringLiteral("territory"), id));
    return fromWrite(store->update(QStringLiteral("territory"), id, {{f.name, f.retiredValue}}));
}

} // namespace rounds
