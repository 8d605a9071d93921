#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// The meeting workflow and the compliance rules as a real rounds-server enforces them on raw pushes
// (no client check in between): transitions by role, block rules refused with code `compliance`, warn
// rules accepted, the `compliance.rules` setting switching severities and limits.
class TestServerMeetings : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void transitions_data();
    void transitions();
    void blockRules_data();
    void blockRules();
    void childEditsOfAnActiveMeeting();
    void closedMeetingIsFinal();
    void attendeeKinds();
    void yearlyTransfersAcrossMeetings();
    void settingSwitchesSeverity();
    void duplicateHcpRows();
    void budgetIsTheApprovedOne();
    void movedChildLeavesItsMeeting();
    void meetingMovedToAnotherYear();
    void managerDecidesOnTheCurrentVersion();
    void restoredMeetingKeepsItsChildren();
    void newestSettingIsInForce();
    void managerOnlyDecides_data();
    void managerOnlyDecides();
    void managerWritesNoAttendeeOrExpense();
    void nobodyDecidesOnTheirOwnMeeting();
    void repDoesNotWriteTheDecisionNote();
    void materialChangeSendsBack_data();
    void materialChangeSendsBack();
    void sentBackMeetingIsDecidedAgain();

private:
    struct Meeting
    {
        QString id;
        QString attendee; // the one HCP attendee
        QString expense; // the one expense
    };
    // A draft meeting of SH-01 owned by rep.sh01 with one signed-in HCP attendee (no fee) and one venue
    // expense of 100 CNY with evidence; budget 1,000 CNY. Nothing in it breaks a rule.
    Meeting cleanMeeting(int hcpIndex = 0, const QString &startsAt = QStringLiteral("2026-12-05T10:00:00Z"));
    QJsonObject push(const QString &user, const QString &entity, const QString &id, const QJsonObject &set,
        const QString &op = QStringLiteral("upsert"));
    QJsonObject setStatus(const QString &user, const QString &meeting, const QString &status)
    {
        return push(user, QStringLiteral("meeting"), meeting, {{"status", status}});
    }
    QString walk(const QString &meeting, const QStringList &steps); // rep/manager steps; "" when all applied
    void setRules(const QJsonObject &value);
    // The meeting as the server stores it now (read from its database).
    QJsonObject stored(const QString &id) const;
    qint64 storedVersion(const QString &id) const;
    // Sets a field of a stored record behind the server's back (stopped meanwhile), as data from before
    // a rule would hold it.
    void setStoredField(const QString &id, const QString &field, const QString &value);
    QString token(const QString &user);
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    static QString outcome(const QJsonObject &r)
    {
        const QString status = r.value("status").toString();
        return status == QLatin1String("rejected") ? r.value("error").toObject().value("code").toString()
                                                   : status;
    }
    static QString ruleOf(const QJsonObject &r)
    {
        return r.value("error").toObject().value("rule").toString();
    }

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QHash<QString, qint64> m_versions; // id → version the server last answered
    QString m_settingId;
    QStringList m_hcps; // HCPs aligned only to SH-01
};

void TestServerMeetings::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 20));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_hcps = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(m_hcps.size() >= 6);
    m_settingId = newId();
}

QString TestServerMeetings::token(const QString &user)
{
    if (!m_tokens.contains(user))
        m_tokens.insert(user, m_server.login(user));
    return m_tokens.value(user);
}

QJsonObject TestServerMeetings::push(
    const QString &user, const QString &entity, const QString &id, const QJsonObject &set, const QString &op)
{
    const qint64 base = m_versions.value(id, 0);
    const HttpReply r = m_server.push(token(user), QJsonArray {mutation(entity, id, set, base, {}, op)});
    if (r.status != 200) {
        qWarning("push answered %d: %s", r.status, r.body.constData());
        return {};
    }
    const QJsonObject result = r.json.value("results").toArray().at(0).toObject();
    if (result.value("status").toString() != QLatin1String("rejected"))
        m_versions.insert(id, result.value("version").toInteger());
    return result;
}

TestServerMeetings::Meeting TestServerMeetings::cleanMeeting(int hcpIndex, const QString &startsAt)
{
    Meeting m {newId(), newId(), newId()};
    const QJsonObject created = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting"), m.id,
        {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"title", "心内科病例讨论会"},
            {"starts_at", startsAt}, {"owner_id", m_org.user.value(QStringLiteral("rep.sh01"))},
            {"budget_minor", 100000}});
    if (outcome(created) != QLatin1String("applied"))
        qWarning() << "meeting not created:" << created;
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), m.attendee,
        {{"meeting_id", m.id}, {"hcp_id", m_hcps.value(hcpIndex)}, {"signed_in", true}});
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), m.expense,
        {{"meeting_id", m.id}, {"category", "venue"}, {"amount_minor", 10000},
            {"evidence", "9f86d081884c7d65"}, {"status", "actual"}});
    return m;
}

// Steps "user:status"; returns "" when every step was applied (or merged), else "step → outcome".
QString TestServerMeetings::walk(const QString &meeting, const QStringList &steps)
{
    for (const QString &step : steps) {
        const QStringList parts = step.split(QLatin1Char(':'));
        const QJsonObject r = setStatus(parts[0], meeting, parts[1]);
        // merged: the server also cleared what the step answered (resubmit_reason of a decision).
        if (outcome(r) != QLatin1String("applied") && outcome(r) != QLatin1String("merged"))
            return step + QStringLiteral(" → ") + outcome(r);
    }
    return {};
}

void TestServerMeetings::setRules(const QJsonObject &value)
{
    const QJsonObject r = push(QStringLiteral("admin"), QStringLiteral("setting"), m_settingId,
        {{"key", "compliance.rules"}, {"value", value}});
    QCOMPARE(outcome(r), QStringLiteral("applied"));
}

QJsonObject TestServerMeetings::stored(const QString &id) const
{
    const QString data
        = m_server.query(QStringLiteral("SELECT data FROM records WHERE id = ?1"), {id}).value(0).value(0);
    return QJsonDocument::fromJson(data.toUtf8()).object();
}

qint64 TestServerMeetings::storedVersion(const QString &id) const
{
    return m_server.scalar(QStringLiteral("SELECT version FROM records WHERE id = ?1"), {id});
}

