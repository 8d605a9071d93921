#pragma once

#include "server/serverprocess.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

namespace rounds::test {

// Several users of one real server, as the server suites drive them: each signs in once, pushes one
// mutation at a time and pulls on from its own cursors, keeping what it has seen (newest record per id)
// and which ids were deleted or left its scope since.
class ServerUsers
{
public:
    explicit ServerUsers(ServerProcess &server)
        : m_server(server)
    { }

    QString tokenOf(const QString &username)
    {
        if (!tokens.contains(username))
            tokens.insert(username, m_server.login(username));
        return tokens.value(username);
    }

    // The one result of pushing `m`, or an empty object (with a warning) when the push itself failed.
    QJsonObject pushOne(const QString &username, const QJsonObject &m)
    {
        const HttpReply r = m_server.push(tokenOf(username), QJsonArray {m});
        if (r.status != 200) {
            qWarning("push answered %d: %s", r.status, r.body.constData());
            return {};
        }
        const QJsonArray results = r.json.value("results").toArray();
        return results.size() == 1 ? results.first().toObject() : QJsonObject();
    }

    // Pulls for `username` from its last cursors; false when the pull failed.
    bool pullFor(const QString &username)
    {
        const PullResult p = m_server.pullAll(tokenOf(username), cursors.value(username));
        if (!p.ok)
            return false;
        cursors.insert(username, p.cursors);
        for (const QJsonObject &c : p.changes) {
            const QString id = c.value("id").toString();
            if (c.value("op").toString() == QLatin1String("upsert")) {
                seen[username].insert(id, c.value("record").toObject());
                gone[username].remove(id);
            } else {
                seen[username].remove(id);
                gone[username].insert(id);
            }
        }
        return true;
    }

    QHash<QString, QString> tokens; // user → token (a test may sign one in itself)
    QHash<QString, QJsonObject> cursors; // user → the cursors of their last pull
    QHash<QString, QHash<QString, QJsonObject>> seen; // user → id → record
    QHash<QString, QSet<QString>> gone; // user → ids deleted or revoked since

private:
    ServerProcess &m_server;
};

} // namespace rounds::test
