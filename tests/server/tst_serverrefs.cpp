#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QJsonDocument>
#include <QUuid>

#include <QtTest>

using namespace rounds::test;

// Writes checked against what they name (docs/sync-protocol.md): every reference a change writes names
// a record that exists and that the user can see; an unknown id and one outside the user's scope get the
// same answer, byte for byte, naming no territory; nothing refused reaches another territory's feed. And
// a submitted visit takes no detail, new, changed or removed.
class TestServerRefs : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void eachReferenceIsChecked_data();
    void eachReferenceIsChecked();
    void recordIdsAreAnsweredAlike_data();
    void recordIdsAreAnsweredAlike();
    void sfeNamesAnyRecordThatExists();
    void aKeptReferenceStaysValidAfterItsHcpMoves();
    void aSubmittedVisitTakesNoDetail();
    void detailsRideInThePushThatSubmits();
    void nothingRefusedReachesAnotherTerritory();

private:
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    QString tokenOf(const QString &username);
    QJsonObject pushOne(const QString &user, const QJsonObject &m);
    QString applied(const QString &user, const QString &entity, const QJsonObject &set);
    // The mutation of `entity` whose reference `field` names `target`, by `user`.
    QJsonObject writing(
        const QString &user, const QString &entity, const QString &field, const QString &target);
    static QByteArray errorBytes(const QJsonObject &result)
    {
        return QJsonDocument(result.value("error").toObject()).toJson(QJsonDocument::Compact);
    }

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    // Fixtures: per territory code, an institution and an HCP aligned there alone, a draft visit and a
    // draft meeting of its rep.
    QHash<QString, QString> m_institution, m_hcp, m_visit, m_meeting;
    QStringList m_refused; // ids of records whose creation was refused
    QJsonObject m_hzCursors; // rep.hz01's feed before the refusals
};

QString TestServerRefs::tokenOf(const QString &username)
{
    return m_tokens.value(username); // signed in once, by initTestCase
}

QJsonObject TestServerRefs::pushOne(const QString &user, const QJsonObject &m)
{
    const HttpReply r = m_server.push(tokenOf(user), QJsonArray {m});
    const QJsonArray results = r.json.value("results").toArray();
    return r.status == 200 && results.size() == 1 ? results.first().toObject() : QJsonObject();
}

QString TestServerRefs::applied(const QString &user, const QString &entity, const QJsonObject &set)
{
    const QString id = newId();
    const QJsonObject r = pushOne(user, mutation(entity, id, set));
    if (r.value("status").toString() != QLatin1String("applied")) {
        qWarning("%s by %s: %s", qPrintable(entity), qPrintable(user), QJsonDocument(r).toJson().constData());
        return {};
    }
    return id;
}

void TestServerRefs::initTestCase()
{
    // References, not consent: the company before consent was required.
    QVERIFY(m_server.createDemo(40, 20, 1, {QStringLiteral("--without-consent")}));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    for (const char *user : {"rep.sh01", "rep.hz01", "manager.sh", "sfe"}) {
        m_tokens.insert(QString::fromLatin1(user), m_server.login(QString::fromLatin1(user)));
        QVERIFY(!m_tokens.value(QString::fromLatin1(user)).isEmpty());
    }
    for (const QString &code : {QStringLiteral("SH-01"), QStringLiteral("HZ-01")}) {
        const QString rep = QStringLiteral("rep.") + code.toLower().remove(QLatin1Char('-'));
        const QString tid = m_org.territory.value(code);
        m_institution[code]
            = applied("sfe", "institution", {{"name", QString(QStringLiteral("引用测试医院") + code)}});
        m_hcp[code] = applied("sfe", "hcp",
            {{"full_name", QString(QStringLiteral("引用测试") + code)},
                {"institution_id", m_institution[code]}});
        QVERIFY(!applied("sfe", "alignment",
            {{"territory_id", tid}, {"hcp_id", m_hcp[code]}, {"valid_from", "2020-01-01"}})
                     .isEmpty());
        m_visit[code] = applied(rep, "visit",
            {{"territory_id", tid}, {"hcp_id", m_hcp[code]}, {"rep_id", m_org.user.value(rep)},
                {"visited_at", "2026-11-20T10:00:00+08:00"}});
        m_meeting[code] = applied(rep, "meeting",
            {{"territory_id", tid}, {"title", "科室会"}, {"starts_at", "2027-01-05T10:00:00Z"},
                {"owner_id", m_org.user.value(rep)}});
        QVERIFY(!m_visit[code].isEmpty() && !m_meeting[code].isEmpty());
    }
    m_hzCursors = m_server.pullAll(tokenOf("rep.hz01")).cursors;
}