void TestServerMeetings::setStoredField(const QString &id, const QString &field, const QString &value)
{
    QCOMPARE(m_server.stop(), 0);
    const bool pg = ServerProcess::usesPostgres();
    QVERIFY(m_server.execute(pg
            ? QStringLiteral("UPDATE records SET data = jsonb_set(data::jsonb, ARRAY[?1::text], "
                             "to_jsonb(?2::text))::text WHERE id = ?3")
            : QStringLiteral("UPDATE records SET data = json_set(data, '$.' || ?1, ?2) "
                             "WHERE id = ?3"),
        {field, value, id}));
    QVERIFY(m_server.start());
}

void TestServerMeetings::transitions_data()
{
    QTest::addColumn<QStringList>("before"); // steps that must all apply
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("expected");

    const QString rep = QStringLiteral("rep.sh01");
    const QString manager = QStringLiteral("manager.sh");
    const QStringList submitted {QStringLiteral("rep.sh01:submitted")};
    const QStringList approved = submitted + QStringList {QStringLiteral("manager.sh:approved")};
    const QStringList held = approved + QStringList {QStringLiteral("rep.sh01:held")};
    const QStringList rejected = submitted + QStringList {QStringLiteral("manager.sh:rejected")};
    const QString ok = QStringLiteral("applied");
    const QString forbidden = QStringLiteral("forbidden");
    const QString invalid = QStringLiteral("invalid_request");

    QTest::newRow("owner submits a draft") << QStringList() << rep << "submitted" << ok;
    QTest::newRow("manager cannot submit the rep's draft")
        << QStringList() << manager << "submitted" << forbidden;
    QTest::newRow("draft cannot jump to held") << QStringList() << rep << "held" << invalid;
    QTest::newRow("draft cannot jump to approved (rep)") << QStringList() << rep << "approved" << invalid;
    QTest::newRow("rep cannot approve") << submitted << rep << "approved" << forbidden;
    QTest::newRow("rep cannot reject") << submitted << rep << "rejected" << forbidden;
    QTest::newRow("manager approves") << submitted << manager << "approved" << ok;
    QTest::newRow("manager rejects") << submitted << manager << "rejected" << ok;
    QTest::newRow("another district's manager may not") << submitted << "manager.hz"
                                                        << "approved" << forbidden;
    QTest::newRow("owner holds an approved meeting") << approved << rep << "held" << ok;
    QTest::newRow("manager does not hold it") << approved << manager << "held" << forbidden;
    QTest::newRow("submitted cannot be held") << submitted << rep << "held" << invalid;
    QTest::newRow("owner closes a held meeting") << held << rep << "closed" << ok;
    QTest::newRow("manager closes a held meeting") << held << manager << "closed" << ok;
    QTest::newRow("approved cannot be closed") << approved << rep << "closed" << invalid;
    QTest::newRow("owner edits a rejected meeting again") << rejected << rep << "draft" << ok;
    QTest::newRow("rejected is not resubmitted without editing") << rejected << rep << "submitted" << invalid;
    QTest::newRow("owner cancels an approved meeting") << approved << rep << "cancelled" << ok;
    QTest::newRow("manager cancels a submitted meeting") << submitted << manager << "cancelled" << ok;
    QTest::newRow("a closed meeting is not cancelled")
        << held + QStringList {QStringLiteral("rep.sh01:closed")} << rep << "cancelled" << forbidden;
    QTest::newRow("a held meeting is closed, not cancelled (owner)") << held << rep << "cancelled" << invalid;
    QTest::newRow("a held meeting is closed, not cancelled (manager)")
        << held << manager << "cancelled" << invalid;
    QTest::newRow("a cancelled meeting stays cancelled")
        << QStringList {QStringLiteral("rep.sh01:cancelled")} << rep << "draft" << forbidden;
}

void TestServerMeetings::transitions()
{
    QFETCH(QStringList, before);
    QFETCH(QString, user);
    QFETCH(QString, status);
    QFETCH(QString, expected);
    const Meeting m = cleanMeeting();
    QCOMPARE(walk(m.id, before), QString());
    const QJsonObject r = setStatus(user, m.id, status);
    QCOMPARE(outcome(r), expected);
}

void TestServerMeetings::blockRules_data()
{
    // Each row: a clean meeting, one change that breaks a rule while in draft (allowed: drafts may
    // break rules), then the transition the rule guards, which the server refuses naming the rule.
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("change"); // on the attendee / expense / meeting; "meeting_id" added
    QTest::addColumn<QStringList>("steps"); // the last one is expected to be refused
    QTest::addColumn<QString>("rule"); // "" = the last step applies (warn-level rule)

    const QStringList submit {QStringLiteral("rep.sh01:submitted")};
    const QStringList hold
        = submit + QStringList {QStringLiteral("manager.sh:approved"), QStringLiteral("rep.sh01:held")};
    const QStringList close = hold + QStringList {QStringLiteral("rep.sh01:closed")};

    QTest::newRow("catering above the cap per head (1 head, 200.01 CNY)")
        << "expense+" << QJsonObject {{"category", "catering"}, {"amount_minor", 20001}} << submit
        << "catering_per_head";
    QTest::newRow("catering at the cap per head (1 head, 200 CNY)")
        << "expense+" << QJsonObject {{"category", "catering"}, {"amount_minor", 20000}} << submit << "";
    QTest::newRow("speaker fee above the tier cap")
        << "attendee" << QJsonObject {{"role", "speaker"}, {"fee_minor", -1}} << submit << "speaker_fee";
    QTest::newRow("speaker fee at the tier cap")
        << "attendee" << QJsonObject {{"role", "speaker"}, {"fee_minor", 0}} << submit << "";
    QTest::newRow("nobody signed in before held")
        << "attendee" << QJsonObject {{"signed_in", false}} << hold << "signed_in_before_held";
    QTest::newRow("expense without evidence before closed")
        << "expense" << QJsonObject {{"evidence", QJsonValue()}} << close << "evidence_before_closed";
    QTest::newRow("actual spend above budget + 10% (rep closes)")
        << "expense" << QJsonObject {{"amount_minor", 110001}} << close << "budget_overrun";
    QTest::newRow("actual spend at budget + 10%")
        << "expense" << QJsonObject {{"amount_minor", 110000}} << close << "";
    QTest::newRow("over budget: a manager closes it (re-approval)")
        << "expense" << QJsonObject {{"amount_minor", 150000}}
        << hold + QStringList {QStringLiteral("manager.sh:closed")} << "";
    QTest::newRow("staff share is a warning by default (1 staff of 2)")
        << "staff" << QJsonObject {{"kind", "staff"}, {"name", "医学部 陈经理"}} << submit << "";
}

