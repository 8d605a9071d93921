#include "storekey.h"
#include "common/protocol/codec.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "support/samples.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace rounds;

namespace {

const QString kBucketA = QStringLiteral("t:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kBucketB = QStringLiteral("t:bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb");

PulledChange upsert(const QString &entity, const QString &bucket, const QJsonObject &record, qint64 seq = 1)
{
    PulledChange c;
    c.bucket = bucket;
    c.seq = seq;
    c.entity = entity;
    c.id = record.value(QStringLiteral("id")).toString();
    c.record = record;
    return c;
}

PulledChange tombstone(PulledChange::Op op, const QString &entity, const QString &bucket, const QString &id)
{
    PulledChange c;
    c.bucket = bucket;
    c.entity = entity;
    c.id = id;
    c.op = op;
    return c;
}

QJsonObject sample(const char *entity, int variant = 0)
{
    return test::sampleRecord(*protocol::Schema::instance().entity(QString::fromLatin1(entity)), variant);
}

int runApplyChild(const QString &path, const QString &id)
{
    Store store;
    if (!store.open(path).ok)
        return 2;
    QJsonObject rec = sample("product", 5);
    rec.insert(QStringLiteral("id"), id);
    const ApplyResult r
        = store.applyPage({upsert(QStringLiteral("product"), QStringLiteral("global"), rec, 9)},
            {{QStringLiteral("global"), 9}});
    return r.ok ? 0 : 3;
}

// The secondary indexes of the file, "name: sql", sorted.
QStringList indexSql(sql::Database &db)
{
    QStringList out;
    auto q = db.query(QStringLiteral(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name"));
    while (q->step())
        out << q->text(0) + QStringLiteral(": ") + q->text(1);
    return out;
}

// The child half of the bulk-load crash test: a bulk load with one page applied, then the process dies
// there ("mid-load") or inside finishBulkLoad() before its commit (ROUNDS_TEST_CRASH_AT).
int runBulkChild(const QString &path, const QString &id, const QString &where)
{
    Store store;
    if (!store.open(path).ok || !store.beginBulkLoad())
        return 2;
    QJsonObject rec = sample("visit", 3);
    rec.insert(QStringLiteral("id"), id);
    if (!store.applyPage({upsert(QStringLiteral("visit"), kBucketA, rec, 7)}, {{kBucketA, 7}}).ok)
        return 3;
    if (where == QLatin1String("mid-load"))
        std::raise(SIGKILL);
    store.finishBulkLoad();
    return 4; // the crash hook did not fire
}

} // namespace

class TestApplyPage : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void upsertsStoreRecordsBucketsAndCursors();
    void unknownFieldsAreKeptAndGivenBack();
    void olderVersionsDoNotOverwrite();
    void pendingLocalValuesStayOnTop();
    void deletesRemoveRowsButNotPendingOnes();
    void revokeDropsOnlyWhatNoOtherBucketHolds();
    void revokedBucketsDropTheirRecords();
    void malformedAndUnknownAreSkipped();
    void pullChangeFromJson();
    void pageIsAllOrNothing();
    void bulkLoadDefersIndexesAndRestoresThem();
    void bulkLoadSurvivesACrash_data();
    void bulkLoadSurvivesACrash();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    Store m_store;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("rounds.db")); }
};

void TestApplyPage::init()
{
    m_store.close();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    const StoreOpenResult r = m_store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
}

void TestApplyPage::upsertsStoreRecordsBucketsAndCursors()
{
    QSignalSpy changed(&m_store, &Store::recordsChanged);
    QList<PulledChange> page;
    QStringList visitIds;
    for (int i = 0; i < 50; ++i) {
        const QJsonObject v = sample("visit", i);
        visitIds << v.value(QStringLiteral("id")).toString();
        page << upsert(QStringLiteral("visit"), kBucketA, v, i + 1);
    }
    const QJsonObject hcp = sample("hcp");
    page << upsert(QStringLiteral("hcp"), kBucketA, hcp, 51)
         << upsert(QStringLiteral("hcp"), kBucketB, hcp, 3);
    const ApplyResult r = m_store.applyPage(page, {{kBucketA, 51}, {kBucketB, 3}});
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.upserted, 52);
    QCOMPARE(m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM visit")), 50);
    QCOMPARE(m_store.cursors(), (QHash<QString, qint64> {{kBucketA, 51}, {kBucketB, 3}}));
    QCOMPARE(m_store.bucketsOf(QStringLiteral("hcp"), hcp.value(QStringLiteral("id")).toString()),
        (QStringList {kBucketA, kBucketB}));
    // The stored record reads back as the server sent it (date-times already canonical there).
    const auto v = m_store.record(QStringLiteral("visit"), visitIds.at(7));
    QVERIFY(v);
    protocol::Record expected;
    QVERIFY(!protocol::decodeRecord(
        *protocol::Schema::instance().entity(QStringLiteral("visit")), sample("visit", 7), &expected));
    QCOMPARE(v->version, 10);
    QCOMPARE(v->fields.value(QStringLiteral("notes")), expected.fields.value(QStringLiteral("notes")));
    // One notification per entity, naming every changed record.
    QCOMPARE(changed.size(), 2);
    for (const auto &args : changed) {
        if (args.at(0).toString() == QLatin1String("visit"))
            QCOMPARE(args.at(1).toStringList(), visitIds);
    }
    QVERIFY(m_store.outbox().isEmpty()); // pulled records are not local changes
}

