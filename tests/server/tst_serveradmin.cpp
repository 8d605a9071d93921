#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QJsonDocument>
#include <QUrlQuery>
#include <QtTest>

using namespace rounds::test;

// The admin routes (docs/sync-protocol.md, "Users and devices") against a real rounds-server: users with
// their devices, create, update (role, home territory, display name), disable and enable, reset password,
// revoke a device; admin only, the command line's rules at and beside their limits, the audit naming the
// administrator. Runs on SQLite and, as test_serveradmin_postgres, on PostgreSQL.
class TestServerAdmin : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void otherRolesAreForbidden_data();
    void otherRolesAreForbidden();
    void signedOutIsUnauthorized();
    void listShowsUsersAndDevices();
    void createChecksItsInput_data();
    void createChecksItsInput();
    void createdUserSignsInAndSyncs();
    void updateChangesRoleTerritoryAndName_data();
    void updateChangesRoleTerritoryAndName();
    void adminMayNotDemoteOrDisableThemselves();
    void disableAndEnable();
    void resetPasswordRevokesTokens_data();
    void resetPasswordRevokesTokens();
    void revokeDeviceWipesAtNextSync();
    void revokeDeviceChecksItsInput_data();
    void revokeDeviceChecksItsInput();
    void auditNamesTheAdministrator();

private:
    HttpReply login(const QString &user, const QString &deviceId, const QString &password = {});
    HttpReply admin(const QString &route, const QJsonObject &body);
    QJsonObject listed(const QString &username);
    HttpReply pull(const QString &token);
    QJsonObject newRep(const QString &username);

    ServerProcess m_server;
    DemoOrg m_org;
    QString m_admin;
};

void TestServerAdmin::initTestCase()
{
    QVERIFY(m_server.createDemo(20, 20));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
    const HttpReply r = login(QStringLiteral("admin"), QStringLiteral("dev-admin-desk"));
    QCOMPARE(r.status, 200);
    m_admin = r.json.value(u"token").toString();
}

HttpReply TestServerAdmin::login(const QString &user, const QString &deviceId, const QString &password)
{
    QJsonObject body {{QStringLiteral("username"), user},
        {QStringLiteral("password"),
            password.isEmpty() ? QString::fromLatin1(ServerProcess::DemoPassword) : password},
        {QStringLiteral("device_name"), QString(QStringLiteral("laptop of ") + user)},
        {QStringLiteral("client_version"), QStringLiteral("9.9.9")}};
    if (!deviceId.isEmpty())
        body.insert(QStringLiteral("device_id"), deviceId);
    return m_server.post(QStringLiteral("/api/v1/auth/login"), body);
}

HttpReply TestServerAdmin::admin(const QString &route, const QJsonObject &body)
{
    return m_server.post(QStringLiteral("/api/v1/admin/") + route, body, m_admin);
}

HttpReply TestServerAdmin::pull(const QString &token)
{
    return m_server.post(
        QStringLiteral("/api/v1/sync/pull"), QJsonObject {{QStringLiteral("limit"), 10}}, token);
}

QJsonObject TestServerAdmin::listed(const QString &username)
{
    const HttpReply r = m_server.get(QStringLiteral("/api/v1/admin/users"), m_admin);
    if (r.status != 200)
        qWarning() << "admin/users:" << r.status << r.body;
    for (const QJsonValue &v : r.json.value(u"users").toArray()) {
        if (v.toObject().value(u"username").toString() == username)
            return v.toObject();
    }
    return {};
}

// A new rep in SH-01, created through the route; its answer's user object.
QJsonObject TestServerAdmin::newRep(const QString &username)
{
    const HttpReply r = admin(QStringLiteral("users"),
        QJsonObject {{"username", username}, {"display_name", QString(QStringLiteral("新代表 ") + username)},
            {"role", "rep"}, {"home_territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
            {"password", "initial-pw-1"}});
    if (r.status != 200)
        qWarning() << "create failed:" << r.status << r.body;
    return r.json.value(u"user").toObject();
}

void TestServerAdmin::otherRolesAreForbidden_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("route");
    const QList<QPair<QByteArray, QString>> routes {{"GET", "users"}, {"POST", "users"},
        {"POST", "users/update"}, {"POST", "users/disable"}, {"POST", "users/enable"},
        {"POST", "users/password"}, {"POST", "devices/revoke"}};
    for (const char *user : {"rep.sh01", "manager.sh", "sfe"}) {
        for (const auto &r : routes)
            QTest::addRow("%s %s %s", user, r.first.constData(), qPrintable(r.second))
                << QString::fromLatin1(user) << r.first << r.second;
    }
}

