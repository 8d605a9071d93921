// The meeting compliance rules (common/compliance): every rule at, below and above its limit, the
// statuses at which a block refuses, the severity switch, and the `compliance.rules` setting.
#include "common/compliance/rules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <limits>

using namespace rounds::compliance;

Q_DECLARE_METATYPE(rounds::compliance::MeetingFacts)

namespace {

Attendee hcp(const QString &id, const QString &tier = QStringLiteral("C"), std::int64_t fee = 0,
    bool signedIn = true, const QString &role = QStringLiteral("attendee"))
{
    Attendee a;
    a.id = id;
    a.kind = QStringLiteral("hcp");
    a.hcpId = QStringLiteral("hcp-") + id;
    a.name = QStringLiteral("Dr ") + id;
    a.tier = tier;
    a.feeMinor = fee;
    a.signedIn = signedIn;
    a.role = role;
    return a;
}

Attendee other(const QString &id, const QString &kind, bool signedIn = true)
{
    Attendee a;
    a.id = id;
    a.kind = kind;
    a.name = id;
    a.signedIn = signedIn;
    return a;
}

Expense expense(const QString &category, std::int64_t amount,
    const QString &evidence = QStringLiteral("ab12"), const QString &status = QStringLiteral("actual"))
{
    Expense e;
    e.id = category + QString::number(amount);
    e.category = category;
    e.amountMinor = amount;
    e.evidence = evidence;
    e.status = status;
    return e;
}

MeetingFacts meeting(const QString &status, int attendees, std::int64_t budget = 100000000)
{
    MeetingFacts m;
    m.id = QStringLiteral("m1");
    m.status = status;
    m.budgetMinor = budget;
    for (int i = 0; i < attendees; ++i)
        m.attendees << hcp(QString::number(i + 1));
    return m;
}

QStringList codes(const QList<Violation> &vs, bool blockingOnly = false)
{
    QStringList out;
    for (const Violation &v : vs) {
        if (!blockingOnly || v.blocking)
            out << v.code();
    }
    return out;
}

} // namespace

class TestCompliance final : public QObject
{
    Q_OBJECT

private slots:
    void rules_data();
    void rules();
    void blockingByStatus_data();
    void blockingByStatus();
    void severitySwitch();
    void figuresAndMessages();
    void shownFigureNeverEqualsTheLimit_data();
    void shownFigureNeverEqualsTheLimit();
    void yearlyTransfersCountShares();
    void config_data();
    void config();
    void configRoundTrip();
};

