#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/clientschema.h"
#include "models/store.h"
#include "storekey.h"
#include "support/samples.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kHcp = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");

QJsonObject visitFields(const QString &notes = QStringLiteral("初访"))
{
    return QJsonObject {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), kHcp},
        {QStringLiteral("rep_id"), kRep},
        {QStringLiteral("visited_at"), QStringLiteral("2026-11-22T09:30:00+08:00")},
        {QStringLiteral("notes"), notes}};
}

// A visit as the server would send it, already at `version`.
PulledChange pulledVisit(const QString &id, qint64 version, const QString &notes)
{
    QJsonObject rec = visitFields(notes);
    rec.insert(QStringLiteral("id"), id);
    rec.insert(QStringLiteral("version"), version);
    rec.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-22T01:00:00.000Z"));
    rec.insert(QStringLiteral("visited_at"), QStringLiteral("2026-11-22T01:30:00.000Z"));
    rec.insert(QStringLiteral("channel"), QStringLiteral("face_to_face"));
    rec.insert(QStringLiteral("status"), QStringLiteral("draft"));
    PulledChange c;
    c.bucket = QStringLiteral("t:") + kTerritory;
    c.seq = version;
    c.entity = QStringLiteral("visit");
    c.id = id;
    c.record = rec;
    return c;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The child half of the atomicity test: edit one record and die where ROUNDS_TEST_CRASH_AT says.
int runCrashChild(const QString &path, const QString &what, const QString &id)
{
    Store store;
    if (!store.open(path).ok)
        return 2;
    WriteResult w;
    if (what == QLatin1String("create"))
        w = store.create(QStringLiteral("visit"), visitFields(QStringLiteral("child")), id);
    else if (what == QLatin1String("update"))
        w = store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("child")}});
    else
        w = store.remove(QStringLiteral("visit"), id);
    return w.ok ? 0 : 3; // only reached when the hook did not fire
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void opensCreatesAndClosesCleanly();
    void defaultPathIsPerServerAndUser();
    void newerFileIsRefusedUntouched();
    void uncleanShutdownRunsIntegrityCheck();
    void secondaryConnectionLeavesTheCleanMarkToThePrimary();
    void junkFileIsMovedAsideNotDeleted();
    void damagedFileKeepsPendingChanges();
    void createWritesRowAndOutbox();
    void invalidChangesAreRefusedWithTheField();
    void editsCoalesceKeepingFirstBase();
    void editsTypedBackToTheServerValueSendNothing();
    void createThenEditsStayOneCreate();
    void createThenDeleteLeavesNothing();
    void editThenDeleteIsOneDeleteAtFirstBase();
    void editAfterPushStartsANewMutation();
    void acknowledgeAndReject();
    void crashBetweenRowAndOutbox_data();
    void crashBetweenRowAndOutbox();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString dbPath() const { return m_dir->filePath(QStringLiteral("acct/rounds.db")); }
    // Opens a store holding one visit pulled from the server at version 3.
    QString seedServerVisit(Store &store);
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestStore::seedServerVisit(Store &store)
{
    const StoreOpenResult opened = store.open(dbPath());
    if (!opened.ok)
        qWarning() << opened.message;
    const QString id = protocol::newUuid();
    const ApplyResult applied = store.applyPage({pulledVisit(id, 3, QStringLiteral("server notes"))}, {});
    if (!applied.ok)
        qWarning() << applied.error;
    return id;
}

void TestStore::opensCreatesAndClosesCleanly()
{
    {
        Store store;
        const StoreOpenResult r = store.open(dbPath());
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(!r.integrityChecked);
        QVERIFY(QFileInfo::exists(dbPath()));
        QCOMPARE(store.database()->userVersion(), clientMigrations().last().version);
        QCOMPARE(store.meta(QStringLiteral("clean_shutdown")), QStringLiteral("0"));
        // Every commit reaches the disk: a saved visit survives a power cut, not only a crash (2 = FULL).
        QCOMPARE(store.database()->scalarInt(QStringLiteral("PRAGMA synchronous")), 2);
        QVERIFY(store.setMeta(QStringLiteral("epoch"), QStringLiteral("e1")));
    }
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(!r.integrityChecked); // the destructor closed it cleanly
    QCOMPARE(store.meta(QStringLiteral("epoch")), QStringLiteral("e1"));
}

