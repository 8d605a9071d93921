#include "sync/credentialstore.h"

#include "sync/log.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include <qt6keychain/keychain.h>

namespace rounds {

namespace {

// A keychain that does not answer within this time is treated as unreachable.
constexpr int kKeychainTimeoutMs = 15000;

// Runs a job to completion; false when it timed out.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false); // never fall back to a plain-text file
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &job, [&] { finished = true; });
    // Not a QEventLoop: once the program's loop was told to end (the window closing for a wipe, which
    // then removes the keychain entry), exec() returns at once; processEvents still gets the answer.
    QElapsedTimer waited;
    waited.start();
    QTimer tick; // wakes the wait below when the keychain is silent
    tick.start(50);
    job.start();
    while (!finished && waited.elapsed() < kKeychainTimeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return finished;
}

QString noKeychainMessage(const QString &detail)
{
    return CredentialStore::tr("No system keychain is reachable (%1). You stay signed in until Rounds "
                               "closes; next time you will be asked for your password again.")
        .arg(detail);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{ }

QString CredentialStore::keyFor(const QString &server, const QString &user)
{
    return server + QLatin1Char('/') + user;
}

CredentialStore::Result CredentialStore::save(
    const QString &server, const QString &user, const QString &token)
{
    const QString key = keyFor(server, user);
    QKeychain::WritePasswordJob job(serviceName());
    job.setKey(key);
    job.setTextData(token);
    const bool finished = runJob(job);
    Result r;
    if (finished && job.error() == QKeychain::NoError) {
        m_memoryOnly.remove(key);
        r.ok = true;
        return r;
    }
    const QString detail = finished ? job.errorString() : tr("it did not answer");
    qCWarning(lcSync) << "keychain write failed:" << detail;
    m_memoryOnly.insert(key, token);
    r.ok = true; // the sign-in goes on, with the token in memory only
    r.keychainAvailable = false;
    r.message = noKeychainMessage(detail);
    return r;
}

CredentialStore::Result CredentialStore::read(const QString &server, const QString &user)
{
    const QString key = keyFor(server, user);
    Result r;
    if (m_memoryOnly.contains(key)) {
        r.ok = true;
        r.keychainAvailable = false;
        r.token = m_memoryOnly.value(key);
        return r;
    }
    QKeychain::ReadPasswordJob job(serviceName());
    job.setKey(key);
    const bool finished = runJob(job);
    if (finished && job.error() == QKeychain::NoError) {
        r.ok = true;
        r.token = job.textData();
        return r;
    }
    if (finished && job.error() == QKeychain::EntryNotFound) {
        r.ok = true; // nothing stored: not an error, the user signs in
        return r;
    }
    const QString detail = finished ? job.errorString() : tr("it did not answer");
    r.keychainAvailable = false;
    r.message = noKeychainMessage(detail);
    return r;
}

CredentialStore::Result CredentialStore::remove(const QString &server, const QString &user)
{
    const QString key = keyFor(server, user);
    m_memoryOnly.remove(key);
    QKeychain::DeletePasswordJob job(serviceName());
    job.setKey(key);
    const bool finished = runJob(job);
    Result r;
    if (finished && (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound)) {
        r.ok = true;
        return r;
    }
    r.keychainAvailable = false;
    r.message = finished ? job.errorString() : tr("The system keychain did not answer.");
    return r;
}

} // namespace rounds
