// The typed queries the views read (hcpqueries, sfequeries, referencequeries, visitqueries,
// showcasequeries) on a real store file: what each finds, and that a broken store is reported as an error
// instead of an empty success.
#include "common/sqlite/database.h"
#include "models/hcpqueries.h"
#include "models/referencequeries.h"
#include "models/sfequeries.h"
#include "models/showcasequeries.h"
#include "models/store.h"
#include "models/visitqueries.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");

QString localUtc(const QDate &day, int hour)
{
    return QDateTime(day, QTime(hour, 0)).toUTC().toString(Qt::ISODateWithMs);
}
} // namespace

class TestViewQueries : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void hcpSummaryAndProfile();
    void hcpListAndPickers();
    void sfePickers();
    void referenceNames();
    void visitsAndPlans();
    void showcase();
    void brokenStoreIsAnError();
    void noStoreIsAnError();

private:
    QString create(const QString &entity, const QJsonObject &fields);

    QTemporaryDir m_dir;
    Store m_store;
    QString m_zs, m_cardio, m_sh01, m_sh02, m_product, m_message, m_wang, m_li, m_visit;
    const QDate m_today {2026, 11, 18}; // a Wednesday
};

QString TestViewQueries::create(const QString &entity, const QJsonObject &fields)
{
    const WriteResult w = m_store.create(entity, fields);
    if (!w.ok)
        qWarning() << entity << w.error;
    return w.id;
}

void TestViewQueries::initTestCase()
{
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("rounds.db"))).ok);
    m_zs = create(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("中山医院")},
            {QStringLiteral("city"), QStringLiteral("上海")},
            {QStringLiteral("grade"), QStringLiteral("3A")}});
    m_cardio = create(QStringLiteral("department"),
        {{QStringLiteral("institution_id"), m_zs}, {QStringLiteral("name"), QStringLiteral("心内科")}});
    m_sh02 = create(QStringLiteral("territory"),
        {{QStringLiteral("code"), QStringLiteral("SH-02")}, {QStringLiteral("name"), QStringLiteral("浦东")},
            {QStringLiteral("level"), QStringLiteral("territory")}});
    m_sh01 = create(QStringLiteral("territory"),
        {{QStringLiteral("code"), QStringLiteral("SH-01")}, {QStringLiteral("name"), QStringLiteral("徐汇")},
            {QStringLiteral("level"), QStringLiteral("territory")}});
    m_wang = create(QStringLiteral("hcp"),
        {{QStringLiteral("full_name"), QStringLiteral("王伟")},
            {QStringLiteral("title"), QStringLiteral("主任医师")},
            {QStringLiteral("specialty"), QStringLiteral("心内科")},
            {QStringLiteral("tier"), QStringLiteral("A")}, {QStringLiteral("institution_id"), m_zs},
            {QStringLiteral("department_id"), m_cardio},
            {QStringLiteral("phone"), QStringLiteral("13800138000")}});
    m_li = create(QStringLiteral("hcp"),
        {{QStringLiteral("full_name"), QStringLiteral("李娜")}, {QStringLiteral("tier"), QStringLiteral("B")},
            {QStringLiteral("status"), QStringLiteral("inactive")}});
    m_product = create(QStringLiteral("product"), {{QStringLiteral("name"), QStringLiteral("Cardiozol")}});
    create(QStringLiteral("product"),
        {{QStringLiteral("name"), QStringLiteral("Retired")}, {QStringLiteral("active"), false}});
    m_message = create(QStringLiteral("key_message"),
        {{QStringLiteral("product_id"), m_product}, {QStringLiteral("text"), QStringLiteral("Once daily")}});
    create(QStringLiteral("alignment"),
        {{QStringLiteral("territory_id"), m_sh02}, {QStringLiteral("hcp_id"), m_wang},
            {QStringLiteral("valid_from"), QStringLiteral("2026-01-01")},
            {QStringLiteral("target_calls_per_cycle"), 4}});
    create(QStringLiteral("alignment"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("hcp_id"), m_wang},
            {QStringLiteral("valid_from"), QStringLiteral("2026-01-01")}});
    // Two visits to Wang this month: the older one detailed Cardiozol and promised a follow-up since due.
    m_visit = create(QStringLiteral("visit"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("hcp_id"), m_wang},
            {QStringLiteral("rep_id"), kRep},
            {QStringLiteral("visited_at"), localUtc(m_today.addDays(-10), 10)},
            {QStringLiteral("support_level"), 3}, {QStringLiteral("feedback"), QStringLiteral("interested")},
            {QStringLiteral("follow_up"), QStringLiteral("send the study")},
            {QStringLiteral("follow_up_due"), m_today.addDays(-3).toString(Qt::ISODate)}});
    create(QStringLiteral("visit_detail"),
        {{QStringLiteral("visit_id"), m_visit}, {QStringLiteral("product_id"), m_product},
            {QStringLiteral("key_message_id"), m_message},
            {QStringLiteral("reaction"), QStringLiteral("positive")}});
    create(QStringLiteral("visit"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("hcp_id"), m_wang},
            {QStringLiteral("rep_id"), kRep},
            {QStringLiteral("visited_at"), localUtc(m_today.addDays(-1), 10)},
            {QStringLiteral("status"), QStringLiteral("submitted")}});
    create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), m_wang}, {QStringLiteral("category"), QStringLiteral("value")},
            {QStringLiteral("tag"), QStringLiteral("KOL")}});
    create(QStringLiteral("change_request"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("record_id"), m_wang},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("title"), QStringLiteral("副主任医师")}}},
            {QStringLiteral("reason"), QStringLiteral("promoted")}});
    // Plans today: one for Li at 9, a cancelled one for Wang at 11.
    create(QStringLiteral("visit_plan"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("hcp_id"), m_li},
            {QStringLiteral("planned_at"), localUtc(m_today, 9)},
            {QStringLiteral("purpose"), QStringLiteral("intro")}});
    create(QStringLiteral("visit_plan"),
        {{QStringLiteral("territory_id"), m_sh01}, {QStringLiteral("hcp_id"), m_wang},
            {QStringLiteral("planned_at"), localUtc(m_today, 11)},
            {QStringLiteral("status"), QStringLiteral("cancelled")}});
    create(QStringLiteral("setting"),
        {{QStringLiteral("key"), QStringLiteral("compliance.rules")},
            {QStringLiteral("value"), QJsonObject {{QStringLiteral("cateringPerHeadCap"), 300}}}});
}

