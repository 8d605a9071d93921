#include "ui/meetings/meetingeditor.h"

#include "common/protocol/enumlabels.h"
#include "models/hcpqueries.h"
#include "models/meetingpermissions.h"
#include "models/meetingqueries.h"
#include "models/store.h"
#include "ui/common/consentwarning.h"
#include "ui/common/dates.h"
#include "ui/common/icons.h"
#include "ui/common/labels.h"
#include "ui/common/prompter.h"
#include "ui/common/screenfit.h"
#include "ui/common/theme.h"
#include "ui/meetings/meetingcompliancepanel.h"
#include "ui/meetings/meetingdecisionbanner.h"
#include "ui/meetings/meetingreport.h"
#include "ui/meetings/meetingwords.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

enum AttendeeColumn { ANameCol, AKindCol, ARoleCol, AFeeCol, ASignedCol, AttendeeColumns };
enum ExpenseColumn { ECategoryCol, EAmountCol, EStatusCol, EDescriptionCol, EEvidenceCol, ExpenseColumns };
enum RowData { IdData = Qt::UserRole + 1, HcpData, KindData, TierData, EvidenceData };

QComboBox *choiceBox(const QList<EnumLabels::Choice> &choices, const QString &current, QWidget *parent)
{
    auto *box = new QComboBox(parent);
    for (const auto &c : choices)
        box->addItem(c.second, c.first);
    const int i = box->findData(current);
    box->setCurrentIndex(i < 0 ? 0 : i);
    return box;
}

QDoubleSpinBox *yuanBox(qint64 minor, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(2);
    box->setRange(0, 100000000);
    box->setPrefix(QStringLiteral("¥"));
    box->setGroupSeparatorShown(true);
    box->setValue(double(minor) / 100.0);
    return box;
}

qint64 fen(const QDoubleSpinBox *box)
{
    return qRound64(box->value() * 100.0);
}

QString comboValue(const QTableWidget *table, int row, int column)
{
    auto *box = qobject_cast<QComboBox *>(table->cellWidget(row, column));
    return box ? box->currentData().toString() : QString();
}

QDateTime fromIso(const QString &iso)
{
    QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!t.isValid())
        t = QDateTime::fromString(iso, Qt::ISODate);
    return t.toLocalTime();
}

QString toIso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

MeetingEditor::MeetingEditor(
    Store *store, const AccountInfo &account, const QString &meetingId, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_account(account)
{
    setObjectName(QStringLiteral("meetingEditor"));
    m_config = meetings::config(store);
    m_pickFile = [this] {
        return QFileDialog::getOpenFileName(this, tr("Evidence for the expense"), QString(),
            tr("Receipts and invoices (*.pdf *.png *.jpg *.jpeg);;All files (*)"));
    };
    build();
    if (!meetingId.isEmpty()) {
        if (std::optional<MeetingDraft> d = meetings::load(store, meetingId))
            m_draft = *d;
    }
    if (m_draft.id.isEmpty()) {
        const QDateTime start(QDate::currentDate().addDays(7), QTime(18, 0));
        m_draft.fields = QJsonObject {{QStringLiteral("status"), QStringLiteral("draft")},
            {QStringLiteral("kind"), QStringLiteral("academic")},
            {QStringLiteral("mode"), QStringLiteral("offline")}, {QStringLiteral("starts_at"), toIso(start)},
            {QStringLiteral("ends_at"), toIso(start.addSecs(2 * 3600))},
            {QStringLiteral("owner_id"), account.userId}, {QStringLiteral("budget_minor"), 0},
            {QStringLiteral("currency"), QStringLiteral("CNY")},
            {QStringLiteral("territory_id"), account.territoryIds.value(0)}};
    }
    load();
}

void MeetingEditor::build()
{
    setWindowTitle(tr("Meeting"));
    auto *layout = new QVBoxLayout(this);
    // All but the error line and the buttons scrolls: the buttons stay in reach on a small screen.
    auto *content = new QWidget(this);
    content->setObjectName(QStringLiteral("meetingForm"));
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);

    auto *head = new QHBoxLayout;
    m_statusBadge = new QLabel(this);
    m_statusBadge->setObjectName(QStringLiteral("statusBadgeLabel"));
    theme::setBadgeTone(m_statusBadge, theme::Tone::Accent);
    head->addWidget(m_statusBadge);
    head->addStretch();
    contentLayout->addLayout(head);
    m_decision = new MeetingDecisionBanner(this);
    contentLayout->addWidget(m_decision);

    contentLayout->addLayout(buildForm());

    auto *split = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(split);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(buildAttendees(left), 3);
    leftLayout->addWidget(buildExpenses(left), 2);
    split->addWidget(left);
    m_compliance = new MeetingCompliancePanel(split);
    split->addWidget(m_compliance);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setMinimumHeight(360);
    contentLayout->addWidget(split, 1);
    layout->addWidget(screenfit::scrollable(content, this), 1);

    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveErrorLabel"));
    m_saveError->setWordWrap(true);
    theme::setTone(m_saveError, theme::Tone::Error);
    m_saveError->hide();
    layout->addWidget(m_saveError);

    layout->addLayout(buildButtons());
    connectActions();
    icons::decorate(this);
    screenfit::resizeToScreen(this, QSize(1180, 820));
}

