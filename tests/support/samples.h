#pragma once

#include "common/protocol/schema.h"
#include "common/protocol/values.h"

#include <QJsonArray>
#include <QJsonObject>

namespace rounds::test {

// A valid value for a field, chosen to be awkward: Chinese text, quotes, SQL-looking strings, emoji,
// date-times with an offset that must come back in UTC.
inline QJsonValue sampleValue(const protocol::Field &f, int variant = 0)
{
    using protocol::FieldType;
    switch (f.type) {
    case FieldType::Text: {
        const QString s = variant % 2 ? QStringLiteral("O'Brien \"quoted\"; DROP TABLE hcp; -- 😀")
                                      : QStringLiteral("张伟 主任医师 · 复旦大学附属中山医院");
        return s.left(f.maxLength);
    }
    case FieldType::Int:
        return qint64(std::clamp<std::int64_t>(3 + variant, f.min, f.max));
    case FieldType::Money:
        return qint64(std::clamp<std::int64_t>(123456 + variant, f.min, f.max));
    case FieldType::Bool:
        return variant % 2 == 0;
    case FieldType::Date:
        return QStringLiteral("2026-11-2%1").arg(variant % 9 + 1);
    case FieldType::DateTime:
        return QStringLiteral("2026-11-22T13:45:0%1.250+08:00").arg(variant % 10);
    case FieldType::Month:
        return QStringLiteral("2026-0%1").arg(variant % 9 + 1);
    case FieldType::Currency:
        return variant % 2 ? QStringLiteral("USD") : QStringLiteral("CNY");
    case FieldType::Enum:
        return f.enumValues.at(variant % f.enumValues.size());
    case FieldType::Ref:
        return protocol::newUuid();
    case FieldType::Json:
        return QJsonObject {
            {QStringLiteral("cap_minor"), 20000}, {QStringLiteral("层级"), QJsonArray {1, 2, 3}}};
    case FieldType::JsonObject:
        return QJsonObject {{QStringLiteral("full_name"), QStringLiteral("李娜")},
            {QStringLiteral("tier"), QStringLiteral("A")}};
    }
    return {};
}

// A whole valid record of `entity` as a server would send it.
inline QJsonObject sampleRecord(const protocol::Entity &entity, int variant = 0)
{
    QJsonObject json {{QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("version"), 3 + variant},
        {QStringLiteral("updated_at"), QStringLiteral("2026-11-22T05:59:33.123Z")},
        {QStringLiteral("updated_by"), protocol::newUuid()}};
    for (const protocol::Field &f : entity.fields)
        json.insert(f.name, sampleValue(f, variant));
    return json;
}

} // namespace rounds::test