void TestServerAdmin::otherRolesAreForbidden()
{
    QFETCH(QString, user);
    QFETCH(QByteArray, method);
    QFETCH(QString, route);
    const QString token = m_server.login(user);
    QVERIFY(!token.isEmpty());
    // A body that would be accepted from an admin: the role alone is refused, and nothing changes.
    const QJsonObject body {{"id", m_org.user.value(QStringLiteral("rep.sh02"))}, {"username", "intruder"},
        {"role", "admin"}, {"password", "long-enough-1"}, {"device_id", "dev-none"}};
    const HttpReply r = m_server.request(method, QStringLiteral("/api/v1/admin/") + route,
        method == "GET" ? QByteArray() : QJsonDocument(body).toJson(), token);
    QCOMPARE(r.status, 403);
    QCOMPARE(r.errorCode(), QStringLiteral("forbidden"));
    QVERIFY(r.json.value(u"error").toObject().value(u"message").toString().contains(u"administrator"));
    QVERIFY(listed(QStringLiteral("intruder")).isEmpty());
    QCOMPARE(listed(QStringLiteral("rep.sh02")).value(u"role").toString(), QStringLiteral("rep"));
    QVERIFY(listed(QStringLiteral("rep.sh02")).value(u"active").toBool());
}

void TestServerAdmin::signedOutIsUnauthorized()
{
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/users")).status, 401);
    QCOMPARE(
        m_server.post(QStringLiteral("/api/v1/admin/users/disable"), QJsonObject {{"id", "x"}}).status, 401);
    // Not JSON: the same 400 as every route with a body.
    const HttpReply bad = m_server.request("POST", QStringLiteral("/api/v1/admin/users"), "{nope", m_admin);
    QCOMPARE(bad.status, 400);
    QCOMPARE(bad.errorCode(), QStringLiteral("invalid_request"));
}

void TestServerAdmin::listShowsUsersAndDevices()
{
    QCOMPARE(login(QStringLiteral("rep.hz01"), QStringLiteral("dev-list-hz01")).status, 200);
    const HttpReply r = m_server.get(QStringLiteral("/api/v1/admin/users"), m_admin);
    QCOMPARE(r.status, 200);
    const QJsonArray users = r.json.value(u"users").toArray();
    QVERIFY(users.size() >= 8);
    QStringList names;
    for (const QJsonValue &v : users)
        names << v.toObject().value(u"username").toString();
    QStringList sorted = names;
    sorted.sort();
    QCOMPARE(names, sorted);
    const QJsonObject hz = listed(QStringLiteral("rep.hz01"));
    QCOMPARE(hz.value(u"id").toString(), m_org.user.value(QStringLiteral("rep.hz01")));
    QCOMPARE(hz.value(u"display_name").toString(), QStringLiteral("赵敏"));
    QCOMPARE(hz.value(u"role").toString(), QStringLiteral("rep"));
    QCOMPARE(hz.value(u"home_territory_id").toString(), m_org.territory.value(QStringLiteral("HZ-01")));
    QVERIFY(hz.value(u"active").toBool());
    const QJsonArray devices = hz.value(u"devices").toArray();
    QCOMPARE(devices.size(), 1);
    const QJsonObject d = devices.first().toObject();
    QCOMPARE(d.value(u"id").toString(), QStringLiteral("dev-list-hz01"));
    QCOMPARE(d.value(u"name").toString(), QStringLiteral("laptop of rep.hz01"));
    QCOMPARE(d.value(u"client_version").toString(), QStringLiteral("9.9.9"));
    QVERIFY(!d.value(u"first_seen").toString().isEmpty());
    QCOMPARE(hz.value(u"last_seen").toString(), d.value(u"last_seen").toString());
    QVERIFY(d.value(u"revoked_at").isNull());
    // A user who never signed in from a device has none, and no last contact.
    const QJsonObject hz02 = listed(QStringLiteral("rep.hz02"));
    QVERIFY(hz02.value(u"devices").toArray().isEmpty());
    QVERIFY(hz02.value(u"last_seen").isNull());
    QVERIFY(listed(QStringLiteral("sfe")).value(u"home_territory_id").isNull());
}

