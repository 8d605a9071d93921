#pragma once

#include <QString>
#include <QStringList>
#include <optional>

class QLabel;
class QTableWidget;
class QWidget;

namespace rounds {
class Store;
struct NamedItem;
} // namespace rounds

namespace rounds::widgets {

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
