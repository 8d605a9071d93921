// rounds-bench server: C concurrent simulated reps against one real rounds-server on 127.0.0.1, each a
// thread with its own HTTP client signed in as its own rep user (added with `rounds-server user add`),
// each pushing and pulling K times. Prints throughput, p50/p99 latency, then checks that every
// acknowledged mutation is on the server exactly once: an admin pulls everything and every visit a rep
// created must be there with version = 1 + the updates acknowledged for it and the last acknowledged
// notes (a mutation applied twice raises the version; a lost one leaves it short). Every fifth push is
// sent twice with the same mutation ids (an answer lost on the way back), which must change nothing.

#include "bench/benchserver.h"
#include "bench/benchutil.h"
#include "sync/apiclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QMutex>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QThread>
#include <QUuid>

#include <atomic>
#include <memory>
#include <vector>

namespace rounds::bench {

namespace {

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// What the server acknowledged to one rep, for the exactly-once check.
struct Expected
{
    qint64 version = 0;
    QString notes;
};

struct RepResult
{
    std::vector<double> pushMs;
    std::vector<double> pullMs;
    QHash<QString, Expected> visits; // visit id -> what the server must hold
    qint64 mutations = 0; // acknowledged
    qint64 resent = 0; // pushes sent twice
    qint64 resentMismatch = 0; // a resend answered differently from the first time
    qint64 failures = 0;
    QString error;
};

// One rep: signs in, pulls its territory once (an already-synced laptop), then K times pushes one
// mutation (a new visit, or an edit of its last visit every third time) and pulls what changed.
class Rep
{
public:
    Rep(QUrl url, QString user, int ops, QSemaphore *ready, std::atomic_bool *go)
        : m_url(std::move(url))
        , m_user(std::move(user))
        , m_ops(ops)
        , m_ready(ready)
        , m_go(go)
    { }

    RepResult result;

