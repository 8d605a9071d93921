#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/conflictlistmodel.h"
#include "models/hcplistmodel.h"
#include "models/meetinglistmodel.h"
#include "models/money.h"
#include "models/planlistmodel.h"
#include "models/store.h"
#include "models/visitlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kBucket = QStringLiteral("t:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");
const char *kTiers[] = {"A", "B", "C", "D"};

QString hcpName(int i)
{
    return QStringLiteral("HCP %1").arg(i, 4, 10, QLatin1Char('0'));
}

QStringList column(const QAbstractItemModel &m, int col, int role = Qt::DisplayRole)
{
    QStringList out;
    for (int r = 0; r < m.rowCount(); ++r)
        out << m.data(m.index(r, col), role).toString();
    return out;
}

} // namespace

class TestListModels : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void hcpListLoadsInPages();
    void hcpListSortsAndFiltersInSql();
    void hcpListFollowsStoreChanges();
    void hcpListWindowEdgeWithoutTester();
    void hcpListSearchKeepsRelevanceOrder();
    void hcpListReloadsOnBigPages();
    void visitListFollowsVisitsAndHcpNames();
    void planListFiltersByPeriod();
    void meetingListShowsBudgetAndAttendees();
    void conflictListShowsOpenConflicts();

private:
    QStringList m_hcpIds; // by name order
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestListModels::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    const StoreOpenResult r = m_store->open(m_dir->filePath(QStringLiteral("rounds.db")));
    QVERIFY2(r.ok, qPrintable(r.message));
    // 250 HCPs pulled from the server, in one page.
    QList<PulledChange> page;
    m_hcpIds.clear();
    for (int i = 0; i < 250; ++i) {
        PulledChange c;
        c.bucket = kBucket;
        c.entity = QStringLiteral("hcp");
        c.id = protocol::newUuid();
        c.record = QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("version"), 1},
            {QStringLiteral("full_name"), hcpName(i)},
            {QStringLiteral("tier"), QString::fromLatin1(kTiers[i % 4])},
            {QStringLiteral("specialty"), i % 2 ? QStringLiteral("心内科") : QStringLiteral("呼吸科")},
            {QStringLiteral("status"), QStringLiteral("active")}};
        page << c;
        m_hcpIds << c.id;
    }
    QVERIFY(m_store->applyPage(page, {{kBucket, 250}}).ok);
}

void TestListModels::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestListModels::hcpListLoadsInPages()
{
    HcpListModel model(m_store.get());
    model.setPageSize(60);
    model.reload();
    QCOMPARE(model.rowCount(), 60); // the first page only
    QVERIFY(model.canFetchMore({}));
    // The tester fetches every page at once (canFetchMore / fetchMore until the end): each comes
    // from SQL as one insertion of a page.
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.columnCount(), int(HcpListModel::ColumnCount));
    // It may call fetchMore itself; either way, rows only ever arrive a page at a time.
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(inserted.size(), 4); // 60 + 3 * 60 + 10
    for (int i = 0; i < inserted.size(); ++i) {
        QCOMPARE(inserted.at(i).at(1).toInt(), 60 * (i + 1));
        QCOMPARE(inserted.at(i).at(2).toInt(), qMin(60 * (i + 2), 250) - 1);
    }
    QCOMPARE(model.rowCount(), 250);
    QVERIFY(!model.canFetchMore({}));
    QCOMPARE(model.data(model.index(0, HcpListModel::Name)).toString(), hcpName(0));
    QCOMPARE(model.data(model.index(249, HcpListModel::Name)).toString(), hcpName(249));
    QCOMPARE(model.data(model.index(3, 0), HcpListModel::IdRole).toString(), m_hcpIds.at(3));
    QCOMPARE(model.data(model.index(3, 0), HcpListModel::TierRole).toString(), QStringLiteral("D"));
    QCOMPARE(model.rowOfId(m_hcpIds.at(3)), 3);
    QCOMPARE(model.headerData(HcpListModel::Tier, Qt::Horizontal).toString(), QStringLiteral("Tier"));
    QVERIFY(model.lastError().isEmpty());
}

