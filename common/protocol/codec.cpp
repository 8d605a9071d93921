#include "common/protocol/codec.h"

#include "common/protocol/values.h"

namespace rounds::protocol {

namespace {

FieldError baseError(const QString &field, const QString &what)
{
    return FieldError {field, QStringLiteral("field '%1' %2").arg(field, what)};
}

} // namespace

std::optional<FieldError> decodeRecord(
    const Entity &entity, const QJsonObject &json, Record *out, DecodeMode mode)
{
    Record r;
    const QJsonValue id = json.value(Base::Id);
    if (!id.isString() || !isUuid(id.toString()))
        return baseError(Base::Id, QStringLiteral("is not a lower-case UUID"));
    r.id = id.toString();

    const QJsonValue version = json.value(Base::Version);
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != double(version.toInteger()))
        return baseError(Base::Version, QStringLiteral("must be an integer of at least 1"));
    r.version = version.toInteger();

    const QJsonValue updatedAt = json.value(Base::UpdatedAt);
    if (!updatedAt.isUndefined() && !updatedAt.isNull()) {
        r.updatedAt = updatedAt.isString() ? normalizeDateTime(updatedAt.toString()) : QString();
        if (r.updatedAt.isEmpty())
            return baseError(
                Base::UpdatedAt, QStringLiteral("is not an ISO 8601 date-time with an offset or Z"));
    }
    const QJsonValue updatedBy = json.value(Base::UpdatedBy);
    if (!updatedBy.isUndefined() && !updatedBy.isNull()) {
        if (!updatedBy.isString())
            return baseError(Base::UpdatedBy, QStringLiteral("must be a string"));
        r.updatedBy = updatedBy.toString();
    }

    for (auto it = json.begin(); it != json.end(); ++it) {
        if (Base::isBaseField(it.key()))
            continue;
        const Field *f = entity.field(it.key());
        if (!f) {
            r.extra.insert(it.key(), it.value());
            continue;
        }
        QJsonValue normalized;
        if (auto err = validateValue(*f, it.value(), &normalized)) {
            if (mode == DecodeMode::Strict)
                return err;
            normalized = it.value();
        }
        r.fields.insert(f->name, normalized);
    }
    if (out)
        *out = std::move(r);
    return std::nullopt;
}

QJsonObject encodeRecord(const Record &r)
{
    QJsonObject json = r.extra;
    for (auto it = r.fields.begin(); it != r.fields.end(); ++it)
        json.insert(it.key(), it.value());
    json.insert(Base::Id, r.id);
    json.insert(Base::Version, r.version);
    json.insert(
        Base::UpdatedAt, r.updatedAt.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.updatedAt));
    json.insert(
        Base::UpdatedBy, r.updatedBy.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(r.updatedBy));
    return json;
}

std::optional<FieldError> validateChanges(
    const Entity &entity, const QJsonObject &set, bool creating, QJsonObject *normalized)
{
    QJsonObject out;
    for (auto it = set.begin(); it != set.end(); ++it) {
        if (Base::isBaseField(it.key()))
            return baseError(it.key(), QStringLiteral("is set by the server and cannot be changed"));
        const Field *f = entity.field(it.key());
        if (!f)
            return FieldError {
                it.key(), QStringLiteral("entity '%1' has no field '%2'").arg(entity.name, it.key())};
        if (f->serverOnly)
            return baseError(f->name, QStringLiteral("is set by the server and cannot be changed"));
        QJsonValue value;
        if (auto err = validateValue(*f, it.value(), &value))
            return err;
        out.insert(f->name, value);
    }
    if (creating) {
        for (const Field &f : entity.fields) {
            if (out.contains(f.name))
                continue;
            if (!f.defaultValue.isUndefined())
                out.insert(f.name, f.defaultValue);
            else if (f.requiredOnCreate())
                return baseError(f.name, QStringLiteral("is required"));
        }
    }
    if (normalized)
        *normalized = std::move(out);
    return std::nullopt;
}

} // namespace rounds::protocol
