#include "server/log.h"
#include "server/pgconnection.h"
#include "server/pgstorage.h"

// PgStorage's side as the login limiter (server/loginlimiter.h): the counts of failed logins live in the
// database, so several instances share them.
namespace rounds::server {

using pg::Connection;
using pg::PgError;
using pg::Result;

namespace {

void rollbackQuietly(Connection &c)
{
    if (!c.isOk())
        return;
    try {
        c.exec("ROLLBACK");
    } catch (const PgError &) { }
}

} // namespace

bool PgStorage::admitLogin(
    const QString &username, int maxAttempts, int windowSeconds, int *waitSeconds, QString *error)
{
    // A second go only when the connection broke (a restarted database): nothing was counted then.
    for (int attempt = 0;; ++attempt) {
        bool lost = false;
        const bool ok = admitLoginOnce(username, maxAttempts, windowSeconds, waitSeconds, error, &lost);
        if (ok || !lost || attempt > 0)
            return ok;
    }
}

bool PgStorage::admitLoginOnce(const QString &username, int maxAttempts, int windowSeconds, int *waitSeconds,
    QString *error, bool *connectionLost)
{
    *waitSeconds = 0;
    QString failure;
    std::unique_ptr<Connection> c = take(&failure);
    if (!c) {
        *error = failure;
        return false;
    }
    bool sweep = false;
    {
        QMutexLocker lock(&m_poolMutex);
        if (++m_attemptsSinceSweep >= 1024) {
            m_attemptsSinceSweep = 0;
            sweep = true;
        }
    }
    try {
        // One transaction per name at a time (the advisory lock): check and count in one step, across
        // every instance, so concurrent guesses cannot all pass the check before any is counted.
        c->exec("BEGIN");
        c->run("SELECT pg_advisory_xact_lock(hashtext($1))", {username});
        c->run("DELETE FROM login_attempts WHERE username = $1 AND at <= now() - make_interval(secs => $2)",
            {username, windowSeconds});
        const Result r
            = c->run("SELECT count(*), ceil(extract(epoch FROM min(at) + make_interval(secs => $2) - "
                     "now())) FROM login_attempts WHERE username = $1",
                {username, windowSeconds});
        if (r.int64(0, 0) >= maxAttempts) {
            *waitSeconds = int(std::max<qint64>(1, r.int64(0, 1)));
        } else {
            c->run("INSERT INTO login_attempts(username, at) VALUES ($1, now())", {username});
        }
        // Names tried once and never again must not pile up.
        if (sweep)
            c->run(
                "DELETE FROM login_attempts WHERE at <= now() - make_interval(secs => $1)", {windowSeconds});
        c->exec("COMMIT");
        giveBack(std::move(c));
        return true;
    } catch (const PgError &e) {
        rollbackQuietly(*c);
        giveBack(std::move(c));
        *error = e.text();
        *connectionLost = e.connectionLost();
        if (!e.connectionLost())
            qCWarning(lcServer) << "login limiter failed:" << e.text();
        return false;
    }
}

void PgStorage::forgiveLogin(const QString &username)
{
    QString failure;
    std::unique_ptr<Connection> c = take(&failure);
    if (!c)
        return;
    try {
        c->run(
            "DELETE FROM login_attempts WHERE ctid IN (SELECT ctid FROM login_attempts WHERE username = $1 "
            "ORDER BY at DESC LIMIT 1)",
            {username});
    } catch (const PgError &e) {
        qCWarning(lcServer) << "login limiter failed:" << e.text();
    }
    giveBack(std::move(c));
}

} // namespace rounds::server
