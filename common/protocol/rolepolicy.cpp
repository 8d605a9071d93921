#include "common/protocol/rolepolicy.h"

namespace rounds::protocol {

RolePolicy::RolePolicy(Role role, const QString &userId)
    : m_role(role)
    , m_userId(userId)
    , m_restricted(true)
{ }

RolePolicy RolePolicy::unrestricted()
{
    return RolePolicy();
}

RolePolicy::Refusal RolePolicy::check(const Entity &e, Op op) const
{
    if (!m_restricted)
        return Refusal::None;
    if (!e.writableBy(m_role))
        return Refusal::RoleMayNotWrite;
    if (op == Op::Create && !e.creatableBy(m_role))
        return Refusal::RoleMayNotCreate;
    if (op == Op::Change && m_role == RoleRep && e.rep.createOnly)
        return Refusal::RepCreatesOnly;
    return Refusal::None;
}

RolePolicy::Refusal RolePolicy::checkRecord(
    const Entity &e, const QJsonObject &fields, const QJsonObject &parentFields) const
{
    if (!m_restricted || m_role != RoleRep)
        return Refusal::None;
    const auto value = [](const QJsonObject &o, const QString &key) { return o.value(key).toString(); };
    if (e.rep.ownOnly) {
        if (!e.ownerOnParent() && value(fields, e.ownerField) != m_userId)
            return Refusal::NotOwner;
        if (e.ownerOnParent() && value(parentFields, e.ownerField) != m_userId)
            return Refusal::ParentNotOwned;
    }
    if (!e.rep.statusField.isEmpty() && value(fields, e.rep.statusField) != e.rep.statusValue)
        return Refusal::StatusNotOpen;
    return Refusal::None;
}

bool RolePolicy::mayWrite(const Entity &e) const
{
    return !m_restricted || e.writableBy(m_role);
}

bool RolePolicy::mayCreate(const Entity &e) const
{
    return check(e, Op::Create) == Refusal::None;
}

bool RolePolicy::mayChange(const Entity &e) const
{
    return check(e, Op::Change) == Refusal::None;
}

bool RolePolicy::mayWrite(QStringView entity) const
{
    const Entity *e = Schema::instance().entity(entity);
    return e && mayWrite(*e);
}

bool RolePolicy::mayCreate(QStringView entity) const
{
    const Entity *e = Schema::instance().entity(entity);
    return e && mayCreate(*e);
}

bool RolePolicy::mayChange(QStringView entity) const
{
    const Entity *e = Schema::instance().entity(entity);
    return e && mayChange(*e);
}

bool RolePolicy::decides(QStringView entity) const
{
    const Entity *e = Schema::instance().entity(entity);
    return m_restricted && e && e->workflow != Workflow::None && e->writableBy(m_role)
        && !e->creatableBy(m_role);
}

} // namespace rounds::protocol
