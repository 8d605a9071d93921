#include "clirunner.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "models/storekeys.h"
#include "sync/credentialstore.h"
#include "sync/device.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// Devices end to end (docs/privacy.md, "Devices"), with rounds-cli against a real server and the real
// keychain: a revoked laptop deletes its database and keychain entry at its next sync and says why; a
// sign-out that removes the data sends what waits first and refuses to delete unsent changes unless
// told.
class TestDevices : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void revokedDeviceWipesItselfAtNextSync();
    void disabledUserWipesAtNextSignIn();
    void signOutRemovingDataPushesFirst();
    void signOutRefusesToWipeUnsentChanges();

private:
    QStringList base(const QString &db) const { return {QStringLiteral("--db"), db}; }
    bool login(const QString &db, const QString &user);
    QString tokenOf(const QString &user);
    QJsonArray devices(const QString &user);
    static bool anyFileOf(const QString &db);

    ServerProcess m_server;
    QTemporaryDir m_dir;
};

void TestDevices::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    QVERIFY(m_server.createDemo(40, 60, 5));
    QVERIFY(m_server.start());
}

bool TestDevices::login(const QString &db, const QString &user)
{
    return runCli(base(db) + QStringList {QStringLiteral("login"), m_server.url().toString(), user},
               QByteArray(ServerProcess::DemoPassword) + '\n')
               .code
        == 0;
}

QString TestDevices::tokenOf(const QString &user)
{
    CredentialStore keychain;
    return keychain.read(m_server.url().toString(), user).token;
}

QJsonArray TestDevices::devices(const QString &user)
{
    QByteArray out;
    ServerProcess::runCommand(QStringList {QStringLiteral("device"), QStringLiteral("list"),
                                  QStringLiteral("--user"), user, QStringLiteral("--json")}
            + m_server.storeArgs(),
        {}, &out);
    return QJsonDocument::fromJson(out).array();
}

bool TestDevices::anyFileOf(const QString &db)
{
    const QFileInfo info(db);
    return !info.absoluteDir()
                .entryList({info.fileName() + QLatin1Char('*')}, QDir::Files | QDir::Hidden)
                .isEmpty();
}

void TestDevices::revokedDeviceWipesItselfAtNextSync()
{
    const QString db = m_dir.filePath(QStringLiteral("revoked.db"));
    QVERIFY(login(db, QStringLiteral("rep.sh01")));
    QCOMPARE(runCli(base(db) + QStringList {QStringLiteral("sync")}).code, 0);
    QVERIFY(QFileInfo::exists(db));
    QVERIFY(!tokenOf(QStringLiteral("rep.sh01")).isEmpty());
    const auto storeKey = [&db] { return storekeys::keyring().read(storekeys::canonicalPath(db)).key; };
    QCOMPARE(storeKey().size(), storekeys::kKeyBytes);

    // The server knows this computer by the id rounds-cli keeps in its settings, with its version.
    const QJsonArray listed = devices(QStringLiteral("rep.sh01"));
    QCOMPARE(listed.size(), 1);
    const QString deviceId = listed.first().toObject().value(u"id").toString();
    QCOMPARE(deviceId, device::id());
    QCOMPARE(listed.first().toObject().value(u"client_version").toString(), QStringLiteral(ROUNDS_VERSION));

    QCOMPARE(
        ServerProcess::runCommand(QStringList {QStringLiteral("device"), QStringLiteral("revoke"), deviceId,
                                      QStringLiteral("--reason"), QStringLiteral("laptop stolen")}
            + m_server.storeArgs()),
        0);
    const CliRun sync = runCli(base(db) + QStringList {QStringLiteral("sync")});
    QCOMPARE(sync.code, 4);
    QVERIFY2(sync.err.contains("laptop stolen"), sync.err.constData());
    QVERIFY2(sync.err.contains("deleted"), sync.err.constData());
    QVERIFY(!anyFileOf(db)); // the database, its WAL and shared memory
    QVERIFY(tokenOf(QStringLiteral("rep.sh01")).isEmpty());
    QVERIFY(storeKey().isEmpty()); // the store's key left the keychain too
    // The next sign-in on this computer is a new device; the revoked one stays revoked.
    QVERIFY(device::id() != deviceId);
    QVERIFY(login(db, QStringLiteral("rep.sh01")));
    QCOMPARE(devices(QStringLiteral("rep.sh01")).size(), 2);
    QCOMPARE(runCli(base(db) + QStringList {QStringLiteral("sync")}).code, 0);
}

