#include "ui/territories/alignmenteditor.h"

#include "common/protocol/enumlabels.h"
#include "models/alignments.h"
#include "models/hcpqueries.h"
#include "models/sfequeries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/dateedit.h"
#include "ui/common/dates.h"
#include "ui/common/prompter.h"
#include "ui/common/screenfit.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString phaseLabel(AlignmentPhase phase)
{
    switch (phase) {
    case AlignmentPhase::Past:
        return AlignmentEditor::tr("Ended");
    case AlignmentPhase::Current:
        return AlignmentEditor::tr("Current");
    case AlignmentPhase::Future:
        return AlignmentEditor::tr("Starts later");
    }
    return {};
}

QString shortDate(const QDate &d)
{
    return DateEdit::toText(d, QLocale());
}

// At most `max` names, then "…".
QString someNames(QStringList names, int max = 5)
{
    names.removeDuplicates();
    const bool more = names.size() > max;
    names = names.mid(0, max);
    return names.join(QStringLiteral(", ")) + (more ? QStringLiteral(", …") : QString());
}

} // namespace

AlignmentEditor::AlignmentEditor(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("alignmentEditor"));

    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("alignmentTitleLabel"));
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("alignmentSummaryLabel"));
    m_summary->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("alignmentTableWidget"));
    m_table->setHorizontalHeaderLabels({tr("HCP"), tr("Tier"), tr("Specialty"), tr("Institution"), tr("City"),
        tr("From"), tr("To"), tr("Target"), tr("Alignment")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Institution, QHeaderView::Stretch);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("alignmentFilterLineEdit"));
    m_filter->setPlaceholderText(tr("Filter: name, hospital, department, specialty, city or tag"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &AlignmentEditor::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &AlignmentEditor::updatePendingControls);

    m_showPast = new QCheckBox(tr("Show ended alignments"), this);
    m_showPast->setObjectName(QStringLiteral("showPastCheckBox"));
    connect(m_showPast, &QCheckBox::toggled, this, &AlignmentEditor::reload);
    m_end = widgets::button(tr("Remove from territory"), QStringLiteral("endAlignmentButton"), this);
    m_end->setToolTip(tr("Ends the selected alignments yesterday; one that has not started is deleted."));
    connect(m_end, &QPushButton::clicked, this, &AlignmentEditor::endSelected);

    m_moveTo = widgets::named<QComboBox>(QStringLiteral("moveTerritoryComboBox"), this);
    m_moveTo->setMinimumContentsLength(12);
    m_moveTo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_effective = new DateEdit(this);
    m_effective->setObjectName(QStringLiteral("effectiveDateEdit"));
    m_move = widgets::button(tr("Move"), QStringLiteral("moveSelectionButton"), this);
    connect(m_move, &QPushButton::clicked, this,
        [this] { moveSelected(m_moveTo->currentData().toString(), m_effective->date()); });

    m_targetTier = widgets::named<QComboBox>(QStringLiteral("targetTierComboBox"), this);
    for (const EnumLabels::Choice &t : EnumLabels::values(QStringLiteral("hcp"), QStringLiteral("tier")))
        m_targetTier->addItem(tr("Tier %1").arg(t.first), t.first);
    m_targetTier->addItem(tr("No tier"), QString());
    m_target = new QSpinBox(this);
    m_target->setObjectName(QStringLiteral("targetSpinBox"));
    m_target->setRange(0, 1000);
    m_target->setValue(4);
    auto *applyTarget = widgets::button(tr("Set target"), QStringLiteral("applyTargetButton"), this);
    connect(applyTarget, &QPushButton::clicked, this,
        [this] { setTargetForTier(m_targetTier->currentData().toString(), m_target->value()); });

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_showPast);
    actions->addStretch(1);
    actions->addWidget(m_end);
    auto *moveRow = new QHBoxLayout;
    moveRow->addWidget(new QLabel(tr("Move selected to"), this));
    moveRow->addWidget(m_moveTo);
    moveRow->addStretch(1);
    auto *moveWhen = new QHBoxLayout;
    moveWhen->addWidget(new QLabel(tr("from"), this));
    moveWhen->addWidget(m_effective);
    moveWhen->addWidget(m_move);
    moveWhen->addStretch(1);
    m_pendingTo = widgets::named<QComboBox>(QStringLiteral("pendingTerritoryComboBox"), this);
    m_pendingTo->setMinimumContentsLength(12);
    m_pendingTo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_pendingDate = new DateEdit(this);
    m_pendingDate->setObjectName(QStringLiteral("pendingDateEdit"));
    m_pendingEdit = widgets::button(tr("Change"), QStringLiteral("editPendingButton"), this);
    m_pendingEdit->setToolTip(tr("Changes the day or the destination of the selected moves that have not "
                                 "taken effect yet."));
    connect(m_pendingEdit, &QPushButton::clicked, this,
        [this] { editSelectedPending(m_pendingTo->currentData().toString(), m_pendingDate->date()); });
    m_pendingWithdraw = widgets::button(tr("Withdraw"), QStringLiteral("withdrawPendingButton"), this);
    m_pendingWithdraw->setToolTip(tr("Cancels the selected moves or additions that have not taken effect "
                                     "yet: the HCPs stay where they are."));
    connect(m_pendingWithdraw, &QPushButton::clicked, this, &AlignmentEditor::withdrawSelectedPending);
    // Two rows, as for the move, so the page still fits a small screen.
    auto *pendingRow = new QHBoxLayout;
    pendingRow->addWidget(new QLabel(tr("Pending move: to"), this));
    pendingRow->addWidget(m_pendingTo);
    pendingRow->addStretch(1);
    auto *pendingWhen = new QHBoxLayout;
    pendingWhen->addWidget(new QLabel(tr("from"), this));
    pendingWhen->addWidget(m_pendingDate);
    pendingWhen->addWidget(m_pendingEdit);
    pendingWhen->addWidget(m_pendingWithdraw);
    pendingWhen->addStretch(1);
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(new QLabel(tr("Calls per cycle for"), this));
    targetRow->addWidget(m_targetTier);
    targetRow->addWidget(m_target);
    targetRow->addWidget(applyTarget);
    targetRow->addStretch(1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("alignmentStatusLabel"));
    m_status->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_title);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_table, 1);
    leftLayout->addLayout(actions);
    leftLayout->addLayout(moveRow);
    leftLayout->addLayout(moveWhen);
    leftLayout->addLayout(pendingRow);
    leftLayout->addLayout(pendingWhen);
    leftLayout->addLayout(targetRow);
    leftLayout->addWidget(m_status);

    // The add panel: one by one or several (search), a whole institution, or a filter.
    auto *add = new QGroupBox(tr("Add HCPs"), this);
    add->setObjectName(QStringLiteral("addHcpsGroupBox"));
    m_validFrom = new DateEdit(add);
    m_validFrom->setObjectName(QStringLiteral("validFromDateEdit"));
    m_newTarget = new QSpinBox(add);
    m_newTarget->setObjectName(QStringLiteral("newTargetSpinBox"));
    m_newTarget->setRange(0, 1000);
    m_newTarget->setValue(4);
    m_search = new QLineEdit(add);
    m_search->setObjectName(QStringLiteral("hcpSearchLineEdit"));
    m_search->setPlaceholderText(tr("Name, hospital or specialty"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &AlignmentEditor::searchHcps);
    m_results = new QListWidget(add);
    m_results->setObjectName(QStringLiteral("hcpResultsListWidget"));
    m_results->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto *addSelected = widgets::button(tr("Add selected"), QStringLiteral("addSelectedButton"), add);
    connect(addSelected, &QPushButton::clicked, this, [this] {
        QStringList ids;
        for (QListWidgetItem *item : m_results->selectedItems())
            ids << item->data(Qt::UserRole).toString();
        addHcps(ids);
    });
    m_institution = widgets::named<QComboBox>(QStringLiteral("institutionComboBox"), add);
    m_institution->setMinimumContentsLength(10);
    m_institution->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto *addInstitution = widgets::button(tr("Add its HCPs"), QStringLiteral("addInstitutionButton"), add);
    connect(addInstitution, &QPushButton::clicked, this,
        [this] { addHcps(Alignments::hcpsOfInstitution(m_store, m_institution->currentData().toString())); });
    m_specialty = widgets::named<QComboBox>(QStringLiteral("specialtyFilterComboBox"), add);
    m_tier = widgets::named<QComboBox>(QStringLiteral("tierFilterComboBox"), add);
    m_city = widgets::named<QComboBox>(QStringLiteral("cityFilterComboBox"), add);
    auto *addMatching = widgets::button(tr("Add matching HCPs"), QStringLiteral("addMatchingButton"), add);
    connect(addMatching, &QPushButton::clicked, this, [this] {
        const QStringList ids = Alignments::hcpsMatching(m_store, m_specialty->currentData().toString(),
            m_tier->currentData().toString(), m_city->currentData().toString());
        if (ids.isEmpty()) {
            report(false, {}, tr("Choose a specialty, tier or city that some HCPs match."));
            return;
        }
        addHcps(ids);
    });
    auto *form = new QFormLayout;
    form->addRow(tr("Aligned from"), m_validFrom);
    form->addRow(tr("Calls per cycle"), m_newTarget);
    auto *addLayout = new QVBoxLayout(add);
    addLayout->addLayout(form);
    addLayout->addWidget(m_search);
    addLayout->addWidget(m_results, 1);
    addLayout->addWidget(addSelected, 0, Qt::AlignRight);
    addLayout->addWidget(new QLabel(tr("All HCPs of an institution"), add));
    addLayout->addWidget(m_institution);
    addLayout->addWidget(addInstitution, 0, Qt::AlignRight);
    addLayout->addWidget(new QLabel(tr("All HCPs matching"), add));
    auto *filterForm = new QFormLayout;
    filterForm->addRow(tr("Specialty"), m_specialty);
    filterForm->addRow(tr("Tier"), m_tier);
    filterForm->addRow(tr("City"), m_city);
    addLayout->addLayout(filterForm);
    addLayout->addWidget(addMatching, 0, Qt::AlignRight);

    auto *institutions = new QGroupBox(tr("Institutions"), this);
    m_institutions = new QListWidget(institutions);
    m_institutions->setObjectName(QStringLiteral("institutionsListWidget"));
    auto *instLayout = new QVBoxLayout(institutions);
    instLayout->addWidget(m_institutions);

    auto *right = new QWidget(this);
    right->setObjectName(QStringLiteral("alignmentAddColumn"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(add, 3);
    rightLayout->addWidget(institutions, 1);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("alignmentSplitter"));
    splitter->addWidget(left);
    // The column of ways to add HCPs is taller than a 1366×768 screen leaves: it scrolls on its own.
    splitter->addWidget(screenfit::scrollable(right, this));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({740, 320});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    setToday({});
    fillPickers();
    // The pickers ("Move to", the institutions, specialties, cities) and the table follow the store: a
    // first sync fills them without a restart.
    new StoreWatcher(store,
        {QStringLiteral("alignment"), QStringLiteral("hcp"), QStringLiteral("institution"),
            QStringLiteral("department"), QStringLiteral("territory")},
        this, [this](const StoreChanges &) {
            fillPickers();
            reload();
        });
}

QDate AlignmentEditor::today() const
{
    return m_today.isValid() ? m_today : QDate::currentDate();
}

void AlignmentEditor::setToday(const QDate &day)
{
    m_today = day;
    m_validFrom->setDate(today());
    m_effective->setDate(today());
    m_pendingDate->setDate(today().addDays(1));
    reload();
}

void AlignmentEditor::setTerritory(const QString &territoryId)
{
    m_territoryId = territoryId;
    m_status->clear();
    fillPickers();
    reload();
}

void AlignmentEditor::fillPickers()
{
    using Items = QList<QPair<QString, QString>>; // label, value
    auto fill = [](QComboBox *box, const Items &items, const QString &any) {
        const QString current = box->currentData().toString();
        box->clear();
        if (!any.isNull())
            box->addItem(any, QString());
        for (const auto &[label, value] : items)
            box->addItem(label, value);
        const int i = box->findData(current);
        box->setCurrentIndex(i >= 0 ? i : 0);
    };
    QList<NamedItem> territories;
    QList<NamedItem> institutions;
    QStringList specialties;
    QStringList cities;
    QString error;
    if (!SfeQueries::leafTerritories(m_store, m_territoryId, &territories, &error)
        || !SfeQueries::institutions(m_store, &institutions, &error)
        || !SfeQueries::specialties(m_store, &specialties, &error)
        || !SfeQueries::cities(m_store, &cities, &error))
        report(false, {}, widgets::readError(error));
    Items items;
    for (const NamedItem &t : std::as_const(territories))
        items << qMakePair(t.detail + QStringLiteral("  ") + t.name, t.id);
    fill(m_moveTo, items, QString());
    QList<NamedItem> all;
    if (!SfeQueries::leafTerritories(m_store, QString(), &all, &error))
        report(false, {}, widgets::readError(error));
    items.clear();
    for (const NamedItem &t : std::as_const(all))
        items << qMakePair(t.detail + QStringLiteral("  ") + t.name, t.id);
    fill(m_pendingTo, items, tr("Same destination"));
    items.clear();
    for (const NamedItem &i : std::as_const(institutions))
        items << qMakePair(widgets::institutionLabel(i), i.id);
    fill(m_institution, items, QString());
    items.clear();
    for (const QString &v : std::as_const(specialties))
        items << qMakePair(v, v);
    fill(m_specialty, items, tr("Any specialty"));
    items.clear();
    for (const QString &v : std::as_const(cities))
        items << qMakePair(v, v);
    fill(m_city, items, tr("Any city"));
    if (m_tier->count() == 0) {
        m_tier->addItem(tr("Any tier"), QString());
        for (const EnumLabels::Choice &t : EnumLabels::values(QStringLiteral("hcp"), QStringLiteral("tier")))
            m_tier->addItem(t.second, t.first);
    }
}

void AlignmentEditor::reload()
{
    m_table->setRowCount(0);
    m_institutions->clear();
    const bool any = !m_territoryId.isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(m_end), static_cast<QWidget *>(m_move)})
        w->setEnabled(any);
    if (!any) {
        m_title->setText(tr("Choose a territory to see and edit its alignments."));
        m_summary->clear();
        return;
    }
    NamedItem territory;
    QList<AlignmentRow> rows;
    QString error;
    if (!SfeQueries::territory(m_store, m_territoryId, &territory, &error)
        || !Alignments::list(m_store, m_territoryId, today(), &rows, &error))
        report(false, {}, widgets::readError(error));
    m_rows = rows;
    m_title->setText(tr("Alignments of %1 %2").arg(territory.detail, territory.name));
    int current = 0;
    int future = 0;
    int past = 0;
    int targets = 0;
    QMap<QString, int> perInstitution;
    const bool showPast = m_showPast->isChecked();
    for (const AlignmentRow &r : std::as_const(rows)) {
        if (r.phase == AlignmentPhase::Past) {
            ++past;
            if (!showPast)
                continue;
        } else if (r.phase == AlignmentPhase::Future) {
            ++future;
        } else {
            ++current;
            targets += r.target;
            perInstitution[r.institution.isEmpty() ? tr("(no institution)") : r.institution] += 1;
        }
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        const QStringList values {r.hcpName, r.tier, r.specialty, r.institution, r.city,
            shortDate(r.validFrom), shortDate(r.validTo), QString::number(r.target), phaseLabel(r.phase)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(values.at(c));
            if (c == Target)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (r.phase == AlignmentPhase::Past)
                item->setForeground(theme::toneColor(theme::Tone::Muted));
            else if (r.phase == AlignmentPhase::Future)
                item->setForeground(theme::toneColor(theme::Tone::Accent));
            m_table->setItem(row, c, item);
        }
        QTableWidgetItem *first = m_table->item(row, Hcp);
        first->setData(Qt::UserRole, r.id);
        first->setData(Qt::UserRole + 1, r.hcpId);
        first->setData(Qt::UserRole + 2, int(r.phase));
        if (r.pending) {
            first->setText(first->text() + QStringLiteral("  ↑"));
            first->setToolTip(tr("Waiting to be sent to the server"));
        }
    }
    m_summary->setText(tr("%1 current · %2 starting later · %3 ended — %4 target calls per cycle")
                           .arg(current)
                           .arg(future)
                           .arg(past)
                           .arg(targets));
    for (auto it = perInstitution.cbegin(); it != perInstitution.cend(); ++it)
        m_institutions->addItem(tr("%1 — %n HCP(s)", nullptr, it.value()).arg(it.key()));
    applyFilter();
    updatePendingControls();
}

