// The window offers each role exactly the actions the server accepts from it (the role policy of the entity
// schema): per role, the main window's menus and sidebar, and the buttons of the HCP list, the HCP profile,
// the meetings, the plan and today views. Offscreen, over a real store file signed in as that role.
#include "common/protocol/values.h"
#include "models/store.h"
#include "sync/session.h"
#include "ui/hcp/hcplistview.h"
#include "ui/hcp/hcpprofileview.h"
#include "ui/mainwindow/mainwindow.h"
#include "uitest.h"

#include <QAction>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kHcp = QStringLiteral("22222222-2222-4222-8222-222222222222");

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

// Whether the window (or one of its pages) offers the widget: not hidden by the role.
bool offeredIn(QWidget *window, const char *name)
{
    auto *w = window->findChild<QWidget *>(QString::fromLatin1(name));
    if (!w) {
        qWarning("no widget %s", name);
        return false;
    }
    return !w->isHidden();
}

} // namespace

class TestRoleActions : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachRoleSeesItsActions_data();
    void eachRoleSeesItsActions();

private:
    QTemporaryDir m_home;
};

void TestRoleActions::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsRoles");
}

void TestRoleActions::eachRoleSeesItsActions_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QStringList>("views");
    QTest::addColumn<QStringList>("offered"); // of every action checked, those the role gets

    const QStringList base {QStringLiteral("today"), QStringLiteral("hcps"), QStringLiteral("plan"),
        QStringLiteral("visits"), QStringLiteral("meetings")};
    const QStringList sfeViews {QStringLiteral("territories"), QStringLiteral("masterdata"),
        QStringLiteral("duplicates"), QStringLiteral("changerequests")};
    const QStringList conflicts {QStringLiteral("conflicts")};
    const QStringList dashboard {QStringLiteral("dashboard")};
    // Reps and managers present materials (issue 21); admins manage them in the Library.
    const QStringList materials {QStringLiteral("materials")};
    QTest::newRow("rep") << "rep" << base + materials + conflicts
                         << QStringList {"logVisitAction", "hcpList.logVisitButton", "profile.logVisitButton",
                                "planVisitButton", "addTagButton", "removeTagButton",
                                "proposeCorrectionButton", "newMeetingButton", "planHintLabel"};
    QTest::newRow("manager") << "manager" << base + materials + dashboard + conflicts
                             << QStringList {"planVisitButton", "approvalQueueGroupBox", "planHintLabel"};
    QTest::newRow("sfe") << "sfe" << base + sfeViews + conflicts
                         << QStringList {"addTagButton", "removeTagButton", "proposeCorrectionButton"};
    QTest::newRow("admin") << "admin"
                           << base + dashboard + sfeViews + conflicts
            + QStringList {"company", "users", "library"}
                           << QStringList {"addTagButton", "removeTagButton", "proposeCorrectionButton"};
}

void TestRoleActions::eachRoleSeesItsActions()
{
    QFETCH(QString, role);
    QFETCH(QStringList, views);
    QFETCH(QStringList, offered);

    const QString path = m_home.filePath(role + QStringLiteral(".db"));
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), role));
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
    Session session;
    QString error;
    QVERIFY2(session.openDatabase(path, &error), qPrintable(error));
    MainWindow window(&session);
    window.show();

    auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigationListWidget"));
    QVERIFY(nav);
    QStringList shown;
    for (int i = 0; i < nav->count(); ++i)
        shown << nav->item(i)->data(Qt::UserRole).toString();
    QCOMPARE(shown, views);

    window.showHcp(kHcp);
    QVERIFY(window.showView(QStringLiteral("plan")));
    auto *logVisit = window.findChild<QAction *>(QStringLiteral("logVisitAction"));
    QVERIFY(logVisit);
    QWidget *hcpList = window.hcpListView();
    QWidget *profile = window.hcpProfileView();
    const QList<std::pair<QString, bool>> actual {{QStringLiteral("logVisitAction"), logVisit->isVisible()},
        {QStringLiteral("hcpList.logVisitButton"), offeredIn(hcpList, "logVisitButton")},
        {QStringLiteral("profile.logVisitButton"), offeredIn(profile, "logVisitButton")},
        {QStringLiteral("planVisitButton"), offeredIn(profile, "planVisitButton")},
        {QStringLiteral("addTagButton"), offeredIn(profile, "addTagButton")},
        {QStringLiteral("removeTagButton"), offeredIn(profile, "removeTagButton")},
        {QStringLiteral("proposeCorrectionButton"), offeredIn(profile, "proposeCorrectionButton")},
        {QStringLiteral("newMeetingButton"), offeredIn(&window, "newMeetingButton")},
        {QStringLiteral("approvalQueueGroupBox"), offeredIn(&window, "approvalQueueGroupBox")},
        {QStringLiteral("planHintLabel"), offeredIn(&window, "planHintLabel")}};
    for (const auto &[name, isOffered] : actual)
        QVERIFY2(isOffered == offered.contains(name),
            qPrintable(QStringLiteral("%1 %2 to %3").arg(name, isOffered ? "offered" : "not offered", role)));
    // The fields behind a hidden button go with it: a manager gets no tag or correction form at all.
    QCOMPARE(offeredIn(profile, "tagLineEdit"), offered.contains(QStringLiteral("addTagButton")));
    QCOMPARE(offeredIn(profile, "correctionValueLineEdit"),
        offered.contains(QStringLiteral("proposeCorrectionButton")));
    // Today's plan: logged from here only by a role that files visits.
    auto *hint = window.findChild<QLabel *>(QStringLiteral("todayHintLabel"));
    QVERIFY(hint);
    QCOMPARE(hint->text().contains(QStringLiteral("to log it")),
        offered.contains(QStringLiteral("logVisitAction")));
}

QTEST_MAIN(TestRoleActions)
#include "tst_roleactions.moc"
