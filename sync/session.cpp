#include "sync/session.h"

#include "sync/apiclient.h"
#include "sync/device.h"
#include "sync/log.h"
#include "sync/offlinepolicy.h"
#include "sync/preferences.h"
#include "sync/syncsession.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QHostInfo>
#include <QSettings>
#include <QTimer>

namespace rounds {

namespace {
const QString kServerKey = QStringLiteral("account/server");
const QString kUserKey = QStringLiteral("account/user");
} // namespace

Session::Session(QObject *parent)
    : QObject(parent)
{
    m_engine.setAutoSyncMinutes(preferences::autoSyncMinutes());
    m_engine.setLivePullSeconds(preferences::livePullSeconds());
    connect(&m_engine, &SyncEngine::syncFinished, this, [this](const SyncSummary &summary) {
        if (summary.error.kind == ApiError::DeviceRevoked) {
            m_engine.setAccount({}); // no further sync from this computer
            emit deviceRevoked(summary.error.message);
        }
        // A sync that completes stamps last_sync itself: that is the contact offlinepolicy counts.
        // What the pulled records name is fetched after it, never before: the sync never waits for files.
        if (summary.ok)
            m_downloads.kick();
    });
    connect(&m_engine, &SyncEngine::offlineChanged, &m_downloads, &DownloadQueue::setOffline);
}

Session::~Session()
{
    m_downloads.stop();
    m_engine.cancel();
    if (m_wipeOnClose)
        wipeLocalData();
}

QString Session::databasePathFor(const QUrl &server, const QString &user)
{
    QString host = server.host();
    if (server.port() > 0 && server.port() != 443 && server.port() != 8421)
        host += QLatin1Char('_') + QString::number(server.port());
    return Store::defaultPath(host, user);
}

QUrl Session::lastServer()
{
    return QUrl(QSettings().value(kServerKey).toString());
}

QString Session::lastUser()
{
    return QSettings().value(kUserKey).toString();
}

bool Session::restoreLastAccount()
{
    const QUrl server = lastServer();
    const QString user = lastUser();
    if (!server.isValid() || user.isEmpty())
        return false;
    const QString path = databasePathFor(server, user);
    if (!QFileInfo::exists(path))
        return false;
    QString error;
    return openDatabase(path, &error);
}

bool Session::openDatabase(const QString &path, QString *error)
{
    if (!openStore(path, error))
        return false;
    m_passwordFor = {};
    if (!checkOfflineLimit()) {
        *error = tr("%1 has not reached the server for more than %n day(s): sign in with your password to "
                    "open its data.",
            nullptr, m_passwordDays)
                     .arg(m_passwordFor.user);
        m_notice = *error;
        return false;
    }
    m_account = SignIn(*m_store, m_credentials).account();
    m_token.clear();
    if (m_account.isSet()) {
        const SignInResult restored = SignIn(*m_store, m_credentials).restore();
        m_token = restored.token;
        if (!restored.keychainAvailable)
            m_notice = restored.message;
    }
    pointEngine();
    emit accountChanged();
    return true;
}

SignInResult Session::signIn(const QUrl &server, const QString &user, const QString &password)
{
    const QString path = databasePathFor(server, user);
    const bool existed = QFileInfo::exists(path);
    SignInResult result;
    if (m_store && m_account.isSet() && m_store->path() != path) {
        // The open window's lists belong to this database; another account starts a new session.
        result.message = tr("This window works on the data of %1 on %2: sign in as that user.")
                             .arg(m_account.user, m_account.server);
        return result;
    }
    if (!m_store || m_store->path() != path) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QString error;
        if (!openStore(path, &error)) {
            result.message = error;
            return result;
        }
    }
    const bool windowOpen = m_account.isSet();
    result = SignIn(*m_store, m_credentials)
                 .signIn(server, user, password, tr("Rounds on %1").arg(QHostInfo::localHostName()));
    if (result.deviceRevoked) {
        if (windowOpen) {
            // The window works on this store: it says why, closes, and the data goes as it closes.
            emit deviceRevoked(result.message);
        } else {
            const AccountInfo who {server.toString(), user, {}, {}, {}, {}};
            m_account = who;
            wipeLocalData();
        }
        return result;
    }
    if (!result.ok) {
        if (!existed) {
            // A failed first sign-in leaves no empty database behind to be mistaken for an account.
            closeStore();
            for (const char *suffix : {"", "-wal", "-shm"})
                QFile::remove(path + QLatin1String(suffix));
        }
        return result;
    }
    QSettings settings;
    settings.setValue(kServerKey, server.toString());
    settings.setValue(kUserKey, user);
    m_account = result.account;
    m_token = result.token;
    m_passwordFor = {};
    m_notice = result.keychainAvailable ? QString() : result.message;
    pointEngine();
    emit accountChanged();
    m_engine.syncNow();
    return result;
}

