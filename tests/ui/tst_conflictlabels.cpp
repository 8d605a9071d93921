// Issue 19, point 9 "No internals on screen", driven through the real widgets offscreen in China time
// (TZ=Asia/Shanghai, see CMakeLists.txt): the conflicts list names the kind of record and the field in the
// user's language and shows local times, never `visit_plan`, `planned_at` or UTC text; the plan calendar
// marks a plan in conflict and does not keep saying "Moved to" a day where the plan is not.
#include "common/protocol/pulledchange.h"
#include "common/protocol/values.h"
#include "models/conflictlistmodel.h"
#include "models/store.h"
#include "sync/session.h"
#include "sync/syncledger.h"
#include "ui/conflicts/conflictsview.h"
#include "ui/plan/plancalendarview.h"
#include "ui/plan/plandaylist.h"
#include "uitest.h"

#include <QJsonArray>
#include <QLabel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <memory>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kBucket = QStringLiteral("t:") + kTerritory;
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString kPlan = QStringLiteral("55555555-5555-4555-8555-555555555555");
const QString kHcp = QStringLiteral("66666666-6666-4666-8666-666666666666");
// The plan at 10:00 on 8 December in Shanghai; the rep moves it a day on, the manager to the 10th.
const QString kBase = QStringLiteral("2026-12-08T02:00:00Z");
const QString kMine = QStringLiteral("2026-12-09T02:00:00Z");
const QString kTheirs = QStringLiteral("2026-12-10T06:30:00Z");

PulledChange change(const QString &entity, const QString &id, const QJsonObject &fields, qint64 version = 1)
{
    PulledChange c;
    c.bucket = entity == QLatin1String("territory") || entity == QLatin1String("user")
        ? QStringLiteral("global")
        : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), version);
    return c;
}

QJsonObject planFields(const QString &plannedAt)
{
    return {{"territory_id", kTerritory}, {"hcp_id", kHcp}, {"planned_at", plannedAt},
        {"channel", "face_to_face"}, {"status", "planned"}};
}

// What a local time looks like in the language under test, built here with explicit patterns so the
// test pins the format rather than repeating the code under test.
QString expectedDateTime(const QString &utc, bool chinese)
{
    const QDateTime local
        = QDateTime::fromString(utc, Qt::ISODate).toTimeZone(QTimeZone(QByteArrayLiteral("Asia/Shanghai")));
    if (chinese)
        return local.toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    const QLocale en(QLocale::English, QLocale::UnitedStates);
    return en.toString(local.date(), QStringLiteral("M/d/yyyy")) + QLatin1Char(' ')
        + en.toString(local.time(), QLocale::ShortFormat);
}

} // namespace

class TestConflictLabels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void conflictListShowsLabelsAndLocalTime_data();
    void conflictListShowsLabelsAndLocalTime();
    void calendarMarksAConflictAndDropsAFalseMove();

private:
    // The rep's move of the plan to kMine, answered by the server with a conflict: the manager moved it to
    // kTheirs. As the sync engine records a `conflict` push answer (SyncLedger::recordConflict).
    void serverAnswersWithAConflict();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Session> m_session;
    uitest::Language m_language;
};

void TestConflictLabels::initTestCase()
{
    QCOMPARE(QTimeZone::systemTimeZone().offsetFromUtc(QDateTime::currentDateTimeUtc()), 8 * 3600);
}

void TestConflictLabels::init()
{
    QVERIFY(m_language.use(QStringLiteral("en")));
    m_dir = std::make_unique<QTemporaryDir>();
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(m_dir->filePath(QStringLiteral("rep.db")), &error), qPrintable(error));
    const QList<PulledChange> page {
        change(QStringLiteral("territory"), kTerritory,
            {{"code", "SH-01"}, {"name", "上海一区"}, {"level", "territory"}, {"owner_id", kRep}}),
        change(
            QStringLiteral("user"), kRep, {{"username", "rep"}, {"display_name", "张伟"}, {"role", "rep"}}),
        change(QStringLiteral("hcp"), kHcp, {{"full_name", "王建华"}, {"status", "active"}, {"tier", "A"}}),
        change(QStringLiteral("visit_plan"), kPlan, planFields(kBase))};
    QVERIFY(m_session->store()->applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), 2}}).ok);
}

void TestConflictLabels::cleanup()
{
    m_session.reset();
    m_dir.reset();
    QVERIFY(m_language.use(QStringLiteral("en")));
}

void TestConflictLabels::serverAnswersWithAConflict()
{
    Store *store = m_session->store();
    QList<OutboxMutation> sent = store->takeForPush();
    QCOMPARE(sent.size(), 1);
    const QJsonArray conflicts {
        QJsonObject {{"field", "planned_at"}, {"base", kBase}, {"mine", kMine}, {"theirs", kTheirs}}};
    QJsonObject server = planFields(kTheirs);
    server.insert(QStringLiteral("id"), kPlan);
    server.insert(QStringLiteral("version"), 2);
    QString error;
    SyncLedger ledger(*store);
    QVERIFY2(ledger.recordConflict(sent.first().mutationId, conflicts, server, 2, false, &error),
        qPrintable(error));
}

void TestConflictLabels::conflictListShowsLabelsAndLocalTime_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("field");
    QTest::newRow("English") << "en"
                             << "Visit plan"
                             << "Planned time";
    QTest::newRow("Chinese") << "zh_CN" << QStringLiteral("拜访计划") << QStringLiteral("计划时间");
}