// Title, kind and mode, time, venue, territory and budget: the plan a manager approves.
QFormLayout *MeetingEditor::buildForm()
{
    auto *form = new QFormLayout;
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("titleLineEdit"));
    m_titleError = new QLabel(this);
    m_titleError->setObjectName(QStringLiteral("titleErrorLabel"));
    theme::setTone(m_titleError, theme::Tone::Error);
    m_titleError->hide();
    auto *titleBox = new QVBoxLayout;
    titleBox->addWidget(m_title);
    titleBox->addWidget(m_titleError);
    form->addRow(tr("Title"), titleBox);
    m_kind = choiceBox(EnumLabels::values(QStringLiteral("meeting"), QStringLiteral("kind")), {}, this);
    m_kind->setObjectName(QStringLiteral("kindComboBox"));
    m_mode = choiceBox(EnumLabels::values(QStringLiteral("meeting"), QStringLiteral("mode")), {}, this);
    m_mode->setObjectName(QStringLiteral("modeComboBox"));
    auto *kindRow = new QHBoxLayout;
    kindRow->addWidget(m_kind, 1);
    kindRow->addWidget(m_mode, 1);
    form->addRow(tr("Kind and mode"), kindRow);
    m_startsAt = new QDateTimeEdit(this);
    m_startsAt->setObjectName(QStringLiteral("startsAtEdit"));
    m_startsAt->setCalendarPopup(true);
    m_endsAt = new QDateTimeEdit(this);
    m_endsAt->setObjectName(QStringLiteral("endsAtEdit"));
    m_endsAt->setCalendarPopup(true);
    for (QDateTimeEdit *e : {m_startsAt, m_endsAt})
        e->setDisplayFormat(Dates::datePattern() + u' ' + Dates::timePattern());
    auto *timeRow = new QHBoxLayout;
    timeRow->addWidget(m_startsAt, 1);
    timeRow->addWidget(new QLabel(QStringLiteral("–"), this));
    timeRow->addWidget(m_endsAt, 1);
    form->addRow(tr("Time"), timeRow);
    m_venue = new QLineEdit(this);
    m_venue->setObjectName(QStringLiteral("venueLineEdit"));
    form->addRow(tr("Venue"), m_venue);
    m_territory = new QComboBox(this);
    m_territory->setObjectName(QStringLiteral("territoryComboBox"));
    for (const meetings::TerritoryChoice &t : meetings::territoryChoices(m_store))
        m_territory->addItem(t.name, t.id);
    m_budget = yuanBox(0, this);
    m_budget->setObjectName(QStringLiteral("budgetSpinBox"));
    auto *placeRow = new QHBoxLayout;
    placeRow->addWidget(m_territory, 1);
    placeRow->addWidget(new QLabel(tr("Budget"), this));
    placeRow->addWidget(m_budget, 1);
    form->addRow(tr("Territory"), placeRow);
    return form;
}

