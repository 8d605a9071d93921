#include "common/protocol/codec.h"
#include "common/protocol/ddl.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "common/sqlite/transaction.h"
#include "models/clientschema.h"
#include "support/samples.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::protocol;

class TestClientDdl : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void migrationCreatesEveryEntityTable();
    void columnsFollowTheSchema();
    void valuesSurviveStorage_data();
    void valuesSurviveStorage();
    void newerDatabaseIsRefusedUntouched();
    void fileIsPrivate();
    void errorsNameTheStatement();
    void transactionRollsBackWhenNotCommitted();
    void nestedTransactionsAreSavepoints();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("rounds.db")); }
};

void TestClientDdl::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestClientDdl::migrationCreatesEveryEntityTable()
{
    sql::Database db(dbPath());
    const auto result = sql::migrate(db, clientMigrations(), QStringLiteral("database"));
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.from, 0);
    QCOMPARE(db.userVersion(), clientMigrations().last().version);
    for (const Entity &e : Schema::instance().entities())
        QVERIFY2(db.tableExists(e.name), qPrintable(e.name));
    QCOMPARE(db.integrityCheck(), QStringLiteral("ok"));

    // Running again is a no-op.
    const auto again = sql::migrate(db, clientMigrations(), QStringLiteral("database"));
    QVERIFY(again.ok);
    QCOMPARE(again.from, again.to);
}

void TestClientDdl::columnsFollowTheSchema()
{
    sql::Database db(dbPath());
    QVERIFY(sql::migrate(db, clientMigrations(), QStringLiteral("database")).ok);
    for (const Entity &e : Schema::instance().entities()) {
        auto q = db.query(QStringLiteral("SELECT name, type FROM pragma_table_info(?1) ORDER BY cid"));
        q->bind(1, e.name);
        QStringList columns;
        while (q->step())
            columns << q->text(0) + QLatin1Char(' ') + q->text(1);
        QStringList expected {QStringLiteral("id TEXT"), QStringLiteral("version INTEGER"),
            QStringLiteral("updated_at TEXT"), QStringLiteral("updated_by TEXT")};
        for (const Field &f : e.fields)
            expected << f.name + QLatin1Char(' ') + sqliteType(f.type);
        expected << QStringLiteral("extra TEXT");
        QCOMPARE(columns, expected);
    }
}

void TestClientDdl::valuesSurviveStorage_data()
{
    QTest::addColumn<QString>("entity");
    for (const Entity &e : Schema::instance().entities())
        QTest::newRow(qPrintable(e.name)) << e.name;
}

void TestClientDdl::valuesSurviveStorage()
{
    QFETCH(QString, entity);
    const Entity *e = Schema::instance().entity(entity);
    sql::Database db(dbPath());
    QVERIFY(sql::migrate(db, clientMigrations(), QStringLiteral("database")).ok);

    Record record;
    QVERIFY(!decodeRecord(*e, test::sampleRecord(*e), &record));
    QStringList columns {QStringLiteral("id"), QStringLiteral("version")};
    QStringList params {QStringLiteral("?1"), QStringLiteral("?2")};
    for (const Field &f : e->fields) {
        columns << quoteIdentifier(f.name);
        params << QStringLiteral("?%1").arg(params.size() + 1);
    }
    {
        auto insert = db.query(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                   .arg(quoteIdentifier(e->name), columns.join(u','), params.join(u',')));
        insert->bind(1, record.id);
        insert->bind(2, std::int64_t(record.version));
        int pos = 3;
        for (const Field &f : e->fields)
            insert->bind(pos++, toStorage(f, record.fields.value(f.name)));
        insert->run();
    }
    auto select = db.query(
        QStringLiteral("SELECT %1 FROM %2 WHERE id = ?1").arg(columns.join(u','), quoteIdentifier(e->name)));
    select->bind(1, record.id);
    QVERIFY(select->step());
    QCOMPARE(select->int64(1), record.version);
    int col = 2;
    for (const Field &f : e->fields) {
        const QJsonValue back = fromStorage(f, select->json(col++));
        QVERIFY2(sameValue(back, record.fields.value(f.name)), qPrintable(f.name));
    }
}

