// rounds-cli search on a hand-made store: the same engine and order as the window's global search
// (searchHcps, which the HCP list model also runs), as text and as JSON, with pinyin, initials, mixed,
// Latin and hospital queries; --limit and the usage errors.
#include "common/sqlite/database.h"
#include "e2e/clirunner.h"
#include "models/hcpquery.h"
#include "models/store.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

class TestCliSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void jsonMatchesTheWindowsEngine_data();
    void jsonMatchesTheWindowsEngine();
    void text();
    void limit();
    void usageErrors();

private:
    QStringList inProcess(const QString &text, int limit);
    QString m_path;
    QTemporaryDir m_dir;
};

void TestCliSearch::initTestCase()
{
    m_path = m_dir.filePath(QStringLiteral("search.db"));
    Store store;
    QVERIFY(store.open(m_path).ok);
    store.database()->exec(QStringLiteral(R"(
INSERT INTO institution(id, name, kind, city) VALUES ('ix', '协和医院', 'hospital', '北京'),
  ('iz', '中山医院', 'hospital', '上海');
INSERT INTO hcp(id, full_name, tier, status, institution_id) VALUES ('h1', '何丽', 'A', 'active', 'iz'),
  ('h2', '贺立新', 'B', 'active', 'iz'), ('h3', 'Wang Wei', 'C', 'active', 'iz'),
  ('h4', '张敏', 'A', 'active', 'ix'), ('h5', '李娜', 'B', 'active', 'ix');
)"));
}

QStringList TestCliSearch::inProcess(const QString &text, int limit)
{
    Store store;
    if (!store.open(m_path).ok)
        return {QStringLiteral("store did not open")};
    HcpFilter filter;
    filter.text = text;
    QList<HcpHit> hits;
    if (!searchHcps(*store.database(), filter, limit, &hits))
        return {QStringLiteral("search failed")};
    QStringList ids;
    for (const HcpHit &h : hits)
        ids << h.id;
    return ids;
}

void TestCliSearch::jsonMatchesTheWindowsEngine_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("first"); // the first hits, in order
    QTest::newRow("full pinyin") << "heli" << QStringList {"h1", "h2"};
    QTest::newRow("pinyin with a space") << "he li" << QStringList {"h1", "h2"};
    QTest::newRow("initials") << "hl" << QStringList {"h1"};
    QTest::newRow("mixed") << "he丽" << QStringList {"h1", "h2"};
    QTest::newRow("Chinese") << "何丽" << QStringList {"h1"};
    QTest::newRow("Latin name") << "wang wei" << QStringList {"h3"};
    QTest::newRow("hospital by pinyin") << "xiehe" << QStringList {"h4", "h5"};
    QTest::newRow("hospital by initials") << "xhyy" << QStringList {"h4", "h5"};
    QTest::newRow("hospital in Chinese") << "协和医院" << QStringList {"h4", "h5"};
}

void TestCliSearch::jsonMatchesTheWindowsEngine()
{
    QFETCH(QString, text);
    QFETCH(QStringList, first);
    const CliRun r
        = runCli({QStringLiteral("--db"), m_path, QStringLiteral("search"), text, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = r.json().object();
    QCOMPARE(o.value(QStringLiteral("query")).toString(), text);
    QCOMPARE(o.value(QStringLiteral("limit")).toInt(), kSearchFirstPage);
    QStringList ids;
    for (const QJsonValue &v : o.value(QStringLiteral("hcps")).toArray())
        ids << v.toObject().value(QStringLiteral("id")).toString();
    QCOMPARE(ids.mid(0, first.size()), first);
    // Exactly what the window's engine gives, in its order.
    QCOMPARE(ids, inProcess(text, kSearchFirstPage));
    const QJsonObject top = o.value(QStringLiteral("hcps")).toArray().first().toObject();
    QVERIFY(top.contains(QStringLiteral("name")) && top.contains(QStringLiteral("institution")));
}

void TestCliSearch::text()
{
    const CliRun r = runCli({QStringLiteral("--db"), m_path, QStringLiteral("search"), QStringLiteral("he"),
        QStringLiteral("li")});
    QCOMPARE(r.code, 0);
    const QStringList lines = QString::fromUtf8(r.out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.at(0), QStringLiteral("h1\t何丽\tA\t中山医院"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("h2\t贺立新\t")), qPrintable(lines.at(1)));

    const CliRun none
        = runCli({QStringLiteral("--db"), m_path, QStringLiteral("search"), QStringLiteral("qqq")});
    QCOMPARE(none.code, 0);
    QVERIFY(none.out.isEmpty());
    QVERIFY(!none.err.isEmpty());
}

void TestCliSearch::limit()
{
    const CliRun r = runCli({QStringLiteral("--db"), m_path, QStringLiteral("search"), QStringLiteral("h"),
        QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonArray hcps = r.json().object().value(QStringLiteral("hcps")).toArray();
    QCOMPARE(hcps.size(), 1);
    QCOMPARE(hcps.first().toObject().value(QStringLiteral("id")).toString(),
        inProcess(QStringLiteral("h"), 1).value(0));
}

void TestCliSearch::usageErrors()
{
    QCOMPARE(runCli({QStringLiteral("--db"), m_path, QStringLiteral("search")}).code, 2);
    QCOMPARE(runCli({QStringLiteral("--db"), m_path, QStringLiteral("search"), QStringLiteral("x"),
                        QStringLiteral("--limit"), QStringLiteral("0")})
                 .code,
        2);
    const CliRun help = runCli({QStringLiteral("--help")});
    QVERIFY(help.out.contains("search TEXT [--limit N] [--json]"));
}

QTEST_GUILESS_MAIN(TestCliSearch)
#include "tst_clisearch.moc"
