#include "ui/masterdata/duplicatesview.h"

#include "common/protocol/enumlabels.h"
#include "models/hcpqueries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rounds {

namespace {

QString fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels {
        {QStringLiteral("full_name"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Name")},
        {QStringLiteral("gender"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Gender")},
        {QStringLiteral("specialty"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Specialty")},
        {QStringLiteral("title"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Title")},
        {QStringLiteral("institution_id"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Institution")},
        {QStringLiteral("department_id"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Department")},
        {QStringLiteral("tier"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Tier")},
        {QStringLiteral("phone"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "Phone")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("rounds::DuplicatesView", "E-mail")}};
    const char *label = labels.value(field);
    return label ? DuplicatesView::tr(label) : field;
}

} // namespace

DuplicatesView::DuplicatesView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("duplicatesView"));
    auto *title = widgets::pageTitle(tr("Duplicate HCPs"), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("duplicatesSummaryLabel"));
    m_summary->setWordWrap(true);

    m_pairsTable = new QTableWidget(0, 4, this);
    m_pairsTable->setObjectName(QStringLiteral("duplicatePairsTableWidget"));
    m_pairsTable->setHorizontalHeaderLabels({tr("HCP"), tr("Possible duplicate"), tr("Why"), tr("Score")});
    m_pairsTable->verticalHeader()->hide();
    m_pairsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_pairsTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_pairsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_pairsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_pairsTable->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_pairsTable->setWordWrap(false);
    m_pairsTable->setTextElideMode(Qt::ElideRight);
    connect(m_pairsTable, &QTableWidget::currentCellChanged, this, [this](int row) {
        m_current = row;
        showPair();
    });

    m_winner = new QButtonGroup(this);
    m_winnerLeft = new QRadioButton(this);
    m_winnerLeft->setObjectName(QStringLiteral("winnerLeftRadioButton"));
    m_winnerRight = new QRadioButton(this);
    m_winnerRight->setObjectName(QStringLiteral("winnerRightRadioButton"));
    m_winner->addButton(m_winnerLeft, 0);
    m_winner->addButton(m_winnerRight, 1);
    auto *winnerRow = new QHBoxLayout;
    winnerRow->addWidget(new QLabel(tr("Keep the record of"), this));
    winnerRow->addWidget(m_winnerLeft);
    winnerRow->addWidget(m_winnerRight);
    winnerRow->addStretch(1);

    m_fields = new QTableWidget(0, 3, this);
    m_fields->setObjectName(QStringLiteral("mergeFieldsTableWidget"));
    m_fields->setHorizontalHeaderLabels({tr("Field"), tr("Left"), tr("Right")});
    m_fields->verticalHeader()->hide();
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_fields->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_fields->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_fields->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_fields->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_context = new QLabel(this);
    m_context->setObjectName(QStringLiteral("mergeContextLabel"));
    m_context->setWordWrap(true);
    m_merge = new QPushButton(tr("Merge"), this);
    m_merge->setObjectName(QStringLiteral("mergeButton"));
    connect(m_merge, &QPushButton::clicked, this, [this] { mergeSelected(true); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("mergeStatusLabel"));
    m_status->setWordWrap(true);
    auto *mergeRow = new QHBoxLayout;
    mergeRow->addWidget(m_status, 1);
    mergeRow->addWidget(m_merge);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(winnerRow);
    rightLayout->addWidget(m_fields, 1);
    rightLayout->addWidget(m_context);
    rightLayout->addLayout(mergeRow);

    auto *splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("duplicatesSplitter"));
    splitter->addWidget(m_pairsTable);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({640, 560});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_summary);
    layout->addWidget(splitter, 1);

    new StoreWatcher(
        store, {QStringLiteral("hcp"), QStringLiteral("institution")}, this, [this](const StoreChanges &) {
            m_stale = true; // found again when shown (finding duplicates is not free)
            if (isVisible())
                reload();
        });
    showPair();
}

void DuplicatesView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        reload();
}

void DuplicatesView::reload()
{
    m_stale = false;
    QString error;
    Duplicates::find(m_store, &m_pairs, &error);
    QString readFailure; // the first name that could not be read
    m_pairsTable->setRowCount(int(m_pairs.size()));
    for (int r = 0; r < m_pairs.size(); ++r) {
        const DuplicatePair &p = m_pairs.at(r);
        auto name = [this, &readFailure](const QString &hcpId) {
            HcpSummary h;
            HcpQueries::summary(m_store, hcpId, &h, readFailure.isEmpty() ? &readFailure : nullptr);
            return h.institution.isEmpty() ? h.name : QStringLiteral("%1 · %2").arg(h.name, h.institution);
        };
        m_pairsTable->setItem(r, 0, new QTableWidgetItem(name(p.first)));
        m_pairsTable->setItem(r, 1, new QTableWidgetItem(name(p.second)));
        auto *why = new QTableWidgetItem(Duplicates::reasonLabels(p.reasons).join(tr(", ")));
        why->setToolTip(why->text());
        m_pairsTable->setItem(r, 2, why);
        auto *score = new QTableWidgetItem(QString::number(p.score));
        score->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        m_pairsTable->setItem(r, 3, score);
    }
    if (error.isEmpty() && !readFailure.isEmpty())
        error = widgets::readError(readFailure);
    m_summary->setText(error.isEmpty()
            ? tr("%n likely duplicate pair(s). Choose a pair, the record to keep and the "
                 "value to keep for each field, then merge: the other record's visits, "
                 "plans, tags and alignments move to the one kept.",
                nullptr, int(m_pairs.size()))
            : error);
    if (m_pairs.isEmpty()) {
        m_current = -1;
        showPair();
    } else {
        selectPair(std::clamp(m_current, 0, int(m_pairs.size()) - 1));
    }
}

bool DuplicatesView::selectPair(int row)
{
    if (row < 0 || row >= m_pairs.size())
        return false;
    m_pairsTable->setCurrentCell(row, 0);
    m_current = row;
    showPair();
    return true;
}

QString DuplicatesView::display(const QString &field, const QJsonValue &value) const
{
    if (value.isNull() || value.isUndefined() || value.toString().isEmpty())
        return tr("(empty)");
    if (field == QLatin1String("gender"))
        return EnumLabels::label(QStringLiteral("hcp"), field, value.toString());
    if (const std::optional<QString> name = widgets::referencedName(m_store, field, value.toString()))
        return *name;
    return value.toVariant().toString();
}

void DuplicatesView::showPair()
{
    m_fields->setRowCount(0);
    qDeleteAll(m_fieldGroups);
    m_fieldGroups.clear();
    m_status->clear();
    const bool any = m_current >= 0 && m_current < m_pairs.size();
    m_merge->setEnabled(any);
    m_winnerLeft->setEnabled(any);
    m_winnerRight->setEnabled(any);
    if (!any) {
        m_winnerLeft->setText(QString());
        m_winnerRight->setText(QString());
        m_context->clear();
        return;
    }
    const DuplicatePair &p = m_pairs.at(m_current);
    const auto a = m_store->record(QStringLiteral("hcp"), p.first);
    const auto b = m_store->record(QStringLiteral("hcp"), p.second);
    m_left = a ? a->fields : QJsonObject();
    m_right = b ? b->fields : QJsonObject();
    // The merge proposes each name normalised ("沈 华" → "沈华"): that is what the survivor is saved with.
    for (QJsonObject *side : {&m_left, &m_right}) {
        const QJsonValue name = side->value(QLatin1String("full_name"));
        if (name.isString())
            side->insert(QStringLiteral("full_name"), Duplicates::proposedName(name.toString()));
    }
    m_winnerLeft->setText(m_left.value(QLatin1String("full_name")).toString());
    m_winnerRight->setText(m_right.value(QLatin1String("full_name")).toString());
    int depA = 0;
    int depB = 0;
    QString error;
    const bool counted = HcpQueries::dependentCount(m_store, p.first, &depA, &error)
        && HcpQueries::dependentCount(m_store, p.second, &depB, &error);
    m_context->setText(counted ? tr("Left: %n visit(s), plan(s) and alignment(s). ", nullptr, depA)
                + tr("Right: %n visit(s), plan(s) and alignment(s).", nullptr, depB)
                               : widgets::readError(error));
    const QStringList fields = Duplicates::mergeFields();
    m_fields->setRowCount(int(fields.size()));
    for (int r = 0; r < fields.size(); ++r) {
        const QString &field = fields.at(r);
        auto *label = new QTableWidgetItem(fieldLabel(field));
        label->setData(Qt::UserRole, field);
        m_fields->setItem(r, 0, label);
        auto *group = new QButtonGroup(this);
        m_fieldGroups << group;
        const QJsonValue left = m_left.value(field);
        const QJsonValue right = m_right.value(field);
        for (int side = 0; side < 2; ++side) {
            auto *radio = new QRadioButton(display(field, side == 0 ? left : right), m_fields);
            radio->setObjectName(
                QStringLiteral("%1_%2RadioButton")
                    .arg(field, side == 0 ? QStringLiteral("left") : QStringLiteral("right")));
            group->addButton(radio, side);
            m_fields->setCellWidget(r, side + 1, radio);
        }
        if (left != right) {
            QFont bold = label->font();
            bold.setBold(true);
            label->setFont(bold);
        }
    }
    // The record with more history survives by default; each field keeps its value unless it is empty.
    chooseWinner(depB > depA ? 1 : 0);
}

void DuplicatesView::chooseWinner(int side)
{
    (side == 0 ? m_winnerLeft : m_winnerRight)->setChecked(true);
    const QStringList fields = Duplicates::mergeFields();
    for (int r = 0; r < fields.size() && r < m_fieldGroups.size(); ++r) {
        const QJsonValue mine = (side == 0 ? m_left : m_right).value(fields.at(r));
        const bool empty = mine.isNull() || mine.isUndefined() || mine.toString().isEmpty();
        m_fieldGroups.at(r)->button(empty ? 1 - side : side)->setChecked(true);
    }
}

void DuplicatesView::chooseValue(const QString &field, int side)
{
    const int r = int(Duplicates::mergeFields().indexOf(field));
    if (r >= 0 && r < m_fieldGroups.size())
        m_fieldGroups.at(r)->button(side)->setChecked(true);
}

QString DuplicatesView::winnerId() const
{
    if (m_current < 0 || m_current >= m_pairs.size())
        return {};
    return m_winner->checkedId() == 1 ? m_pairs.at(m_current).second : m_pairs.at(m_current).first;
}

QString DuplicatesView::loserId() const
{
    if (m_current < 0 || m_current >= m_pairs.size())
        return {};
    return m_winner->checkedId() == 1 ? m_pairs.at(m_current).first : m_pairs.at(m_current).second;
}

QJsonObject DuplicatesView::chosenValues() const
{
    QJsonObject out;
    const QStringList fields = Duplicates::mergeFields();
    for (int r = 0; r < fields.size() && r < m_fieldGroups.size(); ++r) {
        const QJsonValue v = (m_fieldGroups.at(r)->checkedId() == 1 ? m_right : m_left).value(fields.at(r));
        out.insert(fields.at(r), v.isUndefined() ? QJsonValue() : v);
    }
    return out;
}

bool DuplicatesView::mergeSelected(bool ask)
{
    const QString winner = winnerId();
    const QString loser = loserId();
    if (winner.isEmpty())
        return false;
    const QString winnerName = chosenValues().value(QLatin1String("full_name")).toString();
    if (ask
        && !Prompter::instance().confirm(this, tr("Merge"),
            tr("Merge the two records into %1? The other one is marked merged and its history moves to the "
               "one kept "
               "after the next sync.")
                .arg(winnerName)))
        return false;
    const Duplicates::MergeResult r = Duplicates::merge(m_store, winner, loser, chosenValues());
    if (!r.ok) {
        theme::setTone(m_status, theme::Tone::Error);
        m_status->setText(r.error);
        return false;
    }
    emit merged(winner, loser);
    reload();
    theme::setTone(m_status, theme::Tone::Normal);
    m_status->setText(tr("Merged into %1. It reaches the server at the next sync.").arg(winnerName));
    return true;
}

} // namespace rounds
