#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "models/storequeries.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {
const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");

QString localNoonUtc(const QDate &day)
{
    return QDateTime(day, QTime(12, 0)).toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

class TestStoreQueries : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pickers();
    void visitsPerDayCountsLocalDays();
    void coverageAndPlans();
    void errorsAreReported();

private:
    QString create(const QString &entity, const QJsonObject &fields);

    QTemporaryDir m_dir;
    Store m_store;
    QString m_zs;
    QString m_xh;
    QStringList m_hcps;
    const QDate m_monday {2026, 11, 16};
};

QString TestStoreQueries::create(const QString &entity, const QJsonObject &fields)
{
    const WriteResult w = m_store.create(entity, fields);
    if (!w.ok)
        qWarning() << entity << w.error;
    return w.id;
}

void TestStoreQueries::initTestCase()
{
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("rounds.db"))).ok);
    m_zs = create(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("中山医院")},
            {QStringLiteral("city"), QStringLiteral("上海")}});
    m_xh = create(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("协和医院")},
            {QStringLiteral("city"), QStringLiteral("北京")}});
    create(QStringLiteral("department"),
        {{QStringLiteral("institution_id"), m_zs}, {QStringLiteral("name"), QStringLiteral("心内科")}});
    create(QStringLiteral("department"),
        {{QStringLiteral("institution_id"), m_xh}, {QStringLiteral("name"), QStringLiteral("呼吸科")}});
    create(QStringLiteral("territory"),
        {{QStringLiteral("code"), QStringLiteral("SH-02")}, {QStringLiteral("name"), QStringLiteral("浦东")},
            {QStringLiteral("level"), QStringLiteral("territory")}});
    create(QStringLiteral("territory"),
        {{QStringLiteral("code"), QStringLiteral("SH-01")}, {QStringLiteral("name"), QStringLiteral("徐汇")},
            {QStringLiteral("level"), QStringLiteral("territory")}});
    const char *specialties[] = {"心内科", "呼吸科", "心内科", ""};
    for (int i = 0; i < 4; ++i) {
        m_hcps << create(QStringLiteral("hcp"),
            {{QStringLiteral("full_name"), QStringLiteral("医生%1").arg(i)},
                {QStringLiteral("specialty"), QString::fromUtf8(specialties[i])},
                {QStringLiteral("status"), i == 3 ? QStringLiteral("inactive") : QStringLiteral("active")}});
    }
    create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), m_hcps.at(0)}, {QStringLiteral("category"), QStringLiteral("value")},
            {QStringLiteral("tag"), QStringLiteral("KOL")}});
    create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), m_hcps.at(1)}, {QStringLiteral("category"), QStringLiteral("value")},
            {QStringLiteral("tag"), QStringLiteral("KOL")}});
    create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), m_hcps.at(1)}, {QStringLiteral("category"), QStringLiteral("basic")},
            {QStringLiteral("tag"), QStringLiteral("讲者")}});
    // Visits: Monday x2 (hcp 0, hcp 1), Wednesday x1 (hcp 0), the Sunday before (outside the week).
    const QList<std::pair<int, int>> visits {{0, 0}, {1, 0}, {0, 2}, {2, -1}};
    for (const auto &[hcp, day] : visits) {
        create(QStringLiteral("visit"),
            {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcps.at(hcp)},
                {QStringLiteral("rep_id"), kRep},
                {QStringLiteral("visited_at"), localNoonUtc(m_monday.addDays(day))}});
    }
    const char *statuses[] = {"planned", "done", "done", "cancelled"};
    for (int i = 0; i < 4; ++i) {
        create(QStringLiteral("visit_plan"),
            {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcps.at(i)},
                {QStringLiteral("planned_at"), localNoonUtc(m_monday.addDays(i))},
                {QStringLiteral("status"), QString::fromLatin1(statuses[i])}});
    }
    create(QStringLiteral("visit_plan"),
        {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), m_hcps.at(0)},
            {QStringLiteral("planned_at"), localNoonUtc(m_monday.addDays(9))}});
}

void TestStoreQueries::pickers()
{
    QList<NamedItem> items;
    QVERIFY(listInstitutions(*m_store.database(), &items));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).name, QStringLiteral("中山医院")); // 中 U+4E2D before 协 U+534F
    QCOMPARE(items.at(0).detail, QStringLiteral("上海"));
    QVERIFY(listDepartments(*m_store.database(), m_xh, &items));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.at(0).name, QStringLiteral("呼吸科"));
    QVERIFY(listTerritories(*m_store.database(), &items));
    QCOMPARE(items.size(), 2);
    QCOMPARE(items.at(0).detail, QStringLiteral("SH-01"));
    QStringList values;
    QVERIFY(listSpecialties(*m_store.database(), &values));
    QCOMPARE(values, (QStringList {QStringLiteral("呼吸科"), QStringLiteral("心内科")}));
    QVERIFY(listTags(*m_store.database(), &values));
    QCOMPARE(values, (QStringList {QStringLiteral("KOL"), QStringLiteral("讲者")}));
}

void TestStoreQueries::visitsPerDayCountsLocalDays()
{
    QList<DayCount> days;
    QVERIFY(visitsPerDay(*m_store.database(), m_monday, m_monday.addDays(6), &days));
    QCOMPARE(days.size(), 7);
    QCOMPARE(days.at(0).day, m_monday);
    QCOMPARE(days.at(0).count, 2);
    QCOMPARE(days.at(1).count, 0);
    QCOMPARE(days.at(2).count, 1);
    int total = 0;
    for (const DayCount &d : days)
        total += d.count;
    QCOMPARE(total, 3); // the Sunday before is outside
}

void TestStoreQueries::coverageAndPlans()
{
    Coverage c;
    QVERIFY(coverage(*m_store.database(), m_monday, m_monday.addDays(6), &c));
    QCOMPARE(c.activeHcps, 3);
    QCOMPARE(c.visitedHcps, 2);
    QCOMPARE(c.visits, 3);
    QVERIFY(coverage(*m_store.database(), m_monday.addDays(-1), m_monday.addDays(6), &c));
    QCOMPARE(c.visitedHcps, 3);
    PlanProgress p;
    QVERIFY(planProgress(*m_store.database(), m_monday, m_monday.addDays(6), &p));
    QCOMPARE(p.planned, 1);
    QCOMPARE(p.done, 2);
    QCOMPARE(p.cancelled, 1);
}

void TestStoreQueries::errorsAreReported()
{
    sql::Database empty(m_dir.filePath(QStringLiteral("empty.db")));
    QList<NamedItem> items {NamedItem {}};
    QString error;
    QVERIFY(!listInstitutions(empty, &items, &error));
    QVERIFY(items.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("no such table")), qPrintable(error));
    Coverage c;
    QVERIFY(!coverage(empty, m_monday, m_monday, &c, &error));
}

QTEST_GUILESS_MAIN(TestStoreQueries)
#include "tst_storequeries.moc"
