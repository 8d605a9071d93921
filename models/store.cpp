#include "models/store.h"

#include "common/sqlite/database.h"
#include "models/store/entitysqlcache.h"

// Store is a facade: its parts live in models/store/ (storefile.cpp: open, recovery, close;
// writepath.cpp: create/update/remove; outbox.cpp; pageapply.cpp; bulkload.cpp; storemeta.cpp;
// conflicts.cpp; resync.cpp). The wire types' JSON forms stay here.

namespace rounds {

QJsonObject OutboxMutation::toJson() const
{
    QJsonObject json {{QStringLiteral("mutation_id"), mutationId}, {QStringLiteral("entity"), entity},
        {QStringLiteral("id"), recordId}, {QStringLiteral("op"), op},
        {QStringLiteral("base_version"), baseVersion}};
    if (op == QLatin1String("upsert")) {
        json.insert(QStringLiteral("base"), base);
        json.insert(QStringLiteral("set"), set);
    }
    return json;
}

std::optional<PulledChange> PulledChange::fromJson(const QJsonObject &json, QString *error)
{
    PulledChange c;
    c.bucket = json.value(QLatin1String("bucket")).toString();
    c.seq = json.value(QLatin1String("seq")).toInteger();
    c.entity = json.value(QLatin1String("entity")).toString();
    c.id = json.value(QLatin1String("id")).toString();
    const QString op = json.value(QLatin1String("op")).toString();
    if (op == QLatin1String("upsert"))
        c.op = Op::Upsert;
    else if (op == QLatin1String("delete"))
        c.op = Op::Delete;
    else if (op == QLatin1String("revoke"))
        c.op = Op::Revoke;
    else {
        if (error)
            *error = QStringLiteral("unknown op '%1'").arg(op);
        return std::nullopt;
    }
    if (c.entity.isEmpty() || c.id.isEmpty()) {
        if (error)
            *error = QStringLiteral("a change needs an entity and an id");
        return std::nullopt;
    }
    if (c.op == Op::Upsert) {
        c.record = json.value(QLatin1String("record")).toObject();
        if (c.record.isEmpty()) {
            if (error)
                *error = QStringLiteral("an upsert needs its record");
            return std::nullopt;
        }
    }
    return c;
}

Store::Store(QObject *parent)
    : QObject(parent)
    , m_apply(std::make_unique<EntitySqlCache>())
    , m_crashAt(qgetenv("ROUNDS_TEST_CRASH_AT"))
{ }

Store::~Store()
{
    close();
}

} // namespace rounds
