#include "ui/territories/territoryview.h"

#include "common/protocol/enumlabels.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "models/territories.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"
#include "ui/territories/alignmenteditor.h"
#include "ui/territories/workloadview.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString levelLabel(const QString &level)
{
    return EnumLabels::label(QStringLiteral("territory"), QStringLiteral("level"), level);
}

} // namespace

TerritoryView::TerritoryView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("territoriesView"));

    auto *title = widgets::pageTitle(tr("Territories"), this);
    auto *hint = widgets::hint(
        tr("Shape the territory tree, align HCPs to territories with their call targets, and "
           "compare the workload of a district. Every change is sent to the server at the next "
           "sync."),
        this);

    m_model = new QStandardItemModel(this);
    m_model->setHorizontalHeaderLabels({tr("Territory"), tr("Owner"), tr("Level")});
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("territoryTreeView"));
    m_tree->setModel(m_model);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(false);
    m_tree->setColumnHidden(2, true); // the indentation shows the level; the tooltip names it
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
        &TerritoryView::onCurrentChanged);

    m_new = widgets::button(tr("New…"), QStringLiteral("newTerritoryButton"), this);
    m_new->setToolTip(tr("A region at the top, or a child of the selected region or district"));
    m_rename = widgets::button(tr("Rename…"), QStringLiteral("renameTerritoryButton"), this);
    m_move = widgets::button(tr("Move to…"), QStringLiteral("moveTerritoryButton"), this);
    m_retire = widgets::button(tr("Retire"), QStringLiteral("retireTerritoryButton"), this);
    connect(m_new, &QPushButton::clicked, this, &TerritoryView::askCreate);
    connect(m_rename, &QPushButton::clicked, this, &TerritoryView::askRename);
    connect(m_move, &QPushButton::clicked, this, &TerritoryView::showMoveMenu);
    connect(m_retire, &QPushButton::clicked, this, &TerritoryView::askRetire);
    m_owner = new QComboBox(this);
    m_owner->setObjectName(QStringLiteral("ownerComboBox"));
    connect(
        m_owner, &QComboBox::activated, this, [this] { setCurrentOwner(m_owner->currentData().toString()); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("territoryStatusLabel"));
    m_status->setWordWrap(true);

    // Two rows of two, so the tree column stays narrow.
    auto *buttons = new QGridLayout;
    buttons->addWidget(m_new, 0, 0);
    buttons->addWidget(m_rename, 0, 1);
    buttons->addWidget(m_move, 1, 0);
    buttons->addWidget(m_retire, 1, 1);
    auto *history = widgets::button(tr("History…"), QStringLiteral("territoryHistoryButton"), this);
    connect(history, &QPushButton::clicked, this, [this] {
        if (const QStandardItem *item = itemFor(currentTerritoryId()))
            emit historyRequested(QStringLiteral("territory"), currentTerritoryId(), item->text());
    });
    auto *alignmentHistory
        = widgets::button(tr("Alignment history…"), QStringLiteral("alignmentHistoryButton"), this);
    connect(alignmentHistory, &QPushButton::clicked, this, [this] {
        const QStringList ids = m_alignments->selectedAlignmentIds();
        if (!ids.isEmpty())
            emit historyRequested(QStringLiteral("alignment"), ids.first(), tr("an alignment"));
    });
    buttons->addWidget(history, 2, 0);
    buttons->addWidget(alignmentHistory, 2, 1);
    auto *ownerRow = new QHBoxLayout;
    ownerRow->addWidget(new QLabel(tr("Owner"), this));
    ownerRow->addWidget(m_owner, 1);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_tree, 1);
    leftLayout->addLayout(buttons);
    leftLayout->addLayout(ownerRow);
    leftLayout->addWidget(m_status);

    m_alignments = new AlignmentEditor(store, this);
    m_workload = new WorkloadView(store, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("territoryTabWidget"));
    m_tabs->addTab(m_alignments, tr("Alignments"));
    m_tabs->addTab(m_workload, tr("Workload"));

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("territorySplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({270, 1060});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(splitter, 1);

    // The tree and the owner picker; the alignment editor and the workload follow their own entities.
    new StoreWatcher(store, {QStringLiteral("territory"), QStringLiteral("user")}, this,
        [this](const StoreChanges &) { reload(); });
    reload();
}

