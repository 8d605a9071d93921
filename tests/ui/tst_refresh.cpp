// Views that stay current: the real main window against a real rounds-server on 127.0.0.1 (offscreen).
// Nothing here calls a view's reload: every view follows the store through its StoreWatcher, whoever
// wrote (the visit dialog, the sync engine's first pull, a burst of local saves).
#include "e2e/faultproxy.h"
#include "models/storewatcher.h"
#include "models/visitlistmodel.h"
#include "server/serverprocess.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/ui/storesql.h"
#include "ui/common/listpage.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/history/historyview.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/territories/territoryview.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QComboBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeView>
#include <QTreeWidget>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

namespace {

using uitest::child;

// The coalescing watchers of a window (item models follow every notification at once, by design).
QList<StoreWatcher *> viewWatchers(QObject *window)
{
    QList<StoreWatcher *> out;
    for (StoreWatcher *w : window->findChildren<StoreWatcher *>()) {
        if (w->delivery() == StoreWatcher::Delivery::Coalesced)
            out << w;
    }
    return out;
}

QString describe(StoreWatcher *w)
{
    return QStringLiteral("%1 watching %2")
        .arg(QString::fromLatin1(w->parent()->metaObject()->className()),
            w->entities().join(QLatin1Char(',')));
}

} // namespace

class TestRefresh : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void aLoggedVisitShowsInVisitsAtOnce();
    void aBurstOfSavesRefreshesEachViewOnce();
    void theFirstSyncFillsTheSfeAndManagerViews();
    void peopleAreShownByName();

private:
    // Signs in through the Session (as the sign-in dialog does) and builds the window at once, before
    // the first sync's pages can arrive: the proxy that carries them runs on this thread.
    std::unique_ptr<MainWindow> signInAndOpen(Session &session, const QString &user);
    bool waitForSync(Session &session, int ms = 60000);

    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;
};

void TestRefresh::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsRefresh");

    m_server = std::make_unique<ServerProcess>();
    // Enough visits that a rep's list holds more than one page (100 rows) of them.
    QVERIFY(m_server->createDemo(200, 2400, 11));
    QVERIFY(m_server->start());
    m_proxy = std::make_unique<FaultProxy>(quint16(m_server->url().port()), 1);
    QVERIFY(m_proxy->isListening());
}

void TestRefresh::cleanupTestCase()
{
    m_proxy.reset();
    m_server.reset();
}

bool TestRefresh::waitForSync(Session &session, int ms)
{
    QSignalSpy finished(session.engine(), &SyncEngine::syncFinished);
    if (!finished.wait(ms))
        return false;
    return finished.first().first().value<SyncSummary>().ok;
}

std::unique_ptr<MainWindow> TestRefresh::signInAndOpen(Session &session, const QString &user)
{
    const SignInResult signedIn
        = session.signIn(QUrl(m_proxy->url()), user, QString::fromLatin1(ServerProcess::DemoPassword));
    if (!signedIn.ok) {
        qWarning() << "sign-in failed:" << signedIn.message;
        return {};
    }
    auto window = std::make_unique<MainWindow>(&session);
    window->show();
    return window;
}

