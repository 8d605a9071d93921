// The client's role policy (common/protocol/rolepolicy.h: what the window offers, what the store refuses)
// agrees with the server for every entity of the schema and every role: a write the policy refuses is
// refused by the server for the role, and a write it allows is never refused for the role (it may still
// meet a workflow rule, a scope or a conflict, which the policy does not promise). Real server, demo data.
#include "common/protocol/rolepolicy.h"
#include "common/protocol/values.h"
#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using protocol::RolePolicy;

namespace {

// The server's refusals for the role (server/syncservice.cpp, the RolePolicy answers), as opposed to
// those of scope and workflow.
bool refusedForTheRole(const QJsonObject &result)
{
    if (result.value(QLatin1String("status")).toString() != QLatin1String("rejected"))
        return false;
    const QJsonObject error = result.value(QLatin1String("error")).toObject();
    if (error.value(QLatin1String("code")).toString() != QLatin1String("forbidden"))
        return false;
    const QString message = error.value(QLatin1String("message")).toString();
    for (const char *role :
        {"role ", "a rep files new ", "a rep writes only their own ", "only SFE decides "}) {
        if (message.startsWith(QLatin1String(role)))
            return true;
    }
    return message.contains(QLatin1String("belongs to another rep"));
}

QJsonObject fieldsOf(const protocol::Entity &e, const QJsonObject &record)
{
    QJsonObject out;
    for (const protocol::Field &f : e.fields) {
        if (!f.serverOnly && record.contains(f.name) && !record.value(f.name).isNull())
            out.insert(f.name, record.value(f.name));
    }
    return out;
}

} // namespace

class TestServerRoles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void policyAgreesWithTheServer_data();
    void policyAgreesWithTheServer();

private:
    QJsonObject push(const QString &user, const QJsonObject &mutation);
    // A new record of `e` as `user` would file it: a copy of one the user (else the admin) holds, with the
    // workflow's starting status, its owner `owner`, under the parents made for the test.
    std::optional<QJsonObject> newRecord(
        const QString &user, const protocol::Entity &e, const QString &owner);

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
    QHash<QString, QList<QJsonObject>> m_pulled; // user → records pulled
    QString m_draftVisit; // rep.sh01's, for the details
    QString m_draftMeeting; // rep.sh01's, for attendees and expenses
};

void TestServerRoles::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 150, 7));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    for (const char *user : {"rep.sh01", "manager.sh", "sfe", "admin"}) {
        const QString name = QString::fromLatin1(user);
        m_tokens.insert(name, m_server.login(name));
        QVERIFY(!m_tokens.value(name).isEmpty());
        const PullResult all = m_server.pullAll(m_tokens.value(name));
        QVERIFY(all.ok);
        QList<QJsonObject> records;
        for (const QJsonObject &c : all.changes) {
            if (c.contains(QLatin1String("record")))
                records << c;
        }
        m_pulled.insert(name, records);
    }
    // The parents children are filed under: a rep's new draft visit and draft meeting.
    const QString rep = QStringLiteral("rep.sh01");
    for (const char *entity : {"visit", "meeting"}) {
        const protocol::Entity &e = *protocol::Schema::instance().entity(QString::fromLatin1(entity));
        const std::optional<QJsonObject> fields = newRecord(rep, e, m_org.user.value(rep));
        QVERIFY(fields);
        const QString id = protocol::newUuid();
        const QJsonObject r = push(rep, mutation(e.name, id, *fields));
        QVERIFY2(r.value(QLatin1String("status")).toString() == QLatin1String("applied"),
            qPrintable(QJsonDocument(r).toJson()));
        (e.name == QLatin1String("visit") ? m_draftVisit : m_draftMeeting) = id;
    }
}

QJsonObject TestServerRoles::push(const QString &user, const QJsonObject &m)
{
    const HttpReply reply = m_server.push(m_tokens.value(user), QJsonArray {m});
    const QJsonArray results = reply.json.value(QLatin1String("results")).toArray();
    return results.size() == 1 ? results.first().toObject() : reply.json;
}