    void run()
    {
        ApiClient api(m_url);
        api.setRetryPolicy(RetryPolicy {6, 200, 5000, 60000});
        const ApiResponse login = api.post(QStringLiteral("/api/v1/auth/login"),
            QJsonObject {{QStringLiteral("username"), m_user}, {QStringLiteral("password"), kDemoPassword},
                {QStringLiteral("device_name"), QStringLiteral("rounds-bench server")}});
        if (!login.ok()) {
            result.error = QStringLiteral("%1: login failed: %2").arg(m_user, login.error.message);
            m_ready->release();
            return;
        }
        api.setToken(login.body.value(QStringLiteral("token")).toString());
        const QJsonObject me = login.body.value(QStringLiteral("user")).toObject();
        const QString repId = me.value(QStringLiteral("id")).toString();
        const QString territoryId = me.value(QStringLiteral("territory_ids")).toArray().at(0).toString();
        QStringList hcps;
        if (!pull(api, &hcps, nullptr)) {
            m_ready->release();
            return;
        }
        if (hcps.isEmpty() || territoryId.isEmpty()) {
            result.error = QStringLiteral("%1: no HCPs or no territory in scope").arg(m_user);
            m_ready->release();
            return;
        }
        m_ready->release();
        while (!m_go->load())
            QThread::msleep(1);

        QString lastVisit;
        for (int k = 0; k < m_ops; ++k) {
            QJsonObject m {{QStringLiteral("mutation_id"), uuid()},
                {QStringLiteral("entity"), QStringLiteral("visit")},
                {QStringLiteral("op"), QStringLiteral("upsert")}};
            const QString notes = QStringLiteral("%1 第%2次拜访记录").arg(m_user).arg(k);
            QString id;
            if (k % 3 == 2 && !lastVisit.isEmpty()) {
                id = lastVisit;
                const Expected &e = result.visits[id];
                m.insert(QStringLiteral("id"), id);
                m.insert(QStringLiteral("base_version"), e.version);
                m.insert(QStringLiteral("base"), QJsonObject {{QStringLiteral("notes"), e.notes}});
                m.insert(QStringLiteral("set"), QJsonObject {{QStringLiteral("notes"), notes}});
            } else {
                id = uuid();
                m.insert(QStringLiteral("id"), id);
                m.insert(QStringLiteral("base_version"), 0);
                m.insert(QStringLiteral("set"),
                    QJsonObject {{QStringLiteral("territory_id"), territoryId},
                        {QStringLiteral("hcp_id"), hcps.at(k % hcps.size())},
                        {QStringLiteral("rep_id"), repId},
                        {QStringLiteral("channel"), QStringLiteral("face_to_face")},
                        {QStringLiteral("visited_at"),
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                        {QStringLiteral("status"), QStringLiteral("draft")},
                        {QStringLiteral("notes"), notes}});
            }
            const QJsonObject body {{QStringLiteral("mutations"), QJsonArray {m}}};
            QElapsedTimer t;
            t.start();
            const ApiResponse pushed = api.post(QStringLiteral("/api/v1/sync/push"), body);
            result.pushMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!pushed.ok()) {
                ++result.failures;
                result.error = QStringLiteral("%1: push failed: %2").arg(m_user, pushed.error.message);
                continue;
            }
            const QJsonObject r = pushed.body.value(QStringLiteral("results")).toArray().at(0).toObject();
            const QString status = r.value(QStringLiteral("status")).toString();
            if (status == QLatin1String("applied") || status == QLatin1String("merged")) {
                ++result.mutations;
                result.visits[id] = Expected {r.value(QStringLiteral("version")).toInteger(), notes};
                lastVisit = id;
            } else {
                ++result.failures;
                result.error
                    = QStringLiteral("%1: push answered %2")
                          .arg(m_user, QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact)));
            }
            if (k % 5 == 4) { // the answer "got lost": the laptop sends the same mutation again
                ++result.resent;
                const ApiResponse again = api.post(QStringLiteral("/api/v1/sync/push"), body);
                if (!again.ok()
                    || again.body.value(QStringLiteral("results")).toArray().at(0).toObject() != r)
                    ++result.resentMismatch;
            }
            t.restart();
            const bool ok = pull(api, nullptr, nullptr);
            result.pullMs.push_back(double(t.nsecsElapsed()) / 1e6);
            if (!ok)
                ++result.failures;
        }
    }

private:
    bool pull(ApiClient &api, QStringList *hcps, int *changes)
    {
        for (;;) {
            const ApiResponse page = api.post(QStringLiteral("/api/v1/sync/pull"),
                QJsonObject {{QStringLiteral("cursors"), m_cursors}, {QStringLiteral("limit"), 5000}});
            if (!page.ok()) {
                result.error = QStringLiteral("%1: pull failed: %2").arg(m_user, page.error.message);
                return false;
            }
            const QJsonArray list = page.body.value(QStringLiteral("changes")).toArray();
            if (changes)
                *changes += int(list.size());
            if (hcps) {
                for (const QJsonValue &v : list) {
                    const QJsonObject c = v.toObject();
                    if (c.value(QStringLiteral("entity")).toString() == QLatin1String("hcp")
                        && c.value(QStringLiteral("op")).toString() == QLatin1String("upsert"))
                        *hcps << c.value(QStringLiteral("id")).toString();
                }
            }
            m_cursors = page.body.value(QStringLiteral("cursors")).toObject();
            if (!page.body.value(QStringLiteral("more")).toBool())
                return true;
        }
    }

    QUrl m_url;
    QString m_user;
    int m_ops;
    QSemaphore *m_ready;
    std::atomic_bool *m_go;
    QJsonObject m_cursors;
};