void TestRefresh::aLoggedVisitShowsInVisitsAtOnce()
{
    Session session;
    auto window = signInAndOpen(session, QStringLiteral("rep.sh01"));
    QVERIFY(window);
    QVERIFY(waitForSync(session));
    session.engine()->setSaveDelayMs(3600 * 1000); // this test is about the views, not the next sync
    Store *store = session.store();

    QVERIFY(window->showView(QStringLiteral("visits")));
    PagedTableModel *visits = window->visitsPage()->model();
    // More than a page: a new visit must go on top, not be taken for a row beyond the loaded window.
    QTRY_VERIFY(visits->rowCount() > 0);
    QVERIFY2(visits->canFetchMore({}), "the rep needs more than one page of visits for this test");
    const int before = visits->rowCount();

    const QString hcpId
        = storesql::rows(store, QStringLiteral("SELECT hcp_id FROM alignment ORDER BY hcp_id LIMIT 1"))
              .value(0)
              .value(0)
              .toString();
    QVERIFY(!hcpId.isEmpty());
    VisitDialog *dialog = window->openVisitDialog(hcpId);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    auto *product = child<QComboBox>(dialog, "productComboBox");
    QVERIFY(product->count() > 1);
    product->setCurrentIndex(1);
    child<QComboBox>(dialog, "supportLevelComboBox")->setCurrentIndex(3);
    child<QPlainTextEdit>(dialog, "feedbackTextEdit")->setPlainText(QStringLiteral("刚刚拜访"));
    QSignalSpy saved(dialog, &VisitDialog::visitSaved);
    QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    const QString visitId = dialog->visitId();
    dialog->close();

    // The newest visit, on top of the list, with nobody asking the list to reload.
    QTRY_COMPARE(visits->rowOfId(visitId), 0);
    QCOMPARE(visits->rowCount(), before + 1);
    QVERIFY(visits->data(visits->index(0, 0), VisitListModel::PendingRole).toBool());
}

void TestRefresh::aBurstOfSavesRefreshesEachViewOnce()
{
    Session session;
    auto window = signInAndOpen(session, QStringLiteral("rep.sh02"));
    QVERIFY(window);
    QVERIFY(waitForSync(session));
    session.engine()->setSaveDelayMs(3600 * 1000);
    QTest::qWait(50); // let the last sync's refreshes run
    Store *store = session.store();

    const QList<StoreWatcher *> watchers = viewWatchers(window.get());
    QVERIFY(watchers.size() >= 10);
    QHash<StoreWatcher *, int> before;
    for (StoreWatcher *w : watchers)
        before.insert(w, w->deliveries());

    // Forty plans saved in one go (as a week planned at once would be): forty notifications…
    const QList<QVariantList> hcps = storesql::rows(store,
        QStringLiteral(
            "SELECT hcp_id, min(territory_id) FROM alignment GROUP BY hcp_id ORDER BY hcp_id LIMIT 40"));
    QVERIFY(hcps.size() >= 10);
    QSignalSpy notified(store, &Store::recordsChanged);
    const QDateTime day = QDateTime(QDate::currentDate().addDays(1), QTime(9, 0));
    for (int i = 0; i < hcps.size(); ++i) {
        const WriteResult w = store->create(QStringLiteral("visit_plan"),
            {{QStringLiteral("hcp_id"), hcps.at(i).value(0).toString()},
                {QStringLiteral("territory_id"), hcps.at(i).value(1).toString()},
                {QStringLiteral("planned_at"), day.addSecs(i * 600).toUTC().toString(Qt::ISODate)},
                {QStringLiteral("status"), QStringLiteral("planned")}});
        QVERIFY2(w.ok, qPrintable(w.error));
    }
    QCOMPARE(notified.count(), hcps.size());
    QTest::qWait(100);

    // …and each view that shows plans (or counts changes) refreshed once.
    int refreshed = 0;
    for (StoreWatcher *w : watchers) {
        const int runs = w->deliveries() - before.value(w);
        QVERIFY2(runs <= 1, qPrintable(describe(w) + QStringLiteral(": %1 refreshes").arg(runs)));
        if (w->entities().isEmpty() || w->entities().contains(QStringLiteral("visit_plan"))) {
            QVERIFY2(runs == 1 || w->hasPending(), qPrintable(describe(w)));
            refreshed += runs;
        }
    }
    QVERIFY(refreshed >= 3); // Today, the plan calendar, the window's counts, Conflicts at least
}

