// The server's consent rule (docs/privacy.md, Consent; server/consentrules.*) against a real
// rounds-server: a new contact (a visit, an HCP invited to a meeting) is refused with consent_required
// naming the HCP and the channel when the rule blocks, at, below and above the expiry and the validity.

#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QUuid>
#include <QtTest>

using namespace rounds::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODate);
}

} // namespace

class TestServerConsent : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void notRequiredOnlyWithdrawalRefuses();
    void requiredRefusesMissingThenAcceptsAfterCapture();
    void expiryAtBelowAbove_data();
    void expiryAtBelowAbove();
    void validityDaysSetting_data();
    void validityDaysSetting();
    void materialNeedsEmailConsent();
    void invitationNeedsEventConsent();
    void editOfEarlierContactIsNotRefused();
    void scopeAndPull();
    void mergeMovesConsentToTheSurvivor();

private:
    QString token(const QString &user);
    QJsonObject push(const QString &user, const QString &entity, const QString &id, const QJsonObject &set,
        qint64 base = 0);
    void setSetting(const QString &key, const QJsonValue &value);
    QJsonObject consent(const QString &hcp, const QString &channel, const QString &status,
        const QDateTime &captured, const QDateTime &expires = {});
    QJsonObject visit(const QString &hcp, const QString &channel, const QDateTime &at);
    QString freshHcp();

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QHash<QString, QString> m_settingIds;
    QStringList m_hcps;
    int m_nextHcp = 0;
};

void TestServerConsent::initTestCase()
{
    QVERIFY(m_server.createDemo(80, 20, 1, {QStringLiteral("--without-consent")}));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    m_hcps = m_org.hcpsOnlyIn(QStringLiteral("SH-01"));
    QVERIFY(m_hcps.size() >= 10);
}

QString TestServerConsent::token(const QString &user)
{
    if (!m_tokens.contains(user))
        m_tokens.insert(user, m_server.login(user));
    return m_tokens.value(user);
}

QJsonObject TestServerConsent::push(
    const QString &user, const QString &entity, const QString &id, const QJsonObject &set, qint64 base)
{
    const HttpReply r = m_server.push(token(user), QJsonArray {mutation(entity, id, set, base)});
    if (r.status != 200) {
        qWarning("push answered %d: %s", r.status, r.body.constData());
        return {};
    }
    return r.json.value("results").toArray().at(0).toObject();
}

void TestServerConsent::setSetting(const QString &key, const QJsonValue &value)
{
    // One record per key, changed in place (the newest record is in force on both ends).
    if (!m_settingIds.contains(key))
        m_settingIds.insert(key, newId());
    const QString id = m_settingIds.value(key);
    const QJsonObject stored = m_server.storedRecord(id);
    const qint64 base = stored.isEmpty()
        ? 0
        : m_server.scalar(QStringLiteral("SELECT version FROM records WHERE id = ?1"), {id});
    const QJsonObject r = push(QStringLiteral("admin"), QStringLiteral("setting"), id,
        QJsonObject {{"key", key}, {"value", value}}, base);
    QVERIFY2(r.value("status").toString() == QLatin1String("applied"), qPrintable(QJsonDocument(r).toJson()));
}

