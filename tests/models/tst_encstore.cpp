// The encrypted client store (docs/privacy.md, "Encrypted store"): what a copied file reveals, opening
// without the key or with a wrong one, and the in-place encryption of a plain file from an older Rounds,
// crash points included. Runs under the real keychain (tools/fulltest.sh), as the client does.
#include "storekey.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "models/storekeys.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");

// Personal data as the demo has it: what a file copied off a laptop must not reveal.
struct Person
{
    QString name;
    QString phone;
    QString email;
    QString note;
};

const QList<Person> kPeople = {
    {QStringLiteral("欧阳慧敏"), QStringLiteral("13916724058"), QStringLiteral("ouyang.huimin@ruijin-demo.cn"),
        QStringLiteral("主任对胰岛素泵依从性数据很感兴趣")},
    {QStringLiteral("Zhang Weiming"), QStringLiteral("021-64041990"), QStringLiteral("zwm@zhongshan-demo.cn"),
        QStringLiteral("Prefers visits after the Thursday ward round")},
};

// Writes the people as a rep would: two HCPs pulled from the server, local edits of their contact fields
// and a visit with a note (pending in the outbox), so rows, indexes, the search index and the outbox all
// hold them.
bool writePeople(Store &store)
{
    QList<PulledChange> page;
    QStringList ids;
    for (int i = 0; i < kPeople.size(); ++i) {
        PulledChange c;
        c.bucket = QStringLiteral("t:") + kTerritory;
        c.seq = i + 1;
        c.entity = QStringLiteral("hcp");
        c.id = protocol::newUuid();
        c.record = QJsonObject {{QStringLiteral("id"), c.id}, {QStringLiteral("version"), 1},
            {QStringLiteral("updated_at"), QStringLiteral("2026-11-22T01:00:00.000Z")},
            {QStringLiteral("full_name"), kPeople[i].name}, {QStringLiteral("status"), QStringLiteral("active")}};
        page << c;
        ids << c.id;
    }
    if (!store.applyPage(page, {{QStringLiteral("t:") + kTerritory, page.size()}}).ok)
        return false;
    for (int i = 0; i < kPeople.size(); ++i) {
        if (!store.update(QStringLiteral("hcp"), ids[i],
                      {{QStringLiteral("phone"), kPeople[i].phone}, {QStringLiteral("email"), kPeople[i].email}})
                 .ok)
            return false;
        const QJsonObject visit {{QStringLiteral("territory_id"), kTerritory}, {QStringLiteral("hcp_id"), ids[i]},
            {QStringLiteral("rep_id"), kRep}, {QStringLiteral("visited_at"), QStringLiteral("2026-11-22T09:30:00+08:00")},
            {QStringLiteral("notes"), kPeople[i].note}};
        if (!store.create(QStringLiteral("visit"), visit).ok)
            return false;
    }
    return true;
}

// Every file under `folder` (the data folder a thief copies), byte by byte.
QByteArray allBytes(const QString &folder)
{
    QByteArray bytes;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            bytes += f.readAll();
    }
    return bytes;
}

// What `strings` would find of the people in `bytes`: each value as UTF-8 and as UTF-16 (both byte orders).
QStringList revealed(const QByteArray &bytes)
{
    QStringList found;
    for (const Person &p : kPeople) {
        for (const QString &value : {p.name, p.phone, p.email, p.note}) {
            const QByteArray utf16(reinterpret_cast<const char *>(value.utf16()), value.size() * 2);
            QByteArray utf16be = utf16;
            for (qsizetype i = 0; i + 1 < utf16be.size(); i += 2)
                std::swap(utf16be[i], utf16be[i + 1]);
            if (bytes.contains(value.toUtf8()) || bytes.contains(utf16) || bytes.contains(utf16be))
                found << value;
        }
    }
    return found;
}

QByteArray sha256(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256)
                                       : QByteArray();
}

bool isPlainFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) && f.read(16) == QByteArray("SQLite format 3\0", 16);
}

qint64 countRows(Store &store, const QString &table)
{
    return store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM \"%1\"").arg(table));
}

// Child mode: open the store at `path` with the crash point set; the hook kills the process there.
int encryptChild(const QString &path)
{
    Store store;
    return store.open(path).ok ? 0 : 3; // only reached when the hook did not fire
}

} // namespace

class TestEncStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void copiedFolderRevealsNothing();
    void plainControlRevealsEverything();
    void openWithoutKeyFailsCleanly();
    void wrongKeyNeverCorrupts();
    void cliWithoutKeySaysWhy();
    void plainFileIsEncryptedInPlace();
    void encryptionSurvivesACrash_data();
    void encryptionSurvivesACrash();
    void damagedPlainFileIsMovedAside();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString folder() const { return m_dir->filePath(QStringLiteral("127.0.0.1/rep.sh01")); }
    QString dbPath() const { return folder() + QStringLiteral("/rounds.db"); }
    // A plain store of an older Rounds, holding the people, closed.
    void makePlainStore();
};

void TestEncStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    storekeys::setKeyring(nullptr); // the system keychain
}

