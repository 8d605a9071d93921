#include "common/protocol/pulledchange.h"

namespace rounds {

QString PulledChange::opName(Op op)
{
    switch (op) {
    case Op::Upsert:
        return QStringLiteral("upsert");
    case Op::Delete:
        return QStringLiteral("delete");
    case Op::Revoke:
        return QStringLiteral("revoke");
    }
    return {};
}

std::optional<PulledChange::Op> PulledChange::opFromName(QStringView name)
{
    for (Op op : {Op::Upsert, Op::Delete, Op::Revoke}) {
        if (name == opName(op))
            return op;
    }
    return std::nullopt;
}

QJsonObject PulledChange::toJson() const
{
    QJsonObject json {{QStringLiteral("bucket"), bucket}, {QStringLiteral("seq"), seq},
        {QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("op"), opName(op)}};
    if (op == Op::Upsert)
        json.insert(QStringLiteral("record"), record);
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
    const std::optional<Op> known = opFromName(op);
    if (!known) {
        if (error)
            *error = QStringLiteral("unknown op '%1'").arg(op);
        return std::nullopt;
    }
    c.op = *known;
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

} // namespace rounds
