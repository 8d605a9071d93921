#include "ui/meetings/meetingsview.h"
#include "ui/history/historydialog.h"
#include "ui/meetings/receiptopener.h"

#include "models/meetinglistmodel.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "sync/session.h"
#include "ui/common/labels.h"
#include "ui/common/listpage.h"
#include "ui/common/prompter.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/meetings/meetingwords.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

MeetingsView::MeetingsView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("meetingsView"));
    Store *store = session->store();

    m_list = new ListPage(QStringLiteral("meetingsList"), tr("Meetings"),
        tr("Academic and department meetings with their budget and attendees. Open one to plan it, record "
           "who came and what it cost, and move it through approval."),
        new MeetingListModel(store), MeetingListModel::PendingRole, this);
    m_list->setFormatter([](const QModelIndex &index, const QVariant &value) -> QVariant {
        switch (index.column()) {
        case MeetingListModel::StartsAt:
            return Labels::localDateTime(value.toString());
        case MeetingListModel::Status:
            return Labels::meetingStatus(value.toString());
        case MeetingListModel::Kind:
            return MeetingWords::kind(value.toString());
        case MeetingListModel::Mode:
            return MeetingWords::mode(value.toString());
        default:
            return value;
        }
    });
    connect(m_list, &ListPage::activated, this, [this](const QString &id) { openEditor(id); });

    m_new = new QPushButton(tr("New meeting"), this);
    m_new->setObjectName(QStringLiteral("newMeetingButton"));
    connect(m_new, &QPushButton::clicked, this, [this] { openEditor(); });

    buildQueue();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *top = new QHBoxLayout;
    top->addStretch();
    top->addWidget(m_new);
    layout->addLayout(top);
    layout->addWidget(m_queueBox);
    layout->addWidget(m_list, 1);

    new StoreWatcher(store,
        {QStringLiteral("meeting"), QStringLiteral("meeting_attendee"), QStringLiteral("meeting_expense"),
            QStringLiteral("user")},
        this, [this](const StoreChanges &) { reloadQueue(); });
    connect(session, &Session::accountChanged, this, &MeetingsView::applyPolicy);
    applyPolicy();
}

// Only what the role may do (Store::policy()): a rep starts meetings, a manager decides them, an admin
// neither (meetings are not theirs to write).
void MeetingsView::applyPolicy()
{
    const protocol::RolePolicy policy = m_session->store()->policy();
    m_new->setVisible(policy.mayCreate(QStringLiteral("meeting")));
    m_queueBox->setVisible(policy.decides(QStringLiteral("meeting")));
    reloadQueue();
}

// A manager's approval queue: the submitted meetings, opened, approved or rejected from here.
void MeetingsView::buildQueue()
{
    m_queueBox = new QGroupBox(tr("Waiting for your approval"), this);
    m_queueBox->setObjectName(QStringLiteral("approvalQueueGroupBox"));
    auto *ql = new QVBoxLayout(m_queueBox);
    m_queue = new QTableWidget(0, 5, m_queueBox);
    m_queue->setObjectName(QStringLiteral("approvalQueueTableWidget"));
    m_queue->setHorizontalHeaderLabels(
        {tr("Starts at"), tr("Title"), tr("Rep"), tr("Budget"), tr("Attendees")});
    m_queue->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_queue->verticalHeader()->hide();
    m_queue->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_queue->setSelectionMode(QAbstractItemView::SingleSelection);
    m_queue->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_queue->setMaximumHeight(220);
    ql->addWidget(m_queue);
    auto *qb = new QHBoxLayout;
    auto *open = new QPushButton(tr("Open"), m_queueBox);
    open->setObjectName(QStringLiteral("openQueuedButton"));
    m_approve = new QPushButton(tr("Approve"), m_queueBox);
    m_approve->setObjectName(QStringLiteral("approveQueuedButton"));
    m_reject = new QPushButton(tr("Reject…"), m_queueBox);
    m_reject->setObjectName(QStringLiteral("rejectQueuedButton"));
    qb->addStretch();
    qb->addWidget(open);
    qb->addWidget(m_reject);
    qb->addWidget(m_approve);
    ql->addLayout(qb);
    connect(open, &QPushButton::clicked, this, [this] {
        if (!selectedQueueId().isEmpty())
            openEditor(selectedQueueId());
    });
    connect(m_queue, &QTableWidget::cellActivated, this, [this] { openEditor(selectedQueueId()); });
    connect(m_approve, &QPushButton::clicked, this, [this] {
        if (!selectedQueueId().isEmpty())
            approve(selectedQueueId());
    });
    connect(m_reject, &QPushButton::clicked, this, [this] {
        const QString id = selectedQueueId();
        if (id.isEmpty())
            return;
        const std::optional<QString> reason = Prompter::instance().askText(
            this, tr("Reject meeting"), tr("Why is it rejected? The rep reads this."), QString());
        if (reason)
            reject(id, *reason);
    });
}