void TestEncStore::cleanup()
{
    storekeys::setKeyring(nullptr);
    storekeys::removeKey(dbPath());
}

void TestEncStore::makePlainStore()
{
    PlainStoreKeyring plain;
    storekeys::setKeyring(&plain);
    {
        Store store;
        const StoreOpenResult r = store.open(dbPath());
        QVERIFY2(r.ok, qPrintable(r.message));
        QVERIFY(writePeople(store));
    }
    storekeys::setKeyring(nullptr);
    QVERIFY(isPlainFile(dbPath()));
    QVERIFY(!revealed(allBytes(folder())).isEmpty());
}

void TestEncStore::copiedFolderRevealsNothing()
{
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(writePeople(store));
    // While the window is open: the WAL holds the last commits.
    QVERIFY(QFileInfo(dbPath() + QStringLiteral("-wal")).size() > 0);
    QCOMPARE(revealed(allBytes(dbPath() + QStringLiteral("-wal"))), QStringList());
    QCOMPARE(revealed(allBytes(folder())), QStringList());
    // A copy of the data folder, as a thief takes it.
    const QString copy = m_dir->filePath(QStringLiteral("copy"));
    QVERIFY(QDir().mkpath(copy));
    QDirIterator it(folder(), QDir::Files | QDir::Hidden);
    while (it.hasNext()) {
        const QString f = it.next();
        QVERIFY(QFile::copy(f, QDir(copy).filePath(it.fileName())));
    }
    QCOMPARE(revealed(allBytes(copy)), QStringList());
    // And after the window closed (the WAL checkpointed into the file).
    store.close();
    QCOMPARE(revealed(allBytes(folder())), QStringList());
    QVERIFY(!isPlainFile(dbPath()));
    // The data is all there for the key's owner.
    QVERIFY(store.open(dbPath()).ok);
    QCOMPARE(countRows(store, QStringLiteral("hcp")), qint64(kPeople.size()));
    QCOMPARE(store.database()->scalarText(
                 QStringLiteral("SELECT phone FROM hcp WHERE full_name = '%1'").arg(kPeople[0].name)),
        kPeople[0].phone);
}

void TestEncStore::plainControlRevealsEverything()
{
    // The scan finds what a plain store holds: without encryption the test above would fail.
    makePlainStore();
    QCOMPARE(revealed(allBytes(folder())).size(), kPeople.size() * 4);
}

void TestEncStore::openWithoutKeyFailsCleanly()
{
    QByteArray key;
    {
        Store store;
        QVERIFY(store.open(dbPath()).ok);
        QVERIFY(writePeople(store));
        key = storekeys::keyFor(dbPath(), false).key;
    }
    QCOMPARE(key.size(), storekeys::kKeyBytes);
    const QByteArray before = sha256(dbPath());
    QVERIFY(storekeys::removeKey(dbPath()).ok); // the keychain entry is gone
    {
        Store store;
        const StoreOpenResult r = store.open(dbPath());
        QVERIFY(!r.ok);
        QVERIFY(!store.isOpen());
        QVERIFY2(r.message.contains(QStringLiteral("key is not in the system keychain")), qPrintable(r.message));
        QVERIFY(!r.recreated);
    }
    // Nothing was changed, moved or added.
    QCOMPARE(sha256(dbPath()), before);
    QCOMPARE(QDir(folder()).entryList(QDir::Files).filter(QStringLiteral("damaged")), QStringList());
    QVERIFY(storekeys::keyFor(dbPath(), false).key.isEmpty()); // and no new key was made for it
    // With its key back, everything is there.
    QVERIFY(storekeys::keyring().save(dbPath(), key).ok);
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QCOMPARE(countRows(store, QStringLiteral("visit")), qint64(kPeople.size()));
    QCOMPARE(store.pendingCount(), kPeople.size() * 2);
}

void TestEncStore::wrongKeyNeverCorrupts()
{
    QByteArray key;
    {
        Store store;
        QVERIFY(store.open(dbPath()).ok);
        QVERIFY(writePeople(store));
        key = storekeys::keyFor(dbPath(), false).key;
    }
    const QByteArray before = sha256(dbPath());
    storekeys::forget(dbPath());
    QVERIFY(storekeys::keyring().save(dbPath(), storekeys::newKey()).ok);
    for (int attempt = 0; attempt < 2; ++attempt) {
        Store store;
        const StoreOpenResult r = store.open(dbPath());
        QVERIFY(!r.ok);
        QVERIFY2(r.message.contains(QStringLiteral("cannot be read with the key")), qPrintable(r.message));
        QVERIFY(!r.recreated);
        QCOMPARE(sha256(dbPath()), before);
        QVERIFY(!QFileInfo::exists(dbPath() + QStringLiteral("-wal")));
    }
    QCOMPARE(QDir(folder()).entryList(QDir::Files).filter(QStringLiteral("damaged")), QStringList());
    storekeys::forget(dbPath());
    QVERIFY(storekeys::keyring().save(dbPath(), key).ok);
    Store store;
    QVERIFY(store.open(dbPath()).ok);
    QCOMPARE(store.database()->integrityCheck(), QStringLiteral("ok"));
    QCOMPARE(countRows(store, QStringLiteral("hcp")), qint64(kPeople.size()));
}