void TestDevices::disabledUserWipesAtNextSignIn()
{
    // A user's account disabled while the laptop was off: its token is refused, and a sign-in from it
    // is answered device_revoked, so the data goes even before a sync.
    const QString db = m_dir.filePath(QStringLiteral("disabled.db"));
    QVERIFY(login(db, QStringLiteral("rep.hz02")));
    QCOMPARE(runCli(base(db) + QStringList {QStringLiteral("sync")}).code, 0);
    QCOMPARE(ServerProcess::runCommand(QStringList {QStringLiteral("user"), QStringLiteral("disable"),
                                           QStringLiteral("--username"), QStringLiteral("rep.hz02")}
                 + m_server.storeArgs()),
        0);
    const CliRun again = runCli(base(db)
            + QStringList {QStringLiteral("login"), m_server.url().toString(), QStringLiteral("rep.hz02")},
        QByteArray(ServerProcess::DemoPassword) + '\n');
    QCOMPARE(again.code, 4);
    QVERIFY2(again.err.contains("the account was disabled"), again.err.constData());
    QVERIFY(!anyFileOf(db));
    QVERIFY(tokenOf(QStringLiteral("rep.hz02")).isEmpty());
}

void TestDevices::signOutRemovingDataPushesFirst()
{
    const QString db = m_dir.filePath(QStringLiteral("pushfirst.db"));
    QVERIFY(login(db, QStringLiteral("rep.sh02")));
    QCOMPARE(runCli(base(db) + QStringList {QStringLiteral("sync")}).code, 0);
    const CliRun created = runCli(base(db)
        + QStringList {QStringLiteral("create"), QStringLiteral("hcp_tag"),
            QStringLiteral("hcp_id=")
                + QJsonDocument::fromJson(
                    runCli(base(db) + QStringList {QStringLiteral("dump"), QStringLiteral("hcp")})
                        .out.split('\n')
                        .first())
                      .object()
                      .value(u"id")
                      .toString(),
            QStringLiteral("category=marketing"), QStringLiteral("tag=sent before the wipe"),
            QStringLiteral("source=rep")});
    QCOMPARE(created.code, 0);
    const QString tagId = QString::fromUtf8(created.out.trimmed());
    const CliRun out
        = runCli(base(db) + QStringList {QStringLiteral("logout"), QStringLiteral("--remove-data")});
    QCOMPARE(out.code, 0);
    QVERIFY(!anyFileOf(db));
    QVERIFY(tokenOf(QStringLiteral("rep.sh02")).isEmpty());
    QCOMPARE(m_server.storedRecord(tagId).value(u"tag").toString(), QStringLiteral("sent before the wipe"));
}

void TestDevices::signOutRefusesToWipeUnsentChanges()
{
    const QString db = m_dir.filePath(QStringLiteral("offline.db"));
    QVERIFY(login(db, QStringLiteral("rep.hz01")));
    QCOMPARE(runCli(base(db) + QStringList {QStringLiteral("sync")}).code, 0);
    const QJsonObject hcp = QJsonDocument::fromJson(
        runCli(base(db) + QStringList {QStringLiteral("dump"), QStringLiteral("hcp")})
            .out.split('\n')
            .first())
                                .object();
    for (const char *tag : {"unsent one", "unsent two"})
        QCOMPARE(runCli(base(db)
                     + QStringList {QStringLiteral("create"), QStringLiteral("hcp_tag"),
                         QStringLiteral("hcp_id=") + hcp.value(u"id").toString(),
                         QStringLiteral("category=marketing"), QStringLiteral("tag=") + QLatin1String(tag),
                         QStringLiteral("source=rep")})
                     .code,
            0);
    m_server.stop(); // offline: nothing can be sent

    const CliRun refused
        = runCli(base(db) + QStringList {QStringLiteral("logout"), QStringLiteral("--remove-data")});
    QCOMPARE(refused.code, 1);
    QVERIFY2(refused.err.contains("2 change(s) have not reached the server"), refused.err.constData());
    QVERIFY(QFileInfo::exists(db));
    QVERIFY(!tokenOf(QStringLiteral("rep.hz01")).isEmpty()); // still signed in: nothing happened
    {
        Store store;
        QVERIFY(store.open(db).ok);
        QCOMPARE(store.outbox().size(), 2);
    }
    QCOMPARE(
        runCli(base(db) + QStringList {QStringLiteral("logout"), QStringLiteral("--discard-unsent")}).code,
        2);
    QVERIFY(QFileInfo::exists(db));

    const CliRun wiped = runCli(base(db)
        + QStringList {
            QStringLiteral("logout"), QStringLiteral("--remove-data"), QStringLiteral("--discard-unsent")});
    QCOMPARE(wiped.code, 0);
    QVERIFY(!anyFileOf(db));
    QVERIFY(tokenOf(QStringLiteral("rep.hz01")).isEmpty());
    QVERIFY(m_server.start());
}

QTEST_GUILESS_MAIN(TestDevices)
#include "tst_devices.moc"
