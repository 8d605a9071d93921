#include "server/demoorg.h"
#include "server/hcpmerge.h"
#include "server/serverprocess.h"
#include "server/serverusers.h"

#include <QUuid>
#include <QtTest>
#include <tuple>

using namespace rounds::test;

// The SFE rules of rounds-server (docs/sfe.md) against a real server: merging duplicate HCPs, the
// territory tree, rep turnover and alignments that take effect by date.
class TestServerSfe : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void mergeRepointsEveryDependentRecord();
    void badMergesAreRejected_data();
    void badMergesAreRejected();
    void foldAttendance_data();
    void foldAttendance();
    void mergeKeepsTheHcpInItsTerritories();
    void aMergeChainFollowsTheFinalSurvivor();
    void visitsFollowTheirHcpsAlignments();
    void aVisitToAMergedHcpGoesToTheSurvivor();
    void anApprovedChangeRequestMergesByTheSameRules();
    void territoryTreeRules_data();
    void territoryTreeRules();
    void retiringNeedsAnEmptyTerritory();
    void concurrentTerritoryEditsConflict();
    void futureAlignmentTakesEffectOnItsDateOnce();
    void turnoverMovesTheTerritoryWithItsHistory();
    void pendingAlignmentChangesUntilEffective();

private:
    QJsonObject pushOne(const QString &username, const QJsonObject &m)
    {
        return m_users.pushOne(username, m);
    }
    QString tokenOf(const QString &username) { return m_users.tokenOf(username); }
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    // Pulls for `username` from its last cursors; the records (newest per id) and deleted ids seen.
    void pullFor(const QString &username) { QVERIFY(m_users.pullFor(username)); }
    QJsonObject seen(const QString &username, const QString &id) const
    {
        return m_users.seen.value(username).value(id);
    }
    // Two HCPs aligned only to SH-01 nobody used yet.
    QPair<QString, QString> freshPair();
    QJsonObject hcpAsMerged(const QString &loser, const QString &winner);

    ServerProcess m_server;
    DemoOrg m_org;
    ServerUsers m_users {m_server};
    QStringList m_unused; // HCPs only in SH-01, not yet used by a test
};

void TestServerSfe::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 40));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_unused = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(m_unused.size() >= 8);
}

QPair<QString, QString> TestServerSfe::freshPair()
{
    if (m_unused.size() < 2)
        return {};
    return {m_unused.takeFirst(), m_unused.takeFirst()};
}

QJsonObject TestServerSfe::hcpAsMerged(const QString &loser, const QString &winner)
{
    pullFor(QStringLiteral("sfe"));
    const QJsonObject current = seen(QStringLiteral("sfe"), loser);
    return mutation(QStringLiteral("hcp"), loser, {{"status", "merged"}, {"merged_into", winner}},
        current.value("version").toInteger(), current);
}