// The attendee picker (HCPs from the store, walk-ins and staff by name) over the attendee table.
QGroupBox *MeetingEditor::buildAttendees(QWidget *parent)
{
    auto *attendeesBox = new QGroupBox(tr("Attendees and speakers"), parent);
    auto *al = new QVBoxLayout(attendeesBox);
    auto *pick = new QHBoxLayout;
    m_hcpSearch = new QLineEdit(attendeesBox);
    m_hcpSearch->setObjectName(QStringLiteral("hcpSearchLineEdit"));
    m_hcpSearch->setPlaceholderText(tr("Add an HCP: type a name"));
    m_personName = new QLineEdit(attendeesBox);
    m_personName->setObjectName(QStringLiteral("personNameLineEdit"));
    m_personName->setPlaceholderText(tr("Name of a walk-in or colleague"));
    m_addWalkIn = new QPushButton(tr("Add walk-in"), attendeesBox);
    m_addWalkIn->setObjectName(QStringLiteral("addWalkInButton"));
    m_addStaff = new QPushButton(tr("Add staff"), attendeesBox);
    m_addStaff->setObjectName(QStringLiteral("addStaffButton"));
    m_removeAttendee = new QPushButton(tr("Remove"), attendeesBox);
    m_removeAttendee->setObjectName(QStringLiteral("removeAttendeeButton"));
    pick->addWidget(m_hcpSearch, 2);
    pick->addWidget(m_personName, 2);
    pick->addWidget(m_addWalkIn);
    pick->addWidget(m_addStaff);
    pick->addWidget(m_removeAttendee);
    auto *hcpReport = new QPushButton(tr("Transfers of value…"), attendeesBox);
    hcpReport->setObjectName(QStringLiteral("hcpReportButton"));
    hcpReport->setToolTip(tr("The chosen HCP's transfers of value this year, for transparency reporting"));
    pick->addWidget(hcpReport);
    connect(hcpReport, &QPushButton::clicked, this, [this] {
        const int row = m_attendees->currentRow();
        const QString hcpId
            = row < 0 ? QString() : m_attendees->item(row, ANameCol)->data(HcpData).toString();
        if (!hcpId.isEmpty())
            exportHcpReport(this, m_store, hcpId, m_startsAt->date().year());
    });
    al->addLayout(pick);
    m_hcpResults = new QListWidget(attendeesBox);
    m_hcpResults->setObjectName(QStringLiteral("hcpResultsListWidget"));
    m_hcpResults->setMaximumHeight(90);
    m_hcpResults->hide();
    al->addWidget(m_hcpResults);
    m_attendees = new QTableWidget(0, AttendeeColumns, attendeesBox);
    m_attendees->setObjectName(QStringLiteral("attendeesTableWidget"));
    m_attendees->setHorizontalHeaderLabels({tr("Name"), tr("Who"), tr("Role"), tr("Fee"), tr("Signed in")});
    m_attendees->horizontalHeader()->setSectionResizeMode(ANameCol, QHeaderView::Stretch);
    m_attendees->verticalHeader()->hide();
    m_attendees->setSelectionBehavior(QAbstractItemView::SelectRows);
    al->addWidget(m_attendees);
    return attendeesBox;
}

QGroupBox *MeetingEditor::buildExpenses(QWidget *parent)
{
    auto *expensesBox = new QGroupBox(tr("Expenses"), parent);
    auto *el = new QVBoxLayout(expensesBox);
    auto *eb = new QHBoxLayout;
    m_addExpense = new QPushButton(tr("Add expense"), expensesBox);
    m_addExpense->setObjectName(QStringLiteral("addExpenseButton"));
    m_attach = new QPushButton(tr("Attach evidence…"), expensesBox);
    m_attach->setObjectName(QStringLiteral("attachEvidenceButton"));
    m_removeExpense = new QPushButton(tr("Remove"), expensesBox);
    m_removeExpense->setObjectName(QStringLiteral("removeExpenseButton"));
    m_spendSummary = new QLabel(expensesBox);
    m_spendSummary->setObjectName(QStringLiteral("spendSummaryLabel"));
    eb->addWidget(m_addExpense);
    eb->addWidget(m_attach);
    eb->addWidget(m_removeExpense);
    eb->addStretch();
    eb->addWidget(m_spendSummary);
    el->addLayout(eb);
    m_expenses = new QTableWidget(0, ExpenseColumns, expensesBox);
    m_expenses->setObjectName(QStringLiteral("expensesTableWidget"));
    m_expenses->setHorizontalHeaderLabels(
        {tr("Category"), tr("Amount"), tr("Status"), tr("Description"), tr("Evidence")});
    m_expenses->horizontalHeader()->setSectionResizeMode(EDescriptionCol, QHeaderView::Stretch);
    m_expenses->verticalHeader()->hide();
    m_expenses->setSelectionBehavior(QAbstractItemView::SelectRows);
    el->addWidget(m_expenses);
    auto *note
        = new QLabel(tr("Evidence files are kept on this computer next to your data; only their fingerprint "
                        "(SHA-256) and name reach the server for now. The files themselves will sync in a "
                        "later version."),
            expensesBox);
    note->setObjectName(QStringLiteral("evidenceNoteLabel"));
    note->setWordWrap(true);
    theme::setTone(note, theme::Tone::Muted);
    el->addWidget(note);
    return expensesBox;
}

