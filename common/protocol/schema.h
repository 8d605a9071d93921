#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <limits>

namespace rounds::protocol {

// The type of a field on the wire (JSON) and in SQLite.
enum class FieldType {
    Text, // JSON string
    Int, // JSON integer
    Bool, // JSON true/false; SQLite 0/1
    Date, // "YYYY-MM-DD"
    DateTime, // ISO 8601 with offset or Z; stored normalised to UTC "…Z"
    Month, // "YYYY-MM"
    Money, // integer count of minor units (fen, cents)
    Currency, // ISO 4217 code, three capital letters
    Enum, // one of a fixed list of strings
    Ref, // lower-case UUID of a record of another entity
    Json, // any JSON value; SQLite: JSON text
    JsonObject, // a JSON object; SQLite: JSON text
};

QString fieldTypeName(FieldType type);

enum Role : std::uint8_t {
    NoRole = 0,
    RoleRep = 1,
    RoleManager = 2,
    RoleSfe = 4,
    RoleAdmin = 8,
};
using Roles = std::uint8_t;

Role roleFromString(const QString &name); // NoRole when unknown
QString roleName(Role role);

// What the server does when two edits of one field collide (PROTOCOL.md, Push).
enum class ConflictPolicy {
    OwnerWins, // visit, visit_detail, meeting children, hcp_tag: the record's owner's value stands
    ServerReviews, // master data: the server keeps its value and files the loser as a change_request
    AskUser, // nothing of the field is applied; the client asks its user
};

// Which change-feed buckets a record belongs to (PROTOCOL.md, Buckets).
enum class BucketRule {
    Global, // `global`
    Territory, // the record's territory_id
    Parent, // its parent's buckets (parentField → parentEntity)
    Hcp, // every territory the HCP is aligned to now
    FollowsHcp, // the buckets of the HCPs that reference it (institution, department), or of its hcp
                // (hcp_tag)
    Alignment, // its territory_id; also moves the HCP in and out of that bucket
};

struct Field
{
    QString name;
    FieldType type = FieldType::Text;
    bool nullable = true;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // used when a create omits the field
    QStringList enumValues; // Enum
    QString refEntity; // Ref
    std::int64_t min = std::numeric_limits<std::int64_t>::min(); // Int, Money
    std::int64_t max = std::numeric_limits<std::int64_t>::max();
    int maxLength = 4000; // Text: characters
    bool serverOnly = false; // set by the server alone; a client may not push it

    // A create must name the field unless it may be null or has a default.
    bool requiredOnCreate() const { return !nullable && defaultValue.isUndefined(); }

    // Builders, so the schema table reads as a declaration.
    Field &optional()
    {
        nullable = true;
        return *this;
    }
    Field &required()
    {
        nullable = false;
        return *this;
    }
    Field &byDefault(const QJsonValue &value)
    {
        defaultValue = value;
        return *this;
    }
    Field &range(std::int64_t lo, std::int64_t hi)
    {
        min = lo;
        max = hi;
        return *this;
    }
    Field &length(int chars)
    {
        maxLength = chars;
        return *this;
    }
    Field &setByServer()
    {
        serverOnly = true;
        return *this;
    }
};

struct Entity
{
    QString name;
    QList<Field> fields; // the entity's own fields; id, version, updated_at, updated_by are implicit
    Roles writers = NoRole; // roles that may push it at all; scope rules come on top
    ConflictPolicy policy = ConflictPolicy::AskUser;
    BucketRule buckets = BucketRule::Global;
    QString parentField; // BucketRule::Parent and FollowsHcp (hcp_tag): the reference to the parent
    QString parentEntity;
    QString ownerField; // OwnerWins: the field naming the owning user, on this record or its parent
    bool serverOnly = false; // written by server commands only (user, sales_fact)

    const Field *field(QStringView name) const;
    bool hasField(QStringView name) const { return field(name) != nullptr; }
    bool writableBy(Role role) const { return (writers & role) != 0; }
    QStringList fieldNames() const;
};

// The implicit fields every synced record carries.
namespace Base {
inline const QString Id = QStringLiteral("id");
inline const QString Version = QStringLiteral("version");
inline const QString UpdatedAt = QStringLiteral("updated_at");
inline const QString UpdatedBy = QStringLiteral("updated_by");
bool isBaseField(QStringView name);
} // namespace Base

class Schema final
{
public:
    static const Schema &instance();

    const QList<Entity> &entities() const { return m_entities; }
    const Entity *entity(QStringView name) const;
    QStringList entityNames() const;

private:
    Schema();
    QList<Entity> m_entities;
};

} // namespace rounds::protocol
