#include "common/protocol/values.h"
#include "server/demoorg.h"
#include "syncclient.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// Several stateless rounds-server instances in front of one PostgreSQL database (issue 12), and a SQLite
// deployment moved to PostgreSQL under its clients. Runs only against the test cluster (ctest -L postgres,
// the `postgres` fixture sets ROUNDS_TEST_POSTGRES).
class TestMultiServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void threeInstancesOneDatabase();
    void migratedClientsGoOnWithoutRepull();

private:
    struct Push
    {
        int instance = 0;
        QString token;
        QJsonArray mutations;
        QJsonArray results; // the answer
        int status = 0;
    };
    // Sends every push at once (each to its instance) and waits for all answers.
    static void pushConcurrently(
        const std::vector<std::unique_ptr<ServerProcess>> &servers, QList<Push> &pushes);
};

void TestMultiServer::initTestCase()
{
    if (!ServerProcess::usesPostgres())
        QSKIP("needs the PostgreSQL test cluster: ctest -L postgres (ROUNDS_TEST_POSTGRES)");
    QVERIFY2(QFileInfo::exists(ServerProcess::binary()), qPrintable(ServerProcess::binary()));
}

void TestMultiServer::pushConcurrently(
    const std::vector<std::unique_ptr<ServerProcess>> &servers, QList<Push> &pushes)
{
    QNetworkAccessManager nam;
    QList<QNetworkReply *> replies;
    for (const Push &p : pushes) {
        QUrl url = servers.at(size_t(p.instance))->url();
        url.setPath(QStringLiteral("/api/v1/sync/push"));
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + p.token.toUtf8());
        req.setTransferTimeout(60000);
        replies << nam.post(req,
            QJsonDocument(QJsonObject {{QStringLiteral("mutations"), p.mutations}})
                .toJson(QJsonDocument::Compact));
    }
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000
        && std::any_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return !r->isFinished(); }))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    for (qsizetype i = 0; i < replies.size(); ++i) {
        pushes[i].status = replies.at(i)->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        pushes[i].results = QJsonDocument::fromJson(replies.at(i)->readAll())
                                .object()
                                .value(QLatin1String("results"))
                                .toArray();
        delete replies.at(i);
    }
}

