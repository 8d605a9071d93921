// Small screens, dark mode and icons (issue 19, points 6, 7 and 12), offscreen over a real store file:
// - every main view and dialog fits the screen the test runs on (ctest runs this twice: a 1366×768
//   screen at 100 % and a 1920×1080 screen at 150 %, i.e. 1280×720 logical) and keeps its buttons inside
//   the window;
// - Settings offers System, Light and Dark, stores the choice and applies it at once; the dark palette
//   keeps the dashboard tiles' text readable (contrast of the pixels actually drawn);
// - every sidebar entry and main action has a Breeze icon from the bundled resource, light or dark.
#include "common/protocol/values.h"
#include "models/store.h"
#include "sync/preferences.h"
#include "sync/session.h"
#include "ui/common/icons.h"
#include "ui/common/theme.h"
#include "ui/history/historydialog.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/settings/aboutdialog.h"
#include "ui/settings/settingsdialog.h"
#include "ui/signin/signindialog.h"
#include "ui/visits/visitdialog.h"
#include "uitest.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kHcp = QStringLiteral("22222222-2222-4222-8222-222222222222");

// A task bar or dock takes some of a real screen; the offscreen screen has none, so leave room for one.
constexpr int kTaskBar = 40;

PulledChange pulled(const QString &entity, const QString &id, QJsonObject fields, const QString &bucket)
{
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("version"), 1);
    fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-22T01:00:00.000Z"));
    PulledChange c;
    c.bucket = bucket;
    c.seq = 1;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    return c;
}

// The room a window has: the screen's free area less a task bar.
QSize room()
{
    const QRect area = QGuiApplication::primaryScreen()->availableGeometry();
    return QSize(area.width(), area.height() - kTaskBar);
}

bool fits(QSize size, QSize space)
{
    return size.width() <= space.width() && size.height() <= space.height();
}

// Buttons the user can see (not hidden by role or state) that do not lie inside the window; with
// skipScrolled, those in a scroll area's content are left out (a dialog's form scrolls, its buttons stay).
QStringList buttonsOutside(QWidget *window, bool skipScrolled)
{
    QStringList outside;
    const QRect inside = window->rect();
    for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
        if (!button->isVisibleTo(window) || button->objectName().startsWith(QLatin1String("qt_")))
            continue;
        bool scrolled = false;
        for (QWidget *p = button->parentWidget(); p && p != window; p = p->parentWidget())
            scrolled = scrolled || qobject_cast<QScrollArea *>(p)
                || p->objectName() == QLatin1String("qt_scrollarea_viewport");
        if (scrolled && skipScrolled)
            continue;
        // Only buttons on the page shown: a stacked widget's other pages are not visible.
        if (!button->isVisible())
            continue;
        const QRect r(button->mapTo(window, QPoint(0, 0)), button->size());
        if (!inside.contains(r))
            outside << QStringLiteral("%1 %2 at %3,%4 %5x%6 in %7x%8")
                           .arg(button->objectName(), button->text())
                           .arg(r.x())
                           .arg(r.y())
                           .arg(r.width())
                           .arg(r.height())
                           .arg(inside.width())
                           .arg(inside.height());
    }
    return outside;
}

// The colour drawn farthest from the background in a widget's picture, and the background itself (the
// most common colour): what the eye reads as text against what it sits on.
std::pair<QColor, QColor> inkAndPaper(QWidget *widget, const QRect &area)
{
    const QImage image = widget->grab(area).toImage().convertToFormat(QImage::Format_RGB32);
    QHash<QRgb, int> counts;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            ++counts[image.pixel(x, y)];
    QRgb paper = 0;
    int most = -1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() > most) {
            most = it.value();
            paper = it.key();
        }
    QColor ink = QColor(paper);
    double best = 1;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        const double ratio = theme::contrastRatio(QColor(it.key()), QColor(paper));
        if (ratio > best) {
            best = ratio;
            ink = QColor(it.key());
        }
    }
    return {ink, QColor(paper)};
}

// Whether an icon draws something: a pixmap with opaque pixels.
bool drawsSomething(const QIcon &icon)
{
    if (icon.isNull())
        return false;
    const QImage image = icon.pixmap(22, 22).toImage().convertToFormat(QImage::Format_ARGB32);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qAlpha(image.pixel(x, y)) > 128)
                return true;
    return false;
}

} // namespace