void TestEncStore::cliWithoutKeySaysWhy()
{
    {
        Store store;
        QVERIFY(store.open(dbPath()).ok);
        QVERIFY(writePeople(store));
    }
    const QByteArray before = sha256(dbPath());
    QVERIFY(storekeys::removeKey(dbPath()).ok);
    QProcess cli;
    cli.start(qEnvironmentVariable("ROUNDS_BINARY_DIR") + QStringLiteral("/bin/rounds-cli"),
        {QStringLiteral("--db"), dbPath(), QStringLiteral("status")});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY(cli.exitCode() != 0);
    const QString err = QString::fromUtf8(cli.readAllStandardError());
    QVERIFY2(err.contains(QStringLiteral("key is not in the system keychain")), qPrintable(err));
    QCOMPARE(sha256(dbPath()), before);
}

void TestEncStore::plainFileIsEncryptedInPlace()
{
    makePlainStore();
    qint64 hcps = 0;
    {
        // The plain store's own counts, read as the older Rounds read them.
        sql::Database plain(dbPath());
        hcps = plain.scalarInt(QStringLiteral("SELECT count(*) FROM hcp"));
    }
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(!r.recreated);
    QVERIFY(!isPlainFile(dbPath()));
    QVERIFY(!QFileInfo::exists(dbPath() + QStringLiteral(".encrypting")));
    // Still the user's alone, as the plain file was (the encrypted copy is made with the umask's mode).
    QCOMPARE(QFileInfo(dbPath()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
        QFileDevice::Permissions());
    QCOMPARE(QFileInfo(dbPath()).permissions() & (QFileDevice::ReadOwner | QFileDevice::WriteOwner),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QCOMPARE(countRows(store, QStringLiteral("hcp")), hcps);
    QCOMPARE(countRows(store, QStringLiteral("visit")), qint64(kPeople.size()));
    QCOMPARE(store.pendingCount(), kPeople.size() * 2);
    QCOMPARE(store.database()->integrityCheck(), QStringLiteral("ok"));
    store.close();
    QCOMPARE(revealed(allBytes(folder())), QStringList());
}

void TestEncStore::encryptionSurvivesACrash_data()
{
    QTest::addColumn<QString>("point");
    QTest::addColumn<bool>("plainAfterCrash");
    QTest::newRow("WAL checkpointed, no copy yet") << QStringLiteral("encrypt-after-checkpoint") << true;
    QTest::newRow("encrypted copy written, not renamed") << QStringLiteral("encrypt-before-rename") << true;
    QTest::newRow("renamed, not reopened") << QStringLiteral("encrypt-after-rename") << false;
}

void TestEncStore::encryptionSurvivesACrash()
{
    QFETCH(QString, point);
    QFETCH(bool, plainAfterCrash);
    makePlainStore();
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("ROUNDS_TEST_CRASH_AT"), point);
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--encrypt-child"), dbPath()});
    QVERIFY(child.waitForFinished(60000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QCOMPARE(isPlainFile(dbPath()), plainAfterCrash);
    if (point == QLatin1String("encrypt-before-rename"))
        QVERIFY(QFileInfo::exists(dbPath() + QStringLiteral(".encrypting")));
    // The next start finishes the job, with every row.
    storekeys::setKeyring(nullptr); // nothing in memory: the key comes from the keychain, as the child left it
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(!r.recreated);
    QVERIFY(!isPlainFile(dbPath()));
    QVERIFY(!QFileInfo::exists(dbPath() + QStringLiteral(".encrypting")));
    QCOMPARE(countRows(store, QStringLiteral("hcp")), qint64(kPeople.size()));
    QCOMPARE(store.pendingCount(), kPeople.size() * 2);
    QCOMPARE(store.database()->integrityCheck(), QStringLiteral("ok"));
    store.close();
    QCOMPARE(revealed(allBytes(folder())), QStringList());
}

void TestEncStore::damagedPlainFileIsMovedAside()
{
    makePlainStore();
    {
        // An older Rounds' file with a damaged page: it cannot be copied, so it goes aside as any damaged
        // file, and a new encrypted store starts.
        QFile f(dbPath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        const qint64 size = f.size();
        QVERIFY(size > 3 * 4096);
        QVERIFY(f.seek(size - 4096));
        f.write(QByteArray(4096, '\x5a'));
        QVERIFY(f.seek(4096));
        f.write(QByteArray(4096, '\x5a'));
    }
    Store store;
    const StoreOpenResult r = store.open(dbPath());
    QVERIFY2(r.ok, qPrintable(r.message));
    QVERIFY(r.recreated);
    QVERIFY(QFileInfo::exists(r.movedAsidePath));
    QVERIFY(!isPlainFile(dbPath()));
}

int main(int argc, char **argv)
{
    if (argc == 3 && qstrcmp(argv[1], "--encrypt-child") == 0) {
        QCoreApplication app(argc, argv);
        return encryptChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestEncStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_encstore.moc"
