// The store refuses a local write the signed-in role cannot make (Store::policy(), the rules the server
// applies): nothing of it reaches the visible rows or the outbox, and the user reads why. A change the role
// may make goes through as before; a file nobody signed in to refuses nothing.
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "models/store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kHcp = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");
const QString kOtherRep = QStringLiteral("44444444-4444-4444-8444-444444444444");
const QString kProduct = QStringLiteral("55555555-5555-4555-8555-555555555555");
// Records the server sent before the test writes.
const QString kOwnVisit = QStringLiteral("66666666-6666-4666-8666-666666666661");
const QString kOtherVisit = QStringLiteral("66666666-6666-4666-8666-666666666662");
const QString kMeeting = QStringLiteral("77777777-7777-4777-8777-777777777771");
const QString kRequest = QStringLiteral("88888888-8888-4888-8888-888888888881");

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

QJsonObject visit(const QString &repId)
{
    return {{s("territory_id"), kTerritory}, {s("hcp_id"), kHcp}, {s("rep_id"), repId},
        {s("visited_at"), s("2026-11-22T01:30:00.000Z")}, {s("channel"), s("face_to_face")},
        {s("status"), s("draft")}};
}

QJsonObject meeting(const QString &ownerId)
{
    return {{s("territory_id"), kTerritory}, {s("title"), s("科室会")}, {s("kind"), s("department")},
        {s("mode"), s("offline")}, {s("status"), s("draft")}, {s("starts_at"), s("2026-12-01T06:00:00.000Z")},
        {s("owner_id"), ownerId}, {s("budget_minor"), 100000}, {s("currency"), s("CNY")}};
}

QJsonObject changeRequest(const char *status)
{
    return {{s("territory_id"), kTerritory}, {s("entity"), s("hcp")}, {s("record_id"), kHcp},
        {s("fields"), QJsonObject {{s("title"), s("主任医师")}}}, {s("status"), s(status)}};
}

PulledChange pulled(const QString &entity, const QString &id, QJsonObject fields)
{
    fields.insert(s("id"), id);
    fields.insert(s("version"), 2);
    fields.insert(s("updated_at"), s("2026-11-22T01:00:00.000Z"));
    PulledChange c;
    c.bucket = s("t:") + kTerritory;
    c.seq = 1;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    return c;
}

} // namespace

class TestStoreRoles : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void writesFollowTheRole_data();
    void writesFollowTheRole();
    void aRefusedEditLeavesTheRecordAsItWas();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestStoreRoles::init()
{
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir.filePath(QStringLiteral("%1.db").arg(protocol::newUuid()))).ok);
    const ApplyResult r = m_store->applyPage(
        {pulled(s("visit"), kOwnVisit, visit(kRep)), pulled(s("visit"), kOtherVisit, visit(kOtherRep)),
            pulled(s("meeting"), kMeeting, meeting(kRep)),
            pulled(s("change_request"), kRequest, changeRequest("open"))},
        {});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.upserted, 4);
}