void AlignmentEditor::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void AlignmentEditor::applyFilter()
{
    QSet<QString> match;
    QString error;
    const bool filtering = !m_filter->text().trimmed().isEmpty();
    if (filtering && !Alignments::matchingHcps(m_store, m_territoryId, m_filter->text(), &match, &error)
        && !error.isEmpty())
        report(false, {}, widgets::readError(error));
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QString hcpId = m_table->item(r, Hcp)->data(Qt::UserRole + 1).toString();
        m_table->setRowHidden(r, filtering && !match.contains(hcpId));
    }
    // A hidden row is not part of what an action applies to.
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        if (m_table->isRowHidden(index.row()))
            m_table->selectionModel()->select(
                index, QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    }
}

int AlignmentEditor::visibleRowCount() const
{
    int n = 0;
    for (int r = 0; r < m_table->rowCount(); ++r)
        n += m_table->isRowHidden(r) ? 0 : 1;
    return n;
}

void AlignmentEditor::updatePendingControls()
{
    const QList<PendingMove> pending = selectedPendingMoves();
    m_pendingEdit->setEnabled(!pending.isEmpty());
    m_pendingWithdraw->setEnabled(!pending.isEmpty());
    if (!pending.isEmpty())
        m_pendingDate->setDate(pending.first().effective);
}

