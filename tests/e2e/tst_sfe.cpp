#include "syncclient.h"

#include <QDate>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// The SFE workspace end to end (docs/sfe.md): a real rounds-server, real client stores for SFE, two
// reps and a manager, the real sync engine. HCPs move between territories, a territory changes hands,
// duplicate HCPs are merged, and an import with bad rows applies nothing.
class TestSfe : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void importWithBadRowsAppliesNothing();
    void mergeRepointsEveryClient();
    void moveHundredHcpsEffectiveToday();
    void territoryHandedToANewRepKeepsItsHistory();

private:
    SyncClient &client(const QString &name);
    bool syncAll();
    int count(const QString &name, const QString &sql) const;

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QHash<QString, std::shared_ptr<SyncClient>> m_clients;
    QHash<QString, QString> m_territory; // code → id
};

void TestSfe::initTestCase()
{
    QVERIFY(m_server.createDemo(520, 400, 3));
    QVERIFY(m_server.start());
    for (const char *name : {"sfe", "rep.sh01", "rep.sh02", "manager.sh"}) {
        auto c = std::make_shared<SyncClient>();
        QVERIFY2(
            c->signIn(m_server, m_server.url().toString(), m_dir.path(), QString::fromLatin1(name)), name);
        m_clients.insert(QString::fromLatin1(name), c);
    }
    QVERIFY(syncAll());
    auto q = client("sfe").store->database()->query(QStringLiteral("SELECT code, id FROM territory"));
    while (q->step())
        m_territory.insert(q->text(0), q->text(1));
    QVERIFY(m_territory.contains("SH-01"));
}

SyncClient &TestSfe::client(const QString &name)
{
    return *m_clients.value(name);
}

bool TestSfe::syncAll()
{
    for (const std::shared_ptr<SyncClient> &c : std::as_const(m_clients)) {
        const SyncSummary s = c->sync();
        if (!s.ok) {
            qWarning() << c->user << "sync failed:" << s.error.message;
            return false;
        }
    }
    return true;
}

int TestSfe::count(const QString &name, const QString &sql) const
{
    auto q = m_clients.value(name)->store->database()->query(sql);
    return q->step() ? int(q->integer(0)) : -1;
}

void TestSfe::importWithBadRowsAppliesNothing()
{
    const QString csv = m_dir.filePath("bad.csv");
    QFile f(csv);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("full_name,institution,tier,territory,email\n"
            "导入一,瑞金医院,A,SH-01,\n"
            "导入二,瑞金医院,Z,SH-01,\n"
            "导入三,瑞金医院,B,XX-01,\n"
            "导入一,瑞金医院,A,SH-01,\n"
            "导入五,瑞金医院,C,SH-02,not-an-email\n"
            "导入六,瑞金医院,D,SH-02,\n");
    f.close();
    const int before = count("sfe", "SELECT count(*) FROM hcp");
    QByteArray err;
    QCOMPARE(
        ServerProcess::runCommand(
            QStringList {"import", "hcps"} + m_server.storeArgs() + QStringList {csv}, {}, nullptr, &err),
        1);
    const QString text = QString::fromUtf8(err);
    for (const char *line : {"line 3: column 'tier'", "line 4: column 'territory'", "line 5: duplicate HCP",
             "line 6: column 'email'"})
        QVERIFY2(text.contains(QString::fromUtf8(line)), qPrintable(text));
    QVERIFY(!text.contains("line 2:"));
    QVERIFY(!text.contains("line 7:"));
    QVERIFY(text.contains("nothing was imported"));
    QVERIFY(syncAll());
    QCOMPARE(count("sfe", "SELECT count(*) FROM hcp"), before);
    QCOMPARE(count("sfe", "SELECT count(*) FROM hcp WHERE full_name LIKE '导入%'"), 0);
}

