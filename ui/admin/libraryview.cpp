#include "ui/admin/libraryview.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/messages.h"
#include "models/library.h"
#include "models/store.h"
#include "ui/admin/keymessagelinks.h"
#include "ui/admin/librarymodel.h"
#include "ui/admin/materialdialog.h"
#include "ui/admin/productsdialog.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rounds {

namespace {

const QStringList kEntities {QStringLiteral("material"), QStringLiteral("material_key_message"),
    QStringLiteral("product"), QStringLiteral("key_message")};

// Text (title, product, approval code, language), product and status, all at once.
class LibraryFilter final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void set(const QString &text, const QString &productId, const QString &status)
    {
        m_text = text.trimmed();
        m_product = productId;
        m_status = status;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex i = sourceModel()->index(row, 0, parent);
        if (!m_product.isEmpty() && i.data(LibraryModel::ProductIdRole).toString() != m_product)
            return false;
        if (!m_status.isEmpty() && i.data(LibraryModel::StatusRole).toString() != m_status)
            return false;
        return m_text.isEmpty()
            || i.data(LibraryModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive);
    }

private:
    QString m_text;
    QString m_product;
    QString m_status;
};

} // namespace

LibraryView::LibraryView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new LibraryModel(this))
    , m_proxy(new LibraryFilter(this))
{
    setObjectName(QStringLiteral("libraryView"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(Qt::DisplayRole);

    QLabel *title = widgets::pageTitle(tr("Library"), this);
    m_filter = widgets::named<QLineEdit>(QStringLiteral("libraryFilterLineEdit"), this);
    m_filter->setPlaceholderText(tr("Filter by title, product or approval code"));
    m_filter->setClearButtonEnabled(true);
    m_product = widgets::named<QComboBox>(QStringLiteral("libraryProductComboBox"), this);
    m_status = widgets::named<QComboBox>(QStringLiteral("libraryStatusComboBox"), this);
    m_status->addItem(tr("All statuses"), QString());
    for (const EnumLabels::Choice &c :
        EnumLabels::values(QStringLiteral("material"), QStringLiteral("status")))
        m_status->addItem(c.second, c.first);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 2);
    filters->addWidget(m_product, 1);
    filters->addWidget(m_status);

    m_table = widgets::named<QTableView>(QStringLiteral("libraryTableView"), this);
    m_table->setModel(m_proxy);
    widgets::setUpRowView(m_table);
    m_table->setIconSize(QSize(48, 48));
    m_table->horizontalHeader()->setSectionResizeMode(LibraryModel::Title, QHeaderView::Stretch);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->verticalHeader()->setDefaultSectionSize(54);

    m_new = widgets::button(tr("New material…"), QStringLiteral("newMaterialButton"), this);
    m_approve = widgets::button(tr("Approve"), QStringLiteral("approveMaterialButton"), this);
    m_withdraw = widgets::button(tr("Withdraw"), QStringLiteral("withdrawMaterialButton"), this);
    m_version = widgets::button(tr("New version…"), QStringLiteral("newVersionButton"), this);
    m_keyMessages = widgets::button(tr("Key messages…"), QStringLiteral("keyMessagesButton"), this);
    m_products = widgets::button(tr("Products and key messages…"), QStringLiteral("productsButton"), this);
    connect(m_new, &QPushButton::clicked, this, &LibraryView::newMaterial);
    connect(m_approve, &QPushButton::clicked, this, &LibraryView::approve);
    connect(m_withdraw, &QPushButton::clicked, this, &LibraryView::withdraw);
    connect(m_version, &QPushButton::clicked, this, &LibraryView::newVersion);
    connect(m_keyMessages, &QPushButton::clicked, this, &LibraryView::editKeyMessages);
    connect(m_products, &QPushButton::clicked, this, &LibraryView::editProducts);
    auto *actions = new QHBoxLayout;
    for (QPushButton *b : {m_new, m_approve, m_withdraw, m_version, m_keyMessages})
        actions->addWidget(b);
    actions->addStretch(1);
    actions->addWidget(m_products);

    m_state = widgets::named<QLabel>(QStringLiteral("libraryStateLabel"), this);
    m_state->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(
        widgets::hint(tr("The materials reps present in their visits. A new material is a draft until "
                         "you approve it; reps present approved materials within their validity, "
                         "offline too. Changes are saved on this computer and reach the server with "
                         "the next sync, files first."),
            this));
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(m_state);

    connect(m_filter, &QLineEdit::textChanged, this, &LibraryView::applyFilter);
    connect(m_product, &QComboBox::currentIndexChanged, this, &LibraryView::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &LibraryView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &LibraryView::updateActions);
    connect(m_store, &Store::recordsChanged, this, [this](const QString &entity) {
        if (!kEntities.contains(entity))
            return;
        if (isVisible())
            reload();
        else
            m_dirty = true;
    });
    updateActions();
}

void LibraryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        reload();
}