void TestListModels::hcpListSortsAndFiltersInSql()
{
    HcpListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(HcpListModel::Name, Qt::DescendingOrder);
    QCOMPARE(model.rowCount(), model.pageSize());
    QCOMPARE(model.data(model.index(0, HcpListModel::Name)).toString(), hcpName(249));
    model.sort(HcpListModel::Tier, Qt::AscendingOrder);
    const QStringList tiers = column(model, HcpListModel::Tier);
    QVERIFY(std::is_sorted(tiers.begin(), tiers.end()));
    QCOMPARE(tiers.first(), QStringLiteral("A"));

    HcpFilter f;
    f.tier = QStringLiteral("B");
    f.specialty = QStringLiteral("心内科");
    model.setFilter(f);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 63); // i % 4 == 1: 63 of 250, all odd
    for (const QString &t : column(model, HcpListModel::Tier))
        QCOMPARE(t, QStringLiteral("B"));
}

void TestListModels::hcpListFollowsStoreChanges()
{
    HcpListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const int loaded = model.rowCount();

    // An edit that keeps the row in place: one dataChanged for that row.
    QVERIFY(
        m_store->update(
                   QStringLiteral("hcp"), m_hcpIds.at(5), {{QStringLiteral("tier"), QStringLiteral("A")}})
            .ok);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), 5);
    QCOMPARE(model.data(model.index(5, HcpListModel::Tier)).toString(), QStringLiteral("A"));
    QCOMPARE(model.data(model.index(5, 0), HcpListModel::PendingRole).toBool(), true);

    // A new HCP sorting first is inserted at row 0.
    const WriteResult created
        = m_store->create(QStringLiteral("hcp"), {{QStringLiteral("full_name"), QStringLiteral("A first")}});
    QVERIFY(created.ok);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.at(0).at(1).toInt(), 0);
    QCOMPARE(model.idAt(0), created.id);
    QCOMPARE(model.rowCount(), loaded + 1);

    // A rename moves the row: out of its place, into the new one.
    QVERIFY(m_store
                ->update(QStringLiteral("hcp"), m_hcpIds.at(10),
                    {{QStringLiteral("full_name"), QStringLiteral("HCP 0002b")}})
                .ok);
    QCOMPARE(model.rowOfId(m_hcpIds.at(10)), 4); // A first, HCP 0000, 0001, 0002, then 0002b
    QCOMPARE(model.data(model.index(4, HcpListModel::Name)).toString(), QStringLiteral("HCP 0002b"));

    // Everything is loaded (the tester fetched it): a rename to the end moves the row to the end.
    QVERIFY(m_store
                ->update(QStringLiteral("hcp"), m_hcpIds.at(12),
                    {{QStringLiteral("full_name"), QStringLiteral("Z last")}})
                .ok);
    QCOMPARE(model.rowOfId(m_hcpIds.at(12)), model.rowCount() - 1);
    const int before = model.rowCount();

    // A delete removes the row.
    const int removedBefore = int(removed.size());
    QVERIFY(m_store->remove(QStringLiteral("hcp"), m_hcpIds.at(7)).ok);
    QCOMPARE(removed.size(), removedBefore + 1);
    QCOMPARE(model.rowOfId(m_hcpIds.at(7)), -1);
    QCOMPARE(model.rowCount(), before - 1);

    // Every HCP exactly once, in order.
    const QStringList names = column(model, HcpListModel::Name);
    QCOMPARE(names.size(), 250); // 250 + 1 created - 1 deleted
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 250);
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    QCOMPARE(names.last(), QStringLiteral("Z last"));
    QCOMPARE(reset.size(), 0); // nothing needed a reset

    // A visit (a related entity) refreshes the last-visit column of loaded rows.
    const int row = model.rowOfId(m_hcpIds.at(3));
    QVERIFY(m_store
                ->create(QStringLiteral("visit"),
                    {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcpIds.at(3)},
                        {QStringLiteral("rep_id"), kRep},
                        {QStringLiteral("visited_at"), QStringLiteral("2026-11-20T02:00:00Z")}})
                .ok);
    QCOMPARE(model.data(model.index(row, 0), HcpListModel::LastVisitRole).toString(),
        QStringLiteral("2026-11-20T02:00:00.000Z"));
}

