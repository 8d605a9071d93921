// The China rule on the server (docs/sync-protocol.md, "Sales for reps"): a rep's pull never carries a
// per-institution sales figure, only the territory × product × month totals, and those follow every
// insert, update and delete of the facts under them; the other roles pull the facts and no totals.
#include "common/protocol/codec.h"
#include "server/demoorg.h"
#include "server/feed.h"
#include "server/serverprocess.h"
#include "server/storagefactory.h"

#include <QFile>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

namespace {

struct Sums
{
    qint64 units = 0;
    qint64 value = 0;
    qint64 facts = 0;
    qint64 matched = 0;
    bool operator==(const Sums &) const = default;
};

QString str(const QJsonObject &o, const char *field)
{
    return o.value(QLatin1String(field)).toString();
}

QString keyOf(const QJsonObject &r)
{
    return QStringList {str(r, "territory_id"), str(r, "product_id"), str(r, "month"), str(r, "source"),
        str(r, "currency").isEmpty() ? QStringLiteral("CNY") : str(r, "currency")}
        .join(u'|');
}

// What the totals of `territories` must be, computed here from the facts an admin pulls: sums per key,
// and for market share the value of the facts whose institution, product and month (in one territory)
// also have an external figure.
QHash<QString, Sums> expectedTotals(const QList<QJsonObject> &facts, const QStringList &territories)
{
    QSet<QString> external;
    for (const QJsonObject &f : facts) {
        if (str(f, "source") == QLatin1String("external"))
            external.insert(
                str(f, "territory_id") + str(f, "institution_id") + str(f, "product_id") + str(f, "month"));
    }
    QHash<QString, Sums> out;
    for (const QJsonObject &f : facts) {
        if (!territories.contains(str(f, "territory_id")))
            continue;
        Sums &s = out[keyOf(f)];
        const qint64 value = f.value(QLatin1String("value_minor")).toInteger();
        s.units += f.value(QLatin1String("units")).toInteger();
        s.value += value;
        s.facts += 1;
        if (external.contains(
                str(f, "territory_id") + str(f, "institution_id") + str(f, "product_id") + str(f, "month")))
            s.matched += value;
    }
    return out;
}

// The live records of a pull applied in order (upserts replace, deletes and revokes remove).
struct Replica
{
    QJsonObject cursors;
    QHash<QString, QJsonObject> records; // "entity/id" → record
    QList<QJsonObject> lastChanges;
    QString role;

    bool pull(ServerProcess &server, const QString &token)
    {
        const PullResult r = server.pullAll(token, cursors, 500);
        if (!r.ok)
            return false;
        cursors = r.cursors;
        lastChanges = r.changes;
        for (const QJsonObject &c : r.changes) {
            const QString key = str(c, "entity") + u'/' + str(c, "id");
            if (str(c, "op") == QLatin1String("upsert"))
                records.insert(key, c.value(QLatin1String("record")).toObject());
            else
                records.remove(key);
        }
        const HttpReply page = server.post(QStringLiteral("/api/v1/sync/pull"),
            QJsonObject {{QStringLiteral("cursors"), cursors}, {QStringLiteral("limit"), 1}}, token);
        role = str(page.json, "role");
        return true;
    }

    QList<QJsonObject> all(const QString &entity) const
    {
        QList<QJsonObject> out;
        for (auto it = records.begin(); it != records.end(); ++it) {
            if (it.key().startsWith(entity + u'/'))
                out << it.value();
        }
        return out;
    }

    QHash<QString, Sums> totals() const
    {
        QHash<QString, Sums> out;
        for (const QJsonObject &t : all(QStringLiteral("sales_total"))) {
            out.insert(keyOf(t),
                Sums {t.value(QLatin1String("units")).toInteger(),
                    t.value(QLatin1String("value_minor")).toInteger(),
                    t.value(QLatin1String("facts")).toInteger(),
                    t.value(QLatin1String("matched_minor")).toInteger()});
        }
        return out;
    }
};

} // namespace

class TestServerSales : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void repPullsTotalsNeverFacts();
    void totalsFollowInsertUpdateDelete();

private:
    // Changes the store while the server is stopped, through the feed as the import does.
    bool writeFacts(const std::function<void(server::StoreWriter &, server::Feed &)> &work);
    QList<QJsonObject> adminFacts();
    void compareTotals(const Replica &rep);

    ServerProcess m_server;
    DemoOrg m_org;
    QString m_repToken;
    QStringList m_repTerritories;
    Replica m_rep;
};

