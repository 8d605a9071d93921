#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/clientschema.h"
#include "support/samples.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

QList<sql::Migration> stepsUpTo(int version)
{
    QList<sql::Migration> steps;
    for (const sql::Migration &m : clientMigrations()) {
        if (m.version <= version)
            steps << m;
    }
    return steps;
}

// Every object of the file with its SQL, so two files can be compared for the same schema.
QStringList schemaOf(sql::Database &db)
{
    QStringList out;
    auto q = db.query(QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master "
                                     "WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"));
    while (q->step())
        out << QStringList {q->text(0), q->text(1), q->text(2), q->text(3).simplified()}.join(u'|');
    return out;
}

} // namespace

class TestClientMigrations : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void freshFileGetsEveryTable();
    void fromEachEarlierVersion_data();
    void fromEachEarlierVersion();
    void addMissingColumnsIsIdempotent();
    void aLaterFieldStepWorksOnFreshAndOldFiles();
    void missingEntityTablesAreCreated();
    void failingStepLeavesThePreviousVersion();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path(const char *name) const { return m_dir->filePath(QString::fromLatin1(name)); }
};

void TestClientMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestClientMigrations::freshFileGetsEveryTable()
{
    sql::Database db(path("fresh.db"));
    const auto result = sql::migrate(db, clientMigrations(), QStringLiteral("database"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.to, clientMigrations().last().version);
    for (const char *table : {"outbox", "shadow", "record_bucket", "sync_cursor", "sync_meta", "conflict",
             "hcp_search", "hcp_search_doc", "hcp_gram"})
        QVERIFY2(db.tableExists(QString::fromLatin1(table)), table);
    // The outbox keeps one pending mutation per record.
    db.exec(QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, created_at, updated_at) "
                           "VALUES ('m1', 'visit', 'r1', 'upsert', 'now', 'now')"));
    QVERIFY_THROWS_EXCEPTION(sql::SqlError,
        db.exec(QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, "
                               "created_at, updated_at) VALUES ('m2', 'visit', 'r1', "
                               "'upsert', 'now', 'now')")));
    db.exec(QStringLiteral("UPDATE outbox SET state = 'sending' WHERE mutation_id = 'm1'"));
    db.exec(QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, created_at, updated_at) "
                           "VALUES ('m2', 'visit', 'r1', 'upsert', 'now', 'now')"));
    QVERIFY_THROWS_EXCEPTION(sql::SqlError,
        db.exec(QStringLiteral("INSERT INTO outbox (mutation_id, entity, record_id, op, "
                               "created_at, updated_at) VALUES ('m3', 'visit', 'r2', "
                               "'merge', 'now', 'now')")));
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
}

void TestClientMigrations::fromEachEarlierVersion_data()
{
    QTest::addColumn<int>("from");
    for (const sql::Migration &m : clientMigrations()) {
        if (m.version < clientMigrations().last().version)
            QTest::newRow(qPrintable(QStringLiteral("v%1").arg(m.version))) << m.version;
    }
    QTest::newRow("empty file") << 0;
}

void TestClientMigrations::fromEachEarlierVersion()
{
    QFETCH(int, from);
    QStringList expected;
    {
        sql::Database fresh(path("fresh.db"));
        QVERIFY(sql::migrate(fresh, clientMigrations(), QStringLiteral("database")).ok);
        expected = schemaOf(fresh);
    }
    const QString hcpId = protocol::newUuid();
    const QString institutionId = protocol::newUuid();
    {
        sql::Database old(path("old.db"));
        const auto built = sql::migrate(old, stepsUpTo(from), QStringLiteral("database"));
        QVERIFY2(built.ok, qPrintable(built.error));
        QCOMPARE(old.userVersion(), from);
        if (from >= 1) {
            // Data written by the older version must survive and be indexed by later steps.
            auto i = old.query(QStringLiteral("INSERT INTO institution (id, version, name, kind, city) "
                                              "VALUES (?1, 1, '复旦大学附属中山医院', 'hospital', '上海')"));
            i->bind(1, institutionId);
            i->run();
            auto h
                = old.query(QStringLiteral("INSERT INTO hcp (id, version, full_name, status, institution_id) "
                                           "VALUES (?1, 2, '张伟', 'active', ?2)"));
            h->bind(1, hcpId);
            h->bind(2, institutionId);
            h->run();
        }
    }
    sql::Database db(path("old.db"));
    const auto result = sql::migrate(db, clientMigrations(), QStringLiteral("database"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.from, from);
    QCOMPARE(result.to, clientMigrations().last().version);
    QCOMPARE(schemaOf(db), expected);
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));
    // Step 13: the search index's update triggers fire only when a column they index changed.
    QCOMPARE(db.scalarInt(QStringLiteral(
                 "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN ('hcp_search_au', "
                 "'institution_search_au', 'department_search_au', 'hcp_tag_search_au') AND sql LIKE "
                 "'%WHEN OLD.% IS NOT NEW.%'")),
        4);
    if (from >= 1) {
        QCOMPARE(db.scalarText(QStringLiteral("SELECT full_name FROM hcp")), QStringLiteral("张伟"));
        QCOMPARE(db.scalarInt(
                     QStringLiteral("SELECT count(*) FROM hcp_search WHERE hcp_search MATCH '\"中山医\"'")),
            1);
        QCOMPARE(db.scalarText(QStringLiteral("SELECT hcp_id FROM hcp_gram WHERE gram = '伟'")), hcpId);
        QCOMPARE(db.scalarText(QStringLiteral("SELECT name FROM hcp_name_search")), QStringLiteral("张伟"));
    }
}