class TestDisplay : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyViewFitsTheScreen();
    void everyDialogFitsTheScreen();
    void settingsOffersThreeThemesAndApplesAtOnce();
    void darkTilesStayReadable();
    void sidebarAndActionsHaveIcons();

private:
    QTemporaryDir m_home;
    std::unique_ptr<Session> m_session;
};

void TestDisplay::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsDisplay");
    theme::rememberSystemLook();
    qInfo("screen %dx%d logical, device pixel ratio %.2f",
        QGuiApplication::primaryScreen()->availableGeometry().width(),
        QGuiApplication::primaryScreen()->availableGeometry().height(),
        QGuiApplication::primaryScreen()->devicePixelRatio());
}

void TestDisplay::init()
{
    // An admin sees every view; one HCP with a plan today fills the profile, Today and the plan.
    const QString path = m_home.filePath(QStringLiteral("admin.db"));
    QFile::remove(path);
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("admin")));
        QVERIFY(store.setMeta(QStringLiteral("user_id"), protocol::newUuid()));
        const QString today = QDateTime(QDate::currentDate(), QTime(15, 0)).toUTC().toString(Qt::ISODate);
        const ApplyResult r = store.applyPage(
            {pulled(QStringLiteral("hcp"), kHcp,
                 {{QStringLiteral("full_name"), QStringLiteral("张医生")},
                     {QStringLiteral("status"), QStringLiteral("active")}},
                 QStringLiteral("t:") + kTerritory),
                pulled(QStringLiteral("visit_plan"), protocol::newUuid(),
                    {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), kHcp},
                        {QStringLiteral("planned_at"), today},
                        {QStringLiteral("channel"), QStringLiteral("face_to_face")},
                        {QStringLiteral("status"), QStringLiteral("planned")}},
                    QStringLiteral("t:") + kTerritory)},
            {});
        QVERIFY2(r.ok, qPrintable(r.error));
    }
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(path, &error), qPrintable(error));
}

void TestDisplay::cleanup()
{
    theme::apply(QStringLiteral("system"));
    preferences::setTheme(QStringLiteral("system"));
    m_session.reset();
}

