#include "ui/mainwindow/mainwindow.h"
#include "ui/history/historydialog.h"

#include "models/decisioncounts.h"
#include "models/meetinglistmodel.h"
#include "models/storewatcher.h"
#include "models/visitlistmodel.h"
#include "sync/session.h"
#include "ui/admin/companysettingsview.h"
#include "ui/admin/libraryview.h"
#include "ui/admin/usersview.h"
#include "ui/common/dates.h"
#include "ui/common/icons.h"
#include "ui/common/labels.h"
#include "ui/common/listpage.h"
#include "ui/common/prompter.h"
#include "ui/common/screenfit.h"
#include "ui/conflicts/conflictsview.h"
#include "ui/content/materialsview.h"
#include "ui/content/presenterwindow.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/hcp/hcplistview.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/mainwindow/downloadstatus.h"
#include "ui/mainwindow/navbadgedelegate.h"
#include "ui/masterdata/changerequestsview.h"
#include "ui/masterdata/duplicatesview.h"
#include "ui/masterdata/masterdataview.h"
#include "ui/meetings/meetingsview.h"
#include "ui/plan/plancalendarview.h"
#include "ui/settings/aboutdialog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/signoutdialog.h"
#include "ui/territories/territoryview.h"
#include "ui/today/todayview.h"
#include "ui/visits/visitdialog.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QProgressBar>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace rounds {

namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
const QString kViewKey = QStringLiteral("mainWindow/view");

} // namespace