void TestSfe::mergeRepointsEveryClient()
{
    // The demo's near-duplicates: same hospital and phone, the name once with a space.
    SyncClient &sfe = client("sfe");
    auto q = sfe.store->database()->query(QStringLiteral(
        "SELECT a.id, b.id FROM hcp a JOIN hcp b ON a.phone = b.phone AND a.institution_id = "
        "b.institution_id "
        "AND a.id <> b.id AND replace(a.full_name, ' ', '') = b.full_name AND a.full_name <> b.full_name "
        "JOIN alignment al ON al.hcp_id = b.id JOIN territory t ON t.id = al.territory_id AND t.code = "
        "'SH-01' "
        "ORDER BY a.id LIMIT 1"));
    QVERIFY2(q->step(), "the demo has no duplicate pair in SH-01");
    const QString loser = q->text(0);
    const QString winner = q->text(1);
    // Give the loser history on every client: a visit and a tag from rep.sh01.
    SyncClient &rep = client("rep.sh01");
    const WriteResult visit = rep.store->create("visit",
        {{"territory_id", m_territory.value("SH-01")}, {"hcp_id", loser}, {"rep_id", rep.userId},
            {"visited_at", "2026-11-19T09:30:00Z"}, {"status", "submitted"}, {"support_level", 4}});
    QVERIFY2(visit.ok, qPrintable(visit.error));
    QVERIFY(rep.store->create("hcp_tag", {{"hcp_id", loser}, {"category", "basic"}, {"tag", "重复档案"}}).ok);
    QVERIFY(rep.sync().ok);
    QVERIFY(syncAll());
    const QString of = QStringLiteral("SELECT count(*) FROM %1 WHERE hcp_id = '%2'");
    QHash<QString, int> visitsBefore;
    for (const QString name : {"sfe", "rep.sh01", "manager.sh"}) {
        QVERIFY(count(name, of.arg("visit", loser)) >= 1);
        visitsBefore.insert(name, count(name, of.arg("visit", loser)) + count(name, of.arg("visit", winner)));
    }

    const WriteResult merge
        = sfe.store->update("hcp", loser, {{"status", "merged"}, {"merged_into", winner}});
    QVERIFY2(merge.ok, qPrintable(merge.error));
    QVERIFY(sfe.sync().ok);
    QVERIFY(syncAll());
    QVERIFY(sfe.rejectedIds.isEmpty());
    for (const QString name : {"sfe", "rep.sh01", "manager.sh"}) {
        QCOMPARE(count(name, of.arg("visit", loser)), 0);
        QCOMPARE(count(name, of.arg("visit", winner)), visitsBefore.value(name));
        QCOMPARE(count(name, of.arg("hcp_tag", loser)), 0);
        QCOMPARE(count(name, of.arg("visit_plan", loser)), 0);
        QCOMPARE(
            count(name, of.arg("alignment", loser) + " AND (valid_to IS NULL OR valid_to >= date('now'))"),
            0);
        QCOMPARE(count(name,
                     QStringLiteral("SELECT count(*) FROM hcp WHERE id = '%1' AND status = 'merged' AND "
                                    "merged_into = '%2'")
                         .arg(loser, winner)),
            1);
        QVERIFY(client(name).undecided().isEmpty());
    }
}

