#include "common/protocol/values.h"
#include "models/companysettings.h"
#include "syncclient.h"

#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// Minimum necessary and retention (docs/privacy.md, docs/server.md "Retention"), against a real server:
// the contact fields a company keeps off reps' laptops, its settings checked at their limits on the
// client and the server, `rounds-server prune` at, below and above each retention, and a laptop whose
// cursor predates pruned tombstones.
class TestMinimum : public QObject
{
    Q_OBJECT
private slots:
    void contactFieldsReachOnlyTheRolesTheSettingNames();
    void repChangeRequestKeepsHiddenPhone();
    void settingsCheckedAtTheirLimits_data();
    void settingsCheckedAtTheirLimits();
    void pruneAtBelowAboveRetention();
    void laptopBehindPrunedTombstonesResyncs();
    void exportWithoutPersonalFields();
    void cleanupTestCase() { m_limits.reset(); }

private:
    std::unique_ptr<ServerProcess> m_limits;
    static QString ago(qint64 days, qint64 seconds = 0)
    {
        return QDateTime::currentDateTimeUtc().addDays(-days).addSecs(-seconds).toString(Qt::ISODateWithMs);
    }
    static HttpReply pushSetting(
        ServerProcess &server, const QString &token, const QString &key, const QJsonValue &value)
    {
        return server.push(token,
            QJsonArray {mutation(QStringLiteral("setting"), protocol::newUuid(),
                {{QStringLiteral("key"), key}, {QStringLiteral("value"), value}})});
    }
    static QString resultStatus(const HttpReply &r)
    {
        return r.json.value(u"results").toArray().first().toObject().value(u"status").toString();
    }
    static qint64 count(SyncClient &c, const QString &sql) { return c.store->database()->scalarInt(sql); }
    static QJsonObject json(const char *text) { return QJsonDocument::fromJson(text).object(); }
    // Runs `rounds-server ARGS --data DIR` (or --database URL); stdout.
    static QByteArray command(ServerProcess &server, const QStringList &args, int *rc)
    {
        QByteArray out, err;
        *rc = ServerProcess::runCommand(args + server.storeArgs(), {}, &out, &err);
        if (*rc != 0)
            qWarning() << err;
        return out;
    }
};