void Session::signOut()
{
    if (!m_store)
        return;
    m_engine.cancel();
    m_downloads.stop();
    SignIn(*m_store, m_credentials).signOut();
    m_token.clear();
    pointEngine();
    emit accountChanged();
}

int Session::unsentCount() const
{
    return m_store ? int(m_store->outbox().size()) : 0;
}

void Session::waitForEngine(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (m_engine.isSyncing() && !deadline.hasExpired()) {
        QEventLoop wait;
        connect(&m_engine, &SyncEngine::syncFinished, &wait, &QEventLoop::quit);
        QTimer::singleShot(100, &wait, &QEventLoop::quit);
        wait.exec();
    }
}

int Session::pushBeforeSignOut(int timeoutMs)
{
    if (!m_store)
        return 0;
    if (isSignedIn() && unsentCount() > 0) {
        m_engine.cancel();
        waitForEngine(timeoutMs); // the engine lets go; one quick sync here sends what is left
        ApiClient api {QUrl(m_account.server)};
        api.setToken(m_token);
        api.setRetryPolicy(RetryPolicy {2, 300, 1000, timeoutMs}); // a person waits at the dialog
        const SyncSummary summary = SyncSession(*m_store, api).run();
        if (summary.ok)
            offlinepolicy::recordContact(*m_store);
        else if (summary.error.kind == ApiError::DeviceRevoked)
            emit deviceRevoked(summary.error.message);
    }
    return unsentCount();
}

WipeResult Session::wipeLocalData()
{
    m_engine.cancel();
    m_downloads.stop(); // its worker lets go of the file too
    waitForEngine(30'000); // the engine's worker lets go of the file
    const AccountInfo account = m_account.isSet() ? m_account : m_passwordFor;
    const QString path = m_store ? m_store->path() : databasePathFor(QUrl(account.server), account.user);
    if (m_store && !m_token.isEmpty())
        SignIn(*m_store, m_credentials).signOut(); // best effort: the token stops working at once
    closeStore();
    const WipeResult r = rounds::wipeLocalData(path, account.server, account.user, m_credentials);
    QSettings settings;
    if (settings.value(kServerKey).toString() == account.server
        && settings.value(kUserKey).toString() == account.user) {
        settings.remove(kServerKey);
        settings.remove(kUserKey);
    }
    qCInfo(lcSync) << "local data wiped:" << r.removed << r.message;
    m_wipeOnClose = false;
    m_passwordFor = {};
    m_notice = r.message;
    emit accountChanged();
    return r;
}

bool Session::checkOfflineLimit()
{
    if (!offlinepolicy::passwordRequired(*m_store, m_clock()))
        return true;
    m_passwordDays = offlinepolicy::maxDays(*m_store);
    m_passwordFor = SignIn(*m_store, m_credentials).account();
    closeStore();
    return false;
}

bool Session::openStore(const QString &path, QString *error)
{
    closeStore();
    m_store = std::make_unique<Store>();
    const StoreOpenResult opened = m_store->open(path);
    if (!opened.ok) {
        *error = opened.message.isEmpty() ? tr("Cannot open %1.").arg(path) : opened.message;
        m_store.reset();
        return false;
    }
    m_notice = opened.message;
    Store *store = m_store.get();
    connect(&m_engine, &SyncEngine::recordsChanged, store, &Store::announceSyncedChanges);
    // The pages of one sync reach the views as one change (or one every few seconds in a long first sync).
    connect(&m_engine, &SyncEngine::syncStarted, store, [store] { store->holdAnnouncements(true); });
    connect(&m_engine, &SyncEngine::syncFinished, store, [store] { store->holdAnnouncements(false); });
    m_engine.watch(store);
    return true;
}

void Session::closeStore()
{
    if (!m_store)
        return;
    m_engine.cancel();
    m_engine.setAccount({});
    m_downloads.stop();
    m_store.reset();
    m_account = {};
    m_token.clear();
}

void Session::pointEngine()
{
    SyncEngine::Account a;
    if (m_store && !m_token.isEmpty()) {
        a.dbPath = m_store->path();
        a.server = QUrl(m_account.server);
        a.user = m_account.user;
        a.token = m_token;
    }
    m_engine.setAccount(a);
    m_downloads.setAccount(a);
    // Online at start: what is missing comes in the background while the first sync runs.
    if (!a.token.isEmpty())
        m_downloads.kick();
}

} // namespace rounds
