#include "ui/content/materialsview.h"

#include "models/localfiles.h"
#include "models/materialqueries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "sync/downloadqueue.h"
#include "sync/session.h"
#include "ui/common/dates.h"

#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPalette>
#include <QPixmap>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rounds {

using protocol::content::Availability;

namespace {

constexpr int kThumb = 40;

QIcon thumbnailOf(const QString &databasePath, const QString &sha256)
{
    const QString path = localfiles::existingPathOf(databasePath, sha256);
    if (path.isEmpty())
        return {};
    QPixmap pixmap(path);
    if (pixmap.isNull())
        return {};
    return QIcon(pixmap.scaled(kThumb, kThumb, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

} // namespace

MaterialsView::MaterialsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("materialsView"));
    auto *title = new QLabel(tr("Materials"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("materialsSummaryLabel"));
    m_summary->setWordWrap(true);
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("materialsTreeWidget"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Material"), tr("Version"), tr("Language"), tr("Valid to"), tr("State")});
    m_tree->setIconSize(QSize(kThumb, kThumb));
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(false);
    m_tree->header()->setSectionResizeMode(Title, QHeaderView::Stretch);
    for (int c = Version; c < ColumnCount; ++c)
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_pin = new QPushButton(tr("Keep on this computer"), this);
    m_pin->setObjectName(QStringLiteral("pinButton"));
    m_pin->setCheckable(true);
    m_pin->setToolTip(tr("A pinned material is downloaded first and never removed from this computer."));
    m_preview = new QPushButton(tr("Preview"), this);
    m_preview->setObjectName(QStringLiteral("previewButton"));
    m_preview->setToolTip(tr("Show the material outside a call; its page views count as a preview."));
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("materialsErrorLabel"));
    m_error->setWordWrap(true);
    m_error->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pin);
    buttons->addWidget(m_preview);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &MaterialsView::updateButtons);
    connect(m_pin, &QPushButton::clicked, this, [this](bool on) { setPinned(on); });
    connect(m_preview, &QPushButton::clicked, this, [this] {
        if (!currentMaterialId().isEmpty())
            emit previewRequested(currentMaterialId());
    });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        if (item->data(0, PresentableRole).toBool())
            emit previewRequested(item->data(0, MaterialIdRole).toString());
    });
    auto *watcher = new StoreWatcher(session->store(),
        {QStringLiteral("material"), QStringLiteral("product"), QStringLiteral("setting")}, this,
        [this](const StoreChanges &) { refresh(); });
    watcher->deferWhileHidden(true);
    DownloadQueue *downloads = session->downloads();
    connect(downloads, &DownloadQueue::progressChanged, this, &MaterialsView::onDownloadProgress);
    connect(downloads, &DownloadQueue::fileReady, this, [this] { refresh(); });
    refresh();
}

QString MaterialsView::stateText(const MaterialItem &m, bool pinned) const
{
    switch (m.availability) {
    case Availability::Withdrawn:
        return tr("Withdrawn: may not be presented");
    case Availability::Expired:
        return m.validTo.isValid() ? tr("Expired on %1: may not be presented").arg(Dates::date(m.validTo))
                                   : tr("Expired: may not be presented");
    case Availability::NotYetValid:
        return tr("Valid from %1").arg(Dates::date(m.validFrom));
    case Availability::Draft:
        return tr("Draft");
    case Availability::Presentable:
        break;
    }
    QString where;
    if (!m.localPath.isEmpty())
        where = tr("On this computer");
    else if (m.sha256 == m_downloading)
        where = tr("Downloading %1 %").arg(m_percent);
    else
        where = tr("Not downloaded");
    return pinned ? tr("%1 · pinned").arg(where) : where;
}