void TestRefresh::theFirstSyncFillsTheSfeAndManagerViews()
{
    // The SFE analyst: the territory tree, the "Move to" list and the institution picker.
    {
        Session session;
        auto window = signInAndOpen(session, QStringLiteral("sfe"));
        QVERIFY(window);
        auto *territories = window->findChild<TerritoryView *>();
        QVERIFY(territories);
        auto *tree = child<QTreeView>(territories, "territoryTreeView");
        auto *institutions = child<QComboBox>(territories, "institutionComboBox");
        auto *moveTo = child<QComboBox>(territories, "moveTerritoryComboBox");
        // Built on an empty store: the first sync has not delivered anything yet.
        QCOMPARE(tree->model()->rowCount(), 0);
        QCOMPARE(institutions->count(), 0);
        QCOMPARE(moveTo->count(), 0);

        QSignalSpy notified(session.store(), &Store::recordsChanged);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(waitForSync(session));
        const qint64 took = clock.elapsed();
        QTRY_VERIFY(tree->model()->rowCount() > 0);
        QTRY_VERIFY(institutions->count() > 0);
        QTRY_VERIFY(moveTo->count() > 0);

        // The pages of the sync reached the views merged: a view refreshed once, or once per interval
        // of a long first sync, never once per page.
        QVERIFY(notified.count() > 0);
        for (StoreWatcher *w : viewWatchers(window.get()))
            QVERIFY2(w->deliveries() <= 2 + took / 1500, qPrintable(describe(w)));
    }
    // The district manager: the scope list of the dashboard.
    {
        Session session;
        auto window = signInAndOpen(session, QStringLiteral("manager.sh"));
        QVERIFY(window);
        auto *scope = child<QComboBox>(window.get(), "scopeComboBox");
        QCOMPARE(scope->count(), 1); // "Everything on this computer" only
        QVERIFY(waitForSync(session));
        // The dashboard reads the store when it is looked at (its changes wait while it is hidden).
        QVERIFY(window->showView(QStringLiteral("dashboard")));
        QTRY_VERIFY(scope->count() > 3);
        QStringList labels;
        for (int i = 0; i < scope->count(); ++i)
            labels << scope->itemText(i);
        QVERIFY2(
            labels.join(QLatin1Char('|')).contains(QStringLiteral("刘洋")), qPrintable(labels.join(u'|')));
    }
}

void TestRefresh::peopleAreShownByName()
{
    Session session;
    auto window = signInAndOpen(session, QStringLiteral("manager.sh"));
    QVERIFY(window);
    QVERIFY(waitForSync(session));
    Store *store = session.store();
    const QList<QVariantList> rep = storesql::rows(
        store, QStringLiteral("SELECT id, username, display_name FROM \"user\" WHERE username = 'rep.sh01'"));
    QCOMPARE(rep.size(), 1);
    const QString repId = rep.first().value(0).toString();
    const QString name = rep.first().value(2).toString();
    QCOMPARE(name, QStringLiteral("张伟"));

    // A rep picked on the dashboard (a click on their bar) shows as a name, never as a login.
    auto *dashboard = window->findChild<DashboardView *>();
    auto *scope = child<QComboBox>(dashboard, "scopeComboBox");
    const int index = scope->findData(QStringLiteral("rep.sh01"));
    if (index >= 0)
        scope->removeItem(index); // as for a rep the territory tree does not list
    dashboard->setScope(QStringLiteral("rep.sh01"));
    QCOMPARE(scope->currentData().toString(), QStringLiteral("rep.sh01"));
    QCOMPARE(scope->currentText(), name);

    // History: the server no longer names a user it has forgotten; the laptop still knows them.
    HistoryView history(&session);
    HistoryResult r;
    r.status = HistoryResult::Ok;
    protocol::HistoryEntry e;
    e.at = QStringLiteral("2026-10-01T02:00:00Z");
    e.userId = repId;
    e.op = QStringLiteral("update");
    r.page.entries << e;
    history.show(r);
    auto *tree = history.findChild<QTreeWidget *>();
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItem(0)->text(1), name);
}

QTEST_MAIN(TestRefresh)
#include "tst_refresh.moc"