void TestStore::defaultPathIsPerServerAndUser()
{
    QStandardPaths::setTestModeEnabled(true);
    const QString a = Store::defaultPath(QStringLiteral("CRM.Example.com"), QStringLiteral("zhang.wei"));
    const QString b = Store::defaultPath(QStringLiteral("crm.example.com"), QStringLiteral("li.na"));
    QVERIFY(a.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY2(a.endsWith(QStringLiteral("/crm.example.com/zhang.wei/rounds.db")), qPrintable(a));
    QVERIFY(a != b);
    // Nothing in a name can climb out of the folder.
    QVERIFY(!Store::defaultPath(QStringLiteral("../x"), QStringLiteral("../../y"))
                 .contains(QStringLiteral("/../")));
}

void TestStore::newerFileIsRefusedUntouched()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()).ok);
        store.database()->setUserVersion(clientMigrations().last().version + 1);
    }
    const QByteArray before = readAll(dbPath());
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY(!r.ok);
    QVERIFY(!store.isOpen());
    QVERIFY2(r.message.contains(QStringLiteral("newer version of Rounds")), qPrintable(r.message));
    QCOMPARE(readAll(dbPath()), before);
    QCOMPARE(
        QDir(QFileInfo(dbPath()).absolutePath()).entryList(QStringList {QStringLiteral("*damaged*")}).size(),
        0);
}

void TestStore::uncleanShutdownRunsIntegrityCheck()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()).ok);
        QVERIFY(store.create(QStringLiteral("visit"), visitFields()).ok);
    }
    {
        // As after a crash: the session never got to mark itself closed.
        sql::Database raw(dbPath(), test::storeOptions(dbPath()));
        raw.exec(QStringLiteral("UPDATE sync_meta SET value = '0' WHERE key = 'clean_shutdown'"));
    }
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.integrityChecked);
    QVERIFY(!r.recreated);
    QCOMPARE(store.outbox().size(), 1);
}

void TestStore::secondaryConnectionLeavesTheCleanMarkToThePrimary()
{
    Store primary;
    QVERIFY(primary.open(dbPath()).ok);
    {
        Store worker;
        const StoreOpenResult r = worker.openSecondary(dbPath());
        QVERIFY2(r.ok, qPrintable(r.message));
        // Writes on the worker's connection are seen by the primary.
        QVERIFY(worker.create(QStringLiteral("visit"), visitFields()).ok);
    }
    QCOMPARE(primary.outbox().size(), 1);
    // The worker closing must not claim a clean shutdown while the primary is still open: a crash of
    // the primary now must still lead to an integrity check.
    QCOMPARE(primary.meta(QStringLiteral("clean_shutdown")), QStringLiteral("0"));
    primary.close();
    Store again;
    QCOMPARE(again.open(dbPath()).integrityChecked, false);
    again.close();

    // A secondary connection never moves a file aside: that is the primary's decision.
    const QString junkPath = m_dir->filePath(QStringLiteral("junk/rounds.db"));
    QDir().mkpath(QFileInfo(junkPath).absolutePath());
    QFile junk(junkPath);
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write(QByteArray(8192, 'x'));
    junk.close();
    Store worker;
    QVERIFY(!worker.openSecondary(junkPath).ok);
    QCOMPARE(readAll(junkPath), QByteArray(8192, 'x'));
    QCOMPARE(
        QDir(QFileInfo(junkPath).absolutePath()).entryList(QStringList {QStringLiteral("*damaged*")}).size(),
        0);
}

void TestStore::junkFileIsMovedAsideNotDeleted()
{
    QDir().mkpath(QFileInfo(dbPath()).absolutePath());
    QFile f(dbPath());
    QVERIFY(f.open(QIODevice::WriteOnly));
    const QByteArray junk(16384, 'x');
    f.write(junk);
    f.close();

    // The store is encrypted (docs/privacy.md): a file that is not SQLite's plain format and that no key
    // in the keychain opens may be this user's data under a lost key, so it is refused, with a message,
    // and kept byte for byte where it is (never moved, never replaced).
    {
        Store store;
        const StoreOpenResult r = store.open(dbPath());
        QVERIFY(!r.ok);
        QVERIFY(!r.recreated);
        QVERIFY2(
            r.message.contains(dbPath()) && r.message.contains(QStringLiteral("key")), qPrintable(r.message));
        QCOMPARE(readAll(dbPath()), junk);
    }
    // Once the user moved it away, as the message says, a new store starts.
    const QString away = dbPath() + QStringLiteral(".moved");
    QVERIFY(QFile::rename(dbPath(), away));
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(readAll(away), junk);
    QCOMPARE(store.database()->integrityCheck(), QStringLiteral("ok"));
    QVERIFY(store.create(QStringLiteral("visit"), visitFields()).ok);
}