void TestApplyPage::unknownFieldsAreKeptAndGivenBack()
{
    QJsonObject rec = sample("institution");
    rec.insert(QStringLiteral("bed_count"), 1200);
    rec.insert(QStringLiteral("tags_v2"), QJsonArray {QStringLiteral("三甲"), QStringLiteral("teaching")});
    QVERIFY(m_store.applyPage({upsert(QStringLiteral("institution"), QStringLiteral("global"), rec)}, {}).ok);
    const auto back
        = m_store.record(QStringLiteral("institution"), rec.value(QStringLiteral("id")).toString());
    QVERIFY(back);
    QCOMPARE(back->extra.value(QStringLiteral("bed_count")).toInteger(), 1200);
    const QJsonObject wire = protocol::encodeRecord(*back);
    QCOMPARE(wire.value(QStringLiteral("tags_v2")), rec.value(QStringLiteral("tags_v2")));
    QCOMPARE(wire.value(QStringLiteral("name")), rec.value(QStringLiteral("name")));
    // A local edit keeps them too.
    QVERIFY(m_store
                .update(QStringLiteral("institution"), back->id,
                    {{QStringLiteral("city"), QStringLiteral("杭州")}})
                .ok);
    QCOMPARE(m_store.record(QStringLiteral("institution"), back->id)
                 ->extra.value(QStringLiteral("bed_count"))
                 .toInteger(),
        1200);
}

void TestApplyPage::olderVersionsDoNotOverwrite()
{
    QJsonObject v5 = sample("product", 5); // version 8
    v5.insert(QStringLiteral("name"), QStringLiteral("new"));
    QJsonObject v3 = v5;
    v3.insert(QStringLiteral("version"), 3);
    v3.insert(QStringLiteral("name"), QStringLiteral("old"));
    const ApplyResult r
        = m_store.applyPage({upsert(QStringLiteral("product"), QStringLiteral("global"), v5),
                                upsert(QStringLiteral("product"), QStringLiteral("global"), v3)},
            {});
    QVERIFY(r.ok);
    QCOMPARE(r.upserted, 1);
    QCOMPARE(r.skipped, 1);
    QCOMPARE(m_store.record(QStringLiteral("product"), v5.value(QStringLiteral("id")).toString())
                 ->fields.value(QStringLiteral("name"))
                 .toString(),
        QStringLiteral("new"));
}

void TestApplyPage::pendingLocalValuesStayOnTop()
{
    QJsonObject rec = sample("visit");
    const QString id = rec.value(QStringLiteral("id")).toString();
    QVERIFY(m_store.applyPage({upsert(QStringLiteral("visit"), kBucketA, rec)}, {}).ok);
    QVERIFY(
        m_store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("mine")}}).ok);

    // The server changed other fields meanwhile.
    rec.insert(QStringLiteral("version"), 9);
    rec.insert(QStringLiteral("notes"), QStringLiteral("theirs"));
    rec.insert(QStringLiteral("feedback"), QStringLiteral("server feedback"));
    QSignalSpy changed(&m_store, &Store::recordsChanged);
    const ApplyResult r
        = m_store.applyPage({upsert(QStringLiteral("visit"), kBucketA, rec)}, {{kBucketA, 2}});
    QVERIFY(r.ok);
    QCOMPARE(r.keptPending, 1);
    QCOMPARE(changed.size(), 1);
    const auto visible = m_store.record(QStringLiteral("visit"), id);
    QCOMPARE(visible->version, 9);
    QCOMPARE(visible->fields.value(QStringLiteral("notes")).toString(), QStringLiteral("mine"));
    QCOMPARE(visible->fields.value(QStringLiteral("feedback")).toString(), QStringLiteral("server feedback"));
    const auto shadow = m_store.shadow(QStringLiteral("visit"), id);
    QCOMPARE(shadow->version, 9);
    QCOMPARE(shadow->fields.value(QStringLiteral("notes")).toString(), QStringLiteral("theirs"));
    // The mutation itself is untouched: base stays what the edit was made against.
    QCOMPARE(m_store.outbox().at(0).baseVersion, 3);

    // A pending delete keeps the record hidden whatever the server sends.
    QVERIFY(m_store.remove(QStringLiteral("visit"), id).ok);
    rec.insert(QStringLiteral("version"), 10);
    QVERIFY(m_store.applyPage({upsert(QStringLiteral("visit"), kBucketA, rec)}, {}).ok);
    QVERIFY(!m_store.record(QStringLiteral("visit"), id));
    QCOMPARE(m_store.shadow(QStringLiteral("visit"), id)->version, 10);
}