void TestViewQueries::hcpSummaryAndProfile()
{
    HcpSummary s;
    QString error;
    QVERIFY2(HcpQueries::summary(&m_store, m_wang, &s, &error), qPrintable(error));
    QCOMPARE(s.name, QStringLiteral("王伟"));
    QCOMPARE(s.institution, QStringLiteral("中山医院"));
    QCOMPARE(s.department, QStringLiteral("心内科"));
    QCOMPARE(s.city, QStringLiteral("上海"));
    QCOMPARE(s.institutionId, m_zs);
    QVERIFY(HcpQueries::summary(&m_store, QStringLiteral("no-such-id"), &s, &error));
    QVERIFY(!s.isValid());

    HcpProfile p;
    QVERIFY2(HcpQueries::profile(&m_store, m_wang, &p, &error), qPrintable(error));
    QCOMPARE(p.summary.tier, QStringLiteral("A"));
    QCOMPARE(p.visits.size(), 2);
    QVERIFY(p.visits.first().visitedAt > p.visits.last().visitedAt); // newest first
    const HcpVisit &older = p.visits.last();
    QCOMPARE(older.id, m_visit);
    QCOMPARE(older.products, QStringList {QStringLiteral("Cardiozol")});
    QVERIFY(older.hasSupportLevel);
    QCOMPARE(older.supportLevel, 3);
    QCOMPARE(older.followUpDue, m_today.addDays(-3));
    QVERIFY(!p.visits.first().hasSupportLevel);
    QCOMPARE(p.tags.size(), 1);
    QCOMPARE(p.tags.first().tag, QStringLiteral("KOL"));
    QCOMPARE(p.changeRequests.size(), 1);
    QCOMPARE(p.changeRequests.first().fields.value(QLatin1String("title")).toString(),
        QStringLiteral("副主任医师"));
    QCOMPARE(p.changeRequests.first().status, QStringLiteral("open"));
    QVERIFY(p.meetings.isEmpty());

    QString territory;
    QVERIFY(HcpQueries::territoryFor(&m_store, m_wang, {m_sh02}, m_today, &territory, &error));
    QCOMPARE(territory, m_sh02); // the preferred one
    QVERIFY(HcpQueries::territoryFor(&m_store, m_wang, {}, m_today, &territory, &error));
    QCOMPARE(territory, std::min(m_sh01, m_sh02)); // else the first by id
    QVERIFY(HcpQueries::territoryFor(&m_store, m_li, {m_sh01}, m_today, &territory, &error));
    QVERIFY(territory.isEmpty());

    int dependents = -1;
    QVERIFY(HcpQueries::dependentCount(&m_store, m_wang, &dependents, &error));
    QCOMPARE(dependents, 2 + 2 + 1); // visits, alignments, plans
}