void TestServerAdmin::createChecksItsInput_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");
    const QString sh01 = m_org.territory.value(QStringLiteral("SH-01"));
    const QJsonObject good {
        {"username", "c.base"}, {"role", "rep"}, {"home_territory_id", sh01}, {"password", "12345678"}};
    auto with = [&](const char *login, const char *key, const QJsonValue &value) {
        QJsonObject b = good;
        b.insert(QStringLiteral("username"), QString::fromLatin1(login));
        if (value.isUndefined())
            b.remove(QString::fromLatin1(key));
        else
            b.insert(QString::fromLatin1(key), value);
        return b;
    };
    QTest::newRow("password of 7") << with("c.pw7", "password", "1234567") << 400 << "password"
                                   << "at least 8";
    QTest::newRow("password of 8") << with("c.pw8", "password", "12345678") << 200 << ""
                                   << "";
    QTest::newRow("password of 1024") << with("c.pw1024", "password", QString(1024, u'p')) << 200 << ""
                                      << "";
    QTest::newRow("password of 1025")
        << with("c.pw1025", "password", QString(1025, u'p')) << 400 << "password"
        << "at most 1024";
    QJsonObject login64 = good;
    login64.insert("username", QString(64, u'u'));
    QTest::newRow("login of 64") << login64 << 200 << ""
                                 << "";
    QJsonObject login65 = good;
    login65.insert("username", QString(65, u'v'));
    QTest::newRow("login of 65") << login65 << 400 << "username"
                                 << "1 to 64";
    QTest::newRow("login of spaces") << with("   ", "role", "rep") << 400 << "username"
                                     << "1 to 64";
    QTest::newRow("duplicate login") << with("rep.sh01", "role", "rep") << 400 << "username"
                                     << "exists already";
    QTest::newRow("unknown role") << with("c.role", "role", "auditor") << 400 << "role"
                                  << "unknown role";
    QTest::newRow("rep without territory")
        << with("c.noterr", "home_territory_id", QJsonValue()) << 400 << "home_territory_id"
        << "needs a home territory";
    QTest::newRow("manager without territory") <<
        [&] {
            QJsonObject b = with("c.mgr", "home_territory_id", QJsonValue(QJsonValue::Null));
            b.insert("role", "manager");
            return b;
        }() << 400 << "home_territory_id"
                                               << "needs a home territory";
    QTest::newRow("sfe without territory") <<
        [&] {
            QJsonObject b = with("c.sfe", "home_territory_id", QJsonValue());
            b.insert("role", "sfe");
            return b;
        }() << 200 << ""
                                           << "";
    QTest::newRow("unknown territory")
        << with("c.terr", "home_territory_id", "no-such-territory") << 400 << "home_territory_id"
        << "no territory with id";
    QTest::newRow("display name of 200") << with("c.dn200", "display_name", QString(200, u'名')) << 200 << ""
                                         << "";
    QTest::newRow("display name of 201")
        << with("c.dn201", "display_name", QString(201, u'名')) << 400 << "display_name"
        << "at most 200";
    QTest::newRow("login not a string") <<
        [&] {
            QJsonObject b = good;
            b.insert("username", 42);
            return b;
        }() << 400 << "username"
                                        << "must be a string";
    QTest::newRow("no password") << with("c.nopw", "password", QJsonValue(QJsonValue::Undefined)) << 400
                                 << "password"
                                 << "missing";
}

void TestServerAdmin::createChecksItsInput()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, message);
    const int before
        = m_server.get(QStringLiteral("/api/v1/admin/users"), m_admin).json.value(u"users").toArray().size();
    const HttpReply r = admin(QStringLiteral("users"), body);
    QVERIFY2(r.status == status, r.body.constData());
    const int after
        = m_server.get(QStringLiteral("/api/v1/admin/users"), m_admin).json.value(u"users").toArray().size();
    if (status != 200) {
        QCOMPARE(r.errorCode(), QStringLiteral("invalid_request"));
        QCOMPARE(r.errorField(), field);
        QVERIFY2(r.json.value(u"error").toObject().value(u"message").toString().contains(message),
            r.body.constData());
        QCOMPARE(after, before); // nothing was created
        return;
    }
    QCOMPARE(after, before + 1);
    const QJsonObject user = r.json.value(u"user").toObject();
    QCOMPARE(user.value(u"username").toString(), body.value(u"username").toString());
    QVERIFY(user.value(u"active").toBool());
    QVERIFY(!user.value(u"id").toString().isEmpty());
    QCOMPARE(login(body.value(u"username").toString(), {}, body.value(u"password").toString()).status, 200);
}

