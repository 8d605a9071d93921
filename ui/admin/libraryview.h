#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;

namespace rounds {

class LibraryModel;
class Store;
struct MaterialItem;

// The administrator's Library page (docs/content.md, "The library"): every material with its thumbnail,
// product, version, language, status, validity, pages and whether this computer holds the file, filtered
// by text, product and status; and what an admin does there, offline too: New material…, Approve,
// Withdraw (confirmed), New version… (approving it withdraws the version it replaces), Key messages… and
// Products and key messages…. Everything is saved on this computer and reaches the server with the next
// sync, files before records; a change the server refused is shown here in words.
class LibraryView final : public QWidget
{
    Q_OBJECT
public:
    explicit LibraryView(Store *store, QWidget *parent = nullptr);

    void reload();
    bool selectMaterial(const QString &materialId);
    QString currentMaterialId() const;
    QString stateText() const;

    // The actions (the buttons call them; dialogs are modal).
    void newMaterial();
    void approve();
    void withdraw();
    void newVersion();
    void editKeyMessages();
    void editProducts();

signals:
    // A material was created or changed here (its id).
    void materialChanged(const QString &materialId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    const MaterialItem *current() const;
    void updateActions();
    void fillProducts();
    void applyFilter();
    void say(const QString &text, bool error);
    void afterWrite(const QString &id, const QString &error, const QString &done);

    Store *m_store;
    LibraryModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_product = nullptr;
    QComboBox *m_status = nullptr;
    QTableView *m_table = nullptr;
    QLabel *m_state = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_withdraw = nullptr;
    QPushButton *m_version = nullptr;
    QPushButton *m_keyMessages = nullptr;
    QPushButton *m_products = nullptr;
    bool m_dirty = true;
};

} // namespace rounds
