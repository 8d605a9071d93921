// The real main window against a real rounds-server on 127.0.0.1, driven through object names: sign in,
// find a doctor by a Chinese substring, log and submit a visit with the server down, see it wait, bring
// the server back, sync, see it acknowledged; then resolve conflicts every way the view offers.
#include "e2e/faultproxy.h"
#include "models/conflictlistmodel.h"
#include "models/hcplistmodel.h"
#include "models/store.h"
#include "models/visitlistmodel.h"
#include "server/serverprocess.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/ui/storesql.h"
#include "ui/common/listpage.h"
#include "ui/common/prompter.h"
#include "ui/conflicts/conflictsview.h"
#include "ui/hcp/hcplistview.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/plan/plancalendarview.h"
#include "ui/plan/plandaylist.h"
#include "ui/signin/signindialog.h"
#include "ui/today/todayview.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QInputMethodEvent>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

namespace {

const QString kRep = QStringLiteral("rep.sh01");

// Answers the window's questions as a test script says.
class ScriptedPrompter final : public Prompter
{
public:
    bool confirmAnswer = true;
    std::optional<QString> textAnswer;
    QStringList asked;

    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked << text;
        return confirmAnswer;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &label, const QString &) override
    {
        asked << label;
        return textAnswer;
    }
    void inform(QWidget *, const QString &, const QString &text) override { asked << text; }
};

// Text as a Chinese input method commits it (key events cannot carry 张 or 医).
void typeCommitted(QWidget *widget, const QString &text)
{
    widget->setFocus();
    QInputMethodEvent event;
    event.setCommitString(text);
    QApplication::sendEvent(widget, &event);
}

using uitest::child;

QDateTime parseTime(const QJsonValue &v)
{
    return QDateTime::fromString(v.toString(), Qt::ISODate);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signInShowsErrorsNextToTheForm();
    void signInFindLogOfflineAndSync();
    void offlineStartOpensTheLastAccount();
    void resolveConflictsEveryWay();
    void profileTagsCorrectionsAndTheCalendar();
    void refusedChangesShowTheServersReason();
    void signOutKeepsTheDataAndSignsBackIn();
    void aDraftReopensEditableAndSubmitsLater();
    void theSidebarFollowsTheRole();
    void windowStateIsRestored();

private:
    bool syncAndWait(MainWindow &window, SyncSummary *summary = nullptr);
    QJsonObject serverRecord(const QString &entity, const QString &id);

    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<Session> m_session;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_home.isValid());
    // Settings and the per-account databases go to a fresh folder, never the developer's own.
    uitest::useHome(m_home, "Rounds");

    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->createDemo(120, 300, 5));
    QVERIFY(m_server->start());
    // The window talks to a fixed address; a restarted server gets a new port behind it.
    m_proxy = std::make_unique<FaultProxy>(quint16(m_server->url().port()), 1);
    QVERIFY(m_proxy->isListening());
}

void TestMainWindow::cleanupTestCase()
{
    m_session.reset();
    m_proxy.reset();
    m_server.reset();
}

bool TestMainWindow::syncAndWait(MainWindow &window, SyncSummary *summary)
{
    QSignalSpy finished(window.session()->engine(), &SyncEngine::syncFinished);
    QAction *sync = window.findChild<QAction *>(QStringLiteral("syncNowAction"));
    if (!sync || !sync->isEnabled())
        return false;
    sync->trigger();
    if (!finished.wait(60000))
        return false;
    const SyncSummary s = finished.first().first().value<SyncSummary>();
    if (summary)
        *summary = s;
    if (!s.ok)
        qWarning() << "sync failed:" << s.error.message;
    return s.ok;
}

QJsonObject TestMainWindow::serverRecord(const QString &entity, const QString &id)
{
    const QString token = m_server->login(kRep);
    for (const QJsonObject &r : recordsOf(m_server->pullAll(token).changes, entity)) {
        if (r.value(QLatin1String("id")).toString() == id)
            return r;
    }
    return {};
}