void TestListModels::hcpListWindowEdgeWithoutTester()
{
    // No tester here on purpose: it would fetch every page, and this is about a partly loaded list.
    HcpListModel model(m_store.get());
    model.setPageSize(50);
    model.reload();
    QCOMPARE(model.rowCount(), 50);
    // A rename beyond the loaded window drops the row until a later page brings it.
    QVERIFY(m_store
                ->update(QStringLiteral("hcp"), m_hcpIds.at(12),
                    {{QStringLiteral("full_name"), QStringLiteral("Z last")}})
                .ok);
    QCOMPARE(model.rowOfId(m_hcpIds.at(12)), -1);
    QCOMPARE(model.rowCount(), 49);
    // A new record beyond the window is not inserted either; inside it, it is.
    QVERIFY(m_store->create(QStringLiteral("hcp"), {{QStringLiteral("full_name"), QStringLiteral("Y")}}).ok);
    QCOMPARE(model.rowCount(), 49);
    QVERIFY(
        m_store->create(QStringLiteral("hcp"), {{QStringLiteral("full_name"), QStringLiteral("HCP 0001x")}})
            .ok);
    QCOMPARE(model.rowCount(), 50);
    // Paging continues without gaps or repeats.
    while (model.canFetchMore({}))
        model.fetchMore({});
    const QStringList names = column(model, HcpListModel::Name);
    QCOMPARE(names.size(), 252);
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), 252);
    QVERIFY(std::is_sorted(names.begin(), names.end()));
    QCOMPARE(names.last(), QStringLiteral("Z last"));
}

void TestListModels::hcpListSearchKeepsRelevanceOrder()
{
    HcpListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    HcpFilter f;
    f.text = QStringLiteral("0012");
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.data(model.index(0, HcpListModel::Name)).toString(), hcpName(12));
    // An edit of a shown result updates it in place; a new match waits for the next search.
    QVERIFY(
        m_store
            ->update(QStringLiteral("hcp"), m_hcpIds.at(12), {{QStringLiteral("tier"), QStringLiteral("A")}})
            .ok);
    QCOMPARE(model.data(model.index(0, HcpListModel::Tier)).toString(), QStringLiteral("A"));
    QVERIFY(
        m_store->create(QStringLiteral("hcp"), {{QStringLiteral("full_name"), QStringLiteral("New 0012")}})
            .ok);
    QCOMPARE(model.rowCount(), 1);
    model.reload();
    QCOMPARE(model.rowCount(), 2);
    // A word every name holds: relevance pages (picked by keys, then joined) cover every match once.
    f.text = QStringLiteral("hcp");
    model.setPageSize(70);
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 70);
    while (model.canFetchMore({}))
        model.fetchMore({});
    const QStringList all = column(model, HcpListModel::Name);
    QCOMPARE(all.size(), 250);
    QCOMPARE(QSet<QString>(all.begin(), all.end()).size(), 250);
    // One character: the name gram index.
    f.text = QStringLiteral("9");
    model.setFilter(f);
    while (model.canFetchMore({}))
        model.fetchMore({});
    QCOMPARE(model.rowCount(), 25 + 20 - 2); // 0..249 with a 9 as units digit, as tens digit, both
}

void TestListModels::hcpListReloadsOnBigPages()
{
    HcpListModel model(m_store.get());
    model.setPageSize(40);
    model.reload();
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int loaded = model.rowCount();
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QList<PulledChange> page;
    for (int i = 0; i < 250; ++i) {
        PulledChange c;
        c.bucket = kBucket;
        c.entity = QStringLiteral("hcp");
        c.id = m_hcpIds.at(i);
        c.record = QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("version"), 2},
            {QStringLiteral("full_name"), hcpName(i)}, {QStringLiteral("tier"), QStringLiteral("A")},
            {QStringLiteral("status"), QStringLiteral("active")}};
        page << c;
    }
    QVERIFY(m_store->applyPage(page, {}).ok);
    QCOMPARE(reset.size(), 1);
    QCOMPARE(model.rowCount(), loaded); // the loaded window is kept
    QCOMPARE(model.data(model.index(loaded - 1, HcpListModel::Tier)).toString(), QStringLiteral("A"));
}

