// The administrator's Users page (docs/client.md, "Users"), offscreen in the real main window against a real
// rounds-server and the real keychain: only admins see it; it lists users and their devices; and driven
// through its buttons and dialogs it creates a user, changes their role and territory, resets their
// password (their old token stops), revokes a device (it is told at its next contact), disables them, and
// says in plain words when the server refuses (an admin disabling themselves) or cannot be reached.
#include "server/serverprocess.h"
#include "sync/adminclient.h"
#include "sync/device.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "ui/admin/userdialogs.h"
#include "ui/admin/usersview.h"
#include "ui/common/prompter.h"
#include "ui/mainwindow/mainwindow.h"
#include "uitest.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using uitest::child;

namespace {

class ScriptedPrompter final : public Prompter
{
public:
    QStringList asked;
    bool answer = true;
    std::optional<QString> text;
    bool confirm(QWidget *, const QString &, const QString &question) override
    {
        asked << question;
        return answer;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &label, const QString &) override
    {
        asked << label;
        return text;
    }
    void inform(QWidget *, const QString &, const QString &message) override { asked << message; }
};

} // namespace

class TestUsersView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void onlyAdminsSeeThePage();
    void listShowsUsersAndDevices();
    void createUser();
    void changeRoleAndTerritory();
    void resetPassword();
    void revokeDevice();
    void disableAndSelfDisableRefused();
    void offlineDisablesTheActions();

private:
    // Runs `action` and waits for its answer and the list read after it.
    AdminResult act(const std::function<void()> &action);
    template<typename Dialog> Dialog *dialog(const char *name)
    {
        Dialog *d = nullptr;
        (void)QTest::qWaitFor(
            [&] { return (d = m_view->findChild<Dialog *>(QString::fromLatin1(name))) != nullptr; }, 5000);
        if (!d)
            qWarning("no dialog %s", name);
        return d;
    }
    QString userIdOf(const QString &login);
    int comboIndexStartingWith(QComboBox *box, const QString &prefix);

    QTemporaryDir m_home;
    ServerProcess m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    UsersView *m_view = nullptr;
    ScriptedPrompter m_prompter;
    QString m_newId;
};

void TestUsersView::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("the session keeps its token in the keychain: run under /work/tools/fulltest.sh or ./rounds.sh "
              "test");
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.createDemo(30, 40, 5));
    QVERIFY(m_server.start());
    m_session = std::make_unique<Session>();
    QSignalSpy firstSync(m_session->engine(), &SyncEngine::syncFinished);
    const SignInResult signedIn = m_session->signIn(
        m_server.url(), QStringLiteral("admin"), QString::fromLatin1(ServerProcess::DemoPassword));
    QVERIFY2(signedIn.ok, qPrintable(signedIn.message));
    QVERIFY(firstSync.wait(60000));
    m_session->engine()->setAutoSyncMinutes(0);
    m_session->engine()->setLivePullSeconds(0);
    Prompter::setInstance(&m_prompter);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    m_view = m_window->findChild<UsersView *>(QStringLiteral("usersView"));
    QVERIFY(m_view);
}

void TestUsersView::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
    Prompter::setInstance(nullptr);
}

AdminResult TestUsersView::act(const std::function<void()> &action)
{
    QSignalSpy done(m_view, &UsersView::actionFinished);
    QSignalSpy loaded(m_view, &UsersView::loaded);
    action();
    if (!done.wait(30000))
        return AdminResult {};
    const AdminResult result = done.first().first().value<AdminResult>();
    if (result.ok() || result.status == AdminResult::Refused)
        (void)QTest::qWaitFor([&] { return loaded.count() > 0; }, 30000);
    return result;
}

QString TestUsersView::userIdOf(const QString &login)
{
    auto *table = child<QTableView>(m_view, "usersTableView");
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        if (table->model()->index(row, 1).data().toString() == login)
            return table->model()->index(row, 0).data(Qt::UserRole + 1).toString();
    }
    return {};
}

int TestUsersView::comboIndexStartingWith(QComboBox *box, const QString &prefix)
{
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemText(i).startsWith(prefix))
            return i;
    }
    return -1;
}

