#include "common/protocol/codec.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "faultproxy.h"
#include "syncclient.h"

#include <QDate>
#include <QRandomGenerator>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// Convergence under chaos: six laptops (four reps, a manager, SFE) against one real rounds-server do
// thousands of random operations, going offline and online at random, SFE realigning HCPs meanwhile.
// After a final sync round every laptop must show exactly what the server holds for its scope, every
// answered mutation must be on the server, nothing typed may be lost, and nothing may be duplicated.
// The seed makes a run reproducible (ROUNDS_E2E_SEED=n to replay one); ROUNDS_E2E_OPS scales it.
class TestConvergence : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void chaos_data();
    void chaos();

private:
    struct Run
    {
        ServerProcess server;
        std::unique_ptr<FaultProxy> proxy;
        QTemporaryDir dir;
        std::vector<std::unique_ptr<SyncClient>> clients;
        QHash<QString, QString> createdVisitMarker; // visit id → unique marker in its notes
        QSet<QString> deletedVisits;
        int ops = 0;
    };

    void operate(Run &run, SyncClient &c, QRandomGenerator &rng);
    void checkConverged(Run &run);
};

void TestConvergence::initTestCase()
{
    QVERIFY2(QFileInfo::exists(ServerProcess::binary()), qPrintable(ServerProcess::binary()));
}

void TestConvergence::chaos_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<int>("operations");
    QTest::addColumn<bool>("faults");
    const int ops
        = qEnvironmentVariableIsSet("ROUNDS_E2E_OPS") ? qEnvironmentVariableIntValue("ROUNDS_E2E_OPS") : 1200;
    if (qEnvironmentVariableIsSet("ROUNDS_E2E_SEED")) {
        QTest::newRow("replay") << quint64(qEnvironmentVariableIntValue("ROUNDS_E2E_SEED")) << ops << true;
        return;
    }
    QTest::newRow("seed 1, clean network") << quint64(1) << ops << false;
    QTest::newRow("seed 2, faulty network") << quint64(2) << ops << true;
}

void TestConvergence::chaos()
{
    QFETCH(quint64, seed);
    QFETCH(int, operations);
    QFETCH(bool, faults);
    Run run;
    // The demo company with consent required, as companies run it. (Seed 2 once saw an applied mutation
    // without an audit row here; seeds 1-7 replayed cleanly since. The one way found to push a change
    // that changes nothing, an edit typed back to the server's value, no longer leaves the laptop:
    // TestStore::editsTypedBackToTheServerValueSendNothing.)
    QVERIFY(run.server.createDemo(120, 300, int(seed)));
    QVERIFY(run.server.start());
    QString url = run.server.url().toString();
    if (faults) {
        run.proxy = std::make_unique<FaultProxy>(quint16(run.server.url().port()), seed);
        run.proxy->setFaults(FaultProxy::Faults {0.04, 0.03, 0.04, 0.03, 0.05, 150});
        url = run.proxy->url();
    }
    for (const char *name : {"rep.sh01", "rep.sh02", "rep.hz01", "rep.hz02", "manager.sh", "sfe"}) {
        auto c = std::make_unique<SyncClient>();
        QVERIFY2(c->signIn(run.server, url, run.dir.path(), QString::fromLatin1(name)), name);
        run.clients.push_back(std::move(c));
    }
    for (auto &c : run.clients) {
        const SyncSummary s = c->sync();
        QVERIFY2(s.ok, qPrintable(c->user + QStringLiteral(": ") + s.error.message));
    }

    QRandomGenerator rng(seed);
    for (int i = 0; i < operations; ++i) {
        SyncClient &c = *run.clients[rng.bounded(int(run.clients.size()))];
        const int dice = rng.bounded(100);
        if (dice < 4) {
            c.online = !c.online; // a hospital basement, or back in the car
        } else if (dice < 20) {
            if (c.online)
                c.sync(); // may fail on a faulty network: the next one picks up where it stopped
        } else {
            operate(run, c, rng);
        }
    }

    // Everyone back online; sync until nothing moves (three rounds: push, others pull, settle).
    for (int round = 0; round < 3; ++round) {
        for (auto &c : run.clients) {
            c->online = true;
            SyncSummary s = c->sync();
            for (int retry = 0; !s.ok && retry < 5; ++retry)
                s = c->sync(); // faults may still hit the final round
            QVERIFY2(s.ok, qPrintable(c->user + QStringLiteral(": ") + s.error.message));
        }
    }
    if (run.proxy)
        qInfo() << "faults injected:" << run.proxy->counts().requests << "requests,"
                << run.proxy->counts().badGateway << "502," << run.proxy->counts().dropBefore
                << "dropped before," << run.proxy->counts().dropAfter << "dropped after the server answered,"
                << run.proxy->counts().truncated << "truncated," << run.proxy->counts().delayed << "delayed";
    qInfo() << run.ops << "local operations";
    checkConverged(run);
}

