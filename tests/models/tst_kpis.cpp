// The KPI engine against small hand-made stores whose answers were worked out by hand (the comments
// show the working). Times are UTC (TZ=UTC for this test), so a local day is a UTC day.
#include "common/sqlite/database.h"
#include "models/alignments.h"
#include "models/companysettings.h"
#include "models/kpis.h"
#include "models/kpitables.h"
#include "models/meetingrepository.h"
#include "models/referencequeries.h"
#include "models/store.h"
#include "tests/models/insertrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

// Follows "a.b.2.c" through objects and arrays.
QJsonValue at(const QJsonObject &root, const QString &path)
{
    QJsonValue v = root;
    for (const QString &part : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int i = part.toInt(&isIndex);
        v = isIndex ? v.toArray().at(i) : v.toObject().value(part);
    }
    return v;
}

} // namespace

class TestKpis : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void csvNeutralisesTextKeepsNumbers();

    void periods_data();
    void periods();
    void badPeriods();

    void kpi_data();
    void kpi();

    void unknownScope();
    void productWeightsFromSetting();
    void costPerCallFromSetting();
    void newestSettingRecordWins_data();
    void newestSettingRecordWins();
    void companyWeightsUntilTheUserChoosesTheirOwn();
    void unreachedTargetsOfTier();
    void repNeverSeesInstitutionSales_data();
    void repNeverSeesInstitutionSales();
    void yearOnYearAgreesWithTheMonths_data();
    void yearOnYearAgreesWithTheMonths();
    void forecastSeasonalNaive();
    void forecastLinearTrend();
    void scopeChoicesFollowTheTree();
    void oddRowsCountAsTheSqlDefinitions_data();
    void oddRowsCountAsTheSqlDefinitions();
    void twoThreadsMatchOneThread_data();
    void twoThreadsMatchOneThread();

private:
    void insert(const QString &table, const QJsonObject &fields);
    void buildDistrict();
    void addOddRows();
    QJsonObject computeJson(const QString &period, const QString &scope);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

// A rep's or product's name can begin with "=" or "@"; the dashboard's CSV keeps it text, while a
// negative growth stays a number a spreadsheet can sum.
void TestKpis::csvNeutralisesTextKeepsNumbers()
{
    KpiTable t;
    t.id = QStringLiteral("by_rep");
    t.headers = {QStringLiteral("Rep"), QStringLiteral("Growth %"), QStringLiteral("Calls")};
    t.rows = {{QStringLiteral("=1+2"), -12.5, qint64(-3)}, {QStringLiteral("@rep"), QVariant(), 4},
        {QStringLiteral("-x"), 0.0, qint64(0)}};
    const QByteArray csv = KpiTables::toCsv(t);
    QCOMPARE(csv,
        QByteArray(
            "\xEF\xBB\xBFRep,Growth %,Calls\r\n\"'=1+2\",-12.50,-3\r\n\"'@rep\",,4\r\n\"'-x\",0,0\r\n"));
}

void TestKpis::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("kpis.db"))).ok);
    QVERIFY(m_store->setMeta(QStringLiteral("role"), QStringLiteral("manager")));
}

void TestKpis::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestKpis::insert(const QString &table, const QJsonObject &fields)
{
    testing::insertRow(*m_store->database(), table, fields);
}