void TestUsersView::onlyAdminsSeeThePage()
{
    QVERIFY(MainWindow::viewKeys().contains(QStringLiteral("users")));
    QSignalSpy loaded(m_view, &UsersView::loaded);
    QVERIFY(m_window->showView(QStringLiteral("users")));
    QVERIFY(loaded.wait(30000));

    // A rep's window has no Users page (the server would refuse its requests anyway). The rep signs in
    // from a computer of their own (this process keeps one device id otherwise).
    device::forgetId();
    Session rep;
    QSignalSpy firstSync(rep.engine(), &SyncEngine::syncFinished);
    QVERIFY(rep.signIn(m_server.url(), QStringLiteral("rep.sh01"),
                   QString::fromLatin1(ServerProcess::DemoPassword))
                .ok);
    QVERIFY(firstSync.wait(60000));
    MainWindow repWindow(&rep);
    QVERIFY(!repWindow.showView(QStringLiteral("users")));
    QVERIFY(m_window->showView(QStringLiteral("users")));
}

void TestUsersView::listShowsUsersAndDevices()
{
    // Read again: rep.sh01 signed in since the page was first shown.
    QSignalSpy loaded(m_view, &UsersView::loaded);
    child<QPushButton>(m_view, "reloadUsersButton")->click();
    QVERIFY(loaded.wait(30000));
    auto *table = child<QTableView>(m_view, "usersTableView");
    QVERIFY(table->model()->rowCount() >= 8);
    QVERIFY(!userIdOf(QStringLiteral("rep.sh01")).isEmpty());
    // rep.sh01 signed in above: one device, with this computer's name and version.
    QVERIFY(m_view->selectUser(userIdOf(QStringLiteral("rep.sh01"))));
    auto *devices = child<QTableWidget>(m_view, "devicesTableWidget");
    QCOMPARE(devices->rowCount(), 1);
    QCOMPARE(devices->item(0, 1)->text(), QStringLiteral(ROUNDS_VERSION));
    QCOMPARE(devices->item(0, 4)->text(), QStringLiteral("No"));
    QVERIFY(child<QLabel>(m_view, "userDetailsLabel")->text().contains(QStringLiteral("rep.sh01")));
    // The filter narrows the list.
    auto *filter = child<QLineEdit>(m_view, "usersFilterLineEdit");
    QTest::keyClicks(filter, QStringLiteral("manager"));
    QCOMPARE(table->model()->rowCount(), 2);
    filter->clear();
    QVERIFY(table->model()->rowCount() >= 8);
    QVERIFY(child<QPushButton>(m_view, "newUserButton")->isEnabled());
    QVERIFY(!child<QPushButton>(m_view, "revokeDeviceButton")->isEnabled()); // no device chosen yet
}

void TestUsersView::createUser()
{
    child<QPushButton>(m_view, "newUserButton")->click();
    auto *form = dialog<UserFormDialog>("newUserDialog");
    QVERIFY(form);
    QTest::keyClicks(child<QLineEdit>(form, "loginLineEdit"), QStringLiteral("rep.sh03"));
    child<QLineEdit>(form, "displayNameLineEdit")
        ->setText(QStringLiteral("孙丽")); // keyClicks types Latin-1 only
    auto *role = child<QComboBox>(form, "roleComboBox");
    role->setCurrentIndex(role->findData(QStringLiteral("rep")));
    // Below the limit, the form says why and stays open; nothing is sent.
    QTest::keyClicks(child<QLineEdit>(form, "passwordLineEdit"), QStringLiteral("1234567"));
    QTest::keyClicks(child<QLineEdit>(form, "confirmPasswordLineEdit"), QStringLiteral("1234567"));
    auto *error = child<QLabel>(form, "userFormErrorLabel");
    child<QPushButton>(form, "okButton")->click();
    QVERIFY(form->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("home territory")), qPrintable(error->text()));
    auto *territory = child<QComboBox>(form, "territoryComboBox");
    territory->setCurrentIndex(comboIndexStartingWith(territory, QStringLiteral("SH-01 ·")));
    QVERIFY(territory->currentIndex() > 0);
    child<QPushButton>(form, "okButton")->click();
    QVERIFY(form->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("8 to 1024")), qPrintable(error->text()));
    QTest::keyClicks(child<QLineEdit>(form, "passwordLineEdit"), QStringLiteral("8"));
    child<QPushButton>(form, "okButton")->click();
    QVERIFY2(error->text().contains(QStringLiteral("differ")), qPrintable(error->text()));
    QTest::keyClicks(child<QLineEdit>(form, "confirmPasswordLineEdit"), QStringLiteral("8"));

    const AdminResult result = act([&] { child<QPushButton>(form, "okButton")->click(); });
    QVERIFY2(result.ok(), qPrintable(result.message));
    m_newId = userIdOf(QStringLiteral("rep.sh03"));
    QVERIFY(!m_newId.isEmpty());
    QCOMPARE(m_view->currentUserId(), m_newId);
    QVERIFY2(child<QLabel>(m_view, "usersStateLabel")->text().contains(QStringLiteral("孙丽 was created")),
        qPrintable(child<QLabel>(m_view, "usersStateLabel")->text()));
    QVERIFY(!m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("12345678")).isEmpty());

    // The same login again: the server's refusal in plain words, and the list unchanged.
    child<QPushButton>(m_view, "newUserButton")->click();
    auto *again = dialog<UserFormDialog>("newUserDialog");
    QTest::keyClicks(child<QLineEdit>(again, "loginLineEdit"), QStringLiteral("rep.sh03"));
    auto *role2 = child<QComboBox>(again, "roleComboBox");
    role2->setCurrentIndex(role2->findData(QStringLiteral("sfe")));
    QTest::keyClicks(child<QLineEdit>(again, "passwordLineEdit"), QStringLiteral("another-1"));
    QTest::keyClicks(child<QLineEdit>(again, "confirmPasswordLineEdit"), QStringLiteral("another-1"));
    const AdminResult refused = act([&] { child<QPushButton>(again, "okButton")->click(); });
    QCOMPARE(refused.status, AdminResult::Refused);
    QVERIFY2(
        child<QLabel>(m_view, "usersStateLabel")->text().contains(QStringLiteral("Another user already has")),
        qPrintable(child<QLabel>(m_view, "usersStateLabel")->text()));
}

