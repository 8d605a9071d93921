// rounds-cli kpis on a small hand-made store: the JSON object, the tables, and the usage errors.
#include "storekey.h"
#include "common/sqlite/database.h"
#include "e2e/clirunner.h"
#include "models/kpis.h"
#include "models/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

class TestCliKpis : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void json();
    void tables();
    void repRoleHidesInstitutions();
    void usageErrors_data();
    void usageErrors();

private:
    QString m_path;
    QTemporaryDir m_dir;
};

void TestCliKpis::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("kpis.db"));
    Store store;
    QVERIFY(store.open(m_path).ok);
    QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
    // District D with territory T; two targets (target 2 and 1), one reached by two calls of rep r on
    // one day in October 2026 (the test runs with TZ=UTC), and a touch.
    store.database()->exec(QStringLiteral(R"(
INSERT INTO territory(id, code, name, level, parent_id) VALUES ('d', 'D', '华东一区', 'district', NULL),
  ('t', 'T', '上海一区', 'territory', 'd');
INSERT INTO user(id, username, display_name, role, home_territory_id, active) VALUES ('r', 'rep.t', '张伟', 'rep', 't', 1);
INSERT INTO institution(id, name, kind) VALUES ('i', '中山医院', 'hospital');
INSERT INTO hcp(id, full_name, tier, status, institution_id) VALUES ('h1', '李娜', 'A', 'active', 'i'),
  ('h2', '王芳', 'B', 'active', 'i');
INSERT INTO alignment(id, territory_id, hcp_id, valid_from, target_calls_per_cycle) VALUES
  ('a1', 't', 'h1', '2026-01-01', 2), ('a2', 't', 'h2', '2026-01-01', 1);
INSERT INTO visit(id, territory_id, hcp_id, rep_id, channel, visited_at, status, support_level) VALUES
  ('v1', 't', 'h1', 'r', 'face_to_face', '2026-10-05T04:00:00.000Z', 'submitted', 4),
  ('v2', 't', 'h1', 'r', 'phone', '2026-10-05T06:00:00.000Z', 'submitted', 2),
  ('v3', 't', 'h2', 'r', 'message', '2026-10-06T04:00:00.000Z', 'submitted', NULL);
INSERT INTO sales_fact(id, territory_id, institution_id, product_id, month, units, value_minor, source) VALUES
  ('s1', 't', 'i', 'p', '2026-10', 10, 123456, 'internal');
)"));
}

void TestCliKpis::json()
{
    const CliRun r = runCli({QStringLiteral("--db"), m_path, QStringLiteral("kpis"),
        QStringLiteral("--period"), QStringLiteral("2026-10"), QStringLiteral("--scope"), QStringLiteral("D"),
        QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = r.json().object();
    const QJsonObject k = o.value(QStringLiteral("kpis")).toObject();
    QCOMPARE(k.value(QStringLiteral("targets")).toInt(), 2);
    QCOMPARE(k.value(QStringLiteral("calls")).toInt(), 2);
    QCOMPARE(k.value(QStringLiteral("touches")).toInt(), 1);
    QCOMPARE(k.value(QStringLiteral("reach_pct")).toDouble(), 50.0); // h1 of h1, h2
    QCOMPARE(k.value(QStringLiteral("coverage_pct")).toDouble(), 50.0); // h1: 2 calls >= 2
    QCOMPARE(k.value(QStringLiteral("calls_per_field_day")).toDouble(), 2.0); // one (rep, day)
    QCOMPARE(k.value(QStringLiteral("average_support")).toDouble(), 3.0);
    QCOMPARE(k.value(QStringLiteral("sales_minor")).toInteger(), 123456);
    QVERIFY(k.value(QStringLiteral("plan_attainment_pct")).isNull()); // no plans: undefined, not 0
    QCOMPARE(o.value(QStringLiteral("previous_period")).toString(), QStringLiteral("2026-09"));
    QCOMPARE(o.value(QStringLiteral("sales_by_institution")).toArray().size(), 1);

    // The CLI prints exactly what the engine computes in process.
    Store store;
    QVERIFY(store.open(m_path).ok);
    KpiEngine engine(*store.database());
    KpiResult inProcess;
    QVERIFY(engine.compute(
        *KpiPeriod::parse(QStringLiteral("2026-10")), *engine.resolveScope(QStringLiteral("D")), &inProcess));
    QCOMPARE(o, kpisToJson(inProcess));
}

void TestCliKpis::tables()
{
    const CliRun r
        = runCli({QStringLiteral("--db"), m_path, QStringLiteral("kpis"), QStringLiteral("--period"),
            QStringLiteral("2026-10-01..2026-10-31"), QStringLiteral("--scope"), QStringLiteral("rep.t")});
    QCOMPARE(r.code, 0);
    const QString text = QString::fromUtf8(r.out);
    QVERIFY(text.contains(QStringLiteral("scope rep.t 张伟")));
    // The summary row: 50 % reach now, none the cycle before (no targets' calls in September).
    static const QRegularExpression reach(QStringLiteral("\\nReach %\\s+50\\s+0\\s+50\\n"));
    QVERIFY2(reach.match(text).hasMatch(), r.out.constData());
    QVERIFY(text.contains(QStringLiteral("Sales (CNY)")));
    QVERIFY(text.contains(QStringLiteral("1234.56")));
    QVERIFY(text.contains(QStringLiteral("Reach by tier")));
}

void TestCliKpis::repRoleHidesInstitutions()
{
    QTemporaryDir dir;
    const QString copy = dir.filePath(QStringLiteral("rep.db"));
    QVERIFY(test::copyStore(m_path, copy));
    {
        Store store;
        QVERIFY(store.open(copy).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("rep")));
    }
    const CliRun r = runCli({QStringLiteral("--db"), copy, QStringLiteral("kpis"), QStringLiteral("--period"),
        QStringLiteral("2026-10"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    QVERIFY(r.json().object().value(QStringLiteral("sales_by_institution")).isNull());
    const CliRun text = runCli({QStringLiteral("--db"), copy, QStringLiteral("kpis"),
        QStringLiteral("--period"), QStringLiteral("2026-10")});
    QVERIFY(!text.out.contains("中山医院"));
    QVERIFY(text.out.contains("not shown to this user's role (rep)"));
}

void TestCliKpis::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("message");
    QTest::newRow("no period") << QStringList {} << "is not a period";
    QTest::newRow("bad period") << QStringList {"--period", "2026-13"} << "is not a period";
    QTest::newRow("unknown scope") << QStringList {"--period", "2026-10", "--scope", "XX"}
                                   << "no territory code";
    QTest::newRow("stray argument") << QStringList {"--period", "2026-10", "extra"} << "unexpected 'extra'";
}

void TestCliKpis::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, message);
    const CliRun r = runCli(QStringList {QStringLiteral("--db"), m_path, QStringLiteral("kpis")} + args);
    QCOMPARE(r.code, 2);
    QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
}

QTEST_GUILESS_MAIN(TestCliKpis)
#include "tst_clikpis.moc"
