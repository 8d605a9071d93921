// Data-subject requests from the HCP profile (docs/privacy.md, "Data-subject requests"), offscreen
// against a real rounds-server and the real keychain: SFE exports everything held about an HCP (JSON
// and the server's PDF, to files only the user may read), and erases the HCP's personal data only after
// a reason and the HCP's name typed again; a cancelled dialog leaves the HCP as it was, a confirmed one
// is followed by a sync that shows the anonymised HCP. Reps do not see the menu; offline it is disabled
// with a tooltip saying why.
#include "models/hcpqueries.h"
#include "models/store.h"
#include "server/demoorg.h"
#include "server/serverprocess.h"
#include "sync/dsrclient.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "ui/common/prompter.h"
#include "ui/hcp/erasedialog.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/hcp/personaldatabutton.h"
#include "uitest.h"

#include <QAction>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
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
    QString savePath;
    bool confirm(QWidget *, const QString &, const QString &) override { return false; }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    void inform(QWidget *, const QString &, const QString &) override { }
    std::optional<QString> askSaveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        if (savePath.isEmpty())
            return std::nullopt;
        return savePath;
    }
};

} // namespace

class TestDsrUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void repsDoNotSeeTheMenu();
    void exportWritesTheFiles_data();
    void exportWritesTheFiles();
    void eraseNeedsTheSecondConfirmation();
    void eraseThenSyncShowsTheAnonymisedHcp();
    void offlineDisablesTheActions();

private:
    QString serverName(const QString &hcpId);
    EraseDialog *openEraseDialog();

    QTemporaryDir m_home;
    ServerProcess m_server;
    DemoOrg m_org;
    ScriptedPrompter m_prompter;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<HcpProfileView> m_view;
    QString m_hcp;
    QString m_name;
};

void TestDsrUi::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("the session keeps its token in the keychain: run under ./rounds.sh test");
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.createDemo(30, 40, 3));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0);
    QVERIFY(!m_hcp.isEmpty());
    m_name = m_org.record(m_hcp).value(QStringLiteral("full_name")).toString();
    Prompter::setInstance(&m_prompter);

    m_session = std::make_unique<Session>();
    QSignalSpy firstSync(m_session->engine(), &SyncEngine::syncFinished);
    QVERIFY(
        m_session
            ->signIn(m_server.url(), QStringLiteral("sfe"), QString::fromLatin1(ServerProcess::DemoPassword))
            .ok);
    QVERIFY(firstSync.wait(60000));
    m_view = std::make_unique<HcpProfileView>(m_session.get());
    m_view->resize(1200, 800);
    m_view->show();
    m_view->setHcp(m_hcp);
    QCOMPARE(child<QLabel>(m_view.get(), "hcpNameLabel")->text(), m_name);
}

void TestDsrUi::cleanupTestCase()
{
    m_view.reset();
    m_session.reset();
    Prompter::setInstance(nullptr);
}

QString TestDsrUi::serverName(const QString &hcpId)
{
    const HttpReply r = m_server.post(QStringLiteral("/api/v1/admin/hcp/export"), {{"hcp_id", hcpId}},
        m_server.login(QStringLiteral("admin")));
    return r.json.value("hcp").toObject().value("full_name").toString();
}

void TestDsrUi::repsDoNotSeeTheMenu()
{
    QVERIFY(m_view->personalDataButton()->isVisible());
    QVERIFY(m_view->personalDataButton()->isEnabled());

    Session rep;
    QSignalSpy synced(rep.engine(), &SyncEngine::syncFinished);
    QVERIFY(rep.signIn(m_server.url(), QStringLiteral("rep.sh01"),
                   QString::fromLatin1(ServerProcess::DemoPassword))
                .ok);
    QVERIFY(synced.wait(60000));
    HcpProfileView view(&rep);
    view.show();
    view.setHcp(m_hcp);
    QVERIFY(!view.personalDataButton()->isVisible());
}

void TestDsrUi::exportWritesTheFiles_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("file");
    QTest::newRow("json") << "exportPersonalJsonAction"
                          << "hcp.json";
    QTest::newRow("pdf en") << "exportPersonalPdfAction"
                            << "hcp-en.pdf";
    QTest::newRow("pdf zh_CN") << "exportPersonalPdfChineseAction"
                               << "hcp-zh.pdf";
}

