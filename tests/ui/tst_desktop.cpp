// Rounds as a desktop citizen: the settings dialog and what it saves, the compliance rules the server's
// administrator set (pushed to a real server, synced to a real client), the diagnostics export (no HCP
// data in it), About, the first-run welcome, and keyboard/accessibility properties of the real main
// window and visit dialog.
#include "models/kpis.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/diagnostics.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "tests/ui/storesql.h"
#include "ui/common/prompter.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/plan/plancalendarview.h"
#include "ui/settings/aboutdialog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <sqlite3.h>

using namespace rounds;
using namespace rounds::test;

namespace {

class SavingPrompter final : public Prompter
{
public:
    QString savePath;
    QStringList told;
    bool confirm(QWidget *, const QString &, const QString &) override { return true; }
    std::optional<QString> askText(QWidget *, const QString &, const QString &, const QString &) override
    {
        return std::nullopt;
    }
    void inform(QWidget *, const QString &, const QString &text) override { told << text; }
    std::optional<QString> askSaveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        if (savePath.isEmpty())
            return std::nullopt;
        return savePath;
    }
};

bool hasLetterOrDigit(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// A label that names the widget: a QLabel whose buddy it is (a form row or "&Name:" label), or the
// widget's accessible name.
bool isNamed(QWidget *root, QWidget *w)
{
    if (!w->accessibleName().isEmpty())
        return true;
    const auto labels = root->findChildren<QLabel *>();
    for (QLabel *label : labels) {
        if (label->buddy() == w && !label->text().isEmpty())
            return true;
    }
    return false;
}

QString describe(QWidget *w)
{
    return QStringLiteral("%1 '%2'").arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
}

} // namespace

class TestDesktop : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void firstRunExplainsSignInAndOfflineWork();
    void settingsSaveLanguageAndSyncInterval();
    void kpiWeightsAreForManagersAndKeptInTheDatabase();
    void complianceRulesShowWhatTheAdministratorSet();
    void diagnosticsHoldVersionsStatusAndLogsButNoHcpData();
    void aboutNamesEveryVersion();
    void iconOnlyButtonsHaveAccessibleNames();
    void visitDialogIsFullyKeyboardOperable();
    void calendarWeeksStartWhereTheLocaleSays();
    void everyViewFitsASmallLaptopScreen();

private:
    bool syncSession(Session &session);

    QTemporaryDir m_home;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<Session> m_manager;
    SavingPrompter m_prompter;
};

void TestDesktop::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "Rounds");
    qputenv("XDG_DOCUMENTS_DIR", m_home.path().toUtf8());
    QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
    Prompter::setInstance(&m_prompter);

    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->createDemo(80, 200, 3));
    QVERIFY(m_server->start());
}

void TestDesktop::cleanupTestCase()
{
    Prompter::setInstance(nullptr);
    m_manager.reset();
    m_server.reset();
}

bool TestDesktop::syncSession(Session &session)
{
    QSignalSpy finished(session.engine(), &SyncEngine::syncFinished);
    session.engine()->syncNow();
    if (!finished.wait(60000))
        return false;
    return finished.last().first().value<SyncSummary>().ok;
}

void TestDesktop::firstRunExplainsSignInAndOfflineWork()
{
    QSettings().clear();
    Session session;
    {
        SignInDialog dialog(&session);
        // Nobody has signed in on this computer: the welcome explains sign-in and offline work.
        auto *welcome = dialog.findChild<QLabel *>(QStringLiteral("firstRunLabel"));
        QVERIFY(welcome);
        QVERIFY(welcome->text().contains(QStringLiteral("keychain")));
        QVERIFY(welcome->text().contains(QStringLiteral("without a network")));
        QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("introLabel")));
    }

    m_manager = std::make_unique<Session>();
    const SignInResult result = m_manager->signIn(
        m_server->url(), QStringLiteral("manager.sh"), QString::fromLatin1(ServerProcess::DemoPassword));
    QVERIFY2(result.ok, qPrintable(result.message));
    QVERIFY(syncSession(*m_manager));
    QVERIFY(storesql::scalar(m_manager->store(), QStringLiteral("SELECT count(*) FROM hcp")).toInt() > 0);

    // The next time, the short line is enough.
    SignInDialog again(&session);
    QVERIFY(again.findChild<QLabel *>(QStringLiteral("introLabel")));
    QVERIFY(!again.findChild<QLabel *>(QStringLiteral("firstRunLabel")));
}