void TestCompliance::rules_data()
{
    QTest::addColumn<MeetingFacts>("facts");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("violated");

    const QString catering = QStringLiteral("catering_per_head");
    {
        // Planned: 10 attendees, cap 200 CNY each → 2,000 CNY allowed.
        MeetingFacts m = meeting(QStringLiteral("submitted"), 10);
        m.expenses << expense(QStringLiteral("catering"), 199999);
        QTest::newRow("catering below cap (planned heads)") << m << catering << false;
        m.expenses[0].amountMinor = 200000;
        QTest::newRow("catering at cap (planned heads)") << m << catering << false;
        m.expenses[0].amountMinor = 200001;
        QTest::newRow("catering above cap (planned heads)") << m << catering << true;
    }
    {
        // Held: only the 4 signed-in attendees of 10 count → 800 CNY allowed.
        MeetingFacts m = meeting(QStringLiteral("held"), 10);
        for (int i = 4; i < 10; ++i)
            m.attendees[i].signedIn = false;
        m.expenses << expense(QStringLiteral("catering"), 80000);
        QTest::newRow("catering at cap (signed-in heads)") << m << catering << false;
        m.expenses[0].amountMinor = 80001;
        QTest::newRow("catering above cap (signed-in heads)") << m << catering << true;
        m.expenses[0].category = QStringLiteral("venue");
        QTest::newRow("catering: other categories do not count") << m << catering << false;
    }

    const QString fee = QStringLiteral("speaker_fee");
    const struct
    {
        const char *tier;
        std::int64_t cap;
    } caps[] = {{"A", 300000}, {"B", 200000}, {"C", 100000}, {"D", 100000}, {"", 100000}};
    for (const auto &c : caps) {
        for (int delta : {-1, 0, 1}) {
            MeetingFacts m = meeting(QStringLiteral("submitted"), 1);
            m.attendees[0] = hcp(QStringLiteral("s"), QString::fromLatin1(c.tier), c.cap + delta, false,
                QStringLiteral("speaker"));
            QTest::addRow("speaker fee tier '%s' %s cap", c.tier,
                delta < 0        ? "below"
                    : delta == 0 ? "at"
                                 : "above")
                << m << fee << (delta > 0);
        }
    }

    {
        // One HCP on several rows is one person: the fees of the rows add up against the tier cap.
        MeetingFacts m = meeting(QStringLiteral("approved"), 1);
        m.attendees[0]
            = hcp(QStringLiteral("s"), QStringLiteral("C"), 50000, true, QStringLiteral("speaker"));
        Attendee again = m.attendees[0];
        again.id = QStringLiteral("s2");
        again.feeMinor = 50000;
        m.attendees << again;
        QTest::newRow("speaker fee: two rows of one HCP at the cap together") << m << fee << false;
        m.attendees[1].feeMinor = 50001;
        QTest::newRow("speaker fee: two rows of one HCP above the cap together") << m << fee << true;
        m.attendees[1].hcpId = QStringLiteral("hcp-other");
        QTest::newRow("speaker fee: the same fees to two HCPs") << m << fee << false;
    }
    {
        // Catering per head: an HCP named twice is one head (3 rows, 2 people → 400 CNY allowed).
        MeetingFacts m = meeting(QStringLiteral("submitted"), 2);
        Attendee twice = m.attendees[0];
        twice.id = QStringLiteral("dup");
        m.attendees << twice;
        m.expenses << expense(QStringLiteral("catering"), 40000);
        QTest::newRow("catering: a duplicate row is no extra head (at cap)") << m << catering << false;
        m.expenses[0].amountMinor = 40001;
        QTest::newRow("catering: a duplicate row is no extra head (above)") << m << catering << true;
    }

    const QString staff = QStringLiteral("staff_share");
    {
        // 10 heads, 10% → 1 staff allowed.
        MeetingFacts m = meeting(QStringLiteral("submitted"), 9);
        m.attendees << other(QStringLiteral("staff1"), QStringLiteral("staff"));
        QTest::newRow("staff at share (1 of 10)") << m << staff << false;
        m.attendees.removeLast();
        m.attendees << other(QStringLiteral("walkin"), QStringLiteral("walk_in"));
        QTest::newRow("staff below share (0 of 10)") << m << staff << false;
        m.attendees.removeLast();
        m.attendees.removeLast();
        m.attendees << other(QStringLiteral("staff1"), QStringLiteral("staff"))
                    << other(QStringLiteral("staff2"), QStringLiteral("staff"));
        QTest::newRow("staff above share (2 of 10)") << m << staff << true;
    }

    const QString signedIn = QStringLiteral("signed_in_before_held");
    {
        MeetingFacts m = meeting(QStringLiteral("held"), 3);
        for (Attendee &a : m.attendees)
            a.signedIn = false;
        QTest::newRow("held with nobody signed in") << m << signedIn << true;
        m.attendees[1].signedIn = true;
        QTest::newRow("held with one signed in (the limit)") << m << signedIn << false;
        m.attendees[0].signedIn = true;
        QTest::newRow("held with two signed in") << m << signedIn << false;
        for (Attendee &a : m.attendees)
            a.signedIn = false;
        m.status = QStringLiteral("approved");
        QTest::newRow("approved: nobody signed in yet is fine") << m << signedIn << false;
    }

    const QString evidence = QStringLiteral("evidence_before_closed");
    {
        MeetingFacts m = meeting(QStringLiteral("closed"), 3);
        m.expenses << expense(QStringLiteral("venue"), 1000) << expense(QStringLiteral("material"), 500);
        QTest::newRow("closed, every expense with evidence") << m << evidence << false;
        m.expenses[1].evidence = QStringLiteral("  ");
        QTest::newRow("closed, one expense without evidence") << m << evidence << true;
        m.expenses[1].amountMinor = 0;
        QTest::newRow("closed, a zero expense needs none") << m << evidence << false;
    }

    const QString yearly = QStringLiteral("yearly_transfers");
    {
        // Default cap 10,000 CNY: 9,000 earlier this year + a 1,000 CNY fee (tier A) here.
        MeetingFacts m = meeting(QStringLiteral("submitted"), 1);
        m.attendees[0]
            = hcp(QStringLiteral("s"), QStringLiteral("A"), 100000, false, QStringLiteral("speaker"));
        m.otherTransfers.insert(QStringLiteral("hcp-s"), 899999);
        QTest::newRow("yearly transfers below cap") << m << yearly << false;
        m.otherTransfers.insert(QStringLiteral("hcp-s"), 900000);
        QTest::newRow("yearly transfers at cap") << m << yearly << false;
        m.otherTransfers.insert(QStringLiteral("hcp-s"), 900001);
        QTest::newRow("yearly transfers above cap") << m << yearly << true;
        // Five rows of 2,000 CNY to one tier-A HCP (each under the speaker cap by itself) with nothing
        // else this year: 10,000 CNY is at the yearly cap, one fen more on a sixth row is above it.
        MeetingFacts rows = meeting(QStringLiteral("approved"), 0);
        for (int i = 0; i < 5; ++i) {
            Attendee a
                = hcp(QStringLiteral("s"), QStringLiteral("A"), 200000, false, QStringLiteral("speaker"));
            a.id = QStringLiteral("row%1").arg(i);
            rows.attendees << a;
        }
        QTest::newRow("yearly transfers: rows of one HCP add up (at cap)") << rows << yearly << false;
        rows.attendees << rows.attendees[0];
        rows.attendees.last().id = QStringLiteral("row5");
        rows.attendees.last().feeMinor = 1;
        QTest::newRow("yearly transfers: rows of one HCP add up (above cap)") << rows << yearly << true;
    }

    const QString budget = QStringLiteral("budget_overrun");
    {
        // Budget 1,000 CNY, tolerance 10% → 1,100 CNY.
        MeetingFacts m = meeting(QStringLiteral("closed"), 5, 100000);
        m.expenses << expense(QStringLiteral("venue"), 109999);
        QTest::newRow("spend below budget + tolerance") << m << budget << false;
        m.expenses[0].amountMinor = 110000;
        QTest::newRow("spend at budget + tolerance") << m << budget << false;
        m.expenses[0].amountMinor = 110001;
        QTest::newRow("spend above budget + tolerance") << m << budget << true;
        m.expenses << expense(
            QStringLiteral("venue"), 50000, QStringLiteral("x"), QStringLiteral("estimated"));
        m.expenses[0].amountMinor = 100000;
        m.status = QStringLiteral("held");
        QTest::newRow("held: estimates are not spend yet") << m << budget << false;
        m.status = QStringLiteral("closed");
        QTest::newRow("closed: an estimate left on the meeting counts") << m << budget << true;
        m.status = QStringLiteral("submitted");
        QTest::newRow("planning: every expense counts") << m << budget << true;
    }
    {
        // Figures so large that spend × 100 leaves int64: compared without overflowing.
        MeetingFacts m = meeting(QStringLiteral("closed"), 1, 100000000000000000LL); // 10^17
        m.expenses << expense(QStringLiteral("venue"), 110000000000000000LL);
        QTest::newRow("huge: spend at budget + tolerance") << m << budget << false;
        m.expenses[0].amountMinor += 1;
        QTest::newRow("huge: spend above budget + tolerance") << m << budget << true;
        m.budgetMinor = 1000;
        m.expenses[0].amountMinor = std::numeric_limits<std::int64_t>::max() / 2;
        m.expenses << m.expenses[0] << m.expenses[0];
        QTest::newRow("huge: a sum of expenses beyond int64 is above any budget") << m << budget << true;
    }
}