// District D1 with territories T1 (rep1) and T2 (rep2); OT is another district's territory (rep9).
void TestKpis::buildDistrict()
{
    const auto terr = [this](const char *id, const char *level, const char *parent, const char *owner) {
        insert(QStringLiteral("territory"),
            {{"id", id}, {"code", id}, {"name", QStringLiteral("辖区 %1").arg(QLatin1String(id))},
                {"level", level}, {"parent_id", parent ? QJsonValue(parent) : QJsonValue()},
                {"owner_id", owner ? QJsonValue(owner) : QJsonValue()}});
    };
    terr("D1", "district", nullptr, nullptr);
    terr("T1", "territory", "D1", "rep1");
    terr("T2", "territory", "D1", "rep2");
    terr("OT", "territory", nullptr, "rep9");
    const auto user = [this](const char *id, const char *role, const char *home) {
        insert(QStringLiteral("user"),
            {{"id", id}, {"username", id}, {"display_name", QStringLiteral("用户 %1").arg(QLatin1String(id))},
                {"role", role}, {"home_territory_id", home}, {"active", 1}});
    };
    user("rep1", "rep", "T1");
    user("rep2", "rep", "T2");
    user("rep9", "rep", "OT");
    user("mgr", "manager", "D1");

    const auto hcp = [this](const char *id, const char *tier) {
        insert(QStringLiteral("hcp"),
            {{"id", id}, {"full_name", QStringLiteral("医生 %1").arg(QLatin1String(id))}, {"tier", tier},
                {"status", "active"}, {"institution_id", "I1"}});
    };
    const auto align
        = [this](const char *hcpId, const char *terrId, int target, const char *from, const char *to) {
              insert(QStringLiteral("alignment"),
                  {{"id", QStringLiteral("%1-%2").arg(QLatin1String(hcpId), QLatin1String(terrId))},
                      {"hcp_id", hcpId}, {"territory_id", terrId}, {"target_calls_per_cycle", target},
                      {"valid_from", from}, {"valid_to", to ? QJsonValue(to) : QJsonValue()}});
          };
    insert(QStringLiteral("institution"), {{"id", "I1"}, {"name", "中山医院"}, {"kind", "hospital"}});
    insert(QStringLiteral("institution"), {{"id", "I2"}, {"name", "华山医院"}, {"kind", "hospital"}});
    insert(QStringLiteral("institution"), {{"id", "I3"}, {"name", "外区医院"}, {"kind", "hospital"}});
    hcp("h1", "A");
    hcp("h2", "A");
    hcp("h3", "B");
    hcp("h4", "B");
    hcp("h5", "C");
    hcp("h6", "D");
    hcp("h7", "C");
    align("h1", "T1", 2, "2026-01-01", nullptr);
    align("h2", "T1", 1, "2026-01-01", nullptr); // h2 is aligned to both territories: one target of 3
    align("h2", "T2", 3, "2026-01-01", nullptr);
    align("h3", "T1", 2, "2026-01-01", "2026-09-15"); // ends mid-September
    align("h4", "T2", 1, "2026-10-01", nullptr); // a target from October on
    align("h5", "T2", 0, "2026-01-01", nullptr); // aligned, not a target
    align("h6", "OT", 2, "2026-01-01", nullptr); // outside D1
    align("h7", "T2", 1, "2026-01-01", nullptr);

    const auto visit = [this](const char *id, const char *hcpId, const char *terrId, const char *rep,
                           const char *channel, const char *at, QJsonValue support,
                           const char *status = "submitted") {
        insert(QStringLiteral("visit"),
            {{"id", id}, {"hcp_id", hcpId}, {"territory_id", terrId}, {"rep_id", rep}, {"channel", channel},
                {"visited_at", at}, {"status", status}, {"support_level", support}});
    };
    visit("v1", "h1", "T1", "rep1", "face_to_face", "2026-09-02T09:00:00.000Z", 4);
    visit("v2", "h1", "T1", "rep1", "remote", "2026-09-02T14:00:00.000Z", 2);
    visit("v3", "h2", "T2", "rep2", "phone", "2026-09-03T10:00:00.000Z", 3);
    visit("v4", "h2", "T1", "rep1", "message", "2026-09-04T10:00:00.000Z", QJsonValue()); // touch
    visit("v5", "h3", "T1", "rep1", "material", "2026-09-05T10:00:00.000Z", QJsonValue()); // touch
    visit("v6", "h3", "T1", "rep1", "face_to_face", "2026-09-05T11:00:00.000Z", 5, "draft"); // not a call
    visit("v7", "h7", "T2", "rep2", "face_to_face", "2026-09-10T08:00:00.000Z", 5);
    visit("v8", "h6", "OT", "rep9", "face_to_face", "2026-09-11T08:00:00.000Z", 1); // outside D1
    visit("v9", "h1", "T1", "rep1", "face_to_face", "2026-08-31T23:00:00.000Z", 1); // August
    visit("v10", "h2", "T2", "rep2", "face_to_face", "2026-09-03T15:00:00.000Z", QJsonValue());

    insert(QStringLiteral("product"), {{"id", "P1"}, {"name", "安维汀"}, {"active", 1}});
    insert(QStringLiteral("product"), {{"id", "P2"}, {"name", "赫赛汀"}, {"active", 1}});
    insert(QStringLiteral("product"), {{"id", "P3"}, {"name", "泰瑞沙"}, {"active", 1}});
    const auto detail = [this](const char *visitId, const char *product, int position) {
        insert(QStringLiteral("visit_detail"),
            {{"id", QStringLiteral("%1-%2").arg(QLatin1String(visitId), QLatin1String(product))},
                {"visit_id", visitId}, {"product_id", product}, {"position", position}});
    };
    detail("v1", "P1", 1);
    detail("v1", "P2", 2);
    detail("v2", "P2", 1);
    detail("v3", "P1", 1);
    detail("v3", "P2", 2);
    detail("v3", "P3", 3);
    detail("v7", "P3", 2); // the only detail of v7: first in rank, whatever its position number
    detail("v4", "P1", 1); // on a touch: not detailing

    const auto plan = [this](const char *id, const char *terrId, const char *status, const char *at) {
        insert(QStringLiteral("visit_plan"),
            {{"id", id}, {"territory_id", terrId}, {"hcp_id", "h1"}, {"planned_at", at}, {"status", status},
                {"channel", "face_to_face"}});
    };
    plan("pl1", "T1", "done", "2026-09-07T09:00:00.000Z");
    plan("pl2", "T1", "planned", "2026-09-08T09:00:00.000Z");
    plan("pl3", "T2", "cancelled", "2026-09-09T09:00:00.000Z");
    plan("pl4", "T2", "done", "2026-09-10T09:00:00.000Z");
    plan("pl5", "OT", "done", "2026-09-10T09:00:00.000Z");
    plan("pl6", "T1", "done", "2026-10-01T09:00:00.000Z");

    const auto meeting
        = [this](const char *id, const char *terrId, const char *status, const char *at, int budget) {
              insert(QStringLiteral("meeting"),
                  {{"id", id}, {"territory_id", terrId}, {"title", "学术会议"}, {"status", status},
                      {"starts_at", at}, {"owner_id", "rep1"}, {"budget_minor", budget}, {"kind", "academic"},
                      {"mode", "offline"}});
          };
    const auto expense = [this](const char *id, const char *meetingId, int amount, const char *status) {
        insert(QStringLiteral("meeting_expense"),
            {{"id", id}, {"meeting_id", meetingId}, {"category", "venue"}, {"amount_minor", amount},
                {"status", status}});
    };
    const auto attendee = [this](const char *meetingId, const char *hcpId, int signedIn) {
        insert(QStringLiteral("meeting_attendee"),
            {{"id", QStringLiteral("%1-%2").arg(QLatin1String(meetingId), QLatin1String(hcpId))},
                {"meeting_id", meetingId}, {"hcp_id", hcpId}, {"signed_in", signedIn}, {"fee_minor", 0},
                {"role", "attendee"}});
    };
    meeting("m1", "T1", "held", "2026-09-20T10:00:00.000Z", 100000);
    expense("e1", "m1", 30000, "actual");
    expense("e2", "m1", 20000, "committed");
    expense("e3", "m1", 5000, "estimated"); // an estimate is not spend
    attendee("m1", "h1", 1);
    attendee("m1", "h2", 1);
    attendee("m1", "h3", 0);
    meeting("m2", "T2", "closed", "2026-09-21T10:00:00.000Z", 50000);
    expense("e4", "m2", 40000, "actual");
    attendee("m2", "h1", 1);
    attendee("m2", "h7", 1);
    meeting("m3", "T2", "approved", "2026-09-22T10:00:00.000Z", 99999); // not held
    expense("e5", "m3", 1000, "actual");
    meeting("m4", "OT", "held", "2026-09-23T10:00:00.000Z", 70000); // outside D1
    expense("e6", "m4", 7000, "actual");

    int n = 0;
    const auto sale = [&](const char *terrId, const char *inst, const char *product, const char *month,
                          int value, const char *source) {
        insert(QStringLiteral("sales_fact"),
            {{"id", QStringLiteral("s%1").arg(++n)}, {"territory_id", terrId}, {"institution_id", inst},
                {"product_id", product}, {"month", month}, {"units", 1}, {"value_minor", value},
                {"source", source}});
    };
    sale("T1", "I1", "P1", "2026-09", 100000, "internal");
    sale("T1", "I1", "P1", "2026-09", 300000, "external");
    sale("T2", "I2", "P2", "2026-09", 50000, "internal"); // no external figure: outside the market share
    sale("T1", "I1", "P1", "2026-08", 80000, "internal");
    sale("T2", "I2", "P2", "2026-08", 40000, "internal");
    sale("T1", "I1", "P1", "2025-09", 60000, "internal");
    sale("OT", "I3", "P1", "2026-09", 999999, "internal"); // outside D1
}

QJsonObject TestKpis::computeJson(const QString &period, const QString &scope)
{
    KpiEngine engine(*m_store->database());
    QString error;
    const auto p = KpiPeriod::parse(period, &error);
    if (!p) {
        qWarning() << error;
        return {};
    }
    const auto s = engine.resolveScope(scope, &error);
    if (!s) {
        qWarning() << error;
        return {};
    }
    KpiResult r;
    if (!engine.compute(*p, *s, &r, &error)) {
        qWarning() << error;
        return {};
    }
    return kpisToJson(r);
}

void TestKpis::periods_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDate>("start");
    QTest::addColumn<QDate>("end");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QStringList>("months");
    QTest::newRow("month") << "2026-10" << QDate(2026, 10, 1) << QDate(2026, 10, 31) << "2026-09"
                           << QStringList {"2026-10"};
    QTest::newRow("january: previous is December")
        << "2026-01" << QDate(2026, 1, 1) << QDate(2026, 1, 31) << "2025-12" << QStringList {"2026-01"};
    QTest::newRow("quarter") << "2026-Q3" << QDate(2026, 7, 1) << QDate(2026, 9, 30) << "2026-Q2"
                             << QStringList {"2026-07", "2026-08", "2026-09"};
    QTest::newRow("first quarter") << "2026-q1" << QDate(2026, 1, 1) << QDate(2026, 3, 31) << "2025-Q4"
                                   << QStringList {"2026-01", "2026-02", "2026-03"};
    // 30 days; the 30 days before end on 31 August.
    QTest::newRow("cycle") << "2026-09-01..2026-09-30" << QDate(2026, 9, 1) << QDate(2026, 9, 30)
                           << "2026-08-02..2026-08-31" << QStringList {"2026-09"};
    QTest::newRow("cycle across months")
        << "2026-09-15..2026-10-14" << QDate(2026, 9, 15) << QDate(2026, 10, 14) << "2026-08-16..2026-09-14"
        << QStringList {"2026-09", "2026-10"};
}