void TestDesktop::settingsSaveLanguageAndSyncInterval()
{
    QVERIFY(m_manager && m_manager->isOpen());
    preferences::setLanguage({});
    preferences::setAutoSyncMinutes(15);
    SettingsDialog dialog(m_manager.get());
    auto *language = dialog.findChild<QComboBox *>(QStringLiteral("languageComboBox"));
    auto *interval = dialog.findChild<QSpinBox *>(QStringLiteral("autoSyncSpinBox"));
    QVERIFY(language && interval);
    QCOMPARE(language->currentData().toString(), QString()); // follows the system
    QCOMPARE(interval->value(), 15);

    language->setCurrentIndex(language->findData(QStringLiteral("zh_CN")));
    interval->setValue(30);
    QVERIFY(dialog.apply()); // the language changed: a restart is needed
    QCOMPARE(preferences::language(), QStringLiteral("zh_CN"));
    QCOMPARE(preferences::autoSyncMinutes(), 30);
    QVERIFY(!dialog.apply()); // nothing new

    // A new dialog shows what was saved; Cancel keeps it.
    SettingsDialog second(m_manager.get());
    QCOMPARE(second.findChild<QComboBox *>(QStringLiteral("languageComboBox"))->currentData().toString(),
        QStringLiteral("zh_CN"));
    second.findChild<QSpinBox *>(QStringLiteral("autoSyncSpinBox"))->setValue(0);
    second.reject();
    QCOMPARE(preferences::autoSyncMinutes(), 30);

    // A damaged value in the settings file falls back to the default.
    QSettings().setValue(QStringLiteral("sync/autoSyncMinutes"), QStringLiteral("soon"));
    QCOMPARE(preferences::autoSyncMinutes(), preferences::DefaultAutoSyncMinutes);
    preferences::setLanguage({});
}

void TestDesktop::kpiWeightsAreForManagersAndKeptInTheDatabase()
{
    {
        SettingsDialog dialog(m_manager.get());
        auto *first = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weightFirstSpinBox"));
        auto *later = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weightLaterSpinBox"));
        auto *company = dialog.findChild<QCheckBox *>(QStringLiteral("companyWeightsCheckBox"));
        QVERIFY(first && later && company);
        QCOMPARE(first->value(), 1.0);
        QVERIFY(company->isChecked());
        company->setChecked(false);
        first->setValue(0.8);
        later->setValue(0.1);
        dialog.apply();
        const QJsonObject weights = preferences::kpiWeights(*m_manager->store());
        QCOMPARE(weights.value(u"first").toDouble(), 0.8);
        QCOMPARE(weights.value(u"second").toDouble(), 0.5);
        QCOMPARE(weights.value(u"later").toDouble(), 0.1);
        // The dashboard's engine uses them over the company's.
        KpiEngine engine(*m_manager->store()->database());
        KpiResult result;
        QVERIFY(engine.compute(KpiPeriod::month(2026, 10), KpiScope {}, &result));
        QCOMPARE(result.weights.first, 0.8);
        QCOMPARE(result.weights.second, 0.5);
        QCOMPARE(result.weights.later, 0.1);

        // Back to the company's weights: nothing of the user's own is kept.
        company->setChecked(true);
        dialog.apply();
        QVERIFY(preferences::kpiWeights(*m_manager->store()).isEmpty());
        QVERIFY(engine.compute(KpiPeriod::month(2026, 10), KpiScope {}, &result));
        QCOMPARE(result.weights.first, 1.0);
        QCOMPARE(result.weights.later, 0.25);
    }

    // A rep has no dashboard weights to set.
    Session rep;
    const SignInResult result = rep.signIn(
        m_server->url(), QStringLiteral("rep.sh01"), QString::fromLatin1(ServerProcess::DemoPassword));
    QVERIFY2(result.ok, qPrintable(result.message));
    SettingsDialog dialog(&rep);
    QVERIFY(!dialog.findChild<QDoubleSpinBox *>(QStringLiteral("weightFirstSpinBox")));
    QVERIFY(dialog.findChild<QTableWidget *>(QStringLiteral("complianceRulesTable")));
    rep.engine()->cancel();
}

