// The window's side of "sync shortly after every save" (issue 19, points 4 and 12), offscreen against a
// real rounds-server on 127.0.0.1: a decision made in a view that never asked for a sync is synced a
// moment later; the sidebar counts what waits for the user's decision; with the server gone the status
// bar says Offline and when the last sync was, instead of "Syncing…"; the sign-in dialog grows to show
// the whole of a long error.
#include "e2e/faultproxy.h"
#include "e2e/syncclient.h"
#include "models/decisioncounts.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/sync/scriptedhttpserver.h"
#include "tests/ui/storesql.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/mainwindow/navbadgedelegate.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/signindialog.h"
#include "uitest.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

namespace {

using uitest::child;

// With ROUNDS_TEST_SHOTS=DIR, a picture of `widget` for review (docs/screenshots is refreshed by hand).
void shot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("ROUNDS_TEST_SHOTS");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png"));
}

QListWidgetItem *navItem(MainWindow &window, const QString &key)
{
    auto *nav = child<QListWidget>(&window, "navigationListWidget");
    for (int row = 0; nav && row < nav->count(); ++row) {
        if (nav->item(row)->data(Qt::UserRole).toString() == key)
            return nav->item(row);
    }
    return nullptr;
}

int badge(MainWindow &window, const QString &key)
{
    QListWidgetItem *item = navItem(window, key);
    return item ? item->data(NavBadgeDelegate::CountRole).toInt() : -1;
}

} // namespace

class TestAutoSyncUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInDialogGrowsToShowTheWholeError();
    void aDecisionInAViewIsSyncedAndTheBadgeFollows();
    void offlineSaysOfflineAndTheLastSync();
    void settingsSetTheLivePullInterval();

private:
    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    QString m_requestId;
};

void TestAutoSyncUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));

    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->createDemo(40, 40, 7));
    QVERIFY(m_server->start());
    m_proxy = std::make_unique<FaultProxy>(quint16(m_server->url().port()), 1);
    QVERIFY(m_proxy->isListening());

    // A rep proposes a correction from another laptop: it waits in SFE's queue.
    SyncClient rep;
    QVERIFY(rep.signIn(*m_server, m_server->url().toString(), m_home.path(), QStringLiteral("rep.sh01")));
    QVERIFY(rep.sync().ok);
    const WriteResult w = rep.store->create(QStringLiteral("change_request"),
        {{"territory_id", rep.territories.value(0)}, {"entity", "hcp"},
            {"record_id", rep.ids(QStringLiteral("hcp")).value(0)},
            {"fields", QJsonObject {{"phone", "13800000000"}}}, {"reason", "换号了"}, {"status", "open"}});
    QVERIFY2(w.ok, qPrintable(w.error));
    m_requestId = w.id;
    QVERIFY(rep.sync().ok);
}

void TestAutoSyncUi::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    m_proxy.reset();
    m_server.reset();
}

void TestAutoSyncUi::signInDialogGrowsToShowTheWholeError()
{
    // A server that wants a newer Rounds: the longest sentence sign-in can answer with.
    ScriptedHttpServer server;
    for (int i = 0; i < 3; ++i)
        server.enqueue({426, R"({"error":{"code":"upgrade_required","message":"x"}})", {}, false, false});
    Session session;
    SignInDialog dialog(&session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QSize before = dialog.size();
    auto *serverEdit = child<QLineEdit>(&dialog, "serverLineEdit");
    serverEdit->clear();
    QTest::keyClicks(serverEdit, server.url());
    auto *user = child<QLineEdit>(&dialog, "userLineEdit");
    user->clear();
    QTest::keyClicks(user, QStringLiteral("rep.sh01"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "passwordLineEdit"), QStringLiteral("whatever"));
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);

    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("newer version")), qPrintable(error->text()));
    QTest::qWait(50); // let a pending layout request run
    // Every line of the error fits in the label, the label in the dialog, and the buttons stay below it.
    const int needed = error->heightForWidth(error->width());
    QVERIFY2(
        error->height() >= needed, qPrintable(QStringLiteral("%1 < %2").arg(error->height()).arg(needed)));
    qInfo() << "error label" << error->size() << "needs" << needed << "dialog" << before << "->"
            << dialog.size();
    QVERIFY(needed > error->fontMetrics().height() * 3 / 2); // it does wrap: the check means something
    // …and so does every other wrapped text: the dialog grew instead of squeezing the introduction.
    for (QLabel *label : dialog.findChildren<QLabel *>()) {
        if (!label->isVisible() || !label->wordWrap())
            continue;
        const int hfw = label->heightForWidth(label->width());
        QVERIFY2(label->height() >= hfw,
            qPrintable(QStringLiteral("%1: %2 < %3").arg(label->objectName()).arg(label->height()).arg(hfw)));
    }
    const QRect inDialog(error->mapTo(&dialog, QPoint(0, 0)), error->size());
    QVERIFY(dialog.rect().contains(inDialog));
    auto *signIn = child<QPushButton>(&dialog, "signInButton");
    const QRect button(signIn->mapTo(&dialog, QPoint(0, 0)), signIn->size());
    QVERIFY(dialog.rect().contains(button));
    QVERIFY(button.top() >= inDialog.bottom());
    shot(&dialog, QStringLiteral("signin-error"));
    QVERIFY(dialog.height() >= before.height());
    QVERIFY(dialog.width() == before.width()); // it grows down, not sideways
}