void TestMultiServer::threeInstancesOneDatabase()
{
    QElapsedTimer clock;
    clock.start();
    // The first instance owns the database (declared first: dropped last).
    std::vector<std::unique_ptr<ServerProcess>> servers;
    servers.push_back(std::make_unique<ServerProcess>());
    QVERIFY(servers[0]->createDemo(60, 120, 11));
    for (int i = 1; i < 3; ++i) {
        servers.push_back(std::make_unique<ServerProcess>());
        servers[size_t(i)]->useDatabase(servers[0]->databaseUrl());
    }
    for (auto &s : servers)
        QVERIFY(s->start());
    ServerProcess &db = *servers[0];
    DemoOrg org;
    QVERIFY(org.load(db));
    QRandomGenerator rng(12);
    auto anyInstance = [&] { return int(rng.bounded(3)); };

    // A token from one instance works on every other (tokens live in the database).
    const QStringList users {
        QStringLiteral("rep.sh01"), QStringLiteral("rep.sh02"), QStringLiteral("manager.sh")};
    QHash<QString, QString> tokens;
    for (const QString &u : users) {
        tokens.insert(u, servers[size_t(anyInstance())]->login(u));
        QVERIFY(!tokens.value(u).isEmpty());
        for (auto &s : servers)
            QCOMPARE(s->get(QStringLiteral("/api/v1/me"), tokens.value(u)).status, 200);
    }

    // Pollers pull incrementally through random instances while the writers work: a reader that saw
    // seq n+1 before n committed would skip n for good and end up different from a fresh pull.
    struct Poller
    {
        QString user;
        QJsonObject cursors;
        QHash<QString, qint64> versions; // record id → newest version seen
        QHash<QString, qint64> lastSeq; // bucket → last seq seen, must only grow
    };
    QList<Poller> pollers {
        {QStringLiteral("manager.sh"), {}, {}, {}}, {QStringLiteral("rep.sh01"), {}, {}, {}}};
    auto poll = [&](Poller &p) {
        const PullResult r = servers[size_t(anyInstance())]->pullAll(tokens.value(p.user), p.cursors, 50);
        QVERIFY(r.ok);
        for (const QJsonObject &c : r.changes) {
            const QString bucket = c.value(QLatin1String("bucket")).toString();
            const qint64 seq = c.value(QLatin1String("seq")).toInteger();
            QVERIFY2(seq > p.lastSeq.value(bucket), qPrintable(bucket));
            p.lastSeq.insert(bucket, seq);
            const QJsonObject rec = c.value(QLatin1String("record")).toObject();
            if (c.value(QLatin1String("op")).toString() == QLatin1String("upsert"))
                p.versions.insert(
                    c.value(QLatin1String("id")).toString(), rec.value(QLatin1String("version")).toInteger());
            else
                p.versions.remove(c.value(QLatin1String("id")).toString());
        }
        p.cursors = r.cursors;
    };
    for (Poller &p : pollers)
        poll(p);

    // The SH buckets before the run: everything the run appends must follow on without a gap.
    const QString sh01 = org.territory.value(QStringLiteral("SH-01"));
    const QString sh02 = org.territory.value(QStringLiteral("SH-02"));
    const QString hcp01 = org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    const QString hcp02 = org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    QHash<QString, qint64> seqBefore;
    for (const QStringList &row : db.query(QStringLiteral("SELECT bucket, last_seq FROM buckets")))
        seqBefore.insert(row.at(0), row.at(1).toLongLong());

    // Writers: each round, nine pushes at once spread over the three instances, creating plans in
    // SH-01 and SH-02 (rep.sh01, rep.sh02 and their manager), while the pollers pull.
    QHash<QString, QString> planTerritory; // created plan → territory
    QHash<QString, QJsonObject> firstAnswer; // mutation_id → its answer
    QList<Push> sent;
    for (int round = 0; round < 5; ++round) {
        QList<Push> pushes;
        for (int i = 0; i < 9; ++i) {
            Push p;
            p.instance = i % 3;
            const QString user = users.at(i % 3);
            p.token = tokens.value(user);
            const bool first
                = user == QLatin1String("rep.sh01") || (user == QLatin1String("manager.sh") && i % 2);
            for (int k = 0; k < 8; ++k) {
                const QString id = protocol::newUuid();
                planTerritory.insert(id, first ? sh01 : sh02);
                p.mutations << mutation(QStringLiteral("visit_plan"), id,
                    {{"territory_id", first ? sh01 : sh02}, {"hcp_id", first ? hcp01 : hcp02},
                        {"planned_at",
                            QStringLiteral("2026-12-%1T09:00:00Z").arg(k + 1, 2, 10, QLatin1Char('0'))},
                        {"purpose", QStringLiteral("round %1 push %2 #%3").arg(round).arg(i).arg(k)}});
            }
            pushes << p;
        }
        // A retry of a batch already answered, sent to another instance at the same time as the rest.
        if (!sent.isEmpty()) {
            Push again = sent.at(rng.bounded(int(sent.size())));
            again.instance = (again.instance + 1 + int(rng.bounded(2))) % 3;
            pushes << again;
        }
        pushConcurrently(servers, pushes);
        for (Poller &p : pollers)
            poll(p);
        for (const Push &p : pushes) {
            QCOMPARE(p.status, 200);
            QCOMPARE(p.results.size(), p.mutations.size());
            for (const QJsonValue &r : p.results) {
                const QJsonObject o = r.toObject();
                const QString mid = o.value(QLatin1String("mutation_id")).toString();
                QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("applied"));
                if (firstAnswer.contains(mid))
                    QCOMPARE(o, firstAnswer.value(mid)); // the retry got the first answer
                else
                    firstAnswer.insert(mid, o);
            }
        }
        sent << pushes;
    }

    // Concurrent edits of the same plans through different instances: no update may be lost, so the
    // versions the applied answers name are exactly base+1 … base+k, once each.
    const QStringList shared = planTerritory.keys().mid(0, 3);
    QHash<QString, qint64> baseVersion;
    for (const QString &id : shared)
        baseVersion.insert(id, 1);
    QHash<QString, QList<qint64>> versionsOf;
    QHash<QString, QString> purposeOf; // the stored purpose: the base the edits are made from
    QHash<QString, int> statuses;
    auto reread = [&] {
        for (const QString &id : shared) {
            const QStringList row
                = db.query(QStringLiteral("SELECT version, data FROM records WHERE id = ?1"), {id}).value(0);
            baseVersion.insert(id, row.value(0).toLongLong());
            purposeOf.insert(id,
                QJsonDocument::fromJson(row.value(1).toUtf8())
                    .object()
                    .value(QLatin1String("purpose"))
                    .toString());
        }
    };
    reread();
    for (int round = 0; round < 4; ++round) {
        QList<Push> pushes;
        for (int i = 0; i < 6; ++i) {
            Push p;
            p.instance = i % 3;
            p.token = tokens.value(QStringLiteral("manager.sh"));
            for (const QString &id : shared)
                p.mutations << mutation(QStringLiteral("visit_plan"), id,
                    {{"purpose", QStringLiteral("edit %1.%2").arg(round).arg(i)}}, baseVersion.value(id),
                    {{"purpose", purposeOf.value(id)}});
            pushes << p;
        }
        pushConcurrently(servers, pushes);
        for (const Push &p : pushes) {
            QCOMPARE(p.status, 200);
            for (qsizetype m = 0; m < p.results.size(); ++m) {
                const QJsonValue r = p.results.at(m);
                const QJsonObject o = r.toObject();
                const QString status = o.value(QLatin1String("status")).toString();
                statuses[status] += 1;
                QVERIFY2(status == QLatin1String("applied") || status == QLatin1String("merged")
                        || status == QLatin1String("conflict"),
                    qPrintable(status));
                if (status != QLatin1String("conflict"))
                    versionsOf[p.mutations.at(m).toObject().value(QLatin1String("id")).toString()]
                        << o.value(QLatin1String("version")).toInteger();
            }
        }
        reread();
        for (Poller &p : pollers)
            poll(p);
    }
    qInfo() << "concurrent edits:" << statuses;
    for (const QString &id : shared) {
        QList<qint64> v = versionsOf.value(id);
        std::sort(v.begin(), v.end());
        QVERIFY(!v.isEmpty());
        for (qsizetype i = 0; i < v.size(); ++i)
            QCOMPARE(v.at(i), qint64(i + 2)); // created as 1, each applied edit one more, none twice
        QCOMPARE(baseVersion.value(id), qint64(v.size() + 1));
    }

    // Exactly once: every acknowledged creation is one record at version 1 (or edited above), with one
    // stored answer, and its audit names its mutation.
    QCOMPARE(
        db.scalar(QStringLiteral(
                      "SELECT count(*) FROM mutations WHERE mutation_id = ANY(string_to_array(?1, ','))"),
            {QStringList(firstAnswer.keys()).join(QLatin1Char(','))}),
        qint64(firstAnswer.size()));
    QCOMPARE(db.scalar(QStringLiteral("SELECT count(*) FROM records WHERE entity = 'visit_plan' AND id = "
                                      "ANY(string_to_array(?1, ','))"),
                 {QStringList(planTerritory.keys()).join(QLatin1Char(','))}),
        qint64(planTerritory.size()));

    // Gap-free feeds: the run only created plans in SH-01 and SH-02 before editing three of them, so the
    // seqs after the run's start are contiguous, one per change, in each bucket of the database.
    for (const QStringList &row : db.query(QStringLiteral("SELECT bucket, last_seq FROM buckets"))) {
        const QString bucket = row.at(0);
        const qint64 before = seqBefore.value(bucket);
        const qint64 after = row.at(1).toLongLong();
        const QList<QStringList> seqs
            = db.query(QStringLiteral("SELECT seq FROM changes WHERE bucket = ?1 AND seq > ?2 ORDER BY seq"),
                {bucket, QString::number(before)});
        // The log keeps the newest entry per record: the edited plans' older entries are gone, the
        // creations of the others are all there. Either way every seq is taken once, max = last_seq.
        QSet<qint64> present;
        for (const QStringList &s : seqs)
            present.insert(s.at(0).toLongLong());
        QCOMPARE(qint64(present.size()), qint64(seqs.size()));
        if (after > before)
            QVERIFY2(present.contains(after), qPrintable(bucket));
    }
    for (const QString &t : {sh01, sh02}) {
        const QString bucket = QStringLiteral("t:") + t;
        qint64 creations = 0;
        for (auto it = planTerritory.cbegin(); it != planTerritory.cend(); ++it)
            creations += it.value() == t ? 1 : 0;
        qint64 edits = 0;
        for (const QString &id : shared)
            edits += planTerritory.value(id) == t ? versionsOf.value(id).size() : 0;
        // One entry appended per change: the bucket grew by exactly the number of acknowledged changes.
        const qint64 grown
            = db.scalar(QStringLiteral("SELECT last_seq FROM buckets WHERE bucket = ?1"), {bucket})
            - seqBefore.value(bucket);
        QCOMPARE(grown, creations + edits);
        // No entry between the run's start and the end is missing (apart from the superseded ones).
        const qint64 kept
            = db.scalar(QStringLiteral("SELECT count(*) FROM changes WHERE bucket = ?1 AND seq > ?2"),
                {bucket, QString::number(seqBefore.value(bucket))});
        qint64 superseded = 0;
        for (const QString &id : shared)
            superseded += planTerritory.value(id) == t ? versionsOf.value(id).size() : 0;
        QCOMPARE(kept, grown - superseded);
    }

    // Convergence: what the pollers assembled page by page equals a fresh full pull of the same scope.
    for (Poller &p : pollers) {
        poll(p);
        const PullResult fresh = servers[size_t(anyInstance())]->pullAll(tokens.value(p.user));
        QVERIFY(fresh.ok);
        QHash<QString, qint64> expected;
        for (const QJsonObject &c : fresh.changes) {
            if (c.value(QLatin1String("op")).toString() == QLatin1String("upsert"))
                expected.insert(c.value(QLatin1String("id")).toString(),
                    c.value(QLatin1String("record")).toObject().value(QLatin1String("version")).toInteger());
        }
        QCOMPARE(p.versions.size(), expected.size());
        QCOMPARE(p.versions, expected);
    }

    // Laptops syncing through the real engine, each sync through a random instance, converge.
    QTemporaryDir dir;
    std::vector<std::unique_ptr<SyncClient>> clients;
    for (const QString &u : {QStringLiteral("rep.sh01"), QStringLiteral("rep.sh02")}) {
        auto c = std::make_unique<SyncClient>();
        QVERIFY(c->signIn(*servers[size_t(anyInstance())], servers[0]->url().toString(), dir.path(), u));
        clients.push_back(std::move(c));
    }
    auto syncVia = [&](SyncClient &c, int instance) {
        c.api = std::make_unique<ApiClient>(servers[size_t(instance)]->url());
        c.api->setToken(c.token);
        c.api->setRetryPolicy(RetryPolicy {8, 5, 200, 20000});
        return c.sync();
    };
    for (int round = 0; round < 6; ++round) {
        for (auto &c : clients) {
            const QStringList plans
                = c->ids(QStringLiteral("visit_plan"), QStringLiteral("status = 'planned'"));
            if (!plans.isEmpty())
                QVERIFY(c->store
                            ->update(QStringLiteral("visit_plan"), plans.at(rng.bounded(int(plans.size()))),
                                {{QStringLiteral("purpose"),
                                    QStringLiteral("%1 round %2").arg(c->user).arg(round)}})
                            .ok);
            QVERIFY(syncVia(*c, anyInstance()).ok);
        }
    }
    for (int pass = 0; pass < 2; ++pass) {
        for (auto &c : clients)
            QVERIFY(syncVia(*c, anyInstance()).ok);
    }
    for (auto &c : clients) {
        QVERIFY(c->store->outbox().isEmpty());
        const PullResult fresh = servers[size_t(anyInstance())]->pullAll(c->token);
        QVERIFY(fresh.ok);
        const QList<QJsonObject> plans = recordsOf(fresh.changes, QStringLiteral("visit_plan"));
        QCOMPARE(qsizetype(c->ids(QStringLiteral("visit_plan")).size()), plans.size());
        for (const QJsonObject &r : plans) {
            const auto local
                = c->store->record(QStringLiteral("visit_plan"), r.value(QLatin1String("id")).toString());
            QVERIFY(local);
            QCOMPARE(local->version, r.value(QLatin1String("version")).toInteger());
        }
    }
    qInfo("three instances: %lld ms", qlonglong(clock.elapsed()));
}