// The workflow buttons; which of them show follows the status and the role (applyPermissions).
QHBoxLayout *MeetingEditor::buildButtons()
{
    auto *buttons = new QHBoxLayout;
    auto button = [&](const char *name, const QString &text) {
        auto *b = new QPushButton(text, this);
        b->setObjectName(QString::fromLatin1(name));
        buttons->addWidget(b);
        return b;
    };
    // Cancelling cannot be undone: alone at the far left, away from Approve/Submit; it asks first.
    m_cancel = button("cancelMeetingButton", tr("Cancel meeting…"));
    buttons->addSpacing(24);
    m_report = button("reportButton", tr("Export report…"));
    connect(button("meetingHistoryButton", tr("History…")), &QPushButton::clicked, this, [this] {
        if (!meetingId().isEmpty())
            emit historyRequested(QStringLiteral("meeting"), meetingId(), windowTitle());
    });
    buttons->addStretch();
    m_reopen = button("reopenButton", tr("Edit again"));
    m_save = button("saveButton", tr("Save"));
    m_submit = button("submitButton", tr("Submit for approval"));
    m_reject = button("rejectButton", tr("Reject…"));
    m_approve = button("approveButton", tr("Approve"));
    m_hold = button("holdButton", tr("Mark as held"));
    m_close = button("closeMeetingButton", tr("Close meeting"));
    return buttons;
}

void MeetingEditor::connectActions()
{
    connect(m_save, &QPushButton::clicked, this, [this] { save(); });
    connect(m_submit, &QPushButton::clicked, this, [this] { transition(QStringLiteral("submitted")); });
    connect(m_approve, &QPushButton::clicked, this, [this] { transition(QStringLiteral("approved")); });
    connect(m_reject, &QPushButton::clicked, this, [this] { transition(QStringLiteral("rejected")); });
    connect(m_hold, &QPushButton::clicked, this, [this] { transition(QStringLiteral("held")); });
    connect(m_close, &QPushButton::clicked, this, [this] { transition(QStringLiteral("closed")); });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (Prompter::instance().confirm(
                this, tr("Cancel meeting"), tr("Cancel this meeting? This cannot be undone.")))
            transition(QStringLiteral("cancelled"));
    });
    connect(m_reopen, &QPushButton::clicked, this, [this] { transition(QStringLiteral("draft")); });
    connect(m_report, &QPushButton::clicked, this, [this] {
        collect();
        exportMeetingReport(this, m_store, m_draft, m_config);
    });
    connect(m_hcpSearch, &QLineEdit::textEdited, this, &MeetingEditor::searchHcps);
    connect(m_hcpResults, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        addHcp(item->data(Qt::UserRole).toString());
        m_hcpSearch->clear();
        m_hcpResults->hide();
    });
    connect(m_addWalkIn, &QPushButton::clicked, this, [this] {
        addPerson(QStringLiteral("walk_in"), m_personName->text());
        m_personName->clear();
    });
    connect(m_addStaff, &QPushButton::clicked, this, [this] {
        addPerson(QStringLiteral("staff"), m_personName->text());
        m_personName->clear();
    });
    connect(m_removeAttendee, &QPushButton::clicked, this, [this] {
        if (m_attendees->currentRow() >= 0)
            m_attendees->removeRow(m_attendees->currentRow());
        refresh();
    });
    connect(m_addExpense, &QPushButton::clicked, this, [this] { addExpense(QStringLiteral("catering"), 0); });
    connect(m_removeExpense, &QPushButton::clicked, this, [this] {
        if (m_expenses->currentRow() >= 0)
            m_expenses->removeRow(m_expenses->currentRow());
        refresh();
    });
    connect(m_attach, &QPushButton::clicked, this, [this] {
        const int row = m_expenses->currentRow();
        if (row < 0)
            return;
        const QString file = m_pickFile ? m_pickFile() : QString();
        if (!file.isEmpty())
            attachEvidence(row, file);
    });
    for (QLineEdit *edit : {m_title, m_venue})
        connect(edit, &QLineEdit::textEdited, this, [this] { refresh(); });
    connect(m_budget, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
    connect(m_startsAt, &QDateTimeEdit::dateTimeChanged, this, [this] { refresh(); });
    connect(m_attendees, &QTableWidget::itemChanged, this, [this] { refresh(); });
    connect(m_expenses, &QTableWidget::itemChanged, this, [this] { refresh(); });
}