void TerritoryView::setToday(const QDate &today)
{
    m_today = today;
    m_alignments->setToday(today);
    m_workload->setToday(today);
    m_workload->reload();
}

void TerritoryView::reload()
{
    const QString current = currentTerritoryId();
    QList<TerritoryNode> nodes;
    QString error;
    if (!Territories::list(m_store, &nodes, &error))
        m_status->setText(error);
    m_model->removeRows(0, m_model->rowCount());
    QHash<QString, QStandardItem *> byId;
    // Parents come before children (ordered by level); an orphan (its parent not in this store) sits at
    // the top so it stays reachable.
    for (const TerritoryNode &n : std::as_const(nodes)) {
        auto *name = new QStandardItem(QStringLiteral("%1  %2").arg(n.code, n.name));
        name->setData(n.id, IdRole);
        name->setData(n.level, LevelRole);
        name->setData(n.parentId, ParentRole);
        name->setData(n.pending, PendingRole);
        name->setData(n.conflicted, ConflictRole);
        QStringList notes;
        if (n.conflicted) {
            name->setText(name->text() + QStringLiteral("  ⚠"));
            name->setForeground(theme::toneColor(theme::Tone::Error));
            notes << tr("In conflict with a change made elsewhere: see Conflicts.");
        } else if (n.pending) {
            name->setText(name->text() + QStringLiteral("  ↑"));
            notes << tr("Waiting to be sent to the server.");
        }
        if (n.retired) {
            QFont f = name->font();
            f.setStrikeOut(true);
            name->setFont(f);
            name->setForeground(theme::toneColor(theme::Tone::Muted));
            notes << tr("Retired.");
        }
        notes.prepend(levelLabel(n.level) + QLatin1Char('.'));
        name->setToolTip(notes.join(QLatin1Char(' ')));
        auto *owner = new QStandardItem(
            n.ownerName.isEmpty() && !n.ownerId.isEmpty() ? n.ownerId.left(8) : n.ownerName);
        auto *level = new QStandardItem(levelLabel(n.level));
        QStandardItem *parent = byId.value(n.parentId, m_model->invisibleRootItem());
        parent->appendRow({name, owner, level});
        byId.insert(n.id, name);
    }
    m_tree->expandToDepth(1);

    m_owner->clear();
    m_owner->addItem(tr("(no owner)"), QString());
    for (const TerritoryUser &u : Territories::owners(m_store))
        m_owner->addItem(u.name, u.id);

    if (!current.isEmpty() && selectTerritory(current))
        return;
    onCurrentChanged();
}

QStandardItem *TerritoryView::itemFor(const QString &id) const
{
    const QModelIndexList found
        = m_model->match(m_model->index(0, 0), IdRole, id, 1, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : m_model->itemFromIndex(found.first());
}

bool TerritoryView::selectTerritory(const QString &id)
{
    QStandardItem *item = itemFor(id);
    if (!item)
        return false;
    m_tree->setCurrentIndex(item->index());
    m_tree->scrollTo(item->index());
    onCurrentChanged();
    return true;
}

QString TerritoryView::currentTerritoryId() const
{
    return m_tree->currentIndex().siblingAtColumn(0).data(IdRole).toString();
}

void TerritoryView::onCurrentChanged()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    const QString id = index.data(IdRole).toString();
    const QString level = index.data(LevelRole).toString();
    const bool any = !id.isEmpty();
    m_rename->setEnabled(any);
    m_move->setEnabled(any && level != QLatin1String("region"));
    m_retire->setEnabled(any);
    m_new->setEnabled(!any || !Territories::childLevel(level).isEmpty());
    m_owner->setEnabled(any);
    if (any) {
        const auto rec = m_store->record(QStringLiteral("territory"), id);
        const QString owner = rec ? rec->fields.value(QLatin1String("owner_id")).toString() : QString();
        const int i = m_owner->findData(owner);
        m_owner->setCurrentIndex(i >= 0 ? i : 0);
    }
    m_alignments->setTerritory(level == QLatin1String("territory") ? id : QString());
    if (level == QLatin1String("district"))
        m_workload->setDistrict(id);
    else if (level == QLatin1String("territory"))
        m_workload->setDistrict(index.data(ParentRole).toString());
    else
        m_workload->setDistrict({});
    if (level == QLatin1String("district"))
        m_tabs->setCurrentWidget(m_workload);
    else if (level == QLatin1String("territory"))
        m_tabs->setCurrentWidget(m_alignments);
}