void TestStoreRoles::writesFollowTheRole_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QString>("op"); // create, update, remove
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("id"); // update, remove
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<bool>("refused");

    const QJsonObject tag {{s("hcp_id"), kHcp}, {s("category"), s("basic")}, {s("tag"), s("KOL")}};
    const QJsonObject note {{s("notes"), s("补充")}};
    const auto detail = [](const QString &visitId) {
        return QJsonObject {{s("visit_id"), visitId}, {s("product_id"), kProduct}};
    };
    const QJsonObject setting {{s("key"), s("kpi.cost_per_call_minor")}, {s("value"), 15000}};
    const QJsonObject title {{s("title"), s("改名")}};

    QTest::newRow("nobody signed in: a visit is kept") << ""
                                                       << "create"
                                                       << "visit"
                                                       << "" << visit(kRep) << false;
    // A rep: their own visits, tags, open change requests, their own meetings.
    QTest::newRow("rep: own visit") << "rep"
                                    << "create"
                                    << "visit"
                                    << "" << visit(kRep) << false;
    QTest::newRow("rep: a visit in another rep's name") << "rep"
                                                        << "create"
                                                        << "visit"
                                                        << "" << visit(kOtherRep) << true;
    QTest::newRow("rep: edits own visit") << "rep"
                                          << "update"
                                          << "visit" << kOwnVisit << note << false;
    QTest::newRow("rep: edits another rep's visit") << "rep"
                                                    << "update"
                                                    << "visit" << kOtherVisit << note << true;
    QTest::newRow("rep: takes another rep's visit")
        << "rep"
        << "update"
        << "visit" << kOwnVisit << QJsonObject {{s("rep_id"), kOtherRep}} << true;
    QTest::newRow("rep: deletes another rep's visit") << "rep"
                                                      << "remove"
                                                      << "visit" << kOtherVisit << QJsonObject() << true;
    QTest::newRow("rep: detail of own visit") << "rep"
                                              << "create"
                                              << "visit_detail"
                                              << "" << detail(kOwnVisit) << false;
    QTest::newRow("rep: detail of another rep's visit") << "rep"
                                                        << "create"
                                                        << "visit_detail"
                                                        << "" << detail(kOtherVisit) << true;
    QTest::newRow("rep: tags an HCP") << "rep"
                                      << "create"
                                      << "hcp_tag"
                                      << "" << tag << false;
    QTest::newRow("rep: files an open request") << "rep"
                                                << "create"
                                                << "change_request"
                                                << "" << changeRequest("open") << false;
    QTest::newRow("rep: files a decided request") << "rep"
                                                  << "create"
                                                  << "change_request"
                                                  << "" << changeRequest("approved") << true;
    QTest::newRow("rep: edits a filed request")
        << "rep"
        << "update"
        << "change_request" << kRequest << QJsonObject {{s("reason"), s("x")}} << true;
    QTest::newRow("rep: starts own meeting") << "rep"
                                             << "create"
                                             << "meeting"
                                             << "" << meeting(kRep) << false;
    QTest::newRow("rep: company settings") << "rep"
                                           << "create"
                                           << "setting"
                                           << "" << setting << true;
    // A manager decides meetings and plans; files no visits, tags or corrections, starts no meetings.
    QTest::newRow("manager: a visit") << "manager"
                                      << "create"
                                      << "visit"
                                      << "" << visit(kRep) << true;
    QTest::newRow("manager: a tag") << "manager"
                                    << "create"
                                    << "hcp_tag"
                                    << "" << tag << true;
    QTest::newRow("manager: a correction") << "manager"
                                           << "create"
                                           << "change_request"
                                           << "" << changeRequest("open") << true;
    QTest::newRow("manager: a new meeting") << "manager"
                                            << "create"
                                            << "meeting"
                                            << "" << meeting(kRep) << true;
    QTest::newRow("manager: edits a meeting of the district") << "manager"
                                                              << "update"
                                                              << "meeting" << kMeeting << title << false;
    // SFE: master data, tags and requests; no field work, no company settings.
    QTest::newRow("sfe: a visit") << "sfe"
                                  << "create"
                                  << "visit"
                                  << "" << visit(kRep) << true;
    QTest::newRow("sfe: a tag") << "sfe"
                                << "create"
                                << "hcp_tag"
                                << "" << tag << false;
    QTest::newRow("sfe: decides a request")
        << "sfe"
        << "update"
        << "change_request" << kRequest << QJsonObject {{s("status"), s("approved")}} << false;
    QTest::newRow("sfe: company settings") << "sfe"
                                           << "create"
                                           << "setting"
                                           << "" << setting << true;
    // An admin: settings and master data; meetings are not theirs.
    QTest::newRow("admin: a new meeting") << "admin"
                                          << "create"
                                          << "meeting"
                                          << "" << meeting(kRep) << true;
    QTest::newRow("admin: edits a meeting") << "admin"
                                            << "update"
                                            << "meeting" << kMeeting << title << true;
    QTest::newRow("admin: company settings") << "admin"
                                             << "create"
                                             << "setting"
                                             << "" << setting << false;
    QTest::newRow("unknown role: a tag") << "auditor"
                                         << "create"
                                         << "hcp_tag"
                                         << "" << tag << true;
}

void TestStoreRoles::writesFollowTheRole()
{
    QFETCH(QString, role);
    QFETCH(QString, op);
    QFETCH(QString, entity);
    QFETCH(QString, id);
    QFETCH(QJsonObject, fields);
    QFETCH(bool, refused);
    QVERIFY(m_store->setMeta(s("role"), role));
    QVERIFY(m_store->setMeta(s("user_id"), role == QLatin1String("rep") ? kRep : protocol::newUuid()));
    const QList<OutboxMutation> before = m_store->outbox();
    const QList<protocol::Record> rowsBefore = m_store->records(entity);

    const WriteResult w = op == QLatin1String("create") ? m_store->create(entity, fields)
        : op == QLatin1String("update")                 ? m_store->update(entity, id, fields)
                                                        : m_store->remove(entity, id);
    QCOMPARE(w.refused, refused);
    if (!refused) {
        QVERIFY2(w.ok, qPrintable(w.error));
        QCOMPARE(m_store->outbox().size(), before.size() + 1);
        return;
    }
    QVERIFY(!w.ok);
    QVERIFY(!w.error.isEmpty());
    QVERIFY2(w.error.contains(QLatin1String("nothing was saved"), Qt::CaseInsensitive), qPrintable(w.error));
    // Nothing entered the outbox, and the visible rows are as they were.
    QCOMPARE(m_store->outbox().size(), before.size());
    QCOMPARE(m_store->pendingCount(), 0);
    QCOMPARE(m_store->records(entity).size(), rowsBefore.size());
}

void TestStoreRoles::aRefusedEditLeavesTheRecordAsItWas()
{
    QVERIFY(m_store->setMeta(s("role"), s("manager")));
    QVERIFY(m_store->setMeta(s("user_id"), kOtherRep));
    QSignalSpy changed(m_store.get(), &Store::recordsChanged);
    const WriteResult w = m_store->update(s("visit"), kOwnVisit, {{s("notes"), s("manager's note")}});
    QVERIFY(w.refused);
    QCOMPARE(changed.count(), 0);
    QVERIFY(m_store->record(s("visit"), kOwnVisit)->fields.value(s("notes")).toString().isEmpty());
    QVERIFY(!m_store->shadow(s("visit"), kOwnVisit));
    QVERIFY(m_store->outbox().isEmpty());
}

QTEST_GUILESS_MAIN(TestStoreRoles)
#include "tst_storeroles.moc"