void TestCompliance::rules()
{
    QFETCH(MeetingFacts, facts);
    QFETCH(QString, rule);
    QFETCH(bool, violated);
    const QStringList found = codes(evaluate(Config {}, facts));
    QCOMPARE(found.contains(rule), violated);
}

void TestCompliance::blockingByStatus_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("manager");
    QTest::addColumn<QStringList>("blocking");

    const QStringList planning {QStringLiteral("catering_per_head"), QStringLiteral("speaker_fee"),
        QStringLiteral("yearly_transfers")};
    QTest::newRow("draft: nothing blocks") << QStringLiteral("draft") << false << QStringList();
    QTest::newRow("rejected: nothing blocks") << QStringLiteral("rejected") << false << QStringList();
    QTest::newRow("cancelled: nothing blocks") << QStringLiteral("cancelled") << false << QStringList();
    QTest::newRow("submitted: the planning rules") << QStringLiteral("submitted") << false << planning;
    QTest::newRow("approved: the planning rules") << QStringLiteral("approved") << false << planning;
    QTest::newRow("held: + sign-in") << QStringLiteral("held") << false
                                     << planning + QStringList {QStringLiteral("signed_in_before_held")};
    QTest::newRow("closed by the owner: all") << QStringLiteral("closed") << false
                                              << planning
            + QStringList {QStringLiteral("signed_in_before_held"), QStringLiteral("evidence_before_closed"),
                QStringLiteral("budget_overrun")};
    QTest::newRow("closed by a manager: budget re-approved") << QStringLiteral("closed") << true
                                                             << planning
            + QStringList {QStringLiteral("signed_in_before_held"), QStringLiteral("evidence_before_closed")};
}

