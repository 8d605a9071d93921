#include "common/sqlite/sqlerror.h"
#include "server/demoorg.h"
#include "server/serverprocess.h"
#include "server/sqlitestorage.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUuid>

#include <QtTest>
#include <csignal>

using namespace rounds::test;

// Push against a real rounds-server: authorization by role and scope, idempotency (also across a
// killed server), every merge outcome of PROTOCOL.md, change requests, read-only submitted visits.
class TestServerPush : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void writeAuthorization_data();
    void writeAuthorization();
    void createThenUpdateIsApplied();
    void sameBatchTwiceAppliesOnce();
    void aMutationRepeatedInOnePushAppliesOnce();
    void aFailingStepOfAPushIsUndoneAlone();
    void aStepThatCannotBeUndoneFailsTheWholePush();
    void killedMidBatchThenRetriedAppliesEachOnce();
    void cleanFieldsMergeWhenBaseIsBehind();
    void ownerWinsAndTheLoserIsAudited();
    void nonOwnerLosesToTheOwner();
    void masterDataConflictGoesToReview();
    void askUserConflictKeepsBothAndAppliesTheRest();
    void deleteAgainstChangedRecordIsAConflict();
    void upsertOnDeletedRecordOffersRestore();
    void submittedVisitIsReadOnly();
    void changeRequestApprovalAppliesFields();
    void onlyAManagerApprovesAMeeting();
    void unicodeAndQuotesRoundTripByteForByte();
    void deletedRecordsOfOtherTerritoriesStayClosed();
    void aMutationIdOfAnotherUserRevealsNothing();
    void repsCannotChangeExistingChangeRequests();
    void aDetailCannotMoveOntoASubmittedVisit();
    void reviewOfAnUnalignedHcpReachesNoTerritory();
    void sigtermFinishesTheRequestInFlight();
    void aRequestArrivingAtShutdownIsAnsweredOrNotApplied();

private:
    QJsonObject pushOne(const QString &token, const QJsonObject &m);
    QJsonObject latest(const QString &id); // the record as an admin pulls it now
    QJsonObject newVisit(const QString &territoryCode, const QString &hcpId, const QString &rep,
        const QString &status = QStringLiteral("draft")) const;
    QString tokenOf(const QString &username);
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    QList<QStringList> auditOf(const QString &recordId); // field, old, new, note
    int storedVersion(const QString &id); // straight from the server's file; 0 when absent

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QJsonObject m_adminCursors;
    QHash<QString, QJsonObject> m_latest;
};

void TestServerPush::initTestCase()
{
    QVERIFY(m_server.createDemo(40, 50));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    QVERIFY(m_org.hcpsOnlyIn(QStringLiteral("SH-01")).size() >= 2);
    QVERIFY(!m_org.hcpsOnlyIn(QStringLiteral("HZ-01")).isEmpty());
}

QString TestServerPush::tokenOf(const QString &username)
{
    if (!m_tokens.contains(username))
        m_tokens.insert(username, m_server.login(username));
    return m_tokens.value(username);
}

QJsonObject TestServerPush::pushOne(const QString &token, const QJsonObject &m)
{
    const HttpReply r = m_server.push(token, QJsonArray {m});
    if (r.status != 200) {
        qWarning("push answered %d: %s", r.status, r.body.constData());
        return {};
    }
    const QJsonArray results = r.json.value("results").toArray();
    return results.size() == 1 ? results.first().toObject() : QJsonObject();
}

QJsonObject TestServerPush::latest(const QString &id)
{
    const PullResult p = m_server.pullAll(tokenOf(QStringLiteral("admin")), m_adminCursors);
    m_adminCursors = p.cursors;
    for (const QJsonObject &c : p.changes) {
        const QString cid = c.value("id").toString();
        if (c.value("op").toString() == QLatin1String("upsert"))
            m_latest.insert(cid, c.value("record").toObject());
        else if (c.value("op").toString() == QLatin1String("delete"))
            m_latest.remove(cid);
    }
    return m_latest.contains(id) ? m_latest.value(id) : m_org.record(id);
}

QJsonObject TestServerPush::newVisit(
    const QString &territoryCode, const QString &hcpId, const QString &rep, const QString &status) const
{
    return QJsonObject {{"territory_id", m_org.territory.value(territoryCode)}, {"hcp_id", hcpId},
        {"rep_id", m_org.user.value(rep)}, {"visited_at", "2026-11-20T10:00:00+08:00"}, {"status", status},
        {"notes", "初次拜访"}};
}

QList<QStringList> TestServerPush::auditOf(const QString &recordId)
{
    return m_server.query(QStringLiteral("SELECT field, coalesce(old_value, ''), coalesce(new_value, ''), "
                                         "coalesce(note, ''), coalesce(mutation_id, ''), "
                                         "coalesce(user_id, ''), coalesce(device, ''), at FROM audit WHERE "
                                         "record_id = ?1 ORDER BY seq"),
        {recordId});
}

int TestServerPush::storedVersion(const QString &id)
{
    return int(
        m_server.scalar(QStringLiteral("SELECT version FROM records WHERE id = ?1 AND NOT deleted"), {id}));
}