QStringList AlignmentEditor::selectedAlignmentIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(Hcp)) {
        if (!m_table->isRowHidden(index.row())) // what the filter hides is not acted on
            ids << index.data(Qt::UserRole).toString();
    }
    return ids;
}

QStringList AlignmentEditor::selectedHcpIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows(Hcp)) {
        if (!m_table->isRowHidden(index.row())) // what the filter hides is not acted on
            ids << index.data(Qt::UserRole + 1).toString();
    }
    return ids;
}

QString AlignmentEditor::statusText() const
{
    return m_status->text();
}

bool AlignmentEditor::report(bool ok, const QString &done, const QString &error)
{
    theme::setTone(m_status, ok ? theme::Tone::Normal : theme::Tone::Error);
    m_status->setText(ok ? done : error);
    if (ok) {
        reload();
        emit changed();
    }
    return ok;
}

bool AlignmentEditor::addHcps(const QStringList &hcpIds)
{
    if (m_territoryId.isEmpty() || hcpIds.isEmpty())
        return report(false, {}, tr("Choose a territory and the HCPs to add."));
    const AlignmentEditResult r
        = Alignments::add(m_store, m_territoryId, hcpIds, m_validFrom->date(), m_newTarget->value());
    return report(r.ok,
        tr("%n HCP(s) added", nullptr, r.changed)
            + (r.skipped ? tr(", %n already aligned here", nullptr, r.skipped) : QString())
            + QLatin1Char('.'),
        r.error);
}