void TestServerAdmin::createdUserSignsInAndSyncs()
{
    const QJsonObject user = newRep(QStringLiteral("rep.new1"));
    QCOMPARE(user.value(u"display_name").toString(), QStringLiteral("新代表 rep.new1"));
    QCOMPARE(user.value(u"home_territory_id").toString(), m_org.territory.value(QStringLiteral("SH-01")));
    const HttpReply signedIn = login(QStringLiteral("rep.new1"), QStringLiteral("dev-new1"), "initial-pw-1");
    QCOMPARE(signedIn.status, 200);
    const QJsonObject me = signedIn.json.value(u"user").toObject();
    QCOMPARE(me.value(u"role").toString(), QStringLiteral("rep"));
    QVERIFY(me.value(u"territory_ids").toArray().contains(m_org.territory.value(QStringLiteral("SH-01"))));
    // Every laptop learns the new user's name through the feed.
    const PullResult feed = m_server.pullAll(signedIn.json.value(u"token").toString());
    QVERIFY(feed.ok);
    bool seen = false;
    for (const QJsonObject &u : recordsOf(feed.changes, QStringLiteral("user")))
        seen = seen || u.value(u"username").toString() == QLatin1String("rep.new1");
    QVERIFY(seen);
}

void TestServerAdmin::updateChangesRoleTerritoryAndName_data()
{
    QTest::addColumn<QJsonObject>("change");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("role"); // expected afterwards
    QTest::addColumn<QString>("home"); // territory code afterwards; "-" for none
    QTest::newRow("manager of SH") << QJsonObject {{"role", "manager"}, {"home_territory_id", "SH"}} << 200
                                   << ""
                                   << "manager"
                                   << "SH";
    QTest::newRow("sfe, no territory")
        << QJsonObject {{"role", "sfe"}, {"home_territory_id", QJsonValue()}} << 200 << ""
        << "sfe"
        << "-";
    QTest::newRow("rep again needs a territory")
        << QJsonObject {{"role", "rep"}} << 400 << "home_territory_id"
        << "sfe"
        << "-";
    QTest::newRow("rep of HZ-02") << QJsonObject {{"role", "rep"}, {"home_territory_id", "HZ-02"}} << 200
                                  << ""
                                  << "rep"
                                  << "HZ-02";
    QTest::newRow("a rep's territory taken away")
        << QJsonObject {{"home_territory_id", QJsonValue()}} << 400 << "home_territory_id"
        << "rep"
        << "HZ-02";
    QTest::newRow("unknown role") << QJsonObject {{"role", "owner"}} << 400 << "role"
                                  << "rep"
                                  << "HZ-02";
    QTest::newRow("role not a string") << QJsonObject {{"role", 3}} << 400 << "role"
                                       << "rep"
                                       << "HZ-02";
    QTest::newRow("display name only") << QJsonObject {{"display_name", "王小明"}} << 200 << ""
                                       << "rep"
                                       << "HZ-02";
    QTest::newRow("unknown user") << QJsonObject {{"id", "no-such-user"}, {"role", "sfe"}} << 404 << "id"
                                  << "rep"
                                  << "HZ-02";
}

void TestServerAdmin::updateChangesRoleTerritoryAndName()
{
    QFETCH(QJsonObject, change);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, role);
    QFETCH(QString, home);
    static QString id;
    if (id.isEmpty())
        id = newRep(QStringLiteral("rep.moving")).value(u"id").toString();
    QVERIFY(!id.isEmpty());
    QJsonObject body = change;
    if (!body.contains(u"id"))
        body.insert("id", id);
    if (body.value(u"home_territory_id").isString())
        body.insert("home_territory_id", m_org.territory.value(body.value(u"home_territory_id").toString()));
    const HttpReply r = admin(QStringLiteral("users/update"), body);
    QVERIFY2(r.status == status, r.body.constData());
    if (status != 200) {
        QCOMPARE(r.errorField(), field);
        QCOMPARE(
            r.errorCode(), status == 404 ? QStringLiteral("not_found") : QStringLiteral("invalid_request"));
    }
    const QJsonObject now = listed(QStringLiteral("rep.moving"));
    QCOMPARE(now.value(u"role").toString(), role);
    QCOMPARE(now.value(u"home_territory_id").toString(),
        home == QLatin1String("-") ? QString() : m_org.territory.value(home));
    if (QTest::currentDataTag() == QLatin1String("display name only"))
        QCOMPARE(now.value(u"display_name").toString(), QStringLiteral("王小明"));
}