void TestDesktop::complianceRulesShowWhatTheAdministratorSet()
{
    // The administrator makes the speaker-fee rule block and lowers the catering cap to 150 CNY.
    const QString admin = m_server->login(QStringLiteral("admin"));
    QVERIFY(!admin.isEmpty());
    QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 version = 0;
    for (const QJsonObject &r : recordsOf(m_server->pullAll(admin).changes, QStringLiteral("setting"))) {
        if (r.value(u"key").toString() == QLatin1String("compliance.rules")) {
            id = r.value(u"id").toString();
            version = r.value(u"version").toInteger();
        }
    }
    const QJsonObject value {
        {QStringLiteral("speaker_fee"), QJsonObject {{QStringLiteral("severity"), QStringLiteral("block")}}},
        {QStringLiteral("catering_per_head"), QJsonObject {{QStringLiteral("cap_minor"), 15000}}}};
    const HttpReply reply = m_server->push(admin,
        QJsonArray {
            QJsonObject {{QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("entity"), QStringLiteral("setting")}, {QStringLiteral("id"), id},
                {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("base_version"), version},
                {QStringLiteral("set"),
                    QJsonObject {{QStringLiteral("key"), QStringLiteral("compliance.rules")},
                        {QStringLiteral("value"), value}}}}});
    QCOMPARE(reply.status, 200);
    const QString result
        = reply.json.value(u"results").toArray().first().toObject().value(u"status").toString();
    QVERIFY2(result == QLatin1String("applied") || result == QLatin1String("merged"), qPrintable(result));

    QVERIFY(syncSession(*m_manager));
    SettingsDialog dialog(m_manager.get());
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("complianceRulesTable"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), 7);
    bool sawCatering = false;
    bool sawSpeaker = false;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString rule = table->item(row, 0)->text();
        if (rule.startsWith(QLatin1String("Catering"))) {
            sawCatering = true;
            QVERIFY2(table->item(row, 2)->text().contains(QLatin1String("150.00")),
                qPrintable(table->item(row, 2)->text()));
        }
        if (rule.startsWith(QLatin1String("Speaker fee"))) {
            sawSpeaker = true;
            QCOMPARE(table->item(row, 1)->text(), QStringLiteral("Blocks"));
        }
    }
    QVERIFY(sawCatering && sawSpeaker);
}