void TestKpis::periods()
{
    QFETCH(QString, text);
    QFETCH(QDate, start);
    QFETCH(QDate, end);
    QFETCH(QString, previous);
    QFETCH(QStringList, months);
    const auto p = KpiPeriod::parse(text);
    QVERIFY(p);
    QCOMPARE(p->start, start);
    QCOMPARE(p->end, end);
    QCOMPARE(p->previous().label(), previous);
    QCOMPARE(p->months(), months);
    QCOMPARE(KpiPeriod::parse(p->label())->start, start); // the label reads back
}

void TestKpis::badPeriods()
{
    for (const char *bad :
        {"2026-13", "2026-Q5", "2026-09-30..2026-09-01", "yesterday", "", "2026-02-30..2026-03-01"}) {
        QString error;
        QVERIFY2(!KpiPeriod::parse(QLatin1String(bad), &error), bad);
        QVERIFY(!error.isEmpty());
    }
}

void TestKpis::kpi_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonValue>("expected"); // null: the KPI is undefined (division by zero)

    const QJsonValue null;
    const QString sep = QStringLiteral("2026-09");
    // D1 in September. Targets: h1 (2), h2 (max of 1 and 3 = 3; once), h3 (2; its alignment ends on the
    // 15th, still valid in September), h7 (1) = 4. Not: h4 (from October), h5 (target 0), h6 (OT).
    QTest::newRow("targets: two territories count once") << sep << "D1"
                                                         << "kpis.targets" << QJsonValue(4);
    // Calls: v1, v2 (remote), v3 (phone), v7, v10 = 5. v4/v5 are touches, v6 a draft, v8 outside, v9 August.
    QTest::newRow("calls") << sep << "D1"
                           << "kpis.calls" << QJsonValue(5);
    QTest::newRow("message and material are touches") << sep << "D1"
                                                      << "kpis.touches" << QJsonValue(2);
    // Reached: h1 (v1, v2), h2 (v3, v10), h7 (v7); h3 had only a touch and a draft: 3 / 4.
    QTest::newRow("reached") << sep << "D1"
                             << "kpis.reached" << QJsonValue(3);
    QTest::newRow("reach %") << sep << "D1"
                             << "kpis.reach_pct" << QJsonValue(75.0);
    QTest::newRow("reach A: h1, h2 of h1, h2") << sep << "D1"
                                               << "reach_by_tier.0.reach_pct" << QJsonValue(100.0);
    QTest::newRow("reach B: none of h3") << sep << "D1"
                                         << "reach_by_tier.1.reach_pct" << QJsonValue(0.0);
    QTest::newRow("reach B targets") << sep << "D1"
                                     << "reach_by_tier.1.targets" << QJsonValue(1);
    QTest::newRow("reach C: h7") << sep << "D1"
                                 << "reach_by_tier.2.reach_pct" << QJsonValue(100.0);
    QTest::newRow("reach D: no target in scope") << sep << "D1"
                                                 << "reach_by_tier.3.reach_pct" << null;
    // Frequency: (2 + 2 + 1) / 3.
    QTest::newRow("frequency") << sep << "D1"
                               << "kpis.frequency" << QJsonValue(1.67);
    // Coverage: h1 2 >= 2 yes, h2 2 >= 3 no, h3 0 >= 2 no, h7 1 >= 1 yes: 2 / 4.
    QTest::newRow("coverage of plan") << sep << "D1"
                                      << "kpis.coverage_pct" << QJsonValue(50.0);
    // Plans in September in D1: pl1 done, pl2 planned, pl3 cancelled, pl4 done: 2 / 3.
    QTest::newRow("plan attainment without cancelled") << sep << "D1"
                                                       << "kpis.plan_attainment_pct" << QJsonValue(66.67);
    QTest::newRow("plans cancelled") << sep << "D1"
                                     << "kpis.plans_cancelled" << QJsonValue(1);
    // Field days: (rep1, 2 Sep), (rep2, 3 Sep), (rep2, 10 Sep) = 3; 5 calls / 3.
    QTest::newRow("field days") << sep << "D1"
                                << "kpis.field_days" << QJsonValue(3);
    QTest::newRow("calls per field day") << sep << "D1"
                                         << "kpis.calls_per_field_day" << QJsonValue(1.67);
    // Support: v1 4, v2 2, v3 3, v7 5 (v10 has none): 14 / 4.
    QTest::newRow("average support") << sep << "D1"
                                     << "kpis.average_support" << QJsonValue(3.5);
    // Channel mix over calls and touches (7): face to face v1, v7, v10.
    QTest::newRow("channel mix face to face") << sep << "D1"
                                              << "channel_mix.0.count" << QJsonValue(3);
    QTest::newRow("channel mix face to face %") << sep << "D1"
                                                << "channel_mix.0.pct" << QJsonValue(42.86);
    QTest::newRow("channel mix message") << sep << "D1"
                                         << "channel_mix.3.count" << QJsonValue(1);
    // Product share, weights 1 / 0.5 / 0.25 by rank in the visit: P1 = 1 (v1) + 1 (v3) = 2,
    // P2 = 0.5 (v1) + 1 (v2) + 0.5 (v3) = 2, P3 = 0.25 (v3) + 1 (v7, alone) = 1.25; total 5.25.
    // Sorted by weight, then name: 安维汀 (P1) before 赫赛汀 (P2).
    QTest::newRow("product share first") << sep << "D1"
                                         << "product_share.0.id" << QJsonValue("P1");
    QTest::newRow("product share P1 %") << sep << "D1"
                                        << "product_share.0.pct" << QJsonValue(38.10);
    QTest::newRow("product share P3 weight") << sep << "D1"
                                             << "product_share.2.weighted" << QJsonValue(1.25);
    QTest::newRow("product share P3 %") << sep << "D1"
                                        << "product_share.2.pct" << QJsonValue(23.81);
    // Events: m1 (held) and m2 (closed); m3 not held, m4 outside. Spend 30000 + 20000 + 40000 (no
    // estimate); budget 150000; signed-in HCPs h1, h2, h7 (h1 twice, h3 did not sign in).
    QTest::newRow("meetings held") << sep << "D1"
                                   << "kpis.meetings_held" << QJsonValue(2);
    QTest::newRow("spend") << sep << "D1"
                           << "kpis.spend_minor" << QJsonValue(90000);
    QTest::newRow("spend vs budget") << sep << "D1"
                                     << "kpis.spend_vs_budget_pct" << QJsonValue(60.0);
    QTest::newRow("attendances") << sep << "D1"
                                 << "kpis.attendances" << QJsonValue(4);
    QTest::newRow("cost per attending HCP") << sep << "D1"
                                            << "kpis.cost_per_attending_hcp_minor" << QJsonValue(30000);
    // Sales: 100000 (T1) + 50000 (T2) internal; OT outside.
    QTest::newRow("sales") << sep << "D1"
                           << "kpis.sales_minor" << QJsonValue(150000);
    // Market share only where external exists (I1, P1): 100000 / (100000 + 300000).
    QTest::newRow("market share") << sep << "D1"
                                  << "kpis.market_share_pct" << QJsonValue(25.0);
    // ROI: 150000 / (90000 + 20000 (default cost per call) x 5) = 150000 / 190000.
    QTest::newRow("roi") << sep << "D1"
                         << "kpis.roi" << QJsonValue(0.79);
    // The month series ends with September (index 23): MoM (150000 - 120000) / 120000; YoY vs 60000.
    QTest::newRow("sales month") << sep << "D1"
                                 << "sales_by_month.23.month" << QJsonValue("2026-09");
    QTest::newRow("sales MoM") << sep << "D1"
                               << "sales_by_month.23.mom_pct" << QJsonValue(25.0);
    QTest::newRow("sales YoY") << sep << "D1"
                               << "sales_by_month.23.yoy_pct" << QJsonValue(150.0);
    QTest::newRow("YoY with the year-ago month missing") << sep << "D1"
                                                         << "sales_by_month.22.yoy_pct" << null;
    QTest::newRow("MoM after a month without sales") << sep << "D1"
                                                     << "sales_by_month.21.mom_pct" << null;
    QTest::newRow("period YoY") << sep << "D1"
                                << "sales_yoy_pct" << QJsonValue(150.0);
    QTest::newRow("quarter YoY with missing months") << "2026-Q3"
                                                     << "D1"
                                                     << "sales_yoy_pct" << null;
    QTest::newRow("sales by territory T1") << sep << "D1"
                                           << "sales_by_territory.0.value_minor" << QJsonValue(100000);
    QTest::newRow("sales by territory T1 %") << sep << "D1"
                                             << "sales_by_territory.0.pct" << QJsonValue(66.67);
    QTest::newRow("sales by institution for a manager")
        << sep << "D1"
        << "sales_by_institution.1.value_minor" << QJsonValue(50000);
    QTest::newRow("sales by product") << sep << "D1"
                                      << "sales_by_product.0.id" << QJsonValue("P1");
    // Deltas: August in D1 has one call (v9, h1: target 2 -> reached, not covered).
    QTest::newRow("previous period calls") << sep << "D1"
                                           << "previous.calls" << QJsonValue(1);
    QTest::newRow("previous period reach") << sep << "D1"
                                           << "previous.reach_pct" << QJsonValue(25.0);
    QTest::newRow("previous period sales") << sep << "D1"
                                           << "previous.sales_minor" << QJsonValue(120000);

    // October: h3's alignment ended on 15 September, h4's began: targets h1, h2, h4, h7.
    QTest::newRow("alignment ended mid-period drops out") << "2026-10"
                                                          << "D1"
                                                          << "kpis.targets" << QJsonValue(4);
    QTest::newRow("future alignment becomes a target") << "2026-10"
                                                       << "D1"
                                                       << "reach_by_tier.1.targets" << QJsonValue(1);
    QTest::newRow("October plan") << "2026-10"
                                  << "D1"
                                  << "kpis.plan_attainment_pct" << QJsonValue(100.0);
    // No sales, no spend, no calls: the ROI has nothing to divide by.
    QTest::newRow("no sales in October") << "2026-10"
                                         << "D1"
                                         << "kpis.roi" << null;

    // An empty period: no targets, no calls, nothing to divide by.
    QTest::newRow("empty: targets") << "2024-01"
                                    << "D1"
                                    << "kpis.targets" << QJsonValue(0);
    QTest::newRow("empty: reach") << "2024-01"
                                  << "D1"
                                  << "kpis.reach_pct" << null;
    QTest::newRow("empty: frequency") << "2024-01"
                                      << "D1"
                                      << "kpis.frequency" << null;
    QTest::newRow("empty: plan attainment") << "2024-01"
                                            << "D1"
                                            << "kpis.plan_attainment_pct" << null;
    QTest::newRow("empty: calls per day") << "2024-01"
                                          << "D1"
                                          << "kpis.calls_per_field_day" << null;
    QTest::newRow("empty: cost per HCP") << "2024-01"
                                         << "D1"
                                         << "kpis.cost_per_attending_hcp_minor" << null;
    QTest::newRow("empty: roi") << "2024-01"
                                << "D1"
                                << "kpis.roi" << null;
    QTest::newRow("empty: market share") << "2024-01"
                                         << "D1"
                                         << "kpis.market_share_pct" << null;
    QTest::newRow("empty: forecast") << "2024-01"
                                     << "D1"
                                     << "forecast.method" << QJsonValue("none");
    QTest::newRow("empty: days listed") << "2024-01"
                                        << "D1"
                                        << "calls_per_day.30.calls" << QJsonValue(0);

    // Scopes. T2: targets h2 (3), h7 (1); calls v3, v7, v10.
    QTest::newRow("territory: targets") << sep << "T2"
                                        << "kpis.targets" << QJsonValue(2);
    QTest::newRow("territory: calls") << sep << "T2"
                                      << "kpis.calls" << QJsonValue(3);
    QTest::newRow("territory: reach") << sep << "T2"
                                      << "kpis.reach_pct" << QJsonValue(100.0);
    // rep1: T1 only; targets h1 (2), h2 (1 in T1), h3 (2); rep1's calls v1, v2 reach h1 only.
    QTest::newRow("rep: targets") << sep << "rep1"
                                  << "kpis.targets" << QJsonValue(3);
    QTest::newRow("rep: calls") << sep << "rep1"
                                << "kpis.calls" << QJsonValue(2);
    QTest::newRow("rep: reach") << sep << "rep1"
                                << "kpis.reach_pct" << QJsonValue(33.33);
    QTest::newRow("rep: coverage") << sep << "rep1"
                                   << "kpis.coverage_pct" << QJsonValue(33.33);
    // A manager's username is their district.
    QTest::newRow("manager: district") << sep << "mgr"
                                       << "kpis.targets" << QJsonValue(4);
    // Everything: h6 joins (target 2, v8): 5 targets, 6 calls, 4 reached.
    QTest::newRow("all: targets") << sep << ""
                                  << "kpis.targets" << QJsonValue(5);
    QTest::newRow("all: calls") << sep << ""
                                << "kpis.calls" << QJsonValue(6);
    QTest::newRow("all: reach") << sep << ""
                                << "kpis.reach_pct" << QJsonValue(80.0);
    QTest::newRow("all: reach D") << sep << ""
                                  << "reach_by_tier.3.reach_pct" << QJsonValue(100.0);
    // The D1 reps: rep2 has 3 calls on 2 days, rep1 2 on 1.
    QTest::newRow("reps: first") << sep << "D1"
                                 << "reps.0.username" << QJsonValue("rep2");
    QTest::newRow("reps: field days") << sep << "D1"
                                      << "reps.0.field_days" << QJsonValue(2);
    QTest::newRow("reps: reached targets") << sep << "D1"
                                           << "reps.0.reached_targets" << QJsonValue(2);
    // Support trend, weekly in a month: week of Mon 31 Aug (v1 4, v2 2, v3 3) = 3; week of 7 Sep (v7) = 5.
    QTest::newRow("support trend week") << sep << "D1"
                                        << "support_trend.points.0.start" << QJsonValue("2026-08-31");
    QTest::newRow("support trend average") << sep << "D1"
                                           << "support_trend.points.0.average" << QJsonValue(3.0);
    QTest::newRow("support trend second week") << sep << "D1"
                                               << "support_trend.points.1.average" << QJsonValue(5.0);
    QTest::newRow("support trend by month in a quarter")
        << "2026-Q3"
        << "D1"
        << "support_trend.granularity" << QJsonValue("month");
}

