#include "ui/hcp/hcplistview.h"

#include "models/hcplistmodel.h"
#include "models/sfequeries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/dates.h"
#include "ui/common/pendingmarkproxy.h"
#include "ui/common/widgets.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDate>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace rounds {

HcpListView::HcpListView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("hcpListView"));
    m_model = new HcpListModel(store, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("hcpSearchLineEdit"));
    m_search->setPlaceholderText(tr("Name, hospital, department, specialty, city or tag"));
    m_search->setClearButtonEnabled(true);

    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("tierComboBox"));
    m_tier->addItem(tr("All tiers"), QString());
    for (const char *t : {"A", "B", "C", "D"})
        m_tier->addItem(tr("Tier %1").arg(QLatin1String(t)), QString::fromLatin1(t));

    m_specialty = new QComboBox(this);
    m_specialty->setObjectName(QStringLiteral("specialtyComboBox"));
    fillSpecialties();

    m_notVisited = new QComboBox(this);
    m_notVisited->setObjectName(QStringLiteral("notVisitedComboBox"));
    m_notVisited->addItem(tr("Any last visit"), -1);
    for (int days : {14, 30, 60, 90})
        m_notVisited->addItem(tr("Not visited for %n days", nullptr, days), days);

    m_inPlan = new QCheckBox(tr("In this week's plan"), this);
    m_inPlan->setObjectName(QStringLiteral("inPlanCheckBox"));

    m_logVisit = new QPushButton(tr("&Log a visit…"), this);
    m_logVisit->setObjectName(QStringLiteral("logVisitButton"));
    m_logVisit->setEnabled(false);
    applyPolicy();

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("hcpTableView"));
    m_marks = new PendingMarkProxy(HcpListModel::PendingRole, this);
    m_marks->setSourceModel(m_model);
    m_marks->setFormatter(
        [this](const QModelIndex &index, const QVariant &value) { return format(index, value); });
    m_marks->setHeader(HcpListModel::Name, tr("Name, title"));
    m_marks->setHeader(HcpListModel::Institution, tr("Institution / department"));
    m_marks->setHeader(HcpListModel::LastVisit, tr("Last visit · this month vs target"));
    m_table->setModel(m_marks);
    // The rows follow the store through the model; the per-row extras (last visit, this month against
    // the target) are read again, at once, so the repaint that follows shows current figures.
    new StoreWatcher(
        store, {}, this,
        [this](const StoreChanges &) {
            m_extras.clear();
            m_readError.clear();
            m_table->viewport()->update();
        },
        StoreWatcher::Delivery::Immediate);
    // New specialties arrive with a sync (the first one fills an empty list).
    new StoreWatcher(
        store, {QStringLiteral("hcp")}, this, [this](const StoreChanges &) { fillSpecialties(); });
    widgets::setUpRowView(m_table);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->setColumnWidth(HcpListModel::Name, 210);
    m_table->setColumnWidth(HcpListModel::Specialty, 150);
    m_table->setColumnWidth(HcpListModel::Institution, 400);
    m_table->setColumnWidth(HcpListModel::Tier, 70);
    m_table->setColumnWidth(HcpListModel::City, 110);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("hcpCountLabel"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    filters->addWidget(m_tier);
    filters->addWidget(m_specialty);
    filters->addWidget(m_notVisited);
    filters->addWidget(m_inPlan);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_count, 1);
    bottom->addWidget(m_logVisit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addLayout(bottom);

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(200);
    connect(m_debounce, &QTimer::timeout, this, &HcpListView::applyFilter);
    connect(m_search, &QLineEdit::textEdited, m_debounce, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::textEdited, this, &HcpListView::searchTextChanged);
    connect(m_search, &QLineEdit::returnPressed, this, &HcpListView::applyFilter);
    for (QComboBox *c : {m_tier, m_specialty, m_notVisited})
        connect(c, &QComboBox::currentIndexChanged, this, &HcpListView::applyFilter);
    connect(m_inPlan, &QCheckBox::toggled, this, &HcpListView::applyFilter);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this] { m_logVisit->setEnabled(!currentHcpId().isEmpty()); });
    connect(m_logVisit, &QPushButton::clicked, this, [this] {
        if (!currentHcpId().isEmpty())
            emit logVisitRequested(currentHcpId());
    });
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &index) { emit hcpActivated(m_model->idAt(index.row())); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &HcpListView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &HcpListView::updateCount);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &HcpListView::updateCount);
    updateCount();
}