void TestDisplay::everyViewFitsTheScreen()
{
    MainWindow window(m_session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize space = room();
    // Opened on this screen, the window takes no more than its free area.
    QVERIFY2(
        fits(window.frameGeometry().size(), QGuiApplication::primaryScreen()->availableGeometry().size()),
        qPrintable(QStringLiteral("window %1x%2").arg(window.width()).arg(window.height())));
    window.resize(space);
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
    QVERIFY(nav);
    auto *stack = window.findChild<QStackedWidget *>(QStringLiteral("viewStackedWidget"));
    QVERIFY(stack);
    QStringList keys;
    for (int i = 0; i < nav->count(); ++i)
        keys << nav->item(i)->data(Qt::UserRole).toString();
    QCOMPARE(keys.size(), 14); // the admin's views, all of them (the Users and Library pages too)
    keys << QStringLiteral("hcp");
    // Pages long by nature scroll down; every other page fits the window whole.
    const QStringList tall {QStringLiteral("hcp"), QStringLiteral("plan"), QStringLiteral("company")};
    for (const QString &key : std::as_const(keys)) {
        if (key == QLatin1String("hcp"))
            window.showHcp(kHcp);
        else
            QVERIFY(window.showView(key));
        QCoreApplication::processEvents();
        const QSize minimum = window.minimumSizeHint().expandedTo(window.minimumSize());
        QVERIFY2(fits(minimum, space),
            qPrintable(QStringLiteral("%1: the window needs %2x%3, the screen has %4x%5")
                           .arg(key)
                           .arg(minimum.width())
                           .arg(minimum.height())
                           .arg(space.width())
                           .arg(space.height())));
        QVERIFY2(fits(window.size(), space), qPrintable(key));
        auto *area = qobject_cast<QScrollArea *>(stack->currentWidget());
        QVERIFY2(area && area->widget(), qPrintable(key + QStringLiteral(": the page does not scroll")));
        const QSize page = area->widget()->minimumSizeHint();
        const QSize viewport = area->viewport()->size();
        const bool whole = fits(page, viewport);
        QVERIFY2(whole || (tall.contains(key) && page.width() <= viewport.width()),
            qPrintable(QStringLiteral("%1: the page needs %2x%3, the window shows %4x%5")
                           .arg(key)
                           .arg(page.width())
                           .arg(page.height())
                           .arg(viewport.width())
                           .arg(viewport.height())));
        if (!whole)
            continue;
        // The page shows whole: its buttons lie inside it (those of a list or chart grid that scrolls on
        // its own, like the dashboard's cards, are reached by scrolling it).
        const QStringList outside = buttonsOutside(area->widget(), true);
        QVERIFY2(
            outside.isEmpty(), qPrintable(key + QStringLiteral(": ") + outside.join(QStringLiteral("; "))));
    }
}

void TestDisplay::everyDialogFitsTheScreen()
{
    MainWindow window(m_session.get());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QSize space = room();
    const auto check = [&space](QDialog *dialog, const QString &name) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QSize minimum = dialog->minimumSizeHint().expandedTo(dialog->minimumSize());
        QVERIFY2(fits(minimum, space),
            qPrintable(QStringLiteral("%1 needs at least %2x%3, the screen has %4x%5")
                           .arg(name)
                           .arg(minimum.width())
                           .arg(minimum.height())
                           .arg(space.width())
                           .arg(space.height())));
        QVERIFY2(fits(dialog->frameGeometry().size(),
                     QGuiApplication::primaryScreen()->availableGeometry().size()),
            qPrintable(
                QStringLiteral("%1 opens at %2x%3").arg(name).arg(dialog->width()).arg(dialog->height())));
        // Squeezed to the room a small screen leaves, every button still lies inside the dialog.
        dialog->resize(dialog->size().boundedTo(space));
        QCoreApplication::processEvents();
        const QStringList outside = buttonsOutside(dialog, true);
        QVERIFY2(
            outside.isEmpty(), qPrintable(name + QStringLiteral(": ") + outside.join(QStringLiteral("; "))));
    };

    VisitDialog *visit = window.openVisitDialog(kHcp);
    check(visit, QStringLiteral("visit"));
    visit->close();

    MeetingEditor meeting(m_session->store(), m_session->account(), QString(), &window);
    check(&meeting, QStringLiteral("meeting editor"));

    SettingsDialog settings(m_session.get(), &window);
    check(&settings, QStringLiteral("settings"));

    AboutDialog about(&window);
    check(&about, QStringLiteral("about"));

    SignInDialog signIn(m_session.get(), &window);
    check(&signIn, QStringLiteral("sign-in"));

    HistoryDialog history(m_session.get(), QStringLiteral("hcp"), kHcp, QStringLiteral("张医生"), &window);
    check(&history, QStringLiteral("history"));
}

void TestDisplay::settingsOffersThreeThemesAndApplesAtOnce()
{
    QCOMPARE(preferences::theme(), QStringLiteral("system"));
    const QPalette system = QApplication::palette();
    {
        SettingsDialog dialog(m_session.get());
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("themeComboBox"));
        QVERIFY(combo);
        QStringList offered;
        for (int i = 0; i < combo->count(); ++i)
            offered << combo->itemData(i).toString();
        QCOMPARE(offered, (QStringList {"system", "light", "dark"}));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("system"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("dark")));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
    }
    // Stored, and applied without a restart: a dark palette, the dark icons.
    QCOMPARE(preferences::theme(), QStringLiteral("dark"));
    QVERIFY(theme::isDark(QApplication::palette()));
    QCOMPARE(QIcon::themeName(), QStringLiteral("rounds-breeze-dark"));
    QCOMPARE(QApplication::style()->name().toLower(), QStringLiteral("fusion"));
    {
        SettingsDialog dialog(m_session.get());
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("themeComboBox"));
        QCOMPARE(combo->currentData().toString(), QStringLiteral("dark"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("light")));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
    }
    QCOMPARE(preferences::theme(), QStringLiteral("light"));
    QVERIFY(!theme::isDark(QApplication::palette()));
    QCOMPARE(QIcon::themeName(), QStringLiteral("rounds-breeze"));
    {
        SettingsDialog dialog(m_session.get());
        auto *combo = dialog.findChild<QComboBox *>(QStringLiteral("themeComboBox"));
        combo->setCurrentIndex(combo->findData(QStringLiteral("system")));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("okButton")), Qt::LeftButton);
    }
    QCOMPARE(preferences::theme(), QStringLiteral("system"));
    QCOMPARE(QApplication::palette().color(QPalette::Window), system.color(QPalette::Window));
}