bool TerritoryView::done(bool ok, const QString &error)
{
    theme::setTone(m_status, ok ? theme::Tone::Normal : theme::Tone::Error);
    m_status->setText(ok ? tr("Saved. It reaches the server at the next sync.") : error);
    if (ok)
        reload();
    return ok;
}

bool TerritoryView::createChild(const QString &code, const QString &name)
{
    const TerritoryEditResult r = Territories::create(m_store, currentTerritoryId(), code, name);
    if (!done(r.ok, r.error))
        return false;
    selectTerritory(r.id);
    return true;
}

bool TerritoryView::renameCurrent(const QString &name)
{
    const TerritoryEditResult r = Territories::rename(m_store, currentTerritoryId(), name);
    return done(r.ok, r.error);
}

bool TerritoryView::moveCurrentTo(const QString &parentId)
{
    const QString id = currentTerritoryId();
    const TerritoryEditResult r = Territories::move(m_store, id, parentId);
    if (!done(r.ok, r.error))
        return false;
    selectTerritory(id);
    return true;
}

bool TerritoryView::setCurrentOwner(const QString &ownerId)
{
    const QString id = currentTerritoryId();
    const TerritoryEditResult r = Territories::assignOwner(m_store, id, ownerId);
    if (!done(r.ok, r.error))
        return false;
    selectTerritory(id);
    return true;
}

bool TerritoryView::retireCurrent()
{
    const TerritoryEditResult r = Territories::retire(m_store, currentTerritoryId(), m_today);
    return done(r.ok, r.error);
}

void TerritoryView::askCreate()
{
    const QString parentLevel = m_tree->currentIndex().siblingAtColumn(0).data(LevelRole).toString();
    const QString level = Territories::childLevel(parentLevel);
    Prompter &p = Prompter::instance();
    const auto code
        = p.askText(this, tr("New %1").arg(levelLabel(level).toLower()), tr("Code (e.g. SH-04)"), {});
    if (!code || code->trimmed().isEmpty())
        return;
    const auto name = p.askText(this, tr("New %1").arg(levelLabel(level).toLower()), tr("Name"), {});
    if (!name)
        return;
    createChild(*code, *name);
}

void TerritoryView::askRename()
{
    const QString id = currentTerritoryId();
    const auto rec = m_store->record(QStringLiteral("territory"), id);
    if (!rec)
        return;
    const auto name = Prompter::instance().askText(
        this, tr("Rename"), tr("Name"), rec->fields.value(QLatin1String("name")).toString());
    if (name)
        renameCurrent(*name);
}

void TerritoryView::showMoveMenu()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    const QString level = index.data(LevelRole).toString();
    const QString wanted
        = level == QLatin1String("territory") ? QStringLiteral("district") : QStringLiteral("region");
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("moveTerritoryMenu"));
    QList<TerritoryNode> nodes;
    Territories::list(m_store, &nodes);
    for (const TerritoryNode &n : std::as_const(nodes)) {
        if (n.level != wanted || n.retired || n.id == index.data(ParentRole).toString())
            continue;
        QAction *a = menu.addAction(QStringLiteral("%1  %2").arg(n.code, n.name));
        connect(a, &QAction::triggered, this, [this, id = n.id] { moveCurrentTo(id); });
    }
    if (menu.isEmpty())
        menu.addAction(tr("Nowhere else to go"))->setEnabled(false);
    menu.exec(m_move->mapToGlobal(QPoint(0, m_move->height())));
}

void TerritoryView::askRetire()
{
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(0);
    if (!index.isValid())
        return;
    if (Prompter::instance().confirm(this, tr("Retire"),
            tr("Retire %1? Its history stays; it takes no new alignments.").arg(index.data().toString())))
        retireCurrent();
}

} // namespace rounds