void TestConvergence::operate(Run &run, SyncClient &c, QRandomGenerator &rng)
{
    auto pick = [&rng](const QStringList &list) {
        return list.isEmpty() ? QString() : list.at(rng.bounded(int(list.size())));
    };
    auto text = [&rng](const char *prefix) {
        return QStringLiteral("%1 %2 张医生 %3")
            .arg(QString::fromLatin1(prefix))
            .arg(rng.bounded(100000))
            .arg(QStringLiteral("💊"));
    };
    const int what = rng.bounded(100);
    WriteResult w;
    w.ok = true;
    if (c.role == QLatin1String("rep")) {
        const QString mine = QStringLiteral("rep_id = '%1' AND status = 'draft'").arg(c.userId);
        if (what < 25) {
            const QString hcp = pick(c.ids(QStringLiteral("hcp")));
            if (hcp.isEmpty() || c.territories.isEmpty())
                return;
            const QString marker = QStringLiteral("e2e-%1-%2").arg(c.user).arg(run.ops);
            w = c.store->create(QStringLiteral("visit"),
                QJsonObject {{QStringLiteral("territory_id"), c.territories.first()},
                    {QStringLiteral("hcp_id"), hcp}, {QStringLiteral("rep_id"), c.userId},
                    {QStringLiteral("visited_at"),
                        QDateTime::currentDateTimeUtc()
                            .addSecs(-rng.bounded(86400 * 20))
                            .toString(Qt::ISODate)},
                    {QStringLiteral("notes"), marker}, {QStringLiteral("duration_min"), rng.bounded(5, 60)}});
            if (w.ok)
                run.createdVisitMarker.insert(w.id, marker);
        } else if (what < 50) {
            const QString visit = pick(c.ids(QStringLiteral("visit"), mine));
            if (visit.isEmpty())
                return;
            const QStringList fields {
                QStringLiteral("feedback"), QStringLiteral("follow_up"), QStringLiteral("support_level")};
            const QString field = pick(fields);
            const QJsonValue value = field == QLatin1String("support_level") ? QJsonValue(rng.bounded(1, 6))
                                                                             : QJsonValue(text("fb"));
            w = c.store->update(QStringLiteral("visit"), visit, {{field, value}});
        } else if (what < 58) {
            const QString visit = pick(c.ids(QStringLiteral("visit"), mine));
            if (!visit.isEmpty())
                w = c.store->update(QStringLiteral("visit"), visit,
                    {{QStringLiteral("status"), QStringLiteral("submitted")}});
        } else if (what < 63) {
            const QString visit = pick(c.ids(QStringLiteral("visit"), mine));
            if (!visit.isEmpty()) {
                w = c.store->remove(QStringLiteral("visit"), visit);
                if (w.ok)
                    run.deletedVisits.insert(visit);
            }
        } else if (what < 85) {
            const QString plan
                = pick(c.ids(QStringLiteral("visit_plan"), QStringLiteral("status = 'planned'")));
            if (!plan.isEmpty())
                w = c.store->update(
                    QStringLiteral("visit_plan"), plan, {{QStringLiteral("purpose"), text("purpose")}});
        } else if (what < 97) {
            const QString hcp = pick(c.ids(QStringLiteral("hcp")));
            if (!hcp.isEmpty())
                w = c.store->create(QStringLiteral("hcp_tag"),
                    QJsonObject {{QStringLiteral("hcp_id"), hcp},
                        {QStringLiteral("category"), QStringLiteral("marketing")},
                        {QStringLiteral("tag"), text("tag")}});
        } else {
            // Reps may not write master data: the server must reject it, visibly.
            const QString hcp = pick(c.ids(QStringLiteral("hcp")));
            if (!hcp.isEmpty())
                w = c.store->update(QStringLiteral("hcp"), hcp,
                    {{QStringLiteral("phone"),
                        QStringLiteral("138%1").arg(rng.bounded(10000000, 99999999))}});
        }
    } else if (c.role == QLatin1String("manager")) {
        const QString plan = pick(c.ids(QStringLiteral("visit_plan"), QStringLiteral("status = 'planned'")));
        if (plan.isEmpty())
            return;
        if (what < 70)
            w = c.store->update(
                QStringLiteral("visit_plan"), plan, {{QStringLiteral("purpose"), text("coaching")}});
        else
            w = c.store->update(QStringLiteral("visit_plan"), plan,
                {{QStringLiteral("planned_at"),
                    QDateTime::currentDateTimeUtc().addDays(rng.bounded(1, 20)).toString(Qt::ISODate)}});
    } else { // sfe
        const QString hcp = pick(c.ids(QStringLiteral("hcp")));
        if (hcp.isEmpty())
            return;
        if (what < 50) {
            const QStringList specialties {QStringLiteral("心内科"), QStringLiteral("肿瘤科"),
                QStringLiteral("内分泌科"), QStringLiteral("呼吸科")};
            // Unique values: a value equal to the server's is "nothing to do", which leaves no audit trace.
            w = c.store->update(QStringLiteral("hcp"), hcp,
                QJsonObject {
                    {QStringLiteral("specialty"), QString(pick(specialties) + QString::number(run.ops))}});
        } else if (what < 75) {
            // Realign: end one of the HCP's alignments (it leaves that territory's bucket).
            const QString alignment
                = pick(c.ids(QStringLiteral("alignment"), QStringLiteral("valid_to IS NULL")));
            if (!alignment.isEmpty())
                w = c.store->update(QStringLiteral("alignment"), alignment,
                    {{QStringLiteral("valid_to"), QDate::currentDate().addDays(-1).toString(Qt::ISODate)}});
        } else {
            // Align an HCP to a territory (it enters that bucket, with its institution and tags).
            const QString territory
                = pick(c.ids(QStringLiteral("territory"), QStringLiteral("level = 'territory'")));
            if (!territory.isEmpty())
                w = c.store->create(QStringLiteral("alignment"),
                    QJsonObject {{QStringLiteral("territory_id"), territory}, {QStringLiteral("hcp_id"), hcp},
                        {QStringLiteral("valid_from"), QDate::currentDate().toString(Qt::ISODate)},
                        {QStringLiteral("target_calls_per_cycle"), rng.bounded(1, 8)}});
        }
    }
    // A write the user's role may not make (another rep's visit, an HCP's master data) is refused by the
    // store before anything is queued (Store::policy()); anything else must be taken.
    QVERIFY2(w.ok || w.refused, qPrintable(c.user + QStringLiteral(": local write refused: ") + w.error));
    ++run.ops;
}