void MeetingsView::reloadQueue()
{
    if (!m_session->store()->policy().decides(QStringLiteral("meeting")))
        return;
    const QList<meetings::QueueEntry> entries = meetings::approvalQueue(m_session->store());
    m_queue->setRowCount(0);
    qsizetype waiting = 0;
    for (const meetings::QueueEntry &e : entries) {
        // Nobody decides on a meeting they own: it waits for another manager.
        if (e.ownerId == m_session->account().userId)
            continue;
        ++waiting;
        const int row = m_queue->rowCount();
        m_queue->insertRow(row);
        auto *when = new QTableWidgetItem(Labels::localDateTime(e.startsAt));
        when->setData(Qt::UserRole, e.id);
        m_queue->setItem(row, 0, when);
        m_queue->setItem(row, 1, new QTableWidgetItem(e.title));
        m_queue->setItem(row, 2, new QTableWidgetItem(e.ownerName));
        m_queue->setItem(row, 3, new QTableWidgetItem(MeetingWords::money(e.budgetMinor)));
        m_queue->setItem(row, 4, new QTableWidgetItem(QString::number(e.attendees)));
    }
    m_queueBox->setTitle(tr("Waiting for your approval (%1)").arg(waiting));
}

QString MeetingsView::selectedQueueId() const
{
    const int row = m_queue->currentRow();
    return row < 0 ? QString() : m_queue->item(row, 0)->data(Qt::UserRole).toString();
}

bool MeetingsView::approve(const QString &meetingId)
{
    Store *store = m_session->store();
    std::optional<MeetingDraft> draft = meetings::load(store, meetingId);
    if (!draft)
        return false;
    compliance::MeetingFacts facts = meetings::facts(store, *draft);
    facts.status = QStringLiteral("approved");
    QStringList reasons;
    for (const compliance::Violation &v :
        compliance::evaluate(meetings::config(store), facts, compliance::Actor::Manager)) {
        if (v.blocking)
            reasons << MeetingWords::describe(v);
    }
    if (!reasons.isEmpty()) {
        Prompter::instance().inform(this, tr("Approve meeting"),
            tr("This meeting cannot be approved as planned:\n%1").arg(reasons.join(QLatin1Char('\n'))));
        return false;
    }
    QString error;
    if (!meetings::setStatus(store, meetingId, QStringLiteral("approved"), &error)) {
        Prompter::instance().inform(this, tr("Approve meeting"), error);
        return false;
    }
    reloadQueue();
    return true;
}

bool MeetingsView::reject(const QString &meetingId, const QString &reason)
{
    const WriteResult r = m_session->store()->update(QStringLiteral("meeting"), meetingId,
        {{QStringLiteral("status"), QStringLiteral("rejected")},
            {QStringLiteral("decision_note"),
                reason.trimmed().isEmpty() ? QJsonValue() : QJsonValue(reason.trimmed())}});
    if (!r.ok) {
        Prompter::instance().inform(this, tr("Reject meeting"), r.error);
        return false;
    }
    reloadQueue();
    return true;
}

MeetingEditor *MeetingsView::openEditor(const QString &meetingId)
{
    auto *editor = new MeetingEditor(m_session->store(), m_session->account(), meetingId, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setWindowFlag(Qt::Window);
    ReceiptOpener::attach(editor, m_session); // "Open receipt" beside "Attach evidence…"
    connect(editor, &MeetingEditor::meetingSaved, this, [this] { reloadQueue(); });
    connect(editor, &MeetingEditor::historyRequested, this,
        [this, editor](const QString &entity, const QString &id, const QString &title) {
            HistoryDialog::open(m_session, entity, id, title, editor);
        });
    editor->show();
    return editor;
}

} // namespace rounds