void TestUsersView::changeRoleAndTerritory()
{
    QVERIFY(m_view->selectUser(m_newId));
    child<QPushButton>(m_view, "changeRoleButton")->click();
    auto *form = dialog<UserFormDialog>("changeUserDialog");
    auto *role = child<QComboBox>(form, "roleComboBox");
    QCOMPARE(role->currentData().toString(), QStringLiteral("rep"));
    role->setCurrentIndex(role->findData(QStringLiteral("manager")));
    auto *territory = child<QComboBox>(form, "territoryComboBox");
    territory->setCurrentIndex(comboIndexStartingWith(territory, QStringLiteral("SH ·")));
    QVERIFY(territory->currentIndex() > 0);
    const AdminResult result = act([&] { child<QPushButton>(form, "okButton")->click(); });
    QVERIFY2(result.ok(), qPrintable(result.message));
    QCOMPARE(result.user.role, QStringLiteral("manager"));
    QCOMPARE(m_view->currentUserId(), m_newId);
    const QString details = child<QLabel>(m_view, "userDetailsLabel")->text();
    QVERIFY2(details.contains(QStringLiteral("District manager")) && details.contains(QStringLiteral("SH ·")),
        qPrintable(details));
    // The server agrees: the user signs in as a manager.
    HttpReply me;
    QVERIFY(!m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("12345678"), &me).isEmpty());
    QCOMPARE(me.json.value(u"user").toObject().value(u"role").toString(), QStringLiteral("manager"));
}

void TestUsersView::resetPassword()
{
    // The user on a laptop of their own, signed in.
    const HttpReply signedIn = m_server.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{"username", "rep.sh03"}, {"password", "12345678"}, {"device_id", "dev-ui-sh03"},
            {"device_name", "ThinkPad of 孙丽"}, {"client_version", "9.9.9"}});
    QCOMPARE(signedIn.status, 200);
    const QString oldToken = signedIn.json.value(u"token").toString();
    QVERIFY(m_view->selectUser(m_newId));
    child<QPushButton>(m_view, "resetPasswordButton")->click();
    auto *form = dialog<PasswordDialog>("passwordDialog");
    QTest::keyClicks(child<QLineEdit>(form, "passwordLineEdit"), QStringLiteral("new-password-9"));
    QTest::keyClicks(child<QLineEdit>(form, "confirmPasswordLineEdit"), QStringLiteral("new-password-8"));
    child<QPushButton>(form, "okButton")->click();
    QVERIFY(form->isVisible());
    QVERIFY(child<QLabel>(form, "passwordErrorLabel")->text().contains(QStringLiteral("differ")));
    child<QLineEdit>(form, "confirmPasswordLineEdit")->clear();
    QTest::keyClicks(child<QLineEdit>(form, "confirmPasswordLineEdit"), QStringLiteral("new-password-9"));
    const AdminResult result = act([&] { child<QPushButton>(form, "okButton")->click(); });
    QVERIFY2(result.ok(), qPrintable(result.message));
    const HttpReply stale
        = m_server.post(QStringLiteral("/api/v1/sync/pull"), QJsonObject {{"limit", 1}}, oldToken);
    QCOMPARE(stale.status, 401);
    QVERIFY(m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("12345678")).isEmpty());
    QVERIFY(!m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("new-password-9")).isEmpty());
}

