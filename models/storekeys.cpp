#include "models/storekeys.h"

#include "models/log.h"

#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QMutex>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#ifdef ROUNDS_HAVE_KEYCHAIN
#include <qt6keychain/keychain.h>
#endif

namespace rounds {

namespace {

struct Keys
{
    QMutex mutex;
    StoreKeyring *installed = nullptr;
    QHash<QString, QByteArray> cache; // canonical path -> key, for this process
};

Keys &keys()
{
    static Keys k;
    return k;
}

#ifdef ROUNDS_HAVE_KEYCHAIN
// The same service as the login token (sync/credentialstore.h), so one entry list shows both.
const QString kService = QStringLiteral("Rounds");
constexpr int kKeychainTimeoutMs = 15000;

// QtKeychain runs one job at a time from a queue of the thread that first used it: a job started on a
// worker thread can hold that queue for good. The key is read on the main thread (Store::open,
// Store::prepareKey) and a worker finds it in memory.
bool onMainThread()
{
    return QCoreApplication::instance() && QThread::currentThread() == QCoreApplication::instance()->thread();
}

StoreKeyring::Result notOnMainThread()
{
    return {false, {},
        KeychainStoreKeyring::tr("The key of the local database is read from the system keychain when the "
                                 "database is first opened, and it was not.")};
}

// Runs a job to completion; false when it timed out. The same as the token's (sync/credentialstore.cpp):
// no insecure fallback to a plain file, ever.
bool runJob(QKeychain::Job &job)
{
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, [&] {
        finished = true;
        loop.quit();
    });
    QTimer::singleShot(kKeychainTimeoutMs, &loop, &QEventLoop::quit);
    job.start();
    if (!finished)
        loop.exec();
    return finished;
}
#endif

} // namespace

QString KeychainStoreKeyring::keyFor(const QString &storePath)
{
    return QStringLiteral("store-key:") + storekeys::canonicalPath(storePath);
}

#ifdef ROUNDS_HAVE_KEYCHAIN

StoreKeyring::Result KeychainStoreKeyring::read(const QString &storePath)
{
    if (!onMainThread())
        return notOnMainThread();
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(keyFor(storePath));
    const bool finished = runJob(job);
    Result r;
    if (finished && job.error() == QKeychain::NoError) {
        r.ok = true;
        r.key = job.binaryData();
        return r;
    }
    if (finished && job.error() == QKeychain::EntryNotFound) {
        r.ok = true;
        return r;
    }
    r.message = tr("The system keychain, which keeps the key of the local database, cannot be reached (%1).")
                    .arg(finished ? job.errorString() : tr("it did not answer"));
    return r;
}

StoreKeyring::Result KeychainStoreKeyring::save(const QString &storePath, const QByteArray &key)
{
    if (!onMainThread())
        return notOnMainThread();
    QKeychain::WritePasswordJob job(kService);
    job.setKey(keyFor(storePath));
    job.setBinaryData(key);
    const bool finished = runJob(job);
    Result r;
    r.ok = finished && job.error() == QKeychain::NoError;
    if (!r.ok)
        r.message = tr("The key of the local database cannot be saved in the system keychain (%1).")
                        .arg(finished ? job.errorString() : tr("it did not answer"));
    return r;
}

StoreKeyring::Result KeychainStoreKeyring::remove(const QString &storePath)
{
    if (!onMainThread())
        return notOnMainThread();
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(keyFor(storePath));
    const bool finished = runJob(job);
    Result r;
    r.ok = finished && (job.error() == QKeychain::NoError || job.error() == QKeychain::EntryNotFound);
    if (!r.ok)
        r.message = finished ? job.errorString() : tr("The system keychain did not answer.");
    return r;
}

#else // a build without QtKeychain (the fuzz preset): its programs install a MemoryStoreKeyring

StoreKeyring::Result KeychainStoreKeyring::read(const QString &)
{
    return {false, {}, tr("This build of Rounds has no keychain support.")};
}

StoreKeyring::Result KeychainStoreKeyring::save(const QString &, const QByteArray &)
{
    return {false, {}, tr("This build of Rounds has no keychain support.")};
}

StoreKeyring::Result KeychainStoreKeyring::remove(const QString &)
{
    return {false, {}, tr("This build of Rounds has no keychain support.")};
}

#endif

StoreKeyring::Result MemoryStoreKeyring::read(const QString &storePath)
{
    return {true, m_keys.value(storekeys::canonicalPath(storePath)), {}};
}

StoreKeyring::Result MemoryStoreKeyring::save(const QString &storePath, const QByteArray &key)
{
    m_keys.insert(storekeys::canonicalPath(storePath), key);
    return {true, {}, {}};
}

StoreKeyring::Result MemoryStoreKeyring::remove(const QString &storePath)
{
    m_keys.remove(storekeys::canonicalPath(storePath));
    return {true, {}, {}};
}

namespace storekeys {

QString canonicalPath(const QString &path)
{
    // The folder resolved (symbolic links, "..") and the file name kept: the file itself may not exist yet.
    const QFileInfo info(path);
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return QDir(folder.isEmpty() ? info.absolutePath() : folder).filePath(info.fileName());
}

StoreKeyring &keyring()
{
    static KeychainStoreKeyring keychain;
    QMutexLocker lock(&keys().mutex);
    return keys().installed ? *keys().installed : keychain;
}

void setKeyring(StoreKeyring *keyring)
{
    QMutexLocker lock(&keys().mutex);
    keys().installed = keyring;
    keys().cache.clear();
}

QByteArray newKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
        reinterpret_cast<quint32 *>(key.data() + key.size()));
    return key;
}

KeyResult keyFor(const QString &path, bool create)
{
    const QString name = canonicalPath(path);
    KeyResult r;
    {
        QMutexLocker lock(&keys().mutex);
        if (const auto it = keys().cache.constFind(name); it != keys().cache.constEnd()) {
            r.ok = true;
            r.key = *it;
            return r;
        }
    }
    StoreKeyring &ring = keyring();
    if (!ring.encrypts()) {
        r.ok = true;
        return r;
    }
    const StoreKeyring::Result read = ring.read(name);
    if (!read.ok) {
        r.message = read.message;
        return r;
    }
    r.key = read.key;
    if (!r.key.isEmpty() && r.key.size() != kKeyBytes) {
        r.message = KeychainStoreKeyring::tr("The key of the local database in the system keychain is not a key "
                                             "Rounds made (%1 bytes instead of %2).")
                        .arg(r.key.size())
                        .arg(kKeyBytes);
        return r;
    }
    if (r.key.isEmpty() && create) {
        const QByteArray fresh = newKey();
        const StoreKeyring::Result saved = ring.save(name, fresh);
        if (!saved.ok) {
            r.message = saved.message;
            return r;
        }
        r.key = fresh;
        r.created = true;
        qCInfo(lcStore) << "a new key for the local database" << name << "is in the keychain";
    }
    r.ok = true;
    if (!r.key.isEmpty()) {
        QMutexLocker lock(&keys().mutex);
        keys().cache.insert(name, r.key);
    }
    return r;
}

StoreKeyring::Result removeKey(const QString &path)
{
    forget(path);
    return keyring().remove(canonicalPath(path));
}

void forget(const QString &path)
{
    QMutexLocker lock(&keys().mutex);
    keys().cache.remove(canonicalPath(path));
}

} // namespace storekeys

} // namespace rounds