void TestServerSales::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 50, 3));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    HttpReply login;
    m_repToken = m_server.login(
        QStringLiteral("rep.sh01"), QString::fromLatin1(ServerProcess::DemoPassword), &login);
    QVERIFY(!m_repToken.isEmpty());
    for (const QJsonValue &t :
        login.json.value(QLatin1String("user")).toObject().value(QLatin1String("territory_ids")).toArray())
        m_repTerritories << t.toString();
    QCOMPARE(m_repTerritories, QStringList {m_org.territory.value(QStringLiteral("SH-01"))});
}

QList<QJsonObject> TestServerSales::adminFacts()
{
    Replica admin;
    if (!admin.pull(m_server, m_server.login(QStringLiteral("admin"))))
        return {};
    return admin.all(QStringLiteral("sales_fact"));
}

void TestServerSales::compareTotals(const Replica &rep)
{
    const QHash<QString, Sums> expected = expectedTotals(adminFacts(), m_repTerritories);
    QVERIFY(!expected.isEmpty());
    const QHash<QString, Sums> got = rep.totals();
    QCOMPARE(got.size(), expected.size());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        QVERIFY2(got.contains(it.key()), qPrintable(it.key()));
        const Sums g = got.value(it.key());
        QVERIFY2(g == it.value(),
            qPrintable(QStringLiteral("%1: got %2/%3/%4/%5, expected %6/%7/%8/%9")
                           .arg(it.key())
                           .arg(g.units)
                           .arg(g.value)
                           .arg(g.facts)
                           .arg(g.matched)
                           .arg(it.value().units)
                           .arg(it.value().value)
                           .arg(it.value().facts)
                           .arg(it.value().matched)));
    }
}

bool TestServerSales::writeFacts(const std::function<void(server::StoreWriter &, server::Feed &)> &work)
{
    m_server.stop();
    QString error;
    {
        const std::unique_ptr<server::Storage> storage
            = server::openStorage(m_server.storeArgs().at(1), false, &error);
        if (!storage)
            return false;
        const bool ok = storage->write(
            [&](server::StoreWriter &w) {
                server::Feed feed(w, server::Actor {{}, QStringLiteral("test"), {}});
                work(w, feed);
                feed.settle();
                return true;
            },
            &error);
        if (!ok)
            qWarning() << error;
    }
    return m_server.start();
}

void TestServerSales::repPullsTotalsNeverFacts()
{
    QVERIFY(m_rep.pull(m_server, m_repToken));
    QCOMPARE(m_rep.role, QStringLiteral("rep"));
    // Not a single per-institution sales figure reaches the rep, on any page.
    QVERIFY(m_rep.all(QStringLiteral("sales_fact")).isEmpty());
    for (const QJsonObject &r : m_rep.all(QStringLiteral("sales_total")))
        QVERIFY(!r.contains(QStringLiteral("institution_id")));
    compareTotals(m_rep);

    // A manager pulls the facts of the district and no totals (unchanged for every other role).
    Replica manager;
    QVERIFY(manager.pull(m_server, m_server.login(QStringLiteral("manager.sh"))));
    QCOMPARE(manager.role, QStringLiteral("manager"));
    QVERIFY(!manager.all(QStringLiteral("sales_fact")).isEmpty());
    QVERIFY(manager.all(QStringLiteral("sales_total")).isEmpty());

    // The progress estimate counts only what the rep is sent.
    const HttpReply first = m_server.post(QStringLiteral("/api/v1/sync/pull"),
        QJsonObject {{QStringLiteral("cursors"), QJsonObject {}}, {QStringLiteral("limit"), 10}}, m_repToken);
    QCOMPARE(first.status, 200);
    Replica all;
    QVERIFY(all.pull(m_server, m_repToken));
    QCOMPARE(first.json.value(QLatin1String("remaining")).toInteger() + 10, qint64(all.records.size()));
}