void TestServerMeetings::blockRules()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, change);
    QFETCH(QStringList, steps);
    QFETCH(QString, rule);

    const Meeting m = cleanMeeting(1);
    if (entity == QLatin1String("attendee") && change.value("fee_minor").toInteger() <= 0) {
        // The cap of this HCP's tier, plus one fen (-1) or exactly (0).
        const QString tier = m_org.record(m_hcps.value(1)).value("tier").toString();
        const qint64 cap = tier == QLatin1String("A") ? 300000 : tier == QLatin1String("B") ? 200000 : 100000;
        change.insert("fee_minor", cap + (change.value("fee_minor").toInteger() < 0 ? 1 : 0));
    }
    QJsonObject r;
    if (entity == QLatin1String("attendee"))
        r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), m.attendee, change);
    else if (entity == QLatin1String("expense"))
        r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), m.expense, change);
    else if (entity == QLatin1String("expense+")) {
        change.insert("meeting_id", m.id);
        change.insert("evidence", "ab");
        r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), newId(), change);
    } else {
        change.insert("meeting_id", m.id);
        r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), newId(), change);
    }
    QCOMPARE(outcome(r), QStringLiteral("applied")); // a draft may break the rules: it is a plan

    const QString last = steps.takeLast();
    QCOMPARE(walk(m.id, steps), QString());
    const QStringList parts = last.split(QLatin1Char(':'));
    r = setStatus(parts[0], m.id, parts[1]);
    if (rule.isEmpty()) {
        QCOMPARE(outcome(r), QStringLiteral("applied"));
        return;
    }
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), rule);
    const QJsonObject v = r.value("error").toObject().value("violations").toArray().at(0).toObject();
    QCOMPARE(v.value("rule").toString(), rule);
    QCOMPARE(v.value("severity").toString(), QStringLiteral("block"));
    QVERIFY(!v.value("message").toString().isEmpty());
    QVERIFY(v.value("figure").toDouble() > v.value("limit").toDouble()
        || rule == QLatin1String("signed_in_before_held") || rule == QLatin1String("evidence_before_closed"));
    // Nothing of the refused transition was stored.
    const PullResult all = m_server.pullAll(token(QStringLiteral("admin")));
    for (const QJsonObject &rec : recordsOf(all.changes, QStringLiteral("meeting"))) {
        if (rec.value("id").toString() == m.id)
            QVERIFY(rec.value("status").toString() != parts[1]);
    }
}

void TestServerMeetings::childEditsOfAnActiveMeeting()
{
    const Meeting m = cleanMeeting(2);
    QCOMPARE(
        walk(m.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}), QString());
    // Raising a fee above the cap of an approved meeting: refused, though no status changes.
    QJsonObject r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), m.attendee,
        {{"role", "speaker"}, {"fee_minor", 300001}});
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), QStringLiteral("speaker_fee"));
    // A catering bill above 200 CNY a head for the one planned head: refused.
    r = push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), newId(),
        {{"meeting_id", m.id}, {"category", "catering"}, {"amount_minor", 50000}});
    QCOMPARE(ruleOf(r), QStringLiteral("catering_per_head"));
    // With two more attendees the same bill is 166.67 a head: applied.
    for (int i = 3; i < 5; ++i)
        QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), newId(),
                     {{"meeting_id", m.id}, {"hcp_id", m_hcps.value(i)}})),
            QStringLiteral("applied"));
    const QString catering = newId();
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), catering,
                 {{"meeting_id", m.id}, {"category", "catering"}, {"amount_minor", 50000}})),
        QStringLiteral("applied"));
    // A fee within the cap still goes through.
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), m.attendee,
                 {{"role", "speaker"}, {"fee_minor", 50000}})),
        QStringLiteral("applied"));
}

void TestServerMeetings::closedMeetingIsFinal()
{
    const Meeting m = cleanMeeting(3);
    QCOMPARE(walk(m.id,
                 {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved"),
                     QStringLiteral("rep.sh01:held"), QStringLiteral("rep.sh01:closed")}),
        QString());
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), m.expense,
                 {{"amount_minor", 5000}})),
        QStringLiteral("forbidden"));
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), newId(),
                 {{"meeting_id", m.id}, {"hcp_id", m_hcps.value(4)}})),
        QStringLiteral("forbidden"));
    QCOMPARE(
        outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), m.expense, {}, "delete")),
        QStringLiteral("forbidden"));
    QCOMPARE(
        outcome(push(QStringLiteral("manager.sh"), QStringLiteral("meeting"), m.id, {{"venue", "别处"}})),
        QStringLiteral("forbidden"));
    // A submitted meeting is cancelled, not deleted.
    const Meeting s = cleanMeeting(3);
    QCOMPARE(walk(s.id, {QStringLiteral("rep.sh01:submitted")}), QString());
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting"), s.id, {}, "delete")),
        QStringLiteral("forbidden"));
}

void TestServerMeetings::attendeeKinds()
{
    const Meeting m = cleanMeeting(0);
    const QString rep = QStringLiteral("rep.sh01");
    const QString e = QStringLiteral("meeting_attendee");
    QJsonObject r = push(rep, e, newId(), {{"meeting_id", m.id}});
    QCOMPARE(outcome(r), QStringLiteral("invalid_request"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("hcp_id"));
    r = push(rep, e, newId(), {{"meeting_id", m.id}, {"kind", "walk_in"}});
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("name"));
    r = push(
        rep, e, newId(), {{"meeting_id", m.id}, {"kind", "walk_in"}, {"name", "x"}, {"hcp_id", m_hcps[0]}});
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("hcp_id"));
    r = push(rep, e, newId(), {{"meeting_id", m.id}, {"kind", "nurse"}, {"name", "x"}});
    QCOMPARE(outcome(r), QStringLiteral("invalid_request"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("kind"));
    const QString walkIn = newId();
    r = push(rep, e, walkIn,
        {{"meeting_id", m.id}, {"kind", "walk_in"}, {"name", "社区医院 王医生"}, {"signed_in", true}});
    QCOMPARE(outcome(r), QStringLiteral("applied"));
    const PullResult all = m_server.pullAll(token(rep));
    bool found = false;
    for (const QJsonObject &a : recordsOf(all.changes, e)) {
        if (a.value("id").toString() == walkIn) {
            found = true;
            QCOMPARE(a.value("kind").toString(), QStringLiteral("walk_in"));
            QCOMPARE(a.value("name").toString(), QStringLiteral("社区医院 王医生"));
            QVERIFY(a.value("hcp_id").toString().isEmpty());
        }
    }
    QVERIFY(found);
}

