// The consent rule client and server share (common/protocol/consent.h): each outcome at, below and above
// its limit (expiry, validity, warning days), which records cover a product, the contacts records make.

#include "common/protocol/consent.h"

#include <QtTest>

using namespace rounds::protocol;
using namespace rounds::protocol::consent;

namespace {

const QString kHcp = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kOther = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kProductA = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kProductB = QStringLiteral("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");
const QDateTime kCaptured = QDateTime(QDate(2026, 1, 10), QTime(9, 0), Qt::UTC);

Record rec(const QString &channel, bool granted, const QDateTime &captured, const QDateTime &expires = {},
    const QString &product = {}, const QString &hcp = kHcp)
{
    Record r;
    r.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    r.hcpId = hcp;
    r.channel = channel;
    r.granted = granted;
    r.capturedAt = captured;
    r.expiresAt = expires;
    r.productId = product;
    return r;
}

Rules required(bool on, int validityDays = 365)
{
    Rules r;
    r.required = on;
    r.validityDays = validityDays;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(State)
Q_DECLARE_METATYPE(QList<Record>)

class TestConsent : public QObject
{
    Q_OBJECT
private slots:
    void judge_data();
    void judge();
    void blocksOnlyWithdrawalWhenNotRequired_data();
    void blocksOnlyWithdrawalWhenNotRequired();
    void tracking_data();
    void tracking();
    void expiringSoon_data();
    void expiringSoon();
    void settings_data();
    void settings();
    void contacts();
    void newContact();
    void recordFromFields();
};

void TestConsent::judge_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addColumn<QString>("channel");
    QTest::addColumn<QString>("product");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<State>("expected");
    const QString msg = QStringLiteral("message");
    const QDateTime expires = kCaptured.addDays(30);
    const QList<Record> granted {rec(msg, true, kCaptured, expires)};
    QTest::newRow("none") << QList<Record>() << msg << QString() << kCaptured << State::Missing;
    QTest::newRow("another channel") << granted << QStringLiteral("phone") << QString() << kCaptured
                                     << State::Missing;
    QTest::newRow("another HCP") << QList<Record> {rec(msg, true, kCaptured, {}, {}, kOther)} << msg
                                 << QString() << kCaptured << State::Missing;
    QTest::newRow("granted, a second before expiry") << granted << msg << QString() << expires.addSecs(-1)
                                                     << State::Allowed;
    QTest::newRow("granted, at expiry") << granted << msg << QString() << expires << State::Expired;
    QTest::newRow("granted, after expiry") << granted << msg << QString() << expires.addSecs(1)
                                           << State::Expired;
    // No expires_at: captured_at + validity days (365).
    const QList<Record> open {rec(msg, true, kCaptured)};
    QTest::newRow("default validity, a day before") << open << msg << QString() << kCaptured.addDays(364)
                                                    << State::Allowed;
    QTest::newRow("default validity, at") << open << msg << QString() << kCaptured.addDays(365)
                                          << State::Expired;
    QTest::newRow("default validity, a day after") << open << msg << QString() << kCaptured.addDays(366)
                                                   << State::Expired;
    QTest::newRow("withdrawn") << QList<Record> {rec(msg, false, kCaptured)} << msg << QString()
                               << kCaptured.addDays(1) << State::Withdrawn;
    QTest::newRow("granted, then withdrawn") << QList<Record> {rec(msg, true, kCaptured),
        rec(msg, false, kCaptured.addDays(2))} << msg << QString() << kCaptured.addDays(3)
                                             << State::Withdrawn;
    QTest::newRow("withdrawn, then renewed") << QList<Record> {rec(msg, false, kCaptured),
        rec(msg, true, kCaptured.addDays(2))} << msg << QString() << kCaptured.addDays(3) << State::Allowed;
    QTest::newRow("tie: the withdrawal wins") << QList<Record> {rec(msg, true, kCaptured),
        rec(msg, false, kCaptured)} << msg << QString() << kCaptured << State::Withdrawn;
    QTest::newRow("expired, then renewed") << QList<Record> {rec(msg, true, kCaptured, expires),
        rec(msg, true, expires.addDays(1))} << msg << QString() << expires.addDays(2) << State::Allowed;
    // Products: a product's own consent and the product-wide ones cover it; another product's does not.
    QTest::newRow("product: its own grant") << QList<Record> {rec(msg, true, kCaptured, {}, kProductA)}
                                            << msg << kProductA << kCaptured << State::Allowed;
    QTest::newRow("product: another's grant") << QList<Record> {rec(msg, true, kCaptured, {}, kProductB)}
                                              << msg << kProductA << kCaptured << State::Missing;
    QTest::newRow("product: channel-wide grant") << QList<Record> {rec(msg, true, kCaptured)} << msg
                                                 << kProductA << kCaptured << State::Allowed;
    QTest::newRow("product: channel-wide withdrawal after its grant")
        << QList<Record> {rec(msg, true, kCaptured, {}, kProductA), rec(msg, false, kCaptured.addDays(1))}
        << msg << kProductA << kCaptured.addDays(2) << State::Withdrawn;
    QTest::newRow("product: another product withdrawn")
        << QList<Record> {rec(msg, true, kCaptured, {}, kProductA), rec(msg, false, kCaptured.addDays(1), {}, kProductB)}
        << msg << kProductA << kCaptured.addDays(2) << State::Allowed;
}

void TestConsent::judge()
{
    QFETCH(QList<Record>, records);
    QFETCH(QString, channel);
    QFETCH(QString, product);
    QFETCH(QDateTime, at);
    QFETCH(State, expected);
    const Verdict v = consent::judge(records, kHcp, channel, product, at, required(true));
    QCOMPARE(stateName(v.state), stateName(expected));
    QCOMPARE(v.blocks, expected != State::Allowed);
    QCOMPARE(v.deciding.has_value(), expected != State::Missing);
}

void TestConsent::blocksOnlyWithdrawalWhenNotRequired_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("blocks");
    const QString msg = QStringLiteral("message");
    QTest::newRow("missing") << QList<Record>() << kCaptured << false;
    QTest::newRow("expired") << QList<Record> {rec(msg, true, kCaptured, kCaptured.addDays(1))}
                             << kCaptured.addDays(2) << false;
    QTest::newRow("withdrawn") << QList<Record> {rec(msg, false, kCaptured)} << kCaptured << true;
}

