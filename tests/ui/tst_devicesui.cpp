// Devices in the window (docs/privacy.md, "Devices"), offscreen against a real rounds-server and the real
// keychain: a revoked computer tells its user why and deletes the account's data; the sign-out dialog
// refuses to delete unsent changes without a second confirmation naming how many; a laptop offline
// longer than the company allows asks for the password before the data opens (N-1, N, N+1 days).
#include "models/companysettings.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/credentialstore.h"
#include "sync/device.h"
#include "sync/offlinepolicy.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/ui/storesql.h"
#include "ui/common/prompter.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/signin/signoutdialog.h"
#include "uitest.h"

#include <QCheckBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using uitest::child;

namespace {

class ScriptedPrompter final : public Prompter
{
public:
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        told << text;
        return true;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
};

bool anyFileOf(const QString &db)
{
    const QFileInfo info(db);
    return info.absoluteDir().exists()
        && !info.absoluteDir()
                .entryList({info.fileName() + QLatin1Char('*')}, QDir::Files | QDir::Hidden)
                .isEmpty();
}

} // namespace

class TestDevicesUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void revokedDeviceTellsWhyAndWipes();
    void signOutWithUnsentChangesNeedsSecondConfirmation();
    void offlineLimitAsksForThePassword_data();
    void offlineLimitAsksForThePassword();

private:
    QString tokenOf(const QString &user)
    {
        CredentialStore keychain;
        return keychain.read(m_server.url().toString(), user).token;
    }

    QTemporaryDir m_home;
    ServerProcess m_server;
};

void TestDevicesUi::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("the wipe removes a keychain entry: run under ./rounds.sh test");
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.createDemo(30, 40, 3));
    QVERIFY(m_server.start());
}

void TestDevicesUi::revokedDeviceTellsWhyAndWipes()
{
    auto session = std::make_unique<Session>();
    const QString password = QString::fromLatin1(ServerProcess::DemoPassword);
    QSignalSpy firstSync(session->engine(), &SyncEngine::syncFinished);
    QVERIFY(session->signIn(m_server.url(), QStringLiteral("rep.sh01"), password).ok);
    QVERIFY(firstSync.wait(60000));
    const QString db = session->store()->path();
    QVERIFY(QFileInfo::exists(db));
    QVERIFY(!tokenOf(QStringLiteral("rep.sh01")).isEmpty());

    QCOMPARE(ServerProcess::runCommand(
                 QStringList {QStringLiteral("device"), QStringLiteral("revoke"), device::id(),
                     QStringLiteral("--reason"), QStringLiteral("reported lost on 12 May")}
                 + m_server.storeArgs()),
        0);

    ScriptedPrompter prompter;
    Prompter::setInstance(&prompter);
    {
        MainWindow window(session.get());
        window.show();
        QSignalSpy revoked(session.get(), &Session::deviceRevoked);
        session->engine()->syncNow();
        QVERIFY(revoked.wait(60000));
        QVERIFY(!window.isVisible());
    }
    Prompter::setInstance(nullptr);
    QCOMPARE(prompter.told.size(), 1);
    QVERIFY2(prompter.told.first().contains(QStringLiteral("reported lost on 12 May")),
        qPrintable(prompter.told.first()));
    QVERIFY(session->isWipePending());
    session.reset(); // after the window: the data goes as the session ends
    QVERIFY(!anyFileOf(db));
    QVERIFY(!QFileInfo::exists(QFileInfo(db).absolutePath())); // the account's folder, with any cache
    QVERIFY(tokenOf(QStringLiteral("rep.sh01")).isEmpty());
    QVERIFY(!Session::lastServer().isValid()); // the next start asks to sign in
}