QString AlignmentEditor::personOf(const TerritoryPeople &p) const
{
    return p.ownerName.isEmpty() ? tr("the territory %1 (no rep)").arg(p.code) : p.ownerName;
}

QString AlignmentEditor::territoryText(const TerritoryPeople &p) const
{
    return p.ownerName.isEmpty() ? QStringLiteral("%1 %2").arg(p.code, p.name)
                                 : tr("%1 %2 (%3)").arg(p.code, p.name, p.ownerName);
}

bool AlignmentEditor::confirmChange(const QString &title, const QString &summary)
{
    if (Prompter::instance().confirmApply(this, title, summary))
        return true;
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Cancelled: nothing was changed."));
    return false;
}

bool AlignmentEditor::endSelected()
{
    const QStringList ids = selectedAlignmentIds();
    if (ids.isEmpty())
        return report(false, {}, tr("Select the alignments to end."));
    QStringList names;
    for (const AlignmentRow &r : std::as_const(m_rows)) {
        if (ids.contains(r.id))
            names << r.hcpName;
    }
    const TerritoryPeople here = Alignments::people(m_store, m_territoryId);
    const QString summary = tr("End %n alignment(s) in %1: %2.", nullptr, int(ids.size()))
                                .arg(territoryText(here), someNames(names))
        + QStringLiteral("\n\n")
        + tr("%1 loses %n HCP(s) from %2: they leave the territory's list and plans. An alignment that "
             "has not started is deleted.",
            nullptr, int(ids.size()))
              .arg(personOf(here), shortDate(today()));
    if (!confirmChange(tr("End alignments"), summary))
        return false;
    const AlignmentEditResult r = Alignments::end(m_store, ids, today());
    return report(r.ok, tr("%n alignment(s) ended.", nullptr, r.changed), r.error);
}