void TestDsrUi::exportWritesTheFiles()
{
    QFETCH(QString, action);
    QFETCH(QString, file);
    PersonalDataButton *button = m_view->personalDataButton();
    m_prompter.savePath = m_home.filePath(file);
    QSignalSpy done(button, &PersonalDataButton::exportFinished);
    auto *a = button->findChild<QAction *>(action);
    QVERIFY(a);
    QVERIFY(a->isEnabled());
    a->trigger();
    QVERIFY(done.wait(60000));
    QCOMPARE(done.first().first().toBool(), true);
    QVERIFY2(child<QLabel>(m_view.get(), "profileMessageLabel")->text().contains(file),
        qPrintable(child<QLabel>(m_view.get(), "profileMessageLabel")->text()));
    QFile out(m_prompter.savePath);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray data = out.readAll();
    QCOMPARE(
        out.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
        QFile::Permissions());
    if (file.endsWith(QLatin1String(".json"))) {
        QJsonParseError error;
        const QJsonObject d = QJsonDocument::fromJson(data, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(d.value("format").toString(), QString("rounds-hcp-export"));
        QCOMPARE(d.value("hcp").toObject().value("full_name").toString(), m_name);
    } else {
        QVERIFY(data.startsWith("%PDF"));
        QVERIFY(data.size() > 1000);
    }
    // Cancelling the file dialog asks nothing of the server.
    m_prompter.savePath.clear();
    QSignalSpy again(button, &PersonalDataButton::exportFinished);
    a->trigger();
    QTest::qWait(200);
    QCOMPARE(again.count(), 0);
}

EraseDialog *TestDsrUi::openEraseDialog()
{
    auto *a = m_view->personalDataButton()->findChild<QAction *>("erasePersonalDataAction");
    if (!a || !a->isEnabled())
        return nullptr;
    a->trigger();
    return m_view->findChild<EraseDialog *>();
}

void TestDsrUi::eraseNeedsTheSecondConfirmation()
{
    QSignalSpy finished(m_view->personalDataButton(), &PersonalDataButton::eraseFinished);
    QPointer<EraseDialog> dialog = openEraseDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    auto *erase = child<QPushButton>(dialog, "eraseButton");
    auto *reason = child<QPlainTextEdit>(dialog, "eraseReasonTextEdit");
    auto *confirm = child<QLineEdit>(dialog, "eraseConfirmLineEdit");
    // What goes and what stays, before anything is typed.
    QVERIFY(child<QLabel>(dialog, "eraseRemovedLabel")->text().contains("Notes"));
    QVERIFY(child<QLabel>(dialog, "eraseKeptLabel")->text().contains("visits"));
    QVERIFY(!erase->isEnabled());
    reason->setPlainText(QStringLiteral("DSR-7, letter of 2 December"));
    QVERIFY(!erase->isEnabled()); // the name is not typed yet
    QTest::keyClicks(confirm, QStringLiteral("somebody else"));
    QVERIFY(!erase->isEnabled());
    confirm->setText(m_name);
    QVERIFY(erase->isEnabled());
    // A reason over the limit: refused before it reaches the server.
    reason->setPlainText(QString(DsrClient::kMaxReasonLength + 1, QLatin1Char('x')));
    QVERIFY(!erase->isEnabled());
    QVERIFY(child<QLabel>(dialog, "eraseReasonCountLabel")->text().contains("at most"));
    reason->setPlainText(QString(DsrClient::kMaxReasonLength, QLatin1Char('x')));
    QVERIFY(erase->isEnabled());

    QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
    QTRY_VERIFY(!dialog);
    QTest::qWait(300);
    QCOMPARE(finished.count(), 0);
    QCOMPARE(serverName(m_hcp), m_name);
    QCOMPARE(child<QLabel>(m_view.get(), "hcpNameLabel")->text(), m_name);
}

void TestDsrUi::eraseThenSyncShowsTheAnonymisedHcp()
{
    QSignalSpy finished(m_view->personalDataButton(), &PersonalDataButton::eraseFinished);
    QSignalSpy synced(m_session->engine(), &SyncEngine::syncFinished);
    QPointer<EraseDialog> dialog = openEraseDialog();
    QVERIFY(dialog);
    child<QPlainTextEdit>(dialog, "eraseReasonTextEdit")
        ->setPlainText(QStringLiteral("DSR-7, letter of 2 December"));
    child<QLineEdit>(dialog, "eraseConfirmLineEdit")->setText(m_name);
    auto *erase = child<QPushButton>(dialog, "eraseButton");
    QVERIFY(erase->isEnabled());
    QTest::mouseClick(erase, Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().first().toBool(), true);

    const QString placeholder = "Erased HCP " + m_hcp.left(4);
    QCOMPARE(serverName(m_hcp), placeholder);
    // The sync that followed brought the anonymised HCP to this laptop, and the profile shows it.
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>(m_view.get(), "hcpNameLabel")->text(), placeholder, 60000);
    HcpSummary local;
    QString error;
    QVERIFY2(HcpQueries::summary(m_session->store(), m_hcp, &local, &error), qPrintable(error));
    QCOMPARE(local.name, placeholder);
    QVERIFY(local.phone.isEmpty());
    QVERIFY(local.title.isEmpty());
    // The audit names the signed-in SFE user as the one who asked, with the reason.
    const HttpReply e = m_server.post(QStringLiteral("/api/v1/admin/hcp/export"), {{"hcp_id", m_hcp}},
        m_server.login(QStringLiteral("admin")));
    QCOMPARE(e.json.value("erasure").toObject().value("requested_by").toString(), QString("sfe"));
    QCOMPARE(e.json.value("erasure").toObject().value("reason").toString(),
        QString("DSR-7, letter of 2 December"));
}

void TestDsrUi::offlineDisablesTheActions()
{
    PersonalDataButton *button = m_view->personalDataButton();
    QVERIFY(button->isEnabled());
    m_server.stop();
    QSignalSpy offline(m_session->engine(), &SyncEngine::offlineChanged);
    m_session->engine()->syncNow();
    QVERIFY(offline.wait(60000));
    QVERIFY(!button->isOnline());
    QVERIFY(!button->isEnabled());
    QVERIFY(!button->eraseAction()->isEnabled());
    QVERIFY(!button->exportJsonAction()->isEnabled());
    QVERIFY2(button->toolTip().contains("offline"), qPrintable(button->toolTip()));
    m_session->engine()->cancel();

    // Signed out: the same, and the tooltip says to sign in.
    m_session->signOut();
    QVERIFY(!button->isEnabled());
    QVERIFY2(button->toolTip().contains("sign in"), qPrintable(button->toolTip()));
}

QTEST_MAIN(TestDsrUi)
#include "tst_dsrui.moc"
