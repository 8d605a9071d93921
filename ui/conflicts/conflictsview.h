#pragma once

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace rounds {

class ConflictListModel;
class PendingMarkProxy;
class Session;

// What the server could not settle on its own: each open conflict with base / mine / theirs side by
// side (keep mine, take theirs, or type the value), and the changes it rejected with its reason.
class ConflictsView final : public QWidget
{
    Q_OBJECT
public:
    explicit ConflictsView(Session *session, QWidget *parent = nullptr);
    ~ConflictsView() override;

    ConflictListModel *model() const { return m_model; }
    // Resolves the conflict of a row: "mine", "theirs" or "other" (with `value`). False with a message
    // in the view when the ledger refuses.
    bool resolveRow(int row, const QString &choice, const QJsonValue &value = {});
    void selectRow(int row);
    // Reads conflicts and rejected changes again (after a sync, which writes them on its own connection).
    void refresh();

signals:
    void resolved();

private:
    void showCurrent();
    void fillRejected();
    QString describeRecord(const QString &entity, const QString &recordId) const;
    int currentRow() const;

    Session *m_session;
    ConflictListModel *m_model = nullptr;
    PendingMarkProxy *m_shown = nullptr; // what the table shows: m_model in words and local times
    QTableView *m_table = nullptr;
    QLabel *m_record = nullptr;
    QLabel *m_field = nullptr;
    QLabel *m_base = nullptr;
    QLabel *m_mine = nullptr;
    QLabel *m_theirs = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_empty = nullptr;
    QPushButton *m_keepMine = nullptr;
    QPushButton *m_takeTheirs = nullptr;
    QPushButton *m_editValue = nullptr;
    QTableWidget *m_rejected = nullptr;
    QLabel *m_rejectedTitle = nullptr;
};

} // namespace rounds