void TestAutoSyncUi::aDecisionInAViewIsSyncedAndTheBadgeFollows()
{
    m_session = std::make_unique<Session>();
    QSignalSpy firstSync(m_session->engine(), &SyncEngine::syncFinished);
    const SignInResult signedIn = m_session->signIn(
        QUrl(m_proxy->url()), QStringLiteral("sfe"), QString::fromLatin1(ServerProcess::DemoPassword));
    QVERIFY2(signedIn.ok, qPrintable(signedIn.message));
    QVERIFY(firstSync.wait(60000));
    QVERIFY(firstSync.first().first().value<SyncSummary>().ok);
    SyncEngine *engine = m_session->engine();
    engine->setLivePullSeconds(0); // this test looks at the syncs saves cause
    engine->setSaveDelayMs(200);

    m_window = std::make_unique<MainWindow>(m_session.get());
    MainWindow &window = *m_window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Store *store = m_session->store();
    const int open
        = storesql::rows(store, QStringLiteral("SELECT count(*) FROM change_request WHERE status = 'open'"))
              .value(0)
              .value(0)
              .toInt();
    QVERIFY(open >= 1);
    // The sidebar counts the open requests, and says so to a screen reader and in a tooltip.
    QCOMPARE(badge(window, QStringLiteral("changerequests")), open);
    QVERIFY(navItem(window, QStringLiteral("changerequests"))->toolTip().contains(QString::number(open)));
    QCOMPARE(badge(window, QStringLiteral("hcps")), 0);
    shot(&window, QStringLiteral("sfe-badge"));

    // SFE approves it in the view; nobody presses "Sync".
    QVERIFY(window.showView(QStringLiteral("changerequests")));
    auto *table = child<QTableWidget>(&window, "changeRequestsTableWidget");
    QVERIFY(table && table->rowCount() >= 1);
    table->setCurrentCell(0, 0);
    QSignalSpy started(engine, &SyncEngine::syncStarted);
    QSignalSpy finished(engine, &SyncEngine::syncFinished);
    QTest::mouseClick(child<QPushButton>(&window, "approveButton"), Qt::LeftButton);
    QTRY_COMPARE(badge(window, QStringLiteral("changerequests")), open - 1); // at once, from the store
    QVERIFY(store->pendingCount() >= 1);
    QVERIFY(started.wait(5000)); // the save-delay sync
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.last().first().value<SyncSummary>().ok);
    QCOMPARE(store->pendingCount(), 0);
    QCOMPARE(badge(window, QStringLiteral("changerequests")), decisionCounts(*store).changeRequests);
}

void TestAutoSyncUi::offlineSaysOfflineAndTheLastSync()
{
    QVERIFY(m_window);
    MainWindow &window = *m_window;
    SyncEngine *engine = m_session->engine();
    auto *state = child<QLabel>(&window, "syncStateLabel");
    QVERIFY(state->text().contains(QStringLiteral("Last sync")));

    // The server goes away; F5.
    const quint16 port = quint16(QUrl(m_proxy->url()).port());
    m_proxy->close();
    QSignalSpy finished(engine, &SyncEngine::syncFinished);
    window.findChild<QAction *>(QStringLiteral("syncNowAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(state->text().startsWith(QStringLiteral("Offline")), 5000);
    QVERIFY2(state->text().contains(QStringLiteral("Last sync")), qPrintable(state->text()));
    QVERIFY(engine->isSyncing()); // still trying behind the scenes…
    // …and the status bar never goes back to "Syncing…" while it does.
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(100);
        QVERIFY2(!state->text().contains(QStringLiteral("Syncing")), qPrintable(state->text()));
    }
    QVERIFY(!child<QWidget>(&window, "syncProgressBar")->isVisible());
    shot(&window, QStringLiteral("offline-statusbar"));
    engine->cancel();
    QVERIFY(finished.wait(30000));
    QVERIFY2(state->text().startsWith(QStringLiteral("Offline")), qPrintable(state->text()));

    // Back online: the next sync clears it.
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, port));
    finished.clear();
    window.findChild<QAction *>(QStringLiteral("syncNowAction"))->trigger();
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.last().first().value<SyncSummary>().ok);
    QVERIFY(!engine->isOffline());
    QVERIFY2(!state->text().contains(QStringLiteral("Offline")), qPrintable(state->text()));
}

void TestAutoSyncUi::settingsSetTheLivePullInterval()
{
    QVERIFY(m_session);
    QCOMPARE(preferences::livePullSeconds(), preferences::DefaultLivePullSeconds);
    SettingsDialog dialog(m_session.get());
    child<QTabWidget>(&dialog, "settingsTabs")->setCurrentIndex(1);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *spin = child<QSpinBox>(&dialog, "livePullSpinBox");
    QVERIFY(spin && spin->isVisible());
    QCOMPARE(spin->value(), preferences::DefaultLivePullSeconds);
    shot(&dialog, QStringLiteral("settings-sync"));
    spin->setValue(30);
    dialog.apply(); // true only when the language changed
    QCOMPARE(preferences::livePullSeconds(), 30);
    QCOMPARE(m_session->engine()->livePullSeconds(), 30);
    spin->setValue(0); // "Off"
    dialog.apply(); // true only when the language changed
    QVERIFY(!m_session->engine()->isLivePullScheduled());
}

QTEST_MAIN(TestAutoSyncUi)
#include "tst_autosyncui.moc"
