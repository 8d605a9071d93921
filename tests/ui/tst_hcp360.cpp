// Issue 19, point 10 "HCP 360 that a manager can use too", and the one date format of point 9: the real
// main window offscreen, in China time (TZ=Asia/Shanghai, see CMakeLists.txt), on a store holding what a
// district manager's sync brings (his team's territories and their owners, the HCPs aligned to them, the
// reps' visits and plans; rounds-server's bucket rules).
#include "common/protocol/pulledchange.h"
#include "common/protocol/values.h"
#include "models/hcplistmodel.h"
#include "models/meetinglistmodel.h"
#include "models/store.h"
#include "models/visitlistmodel.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/labels.h"
#include "ui/common/listpage.h"
#include "ui/hcp/hcplistview.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/meetings/meetingsview.h"
#include "uitest.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include <memory>

using namespace rounds;

namespace {

const QString kNorth = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa1");
const QString kSouth = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaa2");
const QString kZhang = QStringLiteral("33333333-3333-4333-8333-333333333331");
const QString kLi = QStringLiteral("33333333-3333-4333-8333-333333333332");
const QString kManager = QStringLiteral("44444444-4444-4444-8444-444444444444");
const QString kInstitution = QStringLiteral("77777777-7777-4777-8777-777777777777");
const QString kWang = QStringLiteral("66666666-6666-4666-8666-666666666661");
const QString kChen = QStringLiteral("66666666-6666-4666-8666-666666666662");
const QString kVisitByZhang = QStringLiteral("88888888-8888-4888-8888-888888888881");
const QString kVisitByLi = QStringLiteral("88888888-8888-4888-8888-888888888882");
const QString kMeeting = QStringLiteral("99999999-9999-4999-8999-999999999999");
// 10:00 on 1 December in Shanghai: the visit by Zhang and the meeting both start then.
const QString kVisitedAt = QStringLiteral("2026-12-01T02:00:00Z");

PulledChange change(
    const QString &entity, const QString &id, const QJsonObject &fields, const QString &bucket)
{
    PulledChange c;
    c.bucket = bucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    return c;
}

QString utc(const QDate &day, const QTime &localTime)
{
    return QDateTime(day, localTime).toUTC().toString(Qt::ISODate);
}

} // namespace

class TestHcp360 : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void profileShowsContactOwnersPlansAndAuthors();
    void backAndForwardBetweenProfiles();
    void sidebarKeepsItsSelection();
    void oneDateFormatInEveryView_data();
    void oneDateFormatInEveryView();
    void screenshots_data();
    void screenshots();

private:
    QTemporaryDir m_home;
    std::unique_ptr<Session> m_session;
    uitest::Language m_language;
    QString m_upcomingPlanAt; // UTC
};

void TestHcp360::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsHcp360");
}