void TestApplyPage::deletesRemoveRowsButNotPendingOnes()
{
    const QJsonObject a = sample("hcp_tag", 1);
    const QJsonObject b = sample("hcp_tag", 2);
    const QString ida = a.value(QStringLiteral("id")).toString();
    const QString idb = b.value(QStringLiteral("id")).toString();
    QVERIFY(m_store
                .applyPage({upsert(QStringLiteral("hcp_tag"), kBucketA, a),
                               upsert(QStringLiteral("hcp_tag"), kBucketA, b)},
                    {})
                .ok);
    QVERIFY(
        m_store.update(QStringLiteral("hcp_tag"), idb, {{QStringLiteral("tag"), QStringLiteral("KOL")}}).ok);
    const ApplyResult r = m_store.applyPage(
        {tombstone(PulledChange::Op::Delete, QStringLiteral("hcp_tag"), kBucketA, ida),
            tombstone(PulledChange::Op::Delete, QStringLiteral("hcp_tag"), kBucketA, idb)},
        {});
    QVERIFY(r.ok);
    QCOMPARE(r.deleted, 1);
    QCOMPARE(r.keptPending, 1);
    QVERIFY(!m_store.record(QStringLiteral("hcp_tag"), ida));
    QVERIFY(m_store.bucketsOf(QStringLiteral("hcp_tag"), ida).isEmpty());
    QCOMPARE(m_store.record(QStringLiteral("hcp_tag"), idb)->fields.value(QStringLiteral("tag")).toString(),
        QStringLiteral("KOL"));
}

void TestApplyPage::revokeDropsOnlyWhatNoOtherBucketHolds()
{
    const QJsonObject hcp = sample("hcp");
    const QString id = hcp.value(QStringLiteral("id")).toString();
    QVERIFY(m_store
                .applyPage({upsert(QStringLiteral("hcp"), kBucketA, hcp),
                               upsert(QStringLiteral("hcp"), kBucketB, hcp)},
                    {})
                .ok);
    ApplyResult r
        = m_store.applyPage({tombstone(PulledChange::Op::Revoke, QStringLiteral("hcp"), kBucketA, id)}, {});
    QVERIFY(r.ok);
    QCOMPARE(r.dropped, 0);
    QVERIFY(m_store.record(QStringLiteral("hcp"), id));
    QCOMPARE(m_store.bucketsOf(QStringLiteral("hcp"), id), QStringList {kBucketB});
    QSignalSpy changed(&m_store, &Store::recordsChanged);
    r = m_store.applyPage({tombstone(PulledChange::Op::Revoke, QStringLiteral("hcp"), kBucketB, id)}, {});
    QCOMPARE(r.dropped, 1);
    QVERIFY(!m_store.record(QStringLiteral("hcp"), id));
    QCOMPARE(changed.size(), 1);

    // A record with a pending change survives its last revoke.
    const QJsonObject other = sample("hcp", 1);
    const QString otherId = other.value(QStringLiteral("id")).toString();
    QVERIFY(m_store.applyPage({upsert(QStringLiteral("hcp"), kBucketA, other)}, {}).ok);
    QVERIFY(m_store.update(QStringLiteral("hcp"), otherId, {{QStringLiteral("phone"), QStringLiteral("138")}})
                .ok);
    r = m_store.applyPage(
        {tombstone(PulledChange::Op::Revoke, QStringLiteral("hcp"), kBucketA, otherId)}, {});
    QCOMPARE(r.dropped, 0);
    QVERIFY(m_store.record(QStringLiteral("hcp"), otherId));
}