void TestSfe::moveHundredHcpsEffectiveToday()
{
    SyncClient &sfe = client("sfe");
    SyncClient &rep1 = client("rep.sh01");
    const QString sh01 = m_territory.value("SH-01");
    const QString sh02 = m_territory.value("SH-02");
    // 100 HCPs aligned to SH-01 only, with their current alignments.
    auto q = sfe.store->database()->query(QStringLiteral(
        "SELECT a.hcp_id, a.id, a.target_calls_per_cycle FROM alignment a JOIN hcp h ON h.id = a.hcp_id "
        "WHERE a.territory_id = ?1 AND a.valid_to IS NULL AND h.status = 'active' AND NOT EXISTS (SELECT 1 "
        "FROM alignment o WHERE o.hcp_id = a.hcp_id AND o.id <> a.id) ORDER BY a.hcp_id LIMIT 100"));
    q->bind(1, sh01);
    QStringList hcps;
    QList<QPair<QString, qint64>> alignments;
    while (q->step()) {
        hcps << q->text(0);
        alignments << qMakePair(q->text(1), q->integer(2));
    }
    QCOMPARE(hcps.size(), 100);

    // rep.sh01, offline, logs a visit to one of them before the move reaches it.
    const WriteResult offline = rep1.store->create("visit",
        {{"territory_id", sh01}, {"hcp_id", hcps.first()}, {"rep_id", rep1.userId},
            {"visited_at", QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
            {"status", "submitted"}, {"support_level", 3}, {"notes", "调整前的拜访"}});
    QVERIFY(offline.ok);

    // SFE moves them, effective today: the old alignments end yesterday, new ones start today.
    const QDate today = QDateTime::currentDateTimeUtc().date();
    for (qsizetype i = 0; i < hcps.size(); ++i) {
        QVERIFY(sfe.store
                    ->update("alignment", alignments.at(i).first,
                        {{"valid_to", today.addDays(-1).toString(Qt::ISODate)}})
                    .ok);
        QVERIFY(sfe.store
                    ->create("alignment",
                        {{"territory_id", sh02}, {"hcp_id", hcps.at(i)},
                            {"valid_from", today.toString(Qt::ISODate)},
                            {"target_calls_per_cycle", alignments.at(i).second}})
                    .ok);
    }
    QVERIFY(sfe.sync().ok);
    QVERIFY(sfe.rejectedIds.isEmpty());

    QVERIFY(rep1.sync().ok);
    QVERIFY(rep1.rejectedIds.isEmpty()); // the offline visit was accepted
    QVERIFY(syncAll());
    QCOMPARE(rep1.store->pendingCount(), 0);
    const QString in = QStringLiteral("'") + hcps.join("','") + QStringLiteral("'");
    QCOMPARE(count("rep.sh01", "SELECT count(*) FROM hcp WHERE id IN (" + in + ")"), 0);
    QCOMPARE(count("rep.sh02", "SELECT count(*) FROM hcp WHERE id IN (" + in + ")"), 100);
    QCOMPARE(
        count("rep.sh02",
            "SELECT count(*) FROM alignment WHERE territory_id = '" + sh02 + "' AND hcp_id IN (" + in + ")"),
        100);
    QCOMPARE(count("manager.sh", "SELECT count(*) FROM hcp WHERE id IN (" + in + ")"), 100);
    // Their history moves with them (docs/sync-protocol.md, "A visit follows its HCP"): rep.sh02 has every
    // visit to them with its details, rep.sh01's included; rep.sh01 keeps the visits logged in SH-01 (its
    // own territory) and nothing else of them.
    const QString visitsOf = "SELECT count(*) FROM visit WHERE hcp_id IN (" + in + ")";
    const QString detailsOf = "SELECT count(*) FROM visit_detail d JOIN visit v ON v.id = d.visit_id WHERE "
                              "v.hcp_id IN ("
        + in + ")";
    const int visitsOfMoved = count("sfe", visitsOf);
    QVERIFY(visitsOfMoved > 1);
    QVERIFY(count("sfe", detailsOf) > 0);
    QCOMPARE(count("rep.sh02", visitsOf), visitsOfMoved);
    QCOMPARE(count("rep.sh02", detailsOf), count("sfe", detailsOf));
    QVERIFY(count("rep.sh02", visitsOf + " AND rep_id = '" + rep1.userId + "'") > 0);
    QCOMPARE(
        count("rep.sh02", QStringLiteral("SELECT count(*) FROM visit WHERE id = '%1'").arg(offline.id)), 1);
    QCOMPARE(count("rep.sh01", visitsOf + " AND territory_id = '" + sh01 + "'"),
        count("sfe", visitsOf + " AND territory_id = '" + sh01 + "'"));
    QCOMPARE(count("rep.sh01", visitsOf + " AND territory_id <> '" + sh01 + "'"), 0);
    // The offline visit is on the server, in SH-01, for the moved HCP; the manager sees it.
    QCOMPARE(count("manager.sh",
                 QStringLiteral(
                     "SELECT count(*) FROM visit WHERE id = '%1' AND territory_id = '%2' AND hcp_id = '%3'")
                     .arg(offline.id, sh01, hcps.first())),
        1);
}

void TestSfe::territoryHandedToANewRepKeepsItsHistory()
{
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand(QStringList {"user", "add"} + m_server.storeArgs()
                     + QStringList {"--username", "rep.sh02b", "--role", "rep", "--territory", "HZ-02",
                         "--display-name", "孙丽"},
                 QByteArray(ServerProcess::DemoPassword) + "\n", nullptr, &err),
        0);
    SyncClient &sfe = client("sfe");
    QVERIFY(syncAll());
    const QString sh02 = m_territory.value("SH-02");
    const QString history = QStringLiteral("SELECT count(*) FROM visit WHERE territory_id = '%1'").arg(sh02);
    const int visits = count("rep.sh02", history);
    QVERIFY(visits > 0);
    const int plans
        = count("rep.sh02", "SELECT count(*) FROM visit_plan WHERE territory_id = '" + sh02 + "'");
    const int meetings
        = count("rep.sh02", "SELECT count(*) FROM meeting WHERE territory_id = '" + sh02 + "'");
    QString newRep;
    auto q = sfe.store->database()->query(QStringLiteral("SELECT id FROM user WHERE username = 'rep.sh02b'"));
    QVERIFY(q->step());
    newRep = q->text(0);
    QVERIFY(sfe.store->update("territory", sh02, {{"owner_id", newRep}}).ok);
    QVERIFY(sfe.sync().ok);
    QVERIFY(sfe.rejectedIds.isEmpty());

    auto next = std::make_shared<SyncClient>();
    QVERIFY(next->signIn(m_server, m_server.url().toString(), m_dir.path(), "rep.sh02b"));
    QVERIFY(next->territories.contains(sh02)); // besides HZ-02, the rep's home territory
    m_clients.insert("rep.sh02b", next);
    QVERIFY(syncAll());
    QCOMPARE(count("rep.sh02b", history), visits);
    QCOMPARE(
        count("rep.sh02b", "SELECT count(*) FROM visit_plan WHERE territory_id = '" + sh02 + "'"), plans);
    QCOMPARE(
        count("rep.sh02b", "SELECT count(*) FROM meeting WHERE territory_id = '" + sh02 + "'"), meetings);
    // The departed rep's laptop loses the territory on its next sync.
    QCOMPARE(count("rep.sh02", history), 0);
}

QTEST_GUILESS_MAIN(TestSfe)
#include "tst_sfe.moc"