void TestMainWindow::signInShowsErrorsNextToTheForm()
{
    Session session;
    SignInDialog dialog(&session);
    dialog.show();
    auto *server = child<QLineEdit>(&dialog, "serverLineEdit");
    auto *user = child<QLineEdit>(&dialog, "userLineEdit");
    auto *password = child<QLineEdit>(&dialog, "passwordLineEdit");
    QVERIFY(server && user && password);

    // Nothing typed: each field says what it needs; nothing is sent.
    server->clear();
    user->clear();
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(&dialog, "serverErrorLabel")->isVisible());
    QVERIFY(child<QLabel>(&dialog, "userErrorLabel")->isVisible());
    QVERIFY(child<QLabel>(&dialog, "passwordErrorLabel")->isVisible());
    QVERIFY(!session.isOpen());

    // A wrong password: the server's answer under the form, no account database left behind.
    QTest::keyClicks(server, m_proxy->url());
    QTest::keyClicks(user, kRep);
    QTest::keyClicks(password, QStringLiteral("not-the-password"));
    QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
    auto *error = child<QLabel>(&dialog, "errorLabel");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("password")), qPrintable(error->text()));
    QVERIFY(!child<QLabel>(&dialog, "serverErrorLabel")->isVisible());
    QVERIFY(dialog.result() != QDialog::Accepted);
    QVERIFY(!session.isSignedIn());
    QVERIFY(!QFileInfo::exists(Session::databasePathFor(QUrl(m_proxy->url()), kRep)));
}

