#pragma once

#include "common/protocol/rolepolicy.h"

#include <QList>
#include <QPointer>
#include <QString>

class QAction;
class QWidget;

namespace rounds {

// Shows only the actions the user's role may take: each button, field or menu action is bound to the
// writes it makes, and apply() hides those the role policy (Store::policy(), the server's own rules)
// would refuse. A view binds its actions once and applies the policy when built and when the account
// changes.
class RoleGate final
{
public:
    using Op = protocol::RolePolicy::Op;
    struct Write
    {
        QString entity;
        Op op = Op::Create;
    };

    void bind(QWidget *widget, const QList<Write> &writes);
    void bind(QAction *action, const QList<Write> &writes);
    // Shows what every write of its binding may be made, hides the rest.
    void apply(const protocol::RolePolicy &policy) const;
    // Whether the policy allows all of `writes`.
    static bool allows(const protocol::RolePolicy &policy, const QList<Write> &writes);

private:
    struct Binding
    {
        QPointer<QWidget> widget;
        QPointer<QAction> action;
        QList<Write> writes;
    };
    QList<Binding> m_bindings;
};

} // namespace rounds