void MeetingEditor::load()
{
    m_loading = true;
    const QJsonObject &f = m_draft.fields;
    m_title->setText(f.value(QLatin1String("title")).toString());
    m_kind->setCurrentIndex(std::max(0, m_kind->findData(f.value(QLatin1String("kind")).toString())));
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(f.value(QLatin1String("mode")).toString())));
    m_startsAt->setDateTime(fromIso(f.value(QLatin1String("starts_at")).toString()));
    const QDateTime ends = fromIso(f.value(QLatin1String("ends_at")).toString());
    m_endsAt->setDateTime(ends.isValid() ? ends : m_startsAt->dateTime().addSecs(2 * 3600));
    m_venue->setText(f.value(QLatin1String("venue")).toString());
    const QString territory = f.value(QLatin1String("territory_id")).toString();
    if (m_territory->findData(territory) < 0 && !territory.isEmpty())
        m_territory->addItem(territory, territory);
    m_territory->setCurrentIndex(std::max(0, m_territory->findData(territory)));
    m_budget->setValue(f.value(QLatin1String("budget_minor")).toDouble() / 100.0);
    m_attendees->setRowCount(0);
    for (const MeetingAttendeeRow &a : std::as_const(m_draft.attendees))
        addAttendeeRow(a);
    m_expenses->setRowCount(0);
    for (const MeetingExpenseRow &e : std::as_const(m_draft.expenses))
        addExpenseRow(e);
    m_loading = false;
    setWindowTitle(m_draft.id.isEmpty() ? tr("New meeting") : tr("Meeting: %1").arg(m_title->text()));
    m_decision->showMeeting(m_draft.fields);
    applyPermissions();
    refresh();
}

