#include "ui/masterdata/changerequestsview.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/messages.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/labels.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString statusLabel(const QString &status)
{
    return EnumLabels::label(QStringLiteral("change_request"), QStringLiteral("status"), status);
}

// The schema's one label table (validation, rounds-cli, History and Conflicts say the same words).
QString fieldLabel(const QString &entity, const QString &field)
{
    return protocol::Messages::fieldLabel(entity, field);
}

QString text(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() ? ChangeRequestsView::tr("(empty)") : v.toVariant().toString();
}

} // namespace

ChangeRequestsView::ChangeRequestsView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("changeRequestsView"));
    auto *title = widgets::pageTitle(tr("Change requests"), this);
    auto *hint = widgets::hint(
        tr("Corrections reps proposed to HCPs and institutions. Approving applies the proposed "
           "values on the server at the next sync; a rejection tells the rep why."),
        this);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("requestStatusComboBox"));
    for (const EnumLabels::Choice &c :
        EnumLabels::values(QStringLiteral("change_request"), QStringLiteral("status")))
        m_filter->addItem(c.second, c.first);
    m_filter->addItem(tr("All"), QString());
    connect(m_filter, &QComboBox::currentIndexChanged, this, &ChangeRequestsView::reload);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show"), this));
    filterRow->addWidget(m_filter);
    filterRow->addStretch(1);

    m_table = widgets::rowTable(QStringLiteral("changeRequestsTableWidget"),
        {tr("Record"), tr("Territory"), tr("Proposed by"), tr("Status"), tr("Reason")}, this);
    connect(m_table, &QTableWidget::currentCellChanged, this, &ChangeRequestsView::showCurrent);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("requestDetailLabel"));
    m_detail->setWordWrap(true);
    m_fields = widgets::rowTable(
        QStringLiteral("requestFieldsTableWidget"), {tr("Field"), tr("Now"), tr("Proposed")}, this);
    m_fields->setSelectionMode(QAbstractItemView::NoSelection);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("decisionNoteLineEdit"));
    m_note->setPlaceholderText(tr("Note to the rep (required to reject)"));
    m_approve = new QPushButton(tr("Approve"), this);
    m_approve->setObjectName(QStringLiteral("approveButton"));
    m_reject = new QPushButton(tr("Reject"), this);
    m_reject->setObjectName(QStringLiteral("rejectButton"));
    connect(m_approve, &QPushButton::clicked, this, [this] { approveCurrent(m_note->text()); });
    connect(m_reject, &QPushButton::clicked, this, [this] { rejectCurrent(m_note->text()); });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("requestStatusLabel"));
    m_status->setWordWrap(true);
    auto *decide = new QHBoxLayout;
    decide->addWidget(m_note, 1);
    decide->addWidget(m_approve);
    decide->addWidget(m_reject);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_detail);
    rightLayout->addWidget(m_fields, 1);
    rightLayout->addLayout(decide);
    rightLayout->addWidget(m_status);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(m_table);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    auto *watcher = new StoreWatcher(store,
        {QStringLiteral("change_request"), QStringLiteral("hcp"), QStringLiteral("user")}, this,
        [this](const StoreChanges &) { reload(); });
    watcher->deferWhileHidden();
    reload();
}

void ChangeRequestsView::reload()
{
    const QString keep = currentRequestId();
    ChangeRequests::list(m_store, m_filter->currentData().toString(), &m_items);
    m_table->blockSignals(true);
    m_table->setRowCount(int(m_items.size()));
    for (int r = 0; r < m_items.size(); ++r) {
        const ChangeRequestItem &c = m_items.at(r);
        const QStringList cells {c.recordName.isEmpty() ? c.recordId.left(8) : c.recordName, c.territoryCode,
            c.proposedBy, statusLabel(c.status) + (c.pending ? QStringLiteral("  ↑") : QString()), c.reason};
        for (int col = 0; col < cells.size(); ++col)
            m_table->setItem(r, col, new QTableWidgetItem(cells.at(col)));
        m_table->item(r, 0)->setData(Qt::UserRole, c.id);
    }
    m_table->blockSignals(false);
    if (!selectRequest(keep) && !m_items.isEmpty())
        selectRequest(m_items.first().id);
    else if (m_items.isEmpty())
        showCurrent();
}

bool ChangeRequestsView::selectRequest(const QString &id)
{
    for (int r = 0; r < m_items.size(); ++r) {
        if (m_items.at(r).id == id && !id.isEmpty()) {
            m_table->setCurrentCell(r, 0);
            showCurrent();
            return true;
        }
    }
    return false;
}

QString ChangeRequestsView::currentRequestId() const
{
    const int r = m_table->currentRow();
    return r >= 0 && r < m_items.size() ? m_items.at(r).id : QString();
}

void ChangeRequestsView::showCurrent()
{
    m_fields->setRowCount(0);
    const int r = m_table->currentRow();
    const bool any = r >= 0 && r < m_items.size();
    const bool open = any && m_items.at(r).status == QLatin1String("open");
    m_approve->setEnabled(open);
    m_reject->setEnabled(open);
    m_note->setEnabled(open);
    if (!any) {
        m_detail->setText(tr("No request to show."));
        return;
    }
    const ChangeRequestItem &c = m_items.at(r);
    QString detail = tr("%1 — %2").arg(c.recordName, c.reason.isEmpty() ? tr("no reason given") : c.reason);
    if (!c.decisionNote.isEmpty())
        detail += QLatin1Char('\n') + tr("Decision: %1").arg(c.decisionNote);
    m_detail->setText(detail);
    m_fields->setRowCount(int(c.proposed.size()));
    int row = 0;
    for (auto it = c.proposed.begin(); it != c.proposed.end(); ++it, ++row) {
        auto display = [this, &it](const QJsonValue &v) {
            if (v.isString()) {
                if (const std::optional<QString> name
                    = widgets::referencedName(m_store, it.key(), v.toString()))
                    return *name;
            }
            return text(v);
        };
        m_fields->setItem(row, 0, new QTableWidgetItem(fieldLabel(c.entity, it.key())));
        m_fields->setItem(row, 1, new QTableWidgetItem(display(c.current.value(it.key()))));
        auto *proposed = new QTableWidgetItem(display(it.value()));
        if (c.current.value(it.key()) != it.value()) {
            QFont bold = proposed->font();
            bold.setBold(true);
            proposed->setFont(bold);
            proposed->setForeground(theme::toneColor(theme::Tone::Accent));
        }
        m_fields->setItem(row, 2, proposed);
    }
}

bool ChangeRequestsView::done(bool ok, const QString &text)
{
    theme::setTone(m_status, ok ? theme::Tone::Normal : theme::Tone::Error);
    m_status->setText(text);
    if (ok) {
        m_note->clear();
        reload();
    }
    return ok;
}

bool ChangeRequestsView::approveCurrent(const QString &note)
{
    QString error;
    const bool ok = ChangeRequests::approve(m_store, currentRequestId(), note, &error);
    return done(ok, ok ? tr("Approved. The server applies the values at the next sync.") : error);
}

bool ChangeRequestsView::rejectCurrent(const QString &reason)
{
    QString error;
    const bool ok = ChangeRequests::reject(m_store, currentRequestId(), reason, &error);
    return done(ok, ok ? tr("Rejected. The rep sees your note after the next sync.") : error);
}

} // namespace rounds
