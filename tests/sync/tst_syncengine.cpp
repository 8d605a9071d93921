#include "common/protocol/ddl.h"
#include "common/protocol/schema.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/syncengine.h"

#include <QLockFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// The GUI's engine against a real server: it syncs on a worker thread while the GUI thread's event loop
// keeps running, never runs two syncs at once, and batches a burst of local saves into one sync.
class TestSyncEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void syncRunsOffTheGuiThread();
    void requestsDuringASyncQueueExactlyOneMore();
    void aBurstOfSavesBecomesOneSync();
    void progressEstimatesTheTotal();
    void overlappedBulkFirstSyncEqualsAPlainOne();
    void cancelledBulkFirstSyncKeepsItsIndexes();
    void anEmptyLockFileLeftByACrashIsTakenOver();

private:
    SyncEngine::Account account(const QString &name);

    std::unique_ptr<ServerProcess> m_server;
    QStringList m_plainManager; // what a plain first sync of manager.sh leaves
    QTemporaryDir m_dir;
};

void TestSyncEngine::initTestCase()
{
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->createDemo(300, 2000, 11));
    QVERIFY(m_server->start());
}

SyncEngine::Account TestSyncEngine::account(const QString &name)
{
    SyncEngine::Account a;
    a.dbPath = m_dir.filePath(name + QStringLiteral(".db"));
    a.server = m_server->url();
    a.user = name;
    a.token = m_server->login(name);
    return a;
}

void TestSyncEngine::syncRunsOffTheGuiThread()
{
    SyncEngine engine;
    engine.setAccount(account(QStringLiteral("manager.sh")));
    QSignalSpy started(&engine, &SyncEngine::syncStarted);
    QSignalSpy finished(&engine, &SyncEngine::syncFinished);
    QSignalSpy progress(&engine, &SyncEngine::progress);
    QSignalSpy changed(&engine, &SyncEngine::recordsChanged);

    int ticks = 0;
    QTimer tick;
    connect(&tick, &QTimer::timeout, this, [&] { ++ticks; });
    tick.start(5);
    engine.syncNow();
    QVERIFY(engine.isSyncing());
    QCOMPARE(started.count(), 1);
    QVERIFY(finished.wait(120000));
    tick.stop();

    const SyncSummary summary = finished.first().first().value<SyncSummary>();
    QVERIFY2(summary.ok, qPrintable(summary.error.message));
    QVERIFY(summary.pulled > 1000);
    QVERIFY(!engine.isSyncing());
    // The GUI thread's loop kept turning while thousands of records were pulled and applied.
    QVERIFY2(ticks > 3, qPrintable(QString::number(ticks)));
    QVERIFY(progress.count() >= 2);
    QCOMPARE(progress.last().first().value<SyncProgress>().phase, SyncProgress::Done);
    // The GUI learns which rows changed, to refresh its models.
    QStringList entities;
    for (const auto &args : changed)
        entities << args.first().toString();
    QVERIFY(entities.contains(QStringLiteral("hcp")));
    QVERIFY(entities.contains(QStringLiteral("visit")));
}

void TestSyncEngine::requestsDuringASyncQueueExactlyOneMore()
{
    SyncEngine engine;
    engine.setAccount(account(QStringLiteral("rep.sh02")));
    QSignalSpy started(&engine, &SyncEngine::syncStarted);
    QSignalSpy finished(&engine, &SyncEngine::syncFinished);
    engine.syncNow();
    engine.syncNow();
    engine.syncNow();
    engine.syncNow();
    QCOMPARE(started.count(), 1); // never two at once
    QVERIFY(QTest::qWaitFor([&] { return finished.count() == 2; }, 120000));
    QTest::qWait(300);
    QCOMPARE(finished.count(), 2); // the three extra requests became one follow-up sync
    QCOMPARE(started.count(), 2);
}