void TestCompliance::blockingByStatus()
{
    QFETCH(QString, status);
    QFETCH(bool, manager);
    QFETCH(QStringList, blocking);
    // One meeting that breaks every block rule (staff share is warn by default).
    MeetingFacts m = meeting(status, 1, 1000);
    m.attendees[0] = hcp(QStringLiteral("s"), QStringLiteral("B"), 1100000, false, QStringLiteral("speaker"));
    m.expenses << expense(QStringLiteral("catering"), 500000, QString());
    m.expenses[0].status = QStringLiteral("actual");
    m.attendees << other(QStringLiteral("staff"), QStringLiteral("staff"), false);
    Config config;
    config.cateringPerHeadCap = 1000;
    const QList<Violation> vs = evaluate(config, m, manager ? Actor::Manager : Actor::Owner);
    QStringList got = codes(vs, true);
    got.sort();
    blocking.sort();
    QCOMPARE(got, blocking);
    for (const Violation &v : vs)
        QVERIFY2(v.rule != Rule::StaffShare || !v.blocking, "staff share is a warning by default");
}

void TestCompliance::severitySwitch()
{
    MeetingFacts m = meeting(QStringLiteral("submitted"), 1);
    m.attendees[0].feeMinor = 100001; // tier C
    Config config;
    QList<Violation> vs = evaluate(config, m);
    QCOMPARE(vs.size(), 1);
    QCOMPARE(vs[0].severity, Severity::Block);
    QVERIFY(vs[0].blocking);

    config.severities.insert(Rule::SpeakerFee, Severity::Warn);
    vs = evaluate(config, m);
    QCOMPARE(vs.size(), 1);
    QCOMPARE(vs[0].severity, Severity::Warn);
    QVERIFY(!vs[0].blocking);

    config.severities.insert(Rule::SpeakerFee, Severity::Off);
    QVERIFY(evaluate(config, m).isEmpty());

    config.severities.insert(Rule::StaffShare, Severity::Block);
    m.attendees << other(QStringLiteral("st"), QStringLiteral("staff"));
    vs = evaluate(config, m);
    QCOMPARE(codes(vs, true), QStringList {QStringLiteral("staff_share")});
}

