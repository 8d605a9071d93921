#pragma once

#include "common/protocol/errors.h"
#include "common/protocol/schema.h"

#include <QJsonObject>

#include <optional>

namespace rounds::protocol {

// A record split the way both stores keep it: the four base fields, the fields this build knows
// (normalised), and whatever a newer peer sent that this build does not know (kept untouched).
struct Record
{
    QString id;
    qint64 version = 0;
    QString updatedAt;
    QString updatedBy;
    QJsonObject fields;
    QJsonObject extra;
};

enum class DecodeMode {
    Strict, // every known field must be valid (the server checking what it is given)
    Lenient, // known fields that fail validation are kept as sent (the client trusting its server)
};

// Decodes a whole record (a pulled `record`, an export line). Base fields are checked in both modes.
std::optional<FieldError> decodeRecord(
    const Entity &entity, const QJsonObject &json, Record *out, DecodeMode mode = DecodeMode::Strict);
// The wire form: base fields, known fields, then the unknown ones.
QJsonObject encodeRecord(const Record &record);

// Checks the `set` of a pushed mutation: known, client-writable fields with valid values. When
// `creating`, fills defaults and requires every non-nullable field. `normalized` receives the
// canonical values.
std::optional<FieldError> validateChanges(
    const Entity &entity, const QJsonObject &set, bool creating, QJsonObject *normalized);

} // namespace rounds::protocol