void TestServerAdmin::adminMayNotDemoteOrDisableThemselves()
{
    const QString me = m_org.user.value(QStringLiteral("admin"));
    for (const char *role : {"rep", "manager", "sfe"}) {
        const HttpReply r = admin(QStringLiteral("users/update"),
            QJsonObject {{"id", me}, {"role", QString::fromLatin1(role)},
                {"home_territory_id", m_org.territory.value(QStringLiteral("SH-01"))}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("role"));
        QVERIFY2(
            r.json.value(u"error").toObject().value(u"message").toString().contains(u"your own admin role"),
            r.body.constData());
    }
    // Keeping the role while renaming is allowed.
    QCOMPARE(admin(QStringLiteral("users/update"),
                 QJsonObject {{"id", me}, {"role", "admin"}, {"display_name", "管理员"}})
                 .status,
        200);
    const HttpReply off = admin(QStringLiteral("users/disable"), QJsonObject {{"id", me}});
    QCOMPARE(off.status, 400);
    QCOMPARE(off.errorField(), QStringLiteral("id"));
    QVERIFY(off.json.value(u"error").toObject().value(u"message").toString().contains(u"your own account"));
    QCOMPARE(listed(QStringLiteral("admin")).value(u"role").toString(), QStringLiteral("admin"));
    QVERIFY(listed(QStringLiteral("admin")).value(u"active").toBool());
    QCOMPARE(pull(m_admin).status, 200);
    // Another administrator may.
    const HttpReply second = admin(QStringLiteral("users"),
        QJsonObject {{"username", "admin.two"}, {"role", "admin"}, {"password", "second-admin-1"}});
    QCOMPARE(second.status, 200);
    const QString other
        = login(QStringLiteral("admin.two"), {}, "second-admin-1").json.value(u"token").toString();
    QVERIFY(!other.isEmpty());
    const HttpReply demoted = m_server.post(QStringLiteral("/api/v1/admin/users/update"),
        QJsonObject {{"id", second.json.value(u"user").toObject().value(u"id")}, {"role", "sfe"}}, m_admin);
    QCOMPARE(demoted.status, 200);
    // …and the demoted one is no admin any more.
    QCOMPARE(m_server.get(QStringLiteral("/api/v1/admin/users"), other).status, 403);
}

void TestServerAdmin::disableAndEnable()
{
    const QString id = newRep(QStringLiteral("rep.leaving")).value(u"id").toString();
    const HttpReply a = login(QStringLiteral("rep.leaving"), QStringLiteral("dev-leaving-a"), "initial-pw-1");
    const HttpReply b = login(QStringLiteral("rep.leaving"), {}, "initial-pw-1"); // a client without a device
    QCOMPARE(a.status, 200);
    QCOMPARE(b.status, 200);
    const HttpReply off = admin(QStringLiteral("users/disable"), QJsonObject {{"id", id}});
    QCOMPARE(off.status, 200);
    QVERIFY(!off.json.value(u"user").toObject().value(u"active").toBool());
    const HttpReply revoked = pull(a.json.value(u"token").toString());
    QCOMPARE(revoked.status, 403);
    QCOMPARE(revoked.errorCode(), QStringLiteral("device_revoked"));
    QCOMPARE(revoked.json.value(u"error").toObject().value(u"reason").toString(),
        QStringLiteral("the account was disabled"));
    QCOMPARE(pull(b.json.value(u"token").toString()).status, 401);
    QCOMPARE(login(QStringLiteral("rep.leaving"), {}, "initial-pw-1").status, 401);
    // Disabling twice is no error.
    QCOMPARE(admin(QStringLiteral("users/disable"), QJsonObject {{"id", id}}).status, 200);
    // The admin's own laptop sees the user disabled in the feed.
    bool inactive = false;
    for (const QJsonObject &u : recordsOf(m_server.pullAll(m_admin).changes, QStringLiteral("user"))) {
        if (u.value(u"id").toString() == id)
            inactive = !u.value(u"active").toBool();
    }
    QVERIFY(inactive);

    const HttpReply on = admin(QStringLiteral("users/enable"), QJsonObject {{"id", id}});
    QCOMPARE(on.status, 200);
    QVERIFY(on.json.value(u"user").toObject().value(u"active").toBool());
    // The user signs in again from a new computer; the revoked one stays revoked.
    QCOMPARE(
        login(QStringLiteral("rep.leaving"), QStringLiteral("dev-leaving-new"), "initial-pw-1").status, 200);
    QCOMPARE(
        login(QStringLiteral("rep.leaving"), QStringLiteral("dev-leaving-a"), "initial-pw-1").status, 403);
    QCOMPARE(admin(QStringLiteral("users/enable"), QJsonObject {{"id", "nobody"}}).status, 404);
    QCOMPARE(admin(QStringLiteral("users/disable"), QJsonObject {}).errorField(), QStringLiteral("id"));
}

void TestServerAdmin::resetPasswordRevokesTokens_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("7 characters") << QStringLiteral("1234567") << false;
    QTest::newRow("8 characters") << QStringLiteral("87654321") << true;
    QTest::newRow("1025 characters") << QString(1025, u'x') << false;
    QTest::newRow("1024 characters") << QString(1024, u'y') << true;
}