void TestMinimum::contactFieldsReachOnlyTheRolesTheSettingNames()
{
    ServerProcess server;
    QVERIFY(server.createDemo(60, 100, 3));
    QVERIFY(server.start());
    QTemporaryDir dir;
    SyncClient rep, manager;
    QVERIFY(rep.signIn(server, server.url().toString(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(manager.signIn(server, server.url().toString(), dir.path(), QStringLiteral("manager.sh")));
    QVERIFY(rep.sync().ok);
    QVERIFY(manager.sync().ok);
    // Today's behaviour by default: the rep's own HCPs with their phones and e-mails.
    const qint64 hcps = count(rep, QStringLiteral("SELECT count(*) FROM hcp"));
    const qint64 phones = count(rep, QStringLiteral("SELECT count(*) FROM hcp WHERE phone IS NOT NULL"));
    QVERIFY(hcps > 0);
    QVERIFY(phones > 0);
    const qint64 managerPhones
        = count(manager, QStringLiteral("SELECT count(*) FROM hcp WHERE phone IS NOT NULL"));
    QVERIFY(managerPhones >= phones);

    const QString admin = server.login(QStringLiteral("admin"));
    QCOMPARE(resultStatus(pushSetting(
                 server, admin, QStringLiteral("privacy.contact_fields"), json(R"({"rep": []})"))),
        QStringLiteral("applied"));
    QVERIFY(rep.sync().ok);
    QVERIFY(manager.sync().ok);
    // The rep's laptop holds the same HCPs, without a phone or an e-mail; the manager's still has them.
    QCOMPARE(count(rep, QStringLiteral("SELECT count(*) FROM hcp")), hcps);
    QCOMPARE(
        count(rep, QStringLiteral("SELECT count(*) FROM hcp WHERE phone IS NOT NULL OR email IS NOT NULL")),
        0);
    QCOMPARE(
        count(manager, QStringLiteral("SELECT count(*) FROM hcp WHERE phone IS NOT NULL")), managerPhones);

    // On the wire: no phone key in any HCP of a rep's pull, and the page says what it left out.
    const HttpReply page = server.post(
        QStringLiteral("/api/v1/sync/pull"), {{QStringLiteral("cursors"), QJsonObject()}}, rep.token);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.json.value(u"withheld_fields").toObject(), json(R"({"hcp": ["email", "phone"]})"));
    int seen = 0;
    for (const QJsonValue &c : page.json.value(u"changes").toArray()) {
        const QJsonObject change = c.toObject();
        if (change.value(u"entity").toString() != QLatin1String("hcp")
            || change.value(u"op").toString() != QLatin1String("upsert"))
            continue;
        ++seen;
        QVERIFY(!change.value(u"record").toObject().contains(QLatin1String("phone")));
        QVERIFY(!change.value(u"record").toObject().contains(QLatin1String("email")));
    }
    QVERIFY(seen > 0);
    const HttpReply managerPage = server.post(
        QStringLiteral("/api/v1/sync/pull"), {{QStringLiteral("cursors"), QJsonObject()}}, manager.token);
    QCOMPARE(managerPage.json.value(u"withheld_fields").toObject(), QJsonObject());

    // Phones allowed again, e-mails not: the rep's laptop gets the phones back at its next sync.
    QCOMPARE(resultStatus(pushSetting(
                 server, admin, QStringLiteral("privacy.contact_fields"), json(R"({"rep": ["phone"]})"))),
        QStringLiteral("applied"));
    QVERIFY(rep.sync().ok);
    QCOMPARE(count(rep, QStringLiteral("SELECT count(*) FROM hcp WHERE phone IS NOT NULL")), phones);
    QCOMPARE(count(rep, QStringLiteral("SELECT count(*) FROM hcp WHERE email IS NOT NULL")), 0);
}

void TestMinimum::repChangeRequestKeepsHiddenPhone()
{
    ServerProcess server;
    QVERIFY(server.createDemo(60, 100, 4));
    QVERIFY(server.start());
    const QString admin = server.login(QStringLiteral("admin"));
    QCOMPARE(resultStatus(pushSetting(
                 server, admin, QStringLiteral("privacy.contact_fields"), json(R"({"rep": []})"))),
        QStringLiteral("applied"));
    QTemporaryDir dir;
    SyncClient rep;
    QVERIFY(rep.signIn(server, server.url().toString(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(rep.sync().ok);
    const QString hcp = rep.ids(QStringLiteral("hcp"), QStringLiteral("coalesce(tier, '') <> 'A'")).first();
    const QString phone = server.storedRecord(hcp).value(u"phone").toString();
    QVERIFY(!phone.isEmpty());
    QVERIFY(rep.store->record(QStringLiteral("hcp"), hcp)->fields.value(u"phone").isNull());

    // The rep proposes a tier: only that field travels, and SFE's approval applies only that field.
    const WriteResult proposed = rep.store->create(QStringLiteral("change_request"),
        {{QStringLiteral("territory_id"), rep.territories.first()},
            {QStringLiteral("entity"), QStringLiteral("hcp")}, {QStringLiteral("record_id"), hcp},
            {QStringLiteral("fields"), QJsonObject {{QStringLiteral("tier"), QStringLiteral("A")}}},
            {QStringLiteral("reason"), QStringLiteral("sees 40 patients a day")},
            {QStringLiteral("status"), QStringLiteral("open")}});
    QVERIFY2(proposed.ok, qPrintable(proposed.error));
    QVERIFY(rep.sync().ok);
    const QString sfe = server.login(QStringLiteral("sfe"));
    const HttpReply approved = server.push(sfe,
        QJsonArray {mutation(QStringLiteral("change_request"), proposed.id,
            {{QStringLiteral("status"), QStringLiteral("approved")}}, 1,
            {{QStringLiteral("status"), QStringLiteral("open")}})});
    QCOMPARE(resultStatus(approved), QStringLiteral("applied"));
    QCOMPARE(server.storedRecord(hcp).value(u"tier").toString(), QStringLiteral("A"));
    QCOMPARE(server.storedRecord(hcp).value(u"phone").toString(), phone);

    // The laptop sees the new tier and still no phone.
    QVERIFY(rep.sync().ok);
    const auto local = rep.store->record(QStringLiteral("hcp"), hcp);
    QCOMPARE(local->fields.value(u"tier").toString(), QStringLiteral("A"));
    QVERIFY(local->fields.value(u"phone").isNull());

    // SFE corrects the phone: the rep's copy of the record's history shows the tier, never a phone;
    // the manager's shows both.
    const qint64 version = local->version;
    QCOMPARE(resultStatus(server.push(sfe,
                 QJsonArray {mutation(QStringLiteral("hcp"), hcp,
                     {{QStringLiteral("phone"), QStringLiteral("13900001111")}}, version,
                     {{QStringLiteral("phone"), phone}})})),
        QStringLiteral("applied"));
    const auto historyFields = [&](const QString &token) {
        const HttpReply r = server.get(QStringLiteral("/api/v1/history?entity=hcp&id=") + hcp, token);
        QSet<QString> fields;
        QByteArray all = r.body;
        for (const QJsonValue &e : r.json.value(u"entries").toArray()) {
            for (const QJsonValue &c : e.toObject().value(u"changes").toArray())
                fields.insert(c.toObject().value(u"field").toString());
        }
        return std::make_pair(fields, all);
    };
    const auto [repFields, repBody] = historyFields(rep.token);
    QVERIFY2(repFields.contains(QStringLiteral("tier")), repBody.constData());
    QVERIFY(!repFields.contains(QStringLiteral("phone")));
    QVERIFY(!repBody.contains(phone.toUtf8()) && !repBody.contains("13900001111"));
    const auto [managerFields, managerBody] = historyFields(server.login(QStringLiteral("manager.sh")));
    QVERIFY2(managerFields.contains(QStringLiteral("phone")), managerBody.constData());
    QVERIFY(rep.sync().ok);
    QVERIFY(rep.store->record(QStringLiteral("hcp"), hcp)->fields.value(u"phone").isNull());

    // A push answer that carries the record (merged from an older version) leaves the withheld fields out:
    // here SFE's own role is kept from e-mails and phones.
    QCOMPARE(resultStatus(pushSetting(
                 server, admin, QStringLiteral("privacy.contact_fields"), json(R"({"rep": [], "sfe": []})"))),
        QStringLiteral("applied"));
    const HttpReply merged = server.push(sfe,
        QJsonArray {mutation(QStringLiteral("hcp"), hcp, {{QStringLiteral("tier"), QStringLiteral("B")}},
            version, {{QStringLiteral("tier"), QStringLiteral("A")}})});
    const QJsonObject answer = merged.json.value(u"results").toArray().first().toObject();
    QCOMPARE(answer.value(u"status").toString(), QStringLiteral("merged"));
    QCOMPARE(answer.value(u"record").toObject().value(u"tier").toString(), QStringLiteral("B"));
    QVERIFY(!answer.value(u"record").toObject().contains(QLatin1String("phone")));
    QCOMPARE(server.storedRecord(hcp).value(u"phone").toString(), QStringLiteral("13900001111"));
}

void TestMinimum::settingsCheckedAtTheirLimits_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("accepted");
    const QString contact = QStringLiteral("privacy.contact_fields");
    const QString retention = QStringLiteral("retention.days");
    QTest::newRow("every contact field") << contact << QByteArray(R"({"rep": ["phone", "email"]})") << true;
    QTest::newRow("no contact field")
        << contact << QByteArray(R"({"rep": [], "manager": ["email"]})") << true;
    QTest::newRow("a field twice") << contact << QByteArray(R"({"rep": ["phone", "phone"]})") << false;
    QTest::newRow("not a contact field") << contact << QByteArray(R"({"rep": ["full_name"]})") << false;
    QTest::newRow("not a role") << contact << QByteArray(R"({"intern": []})") << false;
    QTest::newRow("not an object") << contact << QByteArray(R"(["phone"])") << false;
    QTest::newRow("tombstones at the minimum") << retention << QByteArray(R"({"tombstones": 90})") << true;
    QTest::newRow("tombstones below") << retention << QByteArray(R"({"tombstones": 89})") << false;
    QTest::newRow("audit at the minimum") << retention << QByteArray(R"({"audit": 365})") << true;
    QTest::newRow("audit below") << retention << QByteArray(R"({"audit": 364})") << false;
    QTest::newRow("mutations at the maximum") << retention << QByteArray(R"({"mutations": 36500})") << true;
    QTest::newRow("mutations above") << retention << QByteArray(R"({"mutations": 36501})") << false;
    QTest::newRow("a fraction of a day") << retention << QByteArray(R"({"audit": 400.5})") << false;
    QTest::newRow("not kept by age") << retention << QByteArray(R"({"visits": 400})") << false;
}

void TestMinimum::settingsCheckedAtTheirLimits()
{
    QFETCH(QString, key);
    QFETCH(QByteArray, value);
    QFETCH(bool, accepted);
    const QJsonValue v = QJsonDocument::fromJson("[" + value + "]").array().first();
    if (!m_limits) { // one server for every row
        m_limits = std::make_unique<ServerProcess>();
        QVERIFY(m_limits->createDemo(20, 20, 5));
        QVERIFY(m_limits->start());
    }
    ServerProcess *server = m_limits.get();
    // The server refuses, naming the field.
    const HttpReply r = pushSetting(*server, server->login(QStringLiteral("admin")), key, v);
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json.value(u"results").toArray().first().toObject();
    QCOMPARE(result.value(u"status").toString(),
        accepted ? QStringLiteral("applied") : QStringLiteral("rejected"));
    if (!accepted) {
        QCOMPARE(
            result.value(u"error").toObject().value(u"code").toString(), QStringLiteral("invalid_request"));
        QCOMPARE(result.value(u"error").toObject().value(u"field").toString(), QStringLiteral("value"));
    }
    // The client says so offline, before anything is queued.
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("admin.db"))).ok);
    const WriteResult w = CompanySettings::save(&store, key, v);
    QCOMPARE(w.ok, accepted);
    QCOMPARE(store.pendingCount(), accepted ? 1 : 0);
    // And the admin command too.
    QByteArray out, err;
    const int rc = ServerProcess::runCommand(QStringList {QStringLiteral("setting"), QStringLiteral("--key"),
                                                 key, QStringLiteral("--value"), QString::fromUtf8(value)}
            + server->storeArgs(),
        {}, &out, &err);
    QCOMPARE(rc, accepted ? 0 : 1);
}

void TestMinimum::pruneAtBelowAboveRetention()
{
    ServerProcess server;
    QVERIFY(server.createDemo(40, 40, 6));
    QVERIFY(server.start());
    const QString manager = server.login(QStringLiteral("manager.sh"));
    const HttpReply me = server.get(QStringLiteral("/api/v1/me"), manager);
    const QString territory = me.json.value(u"territory_ids").toArray().first().toString();
    // Three plans made and deleted by the manager: their audit entries, tombstones and push answers.
    QPair<QString, QString> plans[3];
    QString anyHcp;
    {
        const PullResult pulled = server.pullAll(manager);
        for (const QJsonObject &a : recordsOf(pulled.changes, QStringLiteral("alignment"))) {
            if (a.value(u"territory_id").toString() == territory) {
                anyHcp = a.value(u"hcp_id").toString();
                break;
            }
        }
    }
    QVERIFY(!anyHcp.isEmpty());
    for (auto &[id, mutationId] : plans) {
        id = protocol::newUuid();
        QJsonObject create = mutation(QStringLiteral("visit_plan"), id,
            {{QStringLiteral("territory_id"), territory}, {QStringLiteral("hcp_id"), anyHcp},
                {QStringLiteral("planned_at"), QStringLiteral("2026-12-20T02:00:00Z")}});
        mutationId = create.value(u"mutation_id").toString();
        QCOMPARE(resultStatus(server.push(manager, QJsonArray {create})), QStringLiteral("applied"));
        QCOMPARE(resultStatus(server.push(manager,
                     QJsonArray {
                         mutation(QStringLiteral("visit_plan"), id, {}, 1, {}, QStringLiteral("delete"))})),
            QStringLiteral("applied"));
    }
    QVERIFY(server.stop() == 0);
    // Default retention: audit 1095 days, tombstones and push answers 180. Each kind gets one row an hour
    // past its limit (pruned), one an hour inside it (kept) and one well inside (kept).
    const QString auditOver = ago(1095, 3600), auditInside = ago(1095, -3600);
    const QString over = ago(180, 3600), inside = ago(180, -3600), recent = ago(10);
    QVERIFY(server.execute(QStringLiteral("UPDATE audit SET at = ?1"), {auditInside}));
    QVERIFY(server.execute(
        QStringLiteral("UPDATE audit SET at = ?1 WHERE record_id = ?2"), {auditOver, plans[0].first}));
    QVERIFY(server.execute(
        QStringLiteral("UPDATE audit SET at = ?1 WHERE record_id = ?2"), {recent, plans[2].first}));
    const QString times[3] = {over, inside, recent};
    for (int i = 0; i < 3; ++i) {
        QVERIFY(server.execute(
            QStringLiteral("UPDATE records SET updated_at = ?1 WHERE id = ?2"), {times[i], plans[i].first}));
        QVERIFY(server.execute(QStringLiteral("UPDATE mutations SET created_at = ?1 WHERE mutation_id = ?2"),
            {times[i], plans[i].second}));
    }
    const qint64 auditTotal = server.scalar(QStringLiteral("SELECT count(*) FROM audit"));
    const qint64 auditOfFirst
        = server.scalar(QStringLiteral("SELECT count(*) FROM audit WHERE record_id = ?1"), {plans[0].first});
    const qint64 mutationsTotal = server.scalar(QStringLiteral("SELECT count(*) FROM mutations"));
    QVERIFY(auditOfFirst > 0);

    // A dry run counts and changes nothing.
    int rc = 0;
    QByteArray out = command(server, {QStringLiteral("prune"), QStringLiteral("--dry-run")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(
        out.contains(
            QByteArray("would prune ").append(QByteArray::number(auditOfFirst)).append(" audit entries")),
        out.constData());
    QVERIFY2(out.contains(" 1 tombstones"), out.constData());
    QVERIFY2(out.contains(" 1 push answers"), out.constData());
    QCOMPARE(server.scalar(QStringLiteral("SELECT count(*) FROM audit")), auditTotal);
    QCOMPARE(
        server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE id = ?1"), {plans[0].first}), 1);

    out = command(server, {QStringLiteral("prune")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(out.startsWith(
                 QByteArray("pruned ").append(QByteArray::number(auditOfFirst)).append(" audit entries")),
        out.constData());
    QCOMPARE(server.scalar(QStringLiteral("SELECT count(*) FROM audit")), auditTotal - auditOfFirst);
    QCOMPARE(server.scalar(QStringLiteral("SELECT count(*) FROM mutations")), mutationsTotal - 1);
    QCOMPARE(server.scalar(
                 QStringLiteral("SELECT count(*) FROM mutations WHERE mutation_id = ?1"), {plans[0].second}),
        0);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE id = ?1"), {plans[i].first}),
            i == 0 ? 0 : 1);
        QCOMPARE(
            server.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE id = ?1"), {plans[i].first}),
            i == 0 ? 0 : 1);
    }

    // The company shortens tombstones to their minimum, 90 days: the one 180 days old goes, the recent one
    // stays.
    out = command(server,
        {QStringLiteral("setting"), QStringLiteral("--key"), QStringLiteral("retention.days"),
            QStringLiteral("--value"), QStringLiteral(R"({"tombstones": 90})")},
        &rc);
    QCOMPARE(rc, 0);
    out = command(server, {QStringLiteral("prune")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(out.contains(" 1 tombstones before") && out.contains("(90 days)"), out.constData());
    QCOMPARE(
        server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE id = ?1"), {plans[1].first}), 0);
    QCOMPARE(
        server.scalar(QStringLiteral("SELECT count(*) FROM records WHERE id = ?1"), {plans[2].first}), 1);
}

void TestMinimum::laptopBehindPrunedTombstonesResyncs()
{
    ServerProcess server;
    QVERIFY(server.createDemo(60, 100, 7));
    QVERIFY(server.start());
    QTemporaryDir dir;
    SyncClient away, current;
    QVERIFY(away.signIn(server, server.url().toString(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(away.sync().ok);
    const qint64 hcps = count(away, QStringLiteral("SELECT count(*) FROM hcp"));
    const protocol::Cursors awayCursors = away.store->cursors();

    // While the laptop is away, the manager deletes one of its plans; another laptop sees the delete.
    const QString plan = away.ids(QStringLiteral("visit_plan")).first();
    const qint64 version = away.store->record(QStringLiteral("visit_plan"), plan)->version;
    const QString manager = server.login(QStringLiteral("manager.sh"));
    QCOMPARE(resultStatus(server.push(manager,
                 QJsonArray {mutation(
                     QStringLiteral("visit_plan"), plan, {}, version, {}, QStringLiteral("delete"))})),
        QStringLiteral("applied"));
    QTemporaryDir otherDir; // the same rep's other laptop
    QVERIFY(current.signIn(server, server.url().toString(), otherDir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(current.sync().ok);
    QVERIFY(!current.store->record(QStringLiteral("visit_plan"), plan));

    // Half a year later the tombstone is past retention and pruned.
    QVERIFY(server.stop() == 0);
    QVERIFY(
        server.execute(QStringLiteral("UPDATE records SET updated_at = ?1 WHERE id = ?2"), {ago(181), plan}));
    int rc = 0;
    const QByteArray out = command(server, {QStringLiteral("prune")}, &rc);
    QCOMPARE(rc, 0);
    QVERIFY2(out.contains(" 1 tombstones"), out.constData());
    QVERIFY(server.start());

    // The away laptop's cursors predate the pruned delete: the server names the bucket; the other
    // laptop's do not.
    const auto pullWith = [&](const protocol::Cursors &cursors) {
        return server.post(QStringLiteral("/api/v1/sync/pull"),
            {{QStringLiteral("cursors"), protocol::cursorsToJson(cursors)}}, away.token);
    };
    const QStringList reset = [&] {
        QStringList out;
        for (const QJsonValue &b : pullWith(awayCursors).json.value(u"reset_buckets").toArray())
            out << b.toString();
        return out;
    }();
    QCOMPARE(reset.size(), 1);
    QVERIFY(reset.first().startsWith(QLatin1String("t:")));
    QVERIFY(!pullWith(current.store->cursors()).json.contains(QLatin1String("reset_buckets")));

    // The away laptop comes back: it pulls everything again, and the deleted plan goes.
    QVERIFY(away.store->record(QStringLiteral("visit_plan"), plan));
    QVERIFY(away.reopen(server.url().toString()));
    QVERIFY(away.sync().ok);
    QVERIFY(!away.store->record(QStringLiteral("visit_plan"), plan));
    QCOMPARE(count(away, QStringLiteral("SELECT count(*) FROM hcp")), hcps);
    QVERIFY(!away.store->resyncUnderway());
    // And goes on normally afterwards (no re-sync loop).
    QVERIFY(!pullWith(away.store->cursors()).json.contains(QLatin1String("reset_buckets")));
    QVERIFY(away.sync().ok);
}

void TestMinimum::exportWithoutPersonalFields()
{
    ServerProcess server;
    QVERIFY(server.createDemo(30, 60, 8));
    QTemporaryDir dir;
    const auto exported = [&](const QStringList &extra) {
        const QString file = dir.filePath(QStringLiteral("export-%1.jsonl").arg(extra.size()));
        int rc = 0;
        command(server, QStringList {QStringLiteral("export"), QStringLiteral("--out"), file} + extra, &rc);
        QFile f(file);
        f.open(QIODevice::ReadOnly);
        QList<QJsonObject> lines;
        for (const QByteArray &line : f.readAll().split('\n')) {
            if (!line.isEmpty())
                lines << QJsonDocument::fromJson(line).object();
        }
        return lines;
    };
    const QList<QJsonObject> full = exported({});
    const QList<QJsonObject> bare = exported({QStringLiteral("--no-personal")});
    QCOMPARE(bare.size(), full.size());
    QSet<QString> fieldsFull, fieldsBare;
    for (const QJsonObject &l : full) {
        for (const QString &k : l.value(u"record").toObject().keys())
            fieldsFull.insert(l.value(u"entity").toString() + QLatin1Char('.') + k);
    }
    for (const QJsonObject &l : bare) {
        for (const QString &k : l.value(u"record").toObject().keys())
            fieldsBare.insert(l.value(u"entity").toString() + QLatin1Char('.') + k);
    }
    for (const char *personal :
        {"hcp.full_name", "hcp.phone", "hcp.email", "visit.notes", "user.display_name"}) {
        QVERIFY2(fieldsFull.contains(QLatin1String(personal)), personal);
        QVERIFY2(!fieldsBare.contains(QLatin1String(personal)), personal);
    }
    for (const char *kept : {"hcp.id", "hcp.tier", "hcp.institution_id", "visit.hcp_id", "visit.visited_at"})
        QVERIFY2(fieldsBare.contains(QLatin1String(kept)), kept);
    // No HCP name of the demo anywhere in the file.
    QByteArray all;
    for (const QJsonObject &l : bare)
        all += QJsonDocument(l).toJson(QJsonDocument::Compact);
    for (const QJsonObject &l : full) {
        if (l.value(u"entity").toString() == QLatin1String("hcp"))
            QVERIFY(!all.contains(l.value(u"record").toObject().value(u"full_name").toString().toUtf8()));
    }
}

QTEST_GUILESS_MAIN(TestMinimum)
#include "tst_minimum.moc"