void TestDevicesUi::signOutWithUnsentChangesNeedsSecondConfirmation()
{
    Session session;
    const QString password = QString::fromLatin1(ServerProcess::DemoPassword);
    QSignalSpy firstSync(session.engine(), &SyncEngine::syncFinished);
    const SignInResult signedIn = session.signIn(m_server.url(), QStringLiteral("rep.sh02"), password);
    QVERIFY2(signedIn.ok, qPrintable(signedIn.message));
    QVERIFY(firstSync.wait(60000));
    session.engine()->setAutoSyncMinutes(0);
    session.engine()->setLivePullSeconds(0);
    const QString db = session.store()->path();
    const QString hcp
        = storesql::scalar(session.store(), QStringLiteral("SELECT id FROM hcp LIMIT 1")).toString();
    QVERIFY(!hcp.isEmpty());
    m_server.stop(); // offline from here: nothing can be sent
    for (const char *tag : {"one", "two", "three"}) {
        const WriteResult w = session.store()->create(QStringLiteral("hcp_tag"),
            {{"hcp_id", hcp}, {"category", "marketing"}, {"tag", QString::fromLatin1(tag)},
                {"source", "rep"}});
        QVERIFY2(w.ok, qPrintable(w.error));
    }
    session.engine()->cancel();

    SignOutDialog dialog(&session);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *remove = child<QCheckBox>(&dialog, "removeDataCheckBox");
    auto *signOut = child<QPushButton>(&dialog, "signOutButton");
    auto *confirm = child<QCheckBox>(&dialog, "confirmLossCheckBox");
    QVERIFY(!confirm->isVisible());
    remove->click();
    signOut->click(); // tries to send, cannot, and asks again
    QCOMPARE(dialog.unsentNamed(), 3);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(confirm->isVisible());
    QVERIFY2(child<QLabel>(&dialog, "unsentWarningLabel")->text().contains(QStringLiteral("3 change")),
        qPrintable(child<QLabel>(&dialog, "unsentWarningLabel")->text()));
    QVERIFY(confirm->text().contains(QStringLiteral("3")));
    signOut->click(); // not ticked: nothing happens
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.choice(), SignOutDialog::Choice::Cancel);
    QVERIFY(QFileInfo::exists(db));
    QCOMPARE(session.unsentCount(), 3);

    confirm->click();
    signOut->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), SignOutDialog::Choice::RemoveData);
    QVERIFY(QFileInfo::exists(db)); // the window removes it as it closes
    const WipeResult wiped = session.wipeLocalData();
    QVERIFY2(wiped.ok, qPrintable(wiped.message));
    QVERIFY(!anyFileOf(db));
    QVERIFY(tokenOf(QStringLiteral("rep.sh02")).isEmpty());
    QVERIFY(m_server.start());
}

void TestDevicesUi::offlineLimitAsksForThePassword_data()
{
    QTest::addColumn<int>("setting"); // security.offline_days; 0: not set
    QTest::addColumn<qint64>("secondsOffline");
    QTest::addColumn<bool>("passwordAsked");
    const qint64 day = 24 * 3600;
    QTest::newRow("default, 29 days") << 0 << 29 * day << false;
    QTest::newRow("default, 30 days") << 0 << 30 * day << false;
    QTest::newRow("default, 30 days and a second") << 0 << 30 * day + 1 << true;
    QTest::newRow("default, 31 days") << 0 << 31 * day << true;
    QTest::newRow("7 days, 6 days") << 7 << 6 * day << false;
    QTest::newRow("7 days, 7 days") << 7 << 7 * day << false;
    QTest::newRow("7 days, 8 days") << 7 << 8 * day << true;
    QTest::newRow("400 is not allowed: 30 days") << 400 << 31 * day << true;
    QTest::newRow("400 is not allowed, 29 days") << 400 << 29 * day << false;
}

void TestDevicesUi::offlineLimitAsksForThePassword()
{
    QFETCH(int, setting);
    QFETCH(qint64, secondsOffline);
    QFETCH(bool, passwordAsked);
    const QString db = m_home.filePath(QStringLiteral("offline-%1.db")
                                           .arg(QString::fromLatin1(QTest::currentDataTag()))
                                           .replace(u' ', u'_'));
    const QDateTime contact = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    {
        Store store;
        QVERIFY(store.open(db).ok);
        store.setMeta(QStringLiteral("server"), m_server.url().toString());
        store.setMeta(QStringLiteral("user"), QStringLiteral("rep.hz01"));
        store.setMeta(QStringLiteral("role"), QStringLiteral("admin")); // may write the setting below
        offlinepolicy::recordContact(store, contact);
        if (setting > 0)
            QVERIFY(CompanySettings::save(&store, offlinepolicy::SettingKey, setting).ok);
    }
    Session session;
    session.setClock([&] { return contact.addSecs(secondsOffline); });
    QString error;
    QCOMPARE(session.openDatabase(db, &error), !passwordAsked);
    QCOMPARE(session.needsPassword(), passwordAsked);
    QCOMPARE(session.isOpen(), !passwordAsked);
    if (passwordAsked) {
        QCOMPARE(session.passwordAccount().user, QStringLiteral("rep.hz01"));
        QVERIFY2(error.contains(QStringLiteral("sign in with your password")), qPrintable(error));
    }
}

QTEST_MAIN(TestDevicesUi)
#include "tst_devicesui.moc"
