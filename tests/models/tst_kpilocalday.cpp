// The local day of a visit in the KPIs (calls per day, field days, calls per field day, the support
// trend) in the zone of the process, which each case sets through TZ: a visit at 23:59 local is that
// day's, one at 00:00 local the next day's, before, after and across a daylight-saving change.
#include "common/sqlite/database.h"
#include "models/kpis.h"
#include "models/localday.h"
#include "models/store.h"
#include "tests/models/insertrow.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

#include <ctime>

using namespace rounds;

namespace {

void setZone(const QByteArray &zone)
{
    qputenv("TZ", zone);
    tzset();
}

} // namespace

class TestKpiLocalDay : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void localDayKpis_data();
    void localDayKpis();
    void sqlAgreesWithQtEveryHour_data();
    void sqlAgreesWithQtEveryHour();

private:
    void insert(const QString &table, const QJsonObject &fields);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    QByteArray m_zoneBefore;
};

void TestKpiLocalDay::init()
{
    m_zoneBefore = qgetenv("TZ");
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("kpis.db"))).ok);
    QVERIFY(m_store->setMeta(QStringLiteral("role"), QStringLiteral("manager")));
}

void TestKpiLocalDay::cleanup()
{
    m_store.reset();
    m_dir.reset();
    setZone(m_zoneBefore);
}

void TestKpiLocalDay::insert(const QString &table, const QJsonObject &fields)
{
    testing::insertRow(*m_store->database(), table, fields);
}

void TestKpiLocalDay::localDayKpis_data()
{
    // visits: UTC time → support level, all calls of one rep; days: local day → calls; weeks: Monday →
    // average support.
    QTest::addColumn<QByteArray>("zone");
    QTest::addColumn<QString>("period");
    QTest::addColumn<QVariantMap>("visits");
    QTest::addColumn<QVariantMap>("days");
    QTest::addColumn<QVariantMap>("weeks");

    // Sunday 13 September 23:59 and Monday 14 September 00:00, local: two days, two weeks.
    QTest::newRow("UTC") << QByteArray("UTC") << QStringLiteral("2026-09")
                         << QVariantMap {{"2026-09-13T23:59:00.000Z", 2}, {"2026-09-14T00:00:00.000Z", 4}}
                         << QVariantMap {{"2026-09-13", 1}, {"2026-09-14", 1}}
                         << QVariantMap {{"2026-09-07", 2.0}, {"2026-09-14", 4.0}};
    QTest::newRow("Asia/Shanghai") << QByteArray("Asia/Shanghai") << QStringLiteral("2026-09")
                                   << QVariantMap {{"2026-09-13T15:59:00.000Z", 2},
                                          {"2026-09-13T16:00:00.000Z", 4}}
                                   << QVariantMap {{"2026-09-13", 1}, {"2026-09-14", 1}}
                                   << QVariantMap {{"2026-09-07", 2.0}, {"2026-09-14", 4.0}};
    // The first and last minutes of the month, local: both in it.
    QTest::newRow("Asia/Shanghai, month edges")
        << QByteArray("Asia/Shanghai") << QStringLiteral("2026-09")
        << QVariantMap {{"2026-08-31T16:00:00.000Z", 3}, {"2026-09-30T15:59:00.000Z", 5}}
        << QVariantMap {{"2026-09-01", 1}, {"2026-09-30", 1}}
        << QVariantMap {{"2026-08-31", 3.0}, {"2026-09-28", 5.0}};
    QTest::newRow("America/New_York")
        << QByteArray("America/New_York") << QStringLiteral("2026-09")
        << QVariantMap {{"2026-09-14T03:59:00.000Z", 2}, {"2026-09-14T04:00:00.000Z", 4}}
        << QVariantMap {{"2026-09-13", 1}, {"2026-09-14", 1}}
        << QVariantMap {{"2026-09-07", 2.0}, {"2026-09-14", 4.0}};
    // Summer time ends on Sunday 1 November 2026 at 02:00 EDT (06:00Z): 23:59 on 31 October is 03:59Z,
    // 00:30 on 1 November 04:30Z (EDT); 23:59 on 1 November is 04:59Z on the 2nd (EST), 00:00 on
    // Monday 16 November 05:00Z. One offset for the period (October's) puts the last two a day late.
    QTest::newRow("America/New_York, autumn change")
        << QByteArray("America/New_York") << QStringLiteral("2026-10-01..2026-11-30")
        << QVariantMap {{"2026-11-01T03:59:00.000Z", 1}, {"2026-11-01T04:30:00.000Z", 2},
               {"2026-11-02T04:59:00.000Z", 3}, {"2026-11-16T04:59:00.000Z", 4},
               {"2026-11-16T05:00:00.000Z", 5}}
        << QVariantMap {{"2026-10-31", 1}, {"2026-11-01", 2}, {"2026-11-15", 1}, {"2026-11-16", 1}}
        << QVariantMap {{"2026-10-26", 2.0}, {"2026-11-09", 4.0}, {"2026-11-16", 5.0}};
    // Summer time starts on Sunday 8 March 2026 at 02:00 EST (07:00Z): 23:59 on Saturday 7 March is
    // 04:59Z on the 8th (EST); 00:00 on Monday 9 March is 04:00Z (EDT), 23:59 on Sunday 8 March 03:59Z.
    QTest::newRow("America/New_York, spring change")
        << QByteArray("America/New_York") << QStringLiteral("2026-03")
        << QVariantMap {{"2026-03-08T04:59:00.000Z", 1}, {"2026-03-09T03:59:00.000Z", 2},
               {"2026-03-09T04:00:00.000Z", 3}}
        << QVariantMap {{"2026-03-07", 1}, {"2026-03-08", 1}, {"2026-03-09", 1}}
        << QVariantMap {{"2026-03-02", 1.5}, {"2026-03-09", 3.0}};
}