void TestKpis::kpi()
{
    QFETCH(QString, period);
    QFETCH(QString, scope);
    QFETCH(QString, path);
    QFETCH(QJsonValue, expected);
    buildDistrict();
    const QJsonObject json = computeJson(period, scope);
    QVERIFY(!json.isEmpty());
    const QJsonValue actual = at(json, path);
    if (expected.isDouble()) {
        QVERIFY2(actual.isDouble(),
            qPrintable(QStringLiteral("%1 is %2")
                           .arg(path,
                               QString::fromUtf8(
                                   QJsonDocument(QJsonArray {actual}).toJson(QJsonDocument::Compact)))));
        QVERIFY2(std::abs(actual.toDouble() - expected.toDouble()) < 0.006,
            qPrintable(QStringLiteral("%1: %2, expected %3")
                           .arg(path)
                           .arg(actual.toDouble())
                           .arg(expected.toDouble())));
    } else {
        QCOMPARE(actual, expected);
    }
}

void TestKpis::unknownScope()
{
    buildDistrict();
    KpiEngine engine(*m_store->database());
    QString error;
    QVERIFY(!engine.resolveScope(QStringLiteral("NOPE"), &error));
    QVERIFY(error.contains(QStringLiteral("NOPE")));
}

void TestKpis::productWeightsFromSetting()
{
    buildDistrict();
    // Equal weights: P1 = 2, P2 = 3, P3 = 2 details on calls; P2 leads with 3 / 7.
    insert(QStringLiteral("setting"),
        {{"id", "w"}, {"key", "kpi.weights"}, {"value", "{\"first\":1,\"second\":1,\"later\":1}"}});
    const QJsonObject json = computeJson(QStringLiteral("2026-09"), QStringLiteral("D1"));
    QCOMPARE(at(json, QStringLiteral("weights.second")).toDouble(), 1.0);
    QCOMPARE(at(json, QStringLiteral("product_share.0.id")).toString(), QStringLiteral("P2"));
    QCOMPARE(at(json, QStringLiteral("product_share.0.pct")).toDouble(), 42.86);
}