MainWindow::MainWindow(Session *session, QWidget *parent)
    : QMainWindow(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Rounds"));

    Store *store = session->store();
    m_hcps = new HcpListView(store, this);
    m_conflicts = new ConflictsView(session, this);
    m_profile = new HcpProfileView(session, this);
    m_visits = new ListPage(QStringLiteral("visitsView"), tr("Visits"),
        tr("Your visits, newest first. A visit waiting to reach the server is marked; open one to see or "
           "finish it."),
        new VisitListModel(store), VisitListModel::PendingRole, this);
    m_visits->setFormatter([](const QModelIndex &index, const QVariant &value) -> QVariant {
        switch (index.column()) {
        case VisitListModel::VisitedAt:
            return Labels::localDateTime(value.toString());
        case VisitListModel::Channel:
            return Labels::channel(value.toString());
        case VisitListModel::Status:
            return Labels::visitStatus(value.toString());
        default:
            return value;
        }
    });
    m_plan = new PlanCalendarView(session, this);
    // Meetings: the list, the editor and a manager's approval queue (ui/meetings/).
    auto *meetings = new MeetingsView(session, this);

    m_today = new TodayView(session, this);
    m_pages.insert(QStringLiteral("today"), m_today);
    m_pages.insert(QStringLiteral("hcps"), m_hcps);
    m_pages.insert(QStringLiteral("hcp"), screenfit::scrollable(m_profile, this));
    m_pages.insert(QStringLiteral("plan"), screenfit::scrollable(m_plan, this));
    m_pages.insert(QStringLiteral("visits"), m_visits);
    m_pages.insert(QStringLiteral("meetings"), meetings);
    // The materials a rep may present, pinned and downloaded (ui/content/); Preview opens the presenter.
    m_materials = new MaterialsView(session, this);
    m_pages.insert(QStringLiteral("materials"), m_materials);
    connect(m_materials, &MaterialsView::previewRequested, this, [this](const QString &materialId) {
        if (auto *w = PresenterWindow::preview(m_session->store(), m_session->account(), materialId, this))
            connect(w, &PresenterWindow::downloadRequested, m_session->downloads(), &DownloadQueue::request);
    });
    // The manager's KPIs (ui/dashboard/); a tier's unreached targets open in the HCP profile.
    auto *dashboard = new DashboardView(store, this);
    connect(dashboard, &DashboardView::hcpActivated, this, &MainWindow::showHcp);
    m_pages.insert(QStringLiteral("dashboard"), dashboard);
    auto *territories = new TerritoryView(store, this);
    connect(territories, &TerritoryView::historyRequested, this,
        [this](const QString &entity, const QString &id, const QString &title) {
            HistoryDialog::open(m_session, entity, id, title, this);
        });
    m_pages.insert(QStringLiteral("territories"), territories);
    m_pages.insert(QStringLiteral("masterdata"), new MasterDataView(store, this));
    m_pages.insert(QStringLiteral("duplicates"), new DuplicatesView(store, this));
    m_pages.insert(QStringLiteral("changerequests"), new ChangeRequestsView(store, this));
    m_pages.insert(QStringLiteral("conflicts"), m_conflicts);
    // The company's settings, for the role that writes them (updateAccount shows it).
    auto *company = new CompanySettingsView(store, this);
    m_pages.insert(QStringLiteral("company"), screenfit::scrollable(company, this));
    // Users and their devices, read from and changed on the server (admins; updateAccount shows it).
    m_pages.insert(QStringLiteral("users"), new UsersView(session, this));
    // The materials library, for the role that writes materials (docs/content.md).
    m_pages.insert(QStringLiteral("library"), new LibraryView(store, this));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("globalSearchLineEdit"));
    m_search->setPlaceholderText(tr("Search HCPs and hospitals (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(240);
    // The magnifier is drawn only; its text names the button for a screen reader.
    m_search->addAction(icons::action(icons::Action::Search), QLineEdit::LeadingPosition)
        ->setText(m_search->placeholderText());
    connect(m_search, &QLineEdit::returnPressed, this, [this] { search(m_search->text()); });
    // Every edit searches, clearing too: the list never shows results for a text this box no longer holds.
    connect(m_search, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.trimmed().isEmpty())
            m_hcps->search(QString());
        else
            search(text);
    });
    // And typing in the list's own box shows here: both boxes always hold the text the list searches for.
    connect(m_hcps, &HcpListView::searchTextChanged, m_search, &QLineEdit::setText);
    for (const QKeySequence &keys :
        {QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)}) {
        auto *shortcut = new QShortcut(keys, this);
        connect(shortcut, &QShortcut::activated, this, [this] {
            m_search->setFocus(Qt::ShortcutFocusReason);
            m_search->selectAll();
        });
    }

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("viewStackedWidget"));
    // Every page scrolls rather than forcing the window past a small screen (1366×768, or 150 % of
    // 1920×1080): the stack is as large as its largest page.
    for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
        if (!qobject_cast<QScrollArea *>(it.value()))
            it.value() = screenfit::scrollable(it.value(), this);
        m_stack->addWidget(it.value());
    }

    buildNavigation();

    auto *right = new QWidget(this);
    auto *top = new QHBoxLayout;
    m_account = new QLabel(right);
    m_account->setObjectName(QStringLiteral("accountLabel"));
    top->addWidget(m_search, 1);
    top->addSpacing(24);
    top->addWidget(m_account);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(top);
    rightLayout->addWidget(m_stack, 1);

    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_nav);
    m_splitter->addWidget(right);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({200, 1080});
    setCentralWidget(m_splitter);

    buildMenus();
    buildStatusBar();

    connect(
        m_hcps, &HcpListView::logVisitRequested, this, [this](const QString &id) { openVisitDialog(id); });
    connect(m_hcps, &HcpListView::hcpActivated, this, &MainWindow::showHcp);
    connect(m_profile, &HcpProfileView::logVisitRequested, this,
        [this](const QString &id) { openVisitDialog(id); });
    connect(m_profile, &HcpProfileView::presentRequested, this, [this](const QString &id) {
        QMetaObject::invokeMethod(openVisitDialog(id), &VisitDialog::startPresenting, Qt::QueuedConnection);
    });
    connect(m_profile, &HcpProfileView::visitActivated, this,
        [this](const QString &id) { openVisitDialog({}, id); });
    connect(m_visits, &ListPage::activated, this, [this](const QString &id) { openVisitDialog({}, id); });
    connect(m_plan, &PlanCalendarView::logVisitFromPlan, this, &MainWindow::logVisitFromPlan);
    connect(m_today, &TodayView::logVisitFromPlan, this, &MainWindow::logVisitFromPlan);
    connect(m_today, &TodayView::hcpActivated, this, &MainWindow::showHcp);
    connect(m_conflicts, &ConflictsView::resolved, this, &MainWindow::updateCounts);

    SyncEngine *engine = session->engine();
    connect(engine, &SyncEngine::syncStarted, this, &MainWindow::onSyncStarted);
    connect(engine, &SyncEngine::progress, this, &MainWindow::onSyncProgress);
    connect(engine, &SyncEngine::syncFinished, this, &MainWindow::onSyncFinished);
    // Every view follows the store itself (a StoreWatcher each); the window only keeps its counts.
    new StoreWatcher(store, {}, this, [this](const StoreChanges &) { updateCounts(); });
    connect(engine, &SyncEngine::offlineChanged, this, &MainWindow::updateCounts);
    // Live pulls come often while Rounds is in front, seldom behind other windows.
    connect(qApp, &QGuiApplication::applicationStateChanged, engine,
        [engine](Qt::ApplicationState state) { engine->setForeground(state == Qt::ApplicationActive); });
    connect(session, &Session::accountChanged, this, &MainWindow::updateAccount);
    connect(session, &Session::deviceRevoked, this, &MainWindow::onDeviceRevoked);

    icons::decorate(this);
    // 1280×800 where there is room; on 1366×768 or 1280×720 (150 % of 1920×1080) the screen's free area.
    screenfit::resizeToScreen(this, QSize(1280, 800));
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    m_splitter->restoreState(settings.value(kSplitterKey).toByteArray());
    updateAccount();
    if (!showView(settings.value(kViewKey).toString()))
        showView(QStringLiteral("hcps"));
}

