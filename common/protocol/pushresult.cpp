#include "common/protocol/pushresult.h"

namespace rounds::protocol {

namespace {

const QString kCode = QStringLiteral("code");
const QString kMessage = QStringLiteral("message");
const QString kField = QStringLiteral("field");
const QString kMutationId = QStringLiteral("mutation_id");
const QString kStatus = QStringLiteral("status");
const QString kVersion = QStringLiteral("version");
const QString kError = QStringLiteral("error");
const QString kConflicts = QStringLiteral("conflicts");
const QString kRecord = QStringLiteral("record");
const QString kDeleted = QStringLiteral("deleted");
const QString kChangeRequestId = QStringLiteral("change_request_id");

QJsonValue nullIfUndefined(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

} // namespace

QJsonObject WireError::toJson() const
{
    QJsonObject json = details;
    json.insert(kCode, code);
    json.insert(kMessage, message);
    if (!field.isEmpty())
        json.insert(kField, field);
    return json;
}

WireError WireError::fromJson(const QJsonObject &json)
{
    WireError e {
        json.value(kCode).toString(), json.value(kMessage).toString(), json.value(kField).toString(), json};
    for (const QString &key : {kCode, kMessage, kField})
        e.details.remove(key);
    return e;
}

PushResult PushResult::rejected(const QString &mutationId, const WireError &error)
{
    PushResult r;
    r.mutationId = mutationId;
    r.status = Status::Rejected;
    r.error = error;
    return r;
}

QString PushResult::statusName(Status status)
{
    switch (status) {
    case Status::Applied:
        return QStringLiteral("applied");
    case Status::Merged:
        return QStringLiteral("merged");
    case Status::Conflict:
        return QStringLiteral("conflict");
    case Status::Rejected:
        return QStringLiteral("rejected");
    }
    return {};
}

std::optional<PushResult::Status> PushResult::statusFromName(QStringView name)
{
    for (Status s : {Status::Applied, Status::Merged, Status::Conflict, Status::Rejected}) {
        if (name == statusName(s))
            return s;
    }
    return std::nullopt;
}

QJsonArray PushResult::conflictsToJson(const QList<FieldConflict> &conflicts)
{
    // A field the server or the base never held is null on the wire.
    QJsonArray out;
    for (const FieldConflict &c : conflicts) {
        out << QJsonObject {{kField, c.field}, {QStringLiteral("base"), nullIfUndefined(c.base)},
            {QStringLiteral("mine"), c.mine}, {QStringLiteral("theirs"), nullIfUndefined(c.theirs)}};
    }
    return out;
}

QList<FieldConflict> PushResult::conflictsFromJson(const QJsonArray &conflicts)
{
    QList<FieldConflict> out;
    for (const QJsonValue &v : conflicts) {
        const QJsonObject c = v.toObject();
        out << FieldConflict {c.value(kField).toString(), c.value(QLatin1String("base")),
            c.value(QLatin1String("mine")), c.value(QLatin1String("theirs"))};
    }
    return out;
}

QJsonObject PushResult::toJson() const
{
    QJsonObject json {{kMutationId, mutationId}, {kStatus, statusName(status)}};
    if (status == Status::Rejected)
        json.insert(kError, error.toJson());
    else
        json.insert(kVersion, version);
    // A conflict always says which fields (an empty list for a delete or a restore); a merge only when
    // some went to review.
    if (status == Status::Conflict || !conflicts.isEmpty())
        json.insert(kConflicts, conflictsToJson(conflicts));
    if (!record.isEmpty())
        json.insert(kRecord, record);
    if (deleted)
        json.insert(kDeleted, true);
    if (!changeRequestId.isEmpty())
        json.insert(kChangeRequestId, changeRequestId);
    return json;
}

std::optional<PushResult> PushResult::fromJson(const QJsonObject &json, QString *error)
{
    PushResult r;
    const QString status = json.value(kStatus).toString();
    const std::optional<Status> known = statusFromName(status);
    if (!known) {
        if (error)
            *error = QStringLiteral("unknown status '%1'").arg(status);
        return std::nullopt;
    }
    r.status = *known;
    r.mutationId = json.value(kMutationId).toString();
    r.version = json.value(kVersion).toInteger();
    r.error = WireError::fromJson(json.value(kError).toObject());
    r.conflicts = conflictsFromJson(json.value(kConflicts).toArray());
    r.record = json.value(kRecord).toObject();
    r.deleted = json.value(kDeleted).toBool();
    r.changeRequestId = json.value(kChangeRequestId).toString();
    return r;
}

QJsonObject PushAnswer::toJson() const
{
    QJsonArray list;
    for (const PushResult &r : results)
        list << r.toJson();
    return QJsonObject {{QStringLiteral("results"), list}};
}

std::optional<PushAnswer> PushAnswer::fromJson(const QJsonObject &json, QString *error)
{
    PushAnswer answer;
    for (const QJsonValue &v : json.value(QLatin1String("results")).toArray()) {
        std::optional<PushResult> r = PushResult::fromJson(v.toObject(), error);
        if (!r)
            return std::nullopt;
        answer.results << std::move(*r);
    }
    return answer;
}

} // namespace rounds::protocol
