#include "common/protocol/schema.h"

#include <algorithm>

namespace rounds::protocol {

QList<Entity> declareEntities(); // entities.cpp

QString fieldTypeName(FieldType type)
{
    switch (type) {
    case FieldType::Text:
        return QStringLiteral("text");
    case FieldType::Int:
        return QStringLiteral("integer");
    case FieldType::Bool:
        return QStringLiteral("boolean");
    case FieldType::Date:
        return QStringLiteral("date");
    case FieldType::DateTime:
        return QStringLiteral("date-time");
    case FieldType::Month:
        return QStringLiteral("month");
    case FieldType::Money:
        return QStringLiteral("money (minor units)");
    case FieldType::Currency:
        return QStringLiteral("currency code");
    case FieldType::Enum:
        return QStringLiteral("enumeration");
    case FieldType::Ref:
        return QStringLiteral("reference");
    case FieldType::Json:
        return QStringLiteral("JSON value");
    case FieldType::JsonObject:
        return QStringLiteral("JSON object");
    }
    return QStringLiteral("unknown");
}

Role roleFromString(const QString &name)
{
    if (name == QLatin1String("rep"))
        return RoleRep;
    if (name == QLatin1String("manager"))
        return RoleManager;
    if (name == QLatin1String("sfe"))
        return RoleSfe;
    if (name == QLatin1String("admin"))
        return RoleAdmin;
    return NoRole;
}

QString roleName(Role role)
{
    switch (role) {
    case RoleRep:
        return QStringLiteral("rep");
    case RoleManager:
        return QStringLiteral("manager");
    case RoleSfe:
        return QStringLiteral("sfe");
    case RoleAdmin:
        return QStringLiteral("admin");
    case NoRole:
        break;
    }
    return {};
}

const Field *Entity::field(QStringView name) const
{
    for (const Field &f : fields) {
        if (f.name == name)
            return &f;
    }
    return nullptr;
}

QStringList Entity::fieldNames() const
{
    QStringList names;
    names.reserve(fields.size());
    for (const Field &f : fields)
        names << f.name;
    return names;
}

QStringList Entity::personalFields(std::initializer_list<Personal> kinds) const
{
    QStringList names;
    for (const Field &f : fields) {
        if (std::find(kinds.begin(), kinds.end(), f.personal) != kinds.end())
            names << f.name;
    }
    return names;
}

bool Entity::fieldWritableBy(QStringView name, Role role) const
{
    const Field *f = field(name);
    return writableBy(role) && f && !f->serverOnly && (f->writers & role) != 0;
}

QString Entity::fieldNotWritableBy(Role role, const QJsonObject &before, const QJsonObject &after) const
{
    auto blank = [](const QJsonValue &v) { return v.isNull() || v.isUndefined(); };
    for (const Field &f : fields) {
        if (f.serverOnly || (f.writers & role) != 0)
            continue;
        const QJsonValue was = before.value(f.name);
        const QJsonValue now = after.value(f.name);
        if (!(blank(was) && blank(now)) && was != now)
            return f.name;
    }
    return {};
}

QString Entity::refTo(QStringView target) const
{
    for (const Field &f : fields) {
        if (f.type == FieldType::Ref && f.refEntity == target)
            return f.name;
    }
    return {};
}

Entity &Entity::withParent(const char *field, const char *entity)
{
    parentField = QString::fromLatin1(field);
    parentEntity = QString::fromLatin1(entity);
    return *this;
}

Entity &Entity::ownedBy(const char *field)
{
    ownerField = QString::fromLatin1(field);
    return *this;
}

Entity &Entity::createdOnlyBy(Roles roles)
{
    creators = roles & writers;
    return *this;
}

Entity &Entity::repWritesOwnOnly()
{
    rep.ownOnly = true;
    return *this;
}

Entity &Entity::repCreatesOnly()
{
    rep.createOnly = true;
    return *this;
}

Entity &Entity::repWritesOnlyWhen(const char *field, const char *value)
{
    rep.statusField = QString::fromLatin1(field);
    rep.statusValue = QString::fromLatin1(value);
    return *this;
}

Entity &Entity::readOnlyWhen(const char *field, const char *value)
{
    readOnly.field = QString::fromLatin1(field);
    readOnly.value = QString::fromLatin1(value);
    return *this;
}

Entity &Entity::readOnlyWithParent()
{
    readOnly.withParent = true;
    return *this;
}

Entity &Entity::alsoInReview()
{
    inReview = true;
    return *this;
}

Entity &Entity::alsoInBucketsOfHcp(const char *field)
{
    hcpField = QString::fromLatin1(field);
    return *this;
}

Entity &Entity::withWorkflow(Workflow rules)
{
    workflow = rules;
    return *this;
}

Entity &Entity::pulledBy(Roles roles)
{
    readers = roles;
    return *this;
}

bool Base::isBaseField(QStringView name)
{
    return name == Id || name == Version || name == UpdatedAt || name == UpdatedBy;
}

Schema::Schema()
    : m_entities(declareEntities())
{ }

const Schema &Schema::instance()
{
    static const Schema schema;
    return schema;
}

const Entity *Schema::entity(QStringView name) const
{
    for (const Entity &e : m_entities) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QStringList Schema::entityNames() const
{
    QStringList names;
    for (const Entity &e : m_entities)
        names << e.name;
    return names;
}

QStringList Schema::withheldFrom(Role role) const
{
    QStringList names;
    for (const Entity &e : m_entities) {
        if (!e.readableBy(role))
            names << e.name;
    }
    return names;
}

QList<const Entity *> Schema::childrenOf(QStringView parent) const
{
    QList<const Entity *> out;
    for (const Entity &e : m_entities) {
        if (e.buckets == BucketRule::Parent && e.parentEntity == parent)
            out << &e;
    }
    return out;
}

} // namespace rounds::protocol