void TestKpis::costPerCallFromSetting()
{
    buildDistrict();
    // 150000 / (90000 + 10000 x 5) = 1.0714.
    insert(QStringLiteral("setting"), {{"id", "c"}, {"key", "kpi.cost_per_call_minor"}, {"value", "10000"}});
    const QJsonObject json = computeJson(QStringLiteral("2026-09"), QStringLiteral("D1"));
    QCOMPARE(at(json, QStringLiteral("cost_per_call_minor")).toInteger(), 10000);
    QCOMPARE(at(json, QStringLiteral("kpis.roi")).toDouble(), 1.07);
}

void TestKpis::newestSettingRecordWins_data()
{
    // Two records of one key, inserted in either order: the newer one (by updated_at, then id) is in
    // force for every reader.
    QTest::addColumn<bool>("newerFirst");
    QTest::addColumn<bool>("sameTime");
    QTest::newRow("older inserted first") << false << false;
    QTest::newRow("newer inserted first") << true << false;
    QTest::newRow("same time, older id inserted first") << false << true;
    QTest::newRow("same time, newer id inserted first") << true << true;
}

void TestKpis::newestSettingRecordWins()
{
    QFETCH(bool, newerFirst);
    QFETCH(bool, sameTime);
    buildDistrict();
    const auto add = [this, sameTime](bool newer) {
        const QString time = sameTime || !newer ? QStringLiteral("2026-05-01T08:00:00.000Z")
                                                : QStringLiteral("2026-06-01T08:00:00.000Z");
        const QString suffix = newer ? QStringLiteral("b") : QStringLiteral("a");
        insert(QStringLiteral("setting"),
            {{"id", QString(QStringLiteral("w-") + suffix)}, {"key", "kpi.weights"}, {"updated_at", time},
                {"value",
                    newer ? "{\"first\":1,\"second\":1,\"later\":1}"
                          : "{\"first\":1,\"second\":0,\"later\":0}"}});
        insert(QStringLiteral("setting"),
            {{"id", QString(QStringLiteral("c-") + suffix)}, {"key", "kpi.cost_per_call_minor"},
                {"updated_at", time}, {"value", newer ? "10000" : "30000"}});
        insert(QStringLiteral("setting"),
            {{"id", QString(QStringLiteral("t-") + suffix)}, {"key", "sfe.travel_minutes_per_institution"},
                {"updated_at", time}, {"value", newer ? "45" : "15"}});
        insert(QStringLiteral("setting"),
            {{"id", QString(QStringLiteral("r-") + suffix)}, {"key", "compliance.rules"},
                {"updated_at", time},
                {"value", newer ? "{\"catering_per_head\":{\"cap_minor\":15000}}" : "{}"}});
    };
    add(newerFirst);
    add(!newerFirst);

    KpiWeights company;
    QString error;
    QVERIFY2(CompanySettings::kpiWeights(m_store.get(), &company, &error), qPrintable(error));
    QCOMPARE(company, (KpiWeights {1, 1, 1}));
    QCOMPARE(CompanySettings::value(*m_store->database(), QStringLiteral("kpi.cost_per_call_minor")),
        std::optional<QJsonValue>(10000));
    QString text;
    QVERIFY(ReferenceQueries::setting(m_store.get(), QStringLiteral("kpi.cost_per_call_minor"), &text));
    QCOMPARE(text, QStringLiteral("10000"));
    QCOMPARE(Alignments::workloadOptions(m_store.get()).travelMinutesPerInstitution, 45.0);
    QCOMPARE(meetings::config(m_store.get()).cateringPerHeadCap, 15000);
    // The engine: equal weights (P2 leads with 3 / 7, see productWeightsFromSetting), the newer cost.
    const QJsonObject json = computeJson(QStringLiteral("2026-09"), QStringLiteral("D1"));
    QCOMPARE(at(json, QStringLiteral("weights.second")).toDouble(), 1.0);
    QCOMPARE(at(json, QStringLiteral("product_share.0.pct")).toDouble(), 42.86);
    QCOMPARE(at(json, QStringLiteral("cost_per_call_minor")).toInteger(), 10000);
}

void TestKpis::companyWeightsUntilTheUserChoosesTheirOwn()
{
    buildDistrict();
    const auto weights = [this] {
        KpiEngine engine(*m_store->database());
        KpiResult r;
        const bool ok = engine.compute(*KpiPeriod::parse(QStringLiteral("2026-09")), KpiScope {}, &r);
        return ok ? r.weights : KpiWeights {-1, -1, -1};
    };
    QCOMPARE(weights(), KpiWeights {}); // no record: the built-in defaults
    insert(QStringLiteral("setting"),
        {{"id", "w1"}, {"key", "kpi.weights"}, {"updated_at", "2026-05-01T00:00:00.000Z"},
            {"value", "{\"first\":1,\"second\":0.8,\"later\":0.4}"}});
    QCOMPARE(weights(), (KpiWeights {1, 0.8, 0.4}));
    // The user's own replace them, also when the company changes its weights later.
    QVERIFY(m_store->setMeta(
        QStringLiteral("kpi.weights"), QStringLiteral("{\"first\":0.9,\"second\":0.5,\"later\":0.25}")));
    QCOMPARE(weights(), (KpiWeights {0.9, 0.5, 0.25}));
    insert(QStringLiteral("setting"),
        {{"id", "w2"}, {"key", "kpi.weights"}, {"updated_at", "2026-06-01T00:00:00.000Z"},
            {"value", "{\"first\":1,\"second\":0.6,\"later\":0.3}"}});
    QCOMPARE(weights(), (KpiWeights {0.9, 0.5, 0.25}));
    // Back to following the company: its newest weights.
    QVERIFY(m_store->setMeta(QStringLiteral("kpi.weights"), QString()));
    QCOMPARE(weights(), (KpiWeights {1, 0.6, 0.3}));
}