void TestConflictLabels::conflictListShowsLabelsAndLocalTime()
{
    QFETCH(QString, language);
    QFETCH(QString, kind);
    QFETCH(QString, field);
    QVERIFY(m_language.use(language));
    const bool chinese = language == QLatin1String("zh_CN");
    QVERIFY(m_session->store()->update(QStringLiteral("visit_plan"), kPlan, {{"planned_at", kMine}}).ok);
    serverAnswersWithAConflict();

    ConflictsView view(m_session.get());
    view.resize(1000, 700);
    view.show();
    auto *table = view.findChild<QTableView *>(QStringLiteral("conflictsTableView"));
    QVERIFY(table);
    QAbstractItemModel *shown = table->model();
    QCOMPARE(shown->rowCount(), 1);
    const auto cell = [shown](int column) { return shown->index(0, column).data().toString(); };
    QCOMPARE(cell(ConflictListModel::Entity), kind);
    QCOMPARE(cell(ConflictListModel::Field), field);
    const QString createdAt = m_session->store()->conflicts().value(0).createdAt;
    QVERIFY(createdAt.endsWith(QLatin1Char('Z'))); // stored in UTC…
    QCOMPARE(cell(ConflictListModel::CreatedAt), expectedDateTime(createdAt, chinese)); // …shown local
    // Nothing the table shows is a stored name or a UTC time.
    for (int column = 0; column < shown->columnCount(); ++column) {
        if (table->isColumnHidden(column))
            continue;
        const QString text = cell(column);
        QVERIFY2(!text.contains(QLatin1Char('_')) && !text.contains(QLatin1Char('Z')), qPrintable(text));
    }

    // The three sides in local time, as every other view writes a date and a time.
    QCOMPARE(
        view.findChild<QLabel *>(QStringLiteral("baseValueLabel"))->text(), expectedDateTime(kBase, chinese));
    QCOMPARE(
        view.findChild<QLabel *>(QStringLiteral("mineValueLabel"))->text(), expectedDateTime(kMine, chinese));
    QCOMPARE(view.findChild<QLabel *>(QStringLiteral("theirsValueLabel"))->text(),
        expectedDateTime(kTheirs, chinese));
    const QString fieldText = view.findChild<QLabel *>(QStringLiteral("conflictFieldLabel"))->text();
    QVERIFY2(fieldText.contains(field), qPrintable(fieldText));
    const QString record = view.findChild<QLabel *>(QStringLiteral("conflictRecordLabel"))->text();
    QVERIFY2(record.contains(kind) && record.contains(QStringLiteral("王建华")), qPrintable(record));
    if (chinese)
        QCOMPARE(expectedDateTime(kTheirs, true), QStringLiteral("2026-12-10 14:30"));

    const QString shots = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR");
    if (!shots.isEmpty())
        view.grab().save(shots + QStringLiteral("/conflicts-") + language + QStringLiteral(".png"));
}

void TestConflictLabels::calendarMarksAConflictAndDropsAFalseMove()
{
    PlanCalendarView calendar(m_session.get());
    calendar.resize(1200, 600);
    calendar.show();
    const QDate base(2026, 12, 8), mine(2026, 12, 9), theirs(2026, 12, 10);
    calendar.showDate(base);
    QCOMPARE(calendar.plansOn(base), QStringList {kPlan});
    QVERIFY(calendar.conflictsOn(base).isEmpty());

    QString error;
    QVERIFY2(calendar.reschedule(kPlan, mine, &error), qPrintable(error));
    QCOMPARE(calendar.plansOn(mine), QStringList {kPlan});
    QVERIFY2(calendar.message().startsWith(QStringLiteral("Moved to")), qPrintable(calendar.message()));

    // The manager had moved it to the 10th: the server keeps that and the store shows it until the rep
    // decides. The calendar shows the plan there, marked, and no longer claims it moved to the 9th.
    serverAnswersWithAConflict();
    QTRY_COMPARE(calendar.plansOn(theirs), QStringList {kPlan});
    QVERIFY(calendar.plansOn(mine).isEmpty());
    QCOMPARE(calendar.conflictsOn(theirs), QStringList {kPlan});
    QVERIFY2(!calendar.message().contains(QStringLiteral("Moved to")), qPrintable(calendar.message()));
    QVERIFY2(calendar.message().contains(QStringLiteral("Conflicts")), qPrintable(calendar.message()));
    QListWidgetItem *item = nullptr;
    for (PlanDayList *day : calendar.findChildren<PlanDayList *>()) {
        if (day->isVisibleTo(&calendar) && day->day() == theirs && day->count() == 1)
            item = day->item(0);
    }
    QVERIFY(item);
    QVERIFY(item->data(PlanDayList::ConflictRole).toBool());
    QVERIFY2(item->text().startsWith(QStringLiteral("⚠")) && item->text().contains(QStringLiteral("2:30")),
        qPrintable(item->text()));
    QVERIFY(item->toolTip().contains(QStringLiteral("Conflicts")));

    // Decided (theirs stays): the mark goes.
    SyncLedger ledger(*m_session->store());
    QVERIFY2(ledger.resolve(m_session->store()->conflicts().value(0).id, QStringLiteral("theirs"), &error),
        qPrintable(error));
    m_session->store()->announceChanges(QStringLiteral("conflict"), {});
    QTRY_VERIFY(calendar.conflictsOn(theirs).isEmpty());
    QCOMPARE(calendar.plansOn(theirs), QStringList {kPlan});
}

QTEST_MAIN(TestConflictLabels)
#include "tst_conflictlabels.moc"