void TestStore::damagedFileKeepsPendingChanges()
{
    QString created;
    QString edited;
    {
        Store store;
        edited = seedServerVisit(store);
        // Enough HCP rows that their table spans pages away from the outbox.
        for (int i = 0; i < 300; ++i) {
            PulledChange c;
            c.entity = QStringLiteral("hcp");
            c.id = protocol::newUuid();
            c.bucket = QStringLiteral("t:") + kTerritory;
            c.record = test::sampleRecord(*protocol::Schema::instance().entity(QStringLiteral("hcp")), i);
            c.record.insert(QStringLiteral("id"), c.id);
            QVERIFY(store.applyPage({c}, {}).ok);
        }
        const WriteResult w
            = store.create(QStringLiteral("visit"), visitFields(QStringLiteral("offline visit")));
        QVERIFY(w.ok);
        created = w.id;
        QVERIFY(
            store.update(QStringLiteral("visit"), edited, {{QStringLiteral("notes"), QStringLiteral("mine")}})
                .ok);
    }
    int page = 0;
    int pageSize = 0;
    {
        sql::Database raw(dbPath(), test::storeOptions(dbPath()));
        raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        raw.exec(QStringLiteral("UPDATE sync_meta SET value = '0' WHERE key = 'clean_shutdown'"));
        raw.exec(
            QStringLiteral("INSERT INTO conflict (entity, record_id, mutation_id, field, base, mine, theirs, "
                           "created_at, resolved) VALUES ('visit', '%1', 'm-open', 'feedback', '[\"a\"]', "
                           "'[\"mine\"]', '[\"theirs\"]', '2026-11-22T01:00:00.000Z', 0), ('visit', '%1', "
                           "'m-done', 'notes', '[1]', '[2]', '[3]', '2026-11-22T01:00:00.000Z', 1)")
                .arg(edited));
        raw.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
        page = int(raw.scalarInt(
            QStringLiteral("SELECT max(pageno) FROM dbstat WHERE name = 'hcp' AND pagetype = 'leaf'")));
        pageSize = int(raw.scalarInt(QStringLiteral("PRAGMA page_size")));
    }
    QVERIFY(page > 1);
    {
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(qint64(page - 1) * pageSize));
        f.write(QByteArray(pageSize, '\x5a'));
    }
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.integrityChecked);
    QVERIFY(r.recreated);
    QCOMPARE(r.recoveredMutations, 2);
    QVERIFY(QFileInfo::exists(r.movedAsidePath));
    const QList<OutboxMutation> outbox = store.outbox();
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(outbox.at(0).recordId, created); // push order kept
    QCOMPARE(outbox.at(1).recordId, edited);
    QCOMPARE(outbox.at(1).set.value(QStringLiteral("notes")).toString(), QStringLiteral("mine"));
    // The local create is visible again; the edit returns on top of the next pull.
    QCOMPARE(store.record(QStringLiteral("visit"), created)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("offline visit"));
    QVERIFY(store.applyPage({pulledVisit(edited, 3, QStringLiteral("server notes"))}, {}).ok);
    QCOMPARE(store.record(QStringLiteral("visit"), edited)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("mine"));
    // The open conflict (values the user has not decided about) came along; the resolved one did not.
    QCOMPARE(store.database()->scalarText(QStringLiteral("SELECT group_concat(mutation_id) FROM conflict")),
        QStringLiteral("m-open"));
}

