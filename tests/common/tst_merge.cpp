#include "common/protocol/merge.h"

#include <QtTest>

using namespace rounds::protocol;

Q_DECLARE_METATYPE(MergeOutcome)
Q_DECLARE_METATYPE(Resolution)
Q_DECLARE_METATYPE(ConflictPolicy)

class TestMerge : public QObject
{
    Q_OBJECT
private slots:
    void field_data();
    void field();
    void policy_data();
    void policy();
    void recordAppliesCleanFieldsBesideConflicts();
    void recordPolicies_data();
    void recordPolicies();
};

void TestMerge::field_data()
{
    QTest::addColumn<QJsonValue>("base");
    QTest::addColumn<QJsonValue>("theirs");
    QTest::addColumn<QJsonValue>("mine");
    QTest::addColumn<MergeOutcome>("expected");
    const QJsonValue null(QJsonValue::Null);
    const QJsonValue undef(QJsonValue::Undefined);
    QTest::newRow("only mine changed")
        << QJsonValue("a") << QJsonValue("a") << QJsonValue("b") << MergeOutcome::TakeMine;
    QTest::newRow("both same") << QJsonValue("a") << QJsonValue("b") << QJsonValue("b") << MergeOutcome::Same;
    QTest::newRow("both differ") << QJsonValue("a") << QJsonValue("b") << QJsonValue("c")
                                 << MergeOutcome::Conflict;
    QTest::newRow("nothing changed") << QJsonValue("a") << QJsonValue("a") << QJsonValue("a")
                                     << MergeOutcome::Same;
    QTest::newRow("mine clears") << QJsonValue("a") << QJsonValue("a") << null << MergeOutcome::TakeMine;
    QTest::newRow("theirs cleared, mine edits")
        << QJsonValue("a") << null << QJsonValue("b") << MergeOutcome::Conflict;
    QTest::newRow("null base, mine sets") << null << null << QJsonValue(3) << MergeOutcome::TakeMine;
    QTest::newRow("integer equals double")
        << QJsonValue(1) << QJsonValue(1.0) << QJsonValue(2) << MergeOutcome::TakeMine;
    QTest::newRow("no base, theirs differs")
        << undef << QJsonValue("a") << QJsonValue("b") << MergeOutcome::Conflict;
    QTest::newRow("no base, theirs equal")
        << undef << QJsonValue("b") << QJsonValue("b") << MergeOutcome::Same;
    QTest::newRow("objects by content")
        << QJsonValue(QJsonObject {{"k", 1}}) << QJsonValue(QJsonObject {{"k", 1}})
        << QJsonValue(QJsonObject {{"k", 2}}) << MergeOutcome::TakeMine;
    QTest::newRow("chinese text") << QJsonValue(QStringLiteral("主任医师"))
                                  << QJsonValue(QStringLiteral("副主任医师"))
                                  << QJsonValue(QStringLiteral("主治医师")) << MergeOutcome::Conflict;
}

void TestMerge::field()
{
    QFETCH(QJsonValue, base);
    QFETCH(QJsonValue, theirs);
    QFETCH(QJsonValue, mine);
    QFETCH(MergeOutcome, expected);
    QCOMPARE(mergeField(base, theirs, mine), expected);
}

void TestMerge::policy_data()
{
    QTest::addColumn<ConflictPolicy>("policy");
    QTest::addColumn<bool>("owner");
    QTest::addColumn<Resolution>("expected");
    QTest::newRow("owner wins, owner pushes") << ConflictPolicy::OwnerWins << true << Resolution::Apply;
    QTest::newRow("owner wins, other pushes") << ConflictPolicy::OwnerWins << false << Resolution::KeepServer;
    QTest::newRow("master data") << ConflictPolicy::ServerReviews << true << Resolution::FileReview;
    QTest::newRow("master data, not owner")
        << ConflictPolicy::ServerReviews << false << Resolution::FileReview;
    QTest::newRow("ask user") << ConflictPolicy::AskUser << true << Resolution::AskUser;
}

void TestMerge::policy()
{
    QFETCH(ConflictPolicy, policy);
    QFETCH(bool, owner);
    QFETCH(Resolution, expected);
    QCOMPARE(resolveConflict(policy, owner), expected);
}

void TestMerge::recordAppliesCleanFieldsBesideConflicts()
{
    const Entity *plan = Schema::instance().entity(u"visit_plan");
    QVERIFY(plan);
    const QJsonObject base {
        {"purpose", "old"}, {"planned_at", "2026-11-01T01:00:00.000Z"}, {"channel", "phone"}};
    const QJsonObject theirs {
        {"purpose", "old"}, {"planned_at", "2026-11-02T01:00:00.000Z"}, {"channel", "remote"}};
    const QJsonObject set {
        {"purpose", "new"}, {"planned_at", "2026-11-03T01:00:00.000Z"}, {"channel", "remote"}};
    const MergeResult r = mergeRecord(*plan, base, theirs, set, true);
    QCOMPARE(r.apply, (QJsonObject {{"purpose", "new"}}));
    QCOMPARE(r.conflicts.size(), 1);
    QCOMPARE(r.conflicts.first().field, QStringLiteral("planned_at"));
    QCOMPARE(r.conflicts.first().theirs, QJsonValue("2026-11-02T01:00:00.000Z"));
    QCOMPARE(r.conflicts.first().mine, QJsonValue("2026-11-03T01:00:00.000Z"));
    QVERIFY(r.hasAskUser());
}

void TestMerge::recordPolicies_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<bool>("owner");
    QTest::addColumn<bool>("applied");
    QTest::addColumn<Resolution>("resolution");
    QTest::newRow("visit by owner") << "visit" << true << true << Resolution::Apply;
    QTest::newRow("visit by other") << "visit" << false << false << Resolution::KeepServer;
    QTest::newRow("hcp_tag by owner") << "hcp_tag" << true << true << Resolution::Apply;
    QTest::newRow("meeting_expense by other")
        << "meeting_expense" << false << false << Resolution::KeepServer;
    QTest::newRow("hcp") << "hcp" << true << false << Resolution::FileReview;
    QTest::newRow("institution") << "institution" << false << false << Resolution::FileReview;
    QTest::newRow("department") << "department" << true << false << Resolution::FileReview;
    QTest::newRow("meeting") << "meeting" << true << false << Resolution::AskUser;
    QTest::newRow("alignment") << "alignment" << true << false << Resolution::AskUser;
    QTest::newRow("territory") << "territory" << true << false << Resolution::AskUser;
}

void TestMerge::recordPolicies()
{
    QFETCH(QString, entity);
    QFETCH(bool, owner);
    QFETCH(bool, applied);
    QFETCH(Resolution, resolution);
    const Entity *e = Schema::instance().entity(entity);
    QVERIFY(e);
    // Every entity has some text-ish field; use a synthetic key: the merge works on any key of `set`.
    const QJsonObject base {{"x", "base"}};
    const QJsonObject theirs {{"x", "theirs"}};
    const QJsonObject set {{"x", "mine"}};
    const MergeResult r = mergeRecord(*e, base, theirs, set, owner);
    QCOMPARE(r.apply.contains(QStringLiteral("x")), applied);
    QCOMPARE(r.conflicts.size(), 1);
    QCOMPARE(r.conflicts.first().resolution, resolution);
    QCOMPARE(r.hasAskUser(), resolution == Resolution::AskUser);
}

QTEST_APPLESS_MAIN(TestMerge)
#include "tst_merge.moc"