QJsonObject TestServerRefs::writing(
    const QString &user, const QString &entity, const QString &field, const QString &target)
{
    const QString sh = m_org.territory.value("SH-01");
    QJsonObject set;
    if (entity == QLatin1String("visit"))
        set = {{"territory_id", sh}, {"hcp_id", m_hcp["SH-01"]}, {"institution_id", m_institution["SH-01"]},
            {"rep_id", m_org.user.value(user)}, {"visited_at", "2026-11-21T10:00:00+08:00"}};
    else if (entity == QLatin1String("visit_plan"))
        set = {{"territory_id", sh}, {"hcp_id", m_hcp["SH-01"]}, {"planned_at", "2027-01-02T09:00:00Z"}};
    else if (entity == QLatin1String("meeting_attendee")) // a meeting of its own: one row per HCP
        set = {{"meeting_id",
                   applied("rep.sh01", "meeting",
                       {{"territory_id", sh}, {"title", "科室会"}, {"starts_at", "2027-01-05T10:00:00Z"},
                           {"owner_id", m_org.user.value("rep.sh01")}})},
            {"hcp_id", m_hcp["SH-01"]}};
    else if (entity == QLatin1String("change_request")) {
        const bool institution = field == QLatin1String("record_id@institution");
        set = {{"territory_id", sh}, {"entity", institution ? "institution" : "hcp"},
            {"record_id", m_hcp["SH-01"]},
            {"fields", institution ? QJsonObject {{"city", "上海"}} : QJsonObject {{"title", "主任医师"}}}};
    } else if (entity == QLatin1String("visit_detail"))
        set = {{"visit_id", m_visit["SH-01"]},
            {"product_id", m_org.all("product").first().value("id").toString()}};
    else if (entity == QLatin1String("hcp_tag"))
        set = {{"hcp_id", m_hcp["SH-01"]}, {"category", "basic"}, {"tag", "引用"}};
    set.insert(field.section(QLatin1Char('@'), 0, 0), target);
    return mutation(entity, newId(), set);
}

void TestServerRefs::eachReferenceIsChecked_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field"); // field@target entity where the record says which
    QTest::addColumn<QString>("kind"); // which fixture of SH-01 (in scope) and HZ-01 (outside) it names

    QTest::newRow("visit.hcp_id") << "rep.sh01"
                                  << "visit"
                                  << "hcp_id"
                                  << "hcp";
    QTest::newRow("visit.institution_id") << "rep.sh01"
                                          << "visit"
                                          << "institution_id"
                                          << "institution";
    QTest::newRow("visit_plan.hcp_id rep") << "rep.sh01"
                                           << "visit_plan"
                                           << "hcp_id"
                                           << "hcp";
    QTest::newRow("visit_plan.hcp_id manager") << "manager.sh"
                                               << "visit_plan"
                                               << "hcp_id"
                                               << "hcp";
    QTest::newRow("visit_plan.visit_id rep") << "rep.sh01"
                                             << "visit_plan"
                                             << "visit_id"
                                             << "visit";
    QTest::newRow("visit_plan.visit_id manager") << "manager.sh"
                                                 << "visit_plan"
                                                 << "visit_id"
                                                 << "visit";
    QTest::newRow("meeting_attendee.hcp_id rep") << "rep.sh01"
                                                 << "meeting_attendee"
                                                 << "hcp_id"
                                                 << "hcp";
    // (Managers write no attendees: they decide meetings, docs/meetings.md.)
    QTest::newRow("change_request.record_id hcp") << "rep.sh01"
                                                  << "change_request"
                                                  << "record_id"
                                                  << "hcp";
    QTest::newRow("change_request.record_id institution") << "rep.sh01"
                                                          << "change_request"
                                                          << "record_id@institution"
                                                          << "institution";
    QTest::newRow("visit_detail.visit_id") << "rep.sh01"
                                           << "visit_detail"
                                           << "visit_id"
                                           << "visit";
    QTest::newRow("hcp_tag.hcp_id") << "rep.sh01"
                                    << "hcp_tag"
                                    << "hcp_id"
                                    << "hcp";
}