MainWindow::~MainWindow() = default;

QStringList MainWindow::viewKeys()
{
    return {QStringLiteral("today"), QStringLiteral("hcps"), QStringLiteral("hcp"), QStringLiteral("plan"),
        QStringLiteral("visits"), QStringLiteral("meetings"), QStringLiteral("materials"),
        QStringLiteral("dashboard"), QStringLiteral("territories"), QStringLiteral("masterdata"),
        QStringLiteral("duplicates"), QStringLiteral("changerequests"), QStringLiteral("conflicts"),
        QStringLiteral("company"), QStringLiteral("users"), QStringLiteral("library")};
}

void MainWindow::buildNavigation()
{
    m_nav = new QListWidget(this);
    m_nav->setObjectName(QStringLiteral("navigationListWidget"));
    m_nav->setMinimumWidth(150);
    m_nav->setSpacing(2);
    QFont f = m_nav->font();
    f.setPointSizeF(f.pointSizeF() * 1.15);
    m_nav->setFont(f);
    m_nav->setItemDelegate(new NavBadgeDelegate(m_nav));
    connect(m_nav, &QListWidget::currentRowChanged, this, [this](int row) {
        if (QListWidgetItem *item = m_nav->item(row))
            m_stack->setCurrentWidget(m_pages.value(item->data(Qt::UserRole).toString()));
    });
    // The profile keeps the sidebar's selection (the list it was opened from), so clicking that entry
    // again, current already, goes back to it.
    connect(m_nav, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        m_stack->setCurrentWidget(m_pages.value(item->data(Qt::UserRole).toString()));
    });
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *logVisit = file->addAction(tr("&Log a visit…"), this, [this] {
        if (!m_hcps->currentHcpId().isEmpty())
            openVisitDialog(m_hcps->currentHcpId());
        else
            showView(QStringLiteral("hcps"));
    });
    logVisit->setObjectName(QStringLiteral("logVisitAction"));
    logVisit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_gate.bind(logVisit, {{QStringLiteral("visit"), RoleGate::Op::Create}});
    file->addSeparator();
    m_signInAction = file->addAction(tr("&Sign in…"), this, &MainWindow::signIn);
    m_signInAction->setObjectName(QStringLiteral("signInAction"));
    m_signOutAction = file->addAction(tr("Sign &out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    file->addSeparator();
    QAction *settingsAction = file->addAction(tr("S&ettings…"), this, &MainWindow::openSettings);
    settingsAction->setObjectName(QStringLiteral("settingsAction"));
    settingsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *find = view->addAction(tr("&Search HCPs"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::CTRL | Qt::Key_F)});
    find->setShortcutContext(Qt::WidgetShortcut); // the window-wide QShortcuts handle the keys
    view->addSeparator();
    m_viewMenu = view;

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    m_syncAction = sync->addAction(tr("Sync &now"), this, &MainWindow::syncNow);
    m_syncAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncAction->setShortcut(QKeySequence(Qt::Key_F5));
    QAction *conflicts = sync->addAction(
        tr("&Conflicts and refused changes"), this, [this] { showView(QStringLiteral("conflicts")); });
    conflicts->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Rounds"), this, [this] {
        AboutDialog dialog(this);
        dialog.exec();
    });
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::openSettings()
{
    SettingsDialog dialog(m_session, this);
    dialog.exec();
}