void TestServerAdmin::resetPasswordRevokesTokens()
{
    QFETCH(QString, password);
    QFETCH(bool, accepted);
    const QString login = QStringLiteral("rep.pw.%1").arg(password.size());
    const QString id = newRep(login).value(u"id").toString();
    QVERIFY(!id.isEmpty());
    const HttpReply before
        = this->login(login, QStringLiteral("dev-") + login.mid(4).replace(u'.', u'-'), "initial-pw-1");
    QCOMPARE(before.status, 200);
    const QString oldToken = before.json.value(u"token").toString();
    const HttpReply r
        = admin(QStringLiteral("users/password"), QJsonObject {{"id", id}, {"password", password}});
    if (!accepted) {
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("password"));
        QCOMPARE(pull(oldToken).status, 200); // nothing changed
        QCOMPARE(this->login(login, {}, "initial-pw-1").status, 200);
        return;
    }
    QCOMPARE(r.status, 200);
    const HttpReply stale = pull(oldToken);
    QCOMPARE(stale.status, 401); // signs in again; the device itself is not revoked
    QCOMPARE(stale.errorCode(), QStringLiteral("unauthorized"));
    QCOMPARE(this->login(login, {}, "initial-pw-1").status, 401);
    const HttpReply again
        = this->login(login, QStringLiteral("dev-") + login.mid(4).replace(u'.', u'-'), password);
    QCOMPARE(again.status, 200);
    QCOMPARE(pull(again.json.value(u"token").toString()).status, 200);
}

void TestServerAdmin::revokeDeviceWipesAtNextSync()
{
    const HttpReply rep = login(QStringLiteral("rep.sh02"), QStringLiteral("dev-sh02-lost"));
    QCOMPARE(rep.status, 200);
    const QString token = rep.json.value(u"token").toString();
    QCOMPARE(pull(token).status, 200);
    const HttpReply r = admin(QStringLiteral("devices/revoke"),
        QJsonObject {{"device_id", "dev-sh02-lost"}, {"reason", "左在出租车上 (left in a taxi)"}});
    QCOMPARE(r.status, 200);
    const QJsonObject user = r.json.value(u"user").toObject();
    QCOMPARE(user.value(u"username").toString(), QStringLiteral("rep.sh02"));
    const QJsonObject device = user.value(u"devices").toArray().first().toObject();
    QCOMPARE(device.value(u"id").toString(), QStringLiteral("dev-sh02-lost"));
    QVERIFY(!device.value(u"revoked_at").toString().isEmpty());
    QCOMPARE(device.value(u"revoked_reason").toString(), QStringLiteral("左在出租车上 (left in a taxi)"));
    const HttpReply denied = pull(token);
    QCOMPARE(denied.status, 403);
    QCOMPARE(denied.errorCode(), QStringLiteral("device_revoked"));
    QCOMPARE(denied.json.value(u"error").toObject().value(u"reason").toString(),
        QStringLiteral("左在出租车上 (left in a taxi)"));
    // The user's account stays: another computer signs in.
    QCOMPARE(login(QStringLiteral("rep.sh02"), QStringLiteral("dev-sh02-new")).status, 200);
    // No reason: the default one.
    QCOMPARE(login(QStringLiteral("rep.sh02"), QStringLiteral("dev-sh02-old")).status, 200);
    QCOMPARE(
        admin(QStringLiteral("devices/revoke"), QJsonObject {{"device_id", "dev-sh02-old"}}).status, 200);
    QCOMPARE(login(QStringLiteral("rep.sh02"), QStringLiteral("dev-sh02-old"))
                 .json.value(u"error")
                 .toObject()
                 .value(u"reason")
                 .toString(),
        QStringLiteral("revoked by an administrator"));
}