void TestHcp360::init()
{
    QVERIFY(m_language.use(QStringLiteral("en")));
    const QString path = m_home.filePath(QStringLiteral("manager-%1.db").arg(protocol::newUuid()));
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
        QVERIFY(store.setMeta(QStringLiteral("user_id"), kManager));
        const QString global = QStringLiteral("global");
        const QString north = QStringLiteral("t:") + kNorth;
        const QString south = QStringLiteral("t:") + kSouth;
        const QDate today = QDate::currentDate();
        m_upcomingPlanAt = utc(today.addDays(1), QTime(10, 0));
        const QList<PulledChange> page {
            change(QStringLiteral("user"), kZhang,
                {{"username", "zhang"}, {"display_name", "张伟"}, {"role", "rep"}}, global),
            change(QStringLiteral("user"), kLi,
                {{"username", "li"}, {"display_name", "李娜"}, {"role", "rep"}}, global),
            change(QStringLiteral("user"), kManager,
                {{"username", "boss"}, {"display_name", "王经理"}, {"role", "manager"}}, global),
            change(QStringLiteral("territory"), kNorth,
                {{"code", "SH-01"}, {"name", "上海一区"}, {"level", "territory"}, {"owner_id", kZhang}},
                global),
            change(QStringLiteral("territory"), kSouth,
                {{"code", "SH-02"}, {"name", "上海二区"}, {"level", "territory"}, {"owner_id", kLi}}, global),
            change(QStringLiteral("institution"), kInstitution,
                {{"name", "上海市第六人民医院"}, {"kind", "hospital"}, {"city", "上海"},
                    {"address", "上海市徐汇区宜山路600号"}},
                north),
            change(QStringLiteral("hcp"), kWang,
                {{"full_name", "王建华"}, {"status", "active"}, {"tier", "A"},
                    {"institution_id", kInstitution}, {"phone", "021-64369181"}, {"specialty", "心内科"}},
                north),
            change(QStringLiteral("hcp"), kChen,
                {{"full_name", "陈志强"}, {"status", "active"}, {"tier", "B"},
                    {"institution_id", kInstitution}},
                north),
            change(QStringLiteral("alignment"), protocol::newUuid(),
                {{"territory_id", kNorth}, {"hcp_id", kWang}, {"valid_from", "2026-01-01"},
                    {"target_calls_per_cycle", 4}},
                north),
            change(QStringLiteral("alignment"), protocol::newUuid(),
                {{"territory_id", kSouth}, {"hcp_id", kWang}, {"valid_from", "2026-01-01"},
                    {"target_calls_per_cycle", 2}},
                south),
            change(QStringLiteral("alignment"), protocol::newUuid(),
                {{"territory_id", kNorth}, {"hcp_id", kChen}, {"valid_from", "2026-01-01"},
                    {"target_calls_per_cycle", 2}},
                north),
            change(QStringLiteral("visit"), kVisitByZhang,
                {{"territory_id", kNorth}, {"hcp_id", kWang}, {"rep_id", kZhang}, {"channel", "face_to_face"},
                    {"visited_at", kVisitedAt}, {"status", "submitted"}, {"feedback", "愿意试用"}},
                north),
            change(QStringLiteral("visit"), kVisitByLi,
                {{"territory_id", kSouth}, {"hcp_id", kWang}, {"rep_id", kLi}, {"channel", "phone"},
                    {"visited_at", "2026-11-20T03:00:00Z"}, {"status", "submitted"}},
                south),
            // Upcoming: the plan of tomorrow; neither yesterday's nor a cancelled one.
            change(QStringLiteral("visit_plan"), protocol::newUuid(),
                {{"territory_id", kNorth}, {"hcp_id", kWang}, {"planned_at", m_upcomingPlanAt},
                    {"channel", "face_to_face"}, {"status", "planned"}, {"purpose", "新适应症介绍"}},
                north),
            change(QStringLiteral("visit_plan"), protocol::newUuid(),
                {{"territory_id", kNorth}, {"hcp_id", kWang},
                    {"planned_at", utc(today.addDays(-1), QTime(9, 0))}, {"channel", "face_to_face"},
                    {"status", "planned"}},
                north),
            change(QStringLiteral("visit_plan"), protocol::newUuid(),
                {{"territory_id", kSouth}, {"hcp_id", kWang},
                    {"planned_at", utc(today.addDays(3), QTime(9, 0))}, {"channel", "phone"},
                    {"status", "cancelled"}},
                south),
            change(QStringLiteral("meeting"), kMeeting,
                {{"territory_id", kNorth}, {"title", "冠心病诊疗沙龙"}, {"kind", "academic"},
                    {"mode", "offline"}, {"starts_at", kVisitedAt}, {"owner_id", kZhang},
                    {"status", "approved"}, {"budget_minor", 500000}, {"currency", "CNY"}},
                north),
            change(QStringLiteral("meeting_attendee"), protocol::newUuid(),
                {{"meeting_id", kMeeting}, {"hcp_id", kWang}, {"kind", "hcp"}, {"role", "speaker"},
                    {"signed_in", false}, {"fee_minor", 0}},
                north)};
        const ApplyResult r = store.applyPage(page, {{global, 3}, {north, 10}, {south, 10}});
        QVERIFY2(r.ok, qPrintable(r.error));
    }
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(path, &error), qPrintable(error));
}

void TestHcp360::cleanup()
{
    m_session.reset();
    QVERIFY(m_language.use(QStringLiteral("en")));
}