void TestKpis::unreachedTargetsOfTier()
{
    buildDistrict();
    KpiEngine engine(*m_store->database());
    const auto scope = engine.resolveScope(QStringLiteral("D1"));
    QVERIFY(scope);
    QList<KpiTarget> list;
    QVERIFY(engine.unreachedTargets(
        *KpiPeriod::parse(QStringLiteral("2026-09")), *scope, QStringLiteral("B"), &list));
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).hcpId, QStringLiteral("h3"));
    QCOMPARE(list.at(0).name, QStringLiteral("医生 h3"));
    QCOMPARE(list.at(0).targetCalls, 2);
    QVERIFY(engine.unreachedTargets(
        *KpiPeriod::parse(QStringLiteral("2026-09")), *scope, QStringLiteral("A"), &list));
    QVERIFY(list.isEmpty());
    // October: nobody was called; every target of tier A is listed, by name.
    QVERIFY(engine.unreachedTargets(
        *KpiPeriod::parse(QStringLiteral("2026-10")), *scope, QStringLiteral("A"), &list));
    QCOMPARE(list.size(), 2);
    QCOMPARE(list.at(0).hcpId, QStringLiteral("h1"));
}

void TestKpis::repNeverSeesInstitutionSales_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<bool>("visible");
    QTest::newRow("rep") << "rep" << false;
    QTest::newRow("nobody signed in") << "" << false;
    QTest::newRow("manager") << "manager" << true;
    QTest::newRow("sfe") << "sfe" << true;
}

void TestKpis::repNeverSeesInstitutionSales()
{
    QFETCH(QString, role);
    QFETCH(bool, visible);
    buildDistrict();
    QVERIFY(m_store->setMeta(QStringLiteral("role"), role));
    KpiEngine engine(*m_store->database());
    KpiResult r;
    QVERIFY(engine.compute(
        *KpiPeriod::parse(QStringLiteral("2026-09")), *engine.resolveScope(QStringLiteral("D1")), &r));
    QCOMPARE(r.institutionSalesHidden, !visible);
    QCOMPARE(r.salesByInstitution.size(), visible ? 2 : 0);
    QCOMPARE(kpisToJson(r).value(QStringLiteral("sales_by_institution")).isNull(), !visible);
    // Territory and product totals are not per HCP: everybody sees them.
    QCOMPARE(r.salesByTerritory.size(), 2);
}

void TestKpis::yearOnYearAgreesWithTheMonths_data()
{
    // Internal sales by month; the period's year-on-year and that of its last month in the series.
    // A month without sales (yet) is missing, never a 0 that reads as -100 %.
    QTest::addColumn<QVariantMap>("sales");
    QTest::addColumn<QString>("period");
    QTest::addColumn<QJsonValue>("headline");
    QTest::addColumn<QJsonValue>("lastMonth");
    const QJsonValue null;
    QTest::newRow("no sales yet this month")
        << QVariantMap {{"2025-10", 50000}} << QStringLiteral("2026-10") << null << null;
    QTest::newRow("none a year before")
        << QVariantMap {{"2026-10", 50000}} << QStringLiteral("2026-10") << null << null;
    QTest::newRow("both") << QVariantMap {{"2025-10", 50000}, {"2026-10", 60000}} << QStringLiteral("2026-10")
                          << QJsonValue(20.0) << QJsonValue(20.0);
    QTest::newRow("halved") << QVariantMap {{"2025-10", 50000}, {"2026-10", 25000}}
                            << QStringLiteral("2026-10") << QJsonValue(-50.0) << QJsonValue(-50.0);
    QTest::newRow("a year before was 0")
        << QVariantMap {{"2025-10", 0}, {"2026-10", 60000}} << QStringLiteral("2026-10") << null << null;
    // A quarter: every month and every year-ago month must have sales.
    const QVariantMap lastYear {{"2025-07", 10000}, {"2025-08", 10000}, {"2025-09", 10000}};
    QVariantMap twoMonths = lastYear;
    twoMonths.insert({{"2026-07", 15000}, {"2026-08", 15000}});
    QTest::newRow("quarter, its last month without sales yet")
        << twoMonths << QStringLiteral("2026-Q3") << null << null;
    QVariantMap allMonths = twoMonths;
    allMonths.insert(QStringLiteral("2026-09"), 15000);
    QTest::newRow("quarter, every month")
        << allMonths << QStringLiteral("2026-Q3") << QJsonValue(50.0) << QJsonValue(50.0);
    QVariantMap gap = allMonths;
    gap.remove(QStringLiteral("2026-07"));
    QTest::newRow("quarter, its first month without sales")
        << gap << QStringLiteral("2026-Q3") << null << QJsonValue(50.0);
}

void TestKpis::yearOnYearAgreesWithTheMonths()
{
    QFETCH(QVariantMap, sales);
    QFETCH(QString, period);
    QFETCH(QJsonValue, headline);
    QFETCH(QJsonValue, lastMonth);
    for (auto it = sales.cbegin(); it != sales.cend(); ++it) {
        insert(QStringLiteral("sales_fact"),
            {{"id", it.key()}, {"territory_id", "T"}, {"institution_id", "I"}, {"product_id", "P"},
                {"month", it.key()}, {"units", 1}, {"value_minor", it.value().toInt()},
                {"source", "internal"}});
    }
    const QJsonObject json = computeJson(period, QString());
    QVERIFY(!json.isEmpty());
    const auto near = [](const QJsonValue &a, const QJsonValue &b) {
        return a.isDouble() && b.isDouble() ? std::abs(a.toDouble() - b.toDouble()) < 1e-9 : a == b;
    };
    const QJsonValue yoy = at(json, QStringLiteral("sales_yoy_pct"));
    QVERIFY2(near(yoy, headline), qPrintable(QJsonDocument(QJsonArray {yoy}).toJson(QJsonDocument::Compact)));
    const QJsonValue month = at(json, QStringLiteral("sales_by_month.23.yoy_pct"));
    QVERIFY2(
        near(month, lastMonth), qPrintable(QJsonDocument(QJsonArray {month}).toJson(QJsonDocument::Compact)));
    // A one-month period's headline is its month's figure in the series.
    if (KpiPeriod::parse(period)->months().size() == 1)
        QVERIFY(near(yoy, month));
}

void TestKpis::forecastSeasonalNaive()
{
    // 21 months (Jan 2025 .. Sep 2026) of value yyyyMM: >= 13 months, so each of the next three months
    // repeats the same month a year before: Oct 2026 = 202510, Nov = 202511, Dec = 202512.
    for (QDate m(2025, 1, 1); m <= QDate(2026, 9, 1); m = m.addMonths(1)) {
        insert(QStringLiteral("sales_fact"),
            {{"id", m.toString(QStringLiteral("yyyy-MM"))}, {"territory_id", "T"}, {"institution_id", "I"},
                {"product_id", "P"}, {"month", m.toString(QStringLiteral("yyyy-MM"))}, {"units", 1},
                {"value_minor", m.year() * 100 + m.month()}, {"source", "internal"}});
    }
    const QJsonObject json = computeJson(QStringLiteral("2026-09"), QString());
    QCOMPARE(at(json, QStringLiteral("forecast.method")).toString(), QStringLiteral("seasonal_naive"));
    QCOMPARE(at(json, QStringLiteral("forecast.months.0.month")).toString(), QStringLiteral("2026-10"));
    QCOMPARE(at(json, QStringLiteral("forecast.months.0.internal_minor")).toInteger(), 202510);
    QCOMPARE(at(json, QStringLiteral("forecast.months.2.internal_minor")).toInteger(), 202512);
    // YoY of September 2026 against September 2025: (202609 - 202509) / 202509.
    QCOMPARE(at(json, QStringLiteral("sales_by_month.23.yoy_pct")).toDouble(), 0.05);
}