void TestServerSales::totalsFollowInsertUpdateDelete()
{
    if (m_rep.cursors.isEmpty())
        QVERIFY(m_rep.pull(m_server, m_repToken));
    const QString sh01 = m_org.territory.value(QStringLiteral("SH-01"));
    QJsonObject fact;
    for (const QJsonObject &f : adminFacts()) {
        if (str(f, "territory_id") == sh01 && str(f, "source") == QLatin1String("internal")) {
            fact = f;
            break;
        }
    }
    QVERIFY(!fact.isEmpty());
    // Names read from the store itself (either backend).
    const QString institution = str(m_server.storedRecord(str(fact, "institution_id")), "name");
    const QString product = str(m_server.storedRecord(str(fact, "product_id")), "name");
    QVERIFY(!institution.isEmpty() && !product.isEmpty());

    // Insert: one fact into an existing month, one into a month without sales (a new total).
    const QByteArray csv = "month,territory,institution,product,units,value,source\n"
        + str(fact, "month").toUtf8() + ",SH-01," + institution.toUtf8() + ',' + product.toUtf8()
        + ",3,300.00,internal\n" + "2019-01,SH-01," + institution.toUtf8() + ',' + product.toUtf8()
        + ",1,100.00,internal\n";
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("sales.csv")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(csv);
    file.close();
    QByteArray err;
    m_server.stop();
    // (runCommand passes a ServerProcess's --data as --database on PostgreSQL.)
    const int imported = ServerProcess::runCommand(
        {QStringLiteral("import"), QStringLiteral("sales"), QStringLiteral("--data"), m_server.dataDir(),
            file.fileName(), QStringLiteral("--encoding"), QStringLiteral("utf-8")},
        {}, nullptr, &err);
    QVERIFY2(imported == 0, err.constData());
    QVERIFY(m_server.start());
    QVERIFY(m_rep.pull(m_server, m_repToken));
    // Exactly the two totals changed; no fact came along.
    QCOMPARE(m_rep.lastChanges.size(), 2);
    for (const QJsonObject &c : m_rep.lastChanges)
        QCOMPARE(str(c, "entity"), QStringLiteral("sales_total"));
    compareTotals(m_rep);
    QJsonObject newMonth;
    for (const QJsonObject &t : m_rep.all(QStringLiteral("sales_total"))) {
        if (str(t, "month") == QLatin1String("2019-01"))
            newMonth = t;
    }
    QCOMPARE(newMonth.value(QLatin1String("value_minor")).toInteger(), 10000);
    QCOMPARE(newMonth.value(QLatin1String("facts")).toInteger(), 1);

    // Update: the fact's value changes.
    QVERIFY(writeFacts([&](server::StoreWriter &w, server::Feed &feed) {
        const auto before = w.record(QStringLiteral("sales_fact"), str(fact, "id"));
        server::StoredRecord after = *before;
        after.record.fields.insert(QStringLiteral("value_minor"), 1);
        feed.commit(before, after);
    }));
    QVERIFY(m_rep.pull(m_server, m_repToken));
    QCOMPARE(m_rep.lastChanges.size(), 1);
    compareTotals(m_rep);

    // Delete: one fact of a total goes (the total changes), then the only fact of another (its total
    // is deleted, a tombstone in the rep's feed).
    QString onlyFact;
    for (const QJsonObject &f : adminFacts()) {
        if (str(f, "month") == QLatin1String("2019-01"))
            onlyFact = str(f, "id");
    }
    QVERIFY(!onlyFact.isEmpty());
    QVERIFY(writeFacts([&](server::StoreWriter &w, server::Feed &feed) {
        for (const QString &id : {str(fact, "id"), onlyFact}) {
            const auto before = w.record(QStringLiteral("sales_fact"), id);
            server::StoredRecord gone = *before;
            gone.deleted = true;
            feed.commit(before, gone);
        }
    }));
    QVERIFY(m_rep.pull(m_server, m_repToken));
    QCOMPARE(m_rep.lastChanges.size(), 2);
    int deletes = 0;
    for (const QJsonObject &c : m_rep.lastChanges) {
        QCOMPARE(str(c, "entity"), QStringLiteral("sales_total"));
        if (str(c, "op") == QLatin1String("delete")) {
            ++deletes;
            QCOMPARE(str(c, "id"), str(newMonth, "id"));
        }
    }
    QCOMPARE(deletes, 1);
    compareTotals(m_rep);
    QVERIFY(m_rep.all(QStringLiteral("sales_fact")).isEmpty());

    // A rep starting over (a new laptop, a re-sync) gets the same totals as a snapshot, still no facts.
    Replica fresh;
    QVERIFY(fresh.pull(m_server, m_repToken));
    QCOMPARE(fresh.totals(), m_rep.totals());
    QVERIFY(fresh.all(QStringLiteral("sales_fact")).isEmpty());
}

QTEST_GUILESS_MAIN(TestServerSales)
#include "tst_serversales.moc"