void TestHcp360::profileShowsContactOwnersPlansAndAuthors()
{
    HcpProfileView profile(m_session.get());
    profile.resize(1300, 900);
    profile.show();
    profile.setHcp(kWang);
    const auto label = [&profile](const char *name) {
        auto *l = profile.findChild<QLabel *>(QLatin1String(name));
        return l ? l->text() : QStringLiteral("<no %1>").arg(QLatin1String(name));
    };
    QCOMPARE(label("hcpNameLabel"), QStringLiteral("王建华"));
    QCOMPARE(label("hcpPhoneLabel"), QStringLiteral("021-64369181"));
    QCOMPARE(label("hcpAddressLabel"), QStringLiteral("上海市徐汇区宜山路600号"));
    QCOMPARE(label("hcpOwnersLabel"), QStringLiteral("张伟 (上海一区), 李娜 (上海二区)"));

    auto *upcoming = profile.findChild<QListWidget *>(QStringLiteral("upcomingPlansListWidget"));
    QVERIFY(upcoming);
    QCOMPARE(upcoming->count(), 1);
    const QString plan = upcoming->item(0)->text();
    QVERIFY2(plan.contains(Dates::dateTime(m_upcomingPlanAt)) && plan.contains(QStringLiteral("张伟"))
            && plan.contains(QStringLiteral("新适应症介绍"))
            && plan.contains(Labels::channel(QStringLiteral("face_to_face"))),
        qPrintable(plan));

    // Who made each visit, by name: the manager sees both reps' visits of this doctor.
    auto *timeline = profile.findChild<QTableWidget *>(QStringLiteral("timelineTableWidget"));
    QVERIFY(timeline);
    QCOMPARE(timeline->horizontalHeaderItem(3)->text(), QStringLiteral("By"));
    QStringList authors;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        if (!timeline->item(row, 0)->data(Qt::UserRole).toString().isEmpty())
            authors << timeline->item(row, 3)->text();
    }
    QCOMPARE(authors, (QStringList {QStringLiteral("张伟"), QStringLiteral("李娜")})); // newest first

    // A manager does not log visits: the profile offers no visit logging, but all of the above.
    QVERIFY(!profile.findChild<QPushButton *>(QStringLiteral("logVisitButton"))->isVisible());

    // An HCP without a phone, address or owners says so instead of showing blanks.
    profile.setHcp(kChen);
    QCOMPARE(label("hcpPhoneLabel"), QStringLiteral("not recorded"));
    QCOMPARE(label("hcpOwnersLabel"), QStringLiteral("张伟 (上海一区)"));
    QCOMPARE(upcoming->item(0)->text(), QStringLiteral("No visit planned."));
}

void TestHcp360::backAndForwardBetweenProfiles()
{
    MainWindow window(m_session.get());
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    HcpProfileView *profile = window.hcpProfileView();
    auto *back = profile->findChild<QToolButton *>(QStringLiteral("profileBackButton"));
    auto *forward = profile->findChild<QToolButton *>(QStringLiteral("profileForwardButton"));
    QVERIFY(back && forward);

    window.showHcp(kWang);
    QVERIFY(!back->isEnabled() && !forward->isEnabled());
    QVERIFY(window.showView(QStringLiteral("hcps")));
    window.showHcp(kChen);
    QCOMPARE(profile->hcpId(), kChen);
    QVERIFY(back->isEnabled() && !forward->isEnabled());

    QTest::mouseClick(back, Qt::LeftButton);
    QCOMPARE(profile->hcpId(), kWang);
    QVERIFY(!back->isEnabled() && forward->isEnabled());
    QTest::mouseClick(forward, Qt::LeftButton);
    QCOMPARE(profile->hcpId(), kChen);

    // The keys of every browser: Alt+Left and Alt+Right, wherever the focus is in the window.
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(profile->hcpId(), kWang);
    QCOMPARE(profile->findChild<QLabel *>(QStringLiteral("hcpNameLabel"))->text(), QStringLiteral("王建华"));
    QTest::keyClick(&window, Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(profile->hcpId(), kChen);

    // Opening another profile from Back's place drops what was ahead, as a browser does.
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    window.showHcp(kChen);
    QVERIFY(!forward->isEnabled());
    // The keys do nothing while the profile is not on screen.
    QVERIFY(window.showView(QStringLiteral("plan")));
    QTest::keyClick(&window, Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(profile->hcpId(), kChen);
}

void TestHcp360::sidebarKeepsItsSelection()
{
    MainWindow window(m_session.get());
    window.show();
    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
    QVERIFY(nav);
    const auto selected = [nav] {
        return nav->currentItem() ? nav->currentItem()->data(Qt::UserRole).toString() : QString();
    };

    for (const QString &from :
        {QStringLiteral("hcps"), QStringLiteral("today"), QStringLiteral("dashboard")}) {
        if (!window.showView(from))
            continue; // the dashboard is in the sidebar when the account's role is known
        window.showHcp(kWang);
        QCOMPARE(window.currentView(), QStringLiteral("hcp"));
        QCOMPARE(selected(), from);
        QVERIFY(nav->currentItem()->isSelected());
        // Clicking the entry that is still selected goes back to it.
        QTest::mouseClick(
            nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->currentItem()).center());
        QCOMPARE(window.currentView(), from);
    }
    // A change of account rebuilds the sidebar; on a profile it keeps where the user came from.
    QVERIFY(window.showView(QStringLiteral("hcps")));
    window.showHcp(kWang);
    emit m_session->accountChanged();
    QCOMPARE(window.currentView(), QStringLiteral("hcp"));
    QCOMPARE(selected(), QStringLiteral("hcps"));
}

void TestHcp360::oneDateFormatInEveryView_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("date");
    QTest::addColumn<QString>("dateTime");
    QTest::newRow("English") << "en"
                             << "12/1/2026"
                             << QStringLiteral("12/1/2026 ")
            + QLocale(QLocale::English, QLocale::UnitedStates).toString(QTime(10, 0), QLocale::ShortFormat);
    QTest::newRow("Chinese") << "zh_CN"
                             << "2026-12-01"
                             << "2026-12-01 10:00";
}