void TestServerPush::writeAuthorization_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("territory"); // code the record belongs to
    QTest::addColumn<QString>("expected"); // applied or forbidden

    const QString ok = QStringLiteral("applied");
    const QString no = QStringLiteral("forbidden");
    // Reps: their own territory, their own records; never master data.
    QTest::newRow("rep visit own") << "rep.sh01"
                                   << "visit"
                                   << "SH-01" << ok;
    QTest::newRow("rep visit other territory") << "rep.sh01"
                                               << "visit"
                                               << "HZ-01" << no;
    QTest::newRow("rep visit_plan own") << "rep.sh01"
                                        << "visit_plan"
                                        << "SH-01" << ok;
    QTest::newRow("rep visit_plan sibling") << "rep.sh01"
                                            << "visit_plan"
                                            << "SH-02" << no;
    QTest::newRow("rep meeting own") << "rep.sh01"
                                     << "meeting"
                                     << "SH-01" << ok;
    QTest::newRow("rep meeting other") << "rep.sh01"
                                       << "meeting"
                                       << "HZ-02" << no;
    QTest::newRow("rep hcp_tag own") << "rep.sh01"
                                     << "hcp_tag"
                                     << "SH-01" << ok;
    QTest::newRow("rep hcp_tag other") << "rep.sh01"
                                       << "hcp_tag"
                                       << "HZ-01" << no;
    QTest::newRow("rep change_request own") << "rep.sh01"
                                            << "change_request"
                                            << "SH-01" << ok;
    QTest::newRow("rep change_request other") << "rep.sh01"
                                              << "change_request"
                                              << "HZ-01" << no;
    QTest::newRow("rep hcp") << "rep.sh01"
                             << "hcp"
                             << "SH-01" << no;
    QTest::newRow("rep institution") << "rep.sh01"
                                     << "institution"
                                     << "SH-01" << no;
    QTest::newRow("rep department") << "rep.sh01"
                                    << "department"
                                    << "SH-01" << no;
    QTest::newRow("rep alignment") << "rep.sh01"
                                   << "alignment"
                                   << "SH-01" << no;
    QTest::newRow("rep territory") << "rep.sh01"
                                   << "territory"
                                   << "SH-01" << no;
    QTest::newRow("rep product") << "rep.sh01"
                                 << "product"
                                 << "SH-01" << no;
    QTest::newRow("rep key_message") << "rep.sh01"
                                     << "key_message"
                                     << "SH-01" << no;
    QTest::newRow("rep setting") << "rep.sh01"
                                 << "setting"
                                 << "SH-01" << no;
    QTest::newRow("rep user") << "rep.sh01"
                              << "user"
                              << "SH-01" << no;
    QTest::newRow("rep sales_fact") << "rep.sh01"
                                    << "sales_fact"
                                    << "SH-01" << no;
    // Managers: plans of their district; they decide meetings but do not plan them (only status and
    // decision_note, test_servermeetings); no visits (reps' own), no master data.
    QTest::newRow("manager visit_plan district") << "manager.sh"
                                                 << "visit_plan"
                                                 << "SH-02" << ok;
    QTest::newRow("manager visit_plan other district") << "manager.sh"
                                                       << "visit_plan"
                                                       << "HZ-01" << no;
    // A manager decides meetings and starts none (Entity::creators): a rep owns and files them.
    QTest::newRow("manager starts no meeting") << "manager.sh"
                                               << "meeting"
                                               << "SH-01" << no;
    QTest::newRow("manager meeting other district") << "manager.hz"
                                                    << "meeting"
                                                    << "SH-01" << no;
    QTest::newRow("manager visit") << "manager.sh"
                                   << "visit"
                                   << "SH-01" << no;
    QTest::newRow("manager hcp") << "manager.sh"
                                 << "hcp"
                                 << "SH-01" << no;
    QTest::newRow("manager change_request") << "manager.sh"
                                            << "change_request"
                                            << "SH-01" << no;
    // SFE: master data everywhere; not products (admin), not field work.
    QTest::newRow("sfe hcp") << "sfe"
                             << "hcp"
                             << "HZ-02" << ok;
    QTest::newRow("sfe institution") << "sfe"
                                     << "institution"
                                     << "HZ-02" << ok;
    QTest::newRow("sfe department") << "sfe"
                                    << "department"
                                    << "HZ-02" << ok;
    QTest::newRow("sfe alignment") << "sfe"
                                   << "alignment"
                                   << "HZ-02" << ok;
    QTest::newRow("sfe territory") << "sfe"
                                   << "territory"
                                   << "HZ-02" << ok;
    QTest::newRow("sfe hcp_tag") << "sfe"
                                 << "hcp_tag"
                                 << "HZ-02" << ok;
    QTest::newRow("sfe change_request") << "sfe"
                                        << "change_request"
                                        << "HZ-02" << ok;
    QTest::newRow("sfe product") << "sfe"
                                 << "product"
                                 << "HZ-02" << no;
    QTest::newRow("sfe visit") << "sfe"
                               << "visit"
                               << "HZ-02" << no;
    QTest::newRow("sfe user") << "sfe"
                              << "user"
                              << "HZ-02" << no;
    // Admin: everything that is not server-only or field work.
    QTest::newRow("admin product") << "admin"
                                   << "product"
                                   << "SH-01" << ok;
    QTest::newRow("admin key_message") << "admin"
                                       << "key_message"
                                       << "SH-01" << ok;
    QTest::newRow("admin setting") << "admin"
                                   << "setting"
                                   << "SH-01" << ok;
    QTest::newRow("admin hcp") << "admin"
                               << "hcp"
                               << "SH-01" << ok;
    QTest::newRow("admin sales_fact") << "admin"
                                      << "sales_fact"
                                      << "SH-01" << no;
    QTest::newRow("admin user") << "admin"
                                << "user"
                                << "SH-01" << no;
    QTest::newRow("admin visit") << "admin"
                                 << "visit"
                                 << "SH-01" << no;
    // Children go with their parent: its territory, its owner.
    QTest::newRow("rep visit_detail own visit") << "rep.sh01"
                                                << "visit_detail"
                                                << "SH-01" << ok;
    QTest::newRow("rep visit_detail other visit") << "rep.sh01"
                                                  << "visit_detail"
                                                  << "SH-02" << no;
    QTest::newRow("rep meeting_attendee own meeting") << "rep.sh01"
                                                      << "meeting_attendee"
                                                      << "SH-01" << ok;
    QTest::newRow("rep meeting_expense own meeting") << "rep.sh01"
                                                     << "meeting_expense"
                                                     << "SH-01" << ok;
    QTest::newRow("rep meeting_expense other meeting") << "rep.sh01"
                                                       << "meeting_expense"
                                                       << "HZ-01" << no;
    QTest::newRow("manager meeting_expense district") << "manager.sh"
                                                      << "meeting_expense"
                                                      << "SH-02" << no;
    QTest::newRow("manager meeting_attendee other district") << "manager.sh"
                                                             << "meeting_attendee"
                                                             << "HZ-01" << no;
    QTest::newRow("manager visit_detail") << "manager.sh"
                                          << "visit_detail"
                                          << "SH-01" << no;
    QTest::newRow("sfe meeting_attendee") << "sfe"
                                          << "meeting_attendee"
                                          << "SH-01" << no;
}