void TestMainWindow::signInFindLogOfflineAndSync()
{
    m_session = std::make_unique<Session>();
    {
        SignInDialog dialog(m_session.get());
        dialog.show();
        auto *server = child<QLineEdit>(&dialog, "serverLineEdit");
        server->clear();
        QTest::keyClicks(server, m_proxy->url());
        auto *user = child<QLineEdit>(&dialog, "userLineEdit");
        user->clear();
        QTest::keyClicks(user, kRep);
        QTest::keyClicks(
            child<QLineEdit>(&dialog, "passwordLineEdit"), QString::fromLatin1(ServerProcess::DemoPassword));
        QSignalSpy firstSync(m_session->engine(), &SyncEngine::syncFinished);
        QTest::mouseClick(child<QPushButton>(&dialog, "signInButton"), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QVERIFY(m_session->isSignedIn());
        QVERIFY(firstSync.wait(60000));
        QVERIFY(firstSync.first().first().value<SyncSummary>().ok);
    }
    // Server and user are remembered; the password and token are not.
    QSettings settings;
    QCOMPARE(Session::lastUser(), kRep);
    QCOMPARE(Session::lastServer(), QUrl(m_proxy->url()));
    for (const QString &key : settings.allKeys())
        QVERIFY2(!settings.value(key).toString().contains(QLatin1String(ServerProcess::DemoPassword)),
            qPrintable(key));

    MainWindow window(m_session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    Store *store = m_session->store();
    QCOMPARE(child<QLabel>(&window, "accountLabel")->text().contains(QStringLiteral("张伟")), true);
    // A rep sees no dashboard and no territories.
    auto *nav = child<QListWidget>(&window, "navigationListWidget");
    QStringList views;
    for (int i = 0; i < nav->count(); ++i)
        views << nav->item(i)->data(Qt::UserRole).toString();
    QVERIFY(views.contains(QStringLiteral("hcps")) && views.contains(QStringLiteral("conflicts")));
    QVERIFY(!views.contains(QStringLiteral("dashboard")) && !views.contains(QStringLiteral("territories")));

    // Find a doctor by two characters of the middle of a Chinese name, typed in the global search.
    const QList<QVariantList> named = storesql::rows(store,
        QStringLiteral("SELECT id, full_name FROM hcp WHERE length(full_name) >= 3 ORDER BY id LIMIT 1"));
    QVERIFY(!named.isEmpty());
    const QString hcpId = named.first().value(0).toString();
    const QString piece = named.first().value(1).toString().mid(1, 2);
    QTest::keySequence(&window, QKeySequence(Qt::CTRL | Qt::Key_K));
    auto *search = child<QLineEdit>(&window, "globalSearchLineEdit");
    QVERIFY(search->hasFocus());
    typeCommitted(search, piece);
    QCOMPARE(window.currentView(), QStringLiteral("hcps"));
    HcpListView *hcps = window.hcpListView();
    QAbstractItemModelTester tester(hcps->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int row = hcps->model()->rowOfId(hcpId);
    QVERIFY2(row >= 0, qPrintable(piece));
    for (int r = 0; r < hcps->model()->rowCount(); ++r)
        QVERIFY(hcps->model()->data(hcps->model()->index(r, HcpListModel::Name)).toString().contains(piece));
    hcps->table()->selectRow(row);

    // The server goes away. Logging the visit must not care.
    m_session->engine()->setSaveDelayMs(3600 * 1000);
    QCOMPARE(m_server->stop(), 0);
    const int pendingBefore = store->pendingCount();
    QTest::mouseClick(child<QPushButton>(hcps, "logVisitButton"), Qt::LeftButton);
    auto *dialog = window.findChild<VisitDialog *>();
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QVERIFY(qAbs(child<QDateTimeEdit>(dialog, "visitedAtDateTimeEdit")
                     ->dateTime()
                     .secsTo(QDateTime::currentDateTime()))
        < 120);

    // Submitting an empty call report: the messages sit next to their fields, nothing is saved.
    QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
    QVERIFY(child<QLabel>(dialog, "productsErrorLabel")->isVisible());
    QVERIFY(child<QLabel>(dialog, "supportLevelErrorLabel")->isVisible());
    QVERIFY(!child<QLabel>(dialog, "visitedAtErrorLabel")->isVisible());
    QCOMPARE(store->pendingCount(), pendingBefore);
    QVERIFY(dialog->visitId().isEmpty());

    auto *product = child<QComboBox>(dialog, "productComboBox");
    QVERIFY(product->count() > 1);
    product->setCurrentIndex(1);
    // No key message is chosen for the rep: the one they delivered is theirs to pick.
    QCOMPARE(child<QComboBox>(dialog, "keyMessageComboBox")->currentIndex(), -1);
    child<QComboBox>(dialog, "supportLevelComboBox")->setCurrentIndex(4);
    child<QPlainTextEdit>(dialog, "feedbackTextEdit")
        ->setPlainText(QStringLiteral("关注老年患者的安全性数据"));
    QTest::keyClicks(child<QLineEdit>(dialog, "followUpLineEdit"), QStringLiteral("Bring the study"));
    QSignalSpy saved(dialog, &VisitDialog::visitSaved);
    QElapsedTimer clock;
    clock.start();
    QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);
    QVERIFY2(clock.elapsed() < 2000, "saving waited on something"); // never on the network
    QCOMPARE(saved.count(), 1);
    const QString visitId = dialog->visitId();
    QVERIFY(!visitId.isEmpty());
    QVERIFY(dialog->isReadOnly());
    QVERIFY(child<QLabel>(dialog, "statusBadgeLabel")->text().contains(QStringLiteral("Submitted")));
    QVERIFY(!child<QPushButton>(dialog, "submitButton")->isEnabled());
    QVERIFY(!child<QComboBox>(dialog, "productComboBox")->isEnabled());
    QCOMPARE(
        store->record(QStringLiteral("visit"), visitId)->fields.value(QLatin1String("status")).toString(),
        QStringLiteral("submitted"));
    QCOMPARE(store->pendingCount(), pendingBefore + 2); // the visit and its product detail
    dialog->close();

    // It waits, and the window says so.
    QTRY_VERIFY(child<QLabel>(&window, "pendingLabel")->text().contains(QString::number(pendingBefore + 2)));
    QVERIFY(window.showView(QStringLiteral("visits")));
    PagedTableModel *visits = window.visitsPage()->model();
    QTRY_VERIFY(visits->rowOfId(visitId) >= 0);
    QVERIFY(visits->data(visits->index(visits->rowOfId(visitId), 0), VisitListModel::PendingRole).toBool());
    // …and the table marks the row.
    QAbstractItemModel *shown = window.visitsPage()->table()->model();
    QVERIFY(!shown->data(shown->index(visits->rowOfId(visitId), 0), Qt::DecorationRole).isNull());

    // The server comes back (on another port, behind the same address); F5 syncs.
    QVERIFY(m_server->start());
    m_proxy->setUpstreamPort(quint16(m_server->url().port()));
    SyncSummary summary;
    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.pushed, pendingBefore + 2);
    QCOMPARE(store->pendingCount(), 0);
    QTRY_VERIFY(
        !visits->data(visits->index(visits->rowOfId(visitId), 0), VisitListModel::PendingRole).toBool());
    QTRY_VERIFY(!child<QLabel>(&window, "pendingLabel")->text().contains(QString::number(pendingBefore + 2)));
    QVERIFY(child<QLabel>(&window, "syncStateLabel")->text().size() > 0);
    // The HCP list counts the visit against this month's target.
    QAbstractItemModel *shownHcps = hcps->table()->model();
    const QString cycle
        = shownHcps->data(shownHcps->index(hcps->model()->rowOfId(hcpId), HcpListModel::LastVisit))
              .toString();
    QVERIFY2(cycle.contains(QStringLiteral("1/")) || cycle.contains(QStringLiteral("1 this month")),
        qPrintable(cycle));
    const QJsonObject onServer = serverRecord(QStringLiteral("visit"), visitId);
    QCOMPARE(onServer.value(QLatin1String("status")).toString(), QStringLiteral("submitted"));
    QCOMPARE(onServer.value(QLatin1String("hcp_id")).toString(), hcpId);
    QCOMPARE(onServer.value(QLatin1String("support_level")).toInt(), 4);
}

void TestMainWindow::offlineStartOpensTheLastAccount()
{
    QVERIFY(m_session);
    const QString path = m_session->store()->path();
    m_session.reset();
    m_proxy->close(); // no network at all

    Session session;
    QVERIFY(session.restoreLastAccount());
    QCOMPARE(session.store()->path(), path);
    QCOMPARE(session.account().user, kRep);
    MainWindow window(&session);
    window.show();
    QVERIFY(window.hcpListView()->model()->rowCount() > 0);
    const QString state = child<QLabel>(&window, "syncStateLabel")->text();
    if (qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING")) {
        QVERIFY(session.isSignedIn()); // the token came back from the keychain
    } else {
        // No keychain: the token lived in memory for the last run only. The data is all here anyway.
        QVERIFY(!session.isSignedIn());
        QVERIFY2(state.contains(QStringLiteral("signed out")), qPrintable(state));
    }
    QVERIFY(m_proxy->listen(QHostAddress::LocalHost, QUrl(Session::lastServer()).port()));
}

void TestMainWindow::resolveConflictsEveryWay()
{
    m_session = std::make_unique<Session>();
    QVERIFY(m_session->restoreLastAccount());
    if (!m_session->isSignedIn()) {
        QSignalSpy synced(m_session->engine(), &SyncEngine::syncFinished);
        QVERIFY(
            m_session->signIn(Session::lastServer(), kRep, QString::fromLatin1(ServerProcess::DemoPassword))
                .ok);
        QVERIFY(synced.wait(60000));
    }
    m_session->engine()->setSaveDelayMs(3600 * 1000);
    Store *store = m_session->store();
    MainWindow window(m_session.get());
    window.show();

    // Three planned visits moved here and, differently, by the same rep on another device.
    const QList<QVariantList> plans = storesql::rows(store,
        QStringLiteral(
            "SELECT id, planned_at, version FROM visit_plan WHERE status = 'planned' ORDER BY id LIMIT 3"));
    QCOMPARE(plans.size(), 3);
    QStringList ids;
    QList<QDateTime> mine, theirs;
    QJsonArray mutations;
    for (const QVariantList &p : plans) {
        const QString id = p.value(0).toString();
        const QDateTime old = QDateTime::fromString(p.value(1).toString(), Qt::ISODate);
        ids << id;
        mine << old.addDays(1);
        theirs << old.addDays(2);
        QVERIFY(
            store->update(
                     QStringLiteral("visit_plan"), id, {{QStringLiteral("planned_at"), iso(mine.last())}})
                .ok);
        mutations.append(
            mutation(QStringLiteral("visit_plan"), id, {{QStringLiteral("planned_at"), iso(theirs.last())}},
                p.value(2).toLongLong(), {{QStringLiteral("planned_at"), p.value(1).toString()}}));
    }
    const HttpReply pushed = m_server->push(m_server->login(kRep), mutations);
    QCOMPARE(pushed.status, 200);

    SyncSummary summary;
    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.conflicts, 3);
    auto *badge = child<QToolButton>(&window, "conflictsBadgeButton");
    QTRY_VERIFY(badge->isVisible());
    QVERIFY(badge->text().contains(QLatin1Char('3')));
    QTest::mouseClick(badge, Qt::LeftButton);
    QCOMPARE(window.currentView(), QStringLiteral("conflicts"));

    ConflictsView *view = window.conflictsView();
    ConflictListModel *model = view->model();
    QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model->rowCount(), 3);
    auto rowOf = [&](const QString &planId) {
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->data(model->index(r, 0), ConflictListModel::RecordIdRole).toString() == planId)
                return r;
        }
        return -1;
    };
    // Base / mine / theirs side by side.
    view->selectRow(rowOf(ids.at(0)));
    const QString mineText = child<QLabel>(view, "mineValueLabel")->text();
    const QString theirsText = child<QLabel>(view, "theirsValueLabel")->text();
    QVERIFY2(!mineText.isEmpty() && mineText != theirsText,
        qPrintable(mineText + QStringLiteral(" / ") + theirsText));
    QVERIFY(!child<QLabel>(view, "baseValueLabel")->text().isEmpty());
    // The values as a person reads them (a local date and time), not the ledger's JSON.
    QVERIFY2(
        !mineText.contains(QLatin1Char('"')) && !mineText.contains(QLatin1Char('[')), qPrintable(mineText));

    QTest::mouseClick(child<QPushButton>(view, "keepMineButton"), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 2);
    view->selectRow(rowOf(ids.at(1)));
    QTest::mouseClick(child<QPushButton>(view, "takeTheirsButton"), Qt::LeftButton);
    QTRY_COMPARE(model->rowCount(), 1);
    ScriptedPrompter prompter;
    const QDateTime typed = QDateTime(QDate(2030, 1, 7), QTime(9, 30), Qt::UTC);
    prompter.textAnswer = iso(typed);
    Prompter::setInstance(&prompter);
    view->selectRow(rowOf(ids.at(2)));
    QTest::mouseClick(child<QPushButton>(view, "editValueButton"), Qt::LeftButton);
    Prompter::setInstance(nullptr);
    QCOMPARE(prompter.asked.size(), 1);
    QTRY_COMPARE(model->rowCount(), 0);
    QTRY_VERIFY(!badge->isVisible());

    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.conflicts, 0);
    QCOMPARE(store->pendingCount(), 0);
    const QList<QDateTime> expected {mine.at(0), theirs.at(1), typed};
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(
            parseTime(
                serverRecord(QStringLiteral("visit_plan"), ids.at(i)).value(QLatin1String("planned_at"))),
            expected.at(i));
        QCOMPARE(parseTime(store->record(QStringLiteral("visit_plan"), ids.at(i))
                               ->fields.value(QLatin1String("planned_at"))),
            expected.at(i));
    }
}