// The same instant reads the same in the profile, the HCP list, the visits and the meetings.
void TestHcp360::oneDateFormatInEveryView()
{
    QFETCH(QString, language);
    QFETCH(QString, date);
    QFETCH(QString, dateTime);
    QVERIFY(m_language.use(language));
    MainWindow window(m_session.get());
    window.show();

    window.showHcp(kWang);
    auto *timeline
        = window.hcpProfileView()->findChild<QTableWidget *>(QStringLiteral("timelineTableWidget"));
    QString inProfile;
    QString meetingInProfile;
    for (int row = 0; row < timeline->rowCount(); ++row) {
        if (timeline->item(row, 0)->data(Qt::UserRole).toString() == kVisitByZhang)
            inProfile = timeline->item(row, 0)->text();
        else if (timeline->item(row, 0)->data(Qt::UserRole).toString().isEmpty())
            meetingInProfile = timeline->item(row, 0)->text();
    }
    QCOMPARE(inProfile, date);
    QCOMPARE(meetingInProfile, date);

    QAbstractItemModel *hcps
        = window.hcpListView()->findChild<QTableView *>(QStringLiteral("hcpTableView"))->model();
    QString lastVisit;
    for (int row = 0; row < hcps->rowCount(); ++row) {
        if (hcps->index(row, HcpListModel::Name).data().toString().startsWith(QStringLiteral("王建华")))
            lastVisit = hcps->index(row, HcpListModel::LastVisit).data().toString();
    }
    QVERIFY2(lastVisit.startsWith(date + QStringLiteral("  ·  ")), qPrintable(lastVisit));

    QAbstractItemModel *visits = window.visitsPage()->table()->model();
    QTRY_VERIFY(visits->rowCount() >= 2);
    QStringList visitTimes;
    for (int row = 0; row < visits->rowCount(); ++row)
        visitTimes << visits->index(row, VisitListModel::VisitedAt).data().toString();
    QVERIFY2(visitTimes.contains(dateTime), qPrintable(visitTimes.join(QStringLiteral(" | "))));

    auto *meetings = window.findChild<MeetingsView *>();
    QVERIFY(meetings);
    QAbstractItemModel *meetingList = meetings->listPage()->table()->model();
    QTRY_COMPARE(meetingList->rowCount(), 1);
    QCOMPARE(meetingList->index(0, MeetingListModel::StartsAt).data().toString(), dateTime);
}

void TestHcp360::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_CN") << "zh_CN";
}

// Pictures of the profile for review (ROUNDS_SCREENSHOT_DIR); without it, a check that it paints.
void TestHcp360::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(m_language.use(language));
    MainWindow window(m_session.get());
    window.resize(1366, 768);
    window.show();
    window.showView(QStringLiteral("hcps"));
    window.showHcp(kChen);
    window.showHcp(kWang);
    const QPixmap shot = window.grab();
    QVERIFY(!shot.isNull());
    const QString dir = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(shot.save(dir + QStringLiteral("/hcp360-") + language + QStringLiteral(".png")));
}

QTEST_MAIN(TestHcp360)
#include "tst_hcp360.moc"
