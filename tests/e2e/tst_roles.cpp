// A role change on the server reaches the laptop at its next sync (docs/sync-protocol.md, "Sales for
// reps"): a manager demoted to rep loses every per-institution sales fact, a rep promoted to manager
// gets them, without a new install; and the rep's dashboard shows the same sales figures from the
// server's territory totals as it did from the facts.
#include "e2e/clirunner.h"
#include "models/kpis.h"
#include "syncclient.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;

namespace {

// The dashboard's sales figures of a scope and period, as the JSON the CLI prints has them.
QJsonObject salesFigures(Store &store, const QString &scopeKey, const QString &period)
{
    KpiEngine engine(*store.database());
    const std::optional<KpiScope> scope = engine.resolveScope(scopeKey);
    const std::optional<KpiPeriod> p = KpiPeriod::parse(period);
    KpiResult r;
    if (!scope || !p || !engine.compute(*p, *scope, &r))
        return {};
    const QJsonObject all = kpisToJson(r);
    QJsonObject out;
    for (const char *headline : {"kpis", "previous"}) {
        const QJsonObject h = all.value(QLatin1String(headline)).toObject();
        out.insert(QLatin1String(headline),
            QJsonObject {{QStringLiteral("sales_minor"), h.value(QLatin1String("sales_minor"))},
                {QStringLiteral("market_share_pct"), h.value(QLatin1String("market_share_pct"))}});
    }
    for (const char *key :
        {"sales_by_month", "sales_yoy_pct", "sales_by_territory", "sales_by_product", "forecast"})
        out.insert(QLatin1String(key), all.value(QLatin1String(key)));
    return out;
}

qint64 count(const SyncClient &c, const QString &entity)
{
    return c.ids(entity).size();
}

} // namespace

class TestRoles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void repDashboardFromTotals_data();
    void repDashboardFromTotals();
    void demotedManagerLosesFactsPromotedGetsThem();

private:
    bool setRole(const QString &username, const QString &role, const QString &territory);

    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestRoles::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 50, 4));
    QVERIFY(m_server.start());
}

bool TestRoles::setRole(const QString &username, const QString &role, const QString &territory)
{
    QByteArray err;
    const int rc = ServerProcess::runCommand(
        {QStringLiteral("user"), QStringLiteral("set-role"), QStringLiteral("--data"), m_server.dataDir(),
            QStringLiteral("--username"), username, QStringLiteral("--role"), role,
            QStringLiteral("--territory"), territory},
        {}, nullptr, &err);
    if (rc != 0)
        qWarning() << err;
    return rc == 0;
}

void TestRoles::repDashboardFromTotals_data()
{
    QTest::addColumn<QString>("period");
    const QDate lastMonth = QDate::currentDate().addMonths(-1);
    QTest::newRow("last month") << lastMonth.toString(QStringLiteral("yyyy-MM"));
    QTest::newRow("three months") << QStringLiteral("%1..%2").arg(
        QDate(lastMonth.year(), lastMonth.month(), 1).addMonths(-2).toString(Qt::ISODate),
        QDate(lastMonth.year(), lastMonth.month(), lastMonth.daysInMonth()).toString(Qt::ISODate));
    QTest::newRow("a month without sales")
        << QDate::currentDate().addMonths(2).toString(QStringLiteral("yyyy-MM"));
}

void TestRoles::repDashboardFromTotals()
{
    QFETCH(QString, period);
    SyncClient manager;
    SyncClient rep;
    QTemporaryDir dir;
    QVERIFY(manager.signIn(m_server, m_server.url().toString(), dir.path(), QStringLiteral("manager.sh")));
    QVERIFY(rep.signIn(m_server, m_server.url().toString(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(manager.sync().ok);
    QVERIFY(rep.sync().ok);
    QCOMPARE(count(rep, QStringLiteral("sales_fact")), 0);
    QVERIFY(count(rep, QStringLiteral("sales_total")) > 0);
    // The territory's figures from the facts (as the rep had them before) and from the totals.
    const QJsonObject fromFacts = salesFigures(*manager.store, QStringLiteral("SH-01"), period);
    const QJsonObject fromTotals = salesFigures(*rep.store, QStringLiteral("SH-01"), period);
    QVERIFY(!fromFacts.isEmpty());
    QCOMPARE(fromTotals, fromFacts);
    if (!period.contains(QLatin1String(".."))
        && QDate::fromString(period + QStringLiteral("-01"), Qt::ISODate) < QDate::currentDate())
        QVERIFY(
            fromTotals.value(QLatin1String("kpis")).toObject().value(QLatin1String("sales_minor")).toInteger()
            > 0);
}

void TestRoles::demotedManagerLosesFactsPromotedGetsThem()
{
    SyncClient c;
    QVERIFY(c.signIn(m_server, m_server.url().toString(), m_dir.path(), QStringLiteral("manager.sh")));
    QVERIFY(c.sync().ok);
    const qint64 facts = count(c, QStringLiteral("sales_fact"));
    QVERIFY(facts > 0);
    QCOMPARE(count(c, QStringLiteral("sales_total")), 0);
    QCOMPARE(c.store->meta(QStringLiteral("role")), QStringLiteral("manager"));

    // Demoted to rep of SH-01: the next sync drops every fact and brings the territory's totals.
    QVERIFY(setRole(QStringLiteral("manager.sh"), QStringLiteral("rep"), QStringLiteral("SH-01")));
    SyncSummary s = c.sync();
    QVERIFY(s.ok);
    QVERIFY(s.newRole);
    QCOMPARE(count(c, QStringLiteral("sales_fact")), 0);
    QVERIFY(count(c, QStringLiteral("sales_total")) > 0);
    QCOMPARE(c.store->meta(QStringLiteral("role")), QStringLiteral("rep"));
    c.store.reset();
    const CliRun dump
        = runCli({QStringLiteral("--db"), c.dbPath, QStringLiteral("dump"), QStringLiteral("sales_fact")});
    QCOMPARE(dump.code, 0);
    QVERIFY2(dump.out.trimmed().isEmpty(), dump.out.left(300).constData());
    const CliRun totals
        = runCli({QStringLiteral("--db"), c.dbPath, QStringLiteral("dump"), QStringLiteral("sales_total")});
    QVERIFY(!totals.out.contains("institution_id"));
    QVERIFY(c.reopen(m_server.url().toString()));
    // The next sync is an ordinary one: nothing is pulled again.
    s = c.sync();
    QVERIFY(s.ok);
    QVERIFY(!s.newRole);

    // Promoted back to manager of the district: the facts come back, the totals go.
    QVERIFY(setRole(QStringLiteral("manager.sh"), QStringLiteral("manager"), QStringLiteral("SH")));
    s = c.sync();
    QVERIFY(s.ok);
    QVERIFY(s.newRole);
    QCOMPARE(count(c, QStringLiteral("sales_fact")), facts);
    QCOMPARE(count(c, QStringLiteral("sales_total")), 0);
    QCOMPARE(c.store->meta(QStringLiteral("role")), QStringLiteral("manager"));
}

QTEST_GUILESS_MAIN(TestRoles)
#include "tst_roles.moc"