void TestKpis::forecastLinearTrend()
{
    // Five months, May .. Sep 2026, of 1000, 2000, .. 5000: fewer than 13, so a straight line, which
    // continues exactly: 6000, 7000, 8000. The period (October) has no sales yet: the forecast starts
    // after the last month with sales.
    for (int i = 0; i < 5; ++i) {
        const QString month = QDate(2026, 5 + i, 1).toString(QStringLiteral("yyyy-MM"));
        insert(QStringLiteral("sales_fact"),
            {{"id", month}, {"territory_id", "T"}, {"institution_id", "I"}, {"product_id", "P"},
                {"month", month}, {"units", 1}, {"value_minor", 1000 * (i + 1)}, {"source", "internal"}});
    }
    const QJsonObject json = computeJson(QStringLiteral("2026-10"), QString());
    QCOMPARE(at(json, QStringLiteral("forecast.method")).toString(), QStringLiteral("linear_trend"));
    QCOMPARE(at(json, QStringLiteral("forecast.months.0.month")).toString(), QStringLiteral("2026-10"));
    QCOMPARE(at(json, QStringLiteral("forecast.months.0.internal_minor")).toInteger(), 6000);
    QCOMPARE(at(json, QStringLiteral("forecast.months.2.internal_minor")).toInteger(), 8000);
}

void TestKpis::scopeChoicesFollowTheTree()
{
    buildDistrict();
    KpiEngine engine(*m_store->database());
    QList<KpiScopeChoice> choices;
    QVERIFY(engine.scopeChoices(&choices));
    QStringList keys;
    for (const KpiScopeChoice &c : choices)
        keys << c.key;
    QCOMPARE(keys, (QStringList {"D1", "T1", "rep1", "T2", "rep2", "OT", "rep9"}));
    QCOMPARE(choices.at(2).level, QStringLiteral("rep"));
    QCOMPARE(choices.at(2).parentKey, QStringLiteral("T1"));
}

// Rows the hand-worked district has none of (NULL HCP, rep, channel, territory, tier, position or
// product; a time SQLite cannot read; a rep with no user row or no display name; an alignment without
// an HCP), so that the engine's counting in C++ is held to the SQL definitions it replaced.
void TestKpis::addOddRows()
{
    const auto visit = [this](const char *id, QJsonValue hcp, QJsonValue terr, QJsonValue rep,
                           QJsonValue channel, const char *at, QJsonValue support) {
        insert(QStringLiteral("visit"),
            {{"id", id}, {"hcp_id", hcp}, {"territory_id", terr}, {"rep_id", rep}, {"channel", channel},
                {"visited_at", at}, {"status", "submitted"}, {"support_level", support}});
    };
    insert(QStringLiteral("user"),
        {{"id", "rep3"}, {"username", "rep3"}, {"role", "rep"}, {"home_territory_id", "T2"}});
    insert(QStringLiteral("hcp"), {{"id", "h8"}, {"full_name", "医生 h8"}, {"status", "active"}});
    insert(QStringLiteral("alignment"),
        {{"id", "a-h8"}, {"hcp_id", "h8"}, {"territory_id", "T1"}, {"target_calls_per_cycle", 1},
            {"valid_from", "2026-01-01"}});
    insert(QStringLiteral("alignment"),
        {{"id", "a-null"}, {"territory_id", "T1"}, {"target_calls_per_cycle", 2},
            {"valid_from", "2026-01-01"}});
    visit("o1", QJsonValue(), "T1", "rep1", "face_to_face", "2026-09-12T09:00:00.000Z", QJsonValue());
    visit("o2", "h1", "T2", "ghost", "remote", "2026-09-13T09:00:00.000Z", 2);
    visit("o3", "h2", "T1", QJsonValue(), "phone", "2026-09-14T09:00:00.000Z", 4);
    visit("o4", "h1", "T1", "rep1", QJsonValue(), "2026-09-15T09:00:00.000Z", 3);
    visit("o5", "h8", "T1", "rep1", "face_to_face", "2026-09-16 at nine", 5);
    visit("o6", "h1", QJsonValue(), "rep1", "face_to_face", "2026-09-17T09:00:00.000Z", 1);
    visit("o7", "h7", "T2", "rep3", "phone", "2026-09-18T09:00:00.000Z", QJsonValue());
    visit("o8", "h8", "T1", "rep1", "remote", "2026-08-18T09:00:00.000Z", 2);
    const auto detail = [this](const char *id, const char *visit, QJsonValue product, QJsonValue position) {
        insert(QStringLiteral("visit_detail"),
            {{"id", id}, {"visit_id", visit}, {"product_id", product}, {"position", position}});
    };
    detail("o2-a", "o2", "P1", 1);
    detail("o2-b", "o2", "P2", QJsonValue()); // NULL sorts first: P2 ranks first
    detail("o3-a", "o3", QJsonValue(), 1);
    detail("o3-b", "o3", "P3", 1); // same position: the product decides (NULL first)
    detail("o7-a", "o7", "P1", 2);
    detail("o7-b", "o7", "P1", 5);
    detail("o7-c", "o7", "P2", 9);
}

void TestKpis::oddRowsCountAsTheSqlDefinitions_data()
{
    QTest::addColumn<QString>("scope");
    QTest::newRow("everything") << QString();
    QTest::newRow("district") << QStringLiteral("D1");
    QTest::newRow("territory") << QStringLiteral("T1");
    QTest::newRow("rep") << QStringLiteral("rep1");
    QTest::newRow("manager") << QStringLiteral("mgr");
}