void TestConsent::blocksOnlyWithdrawalWhenNotRequired()
{
    QFETCH(QList<Record>, records);
    QFETCH(QDateTime, at);
    QFETCH(bool, blocks);
    QCOMPARE(consent::judge(records, kHcp, QStringLiteral("message"), {}, at, required(false)).blocks, blocks);
}

void TestConsent::tracking_data()
{
    QTest::addColumn<QList<Record>>("records");
    QTest::addColumn<bool>("consentRequired");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<bool>("allowed");
    const QList<Record> withdrawn {rec(ActivityTracking, true, kCaptured),
        rec(ActivityTracking, false, kCaptured.addDays(5))};
    QTest::newRow("granted") << QList<Record> {rec(ActivityTracking, true, kCaptured)} << true
                             << kCaptured.addDays(1) << true;
    QTest::newRow("a time before the withdrawal: the newest decides") << withdrawn << true << kCaptured.addDays(4) << false;
    QTest::newRow("after the withdrawal") << withdrawn << true << kCaptured.addDays(6) << false;
    QTest::newRow("withdrawn, consent not required") << withdrawn << false << kCaptured.addDays(6) << false;
    QTest::newRow("missing, required") << QList<Record>() << true << kCaptured << false;
    QTest::newRow("missing, not required") << QList<Record>() << false << kCaptured << true;
    QTest::newRow("other channel withdrawn") << QList<Record> {rec(QStringLiteral("email"), false, kCaptured)}
                                             << false << kCaptured << true;
}

void TestConsent::tracking()
{
    QFETCH(QList<Record>, records);
    QFETCH(bool, consentRequired);
    QFETCH(QDateTime, at);
    QFETCH(bool, allowed);
    QCOMPARE(trackingAllowed(records, kHcp, at, required(consentRequired)), allowed);
}

void TestConsent::expiringSoon_data()
{
    QTest::addColumn<int>("daysLeft");
    QTest::addColumn<bool>("soon");
    QTest::newRow("31 days left") << 31 << false;
    QTest::newRow("30 days left") << 30 << true;
    QTest::newRow("29 days left") << 29 << true;
    QTest::newRow("ended") << 0 << false;
}

void TestConsent::expiringSoon()
{
    QFETCH(int, daysLeft);
    QFETCH(bool, soon);
    const QDateTime now = kCaptured.addDays(100);
    const QList<Record> records {rec(QStringLiteral("phone"), true, kCaptured, now.addDays(daysLeft))};
    const Rules rules = required(true);
    QCOMPARE(rules.warningDays, 30);
    const Verdict v = consent::judge(records, kHcp, QStringLiteral("phone"), {}, now, rules);
    QCOMPARE(consent::expiringSoon(v, now, rules), soon);
}

void TestConsent::settings_data()
{
    QTest::addColumn<QJsonValue>("required");
    QTest::addColumn<QJsonValue>("validity");
    QTest::addColumn<QJsonValue>("warning");
    QTest::addColumn<bool>("expectRequired");
    QTest::addColumn<int>("expectValidity");
    QTest::addColumn<int>("expectWarning");
    const QJsonValue none(QJsonValue::Undefined);
    QTest::newRow("absent: defaults") << none << none << none << false << 365 << 30;
    QTest::newRow("set") << QJsonValue(true) << QJsonValue(180) << QJsonValue(14) << true << 180 << 14;
    QTest::newRow("lowest") << QJsonValue(false) << QJsonValue(1) << QJsonValue(0) << false << 1 << 0;
    QTest::newRow("below lowest") << QJsonValue(false) << QJsonValue(0) << QJsonValue(-1) << false << 365 << 30;
    QTest::newRow("highest") << QJsonValue(true) << QJsonValue(3650) << QJsonValue(365) << true << 3650 << 365;
    QTest::newRow("above highest") << QJsonValue(true) << QJsonValue(3651) << QJsonValue(366) << true << 365
                                   << 30;
    QTest::newRow("malformed") << QJsonValue(QStringLiteral("yes")) << QJsonValue(1.5)
                               << QJsonValue(QStringLiteral("30")) << false << 365 << 30;
}