void TestApplyPage::revokedBucketsDropTheirRecords()
{
    const QJsonObject onlyA = sample("visit", 1);
    const QJsonObject both = sample("hcp", 2);
    const QJsonObject pending = sample("visit", 3);
    QVERIFY(m_store
                .applyPage({upsert(QStringLiteral("visit"), kBucketA, onlyA),
                               upsert(QStringLiteral("hcp"), kBucketA, both),
                               upsert(QStringLiteral("hcp"), kBucketB, both),
                               upsert(QStringLiteral("visit"), kBucketA, pending)},
                    {{kBucketA, 4}, {kBucketB, 1}})
                .ok);
    QVERIFY(m_store
                .update(QStringLiteral("visit"), pending.value(QStringLiteral("id")).toString(),
                    {{QStringLiteral("duration_min"), 30}})
                .ok);
    const ApplyResult r = m_store.applyPage({}, {{kBucketB, 2}}, {kBucketA});
    QVERIFY(r.ok);
    QCOMPARE(r.dropped, 1);
    QVERIFY(!m_store.record(QStringLiteral("visit"), onlyA.value(QStringLiteral("id")).toString()));
    QVERIFY(m_store.record(QStringLiteral("hcp"), both.value(QStringLiteral("id")).toString()));
    QVERIFY(m_store.record(QStringLiteral("visit"), pending.value(QStringLiteral("id")).toString()));
    QCOMPARE(m_store.cursors(), (QHash<QString, qint64> {{kBucketB, 2}}));
}

void TestApplyPage::malformedAndUnknownAreSkipped()
{
    QJsonObject noVersion = sample("product");
    noVersion.remove(QStringLiteral("version"));
    PulledChange future;
    future.entity = QStringLiteral("hologram");
    future.id = protocol::newUuid();
    future.record = QJsonObject {{QStringLiteral("id"), future.id}, {QStringLiteral("version"), 1}};
    const ApplyResult r
        = m_store.applyPage({upsert(QStringLiteral("product"), QStringLiteral("global"), noVersion), future},
            {{QStringLiteral("global"), 2}});
    QVERIFY(r.ok);
    QCOMPARE(r.skipped, 2);
    QCOMPARE(m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM product")), 0);
    QCOMPARE(m_store.cursors().value(QStringLiteral("global")), 2);
}

void TestApplyPage::pullChangeFromJson()
{
    QString error;
    const QJsonObject rec = sample("visit");
    auto c = PulledChange::fromJson(
        QJsonObject {{QStringLiteral("bucket"), kBucketA}, {QStringLiteral("seq"), 121},
            {QStringLiteral("entity"), QStringLiteral("visit")},
            {QStringLiteral("id"), rec.value(QStringLiteral("id"))},
            {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("record"), rec}},
        &error);
    QVERIFY2(c, qPrintable(error));
    QCOMPARE(c->seq, 121);
    QCOMPARE(c->op, PulledChange::Op::Upsert);
    QCOMPARE(c->record, rec);
    c = PulledChange::fromJson(QJsonObject {{QStringLiteral("entity"), QStringLiteral("hcp")},
        {QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("op"), QStringLiteral("revoke")}});
    QVERIFY(c);
    QCOMPARE(c->op, PulledChange::Op::Revoke);
    QVERIFY(!PulledChange::fromJson(
        QJsonObject {{QStringLiteral("entity"), QStringLiteral("hcp")},
            {QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("op"), QStringLiteral("explode")}},
        &error));
    QVERIFY(error.contains(QStringLiteral("explode")));
    QVERIFY(!PulledChange::fromJson(QJsonObject {{QStringLiteral("entity"), QStringLiteral("hcp")},
        {QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("op"), QStringLiteral("upsert")}}));
}

void TestApplyPage::pageIsAllOrNothing()
{
    QVERIFY(m_store.applyPage({}, {{QStringLiteral("global"), 4}}).ok);
    m_store.close();
    const QString id = protocol::newUuid();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROUNDS_TEST_CRASH_AT"), QStringLiteral("apply-before-commit"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--apply-child"), dbPath(), id});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(m_store.open(dbPath()).ok);
    QVERIFY(!m_store.record(QStringLiteral("product"), id));
    QCOMPARE(m_store.cursors().value(QStringLiteral("global")), 4);
    m_store.close();

    QProcess again;
    again.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--apply-child"), dbPath(), id});
    QVERIFY(again.waitForFinished(30000));
    QCOMPARE(again.exitCode(), 0);
    QVERIFY(m_store.open(dbPath()).ok);
    QVERIFY(m_store.record(QStringLiteral("product"), id));
    QCOMPARE(m_store.cursors().value(QStringLiteral("global")), 9);
}

