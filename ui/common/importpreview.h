#pragma once

#include "common/import/importrules.h"

#include <QWidget>

class QListWidget;
class QPushButton;
class QTableWidget;

namespace rounds {

// The preview of an import file, for every import that checks its rows before applying them: a table
// with each row's line, outcome and problems, every bad cell highlighted (and its problems in its tool
// tip), a list of every problem of every row, and a button that saves the file's template (the CSV
// header and a README explaining the columns). It shows; the caller parses and applies.
class ImportPreview final : public QWidget
{
    Q_OBJECT
public:
    // The table's fixed columns, before the file's columns.
    enum Column { Line, Check, Problem, FirstValue };
    enum Role {
        OutcomeRole = Qt::UserRole, // on Check: 0 new, 1 invalid, 2 exists already
        BadCellRole, // on a value cell: true when a problem names its column
    };

    explicit ImportPreview(QWidget *parent = nullptr);

    // The kind of file previewed: its columns (with their explanations as header tool tips) and the
    // template offered.
    void setKind(import::Kind kind);
    import::Kind kind() const { return m_kind;
} void setPreview(const import::Preview &preview);
void clear();

// Writes the template CSV to `path` and its README next to it (`<name>-README.txt`).
bool saveTemplate(const QString &path, QString *error = nullptr);
static QString readmePath(const QString &csvPath);

QTableWidget *table() const
{
    return m_table;
}
QListWidget *problems() const
{
    return m_problems;
}

signals:
// A line for the caller's status: the template was saved, or could not be.
void templateSaved(bool ok, const QString &message);

private:
void askAndSaveTemplate();

import::Kind m_kind = import::Kind::Hcps;
QStringList m_columns;
QTableWidget *m_table = nullptr;
QListWidget *m_problems = nullptr;
QPushButton *m_template = nullptr;
}; // namespace rounds

} // namespace rounds