void TestViewQueries::hcpListAndPickers()
{
    HcpListExtra e;
    QString error;
    QVERIFY2(HcpQueries::listExtra(&m_store, m_wang, m_today, &e, &error), qPrintable(error));
    QCOMPARE(e.title, QStringLiteral("主任医师"));
    QCOMPARE(e.department, QStringLiteral("心内科"));
    QCOMPARE(e.visitsThisMonth, 2);
    QCOMPARE(e.target, 4);

    QList<HcpChoice> hcps;
    QVERIFY(HcpQueries::activeMatching(&m_store, QStringLiteral("中山"), &hcps, &error));
    QCOMPARE(hcps.size(), 1);
    QCOMPARE(hcps.first().id, m_wang);
    QCOMPARE(hcps.first().specialty, QStringLiteral("心内科"));
    QVERIFY(HcpQueries::activeMatching(&m_store, QStringLiteral("李"), &hcps, &error));
    QVERIFY(hcps.isEmpty()); // inactive
    QVERIFY(HcpQueries::editable(&m_store, QString(), &hcps, &error));
    QCOMPARE(hcps.size(), 2);
    QVERIFY(HcpQueries::editable(&m_store, QStringLiteral("138001"), &hcps, &error)); // by phone
    QCOMPARE(hcps.size(), 1);
    QCOMPARE(hcps.first().institution, QStringLiteral("中山医院"));
}

void TestViewQueries::sfePickers()
{
    QString error;
    NamedItem t;
    QVERIFY(SfeQueries::territory(&m_store, m_sh01, &t, &error));
    QCOMPARE(t.name, QStringLiteral("徐汇"));
    QCOMPARE(t.detail, QStringLiteral("SH-01"));
    QList<NamedItem> items;
    QVERIFY(SfeQueries::leafTerritories(&m_store, m_sh01, &items, &error));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().id, m_sh02);
    QVERIFY(SfeQueries::leafTerritories(&m_store, QString(), &items, &error));
    QCOMPARE(items.first().detail, QStringLiteral("SH-01")); // by code
    QVERIFY(SfeQueries::institutions(&m_store, &items, &error));
    QCOMPARE(items.size(), 1);
    QVERIFY(SfeQueries::departments(&m_store, m_zs, &items, &error));
    QCOMPARE(items.first().name, QStringLiteral("心内科"));
    QStringList values;
    QVERIFY(SfeQueries::specialties(&m_store, &values, &error));
    QCOMPARE(values, QStringList {QStringLiteral("心内科")});
    QVERIFY(SfeQueries::cities(&m_store, &values, &error));
    QCOMPARE(values, QStringList {QStringLiteral("上海")});
    QList<InstitutionRow> rows;
    QVERIFY(SfeQueries::editableInstitutions(&m_store, QStringLiteral("上海"), &rows, &error));
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().grade, QStringLiteral("3A"));
    QVERIFY(SfeQueries::editableInstitutions(&m_store, QStringLiteral("北京"), &rows, &error));
    QVERIFY(rows.isEmpty());
}

void TestViewQueries::referenceNames()
{
    QString error;
    QList<NamedItem> items;
    QVERIFY(ReferenceQueries::products(&m_store, &items, &error));
    QCOMPARE(items.size(), 1); // the retired one is left out
    QCOMPARE(items.first().name, QStringLiteral("Cardiozol"));
    QVERIFY(ReferenceQueries::keyMessages(&m_store, m_product, &items, &error));
    QCOMPARE(items.size(), 1);
    QCOMPARE(items.first().id, m_message);
    QString name;
    QVERIFY(ReferenceQueries::institutionName(&m_store, m_zs, &name, &error));
    QCOMPARE(name, QStringLiteral("中山医院"));
    QVERIFY(ReferenceQueries::departmentName(&m_store, m_cardio, &name, &error));
    QCOMPARE(name, QStringLiteral("心内科"));
    QVERIFY(ReferenceQueries::territoryName(&m_store, m_sh02, &name, &error));
    QCOMPARE(name, QStringLiteral("浦东"));
    QVERIFY(ReferenceQueries::userName(&m_store, kRep, &name, &error));
    QVERIFY(name.isEmpty()); // not in the store: nothing found, no error
    QVERIFY(ReferenceQueries::setting(&m_store, QStringLiteral("compliance.rules"), &name, &error));
    QVERIFY2(name.contains(QStringLiteral("cateringPerHeadCap")), qPrintable(name));
}