void TestCompliance::figuresAndMessages()
{
    MeetingFacts m = meeting(QStringLiteral("submitted"), 3);
    m.expenses << expense(QStringLiteral("catering"), 70000); // 233.333 per head, shown rounded up
    const QList<Violation> vs = evaluate(Config {}, m);
    QCOMPARE(vs.size(), 1);
    QCOMPARE(vs[0].figure, 23334);
    QCOMPARE(vs[0].limit, 20000);
    const QString text = describe(vs[0]);
    QVERIFY2(
        text.contains(QStringLiteral("233.34")) && text.contains(QStringLiteral("200.00")), qPrintable(text));

    MeetingFacts s = meeting(QStringLiteral("submitted"), 1);
    s.attendees[0] = hcp(QStringLiteral("x"), QStringLiteral("B"), 250000, false, QStringLiteral("speaker"));
    const QList<Violation> fee = evaluate(Config {}, s);
    QCOMPARE(fee.size(), 1);
    QCOMPARE(fee[0].subject, QStringLiteral("x"));
    QVERIFY(describe(fee[0]).contains(QStringLiteral("Dr x")));
    QVERIFY(describe(fee[0], QLocale(QLocale::English, QLocale::UnitedStates))
                .contains(QStringLiteral("2,000.00")));
    for (Rule r : allRules())
        QVERIFY(!ruleTitle(r).isEmpty());
}

void TestCompliance::shownFigureNeverEqualsTheLimit_data()
{
    // Each money limit at, just below and just above it: `shown` is the figure as the message writes it
    // (empty: no violation). A figure breaking an "at most" limit is rounded up, away from it.
    QTest::addColumn<MeetingFacts>("facts");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QString>("limit");

    const QString catering = QStringLiteral("catering_per_head");
    const auto withCatering = [](int heads, std::int64_t amount) {
        MeetingFacts m = meeting(QStringLiteral("submitted"), heads);
        m.expenses << expense(QStringLiteral("catering"), amount);
        return m;
    };
    QTest::newRow("catering, 4 heads, just below")
        << withCatering(4, 79999) << catering << QString() << QString();
    QTest::newRow("catering, 4 heads, at the cap")
        << withCatering(4, 80000) << catering << QString() << QString();
    // 200.0025 CNY a head: to the nearest fen it would read 200.00, the cap it breaks.
    QTest::newRow("catering, 4 heads, one fen above")
        << withCatering(4, 80001) << catering << QStringLiteral("200.01") << QStringLiteral("200.00");
    QTest::newRow("catering, 3 heads, one fen above")
        << withCatering(3, 60001) << catering << QStringLiteral("200.01") << QStringLiteral("200.00");
    QTest::newRow("catering, 4 heads, 2.75 fen above")
        << withCatering(4, 80011) << catering << QStringLiteral("200.03") << QStringLiteral("200.00");
    QTest::newRow("catering, no head, one fen above")
        << withCatering(0, 20001) << catering << QStringLiteral("200.01") << QStringLiteral("200.00");

    const QString fee = QStringLiteral("speaker_fee");
    const auto withFee = [](std::int64_t amount) {
        MeetingFacts m = meeting(QStringLiteral("submitted"), 0);
        m.attendees << hcp(
            QStringLiteral("x"), QStringLiteral("B"), amount, false, QStringLiteral("speaker"));
        return m;
    };
    QTest::newRow("speaker fee, just below") << withFee(199999) << fee << QString() << QString();
    QTest::newRow("speaker fee, at the cap") << withFee(200000) << fee << QString() << QString();
    QTest::newRow("speaker fee, one fen above")
        << withFee(200001) << fee << QStringLiteral("2,000.01") << QStringLiteral("2,000.00");

    const QString yearly = QStringLiteral("yearly_transfers");
    const auto withEarlier = [](std::int64_t earlier) {
        MeetingFacts m = meeting(QStringLiteral("submitted"), 0);
        m.attendees << hcp(
            QStringLiteral("s"), QStringLiteral("A"), 100000, false, QStringLiteral("speaker"));
        m.otherTransfers.insert(QStringLiteral("hcp-s"), earlier);
        return m;
    };
    QTest::newRow("yearly transfers, just below") << withEarlier(899999) << yearly << QString() << QString();
    QTest::newRow("yearly transfers, at the cap") << withEarlier(900000) << yearly << QString() << QString();
    QTest::newRow("yearly transfers, one fen above")
        << withEarlier(900001) << yearly << QStringLiteral("10,000.01") << QStringLiteral("10,000.00");

    const QString budget = QStringLiteral("budget_overrun");
    const auto withSpend = [](std::int64_t budgetMinor, std::int64_t spent) {
        MeetingFacts m = meeting(QStringLiteral("closed"), 1, budgetMinor);
        m.expenses << expense(QStringLiteral("venue"), spent);
        return m;
    };
    QTest::newRow("budget, just below") << withSpend(100000, 109999) << budget << QString() << QString();
    QTest::newRow("budget, at the limit") << withSpend(100000, 110000) << budget << QString() << QString();
    QTest::newRow("budget, one fen above")
        << withSpend(100000, 110001) << budget << QStringLiteral("1,100.01") << QStringLiteral("1,100.00");
    // 100.01 CNY + 10 % = 110.011 CNY: 110.01 is within it, 110.02 above.
    QTest::newRow("budget, a limit between fens, below")
        << withSpend(10001, 11001) << budget << QString() << QString();
    QTest::newRow("budget, a limit between fens, above")
        << withSpend(10001, 11002) << budget << QStringLiteral("110.02") << QStringLiteral("110.01");
}

