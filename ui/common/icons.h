#pragma once

#include <QIcon>
#include <QString>

class QWidget;

// The bundled Breeze icons (resources/icons/, LGPL-3.0+): one name per view and per main action, so a
// view and its menu entry show the same picture. theme::apply() picks the light or dark set.
namespace rounds::icons {

// The icon of a main window view (its key: "today", "hcps", "plan", …); a null icon for an unknown key.
QIcon view(const QString &key);
// The Breeze icon name of a view, or "" for an unknown key.
QString viewIconName(const QString &key);

// The icons of the main actions.
enum class Action {
    NewVisit,
    Sync,
    Save,
    Submit,
    Approve,
    Reject,
    Export,
    Import,
    Search,
    Settings,
    SignIn,
    SignOut,
    About,
    History,
    Back,
    Forward,
    New,
    Edit
};
QIcon action(Action action);

// Puts the icons of the main actions on the buttons and actions under a widget, found by object name
// (saveDraftButton, approveButton, exportCsvButton, syncNowAction, …), so every view gets the same
// picture for the same act without each view choosing its own.
void decorate(QWidget *root);

} // namespace rounds::icons