void TestServerMeetings::yearlyTransfersAcrossMeetings()
{
    // A yearly cap of 600 CNY: 400 CNY to the HCP in one approved meeting, 250 CNY more in a second one
    // breaks it (counted across meetings); 200 CNY does not. In 2027, a year the demo has no meetings in.
    setRules(QJsonObject {{"yearly_transfers", QJsonObject {{"cap_minor", 60000}}}});
    const Meeting first = cleanMeeting(5, QStringLiteral("2027-03-01T10:00:00Z"));
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), first.attendee,
                 {{"role", "speaker"}, {"fee_minor", 40000}})),
        QStringLiteral("applied"));
    QCOMPARE(walk(first.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}),
        QString());

    const Meeting second = cleanMeeting(5, QStringLiteral("2027-06-01T10:00:00Z"));
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), second.attendee,
        {{"role", "speaker"}, {"fee_minor", 25000}});
    QJsonObject r = setStatus(QStringLiteral("rep.sh01"), second.id, QStringLiteral("submitted"));
    QCOMPARE(ruleOf(r), QStringLiteral("yearly_transfers"));
    const QJsonObject v = r.value("error").toObject().value("violations").toArray().at(0).toObject();
    QCOMPARE(v.value("figure").toInteger(), 65000);
    QCOMPARE(v.value("limit").toInteger(), 60000);
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), second.attendee,
        {{"fee_minor", 20000}});
    QCOMPARE(outcome(setStatus(QStringLiteral("rep.sh01"), second.id, QStringLiteral("submitted"))),
        QStringLiteral("applied"));
    // Cancelling the first meeting frees the HCP's yearly room.
    QCOMPARE(outcome(setStatus(QStringLiteral("rep.sh01"), first.id, QStringLiteral("cancelled"))),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), second.attendee,
                 {{"fee_minor", 59000}})),
        QStringLiteral("applied"));
    setRules(QJsonObject {});
}

void TestServerMeetings::settingSwitchesSeverity()
{
    // Staff share is a warning by default; the admin makes it blocking.
    setRules(QJsonObject {{"staff_share", QJsonObject {{"severity", "block"}}}});
    const Meeting staffed = cleanMeeting(0);
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), newId(),
        {{"meeting_id", staffed.id}, {"kind", "staff"}, {"name", "地区经理"}});
    QCOMPARE(ruleOf(setStatus(QStringLiteral("rep.sh01"), staffed.id, QStringLiteral("submitted"))),
        QStringLiteral("staff_share"));

    // Catering becomes a warning, and its cap can be lowered for the warning.
    setRules(QJsonObject {{"catering_per_head", QJsonObject {{"severity", "warn"}, {"cap_minor", 100}}}});
    const Meeting dinner = cleanMeeting(0);
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), newId(),
        {{"meeting_id", dinner.id}, {"category", "catering"}, {"amount_minor", 90000}});
    QCOMPARE(outcome(setStatus(QStringLiteral("rep.sh01"), dinner.id, QStringLiteral("submitted"))),
        QStringLiteral("applied"));
    // Back to block with the same low cap: a second such meeting is refused.
    setRules(QJsonObject {{"catering_per_head", QJsonObject {{"cap_minor", 100}}}});
    const Meeting again = cleanMeeting(0);
    push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), newId(),
        {{"meeting_id", again.id}, {"category", "catering"}, {"amount_minor", 101}});
    QCOMPARE(ruleOf(setStatus(QStringLiteral("rep.sh01"), again.id, QStringLiteral("submitted"))),
        QStringLiteral("catering_per_head"));
    // A malformed setting falls back to the defaults (catering 200 CNY, block).
    setRules(QJsonObject {{"catering_per_head", QJsonObject {{"cap_minor", "lots"}}}});
    QCOMPARE(outcome(setStatus(QStringLiteral("rep.sh01"), again.id, QStringLiteral("submitted"))),
        QStringLiteral("applied"));
    setRules(QJsonObject {});
}

void TestServerMeetings::duplicateHcpRows()
{
    // Review finding 1: five speaker rows of one HCP at 3,000 CNY each passed the per-row caps.
    const QString rep = QStringLiteral("rep.sh01");
    const QString e = QStringLiteral("meeting_attendee");
    const Meeting m = cleanMeeting(0);
    QCOMPARE(
        walk(m.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}), QString());
    QJsonObject r = push(rep, e, newId(),
        {{"meeting_id", m.id}, {"hcp_id", m_hcps[0]}, {"role", "speaker"}, {"fee_minor", 50000}});
    QCOMPARE(outcome(r), QStringLiteral("invalid_request"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("hcp_id"));
    // Not in a draft either, and not by moving a row of another HCP onto the same one.
    const Meeting draft = cleanMeeting(1);
    QCOMPARE(outcome(push(rep, e, newId(), {{"meeting_id", draft.id}, {"hcp_id", m_hcps[1]}})),
        QStringLiteral("invalid_request"));
    const QString second = newId();
    QCOMPARE(outcome(push(rep, e, second, {{"meeting_id", m.id}, {"hcp_id", m_hcps[2]}})),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, e, second, {{"hcp_id", m_hcps[0]}})), QStringLiteral("invalid_request"));
    // The honest path: the HCP's one row takes the fee (within the cap), other HCPs are added.
    QCOMPARE(outcome(push(rep, e, m.attendee, {{"role", "speaker"}, {"fee_minor", 50000}})),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, e, newId(), {{"meeting_id", m.id}, {"hcp_id", m_hcps[3]}})),
        QStringLiteral("applied"));
    // The row deleted, the HCP may be added again as a new row.
    QCOMPARE(outcome(push(rep, e, second, {}, "delete")), QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, e, newId(), {{"meeting_id", m.id}, {"hcp_id", m_hcps[2]}})),
        QStringLiteral("applied"));
}