void TestServerRefs::eachReferenceIsChecked()
{
    QFETCH(QString, user);
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QString, kind);
    const QHash<QString, QHash<QString, QString>> fixtures {
        {"hcp", m_hcp}, {"institution", m_institution}, {"visit", m_visit}};
    const QString inScope = fixtures.value(kind).value("SH-01");
    const QString outside = fixtures.value(kind).value("HZ-01");

    QJsonObject ok = writing(user, entity, field, inScope);
    QJsonObject r = pushOne(user, ok);
    QVERIFY2(r.value("status").toString() == QLatin1String("applied"), QJsonDocument(r).toJson().constData());

    QByteArray firstRefusal;
    for (const QString &target : {outside, newId()}) {
        const QJsonObject m = writing(user, entity, field, target);
        r = pushOne(user, m);
        QVERIFY2(
            r.value("status").toString() == QLatin1String("rejected"), QJsonDocument(r).toJson().constData());
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
        QCOMPARE(
            r.value("error").toObject().value("field").toString(), field.section(QLatin1Char('@'), 0, 0));
        for (const QString &code : {QStringLiteral("HZ-01"), QStringLiteral("SH-01")}) {
            QVERIFY(!errorBytes(r).contains(m_org.territory.value(code).toUtf8()));
            QVERIFY(!errorBytes(r).contains(code.toUtf8()));
        }
        QVERIFY(!errorBytes(r).contains(target.toUtf8()));
        QCOMPARE(
            m_server.scalar("SELECT count(*) FROM records WHERE id = ?1", {m.value("id").toString()}), 0);
        m_refused << m.value("id").toString();
        if (firstRefusal.isEmpty())
            firstRefusal = errorBytes(r);
        else
            QCOMPARE(errorBytes(r), firstRefusal); // outside the scope and unknown: the same answer
    }
}

void TestServerRefs::recordIdsAreAnsweredAlike_data()
{
    QTest::addColumn<QString>("op");
    QTest::addColumn<int>("baseVersion");
    QTest::newRow("delete") << "delete" << 1;
    QTest::newRow("edit") << "upsert" << 1;
    QTest::newRow("edit, base far ahead") << "upsert" << 999;
}

void TestServerRefs::recordIdsAreAnsweredAlike()
{
    QFETCH(QString, op);
    QFETCH(int, baseVersion);
    QByteArray first;
    for (const QString &id : {m_visit["HZ-01"], newId()}) {
        const QJsonObject r = pushOne("rep.sh01",
            mutation("visit", id,
                op == QLatin1String("delete") ? QJsonObject() : QJsonObject {{"notes", "x"}}, baseVersion, {},
                op));
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
        QVERIFY(!errorBytes(r).contains(m_org.territory.value("HZ-01").toUtf8()));
        if (first.isEmpty())
            first = errorBytes(r);
        else
            QCOMPARE(errorBytes(r), first);
    }
    // A record's territory_id: another territory and an unknown one alike.
    QByteArray territory;
    for (const QString &tid : {m_org.territory.value("HZ-01"), newId()}) {
        const QJsonObject m = writing("rep.sh01", "visit_plan", "territory_id", tid);
        const QJsonObject r = pushOne("rep.sh01", m);
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
        QVERIFY(!errorBytes(r).contains(tid.toUtf8()));
        m_refused << m.value("id").toString();
        if (territory.isEmpty())
            territory = errorBytes(r);
        else
            QCOMPARE(errorBytes(r), territory);
    }
}