void TestSyncEngine::aBurstOfSavesBecomesOneSync()
{
    const SyncEngine::Account a = account(QStringLiteral("rep.hz01"));
    SyncEngine engine;
    engine.setAccount(a);
    engine.setSaveDelayMs(200);
    QSignalSpy finished(&engine, &SyncEngine::syncFinished);
    engine.syncNow();
    QVERIFY(finished.wait(120000));

    // The GUI's own connection to the same file, as the rep's windows use it.
    Store gui;
    QVERIFY(gui.open(a.dbPath).ok);
    engine.watch(&gui); // as the Session does: every change the store queues schedules the sync
    const QString userId = m_server->get(QStringLiteral("/api/v1/me"), a.token).json.value(u"id").toString();
    const auto visit = gui.record(QStringLiteral("visit"), [&] {
        auto q = gui.database()->query(QStringLiteral("SELECT id FROM visit WHERE rep_id = ?1 LIMIT 1"));
        q->bind(1, userId);
        return q->step() ? q->text(0) : QString();
    }());
    QVERIFY(visit);
    QStringList created;
    for (int i = 0; i < 5; ++i) {
        QJsonObject fields;
        fields.insert(QStringLiteral("territory_id"), visit->fields.value(u"territory_id"));
        fields.insert(QStringLiteral("hcp_id"), visit->fields.value(u"hcp_id"));
        fields.insert(QStringLiteral("rep_id"), userId);
        fields.insert(QStringLiteral("visited_at"), QStringLiteral("2026-11-22T01:00:00Z"));
        fields.insert(QStringLiteral("notes"), QStringLiteral("burst %1").arg(i));
        const WriteResult w = gui.create(QStringLiteral("visit"), fields);
        QVERIFY(w.ok);
        created << w.id;
    }
    QVERIFY(finished.wait(30000));
    QTest::qWait(500);
    QCOMPARE(finished.count(), 2); // the first sync, and one for the whole burst
    QVERIFY(finished.last().first().value<SyncSummary>().ok);
    QCOMPARE(finished.last().first().value<SyncSummary>().pushed, 5);
    QCOMPARE(gui.pendingCount(), 0);
}

void TestSyncEngine::progressEstimatesTheTotal()
{
    const SyncEngine::Account a = account(QStringLiteral("sfe"));
    Store store;
    QVERIFY(store.open(a.dbPath).ok);
    ApiClient api(a.server);
    api.setToken(a.token);
    SyncSession::Options options;
    options.pullLimit = 400; // many pages
    SyncSession session(store, api, options);
    QList<SyncProgress> seen;
    connect(&session, &SyncSession::progress, this, [&](const SyncProgress &p) { seen << p; });
    const SyncSummary summary = session.run();
    QVERIFY2(summary.ok, qPrintable(summary.error.message));
    QList<SyncProgress> pulling;
    for (const SyncProgress &p : seen) {
        if (p.phase == SyncProgress::Pulling)
            pulling << p;
    }
    QVERIFY(pulling.size() > 3);
    // While pages remain, the total is known and bounds what is done; it is exact at the end.
    for (qsizetype i = 0; i + 1 < pulling.size(); ++i) {
        QVERIFY2(pulling.at(i).total > pulling.at(i).done, qPrintable(QString::number(i)));
        QCOMPARE(pulling.at(i).total, qint64(summary.pulled));
    }
    QCOMPARE(seen.last().phase, SyncProgress::Done);
}