int benchServer(int clients, int ops, const QString &databaseUrl, bool json)
{
    QTemporaryDir dir;
    BenchServer server;
    QString error;
    const QStringList territories {
        QStringLiteral("SH-01"), QStringLiteral("SH-02"), QStringLiteral("HZ-01"), QStringLiteral("HZ-02")};
    QElapsedTimer setup;
    setup.start();
    if (!server.create(dir.filePath(QStringLiteral("server")), databaseUrl, 400, 2000, &error)) {
        out(error);
        return 1;
    }
    QStringList users;
    for (int i = 0; i < clients; ++i) {
        const QString name = QStringLiteral("bench.rep%1").arg(i, 3, 10, QLatin1Char('0'));
        if (!server.addUser(name, QStringLiteral("rep"), territories.at(i % territories.size()), &error)) {
            out(error);
            return 1;
        }
        users << name;
    }
    if (!server.start(&error)) {
        out(error);
        return 1;
    }
    out(QStringLiteral("== server: %1 reps (own users, 4 territories), %2 push+pull each, %3 ==")
            .arg(clients)
            .arg(ops)
            .arg(databaseUrl.isEmpty() ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL")));
    out(QStringLiteral("  setup (demo data, %1 users added, server started): %2 s")
            .arg(clients)
            .arg(double(setup.elapsed()) / 1000.0, 0, 'f', 1));

    // Sign in and first pull for everyone, then all start together.
    QSemaphore ready;
    std::atomic_bool go = false;
    std::vector<std::unique_ptr<Rep>> reps;
    std::vector<QThread *> threads;
    for (const QString &u : users) {
        reps.push_back(std::make_unique<Rep>(server.url(), u, ops, &ready, &go));
        Rep *rep = reps.back().get();
        QThread *t = QThread::create([rep] { rep->run(); });
        t->start();
        threads.push_back(t);
    }
    QElapsedTimer timer;
    timer.start();
    ready.acquire(clients);
    const double signInSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    go = true;
    for (QThread *t : threads) {
        t->wait();
        delete t;
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;

    std::vector<double> push, pull, all;
    qint64 mutations = 0, failures = 0, resent = 0, resentMismatch = 0;
    QHash<QString, Expected> expected;
    for (const auto &r : reps) {
        push.insert(push.end(), r->result.pushMs.begin(), r->result.pushMs.end());
        pull.insert(pull.end(), r->result.pullMs.begin(), r->result.pullMs.end());
        mutations += r->result.mutations;
        failures += r->result.failures + (r->result.error.isEmpty() ? 0 : 0);
        resent += r->result.resent;
        resentMismatch += r->result.resentMismatch;
        for (auto it = r->result.visits.cbegin(); it != r->result.visits.cend(); ++it)
            expected.insert(it.key(), it.value());
        if (!r->result.error.isEmpty() && failures < 5)
            out(QStringLiteral("  error: %1").arg(r->result.error));
    }
    all = push;
    all.insert(all.end(), pull.begin(), pull.end());
    const double requests = double(all.size() + resent);

    // Exactly once: every visit as the server holds it now, through the protocol (any backend).
    QHash<QString, Expected> held;
    {
        std::unique_ptr<ApiClient> admin = server.client(QStringLiteral("admin"), &error);
        if (!admin) {
            out(error);
            return 1;
        }
        QJsonObject cursors;
        for (;;) {
            const ApiResponse page = admin->post(QStringLiteral("/api/v1/sync/pull"),
                QJsonObject {{QStringLiteral("cursors"), cursors}, {QStringLiteral("limit"), 5000}});
            if (!page.ok()) {
                out(QStringLiteral("final pull failed: %1").arg(page.error.message));
                return 1;
            }
            for (const QJsonValue &v : page.body.value(QStringLiteral("changes")).toArray()) {
                const QJsonObject c = v.toObject();
                if (c.value(QStringLiteral("entity")).toString() != QLatin1String("visit")
                    || c.value(QStringLiteral("op")).toString() != QLatin1String("upsert"))
                    continue;
                const QJsonObject rec = c.value(QStringLiteral("record")).toObject();
                held.insert(c.value(QStringLiteral("id")).toString(),
                    Expected {rec.value(QStringLiteral("version")).toInteger(),
                        rec.value(QStringLiteral("notes")).toString()});
            }
            cursors = page.body.value(QStringLiteral("cursors")).toObject();
            if (!page.body.value(QStringLiteral("more")).toBool())
                break;
        }
    }
    server.stop();
    qint64 lost = 0, duplicated = 0, wrongValue = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const auto h = held.constFind(it.key());
        if (h == held.cend() || h->version < it->version)
            ++lost;
        else if (h->version > it->version)
            ++duplicated;
        else if (h->notes != it->notes)
            ++wrongValue;
    }

    const double p50 = percentile(all, 0.5), p99 = percentile(all, 0.99);
    out(QStringLiteral("  sign-in + first pull of every rep : %1 s").arg(signInSeconds, 0, 'f', 1));
    out(QStringLiteral(
        "  timed phase                       : %1 s, %2 requests/s, %3 acknowledged mutations/s")
            .arg(seconds, 0, 'f', 2)
            .arg(requests / seconds, 0, 'f', 0)
            .arg(double(mutations) / seconds, 0, 'f', 0));
    out(QStringLiteral("  push latency                      : p50 %1 ms  p99 %2 ms  max %3 ms")
            .arg(percentile(push, 0.5), 0, 'f', 1)
            .arg(percentile(push, 0.99), 0, 'f', 1)
            .arg(percentile(push, 1.0), 0, 'f', 1));
    out(QStringLiteral("  pull latency                      : p50 %1 ms  p99 %2 ms  max %3 ms")
            .arg(percentile(pull, 0.5), 0, 'f', 1)
            .arg(percentile(pull, 0.99), 0, 'f', 1)
            .arg(percentile(pull, 1.0), 0, 'f', 1));
    out(QStringLiteral("  all requests                      : p50 %1 ms  p99 %2 ms")
            .arg(p50, 0, 'f', 1)
            .arg(p99, 0, 'f', 1));
    out(QStringLiteral("  acknowledged mutations            : %1 (%2 pushes resent, %3 answered differently)")
            .arg(mutations)
            .arg(resent)
            .arg(resentMismatch));
    out(QStringLiteral(
        "  exactly once (%1 visits checked)  : %2 lost, %3 duplicated, %4 wrong value, %5 failed requests")
            .arg(expected.size())
            .arg(lost)
            .arg(duplicated)
            .arg(wrongValue)
            .arg(failures));
    const bool exact = lost == 0 && duplicated == 0 && wrongValue == 0 && resentMismatch == 0 && failures == 0
        && mutations == qint64(clients) * ops;
    out(QStringLiteral("  verdict                           : %1")
            .arg(exact ? QStringLiteral("exactly once") : QStringLiteral("FAILED")));
    if (json) {
        out(QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("clients"), clients}, {QStringLiteral("ops"), ops},
                {QStringLiteral("backend"),
                    databaseUrl.isEmpty() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
                {QStringLiteral("seconds"), seconds}, {QStringLiteral("requests_per_s"), requests / seconds},
                {QStringLiteral("mutations_per_s"), double(mutations) / seconds},
                {QStringLiteral("p50_ms"), p50}, {QStringLiteral("p99_ms"), p99},
                {QStringLiteral("push_p99_ms"), percentile(push, 0.99)},
                {QStringLiteral("pull_p99_ms"), percentile(pull, 0.99)},
                {QStringLiteral("mutations"), mutations}, {QStringLiteral("lost"), lost},
                {QStringLiteral("duplicated"), duplicated}, {QStringLiteral("wrong_value"), wrongValue},
                {QStringLiteral("failed_requests"), failures},
                {QStringLiteral("resend_mismatch"), resentMismatch}, {QStringLiteral("exactly_once"), exact}})
                                  .toJson(QJsonDocument::Compact)));
    }
    return exact ? 0 : 1;
}

} // namespace

