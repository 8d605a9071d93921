// Fuzz target: a push body and a pull body as the server receives them, after authentication. The
// bytes go through SyncService::push and ::pull on a real SQLite storage holding a small demo
// organisation, as a rep (one territory) and as the administrator: every answer must be a protocol
// answer (2xx or a JSON error), never a crash. Accepted mutations stay, so later inputs meet records
// earlier ones created. The typed requests (common/protocol/wire.h) that the service decodes must also
// survive a round trip: what decodes, encoded again, decodes to the same.

#include "common/protocol/wire.h"
#include "fuzz/fuzz.h"
#include "server/authservice.h"
#include "server/demo.h"
#include "server/sqlitestorage.h"
#include "server/syncservice.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <cstdlib>
#include <memory>

using namespace rounds;
using namespace rounds::server;

namespace {

struct Env
{
    QTemporaryDir dir;
    std::unique_ptr<SqliteStorage> storage;
    std::unique_ptr<SyncService> sync;
    QList<Principal> users;

    Env()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false\nrounds.*.warning=false"));
        QString error;
        storage = SqliteStorage::open(dir.path(), true, &error);
        if (!storage || !createDemo(*storage, DemoOptions {20, 40, 1}, nullptr, &error))
            std::abort();
        AuthService auth(*storage, AuthService::Options {});
        for (const char *name : {"rep.sh01", "admin"}) {
            const ApiReply login
                = auth.login(QJsonObject {{QStringLiteral("username"), QString::fromLatin1(name)},
                    {QStringLiteral("password"), QString::fromLatin1(kDemoPassword)},
                    {QStringLiteral("device_name"), QStringLiteral("fuzz")}});
            ApiReply failure;
            const auto p = auth.authenticate(
                "Bearer " + login.body.value(QLatin1String("token")).toString().toLatin1(), &failure);
            if (!p)
                std::abort();
            users << *p;
        }
        sync = std::make_unique<SyncService>(*storage);
    }
};

void check(const ApiReply &reply)
{
    // A protocol answer: success, or an error object with a code (PROTOCOL.md, Errors); never a 500.
    if (reply.status >= 500
        || (reply.status >= 300
            && reply.body.value(QLatin1String("error"))
                   .toObject()
                   .value(QLatin1String("code"))
                   .toString()
                   .isEmpty()))
        std::abort();
}

void checkRoundTrips(const QJsonObject &body)
{
    if (const auto push = protocol::PushRequest::fromJson(body)) {
        for (const OutboxMutation &m : push->mutations) {
            if (m.isRejected())
                continue;
            const std::optional<OutboxMutation> again = OutboxMutation::fromJson(m.toJson());
            if (!again || again->toJson() != m.toJson())
                std::abort();
        }
    }
    if (const auto pull = protocol::PullRequest::fromJson(body)) {
        const auto again = protocol::PullRequest::fromJson(pull->toJson());
        if (!again || again->cursors != pull->cursors || again->limit != pull->limit)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Env env;
    const QJsonDocument doc
        = QJsonDocument::fromJson(QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)));
    if (!doc.isObject())
        return 0;
    checkRoundTrips(doc.object());
    for (const Principal &user : env.users) {
        check(env.sync->push(user, doc.object()));
        check(env.sync->pull(user, doc.object()));
    }
    return 0;
}
