#pragma once

#include <QString>
#include <QStringList>
#include <optional>
#include <utility>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;
class QWidget;

namespace rounds {
class Store;
struct NamedItem;
} // namespace rounds

namespace rounds::widgets {

// A new widget with the object name the GUI tests find it by:
// `named<QGroupBox>(QStringLiteral("notesGroupBox"), tr("Notes"), this)`.
template<typename Widget, typename... Args> Widget *named(const QString &objectName, Args &&...args)
{
    auto *widget = new Widget(std::forward<Args>(args)...);
    widget->setObjectName(objectName);
    return widget;
}

// A push button with its text and object name.
QPushButton *button(const QString &text, const QString &objectName, QWidget *parent);

// The wrapped paragraph under a page's title that says what the page is for.
QLabel *hint(const QString &text, QWidget *parent);

// A list view of whole rows: one selected at a time, sortable (unsorted at first), no row numbers,
// alternating colours, the last column stretched.
void setUpRowView(QTableView *view);

// The red line under a field that says what is wrong with it; hidden until there is something to say.
QLabel *errorLabel(const QString &objectName, QWidget *parent);

// The large bold title at the top of a page.
QLabel *pageTitle(const QString &text, QWidget *parent);

// A read-only table of whole rows, one selected at a time, columns sized to their contents and the last
// one stretched: the lists beside the SFE editors.
QTableWidget *rowTable(const QString &objectName, const QStringList &headers, QWidget *parent);

// An institution as the pickers list it: its name, and its city when it has one.
QString institutionLabel(const NamedItem &institution);

// The name of the institution or department an HCP field (institution_id, department_id) points at, or
// why it cannot be read; nothing for any other field.
std::optional<QString> referencedName(Store *store, const QString &field, const QString &id);

// What a view shows (in its status line or message label) when a typed query of the client data layer
// failed: the view then shows less, and says so.
QString readError(const QString &error);

} // namespace rounds::widgets