void TestCompliance::shownFigureNeverEqualsTheLimit()
{
    QFETCH(MeetingFacts, facts);
    QFETCH(QString, rule);
    QFETCH(QString, shown);
    QFETCH(QString, limit);
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QList<Violation> found;
    for (const Violation &v : evaluate(Config {}, facts)) {
        if (v.code() == rule)
            found << v;
    }
    if (shown.isEmpty()) {
        QVERIFY(found.isEmpty());
        return;
    }
    QCOMPARE(found.size(), 1);
    QVERIFY(found[0].figure > found[0].limit);
    QCOMPARE(yuan(found[0].figure, english), shown);
    QCOMPARE(yuan(found[0].limit, english), limit);
    const QString text = describe(found[0], english);
    QVERIFY2(text.contains(shown) && text.contains(limit), qPrintable(text));
}

void TestCompliance::yearlyTransfersCountShares()
{
    // 4 planned heads share 2,000 CNY of catering: 500 CNY each on top of the fee.
    MeetingFacts m = meeting(QStringLiteral("submitted"), 4);
    m.expenses << expense(QStringLiteral("catering"), 80000);
    m.attendees[0].feeMinor = 50000;
    QCOMPARE(transferTo(m, m.attendees[0]), 50000 + 20000);
    QCOMPARE(transferTo(m, m.attendees[1]), 20000);
    m.otherTransfers.insert(m.attendees[0].hcpId, 1000000 - 70000);
    QVERIFY(!codes(evaluate(Config {}, m)).contains(QStringLiteral("yearly_transfers")));
    m.otherTransfers.insert(m.attendees[0].hcpId, 1000000 - 70000 + 1);
    QCOMPARE(codes(evaluate(Config {}, m)), QStringList {QStringLiteral("yearly_transfers")});
    // Once held, an attendee who did not sign in gets no share of catering.
    m.status = QStringLiteral("held");
    m.attendees[0].signedIn = false;
    QCOMPARE(transferTo(m, m.attendees[0]), 50000);

    // Per HCP: two rows of one HCP are their two fees and ONE catering share (3 heads, not 4).
    MeetingFacts d = meeting(QStringLiteral("submitted"), 3);
    d.expenses << expense(QStringLiteral("catering"), 90000);
    d.attendees[0].feeMinor = 10000;
    Attendee again = d.attendees[0];
    again.id = QStringLiteral("again");
    again.feeMinor = 5000;
    d.attendees << again;
    QCOMPARE(headCount(d), 3);
    const QHash<QString, std::int64_t> byHcp = transfersByHcp(d);
    QCOMPARE(byHcp.size(), 3);
    QCOMPARE(byHcp.value(d.attendees[0].hcpId), 10000 + 5000 + 30000);
    QCOMPARE(byHcp.value(d.attendees[1].hcpId), 30000);
}

