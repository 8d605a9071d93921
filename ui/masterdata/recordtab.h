#pragma once

#include <QJsonObject>
#include <QList>
#include <QStringList>
#include <QWidget>

class QFormLayout;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace rounds {

struct FieldIssue;

// One master-data tab (HCPs, institutions): a searchable list of records on the left, the chosen record's
// form on the right with each problem under its field, a status line and New / Save. What differs between
// the tabs is in Texts and in the fields the view adds; what they do on New and Save stays with the view.
class RecordTab final : public QWidget
{
    Q_OBJECT
public:
    struct Texts
    {
        QString prefix; // object names: <prefix>SearchLineEdit, <prefix>TableWidget
        QString searchHint;
        QStringList headers; // list columns
        QString newButton; // the New button's text
        QString record; // the record kind in object names: new<Record>Button, save<Record>Button, ...
        QString statusName; // the status label's object name
    };
    // One list row: the record's id and the cells of the columns.
    struct Row
    {
        QString id;
        QStringList cells;
    };

    RecordTab(const Texts &texts, QWidget *parent);

    // A form row with the red line under it that shows a problem of this field.
    QWidget *addField(const QString &key, const QString &label, QWidget *editor);
    QWidget *formBox() const { return m_formBox; }
    QWidget *editor(const QString &key) const;

    QJsonObject values() const; // empty texts as null
    void fill(const QJsonObject &record); // and hides every problem
    void showIssues(const QList<FieldIssue> &issues);
    void setStatus(bool ok, const QString &text);
    QString searchText() const;
    void setRows(const QList<Row> &rows);

signals:
    void searchChanged();
    void recordChosen(const QString &id);
    void newRequested();
    void saveRequested();

private:
    struct Field
    {
        QString key;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };

    QLineEdit *m_search = nullptr;
    QTableWidget *m_list = nullptr;
    QWidget *m_formBox = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_status = nullptr;
    QList<Field> m_fields;
};

} // namespace rounds