void TestServerMeetings::budgetIsTheApprovedOne()
{
    // Review finding 3: the rep raised the budget after approval, or left expenses estimated, and closed
    // an over-budget meeting without a manager.
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting m = cleanMeeting(2);
    QCOMPARE(walk(m.id, {QStringLiteral("rep.sh01:submitted")}), QString());
    QJsonObject r = push(rep, QStringLiteral("meeting"), m.id, {{"budget_minor", 1000000}});
    QCOMPARE(outcome(r), QStringLiteral("forbidden"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("budget_minor"));
    QCOMPARE(walk(m.id, {QStringLiteral("manager.sh:approved")}), QString());
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting"), m.id, {{"budget_minor", 1000000}})),
        QStringLiteral("forbidden"));
    // Other fields of the plan still change (the venue moves).
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting"), m.id, {{"venue", "二楼会议室"}})),
        QStringLiteral("applied"));
    // 2,000 CNY left `estimated` on a 1,000 CNY budget (100 CNY actual): the owner cannot close it.
    const QString estimate = newId();
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_expense"), estimate,
                 {{"meeting_id", m.id}, {"category", "material"}, {"amount_minor", 200000},
                     {"evidence", "ab"}, {"status", "estimated"}})),
        QStringLiteral("applied"));
    // Not a fee: held to the budget at closing, not decided again.
    QCOMPARE(stored(m.id).value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(walk(m.id, {QStringLiteral("rep.sh01:held")}), QString());
    r = setStatus(rep, m.id, QStringLiteral("closed"));
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), QStringLiteral("budget_overrun"));
    // The estimate that did not happen removed, the owner closes it.
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_expense"), estimate, {}, "delete")),
        QStringLiteral("applied"));
    QCOMPARE(outcome(setStatus(rep, m.id, QStringLiteral("closed"))), QStringLiteral("applied"));
}

void TestServerMeetings::movedChildLeavesItsMeeting()
{
    // Review finding 2: moving the only signed-in attendee out of a held meeting was never checked
    // against the meeting it left (a delete of it is refused).
    const QString rep = QStringLiteral("rep.sh01");
    const QString e = QStringLiteral("meeting_attendee");
    const Meeting held = cleanMeeting(3);
    QCOMPARE(walk(held.id,
                 {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved"),
                     QStringLiteral("rep.sh01:held")}),
        QString());
    const Meeting other = cleanMeeting(4);
    QCOMPARE(ruleOf(push(rep, e, held.attendee, {}, "delete")), QStringLiteral("signed_in_before_held"));
    QJsonObject r = push(rep, e, held.attendee, {{"meeting_id", other.id}});
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), QStringLiteral("signed_in_before_held"));
    // With another signed-in attendee left behind, the move goes through.
    QCOMPARE(
        outcome(push(rep, e, newId(), {{"meeting_id", held.id}, {"hcp_id", m_hcps[5]}, {"signed_in", true}})),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, e, held.attendee, {{"meeting_id", other.id}})), QStringLiteral("applied"));
}

void TestServerMeetings::meetingMovedToAnotherYear()
{
    // Review finding 4: an approved meeting moved into a year where its speaker is near the yearly cap
    // was compared with itself in the NEW year, so it never looked worse. Years 2028/2029: no demo data.
    setRules(QJsonObject {{"yearly_transfers", QJsonObject {{"cap_minor", 60000}}}});
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting first = cleanMeeting(5, QStringLiteral("2028-03-01T10:00:00Z"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_attendee"), first.attendee,
                 {{"role", "speaker"}, {"fee_minor", 40000}})),
        QStringLiteral("applied"));
    QCOMPARE(walk(first.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}),
        QString());
    const Meeting second = cleanMeeting(5, QStringLiteral("2029-03-01T10:00:00Z"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_attendee"), second.attendee,
                 {{"role", "speaker"}, {"fee_minor", 30000}})),
        QStringLiteral("applied"));
    QCOMPARE(walk(second.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}),
        QString());
    // 400 + 300 CNY in 2028 is above the 600 CNY cap.
    const QJsonObject r
        = push(rep, QStringLiteral("meeting"), second.id, {{"starts_at", "2028-06-01T10:00:00Z"}});
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), QStringLiteral("yearly_transfers"));
    // Within its own year it moves (and, moved, is decided again: a material change).
    QCOMPARE(
        outcome(push(rep, QStringLiteral("meeting"), second.id, {{"starts_at", "2029-06-01T10:00:00Z"}})),
        QStringLiteral("merged"));
    QCOMPARE(stored(second.id).value("status").toString(), QStringLiteral("submitted"));
    setRules(QJsonObject {});
}

void TestServerMeetings::managerDecidesOnTheCurrentVersion()
{
    // Review finding 5: an approval sent from an old base_version merged onto the rep's newer edits
    // (the status field itself does not conflict: the base says `submitted`, as the server does).
    const Meeting m = cleanMeeting(0);
    QCOMPARE(walk(m.id, {QStringLiteral("rep.sh01:submitted")}), QString());
    const qint64 seen = m_versions.value(m.id);
    QCOMPARE(
        outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting"), m.id, {{"venue", "五星酒店"}})),
        QStringLiteral("applied"));
    const qint64 current = m_versions.value(m.id);
    QVERIFY(current > seen);
    auto approve = [&](qint64 base) {
        const HttpReply reply = m_server.push(token(QStringLiteral("manager.sh")),
            QJsonArray {mutation(
                QStringLiteral("meeting"), m.id, {{"status", "approved"}}, base, {{"status", "submitted"}})});
        return reply.json.value("results").toArray().at(0).toObject();
    };
    QJsonObject r = approve(seen);
    QCOMPARE(outcome(r), QStringLiteral("conflict"));
    QCOMPARE(r.value("version").toInteger(), current);
    QCOMPARE(
        r.value("conflicts").toArray().at(0).toObject().value("field").toString(), QStringLiteral("status"));
    QCOMPARE(r.value("record").toObject().value("status").toString(), QStringLiteral("submitted"));
    QCOMPARE(r.value("record").toObject().value("venue").toString(), QStringLiteral("五星酒店"));
    // Having seen the current version, the manager approves it.
    r = approve(current);
    QCOMPARE(outcome(r), QStringLiteral("applied"));
    QVERIFY(r.value("version").toInteger() > current);
}