void MaterialsView::refresh()
{
    Store *store = m_session->store();
    if (!store || !store->isOpen())
        return;
    const QString current = currentMaterialId();
    QList<MaterialItem> materials;
    QString error;
    if (!MaterialQueries::list(store, {}, {}, &materials, &error)) {
        m_error->setText(tr("The materials cannot be read: %1").arg(error));
        m_error->show();
        return;
    }
    m_error->hide();
    QSet<QString> pinned;
    for (const FileStateRow &f : store->fileStates()) {
        if (f.pinned)
            pinned.insert(f.sha256);
    }
    m_tree->clear();
    m_bySha256.clear();
    QHash<QString, QTreeWidgetItem *> products;
    int presentable = 0, local = 0;
    const QColor grey = palette().color(QPalette::Disabled, QPalette::Text);
    for (const MaterialItem &m : std::as_const(materials)) {
        if (m.availability == Availability::Draft)
            continue; // not the field's business until approved
        QTreeWidgetItem *product = products.value(m.productId);
        if (!product) {
            product
                = new QTreeWidgetItem(m_tree, {m.productName.isEmpty() ? tr("No product") : m.productName});
            QFont bold = product->font(0);
            bold.setBold(true);
            product->setFont(0, bold);
            product->setFlags(Qt::ItemIsEnabled);
            product->setExpanded(true);
            products.insert(m.productId, product);
        }
        const bool isPinned = pinned.contains(m.sha256);
        auto *item = new QTreeWidgetItem(product,
            {m.title, tr("v%1").arg(m.version), m.language,
                m.validTo.isValid() ? Dates::date(m.validTo) : tr("open"), stateText(m, isPinned)});
        item->setData(0, MaterialIdRole, m.id);
        item->setData(0, Sha256Role, m.sha256);
        item->setData(0, PresentableRole, m.presentable());
        item->setData(0, PinnedRole, isPinned);
        item->setIcon(0, thumbnailOf(store->path(), m.thumbnailSha256));
        item->setToolTip(0, m.description.isEmpty() ? m.title : m.description);
        if (!m.presentable()) {
            for (int c = 0; c < ColumnCount; ++c)
                item->setForeground(c, grey);
        } else {
            ++presentable;
            local += !m.localPath.isEmpty();
        }
        m_bySha256.insert(m.sha256, item);
    }
    m_summary->setText(products.isEmpty()
            ? tr("No materials yet. They arrive with the next sync once marketing approves them.")
            : tr("%n material(s) you may present", nullptr, presentable) + QStringLiteral(" · ")
                + tr("%n on this computer", nullptr, local));
    if (!current.isEmpty())
        selectMaterial(current);
    updateButtons();
}

void MaterialsView::onDownloadProgress(const DownloadProgress &progress)
{
    const QString before = m_downloading;
    m_downloading = progress.current;
    m_percent = progress.currentTotal > 0 ? int(progress.currentBytes * 100 / progress.currentTotal) : 0;
    for (const QString &sha256 : {before, m_downloading}) {
        QTreeWidgetItem *item = m_bySha256.value(sha256);
        if (!item || !item->data(0, PresentableRole).toBool())
            continue;
        MaterialItem m;
        QString error;
        if (MaterialQueries::byId(
                m_session->store(), item->data(0, MaterialIdRole).toString(), {}, &m, &error))
            item->setText(State, stateText(m, item->data(0, PinnedRole).toBool()));
    }
}

QString MaterialsView::currentMaterialId() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, MaterialIdRole).toString() : QString();
}

bool MaterialsView::selectMaterial(const QString &materialId)
{
    for (QTreeWidgetItem *item : std::as_const(m_bySha256)) {
        if (item->data(0, MaterialIdRole).toString() == materialId) {
            m_tree->setCurrentItem(item);
            return true;
        }
    }
    return false;
}

bool MaterialsView::setPinned(bool pinned)
{
    QTreeWidgetItem *item = m_tree->currentItem();
    Store *store = m_session->store();
    const QString sha256 = item ? item->data(0, Sha256Role).toString() : QString();
    if (sha256.isEmpty() || !store)
        return false;
    FileStateRow row;
    row.sha256 = sha256;
    for (const FileStateRow &f : store->fileStates()) {
        if (f.sha256 == sha256)
            row = f;
    }
    MaterialItem m;
    QString error;
    if (MaterialQueries::byId(store, item->data(0, MaterialIdRole).toString(), {}, &m, &error)
        && row.size == 0)
        row.size = m.fileSize;
    if (!m.localPath.isEmpty()) {
        row.state = QStringLiteral("complete");
        row.bytes = row.size;
    }
    row.pinned = pinned;
    if (!store->putFileState(row, false, &error)) {
        m_error->setText(tr("The pin could not be saved: %1").arg(error));
        m_error->show();
        return false;
    }
    refresh();
    if (pinned)
        m_session->downloads()->kick();
    return true;
}

void MaterialsView::updateButtons()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const bool material = item && !item->data(0, MaterialIdRole).toString().isEmpty();
    const bool presentable = material && item->data(0, PresentableRole).toBool();
    m_pin->setEnabled(presentable || (material && item->data(0, PinnedRole).toBool()));
    m_pin->setChecked(material && item->data(0, PinnedRole).toBool());
    m_preview->setEnabled(presentable);
    m_preview->setToolTip(presentable || !material
            ? tr("Show the material outside a call; its page views count as a preview.")
            : item->text(State));
}

} // namespace rounds