void TestApplyPage::bulkLoadDefersIndexesAndRestoresThem()
{
    sql::Database &db = *m_store.database();
    const QStringList before = indexSql(db);
    QVERIFY(before.join(u'\n').contains(QStringLiteral("idx_visit_list_time")));
    QVERIFY(!m_store.isBulkLoading());
    QVERIFY(m_store.beginBulkLoad());
    QVERIFY(m_store.isBulkLoading());
    QCOMPARE(db.scalarInt(QStringLiteral("PRAGMA cache_size")), -128 * 1024);
    const QString during = indexSql(db).join(u'\n');
    // Visits and their details load without their indexes; tables with triggers (HCPs: search) keep theirs.
    QVERIFY(!during.contains(QStringLiteral("idx_visit_list_time")));
    QVERIFY(!during.contains(QStringLiteral("idx_visit_detail_")));
    QVERIFY(during.contains(QStringLiteral("idx_hcp_list_name")));
    QVERIFY(during.contains(QStringLiteral("idx_outbox_record")));

    QList<PulledChange> page;
    for (int i = 0; i < 20; ++i)
        page << upsert(QStringLiteral("visit"), kBucketA, sample("visit", i), i + 1);
    const QJsonObject hcp = sample("hcp");
    page << upsert(QStringLiteral("hcp"), kBucketA, hcp, 21);
    QVERIFY(m_store.applyPage(page, {{kBucketA, 21}}).ok);
    // Queries stay correct without the indexes, and search stays complete.
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM visit WHERE visited_at IS NOT NULL")), 20);
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM hcp_search_doc")), 1);

    QVERIFY(m_store.finishBulkLoad());
    QVERIFY(!m_store.isBulkLoading());
    QCOMPARE(indexSql(db), before);
    QCOMPARE(db.scalarInt(QStringLiteral("PRAGMA cache_size")), -32 * 1024);
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM visit")), 20);
    QVERIFY(m_store.finishBulkLoad()); // nothing left to do

    // A mark naming a column a later schema removed: the other indexes still come back.
    QVERIFY(m_store.beginBulkLoad());
    {
        auto q = db.query(QStringLiteral(
            "UPDATE sync_meta SET value = json_insert(value, '$.indexes[#]', "
            "'CREATE INDEX idx_visit_gone ON visit(no_such_column)') WHERE key = 'bulk_load'"));
        q->run();
    }
    QVERIFY(m_store.finishBulkLoad());
    QVERIFY(!m_store.isBulkLoading());
    QCOMPARE(indexSql(db), before);
}

void TestApplyPage::bulkLoadSurvivesACrash_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("killed mid-load") << QStringLiteral("mid-load");
    QTest::newRow("killed while creating the indexes") << QStringLiteral("bulk-finish-before-commit");
}

void TestApplyPage::bulkLoadSurvivesACrash()
{
    QFETCH(QString, where);
    const QStringList before = indexSql(*m_store.database());
    m_store.close();
    const QString id = protocol::newUuid();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROUNDS_TEST_CRASH_AT"), where);
    child.setProcessEnvironment(env);
    child.start(
        QCoreApplication::applicationFilePath(), {QStringLiteral("--bulk-child"), dbPath(), id, where});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    {
        // The mark and the missing indexes are what the dead process left.
        sql::Database left(dbPath(), test::storeOptions(dbPath()));
        QVERIFY(
            left.scalarInt(QStringLiteral("SELECT count(*) FROM sync_meta WHERE key = 'bulk_load'")) == 1);
        QVERIFY(indexSql(left) != before);
    }
    // Opening the file finishes the load: the page applied before the crash is there, with its cursor.
    QVERIFY(m_store.open(dbPath()).ok);
    QVERIFY(!m_store.isBulkLoading());
    QCOMPARE(indexSql(*m_store.database()), before);
    QVERIFY(m_store.record(QStringLiteral("visit"), id));
    QCOMPARE(m_store.cursors().value(kBucketA), 7);
    QCOMPARE(m_store.database()->integrityCheck(), QStringLiteral("ok"));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc == 4 && qstrcmp(argv[1], "--apply-child") == 0)
        return runApplyChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]));
    if (argc == 5 && qstrcmp(argv[1], "--bulk-child") == 0)
        return runBulkChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
            QString::fromLocal8Bit(argv[4]));
    TestApplyPage test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_applypage.moc"
