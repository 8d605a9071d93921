#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rounds {

class Session;
class StoreWatcher;
struct DownloadProgress;
struct MaterialItem;

// The rep's (and manager's) Materials view (docs/downloads.md, "Materials view"): the approved materials
// by product with thumbnail, version, language, valid-to and where the file is (on this computer,
// downloading N %, not downloaded); withdrawn and expired ones greyed with why, never presentable. A Pin
// toggle keeps a material's file on this computer (file_state.pinned, fetched first by the download
// queue); Preview asks the presenter to show it outside a call (previewRequested).
class MaterialsView final : public QWidget
{
    Q_OBJECT
public:
    enum Column { Title, Version, Language, ValidTo, State, ColumnCount };
    enum Role { MaterialIdRole = Qt::UserRole + 1, Sha256Role, PresentableRole, PinnedRole };

    explicit MaterialsView(Session *session, QWidget *parent = nullptr);

    // Reads the materials again (the store watcher and the download queue call it).
    void refresh();
    QString currentMaterialId() const;
    bool selectMaterial(const QString &materialId);
    // Pins or unpins the current material's file; false when nothing is selected or the store failed.
    bool setPinned(bool pinned);

signals:
    void previewRequested(const QString &materialId);

private:
    void updateButtons();
    void onDownloadProgress(const rounds::DownloadProgress &progress);
    QString stateText(const MaterialItem &m, bool pinned) const;

    Session *m_session;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_tree = nullptr;
    QPushButton *m_pin = nullptr;
    QPushButton *m_preview = nullptr;
    QLabel *m_error = nullptr;
    QHash<QString, QTreeWidgetItem *> m_bySha256; // material file → its row
    QString m_downloading; // the file in flight, and how far
    int m_percent = 0;
};

} // namespace rounds