void MainWindow::buildStatusBar()
{
    m_syncState = new QLabel(this);
    m_syncState->setObjectName(QStringLiteral("syncStateLabel"));
    m_pending = new QLabel(this);
    m_pending->setObjectName(QStringLiteral("pendingLabel"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("syncProgressBar"));
    m_progress->setMaximumWidth(180);
    m_progress->setTextVisible(false);
    m_progress->hide();
    m_conflictsBadge = new QToolButton(this);
    m_conflictsBadge->setObjectName(QStringLiteral("conflictsBadgeButton"));
    m_conflictsBadge->setAutoRaise(true);
    m_conflictsBadge->setStyleSheet(QStringLiteral(
        "QToolButton { background: #c0392b; color: white; border-radius: 8px; padding: 1px 8px; }"));
    m_conflictsBadge->hide();
    connect(m_conflictsBadge, &QToolButton::clicked, this, [this] { showView(QStringLiteral("conflicts")); });
    statusBar()->addWidget(m_syncState);
    statusBar()->addWidget(m_progress);
    statusBar()->addWidget(new DownloadStatus(m_session->downloads(), this));
    statusBar()->addPermanentWidget(m_conflictsBadge);
    statusBar()->addPermanentWidget(m_pending);
}

bool MainWindow::showView(const QString &key)
{
    for (int row = 0; row < m_nav->count(); ++row) {
        if (m_nav->item(row)->data(Qt::UserRole).toString() == key) {
            m_nav->setCurrentRow(row);
            m_stack->setCurrentWidget(m_pages.value(key));
            return true;
        }
    }
    if (key != QLatin1String("hcp")) // the profile is reached from the list, not the sidebar
        return false;
    // The sidebar keeps showing where the user came from (HCPs, Today, the dashboard…).
    m_stack->setCurrentWidget(m_pages.value(QStringLiteral("hcp")));
    return true;
}

void MainWindow::showHcp(const QString &hcpId)
{
    m_profile->setHcp(hcpId);
    showView(QStringLiteral("hcp"));
}

QString MainWindow::currentView() const
{
    return m_pages.key(m_stack->currentWidget());
}

void MainWindow::search(const QString &text)
{
    showView(QStringLiteral("hcps"));
    if (m_search->text() != text)
        m_search->setText(text);
    m_hcps->search(text.trimmed());
}

VisitDialog *MainWindow::openVisitDialog(const QString &hcpId, const QString &visitId)
{
    auto *dialog = new VisitDialog(m_session->store(), m_session->account(), hcpId, visitId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &VisitDialog::historyRequested, this,
        [this, dialog](const QString &entity, const QString &id, const QString &title) {
            HistoryDialog::open(m_session, entity, id, title, dialog);
        });
    // A material not on this computer yet jumps the download queue when the rep tries to present it.
    connect(dialog, &VisitDialog::downloadRequested, m_session->downloads(), &DownloadQueue::request);
    dialog->show();
    return dialog;
}

VisitDialog *MainWindow::logVisitFromPlan(const QString &planId, const QString &hcpId)
{
    VisitDialog *dialog = openVisitDialog(hcpId);
    connect(dialog, &VisitDialog::visitSaved, this, [this, planId](const QString &visitId) {
        // The plan is done once its visit is logged; the calendar ticks it off.
        m_session->store()->update(QStringLiteral("visit_plan"), planId,
            {{QStringLiteral("status"), QStringLiteral("done")}, {QStringLiteral("visit_id"), visitId}});
    });
    return dialog;
}

void MainWindow::syncNow()
{
    if (!m_session->isSignedIn()) {
        signIn();
        return;
    }
    m_session->engine()->syncNow();
}

void MainWindow::signIn()
{
    SignInDialog dialog(m_session, this);
    const AccountInfo account = m_session->account();
    if (account.isSet())
        dialog.lockAccount(account.server, account.user);
    dialog.exec();
}

void MainWindow::signOut()
{
    SignOutDialog dialog(m_session, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.choice() == SignOutDialog::Choice::KeepData) {
        m_session->signOut();
        return;
    }
    const QString user = m_session->account().user;
    m_session->signOut(); // while the program runs: the token stops on the server now
    Prompter::instance().inform(
        this, tr("Sign out"), tr("Rounds closes now and removes this computer's data for %1.").arg(user));
    closeForWipe();
}

void MainWindow::onDeviceRevoked(const QString &message)
{
    m_session->engine()->cancel();
    hide();
    Prompter::instance().inform(this, tr("This computer was signed out by your company"),
        message + QStringLiteral("\n\n")
            + tr("Rounds closes now. Ask your administrator if you need access again."));
    closeForWipe();
}

void MainWindow::closeForWipe()
{
    // The views hold the store: the data goes when the Session ends, after this window (app/main.cpp).
    // Closing the last window ends the program's loop (quitOnLastWindowClosed).
    m_session->wipeOnClose();
    close();
}

void MainWindow::onSyncStarted()
{
    // A live pull nobody asked for, or another try while offline: the status bar keeps saying what it
    // said (the last sync, or Offline) instead of flashing "Syncing…" every few seconds.
    const SyncEngine *engine = m_session->engine();
    if (engine->isBackgroundSync() || engine->isOffline())
        return;
    m_syncState->setText(tr("Syncing…"));
    m_progress->setRange(0, 0);
    m_progress->show();
    m_syncAction->setEnabled(false);
}

void MainWindow::onSyncProgress(const SyncProgress &progress)
{
    const SyncEngine *engine = m_session->engine();
    if (engine->isBackgroundSync() || engine->isOffline())
        return;
    if (progress.total > 0) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(qMin<qint64>(1000, progress.done * 1000 / progress.total)));
    } else {
        m_progress->setRange(0, 0);
    }
    m_syncState->setText(
        progress.phase == SyncProgress::Pushing ? tr("Sending your changes…") : tr("Receiving updates…"));
}

