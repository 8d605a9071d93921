#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <initializer_list>
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
inline constexpr Roles AllRoles = RoleRep | RoleManager | RoleSfe | RoleAdmin;

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

// What a rep may write of an entity, on top of `writers` and their territory scope. Managers, SFE and
// admins have no such limits (their scope and the entity's workflow still apply).
struct RepLimits
{
    bool ownOnly = false; // only records whose ownerField (on the record or its parent) names the rep
    bool createOnly = false; // a rep files new records; changing existing ones is not theirs
    // A rep's version of the record must have statusField = statusValue (change_request: open), so a
    // rep cannot decide what SFE decides.
    QString statusField;
    QString statusValue;
};

// When a record is read-only for everyone: its lockField holds lockValue (a submitted visit), or, with
// `withParent`, its parent's lock holds (the details of a submitted visit).
struct ReadOnlyRule
{
    QString field;
    QString value;
    bool withParent = false;

    bool declared() const { return withParent || !field.isEmpty(); }
};

// The server rules unique to one entity's workflow, each in its own rules file under server/; the
// server reaches them through this declaration, never by comparing entity names.
enum class Workflow {
    None,
    TerritoryTree, // server/territoryrules: the level chain, retiring, rep turnover
    HcpMerge, // server/hcpmerge: duplicate HCPs merged into a survivor
    ChangeRequestDecision, // an approval applies the proposed fields to their record
    MeetingWorkflow, // server/meetingrules: the meeting workflow by role and the compliance rules
};

// What a field says about a person (docs/privacy.md): the one place that marks personal data. What
// `rounds-server export --no-personal` leaves out, the contact fields a company may keep off laptops
// (common/protocol/privacy.h) and what the erasure of an HCP removes (server/hcperasure.cpp) all derive
// from these marks.
enum class Personal : std::uint8_t {
    No,
    Name, // who the person is: left out by --no-personal; erased (an HCP's becomes a placeholder)
    Contact, // how to reach them: may be kept off a role's laptops; left out by --no-personal; erased
    Profile, // other facts about the person (gender, title): erased, kept by --no-personal
    Note, // free text about the person: left out by --no-personal; erased (the record stays)
    Tag, // the record is about the person (an HCP's tag): left out by --no-personal; erased, the record goes
    Proposal, // proposed values of another record's fields: left out by --no-personal; its personal ones
              // erased
};

struct Field
{
    QString name;
    FieldType type = FieldType::Text;
    bool nullable = true;
    QJsonValue defaultValue = QJsonValue(QJsonValue::Undefined); // used when a create omits the field
    QStringList enumValues; // Enum
    QString refEntity; // Ref
    // Ref whose target entity is named by another field of the record (change_request.record_id by
    // `entity`); refEntity is then empty.
    QString refEntityField;
    std::int64_t min = std::numeric_limits<std::int64_t>::min(); // Int, Money
    std::int64_t max = std::numeric_limits<std::int64_t>::max();
    int maxLength = 4000; // Text: characters
    bool serverOnly = false; // set by the server alone; a client may not push it
    // The roles that may change the field, among the entity's writers: a manager decides a meeting
    // (status, decision_note) and changes nothing else of it (docs/meetings.md, Decisions).
    Roles writers = AllRoles;
    Personal personal = Personal::No;
    // The field may hold a file reference, "sha256:<64 hex>[:<name>]" (common/protocol/files.h): a user
    // who may read the record may download that file (docs/sync-protocol.md, "Files"). Other text in it
    // stays allowed (a paper form's number).
    bool fileRef = false;

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
    Field &targetNamedBy(const char *field)
    {
        refEntityField = QString::fromLatin1(field);
        return *this;
    }
    Field &writtenBy(Roles roles)
    {
        writers = roles;
        return *this;
    }
    Field &about(Personal kind)
    {
        personal = kind;
        return *this;
    }
    Field &holdsFileReference()
    {
        fileRef = true;
        return *this;
    }
};

struct Entity
{
    QString name;
    QList<Field> fields; // the entity's own fields; id, version, updated_at, updated_by are implicit
    Roles writers = NoRole; // roles that may push it at all; scope rules come on top
    // Of the writers, the roles that may create new records (a manager decides meetings, a rep owns and
    // files them). Equal to `writers` unless the declaration narrows it (createdOnlyBy).
    Roles creators = NoRole;
    ConflictPolicy policy = ConflictPolicy::AskUser;
    BucketRule buckets = BucketRule::Global;
    QString parentField; // BucketRule::Parent and FollowsHcp (hcp_tag): the reference to the parent
    QString parentEntity;
    QString ownerField; // OwnerWins: the field naming the owning user, on this record or its parent
    bool serverOnly = false; // written by server commands only (user, sales_fact)
    RepLimits rep;
    ReadOnlyRule readOnly;
    Workflow workflow = Workflow::None;
    // Bucket facts beyond `buckets`: also in the `review` bucket (SFE's queue of change requests); also in
    // the buckets of the HCP this field names, so an HCP's history travels with it (visit.hcp_id).
    bool inReview = false;
    QString hcpField;
    // Roles whose pulls carry the entity at all: the server withholds it from the others on every route,
    // so privacy does not rest on the client (per-institution sales_fact never reaches a rep; reps get
    // sales_total, docs/sync-protocol.md).
    Roles readers = AllRoles;

    const Field *field(QStringView name) const;
    bool hasField(QStringView name) const { return field(name) != nullptr; }
    bool writableBy(Role role) const { return (writers & role) != 0; }
    bool creatableBy(Role role) const { return (writers & creators & role) != 0; }
    // May `role` change this field (it writes the entity, and the field is not limited to others)?
    bool fieldWritableBy(QStringView name, Role role) const;
    // The first field that `role` changed from `before` to `after` (a null and an absent value are the
    // same; server-set fields are the server's) but may not write, or empty. A client sending a value
    // unchanged is not writing it.
    QString fieldNotWritableBy(Role role, const QJsonObject &before, const QJsonObject &after) const;
    bool readableBy(Role role) const { return (readers & role) != 0; }
    QStringList fieldNames() const;
    // The fields marked with one of `kinds` (Field::personal), in declaration order.
    QStringList personalFields(std::initializer_list<Personal> kinds) const;
    bool ownerOnParent() const { return !ownerField.isEmpty() && !hasField(ownerField); }
    // The first reference field naming `target` (hcp → institution: institution_id), or empty.
    QString refTo(QStringView target) const;

    // Builders, so the schema table reads as a declaration (entities.cpp).
    Entity &withParent(const char *field, const char *entity);
    Entity &ownedBy(const char *field);
    Entity &createdOnlyBy(Roles roles);
    Entity &repWritesOwnOnly();
    Entity &repCreatesOnly();
    Entity &repWritesOnlyWhen(const char *field, const char *value);
    Entity &readOnlyWhen(const char *field, const char *value);
    Entity &readOnlyWithParent();
    Entity &alsoInReview();
    Entity &alsoInBucketsOfHcp(const char *field);
    Entity &withWorkflow(Workflow rules);
    Entity &pulledBy(Roles roles);
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
    // The entities a role's pulls never carry (Entity::readers), in declaration order.
    QStringList withheldFrom(Role role) const;
    // The entities whose records sit in the buckets of their `parent` record (BucketRule::Parent), in
    // declaration order: they move when it moves.
    QList<const Entity *> childrenOf(QStringView parent) const;

private:
    Schema();
    QList<Entity> m_entities;
};

} // namespace rounds::protocol