void TestClientDdl::newerDatabaseIsRefusedUntouched()
{
    {
        sql::Database db(dbPath());
        QVERIFY(sql::migrate(db, clientMigrations(), QStringLiteral("database")).ok);
        db.setUserVersion(clientMigrations().last().version + 5);
    }
    const QByteArray before = [&] {
        QFile f(dbPath());
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    sql::Database db(dbPath());
    const auto result = sql::migrate(db, clientMigrations(), QStringLiteral("database"));
    QVERIFY(!result.ok);
    QVERIFY2(result.error.contains(QStringLiteral("newer version of Rounds")), qPrintable(result.error));
    QCOMPARE(db.userVersion(), clientMigrations().last().version + 5);
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), before);
}

void TestClientDdl::fileIsPrivate()
{
    sql::Database db(dbPath());
    db.exec(QStringLiteral("CREATE TABLE t(x)"));
    const QFileDevice::Permissions perms = QFileInfo(dbPath()).permissions();
    QVERIFY(perms & QFileDevice::ReadOwner);
    QVERIFY(!(perms & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteOther)));
}

void TestClientDdl::errorsNameTheStatement()
{
    sql::Database db(dbPath());
    try {
        db.query(QStringLiteral("SELECT x FROM nowhere"));
        QFAIL("a bad statement must throw");
    } catch (const sql::SqlError &e) {
        QVERIFY2(e.text().contains(QStringLiteral("no such table: nowhere")), qPrintable(e.text()));
        QVERIFY2(e.text().contains(QStringLiteral("SELECT x FROM nowhere")), qPrintable(e.text()));
    }
    // A file that is not a database is reported on open, with its path.
    const QString junk = m_dir->filePath(QStringLiteral("junk.db"));
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(8192, 'x'));
    f.close();
    try {
        sql::Database bad(junk);
        bad.integrityCheck();
        QFAIL("a corrupt file must throw");
    } catch (const sql::SqlError &e) {
        QVERIFY2(e.text().contains(QStringLiteral("not a database")), qPrintable(e.text()));
    }
}

void TestClientDdl::transactionRollsBackWhenNotCommitted()
{
    sql::Database db(dbPath());
    db.exec(QStringLiteral("CREATE TABLE t(x INTEGER)"));
    try {
        sql::Transaction tx(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        db.exec(QStringLiteral("INSERT INTO nowhere VALUES (2)"));
        tx.commit();
    } catch (const sql::SqlError &) { }
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")), 0);
    QVERIFY(!db.inTransaction());
    {
        sql::Transaction tx(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
        tx.commit();
    }
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")), 1);
}

void TestClientDdl::nestedTransactionsAreSavepoints()
{
    sql::Database db(dbPath());
    db.exec(QStringLiteral("CREATE TABLE t(x INTEGER)"));
    {
        sql::Transaction outer(db);
        QVERIFY(!outer.isNested());
        {
            sql::Transaction inner(db);
            QVERIFY(inner.isNested());
            db.exec(QStringLiteral("INSERT INTO t VALUES (1)"));
            inner.commit();
        }
        {
            sql::Transaction failed(db); // rolled back alone: the outer work survives
            db.exec(QStringLiteral("INSERT INTO t VALUES (2)"));
        }
        QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")), 1);
        QVERIFY(db.inTransaction());
        // outer is not committed: everything goes, the inner "commit" included
    }
    QVERIFY(!db.inTransaction());
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")), 0);
    {
        sql::Transaction outer(db);
        sql::Transaction inner(db);
        db.exec(QStringLiteral("INSERT INTO t VALUES (3)"));
        inner.commit();
        outer.commit();
    }
    QCOMPARE(db.scalarInt(QStringLiteral("SELECT count(*) FROM t")), 1);
}

QTEST_GUILESS_MAIN(TestClientDdl)
#include "tst_clientddl.moc"
