#pragma once

#include "common/protocol/errors.h"
#include "common/protocol/schema.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace rounds::protocol {

bool isUuid(QStringView text); // lower-case 8-4-4-4-12 hex
QString newUuid(); // lower-case, random (v4)
bool isDate(QStringView text); // YYYY-MM-DD, a real calendar day
bool isMonth(QStringView text); // YYYY-MM
// ISO 8601 with an offset or Z → UTC "YYYY-MM-DDTHH:MM:SS.zzzZ"; null when it is not one.
QString normalizeDateTime(const QString &text);
QString nowUtc(); // the current time in that form

// Checks one value against its field. On success `normalized` (if given) receives the canonical form
// (date-times in UTC, integral doubles as integers). Null is allowed for nullable fields only.
std::optional<FieldError> validateValue(
    const Field &field, const QJsonValue &value, QJsonValue *normalized = nullptr);

// The SQLite form of a value (bools as 0/1, JSON as compact text) and back.
QJsonValue toStorage(const Field &field, const QJsonValue &value);
QJsonValue fromStorage(const Field &field, const QJsonValue &stored);

// The string at `key` of a record's fields, empty when absent or not a string: how server rules and
// client repositories read a reference or an enum value.
QString str(const QJsonObject &o, const char *key);
QString str(const QJsonObject &o, const QString &key);

// A JSON number that is a whole number inside 2^53 (what a double carries exactly), or nothing.
std::optional<qint64> wholeNumber(const QJsonValue &value);

// Compares two wire values the way the merge does (1 == 1.0, objects by content).
bool sameValue(const QJsonValue &a, const QJsonValue &b);

} // namespace rounds::protocol
