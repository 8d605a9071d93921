#pragma once

#include <QDialog>

class QLabel;
class QListWidget;

namespace rounds {

class Store;

// Products and key messages of the admin's library (docs/content.md): add, rename, deactivate and
// activate again (records are never deleted: visits and materials name them). Names are asked through
// the Prompter, so tests script them. Offline too: the changes sync with the next sync.
class ProductsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ProductsDialog(Store *store, QWidget *parent = nullptr);

    void reload();
    bool selectProduct(const QString &productId);
    QString currentProductId() const;
    QString currentKeyMessageId() const;

    void addProduct();
    void renameProduct();
    void toggleProduct();
    void addKeyMessage();
    void renameKeyMessage();
    void toggleKeyMessage();

private:
    void fillKeyMessages();
    void say(const QString &error);

    Store *m_store;
    QListWidget *m_products;
    QListWidget *m_messages;
    QLabel *m_error;
};

} // namespace rounds
