#pragma once

#include "common/protocol/schema.h"

#include <QJsonObject>
#include <QString>

namespace rounds::protocol {

// What one user may write, read from the entity schema: the roles that write an entity at all
// (Entity::writers), those that start new records (Entity::creators) and what a rep may write on top
// (Entity::rep). The server authorizes every push with it and the client reads the same object to offer
// only the actions that may succeed and to refuse a local write before it reaches the outbox, so the two
// cannot drift. Territory scope, read-only records and an entity's workflow (server/meetingrules,
// server/territoryrules) come on top, on the server.
class RolePolicy final
{
public:
    // Why a write is refused; None when the role may make it.
    enum class Refusal {
        None,
        RoleMayNotWrite, // the entity is not the role's (Entity::writers)
        RoleMayNotCreate, // the role writes existing records of the entity but starts none (creators)
        RepCreatesOnly, // a rep files new records; changing existing ones is another role's
        NotOwner, // a rep writes only their own records (Entity::ownerField)
        ParentNotOwned, // … and only the children of their own records
        StatusNotOpen, // a rep writes the record only with rep.statusField = rep.statusValue
    };
    enum class Op { Create, Change };

    // The policy of a user: `role` as the server sends it ("rep", "manager", "sfe", "admin"), anything
    // else writes nothing. `userId` is the user's id, for the rep's own records.
    RolePolicy(Role role, const QString &userId);
    // The policy of a store nobody signed in to: nothing is known of its user, so nothing is refused
    // here (the server decides when someone signs in and syncs).
    static RolePolicy unrestricted();

    Role role() const { return m_role; }
    bool isRestricted() const { return m_restricted; }

    // Whether the role writes the entity at all, starts new records of it, changes existing ones.
    bool mayWrite(const Entity &e) const;
    bool mayCreate(const Entity &e) const;
    bool mayChange(const Entity &e) const;
    // By entity name; false for an entity the schema does not know.
    bool mayWrite(QStringView entity) const;
    bool mayCreate(QStringView entity) const;
    bool mayChange(QStringView entity) const;
    // Whether the role changes the records of a workflow entity that others start: it decides them (a
    // manager approves or rejects a rep's meeting). False when nothing is known of the user.
    bool decides(QStringView entity) const;

    // Whether the entity-level rules let this user make `op` (a delete is a Change).
    Refusal check(const Entity &e, Op op) const;
    // The rep's limits on one state of a record: `fields` its fields (after the change, or as stored),
    // `parentFields` the fields of its parent record when the owner is on the parent. None for the other
    // roles.
    Refusal checkRecord(const Entity &e, const QJsonObject &fields, const QJsonObject &parentFields) const;

private:
    RolePolicy() = default;

    Role m_role = NoRole;
    QString m_userId;
    bool m_restricted = false;
};

} // namespace rounds::protocol