namespace {

// Everything a first sync leaves in the file that a user or the next sync can see: every entity row,
// the buckets, the cursors, the search documents and the schema's indexes.
QStringList contents(Store &store)
{
    sql::Database &db = *store.database();
    QStringList out;
    auto dump = [&](const QString &sql) {
        auto q = db.query(sql);
        while (q->step()) {
            QStringList row;
            for (int c = 0; c < q->columnCount(); ++c)
                row << q->text(c);
            out << row.join(u'|');
        }
    };
    for (const protocol::Entity &e : protocol::Schema::instance().entities())
        dump(QStringLiteral("SELECT '%1', * FROM %2 ORDER BY id")
                 .arg(e.name, protocol::quoteIdentifier(e.name)));
    dump(QStringLiteral("SELECT * FROM record_bucket ORDER BY 1, 2, 3"));
    dump(QStringLiteral("SELECT * FROM sync_cursor ORDER BY bucket"));
    dump(QStringLiteral(
        "SELECT h.id, d.docid IS NOT NULL FROM hcp h LEFT JOIN hcp_search_doc d ON d.hcp_id = h.id "
        "ORDER BY h.id"));
    dump(QStringLiteral("SELECT count(*) FROM hcp_gram"));
    dump(QStringLiteral(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name"));
    return out;
}

} // namespace

// A first sync in many pages, with the next page fetched while one is applied and the indexes built at
// the end, leaves exactly what a page-by-page sync with live indexes leaves.
void TestSyncEngine::overlappedBulkFirstSyncEqualsAPlainOne()
{
    const SyncEngine::Account a = account(QStringLiteral("manager.sh"));
    ApiClient api(a.server);
    api.setToken(a.token);

    QStringList plain;
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("plain.db"))).ok);
        SyncSession::Options options;
        options.pullLimit = 400;
        options.overlapFetch = false;
        options.bulkLoad = false;
        SyncSession session(store, api, options);
        const SyncSummary summary = session.run();
        QVERIFY2(summary.ok, qPrintable(summary.error.message));
        plain = contents(store);
        m_plainManager = plain;
    }
    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("bulk.db"))).ok);
    SyncSession::Options options;
    options.pullLimit = 400;
    options.bulkLoadFrom = 1000;
    SyncSession session(store, api, options);
    int pagesInBulk = 0;
    connect(&session, &SyncSession::progress, this, [&](const SyncProgress &p) {
        pagesInBulk += p.phase == SyncProgress::Pulling && store.isBulkLoading();
    });
    const SyncSummary summary = session.run();
    QVERIFY2(summary.ok, qPrintable(summary.error.message));
    QVERIFY(pagesInBulk > 3);
    QVERIFY(!store.isBulkLoading());
    const QStringList bulk = contents(store);
    QVERIFY(plain.size() > 2000);
    QCOMPARE(bulk.size(), plain.size());
    for (qsizetype i = 0; i < plain.size(); ++i)
        QCOMPARE(bulk.at(i), plain.at(i));
    QCOMPARE(store.database()->integrityCheck(), QStringLiteral("ok"));

    // The next sync is an ordinary incremental one: nothing new, no bulk load.
    SyncSession again(store, api, options);
    const SyncSummary second = again.run();
    QVERIFY(second.ok);
    QCOMPARE(second.pulled, 0);
}

// Cancelled half way (a page being fetched while another is applied): the indexes are back, the cursors
// are those of the last stored page, and the next sync completes to the same contents.
void TestSyncEngine::cancelledBulkFirstSyncKeepsItsIndexes()
{
    QVERIFY(!m_plainManager.isEmpty()); // the plain sync of the test above
    const SyncEngine::Account a = account(QStringLiteral("manager.sh"));
    ApiClient api(a.server);
    api.setToken(a.token);
    SyncSession::Options options;
    options.pullLimit = 400;
    options.bulkLoadFrom = 1000;

    Store store;
    QVERIFY(store.open(m_dir.filePath(QStringLiteral("cancelled.db"))).ok);
    {
        SyncSession session(store, api, options);
        int pages = 0;
        connect(&session, &SyncSession::progress, this, [&](const SyncProgress &p) {
            if (p.phase == SyncProgress::Pulling && ++pages == 3)
                session.cancel();
        });
        const SyncSummary summary = session.run();
        QVERIFY(!summary.ok);
        QCOMPARE(summary.error.kind, ApiError::Cancelled);
        QVERIFY(summary.pulled > 0 && summary.pulled <= 3 * 400);
    }
    QVERIFY(!store.isBulkLoading());
    QVERIFY(!store.cursors().isEmpty());
    ApiClient fresh(a.server);
    fresh.setToken(a.token);
    const SyncSummary rest = SyncSession(store, fresh, options).run();
    QVERIFY2(rest.ok, qPrintable(rest.error.message));
    QCOMPARE(contents(store), m_plainManager);
}

// A process killed between creating the sync lock file and writing its pid leaves an empty file: the next
// sync takes it over, while a lock a live process holds still refuses the sync.
void TestSyncEngine::anEmptyLockFileLeftByACrashIsTakenOver()
{
    const SyncEngine::Account a = account(QStringLiteral("rep.sh01"));
    Store store;
    QVERIFY(store.open(a.dbPath).ok);
    ApiClient api(a.server);
    api.setToken(a.token);
    {
        QFile empty(a.dbPath + QStringLiteral(".sync-lock"));
        QVERIFY(empty.open(QIODevice::WriteOnly | QIODevice::Truncate));
    }
    const SyncSummary taken = SyncSession(store, api).run();
    QVERIFY2(taken.ok, qPrintable(taken.error.message));

    QLockFile held(a.dbPath + QStringLiteral(".sync-lock"));
    QVERIFY(held.tryLock(0));
    const SyncSummary refused = SyncSession(store, api).run();
    QVERIFY(!refused.ok);
    QCOMPARE(refused.error.message, QStringLiteral("Another sync of this database is running."));
}

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