void TestCompliance::config_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<int>("problems");
    QTest::addColumn<qint64>("cateringCap");
    QTest::addColumn<int>("speakerSeverity");

    const int block = int(Severity::Block);
    QTest::newRow("absent: defaults") << QByteArray("null") << 0 << qint64(20000) << block;
    QTest::newRow("empty object: defaults") << QByteArray("{}") << 0 << qint64(20000) << block;
    QTest::newRow("cap and severity set")
        << QByteArray(R"({"catering_per_head":{"cap_minor":15000},"speaker_fee":{"severity":"warn"}})") << 0
        << qint64(15000) << int(Severity::Warn);
    QTest::newRow("not an object") << QByteArray("[1,2]") << 1 << qint64(20000) << block;
    QTest::newRow("negative cap keeps the default")
        << QByteArray(R"({"catering_per_head":{"cap_minor":-5}})") << 1 << qint64(20000) << block;
    QTest::newRow("cap as text keeps the default")
        << QByteArray(R"({"catering_per_head":{"cap_minor":"150"}})") << 1 << qint64(20000) << block;
    QTest::newRow("bad severity, good cap still applies")
        << QByteArray(R"({"speaker_fee":{"severity":"sometimes"},"catering_per_head":{"cap_minor":1}})") << 1
        << qint64(1) << block;
    QTest::newRow("unknown rule and unknown limit")
        << QByteArray(R"({"no_such_rule":{},"catering_per_head":{"cap":1}})") << 2 << qint64(20000) << block;
}

void TestCompliance::config()
{
    QFETCH(QByteArray, json);
    QFETCH(int, problems);
    QFETCH(qint64, cateringCap);
    QFETCH(int, speakerSeverity);
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + json + "]", &err);
    QCOMPARE(err.error, QJsonParseError::NoError);
    QStringList found;
    const Config c = Config::fromJson(doc.array().at(0), &found);
    QCOMPARE(found.size(), problems);
    QCOMPARE(c.cateringPerHeadCap, cateringCap);
    QCOMPARE(int(c.severity(Rule::SpeakerFee)), speakerSeverity);
}

void TestCompliance::configRoundTrip()
{
    Config c;
    c.yearlyTransfersCap = 123400;
    c.budgetTolerancePercent = 25;
    c.speakerFeeCapB = 1;
    c.severities.insert(Rule::StaffShare, Severity::Block);
    QStringList problems;
    const Config back = Config::fromJson(c.toJson(), &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(back.yearlyTransfersCap, 123400);
    QCOMPARE(back.budgetTolerancePercent, 25);
    QCOMPARE(back.speakerFeeCap(QStringLiteral("B")), 1);
    QCOMPARE(back.severity(Rule::StaffShare), Severity::Block);
    QCOMPARE(back.toJson(), c.toJson());
}

QTEST_GUILESS_MAIN(TestCompliance)
#include "tst_compliance.moc"