void TestClientMigrations::addMissingColumnsIsIdempotent()
{
    sql::Database db(path("cols.db"));
    QVERIFY(sql::migrate(db, clientMigrations(), QStringLiteral("database")).ok);
    QCOMPARE(addMissingColumns(db, QStringLiteral("hcp")), QStringList());
    db.exec(QStringLiteral("ALTER TABLE hcp DROP COLUMN email"));
    QCOMPARE(addMissingColumns(db, QStringLiteral("hcp")), QStringList {QStringLiteral("email")});
    QCOMPARE(addMissingColumns(db, QStringLiteral("hcp")), QStringList());
    QCOMPARE(
        db.scalarInt(QStringLiteral("SELECT count(*) FROM pragma_table_info('hcp') WHERE name = 'email'")),
        1);
    QCOMPARE(addMissingColumns(db, QStringLiteral("no_such_entity")), QStringList());
}

void TestClientMigrations::aLaterFieldStepWorksOnFreshAndOldFiles()
{
    // A future step "add hcp.email" written the documented way must pass on a fresh file (where step 1
    // already created the column from the current schema) and on an old file (where it is missing).
    QList<sql::Migration> future = clientMigrations();
    const int next = future.last().version + 1;
    future << sql::Migration {next, QStringLiteral("hcp.email"),
        [](sql::Database &db) { addMissingColumns(db, QStringLiteral("hcp")); }};
    {
        sql::Database fresh(path("fresh.db"));
        const auto r = sql::migrate(fresh, future, QStringLiteral("database"));
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.to, next);
    }
    sql::Database old(path("old.db"));
    QVERIFY(sql::migrate(old, clientMigrations(), QStringLiteral("database")).ok);
    old.exec(
        QStringLiteral("ALTER TABLE hcp DROP COLUMN email")); // as a file written before the field existed
    const auto r = sql::migrate(old, future, QStringLiteral("database"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(
        old.scalarInt(QStringLiteral("SELECT count(*) FROM pragma_table_info('hcp') WHERE name = 'email'")),
        1);
}

void TestClientMigrations::missingEntityTablesAreCreated()
{
    sql::Database db(path("tables.db"));
    QVERIFY(sql::migrate(db, clientMigrations(), QStringLiteral("database")).ok);
    QCOMPARE(createMissingEntityTables(db), QStringList());
    db.exec(QStringLiteral("DROP TABLE product"));
    QCOMPARE(createMissingEntityTables(db), QStringList {QStringLiteral("product")});
    QVERIFY(db.tableExists(QStringLiteral("product")));
}

void TestClientMigrations::failingStepLeavesThePreviousVersion()
{
    QList<sql::Migration> broken = clientMigrations();
    const int last = broken.last().version;
    broken << sql::Migration {last + 1, QStringLiteral("broken"), [](sql::Database &db) {
                                  db.exec(QStringLiteral("CREATE TABLE half_done (x)"));
                                  db.exec(QStringLiteral("INSERT INTO nowhere VALUES (1)"));
                              }};
    sql::Database db(path("broken.db"));
    const auto r = sql::migrate(db, broken, QStringLiteral("database"));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(QStringLiteral("nowhere")), qPrintable(r.error));
    QCOMPARE(db.userVersion(), last);
    QVERIFY(!db.tableExists(QStringLiteral("half_done")));
}

QTEST_GUILESS_MAIN(TestClientMigrations)
#include "tst_clientmigrations.moc"