bool AlignmentEditor::moveSelected(const QString &toTerritoryId, const QDate &effective)
{
    QStringList hcps = selectedHcpIds();
    hcps.removeDuplicates();
    if (hcps.isEmpty())
        return report(false, {}, tr("Select the HCPs to move."));
    if (toTerritoryId.isEmpty() || !effective.isValid())
        return report(false, {}, tr("Choose another territory and the day the move takes effect."));
    QStringList names;
    for (const AlignmentRow &r : std::as_const(m_rows)) {
        if (hcps.contains(r.hcpId))
            names << r.hcpName;
    }
    const TerritoryPeople from = Alignments::people(m_store, m_territoryId);
    const TerritoryPeople to = Alignments::people(m_store, toTerritoryId);
    const int n = int(hcps.size());
    const QString summary
        = tr("Move %n HCP(s) from %1 to %2, effective %3: %4.", nullptr, n)
              .arg(territoryText(from), territoryText(to), shortDate(effective), someNames(names))
        + QStringLiteral("\n\n")
        + tr("%1 loses %n HCP(s) on %2; %3 gains them that day. Until then they stay with %1.", nullptr, n)
              .arg(personOf(from), shortDate(effective), personOf(to));
    if (!confirmChange(tr("Move HCPs"), summary))
        return false;
    const AlignmentEditResult r = Alignments::move(m_store, m_territoryId, toTerritoryId, hcps, effective);
    return report(r.ok,
        tr("%n HCP(s) move from %1.", nullptr, int(hcps.size()) - r.skipped).arg(shortDate(effective)),
        r.error);
}