void TestServerSfe::mergeRepointsEveryDependentRecord()
{
    const auto [loser, winner] = freshPair();
    QVERIFY(!loser.isEmpty());
    const QString sh01 = m_org.territory.value("SH-01");
    const QString sh02 = m_org.territory.value("SH-02");
    const QString rep = m_org.user.value("rep.sh01");

    // The loser's history: a submitted visit, a plan, two tags (one the winner has too), an attendance
    // of a meeting the winner also attends and of one it does not, a change request, an alignment to
    // SH-02 (which the winner lacks) besides its SH-01 one (which the winner has).
    const QString visit = newId(), plan = newId(), tag = newId(), sameTag = newId(), winnerTag = newId();
    const QString meetingBoth = newId(), meetingOne = newId();
    const QString attendBoth = newId(), attendWinner = newId(), attendOne = newId(), request = newId();
    const QString alignSh02 = newId();
    const QList<QPair<QString, QJsonObject>> setup {
        {"rep.sh01",
            mutation("visit", visit,
                {{"territory_id", sh01}, {"hcp_id", loser}, {"rep_id", rep},
                    {"visited_at", "2026-11-20T10:00:00+08:00"}, {"status", "submitted"},
                    {"notes", "首次拜访"}, {"support_level", 3}})},
        {"rep.sh01",
            mutation("visit_plan", plan,
                {{"territory_id", sh01}, {"hcp_id", loser}, {"planned_at", "2026-12-01T09:00:00+08:00"}})},
        {"rep.sh01",
            mutation("hcp_tag", tag, {{"hcp_id", loser}, {"category", "marketing"}, {"tag", "讲者"}})},
        {"rep.sh01",
            mutation("hcp_tag", sameTag, {{"hcp_id", loser}, {"category", "basic"}, {"tag", "KOL"}})},
        {"rep.sh01",
            mutation("hcp_tag", winnerTag, {{"hcp_id", winner}, {"category", "basic"}, {"tag", "KOL"}})},
    };
    for (const auto &[user, m] : setup)
        QCOMPARE(pushOne(user, m).value("status").toString(), QStringLiteral("applied"));
    for (const QString &meeting : {meetingBoth, meetingOne}) {
        QCOMPARE(pushOne("rep.sh01",
                     mutation("meeting", meeting,
                         {{"territory_id", sh01}, {"title", "学术会议"},
                             {"starts_at", "2026-12-05T14:00:00+08:00"}, {"owner_id", rep}}))
                     .value("status")
                     .toString(),
            QStringLiteral("applied"));
    }
    // The loser spoke at the meeting both attend (a fee, signed in); the winner attended it.
    const QJsonObject speaker {{"role", "speaker"}, {"fee_minor", 300000}, {"signed_in", true}};
    const QJsonObject attendee {{"role", "attendee"}, {"fee_minor", 5000}, {"signed_in", false}};
    for (const auto &[id, meeting, hcp, extra] : {std::tuple {attendBoth, meetingBoth, loser, speaker},
             std::tuple {attendWinner, meetingBoth, winner, attendee},
             std::tuple {attendOne, meetingOne, loser, QJsonObject()}}) {
        QJsonObject set {{"meeting_id", meeting}, {"hcp_id", hcp}};
        for (auto it = extra.begin(); it != extra.end(); ++it)
            set.insert(it.key(), it.value());
        QCOMPARE(pushOne("rep.sh01", mutation("meeting_attendee", id, set)).value("status").toString(),
            QStringLiteral("applied"));
    }
    QCOMPARE(pushOne("rep.sh01",
                 mutation("change_request", request,
                     {{"territory_id", sh01}, {"entity", "hcp"}, {"record_id", loser},
                         {"fields", QJsonObject {{"title", "主任医师"}}}, {"reason", "升职"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", alignSh02,
                     {{"territory_id", sh02}, {"hcp_id", loser}, {"valid_from", "2020-01-01"},
                         {"target_calls_per_cycle", 4}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));

    for (const char *user : {"sfe", "rep.sh01", "rep.sh02", "manager.sh"})
        pullFor(QString::fromLatin1(user));
    QVERIFY(!seen("rep.sh02", loser).isEmpty());
    QVERIFY(seen("rep.sh02", winner).isEmpty());
    QString loserSh01Alignment;
    for (const QJsonObject &a : m_users.seen.value("sfe")) {
        if (a.value("hcp_id").toString() == loser && a.value("territory_id").toString() == sh01
            && a.contains("valid_from"))
            loserSh01Alignment = a.value("id").toString();
    }
    QVERIFY(!loserSh01Alignment.isEmpty());
    const qint64 visitVersion = seen("sfe", visit).value("version").toInteger();

    // The meeting both attend is closed by now (its fees paid); the merge folds anyway. Set in the store:
    // the workflow to close a meeting is tested in test_servermeetings.
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.patchStoredRecord(meetingBoth, {{"status", "closed"}}));
    QCOMPARE(m_server.storedRecord(meetingBoth).value("status").toString(), QStringLiteral("closed"));
    QVERIFY(m_server.start());
    const QJsonObject merged = pushOne("sfe", hcpAsMerged(loser, winner));
    QCOMPARE(merged.value("status").toString(), QStringLiteral("applied"));

    // Every client that had the records gets them pointing to the winner, by pull.
    for (const char *u : {"sfe", "rep.sh01", "manager.sh"}) {
        const QString user = QString::fromLatin1(u);
        pullFor(user);
        QCOMPARE(seen(user, loser).value("status").toString(), QStringLiteral("merged"));
        QCOMPARE(seen(user, loser).value("merged_into").toString(), winner);
        QCOMPARE(seen(user, visit).value("hcp_id").toString(), winner);
        QCOMPARE(seen(user, visit).value("status").toString(), QStringLiteral("submitted"));
        QCOMPARE(seen(user, plan).value("hcp_id").toString(), winner);
        QCOMPARE(seen(user, tag).value("hcp_id").toString(), winner);
        QVERIFY(m_users.gone.value(user).contains(sameTag));
        QCOMPARE(seen(user, winnerTag).value("hcp_id").toString(), winner);
        QVERIFY(m_users.gone.value(user).contains(attendBoth));
        QCOMPARE(seen(user, attendWinner).value("hcp_id").toString(), winner);
        // The loser's attendance is folded into the winner's: the speaker fee and sign-in are kept.
        QCOMPARE(seen(user, attendWinner).value("fee_minor").toInteger(), 305000);
        QCOMPARE(seen(user, attendWinner).value("signed_in").toBool(), true);
        QCOMPARE(seen(user, attendWinner).value("role").toString(), QStringLiteral("speaker"));
        QCOMPARE(seen(user, attendWinner).value("version").toInteger(), 2);
        QCOMPARE(seen(user, attendOne).value("hcp_id").toString(), winner);
        QCOMPARE(seen(user, request).value("record_id").toString(), winner);
    }
    QCOMPARE(seen("sfe", visit).value("version").toInteger(), visitVersion + 1);
    // Alignments: the SH-02 one moved to the winner, the SH-01 duplicate ended yesterday.
    QCOMPARE(seen("sfe", alignSh02).value("hcp_id").toString(), winner);
    const QString yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate);
    const QJsonObject ended = seen("sfe", loserSh01Alignment);
    QCOMPARE(ended.value("hcp_id").toString(), loser);
    QCOMPARE(ended.value("valid_to").toString(), yesterday);
    // rep.sh02 now sees the winner (aligned to SH-02) and the merged loser with it.
    pullFor("rep.sh02");
    QCOMPARE(seen("rep.sh02", winner).value("status").toString(), QStringLiteral("active"));
    QCOMPARE(seen("rep.sh02", loser).value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(seen("rep.sh02", alignSh02).value("hcp_id").toString(), winner);

    // The audit log names the merge on the moved records.
    const qint64 audited = m_server.scalar(
        QStringLiteral("SELECT count(*) FROM audit WHERE record_id = ?1 AND note LIKE '%merged into%'"),
        {visit});
    QCOMPARE(audited, 1);
}

void TestServerSfe::badMergesAreRejected_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("into"); // "self", "unknown", "winner", "merged", "" (null)
    QTest::addColumn<QString>("expected"); // error message fragment
    QTest::newRow("into itself") << "sfe"
                                 << "merged"
                                 << "self"
                                 << "into itself";
    QTest::newRow("into an unknown HCP") << "sfe"
                                         << "merged"
                                         << "unknown"
                                         << "names no hcp you can see";
    QTest::newRow("into a merged HCP") << "sfe"
                                       << "merged"
                                       << "merged"
                                       << "was itself merged";
    QTest::newRow("merged without a survivor") << "sfe"
                                               << "merged"
                                               << ""
                                               << "needs merged_into";
    QTest::newRow("survivor without merged status") << "sfe"
                                                    << "active"
                                                    << "winner"
                                                    << "only together";
    QTest::newRow("a rep cannot merge") << "rep.sh01"
                                        << "merged"
                                        << "winner"
                                        << "may not write hcp";
}

void TestServerSfe::badMergesAreRejected()
{
    QFETCH(QString, user);
    QFETCH(QString, status);
    QFETCH(QString, into);
    QFETCH(QString, expected);
    static QString alreadyMerged;
    if (alreadyMerged.isEmpty()) {
        const auto [a, b] = freshPair();
        QCOMPARE(pushOne("sfe", hcpAsMerged(a, b)).value("status").toString(), QStringLiteral("applied"));
        alreadyMerged = a;
        m_unused << b;
    }
    const QString loser = m_unused.first();
    const QString winner = m_unused.at(1);
    const QString target = into == "self" ? loser
        : into == "unknown"               ? newId()
        : into == "merged"                ? alreadyMerged
        : into == "winner"                ? winner
                                          : QString();
    QJsonObject m = hcpAsMerged(loser, winner);
    QJsonObject set {
        {"status", status}, {"merged_into", target.isEmpty() ? QJsonValue() : QJsonValue(target)}};
    m.insert("set", set);
    const QJsonObject r = pushOne(user, m);
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY2(r.value("error").toObject().value("message").toString().contains(expected),
        qPrintable(QJsonDocument(r).toJson()));
    pullFor("sfe");
    QCOMPARE(seen("sfe", loser).value("status").toString(), QStringLiteral("active"));

    // A merge is final: neither undone nor redirected.
    for (const QJsonObject &change : {QJsonObject {{"status", "active"}, {"merged_into", QJsonValue()}},
             QJsonObject {{"merged_into", winner}}}) {
        const QJsonObject current = seen("sfe", alreadyMerged);
        const QJsonObject again = pushOne(
            "sfe", mutation("hcp", alreadyMerged, change, current.value("version").toInteger(), current));
        QCOMPARE(again.value("status").toString(), QStringLiteral("rejected"));
        QVERIFY(again.value("error").toObject().value("message").toString().contains("not undone"));
    }
}

void TestServerSfe::foldAttendance_data()
{
    QTest::addColumn<QJsonObject>("winner");
    QTest::addColumn<QJsonObject>("loser");
    QTest::addColumn<QJsonObject>("expected");
    const auto row = [](const char *role, qint64 fee, bool in) {
        return QJsonObject {{"role", role}, {"fee_minor", fee}, {"signed_in", in}};
    };
    QTest::newRow("loser spoke") << row("attendee", 0, false) << row("speaker", 300000, true)
                                 << row("speaker", 300000, true);
    QTest::newRow("winner chaired") << row("chair", 100000, false) << row("speaker", 50000, false)
                                    << row("chair", 150000, false);
    QTest::newRow("both attended") << row("attendee", 0, true) << row("attendee", 0, false)
                                   << row("attendee", 0, true);
    QTest::newRow("loser chaired") << row("speaker", 20000, false) << row("chair", 30000, true)
                                   << row("chair", 50000, true);
    QTest::newRow("loser row without fee")
        << row("speaker", 7000, false) << QJsonObject {{"role", "attendee"}} << row("speaker", 7000, false);
}

void TestServerSfe::foldAttendance()
{
    QFETCH(QJsonObject, winner);
    QFETCH(QJsonObject, loser);
    QFETCH(QJsonObject, expected);
    QCOMPARE(rounds::server::hcpmerge::foldAttendance(winner, loser), expected);
}

void TestServerSfe::mergeKeepsTheHcpInItsTerritories()
{
    // Both HCPs are aligned to SH-01 from the demo, open-ended. The winner's SH-01 alignment ends in three
    // days, and it joins HZ-01 in ten; the loser is in HZ-01 already, open-ended.
    const auto [loser, winner] = freshPair();
    QVERIFY(!loser.isEmpty());
    const QString sh01 = m_org.territory.value("SH-01");
    const QString hz01 = m_org.territory.value("HZ-01");
    const QDate today = QDateTime::currentDateTimeUtc().date();
    const QString iso = QStringLiteral("yyyy-MM-dd");
    pullFor("sfe");
    QString loserSh01, winnerSh01;
    for (const QJsonObject &a : m_users.seen.value("sfe")) {
        if (!a.contains("valid_from") || a.value("territory_id").toString() != sh01)
            continue;
        if (a.value("hcp_id").toString() == loser)
            loserSh01 = a.value("id").toString();
        if (a.value("hcp_id").toString() == winner)
            winnerSh01 = a.value("id").toString();
    }
    QVERIFY(!loserSh01.isEmpty() && !winnerSh01.isEmpty());
    const QJsonObject w = seen("sfe", winnerSh01);
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", winnerSh01, {{"valid_to", today.addDays(3).toString(iso)}},
                     w.value("version").toInteger(), w))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QString loserHz01 = newId(), winnerHz01 = newId();
    for (const auto &[id, hcp, from] : {std::tuple {loserHz01, loser, QStringLiteral("2020-01-01")},
             std::tuple {winnerHz01, winner, today.addDays(10).toString(iso)}}) {
        QCOMPARE(pushOne("sfe",
                     mutation("alignment", id,
                         {{"territory_id", hz01}, {"hcp_id", hcp}, {"valid_from", from},
                             {"target_calls_per_cycle", 3}}))
                     .value("status")
                     .toString(),
            QStringLiteral("applied"));
    }
    pullFor("rep.hz01");
    QVERIFY(seen("rep.hz01", winner).isEmpty());

    QCOMPARE(
        pushOne("sfe", hcpAsMerged(loser, winner)).value("status").toString(), QStringLiteral("applied"));
    pullFor("sfe");
    // SH-01: the winner's alignment ends soon, so the loser's open-ended one moves to it unchanged.
    QCOMPARE(seen("sfe", loserSh01).value("hcp_id").toString(), winner);
    QVERIFY(seen("sfe", loserSh01).value("valid_to").isNull());
    // HZ-01: the winner's starts in ten days; the loser's moves and ends the day before.
    QCOMPARE(seen("sfe", loserHz01).value("hcp_id").toString(), winner);
    QCOMPARE(seen("sfe", loserHz01).value("valid_to").toString(), today.addDays(9).toString(iso));
    QCOMPARE(seen("sfe", winnerHz01).value("valid_from").toString(), today.addDays(10).toString(iso));
    // The merged HCP is in both territories today.
    pullFor("rep.hz01");
    QCOMPARE(seen("rep.hz01", winner).value("status").toString(), QStringLiteral("active"));
    pullFor("rep.sh01");
    QCOMPARE(seen("rep.sh01", winner).value("status").toString(), QStringLiteral("active"));

    // A winner alignment that covers the loser's (active today, open-ended) still makes it a duplicate:
    // the loser's ends yesterday (tested in mergeRepointsEveryDependentRecord).
}