void TestUsersView::revokeDevice()
{
    QVERIFY(m_view->selectUser(m_newId));
    auto *devices = child<QTableWidget>(m_view, "devicesTableWidget");
    QCOMPARE(devices->rowCount(), 1);
    QCOMPARE(devices->item(0, 0)->text(), QStringLiteral("ThinkPad of 孙丽"));
    devices->selectRow(0);
    auto *revoke = child<QPushButton>(m_view, "revokeDeviceButton");
    QVERIFY(revoke->isEnabled());
    // Cancelled at the reason, then at the confirmation: nothing is sent.
    m_prompter.text = std::nullopt;
    revoke->click();
    m_prompter.text = QStringLiteral("reported stolen");
    m_prompter.answer = false;
    revoke->click();
    QVERIFY(m_prompter.asked.last().contains(QStringLiteral("ThinkPad of 孙丽")));
    QCOMPARE(m_server
                 .post(QStringLiteral("/api/v1/auth/login"),
                     QJsonObject {{"username", "rep.sh03"}, {"password", "new-password-9"},
                         {"device_id", "dev-ui-sh03"}})
                 .status,
        200);
    m_prompter.answer = true;
    devices->selectRow(0);
    const AdminResult result = act([&] { revoke->click(); });
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(devices->item(0, 4)->text().contains(QStringLiteral("reported stolen")));
    devices->selectRow(0);
    QVERIFY(!revoke->isEnabled()); // revoked already
    const HttpReply denied = m_server.post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{"username", "rep.sh03"}, {"password", "new-password-9"}, {"device_id", "dev-ui-sh03"}});
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.errorCode(), QStringLiteral("device_revoked"));
    QCOMPARE(denied.json.value(u"error").toObject().value(u"reason").toString(),
        QStringLiteral("reported stolen"));
}

void TestUsersView::disableAndSelfDisableRefused()
{
    QVERIFY(m_view->selectUser(m_newId));
    auto *toggle = child<QPushButton>(m_view, "toggleActiveButton");
    m_prompter.answer = true;
    const AdminResult result = act([&] { toggle->click(); });
    QVERIFY2(result.ok(), qPrintable(result.message));
    QVERIFY(!result.user.active);
    QVERIFY(m_prompter.asked.last().contains(QStringLiteral("Disable 孙丽?")));
    QCOMPARE(toggle->text(), QStringLiteral("Enable"));
    QVERIFY(child<QLabel>(m_view, "userDetailsLabel")->text().contains(QStringLiteral("Disabled")));
    QVERIFY(m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("new-password-9")).isEmpty());

    // Enabled again, then the administrator tries to disable themselves: refused, said in plain words.
    QVERIFY(act([&] { toggle->click(); }).ok());
    QVERIFY(!m_server.login(QStringLiteral("rep.sh03"), QStringLiteral("new-password-9")).isEmpty());
    QVERIFY(m_view->selectUser(userIdOf(QStringLiteral("admin"))));
    const AdminResult self = act([&] { toggle->click(); });
    QCOMPARE(self.status, AdminResult::Refused);
    const QString state = child<QLabel>(m_view, "usersStateLabel")->text();
    QVERIFY2(state.contains(QStringLiteral("You cannot disable your own account")), qPrintable(state));
    QVERIFY(child<QLabel>(m_view, "userDetailsLabel")->text().contains(QStringLiteral("Active")));
}

void TestUsersView::offlineDisablesTheActions()
{
    m_server.stop();
    QSignalSpy offline(m_session->engine(), &SyncEngine::offlineChanged);
    m_session->engine()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_session->engine()->isOffline(), 60000);
    for (const char *name : {"newUserButton", "changeRoleButton", "resetPasswordButton", "toggleActiveButton",
             "revokeDeviceButton"})
        QVERIFY2(!child<QPushButton>(m_view, name)->isEnabled(), name);
    const QString state = child<QLabel>(m_view, "usersStateLabel")->text();
    QVERIFY2(state.contains(QStringLiteral("Offline")), qPrintable(state));
    // The list it had stays readable.
    QVERIFY(!userIdOf(QStringLiteral("rep.sh03")).isEmpty());
}

QTEST_MAIN(TestUsersView)
#include "tst_usersview.moc"