void TestMainWindow::profileTagsCorrectionsAndTheCalendar()
{
    QVERIFY(m_session);
    Store *store = m_session->store();
    MainWindow window(m_session.get());
    window.show();
    const QList<QVariantList> busiest = storesql::rows(store,
        QStringLiteral(
            "SELECT v.hcp_id, count(*), h.full_name, h.phone FROM visit v JOIN hcp h ON h.id = v.hcp_id "
            "GROUP BY v.hcp_id ORDER BY count(*) DESC, v.hcp_id LIMIT 2"));
    QCOMPARE(busiest.size(), 2);
    const QString hcpId = busiest.at(0).value(0).toString();
    const QString otherId = busiest.at(1).value(0).toString();

    // The profile: identity, every visit on the timeline.
    window.showHcp(hcpId);
    QCOMPARE(window.currentView(), QStringLiteral("hcp"));
    HcpProfileView *profile = window.hcpProfileView();
    QCOMPARE(child<QLabel>(profile, "hcpNameLabel")->text(), busiest.at(0).value(2).toString());
    QVERIFY(
        child<QTableWidget>(profile, "timelineTableWidget")->rowCount() >= busiest.at(0).value(1).toInt());

    // A tag, typed in Chinese.
    typeCommitted(child<QLineEdit>(profile, "tagLineEdit"), QStringLiteral("学术带头人"));
    QTest::mouseClick(child<QPushButton>(profile, "addTagButton"), Qt::LeftButton);
    auto *tags = child<QListWidget>(profile, "tagsListWidget");
    QVERIFY(!tags->findItems(QStringLiteral("学术带头人"), Qt::MatchContains).isEmpty());

    // A correction is a change request; the master data stays as it is.
    child<QComboBox>(profile, "correctionFieldComboBox")->setCurrentIndex(2); // phone
    QTest::keyClicks(child<QLineEdit>(profile, "correctionValueLineEdit"), QStringLiteral("13800001234"));
    QTest::keyClicks(child<QLineEdit>(profile, "correctionReasonLineEdit"), QStringLiteral("new mobile"));
    QTest::mouseClick(child<QPushButton>(profile, "proposeCorrectionButton"), Qt::LeftButton);
    const QList<QVariantList> requests = storesql::rows(store,
        QStringLiteral("SELECT id, fields FROM change_request WHERE record_id = ?1 AND status = 'open'"),
        {hcpId});
    QCOMPARE(requests.size(), 1);
    QCOMPARE(QJsonDocument::fromJson(requests.first().value(1).toString().toUtf8()).object(),
        QJsonObject({{QStringLiteral("phone"), QStringLiteral("13800001234")}}));
    QCOMPARE(store->record(QStringLiteral("hcp"), hcpId)->fields.value(QLatin1String("phone")).toVariant(),
        busiest.at(0).value(3));
    QVERIFY(!child<QListWidget>(profile, "changeRequestsListWidget")
                 ->findItems(QStringLiteral("13800001234"), Qt::MatchContains)
                 .isEmpty());

    // Plan a visit tomorrow from the profile; move it in the calendar two days on.
    const QDate tomorrow = QDate::currentDate().addDays(1);
    QTest::mouseClick(child<QPushButton>(profile, "planVisitButton"), Qt::LeftButton);
    QString planId;
    for (const QVariantList &r : storesql::rows(
             store, QStringLiteral("SELECT id, planned_at FROM visit_plan WHERE hcp_id = ?1"), {hcpId})) {
        if (parseTime(QJsonValue(r.value(1).toString())) == QDateTime(tomorrow, QTime(10, 0)))
            planId = r.value(0).toString();
    }
    QVERIFY(!planId.isEmpty());
    QVERIFY(window.showView(QStringLiteral("plan")));
    PlanCalendarView *calendar = window.planView();
    calendar->setMode(PlanCalendarView::Mode::Month);
    calendar->showDate(tomorrow);
    QTRY_VERIFY(calendar->plansOn(tomorrow).contains(planId));
    const QDate later = tomorrow.addDays(2);
    QVERIFY(calendar->reschedule(planId, later));
    const QDateTime moved = parseTime(
        store->record(QStringLiteral("visit_plan"), planId)->fields.value(QLatin1String("planned_at")));
    QCOMPARE(moved.toLocalTime(), QDateTime(later, QTime(10, 0)));
    QTRY_VERIFY(calendar->plansOn(later).contains(planId));
    QVERIFY(!calendar->plansOn(tomorrow).contains(planId));

    // Another doctor ten minutes later the same day: both flagged.
    window.showHcp(otherId);
    const QString otherPlan = profile->planVisit(QDateTime(later, QTime(10, 10)));
    QVERIFY(!otherPlan.isEmpty());
    window.showView(QStringLiteral("plan"));
    QTRY_VERIFY(calendar->plansOn(later).contains(otherPlan));
    QVERIFY(calendar->clashesOn(later).contains(planId));
    QVERIFY(calendar->clashesOn(later).contains(otherPlan));

    // Logging the visit of a plan marks it done; a done plan no longer moves.
    VisitDialog *dialog = window.logVisitFromPlan(otherPlan, otherId);
    child<QComboBox>(dialog, "productComboBox")->setCurrentIndex(1);
    child<QComboBox>(dialog, "supportLevelComboBox")->setCurrentIndex(3);
    QVERIFY(dialog->submit());
    const std::optional<protocol::Record> done = store->record(QStringLiteral("visit_plan"), otherPlan);
    QCOMPARE(done->fields.value(QLatin1String("status")).toString(), QStringLiteral("done"));
    QCOMPARE(done->fields.value(QLatin1String("visit_id")).toString(), dialog->visitId());
    dialog->close();
    QVERIFY(!calendar->reschedule(otherPlan, later.addDays(1)));

    // Today, on the day the plans moved to: both listed, the logged one ticked off.
    QVERIFY(window.showView(QStringLiteral("today")));
    TodayView *today = window.todayView();
    today->setToday(later);
    auto *todayPlans = child<QListWidget>(today, "todayPlansListWidget");
    QStringList listed;
    for (int i = 0; i < todayPlans->count(); ++i)
        listed << todayPlans->item(i)->data(TodayView::IdRole).toString();
    QVERIFY(listed.contains(planId));
    QVERIFY(listed.contains(otherPlan));
    // The follow-up of the visit logged offline is overdue a week after its due date (unless a later
    // visit to that doctor already happened).
    const QString followedHcp = storesql::scalar(
        store, QStringLiteral("SELECT hcp_id FROM visit WHERE follow_up = 'Bring the study'"))
                                    .toString();
    QVERIFY(!followedHcp.isEmpty());
    today->setToday(QDate::currentDate().addDays(14));
    if (followedHcp != otherId) {
        QVERIFY(!child<QListWidget>(today, "overdueFollowUpsListWidget")
                     ->findItems(QStringLiteral("Bring the study"), Qt::MatchContains)
                     .isEmpty());
    }

    // All of it reaches the server.
    SyncSummary summary;
    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.rejected, 0);
    QCOMPARE(store->pendingCount(), 0);
    QCOMPARE(parseTime(serverRecord(QStringLiteral("visit_plan"), planId).value(QLatin1String("planned_at"))),
        moved);
    QCOMPARE(serverRecord(QStringLiteral("change_request"), requests.first().value(0).toString())
                 .value(QLatin1String("status"))
                 .toString(),
        QStringLiteral("open"));

    // A drop on another day of the calendar goes through the same path.
    window.showView(QStringLiteral("plan"));
    calendar->showDate(later);
    const QDate dropDay = later.addDays(1);
    auto findDay = [calendar](const QDate &day) -> PlanDayList * {
        for (PlanDayList *list : calendar->findChildren<PlanDayList *>()) {
            if (list->isVisible() && list->day() == day)
                return list;
        }
        return nullptr;
    };
    PlanDayList *target = nullptr;
    QTRY_VERIFY((target = findDay(dropDay)) != nullptr); // the rebuilt days show once the loop turns
    QVERIFY(target);
    QMimeData mime;
    mime.setData(QStringLiteral("application/x-rounds-visit-plan"), planId.toUtf8());
    QDropEvent drop(QPointF(4, 4), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QSignalSpy dropped(target, &PlanDayList::planDropped);
    QDragEnterEvent enter(QPoint(4, 4), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(target->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QApplication::sendEvent(target->viewport(), &drop);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(
        parseTime(
            store->record(QStringLiteral("visit_plan"), planId)->fields.value(QLatin1String("planned_at")))
            .toLocalTime(),
        QDateTime(dropDay, QTime(10, 0)));
    QTRY_VERIFY(calendar->plansOn(dropDay).contains(planId));
}

void TestMainWindow::refusedChangesShowTheServersReason()
{
    QVERIFY(m_session);
    Store *store = m_session->store();
    MainWindow window(m_session.get());
    window.show();
    // A submitted visit is read-only on the server; an edit that slipped past the dialog comes back refused.
    const QString visitId
        = storesql::scalar(store, QStringLiteral("SELECT id FROM visit WHERE follow_up = 'Bring the study'"))
              .toString();
    QVERIFY(!visitId.isEmpty());
    QVERIFY(store
                ->update(QStringLiteral("visit"), visitId,
                    {{QStringLiteral("notes"), QStringLiteral("late note")}})
                .ok);
    SyncSummary summary;
    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.rejected, 1);
    auto *badge = child<QToolButton>(&window, "conflictsBadgeButton");
    QTRY_VERIFY(badge->isVisible());
    QTest::mouseClick(badge, Qt::LeftButton);
    QCOMPARE(window.currentView(), QStringLiteral("conflicts"));
    auto *refused = child<QTableWidget>(window.conflictsView(), "rejectedTableWidget");
    QCOMPARE(refused->rowCount(), 1);
    // In the user's language, with the server's own sentence kept for support as the tooltip.
    QVERIFY2(refused->item(0, 1)->text().contains(QStringLiteral("read-only")),
        qPrintable(refused->item(0, 1)->text()));
    QVERIFY(!refused->item(0, 1)->toolTip().isEmpty());
    QVERIFY(!refused->item(0, 2)->text().isEmpty());
}

void TestMainWindow::signOutKeepsTheDataAndSignsBackIn()
{
    QVERIFY(m_session);
    MainWindow window(m_session.get());
    window.show();
    QVERIFY(m_session->isSignedIn());
    // Asked first, in the sign-out dialog, which keeps the data unless told otherwise.
    bool asked = false;
    QTimer::singleShot(0, &window, [&asked] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog && dialog->objectName() == QLatin1String("signOutDialog"));
        QVERIFY(!dialog->findChild<QCheckBox *>(QStringLiteral("removeDataCheckBox"))->isChecked());
        asked = true;
        dialog->findChild<QPushButton *>(QStringLiteral("signOutButton"))->click();
    });
    window.findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QVERIFY(asked);
    QVERIFY(QFileInfo::exists(m_session->store()->path()));
    QVERIFY(!m_session->isSignedIn());
    QVERIFY(child<QLabel>(&window, "syncStateLabel")->text().contains(QStringLiteral("signed out")));
    QVERIFY(window.hcpListView()->model()->rowCount() > 0); // nothing local is lost
    QVERIFY(window.findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());

    // The open window belongs to one account: another user is refused, the same one comes back.
    const QString password = QString::fromLatin1(ServerProcess::DemoPassword);
    const SignInResult other = m_session->signIn(Session::lastServer(), QStringLiteral("rep.sh02"), password);
    QVERIFY(!other.ok);
    QVERIFY2(other.message.contains(kRep), qPrintable(other.message));
    QSignalSpy synced(m_session->engine(), &SyncEngine::syncFinished);
    QVERIFY(m_session->signIn(Session::lastServer(), kRep, password).ok);
    QVERIFY(m_session->isSignedIn());
    QVERIFY(synced.wait(60000));
    QVERIFY(!window.findChild<QAction *>(QStringLiteral("signInAction"))->isEnabled());
}