void TestConsent::settings()
{
    QFETCH(QJsonValue, required);
    QFETCH(QJsonValue, validity);
    QFETCH(QJsonValue, warning);
    const Rules r = Rules::fromSettings(required, validity, warning);
    QTEST(r.required, "expectRequired");
    QTEST(r.validityDays, "expectValidity");
    QTEST(r.warningDays, "expectWarning");
}

void TestConsent::contacts()
{
    const QJsonObject visit {{QStringLiteral("hcp_id"), kHcp}, {QStringLiteral("channel"), QStringLiteral("message")},
        {QStringLiteral("visited_at"), QStringLiteral("2026-03-01T02:00:00Z")}};
    const std::optional<Contact> c = contactOf(QStringLiteral("visit"), visit);
    QVERIFY(c);
    QCOMPARE(c->hcpId, kHcp);
    QCOMPARE(c->channel, QStringLiteral("message"));
    QCOMPARE(c->at, QDateTime(QDate(2026, 3, 1), QTime(2, 0), Qt::UTC));
    QCOMPARE(c->field, QStringLiteral("channel"));
    QJsonObject material = visit;
    material.insert(QStringLiteral("channel"), QStringLiteral("material"));
    QCOMPARE(contactOf(QStringLiteral("visit"), material)->channel, QStringLiteral("email"));

    QJsonObject attendee {{QStringLiteral("hcp_id"), kHcp}, {QStringLiteral("kind"), QStringLiteral("hcp")}};
    QCOMPARE(contactOf(QStringLiteral("meeting_attendee"), attendee)->channel, EventInvitation);
    QVERIFY(!contactOf(QStringLiteral("meeting_attendee"), attendee)->at.isValid());
    attendee.insert(QStringLiteral("kind"), QStringLiteral("walk_in"));
    QVERIFY(!contactOf(QStringLiteral("meeting_attendee"), attendee));
    QVERIFY(!contactOf(QStringLiteral("visit_plan"), visit));
    QVERIFY(!contactOf(QStringLiteral("visit"), QJsonObject {{QStringLiteral("channel"), QStringLiteral("phone")}}));
    QCOMPARE(channels().size(), 8);
    QVERIFY(channels().contains(ActivityTracking));
}

void TestConsent::newContact()
{
    const QString v = QStringLiteral("visit");
    const QJsonObject visit {{QStringLiteral("hcp_id"), kHcp}, {QStringLiteral("channel"), QStringLiteral("message")},
        {QStringLiteral("visited_at"), QStringLiteral("2026-03-01T02:00:00Z")},
        {QStringLiteral("notes"), QStringLiteral("a")}};
    QVERIFY(isNewContact(v, std::nullopt, visit));
    QJsonObject notes = visit;
    notes.insert(QStringLiteral("notes"), QStringLiteral("b"));
    QVERIFY(!isNewContact(v, visit, notes));
    QJsonObject channel = visit;
    channel.insert(QStringLiteral("channel"), QStringLiteral("phone"));
    QVERIFY(isNewContact(v, visit, channel));
    QJsonObject moved = visit;
    moved.insert(QStringLiteral("visited_at"), QStringLiteral("2026-03-02T02:00:00Z"));
    QVERIFY(isNewContact(v, visit, moved));
    QJsonObject other = visit;
    other.insert(QStringLiteral("hcp_id"), kOther);
    QVERIFY(isNewContact(v, visit, other));
    QVERIFY(!isNewContact(QStringLiteral("hcp_tag"), std::nullopt, visit));
}

void TestConsent::recordFromFields()
{
    const Record r = Record::fromFields(QStringLiteral("x"),
        QJsonObject {{QStringLiteral("hcp_id"), kHcp}, {QStringLiteral("channel"), QStringLiteral("email")},
            {QStringLiteral("product_id"), QJsonValue(QJsonValue::Null)},
            {QStringLiteral("status"), QStringLiteral("granted")},
            {QStringLiteral("captured_at"), QStringLiteral("2026-01-10T17:00:00+08:00")},
            {QStringLiteral("source"), QStringLiteral("paper_form")},
            {QStringLiteral("evidence"), QStringLiteral("form 17")}});
    QVERIFY(r.granted);
    QVERIFY(r.productId.isEmpty());
    QCOMPARE(r.capturedAt, kCaptured);
    QVERIFY(!r.expiresAt.isValid());
    QCOMPARE(r.effectiveExpiry(365), kCaptured.addDays(365));
    QCOMPARE(r.evidence, QStringLiteral("form 17"));
}

QTEST_GUILESS_MAIN(TestConsent)
#include "tst_consent.moc"
