#include "common/protocol/codec.h"

#include "common/protocol/values.h"

#include <QCoreApplication>

namespace rounds::protocol {

namespace {

FieldError baseError(const QString &field, const QString &what, const char *sentence)
{
    return FieldError {field, QStringLiteral("field '%1' %2").arg(field, what), sentence};
}

constexpr const char *kServerSet
    = QT_TRANSLATE_NOOP("Messages", "%1 is set by the server and cannot be changed.");

FieldError withEntity(const Entity &entity, FieldError error)
{
    error.entity = entity.name;
    return error;
}

} // namespace

std::optional<FieldError> decodeRecord(
    const Entity &entity, const QJsonObject &json, Record *out, DecodeMode mode)
{
    Record r;
    const QJsonValue id = json.value(Base::Id);
    if (!id.isString() || !isUuid(id.toString()))
        return baseError(Base::Id, QStringLiteral("is not a lower-case UUID"),
            QT_TRANSLATE_NOOP("Messages", "%1 does not name a record (a lower-case UUID is expected)."));
    r.id = id.toString();

    const QJsonValue version = json.value(Base::Version);
    if (!version.isDouble() || version.toDouble() < 1 || version.toDouble() != double(version.toInteger()))
        return baseError(Base::Version, QStringLiteral("must be an integer of at least 1"),
            QT_TRANSLATE_NOOP("Messages", "%1 must be a whole number of at least 1."));
    r.version = version.toInteger();

    const QJsonValue updatedAt = json.value(Base::UpdatedAt);
    if (!updatedAt.isUndefined() && !updatedAt.isNull()) {
        r.updatedAt = updatedAt.isString() ? normalizeDateTime(updatedAt.toString()) : QString();
        if (r.updatedAt.isEmpty())
            return baseError(Base::UpdatedAt,
                QStringLiteral("is not an ISO 8601 date-time with an offset or Z"),
                QT_TRANSLATE_NOOP("Messages", "%1 is not a date and time."));
    }
    const QJsonValue updatedBy = json.value(Base::UpdatedBy);
    if (!updatedBy.isUndefined() && !updatedBy.isNull()) {
        if (!updatedBy.isString())
            return baseError(Base::UpdatedBy, QStringLiteral("must be a string"),
                QT_TRANSLATE_NOOP("Messages", "%1 must be text."));
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
                return withEntity(entity, *err);
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
            return withEntity(entity,
                baseError(
                    it.key(), QStringLiteral("is set by the server and cannot be changed"), kServerSet));
        const Field *f = entity.field(it.key());
        if (!f)
            return withEntity(entity,
                FieldError {it.key(),
                    QStringLiteral("entity '%1' has no field '%2'").arg(entity.name, it.key()),
                    QT_TRANSLATE_NOOP("Messages", "This record has no field %1."), {}});
        if (f->serverOnly)
            return withEntity(entity,
                baseError(f->name, QStringLiteral("is set by the server and cannot be changed"), kServerSet));
        QJsonValue value;
        if (auto err = validateValue(*f, it.value(), &value))
            return withEntity(entity, *err);
        out.insert(f->name, value);
    }
    if (creating) {
        for (const Field &f : entity.fields) {
            if (out.contains(f.name))
                continue;
            if (!f.defaultValue.isUndefined())
                out.insert(f.name, f.defaultValue);
            else if (f.requiredOnCreate())
                return withEntity(entity,
                    baseError(f.name, QStringLiteral("is required"),
                        QT_TRANSLATE_NOOP("Messages", "%1 is required.")));
        }
    }
    if (normalized)
        *normalized = std::move(out);
    return std::nullopt;
}

} // namespace rounds::protocol