void TestServerMeetings::restoredMeetingKeepsItsChildren()
{
    // Review finding 6: a deleted draft restored as `submitted` was checked as if it had no attendees.
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting m = cleanMeeting(1);
    const QString tier = m_org.record(m_hcps.value(1)).value("tier").toString();
    const qint64 cap = tier == QLatin1String("A") ? 300000 : tier == QLatin1String("B") ? 200000 : 100000;
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_attendee"), m.attendee,
                 {{"role", "speaker"}, {"fee_minor", cap + 1}})),
        QStringLiteral("applied")); // a draft may break the rules
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting"), m.id, {}, "delete")), QStringLiteral("applied"));
    QJsonObject r = setStatus(rep, m.id, QStringLiteral("submitted"));
    QCOMPARE(outcome(r), QStringLiteral("compliance"));
    QCOMPARE(ruleOf(r), QStringLiteral("speaker_fee"));
    // Restored as a draft, the fee lowered, it is submitted.
    QCOMPARE(outcome(setStatus(rep, m.id, QStringLiteral("draft"))), QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_attendee"), m.attendee, {{"fee_minor", cap}})),
        QStringLiteral("applied"));
    QCOMPARE(outcome(setStatus(rep, m.id, QStringLiteral("submitted"))), QStringLiteral("applied"));
}

void TestServerMeetings::newestSettingIsInForce()
{
    // Review finding 10: the server read the lowest-id `compliance.rules` record, the client the newest.
    const QString older = QStringLiteral("00000000-0000-4000-8000-000000000001");
    const QString newer = QStringLiteral("ffffffff-ffff-4fff-8fff-ffffffffffff");
    auto write = [&](const QString &id, const QJsonObject &value) {
        QThread::msleep(5); // distinct updated_at (milliseconds)
        return outcome(push(QStringLiteral("admin"), QStringLiteral("setting"), id,
            {{"key", "compliance.rules"}, {"value", value}}));
    };
    const QJsonObject strict {{"catering_per_head", QJsonObject {{"cap_minor", 100}}}};
    auto submitDinner = [&] {
        const Meeting m = cleanMeeting(0);
        push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_expense"), newId(),
            {{"meeting_id", m.id}, {"category", "catering"}, {"amount_minor", 5000}, {"evidence", "ab"}});
        return outcome(setStatus(QStringLiteral("rep.sh01"), m.id, QStringLiteral("submitted")));
    };
    QCOMPARE(write(older, strict), QStringLiteral("applied"));
    QCOMPARE(write(newer, QJsonObject {}), QStringLiteral("applied"));
    QCOMPARE(submitDinner(), QStringLiteral("applied")); // the newer (default) rules: 50 CNY is fine
    QCOMPARE(write(older, QJsonObject {{"catering_per_head", QJsonObject {{"cap_minor", 101}}}}),
        QStringLiteral("applied"));
    QCOMPARE(submitDinner(), QStringLiteral("compliance")); // now the low-id one is the newest
    QCOMPARE(outcome(push(QStringLiteral("admin"), QStringLiteral("setting"), older, {}, "delete")),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(QStringLiteral("admin"), QStringLiteral("setting"), newer, {}, "delete")),
        QStringLiteral("applied"));
}

void TestServerMeetings::managerOnlyDecides_data()
{
    // Issue 18 point 8: on a meeting of their district a manager sets status (approved / rejected) and
    // writes decision_note, nothing else; a value sent again unchanged is not a write.
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QJsonObject>("set");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("field");

    const QString manager = m_org.user.value(QStringLiteral("manager.sh"));
    const QStringList submitted {QStringLiteral("rep.sh01:submitted")};
    const QStringList approved = submitted + QStringList {QStringLiteral("manager.sh:approved")};
    const QString ok = QStringLiteral("applied");
    const QString no = QStringLiteral("forbidden");

    QTest::newRow("approve") << submitted << QJsonObject {{"status", "approved"}} << ok << "";
    QTest::newRow("reject with a note")
        << submitted << QJsonObject {{"status", "rejected"}, {"decision_note", "预算过高"}} << ok << "";
    QTest::newRow("a note alone") << submitted << QJsonObject {{"decision_note", "请补充讲者资料"}} << ok
                                  << "";
    QTest::newRow("the title sent again unchanged")
        << submitted << QJsonObject {{"title", "心内科病例讨论会"}, {"status", "approved"}} << ok << "";
    QTest::newRow("take the meeting") << submitted << QJsonObject {{"owner_id", manager}} << no << "owner_id";
    QTest::newRow("take the meeting and approve it")
        << submitted << QJsonObject {{"owner_id", manager}, {"status", "approved"}} << no << "owner_id";
    QTest::newRow("raise the budget by 1 fen")
        << submitted << QJsonObject {{"budget_minor", 100001}} << no << "budget_minor";
    QTest::newRow("lower the budget by 1 fen")
        << submitted << QJsonObject {{"budget_minor", 99999}} << no << "budget_minor";
    QTest::newRow("raise an approved meeting's budget")
        << approved << QJsonObject {{"budget_minor", 9900000}} << no << "budget_minor";
    QTest::newRow("rename it") << submitted << QJsonObject {{"title", "改名"}} << no << "title";
    QTest::newRow("move it") << approved << QJsonObject {{"starts_at", "2026-12-06T10:00:00Z"}} << no
                             << "starts_at";
}

void TestServerMeetings::managerOnlyDecides()
{
    QFETCH(QStringList, before);
    const Meeting m = cleanMeeting();
    QCOMPARE(walk(m.id, before), QString());
    const qint64 version = storedVersion(m.id);
    QFETCH(QJsonObject, set);
    QFETCH(QString, expected);
    QFETCH(QString, field);
    const QJsonObject r = push(QStringLiteral("manager.sh"), QStringLiteral("meeting"), m.id, set);
    QCOMPARE(outcome(r), expected);
    if (expected == QLatin1String("applied")) {
        QCOMPARE(stored(m.id).value("owner_id").toString(), m_org.user.value(QStringLiteral("rep.sh01")));
        return;
    }
    QCOMPARE(r.value("error").toObject().value("field").toString(), field);
    QCOMPARE(storedVersion(m.id), version); // nothing of it was stored
}