void TestKpis::oddRowsCountAsTheSqlDefinitions()
{
    QFETCH(QString, scope);
    buildDistrict();
    addOddRows();
    const QJsonObject json = computeJson(QStringLiteral("2026-09"), scope);
    QVERIFY(!json.isEmpty());
    KpiEngine engine(*m_store->database());
    const auto s = engine.resolveScope(scope);
    QVERIFY(s);
    sql::Database &db = *m_store->database();
    const auto bind = [&](sql::Query &q, const char *start, const char *end) {
        const QJsonArray ids = QJsonArray::fromStringList(s->territoryIds);
        const struct
        {
            const char *name;
            QString value;
        } all[] = {{":scope",
                       s->kind == KpiScope::Kind::All
                           ? QString()
                           : QString::fromUtf8(QJsonDocument(ids).toJson(QJsonDocument::Compact))},
            {":rep", s->repId.isEmpty() ? QString() : s->repId},
            {":from", QLatin1String(start) + QLatin1String("T00:00:00.000Z")},
            {":to",
                QDate::fromString(QLatin1String(end), Qt::ISODate).addDays(1).toString(Qt::ISODate)
                    + QLatin1String("T00:00:00.000Z")},
            {":start", QLatin1String(start)}, {":end", QLatin1String(end)}};
        for (const auto &p : all) {
            if (const int i = q->parameterIndex(p.name))
                q->bind(i, p.value);
        }
    };
    const QString visits
        = QStringLiteral("v.status = 'submitted' AND v.visited_at >= :from AND v.visited_at < :to"
                         " AND (:scope IS NULL OR v.territory_id IN (SELECT value FROM json_each(:scope)))"
                         " AND (:rep IS NULL OR v.rep_id = :rep)");
    const QString calls = QStringLiteral(" AND v.channel IN ('face_to_face', 'remote', 'phone')");
    const QString ctes = QStringLiteral(
        "WITH targets AS (SELECT a.hcp_id, max(a.target_calls_per_cycle) AS target FROM alignment a"
        " WHERE a.target_calls_per_cycle > 0 AND a.valid_from <= :end AND (a.valid_to IS NULL OR a.valid_to "
        ">= :start)"
        " AND (:scope IS NULL OR a.territory_id IN (SELECT value FROM json_each(:scope))) GROUP BY a.hcp_id),"
        " percall AS (SELECT v.hcp_id, count(*) AS n FROM visit v WHERE %1%2 GROUP BY v.hcp_id) ")
                             .arg(visits, calls);

    // Reach, frequency, coverage and the tiers, for the period and the one before.
    for (const auto &[key, start, end] : {std::tuple {"kpis", "2026-09-01", "2026-09-30"},
             std::tuple {"previous", "2026-08-01", "2026-08-31"}}) {
        auto q = db.query(ctes
            + QStringLiteral("SELECT coalesce(h.tier, ''), count(*), count(pc.n), coalesce(sum(pc.n), 0),"
                             " sum(coalesce(pc.n, 0) >= t.target) FROM targets t LEFT JOIN percall pc ON"
                             " pc.hcp_id = t.hcp_id LEFT JOIN hcp h ON h.id = t.hcp_id GROUP BY 1"));
        bind(q, start, end);
        int targets = 0, reached = 0, onReached = 0, covered = 0;
        QHash<QString, std::pair<int, int>> tiers;
        while (q->step()) {
            targets += q->integer(1);
            reached += q->integer(2);
            onReached += q->integer(3);
            covered += q->integer(4);
            tiers.insert(q->text(0), {q->integer(1), q->integer(2)});
        }
        const QString k = QLatin1String(key);
        QCOMPARE(at(json, k + QStringLiteral(".targets")).toInt(), targets);
        QCOMPARE(at(json, k + QStringLiteral(".reached")).toInt(), reached);
        QCOMPARE(at(json, k + QStringLiteral(".calls_on_reached")).toInt(), onReached);
        QCOMPARE(at(json, k + QStringLiteral(".covered")).toInt(), covered);
        if (k == QLatin1String("kpis")) {
            const QStringList names {
                QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
            for (int i = 0; i < 4; ++i) {
                QCOMPARE(at(json, QStringLiteral("reach_by_tier.%1.targets").arg(i)).toInt(),
                    tiers.value(names[i]).first);
                QCOMPARE(at(json, QStringLiteral("reach_by_tier.%1.reached").arg(i)).toInt(),
                    tiers.value(names[i]).second);
            }
        }
        // Calls, touches, field days, support.
        auto c = db.query(QStringLiteral(
            "SELECT count(CASE WHEN v.channel IN ('face_to_face', 'remote', 'phone') THEN 1 END),"
            " count(CASE WHEN v.channel IN ('message', 'material') THEN 1 END),"
            " count(DISTINCT CASE WHEN v.channel IN ('face_to_face', 'remote', 'phone')"
            "  THEN v.rep_id || '|' || date(v.visited_at) END),"
            " count(CASE WHEN v.channel IN ('face_to_face', 'remote', 'phone') THEN v.support_level END)"
            " FROM visit v WHERE %1")
                              .arg(visits));
        bind(c, start, end);
        QVERIFY(c->step());
        QCOMPARE(at(json, k + QStringLiteral(".calls")).toInt(), c->integer(0));
        QCOMPARE(at(json, k + QStringLiteral(".touches")).toInt(), c->integer(1));
        QCOMPARE(at(json, k + QStringLiteral(".field_days")).toInt(), c->integer(2));
        QCOMPARE(at(json, k + QStringLiteral(".support_visits")).toInt(), c->integer(3));
    }

    // The reps table, in its order.
    {
        auto q = db.query(ctes
            + QStringLiteral(
                "SELECT v.rep_id, coalesce(u.username, ''), coalesce(u.display_name, v.rep_id), count(*),"
                " count(DISTINCT date(v.visited_at)),"
                " count(DISTINCT CASE WHEN v.hcp_id IN (SELECT hcp_id FROM targets) THEN v.hcp_id END)"
                " FROM visit v LEFT JOIN user u ON u.id = v.rep_id WHERE %1%2"
                " GROUP BY v.rep_id ORDER BY 4 DESC, 3")
                  .arg(visits, calls));
        bind(q, "2026-09-01", "2026-09-30");
        QJsonArray expected;
        while (q->step()) {
            expected.append(QJsonObject {{QStringLiteral("id"), q->text(0)},
                {QStringLiteral("username"), q->text(1)}, {QStringLiteral("name"), q->text(2)},
                {QStringLiteral("calls"), q->integer(3)}, {QStringLiteral("field_days"), q->integer(4)},
                {QStringLiteral("reached_targets"), q->integer(5)}});
        }
        QJsonArray actual;
        for (const QJsonValue &row : json.value(QStringLiteral("reps")).toArray()) {
            QJsonObject o = row.toObject();
            o.remove(QStringLiteral("calls_per_field_day"));
            actual.append(o);
        }
        QCOMPARE(actual, expected);
    }

    // Product share: the rank by a window over (position, product), as first defined.
    {
        auto q = db.query(QStringLiteral("SELECT coalesce(product_id, ''), count(*), sum(CASE WHEN rk = 1 "
                                         "THEN 1.0 WHEN rk = 2 THEN 0.5 ELSE 0.25 END) AS w"
                                         " FROM (SELECT d.product_id, row_number() OVER (PARTITION BY v.id "
                                         "ORDER BY d.position, d.product_id) AS rk"
                                         " FROM visit v JOIN visit_detail d ON d.visit_id = v.id WHERE %1%2)"
                                         " GROUP BY 1 ORDER BY 1")
                              .arg(visits, calls));
        bind(q, "2026-09-01", "2026-09-30");
        QMap<QString, std::pair<int, double>> expected;
        while (q->step())
            expected.insert(q->text(0), {q->integer(1), q->real(2)});
        QMap<QString, std::pair<int, double>> actual;
        for (const QJsonValue &row : json.value(QStringLiteral("product_share")).toArray()) {
            const QJsonObject o = row.toObject();
            actual.insert(o.value(QStringLiteral("id")).toString(),
                {o.value(QStringLiteral("count")).toInt(), o.value(QStringLiteral("weighted")).toDouble()});
        }
        QCOMPARE(actual, expected);
    }
}

// compute() runs the previous period and the store-read parts on a second connection and thread when
// the store is a WAL file; inside a caller's transaction it keeps to one thread. Both give the same.
void TestKpis::twoThreadsMatchOneThread_data()
{
    QTest::addColumn<QString>("period");
    QTest::addColumn<QString>("scope");
    for (const char *period : {"2026-09", "2026-Q3", "2026-08-20..2026-10-05"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 everything").arg(QLatin1String(period))))
            << QString::fromLatin1(period) << QString();
        QTest::newRow(qPrintable(QStringLiteral("%1 D1").arg(QLatin1String(period))))
            << QString::fromLatin1(period) << QStringLiteral("D1");
        QTest::newRow(qPrintable(QStringLiteral("%1 rep1").arg(QLatin1String(period))))
            << QString::fromLatin1(period) << QStringLiteral("rep1");
    }
}

void TestKpis::twoThreadsMatchOneThread()
{
    QFETCH(QString, period);
    QFETCH(QString, scope);
    buildDistrict();
    addOddRows();
    const QJsonObject twoThreads = computeJson(period, scope);
    QVERIFY(!twoThreads.isEmpty());
    QVERIFY(at(twoThreads, QStringLiteral("kpis.calls")).toInteger() > 0
        || at(twoThreads, QStringLiteral("previous.calls")).toInteger() > 0);
    sql::Database &db = *m_store->database();
    db.exec(QStringLiteral("BEGIN"));
    const QJsonObject oneThread = computeJson(period, scope);
    db.exec(QStringLiteral("COMMIT"));
    QVERIFY(!oneThread.isEmpty());
    QCOMPARE(QJsonDocument(twoThreads).toJson(QJsonDocument::Compact),
        QJsonDocument(oneThread).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(TestKpis)
#include "tst_kpis.moc"