void TestMainWindow::aDraftReopensEditableAndSubmitsLater()
{
    QVERIFY(m_session);
    Store *store = m_session->store();
    MainWindow window(m_session.get());
    window.show();
    const QString hcpId
        = storesql::scalar(store, QStringLiteral("SELECT id FROM hcp ORDER BY id DESC LIMIT 1")).toString();
    VisitDialog *dialog = window.openVisitDialog(hcpId);
    auto *product = child<QComboBox>(dialog, "productComboBox");
    product->setCurrentIndex(2);
    const QString productId = product->currentData().toString();
    child<QComboBox>(dialog, "channelComboBox")->setCurrentIndex(2); // phone
    // A draft needs no support level yet.
    QSignalSpy saved(dialog, &VisitDialog::visitSaved);
    dialog->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTest::keySequence(dialog, QKeySequence::Save); // Ctrl+S keeps a draft
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.first().at(1).toBool(), false);
    const QString visitId = dialog->visitId();
    QVERIFY(!dialog->isReadOnly());
    QVERIFY(child<QLabel>(dialog, "statusBadgeLabel")->text().contains(QStringLiteral("Draft")));
    dialog->close();

    // Reopened from the visit list: still editable, the product kept; submitting updates, not duplicates.
    VisitDialog *again = window.openVisitDialog({}, visitId);
    QVERIFY(!again->isReadOnly());
    QCOMPARE(again->productCount(), 1);
    QCOMPARE(child<QComboBox>(again, "productComboBox")->currentData().toString(), productId);
    QCOMPARE(child<QComboBox>(again, "channelComboBox")->currentData().toString(), QStringLiteral("phone"));
    QVERIFY(!again->submit()); // the support level is still missing
    QVERIFY(child<QLabel>(again, "supportLevelErrorLabel")->isVisible());
    child<QComboBox>(again, "supportLevelComboBox")->setCurrentIndex(5);
    QVERIFY(again->submit());
    QVERIFY(again->isReadOnly());
    QCOMPARE(storesql::scalar(
                 store, QStringLiteral("SELECT count(*) FROM visit_detail WHERE visit_id = ?1"), {visitId})
                 .toInt(),
        1);
    QCOMPARE(
        store->record(QStringLiteral("visit"), visitId)->fields.value(QLatin1String("support_level")).toInt(),
        5);
    again->close();
    SyncSummary summary;
    QVERIFY(syncAndWait(window, &summary));
    QCOMPARE(summary.rejected, 0);
    QCOMPARE(serverRecord(QStringLiteral("visit"), visitId).value(QLatin1String("status")).toString(),
        QStringLiteral("submitted"));
}

