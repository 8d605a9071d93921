#pragma once

#include <QString>

namespace rounds::server {

// The limit on failed logins per key (AuthService's keys: an address and a user name, or an address
// alone), kept where every server instance sees it. A Storage that
// also implements this (PostgreSQL) keeps the counts in the database, so several stateless instances
// behind a load balancer share them; without it AuthService counts in memory (one process, SQLite).
class LoginLimiter
{
public:
    virtual ~LoginLimiter() = default;
    // One step: may this attempt go ahead, and count it. True with *waitSeconds 0 (counted) or > 0
    // (refused: too many attempts in the window); false with `error` when the store failed.
    virtual bool admitLogin(
        const QString &key, int maxAttempts, int windowSeconds, int *waitSeconds, QString *error)
        = 0;
    // A successful login takes its attempt back.
    virtual void forgiveLogin(const QString &key) = 0;
};

} // namespace rounds::server