void TestServerPush::writeAuthorization()
{
    QFETCH(QString, user);
    QFETCH(QString, entity);
    QFETCH(QString, territory);
    QFETCH(QString, expected);

    const QString tid = m_org.territory.value(territory);
    const QString hcp = m_org.hcpsOnlyIn(territory).value(0);
    QVERIFY(!hcp.isEmpty());
    const QString hcpInstitution = m_org.record(hcp).value("institution_id").toString();
    const QString product = m_org.all(QStringLiteral("product")).first().value("id").toString();
    const QString me = m_org.user.value(user);
    // A demo visit and meeting of that territory, for the children.
    QString visit;
    for (const QJsonObject &v : m_org.all(QStringLiteral("visit"))) {
        if (v.value("territory_id").toString() == tid)
            visit = v.value("id").toString();
    }
    QString meeting;
    for (const QJsonObject &m : m_org.all(QStringLiteral("meeting"))) {
        if (m.value("territory_id").toString() == tid)
            meeting = m.value("id").toString();
    }
    QVERIFY(!visit.isEmpty() && !meeting.isEmpty());
    if (entity == QLatin1String("visit_detail")) {
        // A draft visit of that territory's rep: a submitted one takes no new details.
        const QString owner = QStringLiteral("rep.") + territory.toLower().remove(QLatin1Char('-'));
        visit = newId();
        QCOMPARE(
            pushOne(tokenOf(owner), mutation(QStringLiteral("visit"), visit, newVisit(territory, hcp, owner)))
                .value("status")
                .toString(),
            QStringLiteral("applied"));
    }
    QHash<QString, QJsonObject> sets {
        {QStringLiteral("visit_detail"), QJsonObject {{"visit_id", visit}, {"product_id", product}}},
        {QStringLiteral("meeting_attendee"), QJsonObject {{"meeting_id", meeting}, {"hcp_id", hcp}}},
        {QStringLiteral("meeting_expense"),
            QJsonObject {{"meeting_id", meeting}, {"category", "venue"}, {"amount_minor", 120000}}},
        {"visit", newVisit(territory, hcp, user)},
        {QStringLiteral("visit_plan"),
            QJsonObject {{"territory_id", tid}, {"hcp_id", hcp}, {"planned_at", "2026-12-01T09:00:00Z"}}},
        {QStringLiteral("meeting"),
            QJsonObject {{"territory_id", tid}, {"title", "科室会"}, {"starts_at", "2026-12-05T10:00:00Z"},
                {"owner_id", me}}},
        {QStringLiteral("hcp_tag"), QJsonObject {{"hcp_id", hcp}, {"category", "basic"}, {"tag", "测试"}}},
        {QStringLiteral("change_request"),
            QJsonObject {{"territory_id", tid}, {"entity", "hcp"}, {"record_id", hcp},
                {"fields", QJsonObject {{"title", "主任医师"}}}}},
        {QStringLiteral("hcp"), QJsonObject {{"full_name", "测试医生"}, {"institution_id", hcpInstitution}}},
        {QStringLiteral("institution"), QJsonObject {{"name", "测试医院"}}},
        {QStringLiteral("department"), QJsonObject {{"institution_id", hcpInstitution}, {"name", "测试科"}}},
        {QStringLiteral("alignment"),
            QJsonObject {{"territory_id", tid}, {"hcp_id", hcp}, {"valid_from", "2030-01-01"}}},
        {QStringLiteral("territory"),
            QJsonObject {{"code", QJsonValue(QStringLiteral("T-") + newId().left(6))}, {"name", "测试"},
                {"level", "territory"}, {"parent_id", m_org.territory.value(QStringLiteral("SH"))}}},
        {QStringLiteral("product"), QJsonObject {{"name", "测试产品"}}},
        {QStringLiteral("key_message"), QJsonObject {{"product_id", product}, {"text", "测试信息"}}},
        {QStringLiteral("setting"),
            QJsonObject {{"key", QJsonValue(QStringLiteral("test.") + newId())}, {"value", 1}}},
        {QStringLiteral("user"), QJsonObject {{"username", "x"}, {"display_name", "x"}, {"role", "rep"}}},
        {QStringLiteral("sales_fact"),
            QJsonObject {{"territory_id", tid}, {"institution_id", hcpInstitution}, {"product_id", product},
                {"month", "2026-01"}, {"units", 1}, {"value_minor", 100}, {"source", "internal"}}},
    };
    QVERIFY2(sets.contains(entity), qPrintable(entity));
    const QString id = newId();
    const QJsonObject result = pushOne(tokenOf(user), mutation(entity, id, sets.value(entity)));
    if (expected == QLatin1String("applied")) {
        QCOMPARE(result.value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(result.value("version").toInt(), 1);
        QCOMPARE(storedVersion(id), 1);
    } else {
        QCOMPARE(result.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(result.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
        QCOMPARE(storedVersion(id), 0); // nothing half applied
    }
}

void TestServerPush::createThenUpdateIsApplied()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    QJsonObject r = pushOne(rep,
        mutation(
            QStringLiteral("visit"), id, newVisit(QStringLiteral("SH-01"), hcp, QStringLiteral("rep.sh01"))));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(r.value("version").toInt(), 1);
    r = pushOne(
        rep, mutation(QStringLiteral("visit"), id, {{"notes", "第二次"}}, 1, {{"notes", "初次拜访"}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(r.value("version").toInt(), 2);
    const QJsonObject rec = latest(id);
    QCOMPARE(rec.value("notes").toString(), QStringLiteral("第二次"));
    QCOMPARE(rec.value("visited_at").toString(), QStringLiteral("2026-11-20T02:00:00.000Z")); // stored in UTC
    QCOMPARE(rec.value("updated_by").toString(), m_org.user.value(QStringLiteral("rep.sh01")));
    QCOMPARE(rec.value("channel").toString(), QStringLiteral("face_to_face")); // default filled
    // The audit log has the change, with user, device, mutation and time.
    const QJsonObject update = mutation(QStringLiteral("visit"), id, {{"feedback", "满意"}}, 2);
    QCOMPARE(pushOne(rep, update).value("version").toInt(), 3);
    bool seen = false;
    for (const QStringList &a : auditOf(id)) {
        if (a[0] == QLatin1String("notes") && a[1] != QLatin1String("null")) // the update, after the create
            QCOMPARE(a[2] + a[1], QStringLiteral("\"第二次\"\"初次拜访\""));
        if (a[0] == QLatin1String("feedback") && a[4] == update.value("mutation_id").toString()) {
            seen = true;
            QCOMPARE(a[1], QStringLiteral("null"));
            QCOMPARE(a[2], QStringLiteral("\"满意\""));
            QCOMPARE(a[5], m_org.user.value(QStringLiteral("rep.sh01")));
            QCOMPARE(a[6], QStringLiteral("test device"));
            QVERIFY(QDateTime::fromString(a[7], Qt::ISODateWithMs).isValid());
        }
    }
    QVERIFY(seen);
}

void TestServerPush::sameBatchTwiceAppliesOnce()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh02"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    const QString id = newId();
    QJsonArray batch {mutation(QStringLiteral("visit"), id,
                          newVisit(QStringLiteral("SH-02"), hcp, QStringLiteral("rep.sh02"))),
        mutation(QStringLiteral("visit"), id, {{"notes", "改过"}}, 1),
        mutation(QStringLiteral("hcp"), hcp, {{"title", "x"}}, 1)};
    const HttpReply first = m_server.push(rep, batch);
    QCOMPARE(first.status, 200);
    const QJsonArray results = first.json.value("results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(results[1].toObject().value("version").toInt(), 2);
    QCOMPARE(results[2].toObject().value("status").toString(),
        QStringLiteral("rejected")); // one fails, the rest apply
    const HttpReply second = m_server.push(rep, batch);
    QCOMPARE(second.status, 200);
    QCOMPARE(second.json, first.json);
    QCOMPARE(latest(id).value("version").toInt(), 2);
    QCOMPARE(latest(id).value("notes").toString(), QStringLiteral("改过"));
}

// A push commits its mutations together (one transaction, a savepoint each): a mutation sent twice in the
// same push is answered twice alike and applied once, and a malformed one among them changes nothing else.
void TestServerPush::aMutationRepeatedInOnePushAppliesOnce()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh02"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    const QString id = newId();
    const QJsonObject create = mutation(
        QStringLiteral("visit"), id, newVisit(QStringLiteral("SH-02"), hcp, QStringLiteral("rep.sh02")));
    const QJsonObject edit = mutation(QStringLiteral("visit"), id, {{"notes", "一次"}}, 1);
    QJsonObject badId = mutation(QStringLiteral("visit"), id, {{"notes", "坏"}}, 2);
    badId.insert(QStringLiteral("mutation_id"), QStringLiteral("NOT-A-UUID"));
    const HttpReply r = m_server.push(rep, QJsonArray {create, edit, badId, edit, create});
    QCOMPARE(r.status, 200);
    const QJsonArray results = r.json.value("results").toArray();
    QCOMPARE(results.size(), 5);
    QCOMPARE(results[0].toObject().value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(results[1].toObject().value("version").toInt(), 2);
    QCOMPARE(results[2].toObject().value("error").toObject().value("code").toString(),
        QStringLiteral("invalid_request"));
    QCOMPARE(results[3].toObject(), results[1].toObject());
    QCOMPARE(results[4].toObject(), results[0].toObject());
    QCOMPARE(latest(id).value("version").toInt(), 2);
    QCOMPARE(latest(id).value("notes").toString(), QStringLiteral("一次"));
}

// The "stepN" meta values a writeEach test left in the store, for steps from..to-1 ("" when absent).
static QStringList stepMetas(rounds::server::SqliteStorage &store, int from, int to)
{
    QStringList kept;
    QString error;
    const bool ok = store.read(
        [&](rounds::server::StoreReader &r) {
            for (int step = from; step < to; ++step)
                kept << r.meta(QStringLiteral("step%1").arg(step));
        },
        &error);
    if (!ok)
        qWarning() << "reading the step metas failed:" << error;
    return ok ? kept : QStringList {QStringLiteral("<read failed: %1>").arg(error)};
}

// The store under a push (SQLite: one transaction, a savepoint per mutation): a step that fails or returns
// false leaves nothing behind, and the steps before and after it are kept.
void TestServerPush::aFailingStepOfAPushIsUndoneAlone()
{
    using namespace rounds::server;
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<SqliteStorage> store = SqliteStorage::open(dir.path(), true, &error);
    QVERIFY2(store, qPrintable(error));
    QStringList errors;
    store->writeEach(
        4,
        [](StoreWriter &w, int step) {
            w.setMeta(QStringLiteral("step%1").arg(step), QStringLiteral("written"));
            if (step == 1)
                throw rounds::sql::SqlError(1, QStringLiteral("step 1 fails"));
            return step != 2; // step 2 changes its mind
        },
        &errors);
    QCOMPARE(errors.size(), 4);
    QVERIFY(errors.at(0).isEmpty());
    QVERIFY(errors.at(1).contains(QStringLiteral("step 1 fails")));
    QVERIFY(errors.at(2).isEmpty());
    QVERIFY(errors.at(3).isEmpty());
    QCOMPARE(stepMetas(*store, 0, 4),
        (QStringList {QStringLiteral("written"), QString(), QString(), QStringLiteral("written")}));
}

// If a failed step's savepoint cannot be rolled back (here: the step ended the transaction its savepoint
// lived in and a new one was begun), its writes must not be committed with the rest of the push without
// its idempotency record: the whole push fails and every step is answered with the error.
void TestServerPush::aStepThatCannotBeUndoneFailsTheWholePush()
{
    using namespace rounds::server;
    QTemporaryDir dir;
    QString error;
    std::unique_ptr<SqliteStorage> store = SqliteStorage::open(dir.path(), true, &error);
    QVERIFY2(store, qPrintable(error));
    QStringList errors;
    store->writeEach(
        3,
        [](StoreWriter &w, int step) {
            if (step == 1) {
                w.commitAndContinue(); // the savepoint is gone, the writer still in a transaction
                w.setMeta(QStringLiteral("step1"), QStringLiteral("written"));
                throw rounds::sql::SqlError(1, QStringLiteral("step 1 fails"));
            }
            w.setMeta(QStringLiteral("step%1").arg(step), QStringLiteral("written"));
            return true;
        },
        &errors);
    QCOMPARE(errors.size(), 3);
    for (const QString &e : std::as_const(errors))
        QVERIFY2(e.contains(QStringLiteral("cannot undo a failed step alone")), qPrintable(e));
    QCOMPARE(stepMetas(*store, 1, 3), (QStringList {QString(), QString()}));
    // The writer is usable again afterwards.
    QVERIFY(store->write(
        [](StoreWriter &w) {
            w.setMeta(QStringLiteral("after"), QStringLiteral("written"));
            return true;
        },
        &error));
}

void TestServerPush::killedMidBatchThenRetriedAppliesEachOnce()
{
    ServerProcess victim;
    QVERIFY(victim.createDemo(20, 10, 7));
    QVERIFY(victim.start());
    DemoOrg org;
    QVERIFY(org.load(victim));
    const QString token = victim.login(QStringLiteral("rep.hz01"));
    const QString hcp = org.hcpsOnlyIn(QStringLiteral("HZ-01")).first();
    QJsonArray batch;
    QStringList ids;
    for (int i = 0; i < 400; ++i) {
        const QString id = newId();
        ids << id;
        batch << mutation(QStringLiteral("visit_plan"), id,
            {{"territory_id", org.territory.value(QStringLiteral("HZ-01"))}, {"hcp_id", hcp},
                {"planned_at",
                    QStringLiteral("2026-12-%1T09:00:00Z").arg(i % 28 + 1, 2, 10, QLatin1Char('0'))},
                {"purpose", QStringLiteral("第%1次").arg(i)}});
    }
    const QByteArray body = QJsonDocument(QJsonObject {{"mutations", batch}}).toJson(QJsonDocument::Compact);

    // Send the batch and kill the server while it works through it.
    {
        QNetworkAccessManager nam;
        QUrl url = victim.url();
        url.setPath(QStringLiteral("/api/v1/sync/push"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        QNetworkReply *reply = nam.post(req, body);
        // Kill it once the batch is committed (a push commits its mutations together, so a kill before that
        // leaves none of them), possibly before the answer went out.
        auto applied = [&victim] { return victim.scalar(QStringLiteral("SELECT count(*) FROM mutations")); };
        QTRY_VERIFY_WITH_TIMEOUT(applied() > 0, 20000);
        victim.kill();
        qInfo("killed after %lld of 400 mutations", qlonglong(applied()));
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            QVERIFY(done.wait(10000));
        delete reply;
    }
    QVERIFY(victim.start());
    const HttpReply retry = victim.push(victim.login(QStringLiteral("rep.hz01")), batch);
    QCOMPARE(retry.status, 200);
    const QJsonArray results = retry.json.value("results").toArray();
    QCOMPARE(results.size(), 400);
    for (const QJsonValue &r : results) {
        QCOMPARE(r.toObject().value("status").toString(), QStringLiteral("applied"));
        QCOMPARE(r.toObject().value("version").toInt(), 1);
    }
    // Exactly one record per mutation, each at version 1.
    const PullResult pulled = victim.pullAll(victim.login(QStringLiteral("rep.hz01")));
    QVERIFY(pulled.ok);
    int found = 0;
    const QSet<QString> wanted(ids.begin(), ids.end());
    for (const QJsonObject &plan : recordsOf(pulled.changes, QStringLiteral("visit_plan"))) {
        if (wanted.contains(plan.value("id").toString())) {
            ++found;
            QCOMPARE(plan.value("version").toInt(), 1);
        }
    }
    QCOMPARE(found, 400);
}

void TestServerPush::cleanFieldsMergeWhenBaseIsBehind()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    pushOne(rep,
        mutation(
            QStringLiteral("visit"), id, newVisit(QStringLiteral("SH-01"), hcp, QStringLiteral("rep.sh01"))));
    // Device A changes the notes; device B, still at version 1, changes the feedback.
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit"), id, {{"notes", "A"}}, 1, {{"notes", "初次拜访"}}))
                 .value("version")
                 .toInt(),
        2);
    QJsonObject r = pushOne(
        rep, mutation(QStringLiteral("visit"), id, {{"feedback", "B"}}, 1, {{"feedback", QJsonValue()}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(r.value("version").toInt(), 3);
    QVERIFY(!r.contains("conflicts"));
    // A merged result carries the record as it stands, both devices' fields in it.
    QCOMPARE(r.value("record").toObject().value("notes").toString(), QStringLiteral("A"));
    QCOMPARE(r.value("record").toObject().value("feedback").toString(), QStringLiteral("B"));
    QCOMPARE(r.value("record").toObject().value("version").toInt(), 3);
    // Both devices set the same value: nothing to do, no new version.
    r = pushOne(rep, mutation(QStringLiteral("visit"), id, {{"notes", "A"}}, 1, {{"notes", "初次拜访"}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(r.value("version").toInt(), 3);
    const QJsonObject rec = latest(id);
    QCOMPARE(rec.value("notes").toString(), QStringLiteral("A"));
    QCOMPARE(rec.value("feedback").toString(), QStringLiteral("B"));
    QCOMPARE(rec.value("version").toInt(), 3);
}

void TestServerPush::ownerWinsAndTheLoserIsAudited()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    pushOne(rep,
        mutation(
            QStringLiteral("visit"), id, newVisit(QStringLiteral("SH-01"), hcp, QStringLiteral("rep.sh01"))));
    pushOne(rep, mutation(QStringLiteral("visit"), id, {{"notes", "laptop"}}, 1, {{"notes", "初次拜访"}}));
    const QJsonObject r = pushOne(
        rep, mutation(QStringLiteral("visit"), id, {{"notes", "tablet"}}, 1, {{"notes", "初次拜访"}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(r.value("version").toInt(), 3);
    QCOMPARE(latest(id).value("notes").toString(), QStringLiteral("tablet"));
    // The value that lost ("laptop") stays in the audit log as the old value.
    bool kept = false;
    for (const QStringList &a : auditOf(id))
        kept = kept
            || (a[0] == QLatin1String("notes") && a[1] == QLatin1String("\"laptop\"")
                && a[2] == QLatin1String("\"tablet\""));
    QVERIFY(kept);
}

void TestServerPush::nonOwnerLosesToTheOwner()
{
    // A meeting owned by rep.sh02; its manager edits an attendee's fee in conflict with the owner. The
    // attendees are the owner's alone now (managers decide the meeting only): refused, nothing applied.
    const QString rep = tokenOf(QStringLiteral("rep.sh02"));
    const QString manager = tokenOf(QStringLiteral("manager.sh"));
    const QString meeting = newId();
    const QString attendee = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    QCOMPARE(pushOne(rep,
                 mutation(QStringLiteral("meeting"), meeting,
                     {{"territory_id", m_org.territory.value(QStringLiteral("SH-02"))},
                         {"title", "心血管沙龙"}, {"starts_at", "2026-12-10T10:00:00Z"},
                         {"owner_id", m_org.user.value(QStringLiteral("rep.sh02"))}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne(rep,
                 mutation(QStringLiteral("meeting_attendee"), attendee,
                     {{"meeting_id", meeting}, {"hcp_id", hcp}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    pushOne(rep,
        mutation(
            QStringLiteral("meeting_attendee"), attendee, {{"fee_minor", 100000}}, 1, {{"fee_minor", 0}}));
    const QJsonObject r = pushOne(manager,
        mutation(
            QStringLiteral("meeting_attendee"), attendee, {{"fee_minor", 50000}}, 1, {{"fee_minor", 0}}));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    QCOMPARE(latest(attendee).value("fee_minor").toInt(), 100000);
}

void TestServerPush::masterDataConflictGoesToReview()
{
    const QString sfe = tokenOf(QStringLiteral("sfe"));
    const QString admin = tokenOf(QStringLiteral("admin"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("HZ-02")).first();
    const QJsonObject before = latest(hcp);
    const qint64 v = before.value("version").toInteger();
    const QJsonValue oldTitle = before.value("title");
    QCOMPARE(pushOne(sfe,
                 mutation(QStringLiteral("hcp"), hcp, {{"title", "主任医师"}, {"phone", "13900000000"}}, v,
                     {{"title", oldTitle}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject r = pushOne(admin,
        mutation(QStringLiteral("hcp"), hcp, {{"title", "副主任医师"}, {"email", "li@example.cn"}}, v,
            {{"title", oldTitle}, {"email", QJsonValue()}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("merged"));
    QCOMPARE(r.value("version").toInt(), int(v) + 2); // the e-mail applied
    const QJsonArray conflicts = r.value("conflicts").toArray();
    QCOMPARE(conflicts.size(), 1);
    QCOMPARE(conflicts[0].toObject().value("field").toString(), QStringLiteral("title"));
    QCOMPARE(conflicts[0].toObject().value("mine").toString(), QStringLiteral("副主任医师"));
    QCOMPARE(conflicts[0].toObject().value("theirs").toString(), QStringLiteral("主任医师"));
    const QJsonObject rec = latest(hcp);
    QCOMPARE(rec.value("title").toString(), QStringLiteral("主任医师"));
    QCOMPARE(rec.value("email").toString(), QStringLiteral("li@example.cn"));
    // The losing edit waits for SFE in the review bucket.
    const PullResult review = m_server.pullAll(sfe, QJsonObject {{"global", 1 << 30}});
    bool filed = false;
    for (const QJsonObject &c : review.changes) {
        const QJsonObject cr = c.value("record").toObject();
        if (c.value("bucket").toString() == QLatin1String("review") && cr.value("record_id").toString() == hcp
            && cr.value("status").toString() == QLatin1String("open"))
            filed = cr.value("fields").toObject() == QJsonObject {{"title", "副主任医师"}}
                && cr.value("entity").toString() == QLatin1String("hcp");
    }
    QVERIFY(filed);
    // Reps do not pull the review bucket.
    const HttpReply repPull = m_server.post(
        QStringLiteral("/api/v1/sync/pull"), QJsonObject {{"limit", 1}}, tokenOf(QStringLiteral("rep.hz02")));
    QVERIFY(!repPull.json.value("cursors").toObject().contains("review"));
}

void TestServerPush::askUserConflictKeepsBothAndAppliesTheRest()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString manager = tokenOf(QStringLiteral("manager.sh"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    pushOne(rep,
        mutation(QStringLiteral("visit_plan"), id,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"hcp_id", hcp},
                {"planned_at", "2026-12-01T09:00:00Z"}, {"purpose", "旧"}}));
    QCOMPARE(pushOne(manager,
                 mutation(QStringLiteral("visit_plan"), id, {{"planned_at", "2026-12-02T09:00:00Z"}}, 1,
                     {{"planned_at", "2026-12-01T09:00:00Z"}}))
                 .value("version")
                 .toInt(),
        2);
    const QJsonObject r = pushOne(rep,
        mutation(QStringLiteral("visit_plan"), id,
            {{"planned_at", "2026-12-03T17:00:00+08:00"}, {"purpose", "新"}}, 1,
            {{"planned_at", "2026-12-01T09:00:00Z"}, {"purpose", "旧"}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("conflict"));
    QCOMPARE(r.value("version").toInt(), 3);
    const QJsonArray conflicts = r.value("conflicts").toArray();
    QCOMPARE(conflicts.size(), 1);
    const QJsonObject c = conflicts[0].toObject();
    QCOMPARE(c.value("field").toString(), QStringLiteral("planned_at"));
    QCOMPARE(c.value("base").toString(), QStringLiteral("2026-12-01T09:00:00.000Z"));
    QCOMPARE(c.value("mine").toString(), QStringLiteral("2026-12-03T09:00:00.000Z"));
    QCOMPARE(c.value("theirs").toString(), QStringLiteral("2026-12-02T09:00:00.000Z"));
    const QJsonObject record = r.value("record").toObject();
    QCOMPARE(record.value("planned_at").toString(), QStringLiteral("2026-12-02T09:00:00.000Z"));
    QCOMPARE(record.value("purpose").toString(), QStringLiteral("新"));
    QCOMPARE(latest(id), record);
}

void TestServerPush::deleteAgainstChangedRecordIsAConflict()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString manager = tokenOf(QStringLiteral("manager.sh"));
    const QString id = newId();
    pushOne(rep,
        mutation(QStringLiteral("visit_plan"), id,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
                {"hcp_id", m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first()},
                {"planned_at", "2026-12-01T09:00:00Z"}}));
    pushOne(manager, mutation(QStringLiteral("visit_plan"), id, {{"purpose", "经理补充"}}, 1));
    const QJsonObject r
        = pushOne(rep, mutation(QStringLiteral("visit_plan"), id, {}, 1, {}, QStringLiteral("delete")));
    QCOMPARE(r.value("status").toString(), QStringLiteral("conflict"));
    QCOMPARE(r.value("version").toInt(), 2);
    QCOMPARE(r.value("record").toObject().value("purpose").toString(), QStringLiteral("经理补充"));
    QCOMPARE(latest(id).value("version").toInt(), 2); // still there
}

void TestServerPush::upsertOnDeletedRecordOffersRestore()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    pushOne(rep,
        mutation(QStringLiteral("visit_plan"), id,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
                {"hcp_id", m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first()},
                {"planned_at", "2026-12-01T09:00:00Z"}}));
    QJsonObject r
        = pushOne(rep, mutation(QStringLiteral("visit_plan"), id, {}, 1, {}, QStringLiteral("delete")));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(r.value("version").toInt(), 2);
    QVERIFY(latest(id).isEmpty());
    // An offline edit made against version 1 meets the tombstone.
    r = pushOne(rep, mutation(QStringLiteral("visit_plan"), id, {{"purpose", "离线编辑"}}, 1));
    QCOMPARE(r.value("status").toString(), QStringLiteral("conflict"));
    QCOMPARE(r.value("deleted").toBool(), true);
    QCOMPARE(r.value("version").toInt(), 2);
    QVERIFY(latest(id).isEmpty());
    // The user chose to restore: the same edit against the tombstone's version brings it back.
    r = pushOne(rep, mutation(QStringLiteral("visit_plan"), id, {{"purpose", "离线编辑"}}, 2));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(r.value("version").toInt(), 3);
    QCOMPARE(latest(id).value("purpose").toString(), QStringLiteral("离线编辑"));
}

void TestServerPush::deletedRecordsOfOtherTerritoriesStayClosed()
{
    // rep.sh01 plans and deletes a visit; rep.sh02 (another territory) knows its id.
    const QString owner = tokenOf(QStringLiteral("rep.sh01"));
    const QString other = tokenOf(QStringLiteral("rep.sh02"));
    const QString id = newId();
    pushOne(owner,
        mutation(QStringLiteral("visit_plan"), id,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
                {"hcp_id", m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first()},
                {"planned_at", "2026-12-02T09:00:00Z"}, {"purpose", "私密内容"}}));
    QCOMPARE(pushOne(owner, mutation(QStringLiteral("visit_plan"), id, {}, 1, {}, QStringLiteral("delete")))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    // Neither its version, nor its fields, nor a restore into the other rep's territory.
    for (const qint64 base : {qint64(999999), qint64(1), qint64(2)}) {
        const QJsonObject r = pushOne(other,
            mutation(QStringLiteral("visit_plan"), id,
                {{"territory_id", m_org.territory.value(QStringLiteral("SH-02"))}}, base));
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
        QVERIFY(!r.contains("record"));
        QVERIFY(!QJsonDocument(r).toJson().contains("私密内容"));
    }
    QVERIFY(latest(id).isEmpty());
}

void TestServerPush::aMutationIdOfAnotherUserRevealsNothing()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    QJsonObject m = mutation(QStringLiteral("visit_plan"), id,
        {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
            {"hcp_id", m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first()},
            {"planned_at", "2026-12-03T09:00:00Z"}});
    QCOMPARE(pushOne(rep, m).value("status").toString(), QStringLiteral("applied"));
    // Another user replays the same mutation_id (it is not a secret): no stored answer for them.
    const QJsonObject r = pushOne(tokenOf(QStringLiteral("rep.hz01")), m);
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("invalid_request"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("mutation_id"));
    // The owner still gets the first answer.
    QCOMPARE(pushOne(rep, m).value("status").toString(), QStringLiteral("applied"));
}

void TestServerPush::repsCannotChangeExistingChangeRequests()
{
    const QString repA = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    QCOMPARE(
        pushOne(repA,
            mutation(QStringLiteral("change_request"), id,
                {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"entity", "hcp"},
                    {"record_id", hcp}, {"fields", QJsonObject {{"title", "主任医师"}}}, {"reason", "晋升"}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    for (const QJsonObject &m : {mutation(QStringLiteral("change_request"), id,
                                     {{"fields", QJsonObject {{"phone", "13800000000"}}}}, 1),
             mutation(QStringLiteral("change_request"), id, {}, 1, {}, QStringLiteral("delete"))}) {
        const QJsonObject r = pushOne(repA, m);
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    }
    QCOMPARE(latest(id).value("fields").toObject().value("title").toString(), QStringLiteral("主任医师"));
}

void TestServerPush::aDetailCannotMoveOntoASubmittedVisit()
{
    const QString rep = tokenOf(QStringLiteral("rep.hz01"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("HZ-01")).first();
    const QString draft = newId(), submitted = newId(), detail = newId();
    const QString product = m_org.all(QStringLiteral("product")).first().value("id").toString();
    pushOne(rep,
        mutation(QStringLiteral("visit"), draft,
            newVisit(QStringLiteral("HZ-01"), hcp, QStringLiteral("rep.hz01"))));
    pushOne(rep,
        mutation(QStringLiteral("visit"), submitted,
            newVisit(QStringLiteral("HZ-01"), hcp, QStringLiteral("rep.hz01"), QStringLiteral("submitted"))));
    QCOMPARE(
        pushOne(rep,
            mutation(QStringLiteral("visit_detail"), detail, {{"visit_id", draft}, {"product_id", product}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    const QJsonObject r
        = pushOne(rep, mutation(QStringLiteral("visit_detail"), detail, {{"visit_id", submitted}}, 1));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    QCOMPARE(latest(detail).value("visit_id").toString(), draft);
}

void TestServerPush::reviewOfAnUnalignedHcpReachesNoTerritory()
{
    // An HCP aligned nowhere; SFE and admin edit its title from the same base.
    const QString sfe = tokenOf(QStringLiteral("sfe"));
    const QString admin = tokenOf(QStringLiteral("admin"));
    const QString hcp = newId();
    QCOMPARE(
        pushOne(sfe, mutation(QStringLiteral("hcp"), hcp, {{"full_name", "周无辖区"}, {"title", "住院医师"}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    pushOne(sfe, mutation(QStringLiteral("hcp"), hcp, {{"title", "主治医师"}}, 1, {{"title", "住院医师"}}));
    const QJsonObject r = pushOne(
        admin, mutation(QStringLiteral("hcp"), hcp, {{"title", "主任医师"}}, 1, {{"title", "住院医师"}}));
    const QString requestId = r.value("change_request_id").toString();
    QVERIFY2(!requestId.isEmpty(), QJsonDocument(r).toJson().constData());
    const QJsonObject request = latest(requestId);
    QCOMPARE(request.value("territory_id").toString(),
        m_org.territory.value(QStringLiteral("EAST"))); // the region
    // No rep or manager pulls it; SFE gets it through review.
    for (const QString &user :
        {QStringLiteral("rep.sh01"), QStringLiteral("rep.hz02"), QStringLiteral("manager.sh")}) {
        for (const QJsonObject &c : m_server.pullAll(tokenOf(user)).changes)
            QVERIFY2(c.value("id").toString() != requestId, qPrintable(user));
    }
}

void TestServerPush::submittedVisitIsReadOnly()
{
    const QString rep = tokenOf(QStringLiteral("rep.hz01"));
    const QString id = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("HZ-01")).first();
    QJsonObject r = pushOne(rep,
        mutation(
            QStringLiteral("visit"), id, newVisit(QStringLiteral("HZ-01"), hcp, QStringLiteral("rep.hz01"))));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    // Submitting is the last change.
    r = pushOne(rep, mutation(QStringLiteral("visit"), id, {{"status", "submitted"}}, 1));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    const QString detail = newId();
    const QString product = m_org.all(QStringLiteral("product")).first().value("id").toString();
    for (const QJsonObject &m : {mutation(QStringLiteral("visit"), id, {{"notes", "改"}}, 2),
             mutation(QStringLiteral("visit"), id, {{"status", "draft"}}, 2),
             mutation(QStringLiteral("visit"), id, {}, 2, {}, QStringLiteral("delete"))}) {
        r = pushOne(rep, m);
        QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
        QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    }
    QCOMPARE(latest(id).value("version").toInt(), 2);
    QCOMPARE(latest(id).value("status").toString(), QStringLiteral("submitted"));
    Q_UNUSED(detail)
    Q_UNUSED(product)
}

void TestServerPush::changeRequestApprovalAppliesFields()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh02"));
    const QString sfe = tokenOf(QStringLiteral("sfe"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-02")).value(1);
    QVERIFY(!hcp.isEmpty());
    const qint64 hcpVersion = latest(hcp).value("version").toInteger();
    const QString cr = newId();
    QJsonObject r = pushOne(rep,
        mutation(QStringLiteral("change_request"), cr,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-02"))}, {"entity", "hcp"},
                {"record_id", hcp}, {"fields", QJsonObject {{"title", "主任医师"}, {"tier", "A"}}},
                {"reason", "医生已晋升"}}));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    // A rep cannot decide.
    r = pushOne(rep, mutation(QStringLiteral("change_request"), cr, {{"status", "approved"}}, 1));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    // A bad proposal is refused up front.
    r = pushOne(rep,
        mutation(QStringLiteral("change_request"), newId(),
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-02"))}, {"entity", "hcp"},
                {"record_id", hcp}, {"fields", QJsonObject {{"tier", "Z"}}}}));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("fields"));
    // SFE approves: the fields apply to the HCP.
    r = pushOne(sfe,
        mutation(
            QStringLiteral("change_request"), cr, {{"status", "approved"}, {"decision_note", "核实"}}, 1));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    const QJsonObject h = latest(hcp);
    QCOMPARE(h.value("title").toString(), QStringLiteral("主任医师"));
    QCOMPARE(h.value("tier").toString(), QStringLiteral("A"));
    QCOMPARE(h.value("version").toInteger(), hcpVersion + 1);
    QCOMPARE(h.value("updated_by").toString(), m_org.user.value(QStringLiteral("sfe")));
    const QJsonObject decided = latest(cr);
    QCOMPARE(decided.value("status").toString(), QStringLiteral("approved"));
    QCOMPARE(decided.value("decided_by").toString(), m_org.user.value(QStringLiteral("sfe")));
    // Decided once only.
    r = pushOne(sfe, mutation(QStringLiteral("change_request"), cr, {{"status", "rejected"}}, 2));
    QCOMPARE(r.value("status").toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value("error").toObject().value("field").toString(), QStringLiteral("status"));
    // A rejected request changes nothing.
    const QString cr2 = newId();
    pushOne(rep,
        mutation(QStringLiteral("change_request"), cr2,
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-02"))}, {"entity", "hcp"},
                {"record_id", hcp}, {"fields", QJsonObject {{"tier", "D"}}}}));
    r = pushOne(sfe, mutation(QStringLiteral("change_request"), cr2, {{"status", "rejected"}}, 1));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(latest(hcp).value("tier").toString(), QStringLiteral("A"));
}

void TestServerPush::onlyAManagerApprovesAMeeting()
{
    const QString rep = tokenOf(QStringLiteral("rep.hz02"));
    const QString manager = tokenOf(QStringLiteral("manager.hz"));
    const QString id = newId();
    QCOMPARE(
        pushOne(rep,
            mutation(QStringLiteral("meeting"), id,
                {{"territory_id", m_org.territory.value(QStringLiteral("HZ-02"))},
                    {"title", "糖尿病管理研讨会"}, {"starts_at", "2026-12-12T10:00:00Z"},
                    {"owner_id", m_org.user.value(QStringLiteral("rep.hz02"))}, {"budget_minor", 800000}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("meeting"), id, {{"status", "submitted"}}, 1))
                 .value("version")
                 .toInt(),
        2);
    QJsonObject r = pushOne(rep, mutation(QStringLiteral("meeting"), id, {{"status", "approved"}}, 2));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
    r = pushOne(manager, mutation(QStringLiteral("meeting"), id, {{"status", "approved"}}, 2));
    QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
    QCOMPARE(latest(id).value("status").toString(), QStringLiteral("approved"));
    // Another district's manager may not.
    r = pushOne(tokenOf(QStringLiteral("manager.sh")),
        mutation(QStringLiteral("meeting"), id, {{"status", "rejected"}}, 3));
    QCOMPARE(r.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
}

void TestServerPush::unicodeAndQuotesRoundTripByteForByte()
{
    const QString rep = tokenOf(QStringLiteral("rep.sh01"));
    const QString id = newId();
    const QString nasty = QStringLiteral("O'Brien \"引号\"; DROP TABLE records; -- 😀 \\ \u0000x 𠀀");
    QJsonObject set = newVisit(QStringLiteral("SH-01"), m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first(),
        QStringLiteral("rep.sh01"));
    set.insert("notes", nasty);
    set.insert("follow_up", QStringLiteral("' OR '1'='1"));
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit"), id, set)).value("status").toString(),
        QStringLiteral("applied"));
    const QJsonObject rec = latest(id);
    QCOMPARE(rec.value("notes").toString(), nasty);
    QCOMPARE(rec.value("follow_up").toString(), QStringLiteral("' OR '1'='1"));
}

void TestServerPush::sigtermFinishesTheRequestInFlight()
{
    ServerProcess server;
    QVERIFY(server.createDemo(20, 10, 3));
    QVERIFY(server.start());
    DemoOrg org;
    QVERIFY(org.load(server));
    const QString token = server.login(QStringLiteral("rep.sh02"));
    const QString hcp = org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    QJsonArray batch;
    for (int i = 0; i < 1000; ++i) {
        batch << mutation(QStringLiteral("visit_plan"), newId(),
            {{"territory_id", org.territory.value(QStringLiteral("SH-02"))}, {"hcp_id", hcp},
                {"planned_at", "2026-12-01T09:00:00Z"}});
    }
    QNetworkAccessManager nam;
    QUrl url = server.url();
    url.setPath(QStringLiteral("/api/v1/sync/push"));
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    QNetworkReply *reply
        = nam.post(req, QJsonDocument(QJsonObject {{"mutations", batch}}).toJson(QJsonDocument::Compact));
    QSignalSpy done(reply, &QNetworkReply::finished);
    // Stop the server once it is busy with the batch.
    QTRY_VERIFY_WITH_TIMEOUT(server.scalar(QStringLiteral("SELECT count(*) FROM mutations")) > 0, 20000);
    QCOMPARE(server.stop(), 0);
    if (done.isEmpty())
        QVERIFY(done.wait(10000));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    const QJsonArray results = QJsonDocument::fromJson(reply->readAll()).object().value("results").toArray();
    QCOMPARE(results.size(), 1000);
    for (const QJsonValue &r : results)
        QCOMPARE(r.toObject().value("status").toString(), QStringLiteral("applied"));
    delete reply;
    QVERIFY(server.serverLog().contains("stopped"));
}

// A push that arrives while the server is stopping (here: on a keep-alive connection, while the server
// waits for a long push in flight) is either run and answered, or not run at all; never applied without
// an answer.
void TestServerPush::aRequestArrivingAtShutdownIsAnsweredOrNotApplied()
{
    ServerProcess server;
    QVERIFY(server.createDemo(20, 10, 3));
    QVERIFY(server.start());
    DemoOrg org;
    QVERIFY(org.load(server));
    const QString token = server.login(QStringLiteral("rep.sh02"));
    const QString hcp = org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    const auto batch = [&](int n, QStringList *ids) {
        QJsonArray mutations;
        for (int i = 0; i < n; ++i) {
            const QJsonObject m = mutation(QStringLiteral("visit_plan"), newId(),
                {{"territory_id", org.territory.value(QStringLiteral("SH-02"))}, {"hcp_id", hcp},
                    {"planned_at", "2026-12-01T09:00:00Z"}});
            *ids << m.value("mutation_id").toString();
            mutations << m;
        }
        return QJsonDocument(QJsonObject {{"mutations", mutations}}).toJson(QJsonDocument::Compact);
    };
    const auto request = [&](const QString &path) {
        QUrl url = server.url();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return req;
    };
    QStringList longIds, lateIds;
    const QByteArray longBody = batch(1000, &longIds);
    const QByteArray lateBody = batch(300, &lateIds);

    // The late push's connection is open (keep-alive) before the server stops.
    QNetworkAccessManager lateNam;
    std::unique_ptr<QNetworkReply> health(lateNam.get(request(QStringLiteral("/api/v1/health"))));
    QVERIFY(QSignalSpy(health.get(), &QNetworkReply::finished).wait(10000));
    QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);

    QNetworkAccessManager longNam;
    std::unique_ptr<QNetworkReply> longReply(
        longNam.post(request(QStringLiteral("/api/v1/sync/push")), longBody));
    QSignalSpy longDone(longReply.get(), &QNetworkReply::finished);
    QTest::qWait(200); // the long push is at work
    QVERIFY(server.pid() > 0);
    QCOMPARE(::kill(pid_t(server.pid()), SIGTERM), 0);
    QTest::qWait(100); // the server is stopping, waiting for the long push
    std::unique_ptr<QNetworkReply> lateReply(
        lateNam.post(request(QStringLiteral("/api/v1/sync/push")), lateBody));
    QSignalSpy lateDone(lateReply.get(), &QNetworkReply::finished);
    QTRY_VERIFY_WITH_TIMEOUT(!longDone.isEmpty() && !lateDone.isEmpty(), 60000);
    QCOMPARE(server.stop(), 0);

    const auto appliedCount = [&](const QStringList &ids) {
        return server.scalar(QStringLiteral("SELECT count(*) FROM mutations WHERE mutation_id IN ('%1')")
                                 .arg(ids.join(QStringLiteral("','"))));
    };
    const auto answeredOrNotApplied = [&](QNetworkReply *reply, const QStringList &ids, const char *what) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const qint64 applied = appliedCount(ids);
        qInfo("%s push: HTTP %d, %lld of %lld applied", what, status, applied, qint64(ids.size()));
        if (status == 200) {
            const QJsonArray results
                = QJsonDocument::fromJson(reply->readAll()).object().value("results").toArray();
            QCOMPARE(results.size(), ids.size());
            for (const QJsonValue &r : results)
                QCOMPARE(r.toObject().value("status").toString(), QStringLiteral("applied"));
            QCOMPARE(applied, qint64(ids.size()));
        } else {
            QCOMPARE(applied, 0);
        }
    };
    answeredOrNotApplied(longReply.get(), longIds, "long");
    if (QTest::currentTestFailed())
        return;
    answeredOrNotApplied(lateReply.get(), lateIds, "late");
}

QTEST_GUILESS_MAIN(TestServerPush)
#include "tst_serverpush.moc"