void TestViewQueries::visitsAndPlans()
{
    QString error;
    QList<VisitDetailRow> details;
    QVERIFY(VisitQueries::details(&m_store, m_visit, &details, &error));
    QCOMPARE(details.size(), 1);
    QCOMPARE(details.first().keyMessageId, m_message);
    QCOMPARE(details.first().reaction, QStringLiteral("positive"));

    QList<PlannedVisit> plans;
    QVERIFY(VisitQueries::plans(&m_store, m_today, m_today.addDays(1), true, &plans, &error));
    QCOMPARE(plans.size(), 2);
    QCOMPARE(plans.first().hcpName, QStringLiteral("李娜"));
    QCOMPARE(plans.first().plannedAt, QDateTime(m_today, QTime(9, 0)));
    QCOMPARE(plans.first().purpose, QStringLiteral("intro"));
    QCOMPARE(plans.last().institution, QStringLiteral("中山医院"));
    QVERIFY(VisitQueries::plans(&m_store, m_today, m_today.addDays(1), false, &plans, &error));
    QCOMPARE(plans.size(), 1); // without the cancelled one

    QList<OverdueFollowUp> followUps;
    QVERIFY(VisitQueries::overdueFollowUps(&m_store, m_today, &followUps, &error));
    QVERIFY(followUps.isEmpty()); // a later visit to Wang answered it
    const QDate monthStart(m_today.year(), m_today.month(), 1);
    QList<UnvisitedHcp> unvisited;
    QVERIFY(
        VisitQueries::plannedNotVisited(&m_store, monthStart, monthStart.addMonths(1), &unvisited, &error));
    QCOMPARE(unvisited.size(), 1);
    QCOMPARE(unvisited.first().hcpId, m_li);
}

void TestViewQueries::showcase()
{
    QString id;
    QString error;
    QVERIFY(ShowcaseQueries::busiestHcp(&m_store, &id, &error));
    QCOMPARE(id, m_wang);
    QVERIFY(ShowcaseQueries::busiestTerritory(&m_store, &id, &error));
    QVERIFY(id == m_sh01 || id == m_sh02);
    QVERIFY(ShowcaseQueries::liveliestMeeting(&m_store, &id, &error));
    QVERIFY(id.isEmpty());
}

void TestViewQueries::brokenStoreIsAnError()
{
    Store broken;
    QVERIFY(broken.open(m_dir.filePath(QStringLiteral("broken.db"))).ok);
    broken.database()->exec(QStringLiteral("DROP TABLE visit"));
    broken.database()->exec(QStringLiteral("DROP TABLE product"));
    broken.database()->exec(QStringLiteral("DROP TABLE institution"));

    HcpProfile profile;
    profile.tags << HcpTag {};
    QString error;
    QVERIFY(!HcpQueries::profile(&broken, m_wang, &profile, &error));
    QVERIFY2(error.contains(QStringLiteral("no such table")), qPrintable(error));
    QVERIFY(profile.tags.isEmpty());
    QList<NamedItem> items {NamedItem {}};
    error.clear();
    QVERIFY(!ReferenceQueries::products(&broken, &items, &error));
    QVERIFY(items.isEmpty());
    QVERIFY2(error.contains(QStringLiteral("product")), qPrintable(error));
    error.clear();
    QVERIFY(!SfeQueries::institutions(&broken, &items, &error));
    QVERIFY(!error.isEmpty());
    QList<OverdueFollowUp> followUps;
    error.clear();
    QVERIFY(!VisitQueries::overdueFollowUps(&broken, m_today, &followUps, &error));
    QVERIFY2(error.contains(QStringLiteral("visit")), qPrintable(error));
}

void TestViewQueries::noStoreIsAnError()
{
    Store closed; // never opened
    HcpSummary s;
    QString error;
    QVERIFY(!HcpQueries::summary(&closed, m_wang, &s, &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QStringList values;
    QVERIFY(!SfeQueries::specialties(nullptr, &values, &error));
    QVERIFY(!error.isEmpty());
}

QTEST_GUILESS_MAIN(TestViewQueries)
#include "tst_viewqueries.moc"