void TestStore::createWritesRowAndOutbox()
{
    Store store;
    QVERIFY(store.open(dbPath()).ok);
    QSignalSpy changed(&store, &Store::recordsChanged);
    const WriteResult w = store.create(QStringLiteral("visit"), visitFields());
    QVERIFY2(w.ok, qPrintable(w.error));
    QVERIFY(protocol::isUuid(w.id));
    const auto rec = store.record(QStringLiteral("visit"), w.id);
    QVERIFY(rec);
    QCOMPARE(rec->version, 0);
    QCOMPARE(rec->fields.value(QStringLiteral("visited_at")).toString(),
        QStringLiteral("2026-11-22T01:30:00.000Z"));
    QCOMPARE(
        rec->fields.value(QStringLiteral("status")).toString(), QStringLiteral("draft")); // default filled
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.at(0).op, QStringLiteral("upsert"));
    QCOMPARE(outbox.at(0).baseVersion, 0);
    QCOMPARE(outbox.at(0).set.value(QStringLiteral("notes")).toString(), QStringLiteral("初访"));
    const QJsonObject wire = outbox.at(0).toJson();
    QCOMPARE(wire.value(QStringLiteral("id")).toString(), w.id);
    QCOMPARE(wire.value(QStringLiteral("entity")).toString(), QStringLiteral("visit"));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toString(), QStringLiteral("visit"));
    QCOMPARE(changed.at(0).at(1).toStringList(), QStringList {w.id});
    QVERIFY(!store.shadow(QStringLiteral("visit"), w.id)); // nothing from the server to keep
    QVERIFY(!store.create(QStringLiteral("visit"), visitFields(), w.id).ok); // ids are unique
}

void TestStore::invalidChangesAreRefusedWithTheField()
{
    Store store;
    const QString id = seedServerVisit(store);
    QSignalSpy changed(&store, &Store::recordsChanged);
    WriteResult w = store.update(QStringLiteral("visit"), id, {{QStringLiteral("support_level"), 9}});
    QVERIFY(!w.ok);
    QCOMPARE(w.field, QStringLiteral("support_level"));
    w = store.create(QStringLiteral("visit"), {{QStringLiteral("notes"), QStringLiteral("x")}});
    QVERIFY(!w.ok);
    QVERIFY(!w.field.isEmpty());
    QVERIFY(!store.create(QStringLiteral("user"), {}).ok); // server-only entity
    QVERIFY(!store
                 .update(QStringLiteral("visit"), protocol::newUuid(),
                     {{QStringLiteral("notes"), QStringLiteral("x")}})
                 .ok);
    QCOMPARE(store.outbox().size(), 0);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(store.record(QStringLiteral("visit"), id)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("server notes"));
    // An edit that changes nothing makes no mutation.
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("server notes")}})
            .ok);
    QCOMPARE(store.outbox().size(), 0);
}

void TestStore::editsCoalesceKeepingFirstBase()
{
    Store store;
    const QString id = seedServerVisit(store);
    QVERIFY(store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("one")}}).ok);
    const auto shadow = store.shadow(QStringLiteral("visit"), id);
    QVERIFY(shadow);
    QCOMPARE(shadow->version, 3);
    QCOMPARE(shadow->fields.value(QStringLiteral("notes")).toString(), QStringLiteral("server notes"));
    QVERIFY(store
                .update(QStringLiteral("visit"), id,
                    {{QStringLiteral("notes"), QStringLiteral("two")}, {QStringLiteral("support_level"), 4}})
                .ok);
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("three")}}).ok);
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 1);
    const OutboxMutation &m = outbox.at(0);
    QCOMPARE(m.op, QStringLiteral("upsert"));
    QCOMPARE(m.baseVersion, 3);
    QCOMPARE(m.base,
        (QJsonObject {{QStringLiteral("notes"), QStringLiteral("server notes")},
            {QStringLiteral("support_level"), QJsonValue::Null}}));
    QCOMPARE(m.set,
        (QJsonObject {
            {QStringLiteral("notes"), QStringLiteral("three")}, {QStringLiteral("support_level"), 4}}));
    QCOMPARE(store.record(QStringLiteral("visit"), id)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("three"));
    // The shadow still holds the server copy, not an intermediate edit.
    QCOMPARE(store.shadow(QStringLiteral("visit"), id)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("server notes"));
}

// A field typed back to the server's value leaves the pending mutation; when nothing is left, neither is
// the mutation nor the shadow (the convergence suite once saw such a push answered "applied" with no
// change, and against another user's newer value it would have been a conflict of nobody's making).
void TestStore::editsTypedBackToTheServerValueSendNothing()
{
    Store store;
    const QString id = seedServerVisit(store);
    QVERIFY(store
                .update(QStringLiteral("visit"), id,
                    {{QStringLiteral("notes"), QStringLiteral("one")}, {QStringLiteral("support_level"), 4}})
                .ok);
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("server notes")}})
            .ok);
    QCOMPARE(store.outbox().size(), 1);
    QCOMPARE(store.outbox().at(0).set, (QJsonObject {{QStringLiteral("support_level"), 4}}));
    QCOMPARE(store.outbox().at(0).base, (QJsonObject {{QStringLiteral("support_level"), QJsonValue::Null}}));
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("support_level"), QJsonValue::Null}}).ok);
    QCOMPARE(store.outbox().size(), 0);
    QCOMPARE(store.pendingCount(), 0);
    QVERIFY(!store.shadow(QStringLiteral("visit"), id));
    QCOMPARE(store.record(QStringLiteral("visit"), id)->fields.value(QStringLiteral("notes")).toString(),
        QStringLiteral("server notes"));
    // A later edit starts a new mutation from the server's copy as usual.
    QVERIFY(store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("two")}}).ok);
    QCOMPARE(store.outbox().size(), 1);
    QCOMPARE(
        store.outbox().at(0).base, (QJsonObject {{QStringLiteral("notes"), QStringLiteral("server notes")}}));
    QVERIFY(store.shadow(QStringLiteral("visit"), id));
}