void MeetingEditor::addAttendeeRow(const MeetingAttendeeRow &a)
{
    const bool loading = m_loading;
    m_loading = true;
    const int row = m_attendees->rowCount();
    m_attendees->insertRow(row);
    auto *name
        = new QTableWidgetItem(a.tier.isEmpty() ? a.name : QStringLiteral("%1  (%2)").arg(a.name, a.tier));
    name->setFlags(name->flags() & ~Qt::ItemIsEditable);
    name->setData(IdData, a.id);
    name->setData(HcpData, a.hcpId);
    name->setData(KindData, a.kind);
    name->setData(TierData, a.tier);
    name->setData(Qt::UserRole, a.name);
    m_attendees->setItem(row, ANameCol, name);
    auto *kind = new QTableWidgetItem(MeetingWords::attendeeKind(a.kind));
    kind->setFlags(kind->flags() & ~Qt::ItemIsEditable);
    m_attendees->setItem(row, AKindCol, kind);
    auto *role = choiceBox(
        EnumLabels::values(QStringLiteral("meeting_attendee"), QStringLiteral("role")), a.role, m_attendees);
    connect(role, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    m_attendees->setCellWidget(row, ARoleCol, role);
    auto *fee = yuanBox(a.feeMinor, m_attendees);
    fee->setFrame(false);
    connect(fee, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
    m_attendees->setCellWidget(row, AFeeCol, fee);
    auto *signedIn = new QTableWidgetItem;
    signedIn->setFlags((signedIn->flags() | Qt::ItemIsUserCheckable) & ~Qt::ItemIsEditable);
    signedIn->setCheckState(a.signedIn ? Qt::Checked : Qt::Unchecked);
    m_attendees->setItem(row, ASignedCol, signedIn);
    m_loading = loading;
}

void MeetingEditor::addExpenseRow(const MeetingExpenseRow &e)
{
    const bool loading = m_loading;
    m_loading = true;
    const int row = m_expenses->rowCount();
    m_expenses->insertRow(row);
    auto *category
        = choiceBox(EnumLabels::values(QStringLiteral("meeting_expense"), QStringLiteral("category")),
            e.category, m_expenses);
    connect(category, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    m_expenses->setCellWidget(row, ECategoryCol, category);
    auto *amount = yuanBox(e.amountMinor, m_expenses);
    amount->setFrame(false);
    connect(amount, &QDoubleSpinBox::valueChanged, this, [this] { refresh(); });
    m_expenses->setCellWidget(row, EAmountCol, amount);
    auto *status = choiceBox(EnumLabels::values(QStringLiteral("meeting_expense"), QStringLiteral("status")),
        e.status, m_expenses);
    connect(status, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    m_expenses->setCellWidget(row, EStatusCol, status);
    auto *description = new QTableWidgetItem(e.description);
    description->setData(IdData, e.id);
    m_expenses->setItem(row, EDescriptionCol, description);
    auto *evidence = new QTableWidgetItem(e.evidence.isEmpty() ? tr("none") : evidence::nameOf(e.evidence));
    evidence->setFlags(evidence->flags() & ~Qt::ItemIsEditable);
    evidence->setData(EvidenceData, e.evidence);
    evidence->setToolTip(e.evidence);
    m_expenses->setItem(row, EEvidenceCol, evidence);
    m_loading = loading;
}

void MeetingEditor::addHcp(const QString &hcpId, const QString &role, qint64 feeMinor)
{
    // One row per HCP (the server refuses a second): adding one again selects their row.
    for (int r = 0; r < m_attendees->rowCount(); ++r) {
        if (m_attendees->item(r, ANameCol)->data(HcpData).toString() == hcpId) {
            m_attendees->selectRow(r);
            return;
        }
    }
    if (!consentwarning::confirmContact(this, m_store, hcpId, QStringLiteral("event_invitation"), {}))
        return; // an invitation needs the HCP's consent (docs/privacy.md): warned, the user decides
    HcpSummary h;
    HcpQueries::summary(m_store, hcpId, &h);
    MeetingAttendeeRow a;
    a.kind = QStringLiteral("hcp");
    a.hcpId = hcpId;
    a.name = h.isValid() ? h.name : hcpId;
    a.tier = h.tier;
    a.role = role;
    a.feeMinor = feeMinor;
    addAttendeeRow(a);
    refresh();
}

void MeetingEditor::addPerson(const QString &kind, const QString &name)
{
    if (name.trimmed().isEmpty()) {
        m_personName->setFocus();
        m_personName->setPlaceholderText(tr("Type the name first"));
        return;
    }
    MeetingAttendeeRow a;
    a.kind = kind;
    a.name = name.trimmed();
    a.signedIn = kind == QLatin1String("walk_in"); // a walk-in is added because they came
    addAttendeeRow(a);
    refresh();
}

void MeetingEditor::addExpense(
    const QString &category, qint64 amountMinor, const QString &status, const QString &description)
{
    MeetingExpenseRow e;
    e.category = category;
    e.amountMinor = amountMinor;
    e.status = status;
    e.description = description;
    addExpenseRow(e);
    m_expenses->setCurrentCell(m_expenses->rowCount() - 1, EDescriptionCol);
    refresh();
}

bool MeetingEditor::attachEvidence(int row, const QString &file)
{
    if (row < 0 || row >= m_expenses->rowCount() || !m_store)
        return false;
    const evidence::Stored stored = evidence::store(m_store->path(), file);
    if (!stored.ok) {
        m_saveError->setText(tr("The evidence could not be kept: %1").arg(stored.error));
        m_saveError->show();
        return false;
    }
    QTableWidgetItem *item = m_expenses->item(row, EEvidenceCol);
    item->setData(EvidenceData, stored.reference);
    item->setText(evidence::nameOf(stored.reference));
    item->setToolTip(stored.reference);
    refresh();
    return true;
}

void MeetingEditor::searchHcps(const QString &text)
{
    m_hcpResults->clear();
    if (text.trimmed().isEmpty() || !m_store || !m_store->isOpen()) {
        m_hcpResults->hide();
        return;
    }
    QString error;
    const QList<HcpHit> hits = meetings::searchHcps(m_store, text, 8, &error);
    if (!error.isEmpty())
        return;
    for (const HcpHit &h : hits) {
        HcpSummary s;
        HcpQueries::summary(m_store, h.id, &s);
        auto *item = new QListWidgetItem(
            QStringLiteral("%1 · %2 · %3 %4").arg(h.name, s.institution, s.department, h.tier), m_hcpResults);
        item->setData(Qt::UserRole, h.id);
    }
    m_hcpResults->setVisible(!hits.isEmpty());
}

void MeetingEditor::collectPlan(QJsonObject &f) const
{
    f.insert(QStringLiteral("title"), m_title->text().trimmed());
    f.insert(QStringLiteral("kind"), m_kind->currentData().toString());
    f.insert(QStringLiteral("mode"), m_mode->currentData().toString());
    f.insert(QStringLiteral("starts_at"), toIso(m_startsAt->dateTime()));
    f.insert(QStringLiteral("ends_at"), toIso(m_endsAt->dateTime()));
    f.insert(QStringLiteral("venue"),
        m_venue->text().trimmed().isEmpty() ? QJsonValue() : QJsonValue(m_venue->text().trimmed()));
    f.insert(QStringLiteral("territory_id"), m_territory->currentData().toString());
    f.insert(QStringLiteral("budget_minor"), double(fen(m_budget)));
}

void MeetingEditor::collect()
{
    QJsonObject &f = m_draft.fields;
    // A plan the user may not edit keeps the stored values (the widgets would only reformat them).
    if (m_title->isEnabled())
        collectPlan(f);
    m_draft.attendees.clear();
    for (int r = 0; r < m_attendees->rowCount(); ++r) {
        const QTableWidgetItem *name = m_attendees->item(r, ANameCol);
        MeetingAttendeeRow a;
        a.id = name->data(IdData).toString();
        a.hcpId = name->data(HcpData).toString();
        a.kind = name->data(KindData).toString();
        a.tier = name->data(TierData).toString();
        a.name = name->data(Qt::UserRole).toString();
        a.role = comboValue(m_attendees, r, ARoleCol);
        a.feeMinor = fen(qobject_cast<QDoubleSpinBox *>(m_attendees->cellWidget(r, AFeeCol)));
        a.signedIn = m_attendees->item(r, ASignedCol)->checkState() == Qt::Checked;
        m_draft.attendees << a;
    }
    m_draft.expenses.clear();
    for (int r = 0; r < m_expenses->rowCount(); ++r) {
        MeetingExpenseRow e;
        e.id = m_expenses->item(r, EDescriptionCol)->data(IdData).toString();
        e.category = comboValue(m_expenses, r, ECategoryCol);
        e.amountMinor = fen(qobject_cast<QDoubleSpinBox *>(m_expenses->cellWidget(r, EAmountCol)));
        e.status = comboValue(m_expenses, r, EStatusCol);
        e.description = m_expenses->item(r, EDescriptionCol)->text().trimmed();
        e.evidence = m_expenses->item(r, EEvidenceCol)->data(EvidenceData).toString();
        m_draft.expenses << e;
    }
}

compliance::Actor MeetingEditor::actor() const
{
    return isManager() ? compliance::Actor::Manager : compliance::Actor::Owner;
}

bool MeetingEditor::isManager() const
{
    return m_account.role == QLatin1String("manager") || m_account.role == QLatin1String("admin");
}

void MeetingEditor::refresh()
{
    if (m_loading)
        return;
    collect();
    m_compliance->evaluate(m_config, meetings::facts(m_store, m_draft), actor());
    const std::pair<QPushButton *, QString> forward[]
        = {{m_submit, QStringLiteral("submitted")}, {m_approve, QStringLiteral("approved")},
            {m_hold, QStringLiteral("held")}, {m_close, QStringLiteral("closed")}};
    QString shownReason;
    for (const auto &[button, target] : forward) {
        const QString reason = m_compliance->blockedReason(target);
        button->setEnabled(reason.isEmpty());
        button->setToolTip(reason);
        if (button->isVisible() || !button->isHidden()) {
            if (!reason.isEmpty() && !button->isHidden())
                shownReason = tr("%1 is blocked: %2").arg(button->text(), reason);
        }
    }
    m_compliance->showBlocked(shownReason);

    qint64 total = 0;
    for (const MeetingExpenseRow &e : std::as_const(m_draft.expenses))
        total += e.amountMinor;
    m_spendSummary->setText(
        tr("Total %1 of budget %2").arg(MeetingWords::money(total), MeetingWords::money(fen(m_budget))));
    m_statusBadge->setText(Labels::meetingStatus(m_draft.status()));
}

void MeetingEditor::applyPermissions()
{
    const MeetingPermissions may(m_account.role, m_account.userId, m_draft.fields);
    // The plan (header) changes in draft; attendance and expenses until the meeting is held.
    for (QWidget *w : std::initializer_list<QWidget *> {
             m_title, m_kind, m_mode, m_startsAt, m_endsAt, m_venue, m_territory, m_budget})
        w->setEnabled(may.editPlan());
    for (QWidget *w : std::initializer_list<QWidget *> {m_hcpSearch, m_personName, m_addWalkIn, m_addStaff,
             m_removeAttendee, m_addExpense, m_removeExpense, m_attach, m_attendees, m_expenses})
        w->setEnabled(may.editAttendance());
    m_save->setVisible(may.editPlan() || may.editAttendance());
    m_submit->setVisible(may.submit());
    // A manager decides others' meetings only: no approve button on a meeting they own.
    m_approve->setVisible(may.decide());
    m_reject->setVisible(may.decide());
    m_hold->setVisible(may.hold());
    m_close->setVisible(may.close());
    m_cancel->setVisible(may.cancel() && !m_draft.id.isEmpty());
    m_reopen->setVisible(may.reopen());
    m_report->setVisible(!m_draft.id.isEmpty());
}

QList<compliance::Violation> MeetingEditor::violations() const
{
    return m_compliance->violations();
}

QString MeetingEditor::blockedReason(const QString &targetStatus) const
{
    return m_compliance->blockedReason(targetStatus);
}

bool MeetingEditor::validate(const QString &targetStatus)
{
    m_titleError->hide();
    m_saveError->hide();
    if (m_title->text().trimmed().isEmpty()) {
        m_titleError->setText(tr("Give the meeting a title."));
        m_titleError->show();
        return false;
    }
    if (m_endsAt->dateTime() < m_startsAt->dateTime()) {
        m_saveError->setText(tr("The meeting ends before it starts."));
        m_saveError->show();
        return false;
    }
    if (m_territory->currentData().toString().isEmpty()) {
        m_saveError->setText(tr("Choose the territory of the meeting."));
        m_saveError->show();
        return false;
    }
    const QString reason = m_compliance->blockedReason(targetStatus);
    if (!reason.isEmpty()) {
        m_saveError->setText(reason);
        m_saveError->show();
        return false;
    }
    return true;
}

bool MeetingEditor::save()
{
    refresh();
    if (!validate(m_draft.status()))
        return false;
    return write();
}

bool MeetingEditor::transition(const QString &status)
{
    refresh();
    if (status != QLatin1String("cancelled") && status != QLatin1String("rejected") && !validate(status))
        return false;
    if (status == QLatin1String("approved") || status == QLatin1String("rejected"))
        return decide(status);
    const QString before = m_draft.status();
    m_draft.fields.insert(QStringLiteral("status"), status);
    if (write())
        return true;
    m_draft.fields.insert(QStringLiteral("status"), before);
    return false;
}

// A manager's decision writes the status and the note only: the plan is not theirs to change.
bool MeetingEditor::decide(const QString &status)
{
    QString note;
    if (status == QLatin1String("rejected")) {
        const std::optional<QString> reason = Prompter::instance().askText(
            this, tr("Reject meeting"), tr("Why is it rejected? The rep reads this."), QString());
        if (!reason)
            return false;
        note = *reason;
    }
    QString error;
    if (!meetings::decide(m_store, m_draft.id, status, note, &error)) {
        m_saveError->setText(tr("Not saved: %1").arg(error)); // the store's refusal, in the user's language
        m_saveError->show();
        return false;
    }
    if (std::optional<MeetingDraft> d = meetings::load(m_store, m_draft.id))
        m_draft = *d;
    load();
    emit meetingSaved(m_draft.id, m_draft.status());
    return true;
}

bool MeetingEditor::write()
{
    QString error;
    QString field;
    const QString resubmit = meetings::resubmitReason(m_store, m_draft);
    const QString id = meetings::save(m_store, m_draft, &error, &field);
    if (id.isEmpty()) {
        m_saveError->setText(tr("Not saved: %1").arg(error));
        m_saveError->show();
        return false;
    }
    if (std::optional<MeetingDraft> d = meetings::load(m_store, id))
        m_draft = *d;
    load();
    if (!resubmit.isEmpty())
        m_decision->showPendingResubmission(resubmit);
    emit meetingSaved(id, m_draft.status());
    return true;
}

} // namespace rounds