void TestConvergence::checkConverged(Run &run)
{
    const QString serverUrl = run.server.url().toString();
    for (auto &c : run.clients) {
        // 1. Nothing waits in the outbox but rejections the user can see.
        for (const OutboxMutation &m : c->store->outbox())
            QVERIFY2(m.state == QLatin1String("rejected"),
                qPrintable(c->user + QStringLiteral(" still has ") + m.mutationId));

        // 2. The laptop shows what the server holds for its scope: compare with a fresh full sync.
        SyncClient reference;
        reference.user = c->user;
        reference.token = c->token;
        reference.dbPath = run.dir.filePath(c->user + QStringLiteral("-reference.db"));
        QVERIFY(reference.reopen(serverUrl));
        QVERIFY(reference.sync().ok);
        const QSet<QString> undecided = c->undecided();
        SyncLedger mine(*c->store), theirs(*reference.store);
        for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
            QHash<QString, QJsonObject> a, b;
            for (const protocol::Record &r : mine.records(e.name))
                a.insert(r.id, protocol::encodeRecord(r));
            for (const protocol::Record &r : theirs.records(e.name))
                b.insert(r.id, protocol::encodeRecord(r));
            for (const QString &key : undecided) {
                if (key.startsWith(e.name + QLatin1Char('/'))) {
                    a.remove(key.mid(e.name.size() + 1));
                    b.remove(key.mid(e.name.size() + 1));
                }
            }
            for (auto it = b.begin(); it != b.end(); ++it) {
                QVERIFY2(a.contains(it.key()),
                    qPrintable(QStringLiteral("%1 lacks %2 %3").arg(c->user, e.name, it.key())));
                QVERIFY2(a.value(it.key()) == it.value(),
                    qPrintable(QStringLiteral("%1 %2 %3 differs:\nlocal  %4\nserver %5")
                                   .arg(c->user, e.name, it.key(),
                                       QString::fromUtf8(
                                           QJsonDocument(a.value(it.key())).toJson(QJsonDocument::Compact)),
                                       QString::fromUtf8(
                                           QJsonDocument(it.value()).toJson(QJsonDocument::Compact)))));
            }
            QCOMPARE(a.size(), b.size());
        }
    }

    // 3. Every mutation a laptop saw answered is on the server, and each applied or merged one left its
    //    trace in the audit log (field-level conflicts left theirs on the laptop instead).
    sql::Database serverDb(run.server.dataDir() + QStringLiteral("/rounds-server.db"),
        sql::Database::Options {false, true, false, 5000, false, {}});
    auto result = serverDb.query(
        QStringLiteral("SELECT json_extract(result, '$.status') FROM mutations WHERE mutation_id = ?1"));
    auto audited = serverDb.query(QStringLiteral("SELECT count(*) FROM audit WHERE mutation_id = ?1"));
    int answered = 0;
    for (auto &c : run.clients) {
        QSet<QString> conflictMutations;
        for (const ConflictItem &k : SyncLedger(*c->store).conflicts(false))
            conflictMutations.insert(k.mutationId);
        for (const QString &id : c->pushedIds) {
            result->bind(1, id);
            QVERIFY2(result->step(),
                qPrintable(QStringLiteral("%1: mutation %2 was answered but the server has no record of it")
                               .arg(c->user, id)));
            const QString status = result->text(0);
            result->reset();
            if (status == QLatin1String("applied") || status == QLatin1String("merged")) {
                audited->bind(1, id);
                QVERIFY(audited->step());
                QVERIFY2(audited->int64(0) > 0,
                    qPrintable(QStringLiteral("%1: %2 mutation %3 is not in the audit log")
                                   .arg(c->user, status, id)));
                audited->reset();
            } else {
                QCOMPARE(status, QStringLiteral("conflict"));
                QVERIFY2(conflictMutations.contains(id), qPrintable(id));
            }
            ++answered;
        }
    }
    int conflicts = 0, rejected = 0;
    for (auto &c : run.clients) {
        conflicts += int(SyncLedger(*c->store).conflicts(false).size());
        rejected += int(c->rejectedIds.size());
    }
    qInfo() << answered << "answered mutations checked against the server;" << conflicts
            << "conflicting fields kept," << rejected << "rejections shown";

    // 4. Nothing duplicated: every visit a laptop created exists once on the server (unless deleted, or
    // refused in the open: a visit to an HCP that had left the rep's territory by the visit's day stays in
    // the laptop's outbox as rejected, shown to the rep).
    QSet<QString> refusedVisits;
    for (auto &c : run.clients) {
        for (const OutboxMutation &m : c->store->outbox()) {
            if (m.state == QLatin1String("rejected") && m.entity == QLatin1String("visit"))
                refusedVisits.insert(m.recordId);
        }
    }
    auto byMarker = serverDb.query(QStringLiteral("SELECT count(*) FROM records WHERE entity = 'visit' AND "
                                                  "deleted = 0 AND json_extract(data, '$.notes') = ?1"));
    for (auto it = run.createdVisitMarker.begin(); it != run.createdVisitMarker.end(); ++it) {
        byMarker->bind(1, it.value());
        QVERIFY(byMarker->step());
        const qint64 n = byMarker->int64(0);
        byMarker->reset();
        QVERIFY2(n <= 1, qPrintable(it.value()));
        if (!run.deletedVisits.contains(it.key()) && !refusedVisits.contains(it.key()))
            QVERIFY2(n == 1, qPrintable(QStringLiteral("visit %1 (%2) was lost").arg(it.key(), it.value())));
    }
    QVERIFY(serverDb.integrityCheck() == QLatin1String("ok"));
}

QTEST_GUILESS_MAIN(TestConvergence)
#include "tst_convergence.moc"