void TestServerMeetings::managerWritesNoAttendeeOrExpense()
{
    // Issue 18 point 8: a manager added a 99,000-fen speaker to an approved meeting, or raised its
    // expenses; the attendees and expenses are the owner's.
    const QString manager = QStringLiteral("manager.sh");
    const Meeting m = cleanMeeting(1);
    QCOMPARE(
        walk(m.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}), QString());
    const qint64 version = storedVersion(m.id);
    const QString speaker = newId();
    QCOMPARE(
        outcome(push(manager, QStringLiteral("meeting_attendee"), speaker,
            {{"meeting_id", m.id}, {"hcp_id", m_hcps.value(2)}, {"role", "speaker"}, {"fee_minor", 99000}})),
        QStringLiteral("forbidden"));
    QCOMPARE(storedVersion(speaker), 0);
    QCOMPARE(outcome(push(manager, QStringLiteral("meeting_attendee"), m.attendee, {{"fee_minor", 1}})),
        QStringLiteral("forbidden"));
    QCOMPARE(outcome(push(manager, QStringLiteral("meeting_expense"), m.expense, {{"amount_minor", 10001}})),
        QStringLiteral("forbidden"));
    QCOMPARE(outcome(push(manager, QStringLiteral("meeting_expense"), m.expense, {}, "delete")),
        QStringLiteral("forbidden"));
    QCOMPARE(storedVersion(m.id), version);
    QCOMPARE(stored(m.id).value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(stored(m.expense).value("amount_minor").toInteger(), 10000);
    // The owner rep still writes them.
    QCOMPARE(outcome(push(QStringLiteral("rep.sh01"), QStringLiteral("meeting_attendee"), m.attendee,
                 {{"signed_in", false}})),
        QStringLiteral("applied"));
}

void TestServerMeetings::nobodyDecidesOnTheirOwnMeeting()
{
    // Issue 18 point 8: a manager never approves a meeting they own, however they came to own it (here
    // a record that names them, as data from before the field rules would).
    const QString manager = m_org.user.value(QStringLiteral("manager.sh"));
    const Meeting m = cleanMeeting(2);
    QCOMPARE(walk(m.id, {QStringLiteral("rep.sh01:submitted")}), QString());
    setStoredField(m.id, QStringLiteral("owner_id"), manager);
    QCOMPARE(stored(m.id).value("owner_id").toString(), manager);
    for (const char *decision : {"approved", "rejected"}) {
        const QJsonObject r = setStatus(QStringLiteral("manager.sh"), m.id, QString::fromLatin1(decision));
        QCOMPARE(outcome(r), QStringLiteral("forbidden"));
        QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("status"));
    }
    QCOMPARE(stored(m.id).value("status").toString(), QStringLiteral("submitted"));
    // Handing it back (owner_id is no manager's to write either) is not theirs; once the rep owns it
    // again, the manager decides.
    QCOMPARE(outcome(push(QStringLiteral("manager.sh"), QStringLiteral("meeting"), m.id,
                 {{"owner_id", m_org.user.value(QStringLiteral("rep.sh01"))}})),
        QStringLiteral("forbidden"));
    setStoredField(m.id, QStringLiteral("owner_id"), m_org.user.value(QStringLiteral("rep.sh01")));
    QCOMPARE(outcome(setStatus(QStringLiteral("manager.sh"), m.id, QStringLiteral("approved"))),
        QStringLiteral("applied"));
}

void TestServerMeetings::repDoesNotWriteTheDecisionNote()
{
    // Issue 18 point 9: decision_note is the manager's.
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting m = cleanMeeting(3);
    QJsonObject r = push(rep, QStringLiteral("meeting"), m.id, {{"decision_note", "已批准"}});
    QCOMPARE(outcome(r), QStringLiteral("forbidden"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("decision_note"));
    // Not on a new meeting either.
    const QString fresh = newId();
    r = push(rep, QStringLiteral("meeting"), fresh,
        {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"title", "自批会议"},
            {"starts_at", "2026-12-05T10:00:00Z"}, {"owner_id", m_org.user.value(rep)},
            {"decision_note", "同意"}});
    QCOMPARE(outcome(r), QStringLiteral("forbidden"));
    QCOMPARE(storedVersion(fresh), 0);
    // Rejected with a note, the rep edits it again: the note sent back unchanged is no write, clearing
    // it is one.
    QCOMPARE(walk(m.id, {QStringLiteral("rep.sh01:submitted")}), QString());
    QCOMPARE(outcome(push(QStringLiteral("manager.sh"), QStringLiteral("meeting"), m.id,
                 {{"status", "rejected"}, {"decision_note", "讲者费用过高"}})),
        QStringLiteral("applied"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting"), m.id, {{"decision_note", QJsonValue()}})),
        QStringLiteral("forbidden"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting"), m.id,
                 {{"status", "draft"}, {"decision_note", "讲者费用过高"}})),
        QStringLiteral("applied"));
    QCOMPARE(stored(m.id).value("decision_note").toString(), QStringLiteral("讲者费用过高"));
}

void TestServerMeetings::materialChangeSendsBack_data()
{
    // Issue 18 point 9: a change to an approved meeting that adds money or moves it sends it back to
    // `submitted`; other changes (and lowering) leave it approved. The clean meeting: one HCP attendee
    // (no fee), one 100 CNY venue expense, 2026-12-05 10:00 to 12:00 UTC.
    QTest::addColumn<QString>("entity"); // attendee, expense (the clean one), attendee+/expense+ (new),
                                         // attendee- (delete), meeting
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<QString>("reason"); // "" = stays approved

    QTest::newRow("a speaker added") << "attendee+" << QJsonObject {{"role", "speaker"}} << "speaker_added";
    QTest::newRow("a chair added") << "attendee+" << QJsonObject {{"role", "chair"}} << "speaker_added";
    QTest::newRow("an attendee made speaker")
        << "attendee" << QJsonObject {{"role", "speaker"}} << "speaker_added";
    QTest::newRow("a listener added") << "attendee+" << QJsonObject {{"role", "attendee"}} << "";
    QTest::newRow("a fee of 1 fen added") << "attendee" << QJsonObject {{"fee_minor", 1}} << "fee_raised";
    QTest::newRow("a fee of 0 sent again") << "attendee" << QJsonObject {{"fee_minor", 0}} << "";
    QTest::newRow("a sign-in changed") << "attendee" << QJsonObject {{"signed_in", false}} << "";
    QTest::newRow("an attendee removed") << "attendee-" << QJsonObject {} << "";
    // Expenses: speaker fees are fees; other spend is held to the approved budget (budget_overrun).
    QTest::newRow("a speaker fee expense added (1 fen)")
        << "expense+" << QJsonObject {{"category", "speaker_fee"}, {"amount_minor", 1}} << "fee_raised";
    QTest::newRow("a speaker fee expense of 0 added")
        << "expense+" << QJsonObject {{"category", "speaker_fee"}, {"amount_minor", 0}} << "";
    QTest::newRow("an expense turned into a speaker fee")
        << "expense" << QJsonObject {{"category", "speaker_fee"}} << "fee_raised";
    QTest::newRow("the venue expense raised by 1 fen")
        << "expense" << QJsonObject {{"amount_minor", 10001}} << "";
    QTest::newRow("a catering expense added")
        << "expense+" << QJsonObject {{"category", "catering"}, {"amount_minor", 5000}} << "";
    QTest::newRow("the start moved by a minute")
        << "meeting" << QJsonObject {{"starts_at", "2026-12-05T10:01:00Z"}} << "date_moved";
    QTest::newRow("the end moved") << "meeting" << QJsonObject {{"ends_at", "2026-12-05T13:00:00Z"}}
                                   << "date_moved";
    QTest::newRow("the same start sent again (other offset)")
        << "meeting" << QJsonObject {{"starts_at", "2026-12-05T18:00:00+08:00"}} << "";
    QTest::newRow("the venue changed") << "meeting" << QJsonObject {{"venue", "二楼会议室"}} << "";
}