bool AlignmentEditor::setTargetForTier(const QString &tier, int target)
{
    if (m_territoryId.isEmpty())
        return report(false, {}, tr("Choose a territory first."));
    int affected = 0;
    for (const AlignmentRow &r : std::as_const(m_rows)) {
        if (r.phase != AlignmentPhase::Past && r.tier == tier && r.target != target)
            ++affected;
    }
    const TerritoryPeople here = Alignments::people(m_store, m_territoryId);
    const QString tierText = tier.isEmpty() ? tr("HCPs without a tier") : tr("tier %1 HCPs").arg(tier);
    const QString summary
        = tr("Set the target of %n alignment(s) (%1 in %2) to %3 calls per cycle.", nullptr, affected)
              .arg(tierText, territoryText(here))
              .arg(target)
        + QStringLiteral("\n\n")
        + tr("%1 sees the new target from %2, in the plan and the coverage figures.")
              .arg(personOf(here), shortDate(today()));
    if (!confirmChange(tr("Set target"), summary))
        return false;
    const AlignmentEditResult r = Alignments::setTargetByTier(m_store, m_territoryId, tier, target, today());
    return report(r.ok, tr("Target set on %n alignment(s).", nullptr, r.changed), r.error);
}

QList<PendingMove> AlignmentEditor::selectedPendingMoves() const
{
    return Alignments::pendingMoves(m_store, selectedAlignmentIds(), today());
}