void TestKpiLocalDay::localDayKpis()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, period);
    QFETCH(QVariantMap, visits);
    QFETCH(QVariantMap, days);
    QFETCH(QVariantMap, weeks);
    setZone(zone);
    QCOMPARE(QTimeZone::systemTimeZoneId(), zone);

    insert(QStringLiteral("territory"),
        {{"id", "T1"}, {"code", "T1"}, {"name", "T1"}, {"level", "territory"}, {"owner_id", "rep1"}});
    insert(QStringLiteral("user"),
        {{"id", "rep1"}, {"username", "rep1"}, {"display_name", "rep1"}, {"role", "rep"},
            {"home_territory_id", "T1"}, {"active", 1}});
    int n = 0;
    for (auto it = visits.cbegin(); it != visits.cend(); ++it) {
        insert(QStringLiteral("visit"),
            {{"id", QStringLiteral("v%1").arg(++n)}, {"hcp_id", "h1"}, {"territory_id", "T1"},
                {"rep_id", "rep1"}, {"channel", "face_to_face"}, {"visited_at", it.key()},
                {"status", "submitted"}, {"support_level", it.value().toInt()}});
    }

    KpiEngine engine(*m_store->database());
    KpiResult r;
    QString error;
    QVERIFY2(engine.compute(*KpiPeriod::parse(period), *engine.resolveScope(QString()), &r, &error),
        qPrintable(error));
    QVariantMap perDay;
    for (const KpiDayCount &d : r.callsPerDay) {
        if (d.calls > 0)
            perDay.insert(d.day.toString(Qt::ISODate), d.calls);
    }
    QCOMPARE(perDay, days);
    QCOMPARE(qsizetype(r.now.calls), visits.size());
    QCOMPARE(qsizetype(r.now.fieldDays), days.size());
    QCOMPARE(r.now.callsPerFieldDay.value_or(-1), double(visits.size()) / double(days.size()));
    QCOMPARE(r.reps.size(), 1);
    QCOMPARE(qsizetype(r.reps.first().fieldDays), days.size());
    QCOMPARE(r.supportGranularity, QStringLiteral("week"));
    QVariantMap perWeek;
    for (const KpiSupportPoint &p : r.supportTrend)
        perWeek.insert(p.start.toString(Qt::ISODate), p.average);
    QCOMPARE(perWeek, weeks);
}

void TestKpiLocalDay::sqlAgreesWithQtEveryHour_data()
{
    QTest::addColumn<QByteArray>("zone");
    for (const char *zone : {"UTC", "Asia/Shanghai", "America/New_York", "Europe/London", "America/Santiago",
             "Australia/Lord_Howe", "Asia/Kathmandu"})
        QTest::newRow(zone) << QByteArray(zone);
}

// Over a year, every hour and a second either side of every transition: the SQL's local day is the
// one Qt's local time gives.
void TestKpiLocalDay::sqlAgreesWithQtEveryHour()
{
    QFETCH(QByteArray, zone);
    setZone(zone);
    const QDate first(2026, 1, 1);
    const QDate last(2026, 12, 31);
    const LocalDay localDay(first, last);
    const QDateTime from = QDateTime(first, QTime(0, 0)).toUTC();
    const QDateTime to = QDateTime(last.addDays(1), QTime(0, 0)).toUTC();
    QList<QDateTime> instants;
    for (QDateTime t = from; t < to; t = t.addSecs(3600))
        instants << t;
    for (const QTimeZone::OffsetData &t : QTimeZone::systemTimeZone().transitions(from, to))
        instants << t.atUtc.addSecs(-1) << t.atUtc << t.atUtc.addSecs(1);
    instants << to.addSecs(-1);
    auto q = m_store->database()->query(QStringLiteral("SELECT %1").arg(localDay.sql(QStringLiteral("?1"))));
    for (const QDateTime &t : std::as_const(instants)) {
        const QString utc = t.toUTC().toString(Qt::ISODateWithMs);
        q->reset();
        q->bind(1, utc);
        QVERIFY(q->step());
        QCOMPARE(q->text(0), t.toLocalTime().date().toString(Qt::ISODate));
        QCOMPARE(LocalDay::of(utc), t.toLocalTime().date());
    }
}

QTEST_GUILESS_MAIN(TestKpiLocalDay)
#include "tst_kpilocalday.moc"
