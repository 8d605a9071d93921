#pragma once

#include "common/sqlite/database.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/apiclient.h"
#include "sync/syncledger.h"
#include "sync/syncsession.h"

#include <QJsonArray>
#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace rounds::test {

// One simulated laptop in an end-to-end test: its own store file, signed in to a real server, syncing
// through the real engine (in-process, so thousands of operations stay fast).
struct SyncClient
{
    QString user;
    QString role;
    QString userId;
    QStringList territories;
    QString token;
    QString dbPath;
    std::unique_ptr<Store> store;
    std::unique_ptr<ApiClient> api;
    bool online = true;
    QSet<QString> pushedIds; // mutations that left the outbox through a push answer
    QSet<QString> rejectedIds; // mutations the server rejected

    bool signIn(ServerProcess &server, const QString &serverUrl, const QString &dir, const QString &name)
    {
        user = name;
        HttpReply reply;
        token = server.login(name, QString::fromLatin1(ServerProcess::DemoPassword), &reply);
        if (token.isEmpty())
            return false;
        const QJsonObject me = reply.json.value(QLatin1String("user")).toObject();
        role = me.value(QLatin1String("role")).toString();
        userId = me.value(QLatin1String("id")).toString();
        for (const QJsonValue &t : me.value(QLatin1String("territory_ids")).toArray())
            territories << t.toString();
        dbPath = dir + QLatin1Char('/') + name + QStringLiteral(".db");
        return reopen(serverUrl);
    }

    bool reopen(const QString &serverUrl)
    {
        store = std::make_unique<Store>();
        if (!store->open(dbPath).ok)
            return false;
        api = std::make_unique<ApiClient>(QUrl(serverUrl));
        api->setToken(token);
        api->setRetryPolicy(RetryPolicy {8, 5, 200, 20000});
        return true;
    }

    // One sync; notes which mutations the server answered, for the "nothing lost" checks.
    SyncSummary sync()
    {
        QSet<QString> before;
        for (const OutboxMutation &m : store->outbox()) {
            if (m.state != QLatin1String("rejected"))
                before.insert(m.mutationId);
        }
        SyncSession session(*store, *api);
        const SyncSummary summary = session.run();
        QSet<QString> after;
        for (const OutboxMutation &m : store->outbox()) {
            if (m.state == QLatin1String("rejected"))
                rejectedIds.insert(m.mutationId);
            else
                after.insert(m.mutationId);
        }
        for (const QString &id : before) {
            if (!after.contains(id) && !rejectedIds.contains(id))
                pushedIds.insert(id);
        }
        return summary;
    }

    // Ids of a local table, sorted, for deterministic random picks.
    QStringList ids(const QString &entity, const QString &where = {}) const
    {
        QStringList out;
        auto q = store->database()->query(
            QStringLiteral("SELECT id FROM \"%1\" %2 ORDER BY id")
                .arg(entity, where.isEmpty() ? QString() : QStringLiteral("WHERE ") + where));
        while (q->step())
            out << q->text(0);
        return out;
    }

    // Records with something the user must still decide (open conflict or rejected change).
    QSet<QString> undecided() const
    {
        QSet<QString> out;
        for (const ConflictItem &c : SyncLedger(*store).conflicts())
            out.insert(c.entity + QLatin1Char('/') + c.recordId);
        for (const OutboxMutation &m : store->outbox())
            out.insert(m.entity + QLatin1Char('/') + m.recordId);
        return out;
    }
};

} // namespace rounds::test