HcpListView::~HcpListView() = default;

const HcpListExtra &HcpListView::extraFor(const QString &hcpId) const
{
    auto it = m_extras.find(hcpId);
    if (it != m_extras.end())
        return it.value();
    HcpListExtra e;
    QString error;
    if (!HcpQueries::listExtra(m_store, hcpId, QDate::currentDate(), &e, &error) && m_readError.isEmpty()) {
        // Shown under the list rather than now: this runs while the table paints.
        m_readError = widgets::readError(error);
        QTimer::singleShot(0, m_count, [this] { updateCount(); });
    }
    return m_extras.insert(hcpId, e).value();
}

QVariant HcpListView::format(const QModelIndex &index, const QVariant &value) const
{
    const int column = index.column();
    if (column != HcpListModel::Name && column != HcpListModel::Institution
        && column != HcpListModel::LastVisit)
        return value;
    const HcpListExtra &e = extraFor(m_model->idAt(index.row()));
    if (column == HcpListModel::Name)
        return e.title.isEmpty() ? value : QVariant(value.toString() + QStringLiteral(" · ") + e.title);
    if (column == HcpListModel::Institution)
        return e.department.isEmpty() ? value
                                      : QVariant(value.toString() + QStringLiteral(" / ") + e.department);
    // The model gives the local day of the last visit as ISO text; it reads like every other date.
    const QString lastVisit = Dates::date(value.toString());
    const QString cycle = e.target > 0 ? tr("%1/%2 this month").arg(e.visitsThisMonth).arg(e.target)
                                       : tr("%n this month", nullptr, e.visitsThisMonth);
    return lastVisit.isEmpty() ? cycle : lastVisit + QStringLiteral("  ·  ") + cycle;
}

void HcpListView::search(const QString &text)
{
    m_search->setText(text);
    for (QComboBox *c : {m_tier, m_specialty, m_notVisited}) {
        const QSignalBlocker blocker(c);
        c->setCurrentIndex(0);
    }
    {
        const QSignalBlocker blocker(m_inPlan);
        m_inPlan->setChecked(false);
    }
    applyFilter();
}

QString HcpListView::searchText() const
{
    return m_search->text();
}

QString HcpListView::currentHcpId() const
{
    const QModelIndex current = m_table->selectionModel()->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : QString();
}

void HcpListView::applyFilter()
{
    m_debounce->stop();
    HcpFilter f;
    f.text = m_search->text().trimmed();
    f.tier = m_tier->currentData().toString();
    f.specialty = m_specialty->currentData().toString();
    f.notVisitedDays = m_notVisited->currentData().toInt();
    f.inPlanThisWeek = m_inPlan->isChecked();
    m_model->setFilter(f);
    if (m_model->rowCount() > 0)
        m_table->selectRow(0);
    m_logVisit->setEnabled(!currentHcpId().isEmpty());
}

void HcpListView::applyPolicy()
{
    m_logVisit->setVisible(m_store->policy().mayCreate(QStringLiteral("visit")));
}

void HcpListView::updateCount() const
{
    const int n = m_model->rowCount();
    const QString count
        = m_model->canFetchMore({}) ? tr("%n or more HCPs", nullptr, n) : tr("%n HCPs", nullptr, n);
    m_count->setText(m_readError.isEmpty() ? count : count + QStringLiteral(" — ") + m_readError);
}

void HcpListView::fillSpecialties()
{
    QStringList specialties;
    QString error;
    if (!SfeQueries::specialties(m_store, &specialties, &error)) {
        m_readError = widgets::readError(error);
        return;
    }
    const QString current = m_specialty->currentData().toString();
    const QSignalBlocker block(m_specialty);
    m_specialty->clear();
    m_specialty->addItem(tr("All specialties"), QString());
    for (const QString &s : std::as_const(specialties))
        m_specialty->addItem(s, s);
    m_specialty->setCurrentIndex(qMax(0, m_specialty->findData(current)));
}

} // namespace rounds