void TestMainWindow::theSidebarFollowsTheRole()
{
    const QList<QPair<QString, QStringList>> expected {
        {QStringLiteral("manager.sh"), {QStringLiteral("dashboard")}},
        {QStringLiteral("sfe"), {QStringLiteral("territories")}},
    };
    for (const auto &[user, extra] : expected) {
        Session session;
        QSignalSpy synced(session.engine(), &SyncEngine::syncFinished);
        QVERIFY(
            session.signIn(QUrl(m_proxy->url()), user, QString::fromLatin1(ServerProcess::DemoPassword)).ok);
        QVERIFY(synced.wait(60000));
        MainWindow window(&session);
        auto *nav = child<QListWidget>(&window, "navigationListWidget");
        QStringList views;
        for (int i = 0; i < nav->count(); ++i)
            views << nav->item(i)->data(Qt::UserRole).toString();
        for (const QString &key : {QStringLiteral("dashboard"), QStringLiteral("territories")})
            QCOMPARE(views.contains(key), extra.contains(key));
        QVERIFY(window.showView(extra.first()));
        QVERIFY(!window.findChild<QLabel *>(QStringLiteral("placeholderLabel"))); // every view is real now
        const char *page = extra.first() == QLatin1String("dashboard") ? "dashboardView" : "territoriesView";
        QWidget *view = window.findChild<QWidget *>(QString::fromLatin1(page));
        QVERIFY(view);
        QVERIFY(view->isVisibleTo(&window));
    }
}

void TestMainWindow::windowStateIsRestored()
{
    QVERIFY(m_session);
    {
        MainWindow window(m_session.get());
        window.show();
        window.resize(1111, 777);
        QVERIFY(window.showView(QStringLiteral("meetings")));
        window.close();
    }
    MainWindow again(m_session.get());
    again.show();
    QCOMPARE(again.size(), QSize(1111, 777));
    QCOMPARE(again.currentView(), QStringLiteral("meetings"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
