#pragma once

#include <QDate>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QStandardItem;
class QStandardItemModel;
class QTabWidget;
class QTreeView;

namespace rounds {

class AlignmentEditor;
class Store;
class WorkloadView;

// The SFE territory page: the tree region → district → territory (create, rename, move, retire,
// assign the owner; territories with changes waiting to be sent or in conflict are marked), and for
// the selected node its alignments and the workload of its district.
class TerritoryView final : public QWidget
{
    Q_OBJECT
public:
    enum Role { IdRole = Qt::UserRole + 1, LevelRole, ParentRole, PendingRole, ConflictRole };

    explicit TerritoryView(Store *store, QWidget *parent = nullptr);

    void reload();
    void setToday(const QDate &today);

    QString currentTerritoryId() const;
    bool selectTerritory(const QString &id);
    QStandardItem *itemFor(const QString &id) const;

    // The actions behind the buttons (the buttons ask through the Prompter, then call these).
    bool createChild(const QString &code, const QString &name); // under the selection (none: a region)
    bool renameCurrent(const QString &name);
    bool moveCurrentTo(const QString &parentId);
    bool setCurrentOwner(const QString &ownerId);
    bool retireCurrent();

    QTreeView *tree() const { return m_tree; }
    AlignmentEditor *alignmentEditor() const { return m_alignments; }
    WorkloadView *workloadView() const { return m_workload; }

signals:
    // The History panel of a territory or an alignment (the window opens it; it needs the session).
    void historyRequested(const QString &entity, const QString &id, const QString &title);

private:
    void onCurrentChanged();
    void askCreate();
    void askRename();
    void showMoveMenu();
    void askRetire();
    bool done(bool ok, const QString &error);

    Store *m_store;
    QDate m_today;
    QStandardItemModel *m_model = nullptr;
    QTreeView *m_tree = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_rename = nullptr;
    QPushButton *m_move = nullptr;
    QPushButton *m_retire = nullptr;
    QComboBox *m_owner = nullptr;
    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    AlignmentEditor *m_alignments = nullptr;
    WorkloadView *m_workload = nullptr;
};

} // namespace rounds