std::optional<QJsonObject> TestServerRoles::newRecord(
    const QString &user, const protocol::Entity &e, const QString &owner)
{
    QJsonObject sample;
    for (const QString &from : {user, QStringLiteral("admin")}) {
        const QList<QJsonObject> records = recordsOf(m_pulled.value(from), e.name);
        if (!records.isEmpty()) {
            sample = records.first();
            break;
        }
    }
    QJsonObject f = fieldsOf(e, sample);
    if (e.name == QLatin1String("setting"))
        f = {{QStringLiteral("key"), QStringLiteral("test.roles")}, {QStringLiteral("value"), 1}};
    else if (e.name == QLatin1String("change_request"))
        f = {{QStringLiteral("territory_id"), m_org.territory.value(QStringLiteral("SH-01"))},
            {QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("record_id"), m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0)},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("title"), QStringLiteral("主任医师")}}}};
    else if (e.name == QLatin1String("consent") && f.isEmpty()) // the demo holds none (docs/privacy.md)
        f = {{QStringLiteral("hcp_id"), m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0)},
            {QStringLiteral("channel"), QStringLiteral("phone")}, {QStringLiteral("status"), QStringLiteral("granted")},
            {QStringLiteral("captured_at"), QStringLiteral("2026-11-01T08:00:00Z")},
            {QStringLiteral("source"), QStringLiteral("verbal")}};
    if (f.isEmpty())
        return std::nullopt;
    for (const protocol::Field &field : e.fields) {
        // The workflow's starting point (a draft, an open request, a planned visit).
        if (field.name == QLatin1String("status") && !field.defaultValue.isUndefined())
            f.insert(field.name, field.defaultValue);
    }
    if (e.hasField(e.ownerField))
        f.insert(e.ownerField, owner);
    if (e.parentEntity == QLatin1String("visit"))
        f.insert(e.parentField, m_draftVisit);
    if (e.parentEntity == QLatin1String("meeting"))
        f.insert(e.parentField, m_draftMeeting);
    if (e.hasField(QStringLiteral("code")))
        f.insert(QStringLiteral("code"), QStringLiteral("T-%1").arg(protocol::newUuid().left(8)));
    return f;
}

void TestServerRoles::policyAgreesWithTheServer_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("entity");
    for (const char *user : {"rep.sh01", "manager.sh", "sfe", "admin"}) {
        for (const protocol::Entity &e : protocol::Schema::instance().entities())
            QTest::addRow("%s %s", user, qPrintable(e.name)) << QString::fromLatin1(user) << e.name;
    }
}

void TestServerRoles::policyAgreesWithTheServer()
{
    QFETCH(QString, user);
    QFETCH(QString, entity);
    const protocol::Entity &e = *protocol::Schema::instance().entity(entity);
    const protocol::Role role = user == QLatin1String("admin") ? protocol::RoleAdmin
        : user == QLatin1String("sfe")                         ? protocol::RoleSfe
        : user == QLatin1String("manager.sh")                  ? protocol::RoleManager
                                                               : protocol::RoleRep;
    const QString userId = m_org.user.value(user);
    const RolePolicy policy(role, userId);
    const auto parentOf = [&](const QJsonObject &fields) {
        return m_org.records.value(fields.value(e.parentField).toString());
    };

    // A new record, in the user's own name and (for an entity with an owner) in another user's.
    QStringList owners {userId};
    if (e.hasField(e.ownerField))
        owners << m_org.user.value(QStringLiteral("rep.sh02"));
    for (const QString &owner : owners) {
        const std::optional<QJsonObject> fields = newRecord(user, e, owner);
        if (!fields) {
            // Nothing to copy (a server-only entity the demo holds none of): the policy must refuse it.
            QVERIFY(!policy.mayCreate(e));
            continue;
        }
        QJsonObject parent = parentOf(*fields);
        if (e.parentEntity == QLatin1String("visit") || e.parentEntity == QLatin1String("meeting"))
            parent = {{e.ownerField, m_org.user.value(QStringLiteral("rep.sh01"))}};
        const bool allowed = policy.check(e, RolePolicy::Op::Create) == RolePolicy::Refusal::None
            && policy.checkRecord(e, *fields, parent) == RolePolicy::Refusal::None;
        const QJsonObject r = push(user, mutation(entity, protocol::newUuid(), *fields));
        QVERIFY2(refusedForTheRole(r) == !allowed,
            qPrintable(QStringLiteral("create (owner %1): policy %2, server %3")
                           .arg(owner == userId ? QStringLiteral("self") : QStringLiteral("other"),
                               allowed ? QStringLiteral("allows") : QStringLiteral("refuses"),
                               QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)))));
    }

    // A change of a record the user holds (the same value again: only the authorization is at stake).
    const QList<QJsonObject> held = recordsOf(m_pulled.value(user), entity);
    if (held.isEmpty())
        return;
    const QJsonObject existing = held.first();
    const QJsonObject fields = fieldsOf(e, existing);
    if (fields.isEmpty())
        return;
    const QString field = fields.begin().key();
    const bool allowed = policy.check(e, RolePolicy::Op::Change) == RolePolicy::Refusal::None
        && policy.checkRecord(e, fields, parentOf(fields)) == RolePolicy::Refusal::None;
    const QJsonObject r = push(user,
        mutation(entity, existing.value(QLatin1String("id")).toString(), {{field, fields.value(field)}},
            qint64(existing.value(QLatin1String("version")).toDouble()), {{field, fields.value(field)}}));
    QVERIFY2(refusedForTheRole(r) == !allowed,
        qPrintable(QStringLiteral("change: policy %1, server %2")
                       .arg(allowed ? QStringLiteral("allows") : QStringLiteral("refuses"),
                           QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)))));
}

QTEST_GUILESS_MAIN(TestServerRoles)
#include "tst_serverroles.moc"