void LibraryView::fillProducts()
{
    const QString keep = m_product->currentData().toString();
    m_product->blockSignals(true);
    m_product->clear();
    m_product->addItem(tr("All products"), QString());
    QList<library::ProductRow> products;
    QString ignored;
    library::products(m_store, &products, &ignored);
    for (const library::ProductRow &p : std::as_const(products))
        m_product->addItem(p.name, p.id);
    m_product->setCurrentIndex(qMax(0, m_product->findData(keep)));
    m_product->blockSignals(false);
}

void LibraryView::reload()
{
    m_dirty = false;
    const QString keep = currentMaterialId();
    fillProducts();
    QString error;
    if (!m_model->reload(m_store, &error)) {
        say(tr("The library cannot be read: %1").arg(error), true);
        return;
    }
    applyFilter();
    m_table->resizeColumnsToContents();
    if (!selectMaterial(keep) && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    // What the server refused of the library (the sync keeps it among the rejected changes).
    QStringList refused;
    for (const OutboxMutation &m : m_store->outbox()) {
        if (m.isRejected() && kEntities.contains(m.entity))
            refused << protocol::Messages::refusal(m.errorCode, m.entity, m.errorField, m.errorMessage)
                    + (m.errorMessage.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(m.errorMessage));
    }
    if (!refused.isEmpty())
        say(tr("The server refused %n change(s) of the library: %1", nullptr, int(refused.size()))
                .arg(refused.join(QStringLiteral("; "))),
            true);
    else if (m_model->rowCount() == 0)
        say(tr("No materials yet: add one with New material…"), false);
    else
        say(tr("%n material(s).", nullptr, m_model->rowCount()), false);
    updateActions();
}

void LibraryView::applyFilter()
{
    static_cast<LibraryFilter *>(m_proxy)->set(
        m_filter->text(), m_product->currentData().toString(), m_status->currentData().toString());
}

bool LibraryView::selectMaterial(const QString &materialId)
{
    const int row = m_model->rowOf(materialId);
    if (materialId.isEmpty() || row < 0)
        return false;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    m_table->selectRow(index.row());
    return true;
}

const MaterialItem *LibraryView::current() const
{
    const QModelIndex index = m_proxy->mapToSource(m_table->currentIndex());
    return index.isValid() ? m_model->item(index.row()) : nullptr;
}

QString LibraryView::currentMaterialId() const
{
    const MaterialItem *m = current();
    return m ? m->id : QString();
}

QString LibraryView::stateText() const
{
    return m_state->text();
}

void LibraryView::updateActions()
{
    const MaterialItem *m = current();
    const QString status = m ? m->status : QString();
    m_approve->setEnabled(status == QLatin1String("draft"));
    m_withdraw->setEnabled(status == QLatin1String("approved") || status == QLatin1String("draft"));
    m_version->setEnabled(m && status != QLatin1String("draft"));
    m_keyMessages->setEnabled(m != nullptr);
}

void LibraryView::say(const QString &text, bool error)
{
    m_state->setText(text);
    theme::setTone(m_state, error ? theme::Tone::Error : theme::Tone::Normal);
}

void LibraryView::afterWrite(const QString &id, const QString &error, const QString &done)
{
    reload();
    if (!error.isEmpty()) {
        say(error, true);
        return;
    }
    selectMaterial(id);
    say(done, false);
    emit materialChanged(id);
}

void LibraryView::newMaterial()
{
    MaterialDialog dialog(m_store, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    afterWrite(dialog.createdId(), {},
        tr("Saved as a draft on this computer; approve it when it may be presented. It reaches the server "
           "with "
           "the next sync."));
}

void LibraryView::newVersion()
{
    const MaterialItem *m = current();
    if (!m)
        return;
    const int version = m->version; // the list is read again while the dialog saves
    MaterialDialog dialog(m_store, *m, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    afterWrite(dialog.createdId(), {},
        tr("Version %1 saved as a draft; approving it withdraws version %2.").arg(version + 1).arg(version));
}

void LibraryView::approve()
{
    const MaterialItem *m = current();
    if (!m)
        return;
    QString text
        = tr("Approve “%1” (version %2)? Reps can present it within its validity once it has synced.")
              .arg(m->title)
              .arg(m->version);
    if (!m->supersedes.isEmpty())
        text += QLatin1Char(' ') + tr("The version it replaces is withdrawn.");
    if (!Prompter::instance().confirm(this, tr("Approve material"), text))
        return;
    const QString id = m->id;
    const library::Result r = library::approve(m_store, id);
    afterWrite(id, r.ok ? QString() : tr("The material was not approved: %1").arg(r.error),
        tr("Approved. Reps receive it with their next sync."));
}

void LibraryView::withdraw()
{
    const MaterialItem *m = current();
    if (!m)
        return;
    if (!Prompter::instance().confirm(this, tr("Withdraw material"),
            tr("Withdraw “%1” (version %2)? Reps can no longer present it, also offline, once their laptop "
               "has "
               "synced. This cannot be undone; upload a new version instead.")
                .arg(m->title)
                .arg(m->version)))
        return;
    const QString id = m->id;
    const library::Result r = library::withdraw(m_store, id);
    afterWrite(
        id, r.ok ? QString() : tr("The material was not withdrawn: %1").arg(r.error), tr("Withdrawn."));
}

void LibraryView::editKeyMessages()
{
    const MaterialItem *m = current();
    if (!m)
        return;
    const QString id = m->id;
    const QString productId = m->productId;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("materialKeyMessagesDialog"));
    dialog.setWindowTitle(tr("Key messages of “%1”").arg(m->title));
    auto *editor = new KeyMessageLinksEditor(&dialog);
    QList<library::KeyMessageRow> messages;
    QString error;
    library::keyMessages(m_store, productId, &messages, &error);
    editor->setKeyMessages(messages);
    editor->setPageCount(m->pageCount);
    QList<MaterialKeyMessage> carried;
    MaterialQueries::keyMessages(m_store, id, &carried, &error);
    QList<library::KeyMessageLink> links;
    for (const MaterialKeyMessage &k : std::as_const(carried))
        links << library::KeyMessageLink {k.page, k.keyMessageId, {}};
    editor->setLinks(links);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(editor, 1);
    layout->addWidget(buttons);
    dialog.resize(640, 380);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const library::Result r = library::setKeyMessages(m_store, id, productId, editor->links());
    afterWrite(id, r.ok ? QString() : tr("The key messages were not saved: %1").arg(r.error),
        tr("Key messages saved."));
}

void LibraryView::editProducts()
{
    ProductsDialog dialog(m_store, this);
    dialog.exec();
    reload();
}

} // namespace rounds