void MainWindow::onSyncFinished(const SyncSummary &summary)
{
    m_progress->hide();
    m_syncAction->setEnabled(true);
    m_lastError.clear();
    if (!summary.ok) {
        switch (summary.error.kind) {
        case ApiError::Network:
        case ApiError::Server:
        case ApiError::RateLimited:
            m_lastError = tr("Offline: changes wait on this computer and go out at the next sync");
            break;
        case ApiError::Unauthorized:
            m_lastError = tr("Sign in again to sync; nothing on this computer is lost");
            break;
        case ApiError::Upgrade:
            m_lastError = tr("The server needs a newer Rounds: please update");
            break;
        case ApiError::Cancelled:
            break;
        default:
            m_lastError = tr("Sync stopped: %1").arg(summary.error.message);
        }
    }
    updateCounts();
}

QString MainWindow::lastSyncText() const
{
    const QDateTime last
        = QDateTime::fromString(m_session->store()->meta(QStringLiteral("last_sync")), Qt::ISODate);
    if (!last.isValid())
        return tr("Never synced");
    const QDateTime local = last.toLocalTime();
    const QString when
        = local.date() == QDate::currentDate() ? Dates::time(local.time()) : Dates::dateTime(local);
    return tr("Last sync %1").arg(when);
}

void MainWindow::updateCounts()
{
    Store *store = m_session->store();
    if (!store || !store->isOpen())
        return;
    const SyncEngine *engine = m_session->engine();
    if (engine->isOffline()) {
        m_progress->hide();
        m_syncState->setText(tr("Offline · %1").arg(lastSyncText()));
        m_syncState->setToolTip(tr("The server cannot be reached. Your changes are kept on this computer and "
                                   "sent when it can; Rounds keeps trying."));
    } else if (!engine->isSyncing() || engine->isBackgroundSync()) {
        QString state = m_session->isSignedIn() ? lastSyncText() : tr("Offline · signed out");
        if (!m_lastError.isEmpty())
            state = m_lastError + QStringLiteral(" · ") + lastSyncText();
        m_syncState->setText(state);
        m_syncState->setToolTip(QString());
    }
    const int pending = store->pendingCount();
    m_pending->setText(
        pending == 0 ? tr("All changes sent") : tr("%n change(s) waiting to be sent", nullptr, pending));
    const DecisionCounts decisions = decisionCounts(*store);
    const int conflicts = decisions.conflicts;
    const int refused = decisions.refused;
    QStringList badge;
    if (conflicts > 0)
        badge << tr("%n conflict(s)", nullptr, conflicts);
    if (refused > 0)
        badge << tr("%n refused", nullptr, refused);
    m_conflictsBadge->setText(badge.join(QStringLiteral(" · ")));
    m_conflictsBadge->setVisible(!badge.isEmpty());
    updateBadges(decisions);
}

