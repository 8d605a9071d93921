#pragma once

#include <QString>
#include <QStringList>

class QLabel;
class QTableWidget;
class QWidget;

namespace rounds::widgets {

// The red line under a field that says what is wrong with it; hidden until there is something to say.
QLabel *errorLabel(const QString &objectName, QWidget *parent);

// A read-only table of whole rows, one selected at a time, columns sized to their contents and the last
// one stretched: the lists beside the SFE editors.
QTableWidget *rowTable(const QString &objectName, const QStringList &headers, QWidget *parent);

} // namespace rounds::widgets