void TestListModels::visitListFollowsVisitsAndHcpNames()
{
    for (int day = 1; day <= 5; ++day) {
        QVERIFY(
            m_store
                ->create(QStringLiteral("visit"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("hcp_id"), m_hcpIds.at(day)}, {QStringLiteral("rep_id"), kRep},
                        {QStringLiteral("visited_at"),
                            QStringLiteral("2026-11-%1T08:00:00+08:00").arg(day, 2, 10, QLatin1Char('0'))}})
                .ok);
    }
    VisitListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.data(model.index(0, VisitListModel::Hcp)).toString(), hcpName(5)); // newest first
    QCOMPARE(model.data(model.index(0, 0), VisitListModel::VisitedAtRole).toString(),
        QStringLiteral("2026-11-05T00:00:00.000Z"));
    // A new visit in the middle lands in its place.
    const WriteResult w = m_store->create(QStringLiteral("visit"),
        {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcpIds.at(9)},
            {QStringLiteral("rep_id"), kRep},
            {QStringLiteral("visited_at"), QStringLiteral("2026-11-03T12:00:00Z")}});
    QVERIFY(w.ok);
    QCOMPARE(model.rowOfId(w.id), 2);
    // Renaming an HCP refreshes the visits showing the name.
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(m_store
                ->update(QStringLiteral("hcp"), m_hcpIds.at(9),
                    {{QStringLiteral("full_name"), QStringLiteral("李娜")}})
                .ok);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.data(model.index(2, VisitListModel::Hcp)).toString(), QStringLiteral("李娜"));
    // Filters.
    VisitListModel::Filter f;
    f.hcpId = m_hcpIds.at(2);
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 1);
    f = {};
    f.from = QDateTime(QDate(2026, 11, 3), QTime(0, 0), Qt::UTC);
    model.setFilter(f);
    QCOMPARE(model.rowCount(), 4);
    // A visit leaving the filter leaves the list.
    QVERIFY(m_store
                ->update(QStringLiteral("visit"), w.id,
                    {{QStringLiteral("visited_at"), QStringLiteral("2026-10-01T00:00:00Z")}})
                .ok);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowOfId(w.id), -1);
}

void TestListModels::planListFiltersByPeriod()
{
    for (int i = 0; i < 6; ++i) {
        QVERIFY(
            m_store
                ->create(QStringLiteral("visit_plan"),
                    {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcpIds.at(i)},
                        {QStringLiteral("planned_at"), QStringLiteral("2026-11-%1T01:00:00Z").arg(20 + i)},
                        {QStringLiteral("status"),
                            i == 5 ? QStringLiteral("cancelled") : QStringLiteral("planned")}})
                .ok);
    }
    PlanListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 6);
    QCOMPARE(model.data(model.index(0, PlanListModel::Hcp)).toString(), hcpName(0)); // earliest first
    PlanListModel::Filter f;
    f.from = QDateTime(QDate(2026, 11, 22), QTime(0, 0), Qt::UTC);
    f.to = QDateTime(QDate(2026, 11, 24), QTime(0, 0), Qt::UTC);
    f.status = QStringLiteral("planned");
    model.setFilter(f);
    QCOMPARE(column(model, PlanListModel::Hcp), (QStringList {hcpName(2), hcpName(3)}));
    // Marking one done takes it out of a "planned" list.
    QVERIFY(m_store
                ->update(QStringLiteral("visit_plan"), model.idAt(0),
                    {{QStringLiteral("status"), QStringLiteral("done")}})
                .ok);
    QCOMPARE(column(model, PlanListModel::Hcp), QStringList {hcpName(3)});
    model.sort(PlanListModel::Purpose, Qt::DescendingOrder);
    QCOMPARE(model.sortColumn(), int(PlanListModel::Purpose));
    QCOMPARE(model.rowCount(), 1);
}