void TestServerSfe::aMergeChainFollowsTheFinalSurvivor()
{
    // A into B, later B into C; then C joins HZ-01 today. A follows C (the final survivor), and the daily
    // check brings A and B along to HZ-01 whatever order it refreshes them in.
    QVERIFY(m_unused.size() >= 4);
    QStringList three {m_unused.takeFirst(), m_unused.takeFirst(), m_unused.takeFirst()};
    three.sort();
    const QString a = three.at(0), b = three.at(1), c = three.at(2);
    QCOMPARE(pushOne("sfe", hcpAsMerged(a, b)).value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe", hcpAsMerged(b, c)).value("status").toString(), QStringLiteral("applied"));
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", newId(),
                     {{"territory_id", m_org.territory.value("HZ-01")}, {"hcp_id", c}, {"valid_from", today},
                         {"target_calls_per_cycle", 2}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    // B's buckets are stale until the daily check; a change to A now places A where C is, not where B
    // was.
    pullFor("sfe");
    const QJsonObject before = seen("sfe", a);
    QCOMPARE(pushOne("sfe",
                 mutation("hcp", a, {{"title", "副主任医师"}}, before.value("version").toInteger(), before))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pullFor("rep.hz01");
    QCOMPARE(seen("rep.hz01", c).value("status").toString(), QStringLiteral("active"));
    QCOMPARE(seen("rep.hz01", a).value("title").toString(), QStringLiteral("副主任医师"));

    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.execute(QStringLiteral("DELETE FROM meta WHERE key = 'alignment_dates_applied'")));
    QVERIFY(m_server.start());
    pullFor("rep.hz01");
    QCOMPARE(seen("rep.hz01", b).value("merged_into").toString(), c);
    QCOMPARE(seen("rep.hz01", a).value("merged_into").toString(), b);
    const QString hz01Bucket = "t:" + m_org.territory.value("HZ-01");
    for (const QString &id : {a, b, c})
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT count(*) FROM membership WHERE id = ?1 AND bucket = ?2"),
                {id, hz01Bucket}),
            1);

    // C is merged into D, which is also in HZ-02: A and B join HZ-02 with C at once, not at the next daily
    // check.
    QVERIFY(m_unused.size() >= 2);
    const QString d = m_unused.takeFirst();
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", newId(),
                     {{"territory_id", m_org.territory.value("HZ-02")}, {"hcp_id", d}, {"valid_from", today},
                         {"target_calls_per_cycle", 2}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe", hcpAsMerged(c, d)).value("status").toString(), QStringLiteral("applied"));
    pullFor("rep.hz02");
    for (const QString &id : {a, b, c, d}) {
        QVERIFY2(!seen("rep.hz02", id).isEmpty(), qPrintable(id));
        QCOMPARE(
            m_server.scalar(QStringLiteral("SELECT count(*) FROM membership WHERE id = ?1 AND bucket = ?2"),
                {id, "t:" + m_org.territory.value("HZ-02")}),
            1);
    }
}

void TestServerSfe::visitsFollowTheirHcpsAlignments()
{
    // rep.sh01's visit (with a detail) to an HCP of SH-01 reaches HZ-01 while the HCP is aligned there
    // too, and leaves it when that alignment ends; SH-01, the visit's own territory, keeps it.
    QVERIFY(!m_unused.isEmpty());
    const QString hcp = m_unused.takeFirst();
    const QString visit = newId(), detail = newId(), alignment = newId();
    const QString product = m_org.all("product").value(0).value("id").toString();
    QVERIFY(!product.isEmpty());
    QCOMPARE(
        pushOne("rep.sh01",
            mutation("visit", visit,
                {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", hcp},
                    {"rep_id", m_org.user.value("rep.sh01")}, {"visited_at", "2026-11-18T10:00:00+08:00"},
                    {"support_level", 2}})) // a draft: a submitted visit takes details only in its own push
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    QCOMPARE(
        pushOne("rep.sh01",
            mutation("visit_detail", detail,
                {{"visit_id", visit}, {"product_id", product}, {"position", 1}, {"reaction", "neutral"}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    pullFor("rep.hz01");
    QVERIFY(seen("rep.hz01", visit).isEmpty());

    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", alignment,
                     {{"territory_id", m_org.territory.value("HZ-01")}, {"hcp_id", hcp},
                         {"valid_from", today}, {"target_calls_per_cycle", 2}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pullFor("rep.hz01");
    QCOMPARE(seen("rep.hz01", hcp).value("id").toString(), hcp);
    QCOMPARE(seen("rep.hz01", visit).value("hcp_id").toString(), hcp);
    QCOMPARE(seen("rep.hz01", detail).value("visit_id").toString(), visit);
    // Read-only there: rep.hz01 does not own the visit.
    const QJsonObject v = seen("rep.hz01", visit);
    QCOMPARE(
        pushOne("rep.hz01", mutation("visit", visit, {{"notes", "改写"}}, v.value("version").toInteger(), v))
            .value("status")
            .toString(),
        QStringLiteral("rejected"));

    // The alignment ends (deleted): HZ-01 loses the HCP, the visit and its detail; SH-01 keeps them.
    pullFor("sfe");
    const QJsonObject a = seen("sfe", alignment);
    QCOMPARE(pushOne("sfe", mutation("alignment", alignment, {}, a.value("version").toInteger(), a, "delete"))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pullFor("rep.hz01");
    for (const QString &id : {hcp, visit, detail}) {
        QVERIFY(seen("rep.hz01", id).isEmpty());
        QVERIFY(m_users.gone.value("rep.hz01").contains(id));
    }
    pullFor("rep.sh01");
    QCOMPARE(seen("rep.sh01", visit).value("id").toString(), visit);
    QCOMPARE(seen("rep.sh01", detail).value("id").toString(), detail);
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM membership WHERE id = ?1"), {visit}), 1);
}

void TestServerSfe::aVisitToAMergedHcpGoesToTheSurvivor()
{
    // rep.sh01 logged a visit offline to the HCP SFE merged meanwhile: accepted, for the survivor.
    const auto [loser, winner] = freshPair();
    QCOMPARE(
        pushOne("sfe", hcpAsMerged(loser, winner)).value("status").toString(), QStringLiteral("applied"));
    const QString visit = newId();
    const QJsonObject r = pushOne("rep.sh01",
        mutation("visit", visit,
            {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", loser},
                {"rep_id", m_org.user.value("rep.sh01")}, {"visited_at", "2026-11-21T10:00:00+08:00"},
                {"status", "submitted"}, {"support_level", 4}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(r.value("record").toObject().value("hcp_id").toString(), winner);
    pullFor("rep.sh01");
    QCOMPARE(seen("rep.sh01", visit).value("hcp_id").toString(), winner);
}

void TestServerSfe::anApprovedChangeRequestMergesByTheSameRules()
{
    // A rep proposes that two HCPs are one; SFE's approval merges them like a direct merge.
    const auto [loser, winner] = freshPair();
    const QString sh01 = m_org.territory.value("SH-01");
    const QString plan = newId();
    QCOMPARE(
        pushOne("rep.sh01",
            mutation("visit_plan", plan,
                {{"territory_id", sh01}, {"hcp_id", loser}, {"planned_at", "2026-12-02T09:00:00+08:00"}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    const QString bad = newId(), good = newId();
    for (const auto &[id, into] : {std::pair {bad, loser}, std::pair {good, winner}}) {
        QCOMPARE(pushOne("rep.sh01",
                     mutation("change_request", id,
                         {{"territory_id", sh01}, {"entity", "hcp"}, {"record_id", loser},
                             {"fields", QJsonObject {{"status", "merged"}, {"merged_into", into}}},
                             {"reason", "同一位医生"}}))
                     .value("status")
                     .toString(),
            QStringLiteral("applied"));
    }
    const QJsonObject refused
        = pushOne("sfe", mutation("change_request", bad, {{"status", "approved"}}, 1, {}));
    QCOMPARE(refused.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY(refused.value("error").toObject().value("message").toString().contains("into itself"));
    QCOMPARE(pushOne("sfe", mutation("change_request", good, {{"status", "approved"}}, 1, {}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pullFor("sfe");
    QCOMPARE(seen("sfe", loser).value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(seen("sfe", plan).value("hcp_id").toString(), winner);
    // The other open request about the loser now names the survivor.
    QCOMPARE(seen("sfe", bad).value("record_id").toString(), winner);
    // The approved one stays as decided, about the HCP it merged, in one new version.
    QCOMPARE(seen("sfe", good).value("record_id").toString(), loser);
    QCOMPARE(seen("sfe", good).value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(seen("sfe", good).value("version").toInteger(), 2);
}

void TestServerSfe::territoryTreeRules_data()
{
    // A new territory record: code, level, parent code ("" none, "?" an unknown id); the answer.
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("level");
    QTest::addColumn<QString>("parent");
    QTest::addColumn<QString>("expected"); // "applied" or a message fragment of the rejection
    QTest::newRow("territory under a district") << "SH-03"
                                                << "territory"
                                                << "SH"
                                                << "applied";
    QTest::newRow("district under a region") << "SZ"
                                             << "district"
                                             << "EAST"
                                             << "applied";
    QTest::newRow("region at the top") << "SOUTH"
                                       << "region"
                                       << ""
                                       << "applied";
    QTest::newRow("territory under a region") << "SH-04"
                                              << "territory"
                                              << "EAST"
                                              << "parent is a district";
    QTest::newRow("district under a territory") << "NB"
                                                << "district"
                                                << "SH-01"
                                                << "parent is a region";
    QTest::newRow("region under a region") << "WEST"
                                           << "region"
                                           << "EAST"
                                           << "a region has no parent";
    QTest::newRow("territory without parent") << "SH-05"
                                              << "territory"
                                              << ""
                                              << "needs a parent district";
    QTest::newRow("unknown parent") << "SH-06"
                                    << "territory"
                                    << "?"
                                    << "names no territory you can see";
    QTest::newRow("code taken") << "SH-01"
                                << "territory"
                                << "SH"
                                << "has the code";
    QTest::newRow("code taken, other case") << "sh-02"
                                            << "territory"
                                            << "SH"
                                            << "has the code";
}

void TestServerSfe::territoryTreeRules()
{
    QFETCH(QString, code);
    QFETCH(QString, level);
    QFETCH(QString, parent);
    QFETCH(QString, expected);
    const QString parentId = parent == "?" ? newId() : m_org.territory.value(parent);
    QJsonObject set {{"code", code}, {"name", QString(code + " 区")}, {"level", level},
        {"parent_id", parentId.isEmpty() ? QJsonValue() : QJsonValue(parentId)}};
    const QJsonObject r = pushOne("sfe", mutation("territory", newId(), set));
    if (expected == "applied") {
        QCOMPARE(r.value("status").toString(), expected);
        return;
    }
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY2(r.value("error").toObject().value("message").toString().contains(expected),
        qPrintable(QJsonDocument(r).toJson()));
}

void TestServerSfe::retiringNeedsAnEmptyTerritory()
{
    pullFor("sfe");
    // A territory with aligned HCPs, and a district with territories under it, are neither retired nor
    // deleted.
    const QString sh01 = m_org.territory.value("SH-01");
    const QJsonObject t = seen("sfe", sh01);
    QJsonObject r
        = pushOne("sfe", mutation("territory", sh01, {{"active", false}}, t.value("version").toInteger(), t));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY2(r.value("error").toObject().value("message").toString().contains("aligned"),
        qPrintable(QJsonDocument(r).toJson()));
    const QString sh = m_org.territory.value("SH");
    const QJsonObject d = seen("sfe", sh);
    r = pushOne("sfe", mutation("territory", sh, {}, d.value("version").toInteger(), d, "delete"));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY(r.value("error").toObject().value("message").toString().contains("under it"));
    // A level change under children is refused too.
    r = pushOne("sfe",
        mutation("territory", sh, {{"level", "region"}, {"parent_id", QJsonValue()}},
            d.value("version").toInteger(), d));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    // So is a level change of a leaf with HCPs aligned to it (it has no children).
    r = pushOne("sfe",
        mutation("territory", sh01,
            {{"level", "district"}, {"parent_id", seen("sfe", sh).value("parent_id")}},
            t.value("version").toInteger(), t));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QVERIFY2(r.value("error").toObject().value("message").toString().contains("before its level changes"),
        qPrintable(QJsonDocument(r).toJson()));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("level"));

    // An empty one retires, stays listed, and then takes no children.
    const QString empty = newId();
    QCOMPARE(pushOne("sfe",
                 mutation("territory", empty,
                     {{"code", "SH-09"}, {"name", "上海九区"}, {"level", "territory"}, {"parent_id", sh}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    // An empty leaf may change its level (nothing is aligned to it); back again.
    QCOMPARE(pushOne("sfe",
                 mutation("territory", empty,
                     {{"level", "district"}, {"parent_id", seen("sfe", sh).value("parent_id")}}, 1, {}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe", mutation("territory", empty, {{"level", "territory"}, {"parent_id", sh}}, 2, {}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(
        pushOne("sfe", mutation("territory", empty, {{"active", false}}, 3, {})).value("status").toString(),
        QStringLiteral("applied"));
    pullFor("rep.sh01");
    QCOMPARE(seen("rep.sh01", empty).value("active").toBool(true), false);
    const QString district = newId();
    QCOMPARE(pushOne("sfe",
                 mutation("territory", district,
                     {{"code", "XA"}, {"name", "西安"}, {"level", "district"},
                         {"parent_id", seen("sfe", sh).value("parent_id")}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe", mutation("territory", district, {{"active", false}}, 1, {}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    r = pushOne("sfe",
        mutation("territory", newId(),
            {{"code", "XA-01"}, {"name", "西安一区"}, {"level", "territory"}, {"parent_id", district}}));
    QVERIFY(r.value("error").toObject().value("message").toString().contains("retired"));
}

void TestServerSfe::concurrentTerritoryEditsConflict()
{
    // SFE and an admin rename the same territory from the same version: the second writer gets a
    // conflict with both values, not an overwrite.
    pullFor("sfe");
    const QString hz02 = m_org.territory.value("HZ-02");
    const QJsonObject base = seen("sfe", hz02);
    const qint64 v = base.value("version").toInteger();
    QCOMPARE(pushOne("sfe", mutation("territory", hz02, {{"name", "杭州西区"}}, v, base))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject second
        = pushOne("admin", mutation("territory", hz02, {{"name", "杭州滨江区"}}, v, base));
    QCOMPARE(second.value("status").toString(), QStringLiteral("conflict"));
    const QJsonArray conflicts = second.value("conflicts").toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts.first().toObject().value("theirs").toString(), QStringLiteral("杭州西区"));
    QCOMPARE(conflicts.first().toObject().value("mine").toString(), QStringLiteral("杭州滨江区"));
    pullFor("sfe");
    QCOMPARE(seen("sfe", hz02).value("name").toString(), QStringLiteral("杭州西区"));
}

void TestServerSfe::futureAlignmentTakesEffectOnItsDateOnce()
{
    const QString hcp = m_unused.takeLast();
    const QString hz01 = m_org.territory.value("HZ-01");
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const QString tomorrow = QDateTime::currentDateTimeUtc().date().addDays(1).toString(Qt::ISODate);
    const QString alignment = newId();
    QCOMPARE(pushOne("sfe",
                 mutation("alignment", alignment,
                     {{"territory_id", hz01}, {"hcp_id", hcp}, {"valid_from", tomorrow},
                         {"target_calls_per_cycle", 2}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pullFor("rep.hz01");
    QVERIFY(seen("rep.hz01", hcp).isEmpty()); // not yet
    QVERIFY(!seen("rep.hz01", alignment).isEmpty()); // but the coming alignment is shown

    // The date arrives (the stored date moves to today, and the server's daily check has not run).
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.patchStoredRecord(alignment, {{"valid_from", today}}));
    QVERIFY(m_server.execute(QStringLiteral("DELETE FROM meta WHERE key = 'alignment_dates_applied'")));
    QVERIFY(m_server.start());
    pullFor("rep.hz01");
    QCOMPARE(seen("rep.hz01", hcp).value("id").toString(), hcp);
    const qint64 entries
        = m_server.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE id = ?1"), {hcp});
    const qint64 seq
        = m_server.scalar(QStringLiteral("SELECT max(seq) FROM changes WHERE bucket = ?1"), {"t:" + hz01});

    // Checked again (another start, the same day or a day later): nothing is emitted twice.
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.execute(QStringLiteral("DELETE FROM meta WHERE key = 'alignment_dates_applied'")));
    QVERIFY(m_server.start());
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE id = ?1"), {hcp}), entries);
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT max(seq) FROM changes WHERE bucket = ?1"), {"t:" + hz01}),
        seq);

    // Ending it by date: valid_to yesterday revokes the HCP from HZ-01 once.
    QCOMPARE(m_server.stop(), 0);
    const QString yesterday = QDateTime::currentDateTimeUtc().date().addDays(-1).toString(Qt::ISODate);
    QVERIFY(m_server.patchStoredRecord(alignment, {{"valid_from", "2020-01-01"}, {"valid_to", yesterday}}));
    QVERIFY(m_server.execute(QStringLiteral("DELETE FROM meta WHERE key = 'alignment_dates_applied'")));
    QVERIFY(m_server.start());
    pullFor("rep.hz01");
    QVERIFY(seen("rep.hz01", hcp).isEmpty());
    QVERIFY(m_users.gone.value("rep.hz01").contains(hcp));
}

void TestServerSfe::pendingAlignmentChangesUntilEffective()
{
    // Issue 19, point 3: a pending move (an alignment starting later) is edited or withdrawn before it
    // takes effect; once it has, its start and territory stay and it is not deleted.
    const QString hz01 = m_org.territory.value("HZ-01");
    const QString hz02 = m_org.territory.value("HZ-02");
    const QDate utc = QDateTime::currentDateTimeUtc().date();
    auto iso = [&](int days) { return utc.addDays(days).toString(Qt::ISODate); };
    auto status = [](const QJsonObject &r) { return r.value("status").toString(); };
    const QString pending = newId();
    QCOMPARE(status(pushOne("sfe",
                 mutation("alignment", pending,
                     {{"territory_id", hz01}, {"hcp_id", m_unused.takeLast()}, {"valid_from", iso(5)},
                         {"target_calls_per_cycle", 2}}))),
        QStringLiteral("applied"));
    pullFor("sfe");
    QJsonObject a = seen("sfe", pending);
    QCOMPARE(status(pushOne("sfe",
                 mutation("alignment", pending, {{"valid_from", iso(8)}, {"territory_id", hz02}},
                     a.value("version").toInteger(), a))),
        QStringLiteral("applied"));
    pullFor("sfe");
    a = seen("sfe", pending);
    QCOMPARE(a.value("valid_from").toString(), iso(8));
    QCOMPARE(status(pushOne(
                 "sfe", mutation("alignment", pending, {}, a.value("version").toInteger(), a, "delete"))),
        QStringLiteral("applied"));

    // Taken effect (started yesterday): its day and territory stay, and it is not deleted; its end and
    // target still change.
    const QString started = newId();
    QCOMPARE(status(pushOne("sfe",
                 mutation("alignment", started,
                     {{"territory_id", hz01}, {"hcp_id", m_unused.takeLast()}, {"valid_from", iso(3)},
                         {"target_calls_per_cycle", 2}}))),
        QStringLiteral("applied"));
    pullFor("sfe");
    QCOMPARE(m_server.stop(), 0);
    QVERIFY(m_server.patchStoredRecord(started, {{"valid_from", iso(-1)}}));
    QVERIFY(m_server.start());
    pullFor("sfe");
    a = seen("sfe", started);
    const qint64 v = a.value("version").toInteger();
    for (const QJsonObject &change :
        {QJsonObject {{"valid_from", iso(4)}}, QJsonObject {{"territory_id", hz02}}}) {
        const QJsonObject r = pushOne("sfe", mutation("alignment", started, change, v, a));
        QCOMPARE(status(r), QStringLiteral("rejected"));
    }
    QCOMPARE(status(pushOne("sfe", mutation("alignment", started, {}, v, a, "delete"))),
        QStringLiteral("rejected"));
    QCOMPARE(status(pushOne("sfe", mutation("alignment", started, {{"valid_to", iso(10)}}, v, a))),
        QStringLiteral("applied"));
}

void TestServerSfe::turnoverMovesTheTerritoryWithItsHistory()
{
    // rep.sh02 leaves; SFE hands SH-02 to a rep of HZ-02, who then covers both.
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand({"user", "add", "--data", m_server.dataDir(), "--username", "rep.new",
                                           "--role", "rep", "--territory", "HZ-02", "--display-name", "孙丽"},
                 "new-rep-pass-1\n", nullptr, &err),
        0);
    HttpReply before;
    QVERIFY(!m_server.login("rep.new", "new-rep-pass-1", &before).isEmpty());
    QCOMPARE(before.json.value("user").toObject().value("territory_ids").toArray(),
        QJsonArray {m_org.territory.value("HZ-02")});
    pullFor("rep.sh02");
    const QString sh02 = m_org.territory.value("SH-02");
    int visitsBefore = 0;
    for (const QJsonObject &r : m_users.seen.value("rep.sh02"))
        visitsBefore += r.contains("visited_at") && r.value("territory_id").toString() == sh02 ? 1 : 0;
    QVERIFY(visitsBefore > 0);

    pullFor("sfe");
    QString newRep;
    for (const QJsonObject &r : m_users.seen.value("sfe")) {
        if (r.value("username").toString() == QLatin1String("rep.new"))
            newRep = r.value("id").toString();
    }
    QVERIFY(!newRep.isEmpty());
    const QJsonObject t = seen("sfe", sh02);
    QCOMPARE(
        pushOne("sfe", mutation("territory", sh02, {{"owner_id", newRep}}, t.value("version").toInteger(), t))
            .value("status")
            .toString(),
        QStringLiteral("applied"));

    // The new rep's first pull brings the territory's whole history, the old rep's visits included.
    const QString token = m_server.login("rep.new", "new-rep-pass-1");
    QVERIFY(!token.isEmpty());
    m_users.tokens.insert("rep.new", token);
    pullFor("rep.new");
    int visitsAfter = 0;
    for (const QJsonObject &r : m_users.seen.value("rep.new"))
        visitsAfter += r.contains("visited_at") && r.value("territory_id").toString() == sh02 ? 1 : 0;
    QCOMPARE(visitsAfter, visitsBefore);
    // The old rep's next pull revokes the bucket; their account no longer reaches the territory.
    const HttpReply p = m_server.post(
        "/api/v1/sync/pull", {{"cursors", m_users.cursors.value("rep.sh02")}}, tokenOf("rep.sh02"));
    QCOMPARE(p.status, 200);
    QVERIFY(p.json.value("revoked_buckets").toArray().contains(QJsonValue(QString("t:" + sh02))));
    HttpReply me;
    QVERIFY(!m_server.login("rep.sh02", QString::fromLatin1(ServerProcess::DemoPassword), &me).isEmpty());
    QCOMPARE(me.json.value("user").toObject().value("territory_ids").toArray(), QJsonArray());
    // The new rep records visits there.
    QCOMPARE(pushOne("rep.new",
                 mutation("visit", newId(),
                     {{"territory_id", sh02}, {"hcp_id", m_org.hcpsOnlyIn("SH-02").value(0)},
                         {"rep_id", newRep}, {"visited_at", "2026-11-21T15:00:00+08:00"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
}

QTEST_GUILESS_MAIN(TestServerSfe)
#include "tst_serversfe.moc"
