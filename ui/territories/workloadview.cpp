#include "ui/territories/workloadview.h"

#include "models/alignments.h"
#include "models/sfequeries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

enum Column {
    Territory,
    Hcps,
    TierA,
    TierB,
    TierC,
    TierD,
    Targets,
    CallMinutes,
    Institutions,
    Travel,
    Index,
    VsMean,
    ColumnCount
};

QTableWidgetItem *cell(const QString &text, bool number = true)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

WorkloadView::WorkloadView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("workloadView"));
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("workloadTitleLabel"));
    QFont f = m_title->font();
    f.setBold(true);
    m_title->setFont(f);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("workloadTableWidget"));
    m_table->setHorizontalHeaderLabels(
        {tr("Territory"), tr("HCPs"), tr("A"), tr("B"), tr("C"), tr("D"), tr("Target calls"),
            tr("Call (min)"), tr("Institutions"), tr("Travel (min)"), tr("Workload (h)"), tr("vs. mean")});
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Territory, QHeaderView::Stretch);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("workloadNoteLabel"));
    m_note->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
    new StoreWatcher(store,
        {QStringLiteral("alignment"), QStringLiteral("hcp"), QStringLiteral("visit"),
            QStringLiteral("territory"), QStringLiteral("user")},
        this, [this](const StoreChanges &) { reload(); });
}

void WorkloadView::setDistrict(const QString &districtId)
{
    m_districtId = districtId;
    reload();
}

void WorkloadView::reload()
{
    m_table->setRowCount(0);
    if (m_districtId.isEmpty()) {
        m_title->setText(tr("Choose a district or one of its territories to compare their workload."));
        m_note->clear();
        return;
    }
    NamedItem district;
    QString error;
    const bool named = SfeQueries::territory(m_store, m_districtId, &district, &error);
    m_title->setText(tr("Workload of the territories of %1 %2").arg(district.detail, district.name));
    const WorkloadOptions options = Alignments::workloadOptions(m_store);
    QList<TerritoryWorkload> rows;
    const bool read = Alignments::workload(
        m_store, m_districtId, m_today.isValid() ? m_today : QDate::currentDate(), options, &rows, &error);
    const QLocale locale;
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        const TerritoryWorkload &w = rows.at(r);
        auto *name = cell(QStringLiteral("%1  %2").arg(w.code, w.name), false);
        name->setData(Qt::UserRole, w.territoryId);
        m_table->setItem(r, Territory, name);
        m_table->setItem(r, Hcps, cell(locale.toString(w.hcps)));
        for (int t = 0; t < 4; ++t)
            m_table->setItem(r, TierA + t, cell(locale.toString(w.byTier[t])));
        m_table->setItem(r, Targets, cell(locale.toString(w.targetCalls)));
        auto *call = cell(locale.toString(w.averageCallMinutes, 'f', 0));
        if (w.averageIsDefault)
            call->setToolTip(tr("No visit with a duration yet: the default call time is used."));
        m_table->setItem(r, CallMinutes, call);
        m_table->setItem(r, Institutions, cell(locale.toString(w.institutions)));
        m_table->setItem(r, Travel, cell(locale.toString(w.travelMinutes, 'f', 0)));
        m_table->setItem(r, Index, cell(locale.toString(w.index / 60.0, 'f', 1)));
        const int percent = qRound(w.deviation * 100);
        auto *vs
            = cell(percent > 0 ? QStringLiteral("+%1 %").arg(percent) : QStringLiteral("%1 %").arg(percent));
        vs->setData(Qt::UserRole, w.flag);
        m_table->setItem(r, VsMean, vs);
        if (w.flag != 0) {
            const QColor background
                = theme::toneBackground(w.flag > 0 ? theme::Tone::Error : theme::Tone::Accent);
            const QString why = w.flag > 0
                ? tr("More than 20 % above the district mean: consider moving HCPs out.")
                : tr("More than 20 % below the district mean: room for more HCPs.");
            for (int c = 0; c < ColumnCount; ++c) {
                m_table->item(r, c)->setBackground(background);
                m_table->item(r, c)->setForeground(theme::toneColor(theme::Tone::Normal));
                m_table->item(r, c)->setToolTip(why);
            }
            QFont bold = vs->font();
            bold.setBold(true);
            vs->setFont(bold);
        }
    }
    m_note->setText(tr("Workload = target calls per cycle × average call time (the territory's submitted "
                       "visits, %1 min when there are none) + %2 min of travel per institution. Highlighted: "
                       "more than 20 % above (red) or below (blue) the district mean.")
                        .arg(QLocale().toString(options.defaultCallMinutes, 'f', 0),
                            QLocale().toString(options.travelMinutesPerInstitution, 'f', 0)));
    if (!named || !read)
        m_note->setText(widgets::readError(error));
}

} // namespace rounds