void TestListModels::meetingListShowsBudgetAndAttendees()
{
    const WriteResult m = m_store->create(QStringLiteral("meeting"),
        {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("title"), QStringLiteral("心衰论坛")},
            {QStringLiteral("starts_at"), QStringLiteral("2026-12-01T06:00:00Z")},
            {QStringLiteral("owner_id"), kRep}, {QStringLiteral("budget_minor"), 1234567}});
    QVERIFY(m.ok);
    QVERIFY(m_store
                ->create(QStringLiteral("meeting"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("title"), QStringLiteral("Dinner")},
                        {QStringLiteral("kind"), QStringLiteral("dinner")},
                        {QStringLiteral("starts_at"), QStringLiteral("2026-11-01T06:00:00Z")},
                        {QStringLiteral("owner_id"), kRep}})
                .ok);
    MeetingListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(column(model, MeetingListModel::Title),
        (QStringList {QStringLiteral("心衰论坛"), QStringLiteral("Dinner")}));
    QCOMPARE(model.data(model.index(0, 0), MeetingListModel::BudgetMinorRole).toLongLong(), 1234567);
    // The one money form of every meeting view (the approval queue and the editor use it too).
    QCOMPARE(model.data(model.index(0, MeetingListModel::Budget)).toString(), formatMoney(1234567));
    QCOMPARE(formatMoney(1234567), QLocale().toString(12345.67, 'f', 2).prepend(QStringLiteral("¥")));
    QCOMPARE(formatMoney(1250, QStringLiteral("USD")), QLocale().toString(12.5, 'f', 2) + QStringLiteral(" USD"));
    QCOMPARE(model.data(model.index(0, MeetingListModel::Attendees)).toInt(), 0);
    QVERIFY(m_store
                ->create(QStringLiteral("meeting_attendee"),
                    {{QStringLiteral("meeting_id"), m.id}, {QStringLiteral("hcp_id"), m_hcpIds.at(0)}})
                .ok);
    QCOMPARE(model.data(model.index(0, MeetingListModel::Attendees)).toInt(), 1);
    model.setStatusFilter(QStringLiteral("approved"));
    QCOMPARE(model.rowCount(), 0);
}

void TestListModels::conflictListShowsOpenConflicts()
{
    sql::Database *db = m_store->database();
    db->exec(QStringLiteral(
        "INSERT INTO conflict (entity, record_id, mutation_id, field, base, mine, theirs, created_at) VALUES "
        "('visit_plan', 'r1', 'm1', 'planned_at', '\"2026-11-20T01:00:00.000Z\"', "
        "'\"2026-11-21T01:00:00.000Z\"', '\"2026-11-22T01:00:00.000Z\"', '2026-11-22T03:00:00.000Z'),"
        "('meeting', 'r2', 'm2', 'venue', '\"A\"', '\"B\"', '\"C\"', '2026-11-22T02:00:00.000Z')"));
    ConflictListModel model(m_store.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(column(model, ConflictListModel::Field),
        (QStringList {QStringLiteral("venue"), QStringLiteral("planned_at")}));
    QCOMPARE(model.data(model.index(1, 0), ConflictListModel::TheirsRole).toString(),
        QStringLiteral("\"2026-11-22T01:00:00.000Z\""));
    // Resolving one, announced the documented way, removes it from the open list.
    const QString id = model.data(model.index(0, 0), ConflictListModel::IdRole).toString();
    db->exec(QStringLiteral("UPDATE conflict SET resolved = 1, resolution = 'mine' WHERE id = %1").arg(id));
    emit m_store->recordsChanged(QStringLiteral("conflict"), {id});
    QCOMPARE(model.rowCount(), 1);
    model.setShowResolved(true);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.data(model.index(0, 0), ConflictListModel::ResolvedRole).toBool(), true);
}

QTEST_GUILESS_MAIN(TestListModels)
#include "tst_listmodels.moc"