void TestMultiServer::migratedClientsGoOnWithoutRepull()
{
    // A SQLite deployment with a laptop that is up to date and a manager who pushed a change.
    ServerProcess sqlite(ServerProcess::Backend::Sqlite);
    QVERIFY(sqlite.createDemo(40, 60, 21));
    QVERIFY(sqlite.start());
    QTemporaryDir dir;
    SyncClient c;
    QVERIFY(c.signIn(sqlite, sqlite.url().toString(), dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(c.sync().ok);
    const QString epoch = c.store->meta(QStringLiteral("epoch"));
    const QString plan = c.ids(QStringLiteral("visit_plan"), QStringLiteral("status = 'planned'")).first();
    QVERIFY(c.store
                ->update(QStringLiteral("visit_plan"), plan,
                    {{QStringLiteral("purpose"), QStringLiteral("迁移前")}})
                .ok);
    QVERIFY(c.sync().ok);
    const QString adminToken = sqlite.login(QStringLiteral("admin"));
    const PullResult before = sqlite.pullAll(adminToken);
    QVERIFY(before.ok);
    QCOMPARE(sqlite.stop(), 0);

    // migrate-to-postgres into a new database; a PostgreSQL instance serves it.
    const QString url = ServerProcess::createDatabase(QStringLiteral("migrated"));
    QVERIFY(!url.isEmpty());
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("migrate-to-postgres"), QStringLiteral("--data"),
                                           sqlite.dataDir(), QStringLiteral("--database"), url},
                 {}, nullptr, &err),
        0);
    QVERIFY2(err.contains("copied"), err.constData());
    // A second migration into the same (now full) database is refused.
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("migrate-to-postgres"), QStringLiteral("--data"),
                                           sqlite.dataDir(), QStringLiteral("--database"), url},
                 {}, nullptr, &err),
        1);
    ServerProcess pg;
    pg.useDatabase(url);
    QVERIFY(pg.start());

    // Everything came over: the same changes at the same seqs, the same epoch, the tokens still work.
    const PullResult after = pg.pullAll(adminToken);
    QVERIFY(after.ok);
    QCOMPARE(after.epoch, before.epoch);
    QCOMPARE(after.cursors, before.cursors);
    QCOMPARE(after.changes.size(), before.changes.size());
    for (qsizetype i = 0; i < after.changes.size(); ++i)
        QCOMPARE(after.changes.at(i), before.changes.at(i));
    QCOMPARE(pg.scalar(QStringLiteral("SELECT count(*) FROM audit")),
        sqlite.scalar(QStringLiteral("SELECT count(*) FROM audit")));

    // The laptop goes on: same epoch, nothing to pull again, its own answer remembered.
    c.api = std::make_unique<ApiClient>(pg.url());
    c.api->setToken(c.token);
    const SyncSummary quiet = c.sync();
    QVERIFY(quiet.ok);
    QVERIFY(!quiet.newEpoch);
    QCOMPARE(quiet.pulled, 0);
    QCOMPARE(c.store->meta(QStringLiteral("epoch")), epoch);
    // New changes flow both ways.
    const QString manager = pg.login(QStringLiteral("manager.sh"));
    const auto current = c.store->record(QStringLiteral("visit_plan"), plan);
    QVERIFY(current);
    const HttpReply edited = pg.push(manager,
        QJsonArray {mutation(QStringLiteral("visit_plan"), plan,
            {{QStringLiteral("purpose"), QStringLiteral("迁移后")}}, current->version,
            {{QStringLiteral("purpose"), QStringLiteral("迁移前")}})});
    QCOMPARE(edited.status, 200);
    QCOMPARE(edited.json.value("results").toArray().first().toObject().value("status").toString(),
        QStringLiteral("applied"));
    QVERIFY(c.store
                ->create(QStringLiteral("visit"),
                    {{QStringLiteral("territory_id"), c.territories.first()},
                        {QStringLiteral("hcp_id"), c.ids(QStringLiteral("hcp")).first()},
                        {QStringLiteral("rep_id"), c.userId},
                        {QStringLiteral("visited_at"), QStringLiteral("2026-11-21T03:00:00Z")}})
                .ok);
    const SyncSummary next = c.sync();
    QVERIFY(next.ok);
    QCOMPARE(next.pushed, 1);
    QVERIFY(next.pulled >= 1);
    QCOMPARE(c.store->record(QStringLiteral("visit_plan"), plan)->fields.value(u"purpose").toString(),
        QStringLiteral("迁移后"));
    QVERIFY(c.store->outbox().isEmpty());
}

QTEST_GUILESS_MAIN(TestMultiServer)
#include "tst_multiserver.moc"