QJsonObject TestServerConsent::consent(const QString &hcp, const QString &channel, const QString &status,
    const QDateTime &captured, const QDateTime &expires)
{
    return QJsonObject {{"hcp_id", hcp}, {"channel", channel}, {"status", status},
        {"captured_at", iso(captured)}, {"source", "paper_form"}, {"evidence", "form 2026-017"},
        {"expires_at", expires.isValid() ? QJsonValue(iso(expires)) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject TestServerConsent::visit(const QString &hcp, const QString &channel, const QDateTime &at)
{
    return QJsonObject {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"hcp_id", hcp},
        {"rep_id", m_org.user.value(QStringLiteral("rep.sh01"))}, {"channel", channel},
        {"visited_at", iso(at)}, {"status", "draft"}};
}

QString TestServerConsent::freshHcp()
{
    return m_hcps.at(m_nextHcp++);
}

void TestServerConsent::notRequiredOnlyWithdrawalRefuses()
{
    // No consent.required setting (existing companies): a visit without consent is taken as before...
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QCOMPARE(push(rep, "visit", newId(), visit(hcp, "message", now)).value("status").toString(),
        QStringLiteral("applied"));
    // ... but a withdrawal is honoured all the same.
    QCOMPARE(push(rep, "consent", newId(), consent(hcp, "message", "withdrawn", now.addSecs(-60)))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject r = push(rep, "visit", newId(), visit(hcp, "message", now));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    const QJsonObject error = r.value("error").toObject();
    QCOMPARE(error.value("code").toString(), QStringLiteral("consent_required"));
    QCOMPARE(error.value("field").toString(), QStringLiteral("channel"));
    QCOMPARE(error.value("hcp_id").toString(), hcp);
    QCOMPARE(error.value("channel").toString(), QStringLiteral("message"));
    QCOMPARE(error.value("state").toString(), QStringLiteral("withdrawn"));
    // Another channel is not withdrawn.
    QCOMPARE(push(rep, "visit", newId(), visit(hcp, "phone", now)).value("status").toString(),
        QStringLiteral("applied"));
}

void TestServerConsent::requiredRefusesMissingThenAcceptsAfterCapture()
{
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString visitId = newId();
    QJsonObject r = push(rep, "visit", visitId, visit(hcp, "message", now));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("consent_required"));
    QCOMPARE(r.value("error").toObject().value("state").toString(), QStringLiteral("missing"));
    QVERIFY(r.value("error").toObject().value("message").toString().contains(hcp));
    QVERIFY(m_server.storedRecord(visitId).isEmpty());
    // A consent for another channel does not cover it.
    QCOMPARE(push(rep, "consent", newId(), consent(hcp, "phone", "granted", now)).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(push(rep, "visit", visitId, visit(hcp, "message", now)).value("status").toString(),
        QStringLiteral("rejected"));
    // Captured after the visit (the rep asks, then sends again): the resend is accepted.
    QCOMPARE(push(rep, "consent", newId(), consent(hcp, "message", "granted", now.addSecs(120)))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(push(rep, "visit", visitId, visit(hcp, "message", now)).value("status").toString(),
        QStringLiteral("applied"));
}

void TestServerConsent::expiryAtBelowAbove_data()
{
    QTest::addColumn<int>("offsetSecs"); // the visit's time relative to the consent's expires_at
    QTest::addColumn<QString>("expected");
    QTest::newRow("a second before expiry") << -1 << "applied";
    QTest::newRow("at expiry") << 0 << "rejected";
    QTest::newRow("a second after expiry") << 1 << "rejected";
}

void TestServerConsent::expiryAtBelowAbove()
{
    QFETCH(int, offsetSecs);
    QFETCH(QString, expected);
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime captured = QDateTime::currentDateTimeUtc().addDays(-40).toOffsetFromUtc(0);
    const QDateTime expires = captured.addDays(30);
    QCOMPARE(push(rep, "consent", newId(), consent(hcp, "phone", "granted", captured, expires))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject r = push(rep, "visit", newId(), visit(hcp, "phone", expires.addSecs(offsetSecs)));
    QCOMPARE(r.value("status").toString(), expected);
    if (expected == QLatin1String("rejected"))
        QCOMPARE(r.value("error").toObject().value("state").toString(), QStringLiteral("expired"));
}

void TestServerConsent::validityDaysSetting_data()
{
    QTest::addColumn<int>("days"); // the visit's time in days after capture, validity 10 days
    QTest::addColumn<QString>("expected");
    QTest::newRow("day 9") << 9 << "applied";
    QTest::newRow("day 10") << 10 << "rejected";
    QTest::newRow("day 11") << 11 << "rejected";
}

void TestServerConsent::validityDaysSetting()
{
    QFETCH(int, days);
    QFETCH(QString, expected);
    setSetting(QStringLiteral("consent.required"), true);
    setSetting(QStringLiteral("consent.validity_days"), 10);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime captured = QDateTime::currentDateTimeUtc().addDays(-20);
    QCOMPARE(
        push(rep, "consent", newId(), consent(hcp, "remote", "granted", captured)).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(
        push(rep, "visit", newId(), visit(hcp, "remote", captured.addDays(days))).value("status").toString(),
        expected);
    setSetting(QStringLiteral("consent.validity_days"), 365);
}

void TestServerConsent::materialNeedsEmailConsent()
{
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QJsonObject r = push(rep, "visit", newId(), visit(hcp, "material", now));
    QCOMPARE(r.value("error").toObject().value("channel").toString(), QStringLiteral("email"));
    push(rep, "consent", newId(), consent(hcp, "email", "granted", now.addDays(-1)));
    QCOMPARE(push(rep, "visit", newId(), visit(hcp, "material", now)).value("status").toString(),
        QStringLiteral("applied"));
}

void TestServerConsent::invitationNeedsEventConsent()
{
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QString meetingId = newId();
    const QJsonObject m = push(rep, "meeting", meetingId,
        QJsonObject {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
            {"title", "Consent talk"}, {"starts_at", iso(QDateTime::currentDateTimeUtc().addDays(20))},
            {"owner_id", m_org.user.value(QStringLiteral("rep.sh01"))}});
    QCOMPARE(m.value("status").toString(), QStringLiteral("applied"));
    const QJsonObject attendee {{"meeting_id", meetingId}, {"hcp_id", hcp}, {"kind", "hcp"}};
    const QString attendeeId = newId();
    QJsonObject r = push(rep, "meeting_attendee", attendeeId, attendee);
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("consent_required"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("hcp_id"));
    QCOMPARE(r.value("error").toObject().value("channel").toString(), QStringLiteral("event_invitation"));
    // Walk-ins and staff are not invitations of an HCP.
    QCOMPARE(push(rep, "meeting_attendee", newId(),
                 QJsonObject {{"meeting_id", meetingId}, {"kind", "walk_in"}, {"name", "Dr. Walk-in"}})
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    push(rep, "consent", newId(),
        consent(hcp, "event_invitation", "granted", QDateTime::currentDateTimeUtc()));
    QCOMPARE(push(rep, "meeting_attendee", attendeeId, attendee).value("status").toString(),
        QStringLiteral("applied"));
}

void TestServerConsent::editOfEarlierContactIsNotRefused()
{
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString hcp = freshHcp();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    push(rep, "consent", newId(), consent(hcp, "face_to_face", "granted", now.addDays(-2)));
    const QString visitId = newId();
    QJsonObject fields = visit(hcp, "face_to_face", now.addDays(-1));
    QJsonObject r = push(rep, "visit", visitId, fields);
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    push(rep, "consent", newId(), consent(hcp, "face_to_face", "withdrawn", now));
    // Notes of the visit made while consent stood: not a new contact.
    QCOMPARE(push(rep, "visit", visitId, QJsonObject {{"notes", "follow-up written later"}},
                 r.value("version").toInteger())
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    // Moving it to after the withdrawal is.
    const qint64 v2 = m_server.scalar(QStringLiteral("SELECT version FROM records WHERE id = ?1"), {visitId});
    r = push(rep, "visit", visitId, QJsonObject {{"visited_at", iso(now.addSecs(60))}}, v2);
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("state").toString(), QStringLiteral("withdrawn"));
}

void TestServerConsent::scopeAndPull()
{
    // A rep writes consent only for HCPs they cover; the rep who covers the HCP pulls it.
    const QString hcp = m_hcps.last();
    const QString id = newId();
    const QJsonObject other = push(QStringLiteral("rep.hz01"), "consent", id,
        consent(hcp, "wecom", "granted", QDateTime::currentDateTimeUtc()));
    QCOMPARE(other.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(other.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    QCOMPARE(push(QStringLiteral("rep.sh01"), "consent", id,
                 consent(hcp, "wecom", "granted", QDateTime::currentDateTimeUtc()))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QList<QJsonObject> mine
        = recordsOf(m_server.pullAll(token(QStringLiteral("rep.sh01"))).changes, "consent");
    bool found = false;
    for (const QJsonObject &c : mine)
        found = found || c.value("id").toString() == id;
    QVERIFY(found);
    for (const QJsonObject &c :
        recordsOf(m_server.pullAll(token(QStringLiteral("rep.hz01"))).changes, "consent"))
        QVERIFY(c.value("id").toString() != id);
    // An unknown channel is invalid.
    QJsonObject bad = consent(hcp, "fax", "granted", QDateTime::currentDateTimeUtc());
    const QJsonObject r = push(QStringLiteral("rep.sh01"), "consent", newId(), bad);
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("invalid_request"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("channel"));
}

void TestServerConsent::mergeMovesConsentToTheSurvivor()
{
    setSetting(QStringLiteral("consent.required"), true);
    const QString rep = QStringLiteral("rep.sh01");
    const QString loser = freshHcp();
    const QString winner = freshHcp();
    const QString consentId = newId();
    QCOMPARE(push(rep, "consent", consentId,
                 consent(loser, "message", "granted", QDateTime::currentDateTimeUtc().addDays(-1)))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const qint64 version
        = m_server.scalar(QStringLiteral("SELECT version FROM records WHERE id = ?1"), {loser});
    QCOMPARE(push(QStringLiteral("sfe"), "hcp", loser,
                 QJsonObject {{"status", "merged"}, {"merged_into", winner}}, version)
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(m_server.storedRecord(consentId).value("hcp_id").toString(), winner);
    // The survivor's consent is what the duplicate had: a message visit to the survivor is accepted.
    QCOMPARE(push(rep, "visit", newId(), visit(winner, "message", QDateTime::currentDateTimeUtc()))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
}

QTEST_GUILESS_MAIN(TestServerConsent)
#include "tst_serverconsent.moc"
