#pragma once

#include "ui/common/rolegate.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

class QLabel;
class QMenu;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace rounds {

class ConflictsView;
class HcpListView;
class HcpProfileView;
class ListPage;
class MaterialsView;
class PlanCalendarView;
class TodayView;
class Session;
class VisitDialog;
struct DecisionCounts;
struct SyncProgress;
struct SyncSummary;

// The rep's workspace: a sidebar of views (by role), a global HCP search, and a status bar that says
// whether the work on this computer has reached the server.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(Session *session, QWidget *parent = nullptr);
    ~MainWindow() override;

    // View keys: today, hcps, hcp (the profile of the chosen HCP), plan, visits, meetings, materials,
    // dashboard, territories, masterdata, duplicates, changerequests (SFE), conflicts, company, users and
    // library
    // (admins).
    static QStringList viewKeys();
    bool showView(const QString &key);
    QString currentView() const;
    // Runs the global search: shows the HCP list filtered by `text`.
    void search(const QString &text);
    // Opens the log-a-visit dialog (non-modal, deleted when closed): a new visit to `hcpId`, or `visitId`.
    VisitDialog *openVisitDialog(const QString &hcpId, const QString &visitId = {});
    // Logs the visit of a plan; saving it marks the plan done.
    VisitDialog *logVisitFromPlan(const QString &planId, const QString &hcpId);
    // The HCP 360 profile of one HCP.
    void showHcp(const QString &hcpId);

    Session *session() const { return m_session; }
    HcpListView *hcpListView() const { return m_hcps; }
    HcpProfileView *hcpProfileView() const { return m_profile; }
    ConflictsView *conflictsView() const { return m_conflicts; }
    ListPage *visitsPage() const { return m_visits; }
    PlanCalendarView *planView() const { return m_plan; }
    TodayView *todayView() const { return m_today; }
    MaterialsView *materialsView() const { return m_materials; }

public slots:
    void syncNow();
    void signIn();
    void openSettings();
    void signOut();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void buildNavigation();
    void onSyncStarted();
    void onSyncProgress(const rounds::SyncProgress &progress);
    void onSyncFinished(const rounds::SyncSummary &summary);
    // The server revoked this computer: say why, close, and let the session wipe the data as it ends.
    void onDeviceRevoked(const QString &message);
    // Closes the window for good and ends the program, so the session can delete the data it used.
    void closeForWipe();
    void updateCounts();
    // The sidebar's count badges: what waits for the user's decision in each view.
    void updateBadges(const DecisionCounts &decisions);
    void updateAccount();
    QString lastSyncText() const;

    Session *m_session;
    QSplitter *m_splitter = nullptr;
    QListWidget *m_nav = nullptr;
    QStackedWidget *m_stack = nullptr;
    QLineEdit *m_search = nullptr;
    QHash<QString, QWidget *> m_pages;
    HcpListView *m_hcps = nullptr;
    ConflictsView *m_conflicts = nullptr;
    HcpProfileView *m_profile = nullptr;
    PlanCalendarView *m_plan = nullptr;
    TodayView *m_today = nullptr;
    ListPage *m_visits = nullptr;
    MaterialsView *m_materials = nullptr;
    QLabel *m_syncState = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_account = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_conflictsBadge = nullptr;
    QAction *m_syncAction = nullptr;
    QAction *m_signInAction = nullptr;
    QAction *m_signOutAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    QList<QAction *> m_viewActions;
    QString m_lastError;
    RoleGate m_gate; // the window's own actions, shown by the user's role
};

} // namespace rounds