void TestStore::createThenEditsStayOneCreate()
{
    Store store;
    QVERIFY(store.open(dbPath()).ok);
    const WriteResult w = store.create(QStringLiteral("visit"), visitFields());
    QVERIFY(store.update(QStringLiteral("visit"), w.id, {{QStringLiteral("notes"), QStringLiteral("edited")}})
                .ok);
    QVERIFY(store.update(QStringLiteral("visit"), w.id, {{QStringLiteral("duration_min"), 25}}).ok);
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.at(0).baseVersion, 0);
    QCOMPARE(outbox.at(0).base, QJsonObject());
    QCOMPARE(outbox.at(0).set.value(QStringLiteral("notes")).toString(), QStringLiteral("edited"));
    QCOMPARE(outbox.at(0).set.value(QStringLiteral("duration_min")).toInteger(), 25);
    QCOMPARE(outbox.at(0).set.value(QStringLiteral("hcp_id")).toString(), kHcp); // still the whole create
}

void TestStore::createThenDeleteLeavesNothing()
{
    Store store;
    QVERIFY(store.open(dbPath()).ok);
    const WriteResult w = store.create(QStringLiteral("visit"), visitFields());
    QVERIFY(store.update(QStringLiteral("visit"), w.id, {{QStringLiteral("notes"), QStringLiteral("edited")}})
                .ok);
    QSignalSpy changed(&store, &Store::recordsChanged);
    QVERIFY(store.remove(QStringLiteral("visit"), w.id).ok);
    QCOMPARE(changed.size(), 1);
    QVERIFY(store.outbox().isEmpty());
    QVERIFY(!store.record(QStringLiteral("visit"), w.id));
    QVERIFY(!store.remove(QStringLiteral("visit"), w.id).ok);
}

void TestStore::editThenDeleteIsOneDeleteAtFirstBase()
{
    Store store;
    const QString id = seedServerVisit(store);
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("edited")}}).ok);
    QVERIFY(store.remove(QStringLiteral("visit"), id).ok);
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.at(0).op, QStringLiteral("delete"));
    QCOMPARE(outbox.at(0).baseVersion, 3);
    QVERIFY(!outbox.at(0).toJson().contains(QStringLiteral("set")));
    QVERIFY(!store.record(QStringLiteral("visit"), id));
    QVERIFY(store.shadow(QStringLiteral("visit"), id)); // the server copy, should the delete be refused
    // A plain delete of a server record is a delete at its version.
    const QString other = protocol::newUuid();
    QVERIFY(store.applyPage({pulledVisit(other, 7, QStringLiteral("x"))}, {}).ok);
    QVERIFY(store.remove(QStringLiteral("visit"), other).ok);
    QCOMPARE(store.outbox().at(1).baseVersion, 7);
}

void TestStore::editAfterPushStartsANewMutation()
{
    Store store;
    const QString id = seedServerVisit(store);
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("first")}}).ok);
    const QList<OutboxMutation> sent = store.takeForPush();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.at(0).state, QStringLiteral("sending"));
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("second")}}).ok);
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 2);
    QCOMPARE(
        outbox.at(0).set.value(QStringLiteral("notes")).toString(), QStringLiteral("first")); // untouched
    QCOMPARE(outbox.at(1).set.value(QStringLiteral("notes")).toString(), QStringLiteral("second"));
    QCOMPARE(outbox.at(1).base.value(QStringLiteral("notes")).toString(), QStringLiteral("first"));
    // An interrupted push hands the same mutation out again, with the same id — alone: the second change
    // to the record waits for the answer to the first, so that it is sent on the version that answer gives.
    const QList<OutboxMutation> again = store.takeForPush();
    QCOMPARE(again.size(), 1);
    QCOMPARE(again.at(0).mutationId, sent.at(0).mutationId);
    const qint64 before = outbox.at(1).baseVersion;
    QVERIFY(store.acknowledge(sent.at(0).mutationId, before + 1));
    const QList<OutboxMutation> next = store.takeForPush();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.at(0).mutationId, outbox.at(1).mutationId);
    QCOMPARE(next.at(0).baseVersion, before + 1);
}

