#include "models/hcplistmodel.h"
#include "models/materialqueries.h"
#include "models/referencequeries.h"
#include "models/showcasequeries.h"
#include "sync/diagnostics.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "ui/admin/materialdialog.h"
#include "ui/admin/usersview.h"
#include "ui/common/theme.h"
#include "ui/hcp/erasedialog.h"
#include "ui/hcp/hcplistview.h"
#include "ui/history/historydialog.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/meetings/meetingsview.h"
#include "ui/plan/plancalendarview.h"
#include "ui/settings/aboutdialog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/signin/signoutdialog.h"
#include "ui/territories/territoryview.h"
#include "ui/visits/visitdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCommandLineParser>
#include <QDebug>
#include <QIcon>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QTimer>
#include <QTranslator>

namespace {

int fail(const QString &message)
{
    QTextStream(stderr) << "rounds: " << message << Qt::endl;
    return 1;
}

// Renders the window (and an open dialog over it, the rest dimmed) into a PNG.
bool saveScreenshot(rounds::MainWindow &window, QWidget *dialog, const QString &file)
{
    QPixmap picture = window.grab();
    if (dialog) {
        QPainter painter(&picture);
        painter.fillRect(picture.rect(), QColor(0, 0, 0, 96));
        const QPixmap front = dialog->grab();
        // Logical coordinates: both pictures carry the screen's device pixel ratio.
        const QSizeF back = picture.deviceIndependentSize();
        const QSizeF size = front.deviceIndependentSize();
        painter.drawPixmap(
            QPointF((back.width() - size.width()) / 2, (back.height() - size.height()) / 2), front);
    }
    return picture.save(file);
}

// A visit as a rep would log it, so the picture shows the dialog in use.
void fillExample(rounds::VisitDialog *visit, rounds::Store *store)
{
    QList<rounds::NamedItem> products;
    rounds::ReferenceQueries::products(store, &products); // a picture with fewer products at worst
    visit->clearProducts();
    const char *reactions[] = {"positive", "neutral"};
    for (int i = 0; i < qMin<qsizetype>(2, products.size()); ++i) {
        QList<rounds::NamedItem> messages;
        rounds::ReferenceQueries::keyMessages(store, products.at(i).id, &messages);
        visit->addProduct(products.at(i).id, messages.isEmpty() ? QString() : messages.first().id,
            QString::fromLatin1(reactions[i]));
    }
    if (auto *feedback = visit->findChild<QPlainTextEdit *>(QStringLiteral("feedbackTextEdit")))
        feedback->setPlainText(
            QObject::tr("Interested in the new data; asks about side effects in elderly patients."));
    if (auto *support = visit->findChild<QComboBox *>(QStringLiteral("supportLevelComboBox")))
        support->setCurrentIndex(4);
    if (auto *followUp = visit->findChild<QLineEdit *>(QStringLiteral("followUpLineEdit")))
        followUp->setText(QObject::tr("Bring the subgroup analysis for patients over 65"));
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Rounds"));
    QApplication::setOrganizationName(QStringLiteral("Rounds"));
    QApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rounds.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rounds: visits, plans and meetings for the field force"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
        QStringLiteral("Sync server URL to offer at sign-in."), QStringLiteral("URL"));
    const QCommandLineOption languageOption({QStringLiteral("language"), QStringLiteral("lang")},
        QStringLiteral("User interface language (en, zh_CN)."), QStringLiteral("LANG"));
    const QCommandLineOption dbOption(QStringLiteral("db"),
        QStringLiteral("Open this local database instead of the last account's."), QStringLiteral("FILE"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the main window (1440x900 unless --size says otherwise; an open "
                       "dialog is drawn over it, centred, the window dimmed) to FILE and quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
        QStringLiteral("With --screenshot: the main window's size in logical pixels, e.g. 1366x768 (at "
                       "QT_SCALE_FACTOR=1.5 the PNG has 1.5 times as many pixels)."),
        QStringLiteral("WxH"));
    const QCommandLineOption themeOption(QStringLiteral("theme"),
        QStringLiteral("The look for this run: system, light or dark (default: the one chosen in Settings)."),
        QStringLiteral("THEME"));
    const QCommandLineOption dialogOption(QStringLiteral("dialog"),
        QStringLiteral(
            "A dialog to open over the view: visit (log a visit for the busiest HCP), meeting "
            "(the liveliest meeting's editor), settings (General page), compliance (Settings, "
            "compliance rules), history (an HCP's History, from the server), about, signin, "
            "signout (File, Sign out, with the data removal ticked), newuser (an admin's New "
            "user form, over the users view), erase (the busiest HCP's Erase personal data dialog, filled "
            "in), newmaterial (an admin's New material form over the library, filled from the newest PDF "
            "this computer holds)."),
        QStringLiteral("DIALOG"));
    const QCommandLineOption viewOption(QStringLiteral("view"),
        QStringLiteral(
            "The view to open: today, hcps, hcp, plan, visit, visits, meetings, meeting, dashboard, "
            "territories, alignment (a territory's alignments), masterdata, duplicates, "
            "changerequests, conflicts, company (an admin's company settings), users (an admin's users and "
            "devices, read from the server), library (an admin's materials), settings (the settings "
            "dialog), history (an HCP's History panel, read from the server)."),
        QStringLiteral("VIEW"));
    const QCommandLineOption searchOption(QStringLiteral("search"),
        QStringLiteral("Run the global search for TEXT, as if typed in the search box (the HCP list with "
                       "what it finds: by name, pinyin, initials or hospital)."),
        QStringLiteral("TEXT"));
    parser.addOptions({serverOption, languageOption, dbOption, screenshotOption, viewOption, searchOption,
        sizeOption, themeOption, dialogOption});
    parser.process(app);

    const QString language
        = parser.isSet(languageOption) ? parser.value(languageOption) : rounds::preferences::language();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("rounds"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    const QString themeName
        = parser.isSet(themeOption) ? parser.value(themeOption) : rounds::preferences::theme();
    if (!rounds::theme::names().contains(themeName))
        return fail(QStringLiteral("unknown theme '%1' (system, light, dark)").arg(themeName));
    rounds::theme::rememberSystemLook();
    rounds::theme::apply(themeName);

    QSize windowSize(1440, 900);
    if (parser.isSet(sizeOption)) {
        const QStringList parts = parser.value(sizeOption).split(QLatin1Char('x'));
        bool okWidth = false;
        bool okHeight = false;
        if (parts.size() == 2)
            windowSize = QSize(parts[0].toInt(&okWidth), parts[1].toInt(&okHeight));
        if (!okWidth || !okHeight || windowSize.width() < 200 || windowSize.height() < 200)
            return fail(QStringLiteral("--size wants WIDTHxHEIGHT, e.g. 1366x768"));
    }

    const bool screenshot = parser.isSet(screenshotOption);
    if (!screenshot)
        rounds::diagnostics::installFileLog();
    rounds::Session session;
    QString startError;
    if (parser.isSet(dbOption)) {
        if (!session.openDatabase(parser.value(dbOption), &startError) && !session.needsPassword())
            return fail(startError);
    } else {
        session.restoreLastAccount();
        startError = session.notice();
    }
    if (!session.isOpen()) {
        rounds::SignInDialog signIn(&session);
        signIn.setServer(parser.value(serverOption));
        if (session.needsPassword()) {
            // Offline longer than the company allows: the password again before the data opens.
            signIn.lockAccount(session.passwordAccount().server, session.passwordAccount().user);
            signIn.showMessage(startError);
        }
        if (screenshot) { // no account yet: the picture is the sign-in dialog
            signIn.show();
            const QString file = parser.value(screenshotOption);
            QTimer::singleShot(
                800, &signIn, [&signIn, file] { QApplication::exit(signIn.grab().save(file) ? 0 : 1); });
            return app.exec();
        }
        if (signIn.exec() != QDialog::Accepted)
            return 0;
    }

    rounds::MainWindow window(&session);
    QString view = parser.value(viewOption);
    // `--dialog NAME` and the older `--view` aliases of the dialogs (visit, meeting, settings, history).
    QString dialogName = parser.value(dialogOption);
    const QStringList dialogNames = {QStringLiteral("visit"), QStringLiteral("meeting"),
        QStringLiteral("settings"), QStringLiteral("compliance"), QStringLiteral("history"),
        QStringLiteral("about"), QStringLiteral("signin"), QStringLiteral("signout"),
        QStringLiteral("newuser"), QStringLiteral("erase"), QStringLiteral("newmaterial")};
    if (!dialogName.isEmpty() && !dialogNames.contains(dialogName))
        return fail(QStringLiteral("unknown dialog '%1'").arg(dialogName));
    if (dialogName.isEmpty() && (view == QLatin1String("meeting") || view == QLatin1String("history")))
        dialogName = view;
    if (dialogName == QLatin1String("newuser"))
        view = QStringLiteral("users");
    if (dialogName == QLatin1String("newmaterial"))
        view = QStringLiteral("library");
    if (dialogName.isEmpty() && view == QLatin1String("settings"))
        dialogName = QStringLiteral("compliance");
    if (dialogName.isEmpty() && view == QLatin1String("visit"))
        dialogName = view;
    // `meeting`: the Meetings view (unless --view names another) with the editor of a meeting over it.
    const bool meetingEditor = dialogName == QLatin1String("meeting");
    if (meetingEditor && (view.isEmpty() || view == QLatin1String("meeting")))
        view = QStringLiteral("meetings");
    // `history`: the busiest HCP's profile with its History panel over it (fetched from the server).
    const bool historyPanel = dialogName == QLatin1String("history");
    // `erase`: the busiest HCP's profile with its Erase personal data dialog over it.
    const bool eraseDialog = dialogName == QLatin1String("erase");
    if (historyPanel || eraseDialog)
        view = QStringLiteral("hcp");
    // `settings` shows the settings dialog over the window: its General page, or (`compliance`, and the
    // older `--view settings`) its compliance page, the most telling.
    const bool settingsDialog
        = dialogName == QLatin1String("settings") || dialogName == QLatin1String("compliance");
    if (view == QLatin1String("settings"))
        view.clear();
    if (!view.isEmpty() && view != QLatin1String("visit") && view != QLatin1String("alignment")
        && !rounds::MainWindow::viewKeys().contains(view))
        return fail(QStringLiteral("unknown view '%1'").arg(view));
    if (screenshot)
        window.resize(windowSize);
    window.show();

    QWidget *dialog = nullptr;
    // The tagged HCP with the most visits makes the fullest profile and visit pictures.
    QString busiest;
    QString error;
    // A failed pick only makes a poorer picture: said, not fatal.
    if (!rounds::ShowcaseQueries::busiestHcp(session.store(), &busiest, &error))
        qWarning().noquote() << error;
    if (view == QLatin1String("hcp") && !busiest.isEmpty()) {
        window.showHcp(busiest);
    } else if (view == QLatin1String("visit")) {
        window.showView(QStringLiteral("hcps"));
    } else if (view == QLatin1String("plan")) {
        window.showView(view);
        window.planView()->setMode(rounds::PlanCalendarView::Mode::Month); // the demo plans lie ahead
    } else if (view == QLatin1String("alignment")) {
        // The territory with the most current alignments makes the fullest alignment picture.
        window.showView(QStringLiteral("territories"));
        QString territory;
        if (!rounds::ShowcaseQueries::busiestTerritory(session.store(), &territory, &error))
            qWarning().noquote() << error;
        if (auto *territories = window.findChild<rounds::TerritoryView *>())
            territories->selectTerritory(territory);
    } else if (!view.isEmpty()) {
        window.showView(view);
    }

    if (parser.isSet(searchOption))
        window.search(parser.value(searchOption));

    if (dialogName == QLatin1String("visit")) {
        rounds::HcpListView *hcps = window.hcpListView();
        const QString hcpId = busiest.isEmpty() ? hcps->model()->idAt(0) : busiest;
        if (!hcpId.isEmpty()) {
            rounds::VisitDialog *visit = window.openVisitDialog(hcpId);
            fillExample(visit, session.store());
            dialog = visit;
        }
    }

    if (dialogName == QLatin1String("about")) {
        auto *about = new rounds::AboutDialog(&window);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->show();
        dialog = about;
    }

    if (dialogName == QLatin1String("signin")) {
        // As File → Sign in shows it, with this file's server and user filled in.
        auto *signIn = new rounds::SignInDialog(&session, &window);
        signIn->setAttribute(Qt::WA_DeleteOnClose);
        signIn->setServer(session.account().server);
        signIn->show();
        dialog = signIn;
    }

    if (dialogName == QLatin1String("signout")) {
        // As File → Sign out shows it, with "remove this computer's data" ticked.
        auto *signOut = new rounds::SignOutDialog(&session, &window);
        signOut->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *remove = signOut->findChild<QCheckBox *>(QStringLiteral("removeDataCheckBox")))
            remove->setChecked(true);
        signOut->show();
        dialog = signOut;
    }

    if (historyPanel) {
        // As a user opens it: the profile's History button.
        if (auto *button = window.findChild<QPushButton *>(QStringLiteral("hcpHistoryButton")))
            button->click();
        dialog = window.findChild<rounds::HistoryDialog *>();
    }

    if (eraseDialog) {
        // Filled in as SFE would before the last click: a reason and the name typed again.
        auto *nameLabel = window.findChild<QLabel *>(QStringLiteral("hcpNameLabel"));
        const QString name = nameLabel ? nameLabel->text() : QString();
        auto *erase = new rounds::EraseDialog(
            name, QObject::tr("DSR-2026-017: the HCP's letter of 1 December, asking to be erased"), &window);
        erase->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *confirm = erase->findChild<QLineEdit *>(QStringLiteral("eraseConfirmLineEdit")))
            confirm->setText(name);
        erase->show();
        dialog = erase;
    }

    if (settingsDialog) {
        auto *settings = new rounds::SettingsDialog(&session, &window);
        settings->setAttribute(Qt::WA_DeleteOnClose);
        if (auto *tabs = settings->findChild<QTabWidget *>(QStringLiteral("settingsTabs")))
            tabs->setCurrentIndex(dialogName == QLatin1String("compliance") ? 2 : 0);
        settings->show();
        dialog = settings;
    }

    if (meetingEditor) {
        // The earliest meeting still being planned or run makes the liveliest editor picture.
        QString meetingId;
        if (!rounds::ShowcaseQueries::liveliestMeeting(session.store(), &meetingId, &error))
            qWarning().noquote() << error;
        if (auto *meetings = window.findChild<rounds::MeetingsView *>())
            dialog = meetings->openEditor(meetingId);
    }

    if (dialogName == QLatin1String("newmaterial")) {
        // New material… filled from the newest material whose file this computer holds.
        auto *material = new rounds::MaterialDialog(session.store(), &window);
        material->setAttribute(Qt::WA_DeleteOnClose);
        QList<rounds::MaterialItem> items;
        rounds::MaterialQueries::list(session.store(), {}, QDate(), &items, &error);
        for (const rounds::MaterialItem &m : std::as_const(items)) {
            if (!m.localPath.isEmpty() && m.kind == QLatin1String("pdf") && material->setFile(m.localPath)) {
                material->fillFrom(m);
                break;
            }
        }
        material->show();
        dialog = material;
    }

    if (!screenshot && session.isSignedIn())
        session.engine()->syncNow(); // catch up at start; the window works meanwhile

    if (screenshot) {
        const QString file = parser.value(screenshotOption);
        auto shoot = [&window, dialog, file] {
            const bool saved = saveScreenshot(window, dialog, file);
            QApplication::exit(saved ? 0 : 1);
        };
        auto *users = view == QLatin1String("users") ? window.findChild<rounds::UsersView *>() : nullptr;
        if (users && users->isVisible()) {
            // The Users page waits for the server's list, and shows the user with the most devices (and,
            // with --dialog newuser, the New user form over it).
            const bool newUser = dialogName == QLatin1String("newuser");
            QObject::connect(users, &rounds::UsersView::loaded, &window, [&window, users, file, newUser] {
                users->selectUser(users->busiestUserId());
                QWidget *form = nullptr;
                if (auto *button
                    = newUser ? users->findChild<QPushButton *>(QStringLiteral("newUserButton")) : nullptr) {
                    button->click();
                    form = users->findChild<rounds::UserFormDialog *>();
                }
                QTimer::singleShot(300, users, [&window, form, file] {
                    QApplication::exit(saveScreenshot(window, form, file) ? 0 : 1);
                });
            });
        } else {
            // The History panel waits for the server's answer.
            QTimer::singleShot(historyPanel ? 3000 : 800, &window, shoot);
        }
    }
    return app.exec();
}