int serverMain(const QStringList &arguments)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "rounds-bench server: C concurrent reps pushing and pulling K times against one rounds-server, "
        "with an exactly-once check at the end."));
    p.addHelpOption();
    p.addPositionalArgument(QStringLiteral("server"), QStringLiteral("The subcommand."));
    QCommandLineOption clients(QStringLiteral("clients"), QStringLiteral("Concurrent reps."),
        QStringLiteral("n"), QStringLiteral("200"));
    QCommandLineOption ops(QStringLiteral("ops"), QStringLiteral("Push+pull rounds per rep."),
        QStringLiteral("n"), QStringLiteral("20"));
    QCommandLineOption database(QStringLiteral("database"),
        QStringLiteral("postgresql://USER@HOST:PORT/DB instead of a SQLite data folder (the database must "
                       "exist and be empty)."),
        QStringLiteral("url"));
    QCommandLineOption json(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    p.addOptions({clients, ops, database, json});
    p.process(arguments);
    QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false"));
    const int c = p.value(clients).toInt();
    const int k = p.value(ops).toInt();
    if (c < 1 || k < 1) {
        out(QStringLiteral("--clients and --ops want positive numbers"));
        return 2;
    }
    return benchServer(c, k, p.value(database), p.isSet(json));
}

} // namespace rounds::bench