void TestServerMeetings::materialChangeSendsBack()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, change);
    QFETCH(QString, reason);
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting m = cleanMeeting(4);
    QCOMPARE(push(rep, QStringLiteral("meeting"), m.id, {{"ends_at", "2026-12-05T12:00:00Z"}})
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(
        walk(m.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}), QString());
    const qint64 approvedVersion = storedVersion(m.id);
    QJsonObject r;
    if (entity == QLatin1String("meeting")) {
        r = push(rep, QStringLiteral("meeting"), m.id, change);
    } else if (entity == QLatin1String("attendee-")) {
        r = push(rep, QStringLiteral("meeting_attendee"), m.attendee, {}, QStringLiteral("delete"));
    } else {
        const bool attendee = entity.startsWith(QLatin1String("attendee"));
        QString id = attendee ? m.attendee : m.expense;
        if (entity.endsWith(QLatin1Char('+'))) {
            id = newId();
            change.insert("meeting_id", m.id);
            if (attendee)
                change.insert("hcp_id", m_hcps.value(5));
            else
                change.insert("evidence", "ab");
        }
        r = push(rep, attendee ? QStringLiteral("meeting_attendee") : QStringLiteral("meeting_expense"), id,
            change);
    }
    QVERIFY2(r.value("status").toString() != QLatin1String("rejected"), qPrintable(outcome(r)));
    const QJsonObject meeting = stored(m.id);
    if (reason.isEmpty()) {
        QCOMPARE(meeting.value("status").toString(), QStringLiteral("approved"));
        QVERIFY(meeting.value("resubmit_reason").isNull() || meeting.value("resubmit_reason").isUndefined());
        if (entity != QLatin1String("meeting"))
            QCOMPARE(storedVersion(m.id), approvedVersion);
        return;
    }
    QCOMPARE(meeting.value("status").toString(), QStringLiteral("submitted"));
    QCOMPARE(meeting.value("resubmit_reason").toString(), reason);
    QVERIFY(storedVersion(m.id) > approvedVersion);
    if (entity == QLatin1String("meeting")) {
        // The pushing client learns at once what the server made of its change.
        QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
        QCOMPARE(r.value("record").toObject().value("status").toString(), QStringLiteral("submitted"));
    }
    // Every client of the territory gets the meeting back as submitted, with the reason.
    bool pulled = false;
    for (const QJsonObject &rec :
        recordsOf(m_server.pullAll(token(QStringLiteral("manager.sh"))).changes, QStringLiteral("meeting"))) {
        if (rec.value("id").toString() == m.id) {
            pulled = true;
            QCOMPARE(rec.value("status").toString(), QStringLiteral("submitted"));
            QCOMPARE(rec.value("resubmit_reason").toString(), reason);
        }
    }
    QVERIFY(pulled);
}

void TestServerMeetings::sentBackMeetingIsDecidedAgain()
{
    const QString rep = QStringLiteral("rep.sh01");
    const Meeting m = cleanMeeting(5);
    QCOMPARE(
        walk(m.id, {QStringLiteral("rep.sh01:submitted"), QStringLiteral("manager.sh:approved")}), QString());
    // Moved and held in one push: held needs the new decision first.
    QJsonObject r = push(
        rep, QStringLiteral("meeting"), m.id, {{"starts_at", "2026-12-06T10:00:00Z"}, {"status", "held"}});
    QCOMPARE(outcome(r), QStringLiteral("forbidden"));
    QCOMPARE(stored(m.id).value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(outcome(push(rep, QStringLiteral("meeting_attendee"), m.attendee, {{"role", "speaker"}})),
        QStringLiteral("applied"));
    QCOMPARE(stored(m.id).value("status").toString(), QStringLiteral("submitted"));
    // The manager decides on the version the server sent back, not on the one they approved.
    r = setStatus(QStringLiteral("manager.sh"), m.id, QStringLiteral("approved"));
    QCOMPARE(outcome(r), QStringLiteral("conflict"));
    QCOMPARE(
        r.value("record").toObject().value("resubmit_reason").toString(), QStringLiteral("speaker_added"));
    m_versions.insert(m.id, storedVersion(m.id));
    // Nor is it held on the current version: submitted → held is no transition.
    QCOMPARE(outcome(setStatus(rep, m.id, QStringLiteral("held"))), QStringLiteral("invalid_request"));
    QCOMPARE(outcome(setStatus(QStringLiteral("manager.sh"), m.id, QStringLiteral("approved"))),
        QStringLiteral("merged"));
    const QJsonObject now = stored(m.id);
    QCOMPARE(now.value("status").toString(), QStringLiteral("approved"));
    QVERIFY(now.value("resubmit_reason").isNull()); // answered by the decision
    QCOMPARE(outcome(setStatus(rep, m.id, QStringLiteral("held"))), QStringLiteral("applied"));
}

QTEST_GUILESS_MAIN(TestServerMeetings)
#include "tst_servermeetings.moc"