void TestDisplay::darkTilesStayReadable()
{
    MainWindow window(m_session.get());
    window.resize(1280, 720);
    window.show();
    QVERIFY(window.showView(QStringLiteral("dashboard")));
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    // Switched while the window is open, as Settings does.
    theme::apply(QStringLiteral("dark"));
    QCoreApplication::processEvents();
    const QList<QFrame *> tiles = window.findChildren<QFrame *>(QRegularExpression(QStringLiteral("^tile_")));
    QVERIFY(tiles.size() >= 6);
    for (QFrame *tile : tiles) {
        for (QLabel *label : tile->findChildren<QLabel *>()) {
            if (label->text().isEmpty())
                continue;
            // What the tile shows where the label is: the label drawn over the tile's background.
            const auto [ink, paper] = inkAndPaper(tile, label->geometry());
            QVERIFY2(paper.lightnessF() < 0.5,
                qPrintable(QStringLiteral("%1/%2 on %3")
                               .arg(tile->objectName(), label->objectName(), paper.name())));
            const double ratio = theme::contrastRatio(ink, paper);
            QVERIFY2(ratio >= 4.5,
                qPrintable(
                    QStringLiteral("%1/%2 \"%3\": %4 on %5, contrast %6")
                        .arg(tile->objectName(), label->objectName(), label->text(), ink.name(), paper.name())
                        .arg(ratio, 0, 'f', 2)));
        }
    }
    // The meaning colours keep a readable contrast on the dark and the light palette alike.
    for (const QPalette &palette : {theme::darkPalette(), theme::lightPalette()}) {
        for (theme::Tone tone : {theme::Tone::Error, theme::Tone::Success, theme::Tone::Warning,
                 theme::Tone::Accent, theme::Tone::Normal}) {
            QVERIFY(
                theme::contrastRatio(theme::toneColor(tone, palette), palette.color(QPalette::Base)) >= 4.5);
            QVERIFY(theme::contrastRatio(theme::toneColor(tone, palette), palette.color(QPalette::Window))
                >= 4.5);
            QVERIFY(theme::contrastRatio(palette.color(QPalette::Text), theme::toneBackground(tone, palette))
                >= 4.5);
        }
    }
}

void TestDisplay::sidebarAndActionsHaveIcons()
{
    MainWindow window(m_session.get());
    window.show();
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
    QVERIFY(nav);
    for (const QString &look : {QStringLiteral("light"), QStringLiteral("dark")}) {
        theme::apply(look);
        for (int i = 0; i < nav->count(); ++i) {
            const QString key = nav->item(i)->data(Qt::UserRole).toString();
            QVERIFY2(drawsSomething(nav->item(i)->icon()), qPrintable(look + QLatin1Char(' ') + key));
            // From the bundled set, not from whatever the desktop has installed.
            QVERIFY2(
                QFile::exists(QStringLiteral(":/icons/rounds-breeze%1/22/%2.svg")
                                  .arg(look == QLatin1String("dark") ? QStringLiteral("-dark") : QString(),
                                      icons::viewIconName(key))),
                qPrintable(key));
        }
        for (const char *name :
            {"logVisitAction", "syncNowAction", "settingsAction", "aboutAction", "signOutAction"}) {
            auto *action = window.findChild<QAction *>(QString::fromLatin1(name));
            QVERIFY2(action && drawsSomething(action->icon()), name);
        }
        for (const char *name : {"logVisitButton", "newMeetingButton", "approveButton", "exportCsvButton",
                 "applyImportButton", "hcpHistoryButton"}) {
            auto *button = window.findChild<QAbstractButton *>(QString::fromLatin1(name));
            QVERIFY2(button && drawsSomething(button->icon()), name);
        }
    }
    // The dark set is drawn in light strokes, the light set in dark ones.
    theme::apply(QStringLiteral("light"));
    const QImage light = icons::view(QStringLiteral("hcps")).pixmap(22, 22).toImage();
    theme::apply(QStringLiteral("dark"));
    const QImage dark = icons::view(QStringLiteral("hcps")).pixmap(22, 22).toImage();
    QVERIFY(light != dark);
    VisitDialog *visit = window.openVisitDialog(kHcp);
    QVERIFY(drawsSomething(visit->findChild<QPushButton *>(QStringLiteral("saveDraftButton"))->icon()));
    QVERIFY(drawsSomething(visit->findChild<QPushButton *>(QStringLiteral("submitButton"))->icon()));
    visit->close();
}

QTEST_MAIN(TestDisplay)
#include "tst_display.moc"