void MainWindow::updateBadges(const DecisionCounts &decisions)
{
    const QHash<QString, int> counts {{QStringLiteral("meetings"), decisions.meetings()},
        {QStringLiteral("changerequests"), decisions.changeRequests},
        {QStringLiteral("conflicts"), decisions.conflictsAndRefused()}};
    for (int row = 0; row < m_nav->count(); ++row) {
        QListWidgetItem *item = m_nav->item(row);
        const int count = counts.value(item->data(Qt::UserRole).toString());
        if (item->data(NavBadgeDelegate::CountRole).toInt() == count)
            continue;
        item->setData(NavBadgeDelegate::CountRole, count);
        item->setToolTip(count > 0 ? tr("%n waiting for your decision", nullptr, count) : QString());
    }
}

void MainWindow::updateAccount()
{
    const AccountInfo account = m_session->account();
    const QString role = account.role;
    struct Entry
    {
        QString key;
        QString label;
        bool visible;
    };
    const bool manager = role == QLatin1String("manager") || role == QLatin1String("admin");
    // The workspaces that write come with the role's writes (the policy the server applies too); a file
    // nobody signed in to shows none of them.
    const protocol::RolePolicy policy = m_session->store()->policy();
    const auto writes = [&policy](const char *entity) {
        return policy.isRestricted() && policy.mayChange(QString::fromLatin1(entity));
    };
    const QList<Entry> entries {{QStringLiteral("today"), tr("Today"), true},
        {QStringLiteral("hcps"), tr("HCPs"), true}, {QStringLiteral("plan"), tr("Visit plan"), true},
        {QStringLiteral("visits"), tr("Visits"), true}, {QStringLiteral("meetings"), tr("Meetings"), true},
        {QStringLiteral("materials"), tr("Materials"),
            role == QLatin1String("rep") || role == QLatin1String("manager")},
        {QStringLiteral("dashboard"), tr("Dashboard"), manager},
        {QStringLiteral("territories"), tr("Territories"), writes("territory")},
        {QStringLiteral("masterdata"), tr("Master data"), writes("hcp")},
        {QStringLiteral("duplicates"), tr("Duplicate HCPs"), writes("hcp")},
        {QStringLiteral("changerequests"), tr("Change requests"), writes("change_request")},
        {QStringLiteral("conflicts"), tr("Conflicts"), true},
        {QStringLiteral("company"), tr("Company settings"), writes("setting")},
        {QStringLiteral("users"), tr("Users"), role == QLatin1String("admin")},
        {QStringLiteral("library"), tr("Library"), writes("material")}};
    const QString current = currentView();
    const QString navKey
        = m_nav->currentItem() ? m_nav->currentItem()->data(Qt::UserRole).toString() : QString();
    m_nav->blockSignals(true);
    m_nav->clear();
    for (QAction *a : std::as_const(m_viewActions))
        m_viewMenu->removeAction(a);
    qDeleteAll(m_viewActions);
    m_viewActions.clear();
    int shortcut = 1;
    for (const Entry &e : entries) {
        if (!e.visible)
            continue;
        auto *item = new QListWidgetItem(icons::view(e.key), e.label, m_nav);
        item->setData(Qt::UserRole, e.key);
        QAction *a = m_viewMenu->addAction(
            icons::view(e.key), e.label, this, [this, key = e.key] { showView(key); });
        a->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(shortcut++)));
        m_viewActions << a;
    }
    if (current == QLatin1String("hcp")) { // on a profile: the sidebar keeps the list it came from
        for (int row = 0; row < m_nav->count(); ++row) {
            if (m_nav->item(row)->data(Qt::UserRole).toString() == navKey)
                m_nav->setCurrentRow(row);
        }
    }
    m_nav->blockSignals(false);
    if (!showView(current))
        showView(QStringLiteral("hcps"));

    const QString who = account.displayName.isEmpty() ? account.user : account.displayName;
    m_account->setText(
        who.isEmpty() ? tr("Not signed in") : tr("%1 · %2").arg(who, Labels::role(account.role)));
    m_gate.apply(policy);
    m_hcps->applyPolicy();
    m_signInAction->setEnabled(!m_session->isSignedIn());
    m_signOutAction->setEnabled(m_session->isSignedIn());
    updateCounts();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(
        kViewKey, currentView() == QLatin1String("hcp") ? QStringLiteral("hcps") : currentView());
    QMainWindow::closeEvent(event);
}

} // namespace rounds
