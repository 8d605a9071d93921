#include "ui/admin/productsdialog.h"

#include "models/library.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

constexpr int IdRole = Qt::UserRole + 1;
constexpr int ActiveRole = Qt::UserRole + 2;
constexpr int TextRole = Qt::UserRole + 3;

void fill(QListWidget *list, const QString &id, const QString &text, bool active)
{
    auto *item = new QListWidgetItem(active ? text : ProductsDialog::tr("%1 (inactive)").arg(text), list);
    item->setData(IdRole, id);
    item->setData(ActiveRole, active);
    item->setData(TextRole, text);
    if (!active)
        item->setForeground(theme::toneColor(theme::Tone::Muted));
}

QString current(const QListWidget *list, int role)
{
    return list->currentItem() ? list->currentItem()->data(role).toString() : QString();
}

} // namespace

ProductsDialog::ProductsDialog(Store *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_products(widgets::named<QListWidget>(QStringLiteral("productsListWidget"), this))
    , m_messages(widgets::named<QListWidget>(QStringLiteral("keyMessagesListWidget"), this))
    , m_error(widgets::named<QLabel>(QStringLiteral("productsErrorLabel"), this))
{
    setObjectName(QStringLiteral("productsDialog"));
    setWindowTitle(tr("Products and key messages"));
    m_error->setWordWrap(true);
    theme::setTone(m_error, theme::Tone::Error);
    m_error->hide();
    const auto button = [this](const QString &text, const QString &name, void (ProductsDialog::*slot)()) {
        QPushButton *b = widgets::button(text, name, this);
        connect(b, &QPushButton::clicked, this, slot);
        return b;
    };
    auto *grid = new QGridLayout;
    grid->addWidget(new QLabel(tr("Products"), this), 0, 0);
    grid->addWidget(new QLabel(tr("Key messages of the selected product"), this), 0, 1);
    grid->addWidget(m_products, 1, 0);
    grid->addWidget(m_messages, 1, 1);
    auto *productButtons = new QHBoxLayout;
    productButtons->addWidget(
        button(tr("Add…"), QStringLiteral("addProductButton"), &ProductsDialog::addProduct));
    productButtons->addWidget(
        button(tr("Rename…"), QStringLiteral("renameProductButton"), &ProductsDialog::renameProduct));
    productButtons->addWidget(button(
        tr("Deactivate / activate"), QStringLiteral("toggleProductButton"), &ProductsDialog::toggleProduct));
    auto *messageButtons = new QHBoxLayout;
    messageButtons->addWidget(
        button(tr("Add…"), QStringLiteral("addKeyMessageButton"), &ProductsDialog::addKeyMessage));
    messageButtons->addWidget(
        button(tr("Rename…"), QStringLiteral("renameKeyMessageButton"), &ProductsDialog::renameKeyMessage));
    messageButtons->addWidget(button(tr("Deactivate / activate"), QStringLiteral("toggleKeyMessageButton"),
        &ProductsDialog::toggleKeyMessage));
    grid->addLayout(productButtons, 2, 0);
    grid->addLayout(messageButtons, 2, 1);
    grid->setColumnStretch(0, 2);
    grid->setColumnStretch(1, 3);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        widgets::hint(tr("A product or key message that is no longer used is deactivated, not deleted: "
                         "visits and materials keep naming it."),
            this));
    layout->addLayout(grid, 1);
    layout->addWidget(m_error);
    layout->addWidget(close);
    connect(m_products, &QListWidget::currentRowChanged, this, &ProductsDialog::fillKeyMessages);
    reload();
    resize(820, 480);
}

void ProductsDialog::say(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

void ProductsDialog::reload()
{
    const QString keep = currentProductId();
    m_products->clear();
    QList<library::ProductRow> rows;
    QString error;
    if (!library::products(m_store, &rows, &error))
        say(error);
    for (const library::ProductRow &p : std::as_const(rows))
        fill(m_products, p.id, p.name, p.active);
    if (!selectProduct(keep) && m_products->count() > 0)
        m_products->setCurrentRow(0);
    fillKeyMessages();
}

bool ProductsDialog::selectProduct(const QString &productId)
{
    for (int row = 0; row < m_products->count(); ++row) {
        if (!productId.isEmpty() && m_products->item(row)->data(IdRole).toString() == productId) {
            m_products->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString ProductsDialog::currentProductId() const
{
    return current(m_products, IdRole);
}

QString ProductsDialog::currentKeyMessageId() const
{
    return current(m_messages, IdRole);
}

void ProductsDialog::fillKeyMessages()
{
    const QString keep = currentKeyMessageId();
    m_messages->clear();
    QList<library::KeyMessageRow> rows;
    QString error;
    if (!currentProductId().isEmpty() && !library::keyMessages(m_store, currentProductId(), &rows, &error))
        say(error);
    for (const library::KeyMessageRow &k : std::as_const(rows)) {
        fill(m_messages, k.id, k.text, k.active);
        if (k.id == keep)
            m_messages->setCurrentRow(m_messages->count() - 1);
    }
}

void ProductsDialog::addProduct()
{
    const std::optional<QString> name
        = Prompter::instance().askText(this, tr("New product"), tr("Name:"), {});
    if (!name)
        return;
    const library::Result r = library::addProduct(m_store, *name, {});
    say(r.ok ? QString() : tr("The product was not added: %1").arg(r.error));
    reload();
    selectProduct(r.id);
}

void ProductsDialog::renameProduct()
{
    if (currentProductId().isEmpty())
        return;
    const std::optional<QString> name = Prompter::instance().askText(
        this, tr("Rename product"), tr("Name:"), current(m_products, TextRole));
    if (!name)
        return;
    const library::Result r = library::renameProduct(m_store, currentProductId(), *name);
    say(r.ok ? QString() : tr("The product was not renamed: %1").arg(r.error));
    reload();
}

void ProductsDialog::toggleProduct()
{
    if (currentProductId().isEmpty())
        return;
    const bool active = m_products->currentItem()->data(ActiveRole).toBool();
    const library::Result r = library::setProductActive(m_store, currentProductId(), !active);
    say(r.ok ? QString() : r.error);
    reload();
}

void ProductsDialog::addKeyMessage()
{
    if (currentProductId().isEmpty()) {
        say(tr("Select the product first."));
        return;
    }
    const std::optional<QString> text
        = Prompter::instance().askText(this, tr("New key message"), tr("Text:"), {});
    if (!text)
        return;
    const library::Result r = library::addKeyMessage(m_store, currentProductId(), *text);
    say(r.ok ? QString() : tr("The key message was not added: %1").arg(r.error));
    fillKeyMessages();
}

void ProductsDialog::renameKeyMessage()
{
    if (currentKeyMessageId().isEmpty())
        return;
    const std::optional<QString> text = Prompter::instance().askText(
        this, tr("Change key message"), tr("Text:"), current(m_messages, TextRole));
    if (!text)
        return;
    const library::Result r = library::renameKeyMessage(m_store, currentKeyMessageId(), *text);
    say(r.ok ? QString() : tr("The key message was not changed: %1").arg(r.error));
    fillKeyMessages();
}

void ProductsDialog::toggleKeyMessage()
{
    if (currentKeyMessageId().isEmpty())
        return;
    const bool active = m_messages->currentItem()->data(ActiveRole).toBool();
    const library::Result r = library::setKeyMessageActive(m_store, currentKeyMessageId(), !active);
    say(r.ok ? QString() : r.error);
    fillKeyMessages();
}

} // namespace rounds
