#include "ui/common/rolegate.h"

#include <QAction>
#include <QWidget>

namespace rounds {

void RoleGate::bind(QWidget *widget, const QList<Write> &writes)
{
    m_bindings << Binding {widget, nullptr, writes};
}

void RoleGate::bind(QAction *action, const QList<Write> &writes)
{
    m_bindings << Binding {nullptr, action, writes};
}

bool RoleGate::allows(const protocol::RolePolicy &policy, const QList<Write> &writes)
{
    for (const Write &w : writes) {
        const bool ok = w.op == Op::Create ? policy.mayCreate(w.entity) : policy.mayChange(w.entity);
        if (!ok)
            return false;
    }
    return true;
}

void RoleGate::apply(const protocol::RolePolicy &policy) const
{
    for (const Binding &b : m_bindings) {
        const bool shown = allows(policy, b.writes);
        if (b.widget)
            b.widget->setVisible(shown);
        if (b.action)
            b.action->setVisible(shown);
    }
}

} // namespace rounds