bool AlignmentEditor::editSelectedPending(const QString &toTerritoryId, const QDate &effective)
{
    const QList<PendingMove> moves = selectedPendingMoves();
    if (moves.isEmpty())
        return report(false, {}, tr("Select a move or an addition that has not taken effect yet."));
    const int n = int(moves.size());
    const PendingMove &first = moves.first();
    const TerritoryPeople to
        = Alignments::people(m_store, toTerritoryId.isEmpty() ? first.toTerritoryId : toTerritoryId);
    QStringList names;
    for (const PendingMove &m : moves)
        names << m.hcpName;
    QString summary
        = tr("Change %n pending change(s): %1 join %2 on %3 instead of %4.", nullptr, n)
              .arg(someNames(names), territoryText(to), shortDate(effective), shortDate(first.effective));
    if (!first.fromTerritoryId.isEmpty()) {
        const TerritoryPeople from = Alignments::people(m_store, first.fromTerritoryId);
        summary += QStringLiteral("\n\n")
            + tr("%1 keeps %n HCP(s) until %2; %3 gains them on %4.", nullptr, n)
                  .arg(personOf(from), shortDate(effective.addDays(-1)), personOf(to), shortDate(effective));
    }
    if (!confirmChange(tr("Change pending move"), summary))
        return false;
    const AlignmentEditResult r = Alignments::editPending(m_store, moves, toTerritoryId, effective, today());
    return report(r.ok, tr("%n pending change(s) changed.", nullptr, r.changed), r.error);
}

bool AlignmentEditor::withdrawSelectedPending()
{
    const QList<PendingMove> moves = selectedPendingMoves();
    if (moves.isEmpty())
        return report(false, {}, tr("Select a move or an addition that has not taken effect yet."));
    const int n = int(moves.size());
    const PendingMove &first = moves.first();
    const TerritoryPeople to = Alignments::people(m_store, first.toTerritoryId);
    QStringList names;
    for (const PendingMove &m : moves)
        names << m.hcpName;
    QString summary = tr("Withdraw %n pending change(s) to %1 effective %2: %3.", nullptr, n)
                          .arg(territoryText(to), shortDate(first.effective), someNames(names));
    summary += QStringLiteral("\n\n");
    if (!first.fromTerritoryId.isEmpty()) {
        const TerritoryPeople from = Alignments::people(m_store, first.fromTerritoryId);
        summary
            += tr("%1 keeps %n HCP(s); %2 does not gain them.", nullptr, n).arg(personOf(from), personOf(to));
    } else {
        summary += tr("%1 does not gain %n HCP(s).", nullptr, n).arg(personOf(to));
    }
    if (!confirmChange(tr("Withdraw pending move"), summary))
        return false;
    const AlignmentEditResult r = Alignments::withdrawPending(m_store, moves, today());
    return report(r.ok, tr("%n pending change(s) withdrawn.", nullptr, r.changed), r.error);
}

void AlignmentEditor::searchHcps(const QString &text)
{
    m_results->clear();
    const QString t = text.trimmed();
    if (t.isEmpty())
        return;
    QList<HcpChoice> hcps;
    QString error;
    if (!HcpQueries::activeMatching(m_store, t, &hcps, &error))
        report(false, {}, widgets::readError(error));
    for (const HcpChoice &h : std::as_const(hcps)) {
        QStringList parts {h.name};
        for (const QString &part : {h.tier, h.specialty, h.institution}) {
            if (!part.isEmpty())
                parts << part;
        }
        auto *item = new QListWidgetItem(parts.join(QStringLiteral(" · ")), m_results);
        item->setData(Qt::UserRole, h.id);
    }
}

} // namespace rounds
