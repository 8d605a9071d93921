#include "sync/credentialstore.h"

#include <QProcess>
#include <QtTest>

using namespace rounds;

// Runs against the real Secret Service that ./rounds.sh test starts (a private D-Bus session with an
// unlocked gnome-keyring), and against no keychain at all.
class TestCredentialStore : public QObject
{
    Q_OBJECT
private slots:
    void tokenRoundTripsThroughTheKeychain();
    void accountsAreSeparate();
    void withoutKeychainTheTokenLivesInMemoryOnly();
};

static bool keyringAvailable()
{
    return qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING")
        && !qEnvironmentVariableIsSet("ROUNDS_CHILD_NO_KEYCHAIN");
}

void TestCredentialStore::tokenRoundTripsThroughTheKeychain()
{
    if (!keyringAvailable())
        QSKIP("needs the private keyring session of ./rounds.sh test (ROUNDS_TEST_KEYRING)");
    CredentialStore store;
    const QString server = QStringLiteral("https://rounds.test:8421");
    const QString token = QStringLiteral("a9f8e7d6c5b4a3928170f0e1d2c3b4a5a9f8e7d6c5b4a3928170f0e1d2c3b4a5");
    CredentialStore::Result r = store.save(server, QStringLiteral("rep.sh01"), token);
    QVERIFY2(r.ok && r.keychainAvailable, qPrintable(r.message));

    CredentialStore fresh; // a new run of the program reads it back
    r = fresh.read(server, QStringLiteral("rep.sh01"));
    QVERIFY2(r.ok && r.keychainAvailable, qPrintable(r.message));
    QCOMPARE(r.token, token);

    // Sign-out deletes it.
    QVERIFY(fresh.remove(server, QStringLiteral("rep.sh01")).ok);
    r = CredentialStore().read(server, QStringLiteral("rep.sh01"));
    QVERIFY(r.ok);
    QVERIFY(r.token.isEmpty());
}

void TestCredentialStore::accountsAreSeparate()
{
    if (!keyringAvailable())
        QSKIP("needs the private keyring session of ./rounds.sh test (ROUNDS_TEST_KEYRING)");
    CredentialStore store;
    const QString server = QStringLiteral("https://rounds.test:8421");
    QVERIFY(store.save(server, QStringLiteral("a"), QStringLiteral("token-a")).keychainAvailable);
    QVERIFY(store.save(server, QStringLiteral("b"), QStringLiteral("token-b")).keychainAvailable);
    QVERIFY(store.save(QStringLiteral("https://other:1"), QStringLiteral("a"), QStringLiteral("token-c"))
                .keychainAvailable);
    QCOMPARE(store.read(server, QStringLiteral("a")).token, QStringLiteral("token-a"));
    QCOMPARE(store.read(server, QStringLiteral("b")).token, QStringLiteral("token-b"));
    QCOMPARE(
        store.read(QStringLiteral("https://other:1"), QStringLiteral("a")).token, QStringLiteral("token-c"));
    store.remove(server, QStringLiteral("a"));
    QCOMPARE(store.read(server, QStringLiteral("b")).token, QStringLiteral("token-b"));
    store.remove(server, QStringLiteral("b"));
    store.remove(QStringLiteral("https://other:1"), QStringLiteral("a"));
}

void TestCredentialStore::withoutKeychainTheTokenLivesInMemoryOnly()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_CHILD_NO_KEYCHAIN")) {
        // Run this same test in a child process whose session bus does not exist.
        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("ROUNDS_CHILD_NO_KEYCHAIN"), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
            QStringLiteral("unix:path=/nonexistent/rounds-test-bus"));
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(),
            {QStringLiteral("withoutKeychainTheTokenLivesInMemoryOnly")});
        QVERIFY(child.waitForFinished(60000));
        const QByteArray out = child.readAll();
        QVERIFY2(child.exitCode() == 0, out.constData());
        QVERIFY2(out.contains("PASS   : TestCredentialStore::withoutKeychainTheTokenLivesInMemoryOnly()"),
            out.constData());
        return;
    }
    CredentialStore store;
    const QString server = QStringLiteral("https://rounds.test:8421");
    CredentialStore::Result r
        = store.save(server, QStringLiteral("rep.hz01"), QStringLiteral("secret-token"));
    QVERIFY(r.ok); // the sign-in goes on…
    QVERIFY(!r.keychainAvailable); // …but the user is told
    QVERIFY(r.message.contains(QStringLiteral("No system keychain")));
    r = store.read(server, QStringLiteral("rep.hz01"));
    QCOMPARE(r.token, QStringLiteral("secret-token"));
    QVERIFY(!r.keychainAvailable);
    // Nothing was written anywhere else: a new store (a new run) has no token.
    r = CredentialStore().read(server, QStringLiteral("rep.hz01"));
    QVERIFY(r.token.isEmpty());
    QVERIFY(!r.keychainAvailable);
    // And no plain-text fallback file appeared in the config folder.
    const QString config = QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation);
    QDirIterator it(config, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY2(!f.readAll().contains("secret-token"), qPrintable(f.fileName()));
    }
}

QTEST_GUILESS_MAIN(TestCredentialStore)
#include "tst_credentialstore.moc"