void TestServerAdmin::revokeDeviceChecksItsInput_data()
{
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("reason of 500") << QJsonObject {{"device_id", "dev-r500"}, {"reason", QString(500, u'r')}}
                                   << 200 << "";
    QTest::newRow("reason of 501") << QJsonObject {{"device_id", "dev-r501"}, {"reason", QString(501, u'r')}}
                                   << 400 << "reason";
    QTest::newRow("unknown device") << QJsonObject {{"device_id", "dev-nobody"}} << 404 << "device_id";
    QTest::newRow("bad device id") << QJsonObject {{"device_id", "a b"}} << 400 << "device_id";
    QTest::newRow("no device id") << QJsonObject {{"reason", "lost"}} << 400 << "device_id";
    QTest::newRow("the admin's own device")
        << QJsonObject {{"device_id", "dev-admin-desk"}} << 400 << "device_id";
}

void TestServerAdmin::revokeDeviceChecksItsInput()
{
    QFETCH(QJsonObject, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const QString device = body.value(u"device_id").toString();
    if (device.startsWith(QLatin1String("dev-r5")))
        QCOMPARE(login(QStringLiteral("manager.hz"), device).status, 200);
    const HttpReply r = admin(QStringLiteral("devices/revoke"), body);
    QVERIFY2(r.status == status, r.body.constData());
    if (status == 200)
        return;
    QCOMPARE(r.errorField(), field);
    if (device.startsWith(QLatin1String("dev-r5")))
        QCOMPARE(login(QStringLiteral("manager.hz"), device).status, 200); // not revoked
    QCOMPARE(pull(m_admin).status, 200); // the admin's own laptop goes on
}

void TestServerAdmin::auditNamesTheAdministrator()
{
    const QString id = newRep(QStringLiteral("rep.audited")).value(u"id").toString();
    QCOMPARE(admin(QStringLiteral("users/update"), QJsonObject {{"id", id}, {"display_name", "审计"}}).status,
        200);
    QCOMPARE(admin(QStringLiteral("users/password"), QJsonObject {{"id", id}, {"password", "another-pw-2"}})
                 .status,
        200);
    QCOMPARE(login(QStringLiteral("rep.audited"), QStringLiteral("dev-audited"), "another-pw-2").status, 200);
    QCOMPARE(admin(QStringLiteral("devices/revoke"),
                 QJsonObject {{"device_id", "dev-audited"}, {"reason", "test"}})
                 .status,
        200);
    QCOMPARE(admin(QStringLiteral("users/disable"), QJsonObject {{"id", id}}).status, 200);
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("entity"), QStringLiteral("user"));
    q.addQueryItem(QStringLiteral("id"), id);
    const HttpReply h
        = m_server.get(QStringLiteral("/api/v1/history?") + q.toString(QUrl::FullyEncoded), m_admin);
    QCOMPARE(h.status, 200);
    const QJsonArray entries = h.json.value(u"entries").toArray();
    QStringList notes;
    for (const QJsonValue &v : entries) {
        const QJsonObject e = v.toObject();
        notes << e.value(u"note").toString();
        QCOMPARE(
            e.value(u"user").toObject().value(u"id").toString(), m_org.user.value(QStringLiteral("admin")));
        QCOMPARE(e.value(u"device").toString(), QStringLiteral("laptop of admin"));
        for (const QJsonValue &c : e.value(u"changes").toArray())
            QVERIFY2(
                !c.toObject().value(u"new").toString().contains(u"another-pw"), "the password is never kept");
    }
    QCOMPARE(notes,
        (QStringList {"user add", "user update", "user password", "device revoke: test", "user disable"}));
}

QTEST_GUILESS_MAIN(TestServerAdmin)
#include "tst_serveradmin.moc"