void TestServerRefs::sfeNamesAnyRecordThatExists()
{
    const QJsonObject cr = writing("sfe", "change_request", "record_id", m_hcp["HZ-01"]);
    QCOMPARE(pushOne("sfe", cr).value("status").toString(), QStringLiteral("applied"));
    const QJsonObject unknown = writing("sfe", "change_request", "record_id", newId());
    const QJsonObject r = pushOne("sfe", unknown);
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("record_id"));
    // A deleted record is no longer named.
    const QString gone = applied("sfe", "hcp", {{"full_name", "已删除"}});
    QCOMPARE(pushOne("sfe", mutation("hcp", gone, {}, 1, {}, "delete")).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne("sfe", writing("sfe", "change_request", "record_id", gone)).value("status").toString(),
        QStringLiteral("rejected"));
}

void TestServerRefs::aKeptReferenceStaysValidAfterItsHcpMoves()
{
    // A draft visit about an HCP that then moves to another territory: its notes can still be edited
    // (the reference is not written again), but it cannot be pointed at an HCP outside the scope.
    const QString hcp = applied("sfe", "hcp", {{"full_name", "将调走"}});
    const QString alignment = applied("sfe", "alignment",
        {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", hcp}, {"valid_from", "2020-01-01"}});
    const QString visit = applied("rep.sh01", "visit",
        {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", hcp},
            {"rep_id", m_org.user.value("rep.sh01")}, {"visited_at", "2026-11-20T10:00:00+08:00"}});
    QVERIFY(!visit.isEmpty());
    // The move as the alignment editor makes it: the alignment that has started ends (its territory can no
    // longer change, docs/sfe.md), a new one starts in the other territory.
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QCOMPARE(
        pushOne("sfe", mutation("alignment", alignment, {{"valid_to", today}}, 1)).value("status").toString(),
        QStringLiteral("applied"));
    QVERIFY(!applied("sfe", "alignment",
        {{"territory_id", m_org.territory.value("HZ-01")}, {"hcp_id", hcp}, {"valid_from", today}})
                 .isEmpty());
    QCOMPARE(pushOne("rep.sh01", mutation("visit", visit, {{"notes", "补充"}}, 1)).value("status").toString(),
        QStringLiteral("applied"));
    const QJsonObject r = pushOne("rep.sh01", mutation("visit", visit, {{"hcp_id", m_hcp["HZ-01"]}}, 2));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("hcp_id"));
}

void TestServerRefs::aSubmittedVisitTakesNoDetail()
{
    const QString rep = QStringLiteral("rep.sh01");
    const QString product = m_org.all("product").first().value("id").toString();
    const QString visit = applied(rep, "visit",
        {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", m_hcp["SH-01"]},
            {"rep_id", m_org.user.value(rep)}, {"visited_at", "2026-11-22T10:00:00+08:00"}});
    const QString detail = applied(rep, "visit_detail", {{"visit_id", visit}, {"product_id", product}});
    QVERIFY(!detail.isEmpty()); // a draft takes details
    QCOMPARE(pushOne(rep, mutation("visit", visit, {{"status", "submitted"}}, 1)).value("status").toString(),
        QStringLiteral("applied"));
    const QList<QJsonObject> refused {
        mutation("visit_detail", newId(), {{"visit_id", visit}, {"product_id", product}}),
        mutation("visit_detail", detail, {{"reaction", "positive"}}, 1),
        mutation("visit_detail", detail, {}, 1, {}, "delete")};
    for (const QJsonObject &m : refused) {
        const QJsonObject r = pushOne(rep, m);
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    }
    QCOMPARE(m_server.scalar(
                 "SELECT count(*) FROM records WHERE entity = 'visit_detail' AND NOT deleted AND id IN "
                 "(?1, ?2)",
                 {detail, refused.first().value("id").toString()}),
        1);
    QCOMPARE(m_server.scalar("SELECT version FROM records WHERE id = ?1", {detail}), 1);
}

// An offline outbox may hold a visit's submit before the details saved with it (a new visit is one
// create, submitted): the push that submits the visit still takes its details, in either order; a later
// push does not (docs/sync-protocol.md).
void TestServerRefs::detailsRideInThePushThatSubmits()
{
    const QString rep = QStringLiteral("rep.sh01");
    const QString product = m_org.all("product").first().value("id").toString();
    const QJsonObject fields {{"territory_id", m_org.territory.value("SH-01")}, {"hcp_id", m_hcp["SH-01"]},
        {"rep_id", m_org.user.value(rep)}, {"visited_at", "2026-11-23T10:00:00+08:00"}};
    auto statuses = [](const HttpReply &r) {
        QStringList out;
        for (const QJsonValue &v : r.json.value("results").toArray())
            out << v.toObject().value("status").toString();
        return out;
    };
    // Submit first (a new visit created submitted), then two details.
    const QString a = newId();
    QJsonObject submitted = fields;
    submitted.insert("status", "submitted");
    const QString a1 = newId();
    const QJsonArray batch {mutation("visit", a, submitted),
        mutation("visit_detail", a1, {{"visit_id", a}, {"product_id", product}}),
        mutation("visit_detail", newId(), {{"visit_id", a}, {"product_id", product}})};
    QCOMPARE(statuses(m_server.push(tokenOf(rep), batch)), (QStringList {"applied", "applied", "applied"}));
    // The same push again (its answer was lost), with one more detail the laptop saved meanwhile: the first
    // answers again, and the visit's submit, answered from before, still carries the new detail.
    QJsonArray retried = batch;
    retried.append(mutation("visit_detail", newId(), {{"visit_id", a}, {"product_id", product}}));
    QCOMPARE(statuses(m_server.push(tokenOf(rep), retried)),
        (QStringList {"applied", "applied", "applied", "applied"}));
    // Details first, then the submit of an existing draft.
    const QString b = applied(rep, "visit", fields);
    QVERIFY(!b.isEmpty());
    const HttpReply second = m_server.push(tokenOf(rep),
        QJsonArray {mutation("visit_detail", newId(), {{"visit_id", b}, {"product_id", product}}),
            mutation("visit", b, {{"status", "submitted"}}, 1)});
    QCOMPARE(statuses(second), (QStringList {"applied", "applied"}));
    // A later push: refused, for both visits.
    for (const QString &visit : {a, b}) {
        const QJsonObject r
            = pushOne(rep, mutation("visit_detail", newId(), {{"visit_id", visit}, {"product_id", product}}));
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    }
    // A detail of a visit submitted in an earlier push does not ride on another visit's submit.
    const QString c = applied(rep, "visit", fields);
    const HttpReply third = m_server.push(tokenOf(rep),
        QJsonArray {mutation("visit", c, {{"status", "submitted"}}, 1),
            mutation("visit_detail", newId(), {{"visit_id", a}, {"product_id", product}})});
    QCOMPARE(statuses(third), (QStringList {"applied", "rejected"}));
    qint64 details = 0;
    for (const QString &visit : {a, b, c})
        details += m_server.scalar(
            "SELECT count(*) FROM records WHERE entity = 'visit_detail' AND NOT deleted AND "
            "data LIKE ?1",
            {QStringLiteral("%") + visit + QStringLiteral("%")});
    QCOMPARE(details, 4);
}

void TestServerRefs::nothingRefusedReachesAnotherTerritory()
{
    QVERIFY(m_refused.size() >= 20);
    const PullResult p = m_server.pullAll(tokenOf("rep.hz01"), m_hzCursors);
    QVERIFY(p.ok);
    for (const QJsonObject &c : p.changes)
        QVERIFY2(!m_refused.contains(c.value("id").toString()), qPrintable(c.value("entity").toString()));
}

QTEST_GUILESS_MAIN(TestServerRefs)
#include "tst_serverrefs.moc"