void TestStore::acknowledgeAndReject()
{
    Store store;
    const QString id = seedServerVisit(store);
    QVERIFY(
        store.update(QStringLiteral("visit"), id, {{QStringLiteral("notes"), QStringLiteral("mine")}}).ok);
    const WriteResult created = store.create(QStringLiteral("visit"), visitFields());
    const QList<OutboxMutation> sent = store.takeForPush();
    QCOMPARE(sent.size(), 2);
    QVERIFY(store.acknowledge(sent.at(0).mutationId, 4));
    QCOMPARE(store.record(QStringLiteral("visit"), id)->version, 4);
    QVERIFY(!store.shadow(QStringLiteral("visit"), id));
    QVERIFY(
        store.reject(sent.at(1).mutationId, QStringLiteral("forbidden"), QStringLiteral("not yours"), {}));
    const auto outbox = store.outbox();
    QCOMPARE(outbox.size(), 1);
    QCOMPARE(outbox.at(0).state, QStringLiteral("rejected"));
    QCOMPARE(outbox.at(0).errorCode, QStringLiteral("forbidden"));
    QCOMPARE(store.pendingCount(), 0);
    QVERIFY(store.takeForPush().isEmpty());
    QVERIFY(!store.acknowledge(protocol::newUuid(), 1));
    QVERIFY(created.ok);
}

void TestStore::crashBetweenRowAndOutbox_data()
{
    QTest::addColumn<QString>("what");
    QTest::addColumn<QString>("point");
    for (const char *what : {"create", "update", "remove"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 after-row-write").arg(QString::fromLatin1(what))))
            << QString::fromLatin1(what) << QStringLiteral("after-row-write");
        QTest::newRow(qPrintable(QStringLiteral("%1 before-commit").arg(QString::fromLatin1(what))))
            << QString::fromLatin1(what) << QStringLiteral("before-commit");
    }
}

void TestStore::crashBetweenRowAndOutbox()
{
    QFETCH(QString, what);
    QFETCH(QString, point);
    QString id;
    {
        Store store;
        id = what == QLatin1String("create") ? protocol::newUuid() : seedServerVisit(store);
        if (what == QLatin1String("create"))
            QVERIFY(store.open(dbPath()).ok);
    }
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROUNDS_TEST_CRASH_AT"), point);
    child.setProcessEnvironment(env);
    child.start(
        QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), dbPath(), what, id});
    QVERIFY(child.waitForFinished(30000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit); // killed by the hook, as by a power cut

    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.integrityChecked); // the child never closed cleanly
    QVERIFY(!r.recreated);
    // Neither the row change nor its mutation is visible.
    QVERIFY(store.outbox().isEmpty());
    const auto rec = store.record(QStringLiteral("visit"), id);
    if (what == QLatin1String("create")) {
        QVERIFY(!rec);
    } else {
        QVERIFY(rec);
        QCOMPARE(rec->fields.value(QStringLiteral("notes")).toString(), QStringLiteral("server notes"));
    }
    QVERIFY(!store.shadow(QStringLiteral("visit"), id));

    // Without the hook the same child commits both.
    store.close();
    QProcess ok;
    ok.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), dbPath(), what, id});
    QVERIFY(ok.waitForFinished(30000));
    QCOMPARE(ok.exitStatus(), QProcess::NormalExit);
    QCOMPARE(ok.exitCode(), 0);
    QVERIFY(store.open(dbPath()).ok);
    QCOMPARE(store.outbox().size(), 1);
    if (what == QLatin1String("remove"))
        QVERIFY(!store.record(QStringLiteral("visit"), id));
    else
        QCOMPARE(store.record(QStringLiteral("visit"), id)->fields.value(QStringLiteral("notes")).toString(),
            QStringLiteral("child"));
}

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], "--crash-child") == 0) {
        QCoreApplication app(argc, argv);
        return runCrashChild(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
            QString::fromLocal8Bit(argv[4]));
    }
    QCoreApplication app(argc, argv);
    TestStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_store.moc"