void TestDesktop::diagnosticsHoldVersionsStatusAndLogsButNoHcpData()
{
    diagnostics::installFileLog();
    qInfo("diagnostics marker 4711");
    Store *store = m_manager->store();
    // One pending change, so the status has something to say.
    const QString hcpId
        = storesql::scalar(store, QStringLiteral("SELECT id FROM hcp ORDER BY id LIMIT 1")).toString();
    QVERIFY(!hcpId.isEmpty());

    m_prompter.savePath = m_home.filePath(QStringLiteral("diag.json"));
    SettingsDialog dialog(m_manager.get());
    dialog.findChild<QPushButton *>(QStringLiteral("exportDiagnosticsButton"))->click();
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("diagnosticsResultLabel"))
                ->text()
                .contains(QLatin1String("diag.json")));

    QFile file(m_prompter.savePath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    const QJsonObject bundle = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(bundle.value(u"versions").toObject().value(u"sqlite").toString(),
        QString::fromLatin1(sqlite3_libversion()));
    QCOMPARE(bundle.value(u"versions").toObject().value(u"rounds").toString(), QStringLiteral("9.8.7"));
    QCOMPARE(bundle.value(u"status").toObject().value(u"user").toString(), QStringLiteral("manager.sh"));
    QVERIFY(!bundle.value(u"status").toObject().value(u"cursors").toObject().isEmpty());
    QVERIFY(bundle.value(u"logs")
                .toObject()
                .value(u"rounds.log")
                .toString()
                .contains(QLatin1String("diagnostics marker 4711")));

    // No name, phone or e-mail of any HCP on this laptop is in the file.
    const auto hcps = storesql::rows(store, QStringLiteral("SELECT full_name, phone, email FROM hcp"));
    QVERIFY(!hcps.isEmpty());
    const QString text = QString::fromUtf8(bytes);
    for (const QVariantList &row : hcps) {
        for (const QVariant &v : row) {
            const QString value = v.toString();
            if (value.size() >= 2)
                QVERIFY2(!text.contains(value), qPrintable(value));
        }
    }

    // Cancelled: nothing is written.
    m_prompter.savePath.clear();
    QVERIFY(dialog.exportDiagnostics().isEmpty());
}

void TestDesktop::aboutNamesEveryVersion()
{
    const QString text = AboutDialog::versionText();
    QVERIFY(text.contains(QStringLiteral("Rounds 9.8.7")));
    QVERIFY(text.contains(QString::fromLatin1(qVersion())));
    QVERIFY(text.contains(QStringLiteral("SQLite ") + QString::fromLatin1(sqlite3_libversion())));
    QVERIFY(text.contains(QStringLiteral("Protocol 1")));
    AboutDialog dialog;
    QVERIFY(dialog.findChild<QPushButton *>(QStringLiteral("copyVersionsButton")));
}

void TestDesktop::iconOnlyButtonsHaveAccessibleNames()
{
    MainWindow window(m_manager.get());
    window.show();
    QStringList unnamed;
    for (const QString &view : MainWindow::viewKeys()) {
        if (!window.showView(view))
            continue; // not in this role's sidebar
        QCoreApplication::processEvents();
        const auto buttons = window.findChildren<QAbstractButton *>();
        for (QAbstractButton *b : buttons) {
            if (!b->isVisibleTo(&window) || hasLetterOrDigit(b->text()))
                continue;
            if (b->accessibleName().isEmpty())
                unnamed << view + QLatin1Char(':') + describe(b);
        }
    }
    unnamed.removeDuplicates();
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));
}

