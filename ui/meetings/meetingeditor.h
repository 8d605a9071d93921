#pragma once

#include "models/meetingrepository.h"
#include "sync/signin.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QDateTimeEdit;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace rounds {

class MeetingCompliancePanel;
class MeetingDecisionBanner;
class Store;

// Plans and records one meeting: title, kind, mode, time, venue, territory, budget; the attendees (HCPs
// from the store, walk-ins added on the day, company staff) with role, fee and sign-in; the expenses with
// amount, status and an evidence file. The compliance panel lists the rules the meeting breaks while the
// user types, and a transition that a blocking rule refuses is disabled with the reason. The buttons
// follow the workflow and the user's role (docs/meetings.md). Everything is written to the local Store:
// it works offline and syncs later.
class MeetingEditor final : public QDialog
{
    Q_OBJECT
public:
    // A new meeting (empty id) in the user's first territory, or an existing one.
    MeetingEditor(
        Store *store, const AccountInfo &account, const QString &meetingId = {}, QWidget *parent = nullptr);

    QString meetingId() const { return m_draft.id; }
    QString status() const { return m_draft.status(); }

    // For tests and scripted use; each also refreshes the compliance panel.
    void addHcp(const QString &hcpId, const QString &role = QStringLiteral("attendee"), qint64 feeMinor = 0);
    void addPerson(const QString &kind, const QString &name); // walk_in or staff
    void addExpense(const QString &category, qint64 amountMinor,
        const QString &status = QStringLiteral("estimated"), const QString &description = {});
    bool attachEvidence(int expenseRow, const QString &file);
    // The file chooser for evidence (a QFileDialog unless a test sets one).
    void setFilePicker(std::function<QString()> picker) { m_pickFile = std::move(picker); }

    // What the panel shows (the rules as they stand at the next status) and what blocks each transition.
    QList<compliance::Violation> violations() const;
    QString blockedReason(const QString &targetStatus) const;

    bool save();
    // Saves and moves the meeting to `status` (submitted, approved, rejected, held, closed, cancelled,
    // draft).
    bool transition(const QString &status);

signals:
    void meetingSaved(const QString &meetingId, const QString &status);
    void historyRequested(const QString &entity, const QString &id, const QString &title);

private:
    // build() lays out the sections, each its own function.
    void build();
    QFormLayout *buildForm();
    QGroupBox *buildAttendees(QWidget *parent);
    QGroupBox *buildExpenses(QWidget *parent);
    QHBoxLayout *buildButtons();
    void connectActions();
    void load();
    void collect(); // widgets → m_draft
    void collectPlan(QJsonObject &fields) const; // the header widgets
    void refresh(); // compliance panel and buttons
    void applyPermissions();
    void addAttendeeRow(const MeetingAttendeeRow &row);
    void addExpenseRow(const MeetingExpenseRow &row);
    void searchHcps(const QString &text);
    bool validate(const QString &targetStatus);
    // Writes the draft as it stands, reloads it from the store and tells the listeners; on a refusal
    // shows why and returns false.
    bool write();
    // A manager's approval or rejection (with the note asked for).
    bool decide(const QString &status);
    compliance::Actor actor() const;
    bool isManager() const;

    Store *m_store;
    AccountInfo m_account;
    MeetingDraft m_draft;
    compliance::Config m_config;
    std::function<QString()> m_pickFile;
    bool m_loading = false;

    QLabel *m_statusBadge = nullptr;
    MeetingDecisionBanner *m_decision = nullptr;
    QLineEdit *m_title = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_mode = nullptr;
    QDateTimeEdit *m_startsAt = nullptr;
    QDateTimeEdit *m_endsAt = nullptr;
    QLineEdit *m_venue = nullptr;
    QComboBox *m_territory = nullptr;
    QDoubleSpinBox *m_budget = nullptr;
    QLabel *m_titleError = nullptr;
    QLineEdit *m_hcpSearch = nullptr;
    QListWidget *m_hcpResults = nullptr;
    QLineEdit *m_personName = nullptr;
    QPushButton *m_addWalkIn = nullptr;
    QPushButton *m_addStaff = nullptr;
    QPushButton *m_removeAttendee = nullptr;
    QTableWidget *m_attendees = nullptr;
    QTableWidget *m_expenses = nullptr;
    QPushButton *m_addExpense = nullptr;
    QPushButton *m_removeExpense = nullptr;
    QPushButton *m_attach = nullptr;
    QLabel *m_spendSummary = nullptr;
    MeetingCompliancePanel *m_compliance = nullptr;
    QLabel *m_saveError = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_submit = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
    QPushButton *m_hold = nullptr;
    QPushButton *m_close = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_reopen = nullptr;
    QPushButton *m_report = nullptr;
};

} // namespace rounds