void TestDesktop::visitDialogIsFullyKeyboardOperable()
{
    MainWindow window(m_manager.get());
    window.show();
    const QString hcpId = storesql::scalar(m_manager->store(),
        QStringLiteral(
            "SELECT hcp_id FROM alignment WHERE valid_to IS NULL OR valid_to >= date('now') LIMIT 1"))
                              .toString();
    QVERIFY(!hcpId.isEmpty());
    VisitDialog *dialog = window.openVisitDialog(hcpId);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QApplication::setActiveWindow(dialog);

    // Every input is named by a label (or an accessible name), for screen readers.
    QStringList unnamed;
    QList<QWidget *> inputs;
    for (QWidget *w : dialog->findChildren<QWidget *>()) {
        if (!w->isVisibleTo(dialog) || !w->isEnabled())
            continue;
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QAbstractSpinBox *>(w->parentWidget()))
            continue; // a spin box's own editor
        if (qobject_cast<QLineEdit *>(w) && qobject_cast<QComboBox *>(w->parentWidget()))
            continue;
        if (qobject_cast<QLineEdit *>(w) || qobject_cast<QComboBox *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QPlainTextEdit *>(w)) {
            inputs << w;
            if (!isNamed(dialog, w))
                unnamed << describe(w);
        }
    }
    QVERIFY(inputs.size() >= 5);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QStringLiteral(", "))));

    // Tab reaches every input and the buttons, and comes back around (no trap).
    QWidget *start = QApplication::focusWidget();
    QVERIFY(start);
    QSet<QWidget *> reached;
    for (int i = 0; i < 200; ++i) {
        QWidget *focus = QApplication::focusWidget();
        reached.insert(focus);
        QTest::keyClick(focus, Qt::Key_Tab);
        if (QApplication::focusWidget() == start)
            break;
    }
    for (QWidget *w : inputs) {
        QWidget *target = w->focusProxy() ? w->focusProxy() : w;
        if (w->focusPolicy() & Qt::TabFocus)
            QVERIFY2(reached.contains(target) || reached.contains(w), qPrintable(describe(w)));
    }
    bool reachedSubmit = false;
    for (QWidget *w : std::as_const(reached)) {
        if (auto *b = qobject_cast<QPushButton *>(w);
            b && b->objectName().contains(QLatin1String("submit"), Qt::CaseInsensitive))
            reachedSubmit = true;
    }
    QVERIFY(reachedSubmit);
    dialog->reject();
}

void TestDesktop::calendarWeeksStartWhereTheLocaleSays()
{
    const QLocale before;
    for (const auto &[name, first] : {std::pair {"zh_CN", Qt::Monday}, std::pair {"en_US", Qt::Sunday}}) {
        QLocale::setDefault(QLocale(QString::fromLatin1(name)));
        PlanCalendarView view(m_manager.get());
        view.setMode(PlanCalendarView::Mode::Week);
        view.showDate(QDate(2026, 11, 18)); // a Wednesday
        QCOMPARE(view.firstDay().dayOfWeek(), int(first));
        QVERIFY(view.firstDay() <= QDate(2026, 11, 18) && QDate(2026, 11, 18) <= view.firstDay().addDays(6));
        view.setMode(PlanCalendarView::Mode::Month);
        view.showDate(QDate(2026, 11, 18));
        QCOMPARE(view.firstDay().dayOfWeek(), int(first));
        QVERIFY(view.firstDay() <= QDate(2026, 11, 1) && QDate(2026, 11, 1) <= view.firstDay().addDays(6));
    }
    QLocale::setDefault(before);
}

void TestDesktop::everyViewFitsASmallLaptopScreen()
{
    // A 1280×800 laptop at 100% (or 1920×1080 at 150%): the window must be able to shrink to it, so no
    // page may demand more (a page's minimum width is the whole window's).
    for (const char *user : {"manager.sh", "sfe"}) {
        Session session;
        const SignInResult signedIn = session.signIn(
            m_server->url(), QString::fromLatin1(user), QString::fromLatin1(ServerProcess::DemoPassword));
        QVERIFY2(signedIn.ok, qPrintable(signedIn.message));
        QVERIFY(syncSession(session));
        MainWindow window(&session);
        window.show();
        QStringList tooWide;
        for (const QString &view : MainWindow::viewKeys()) {
            if (!window.showView(view))
                continue;
            QCoreApplication::processEvents();
            const QSize min = window.minimumSizeHint();
            if (min.width() > 1240 || min.height() > 760)
                tooWide << QStringLiteral("%1:%2x%3").arg(view).arg(min.width()).arg(min.height());
        }
        QVERIFY2(tooWide.isEmpty(),
            qPrintable(QString::fromLatin1(user) + QLatin1Char(' ') + tooWide.join(QLatin1Char(' '))));
        window.resize(1240, 760);
        QCoreApplication::processEvents();
        QVERIFY2(window.width() <= 1240, qPrintable(QString::number(window.width())));
    }
}

QTEST_MAIN(TestDesktop)
#include "tst_desktop.moc"
