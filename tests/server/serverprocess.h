#pragma once

// A real rounds-server for integration tests: a temporary data folder (optionally with a small demo
// organisation), the server started on 127.0.0.1 port 0, and blocking JSON requests against it.
// Reusable by any test that needs a server (sync engine, end-to-end).
//
// PostgreSQL: when ROUNDS_TEST_POSTGRES names the URL file of the test cluster (the ctest fixture
// `postgres`, tests/support/pgcluster.sh), every ServerProcess gets its own new database there and
// passes `--database URL` instead of `--data DIR`; runCommand() does the same for a `--data DIR` that
// is a ServerProcess's folder. So the same tests run against both backends.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace rounds::test {

struct HttpReply
{
    int status = 0; // 0: no answer (connection failed)
    QByteArray body;
    QJsonObject json; // the body, when it is a JSON object
    QList<QPair<QByteArray, QByteArray>> headers;
    QString networkError;

    QByteArray header(const QByteArray &name) const;
    QString errorCode() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
    }
    QString errorField() const
    {
        return json.value(QLatin1String("error")).toObject().value(QLatin1String("field")).toString();
    }
};

// Everything one pull loop gave: every change in order and the final cursors.
struct PullResult
{
    QList<QJsonObject> changes;
    QJsonObject cursors;
    QString epoch;
    int pages = 0;
    bool ok = false;
};

class ServerProcess final
{
public:
    static constexpr auto DemoPassword = "demo-pass-1";

    enum class Backend {
        Default, // PostgreSQL when ROUNDS_TEST_POSTGRES is set, else SQLite
        Sqlite, // always a SQLite data folder
    };
    explicit ServerProcess(Backend backend = Backend::Default);
    ~ServerProcess(); // stops the server, removes the data folder (and drops its own database)
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // The rounds-server binary of this build (ROUNDS_BINARY_DIR/bin/rounds-server).
    static QString binary();
    // Runs a command to the end: exit code (-1 when it could not run or crashed), stdout and stderr.
    static int runCommand(const QStringList &args, const QByteArray &stdinData = {},
        QByteArray *out = nullptr, QByteArray *err = nullptr, int timeoutMs = 60000);

    QString dataDir() const { return m_dir->path(); }
    // The server's store on the command line: {"--data", DIR} or {"--database", URL}.
    QStringList storeArgs() const;
    // PostgreSQL mode: this server's database URL; empty on SQLite.
    QString databaseUrl() const { return m_database; }
    // Serves this PostgreSQL database from now on (another instance's, say); it is not dropped by this
    // object. Several ServerProcesses on one database are the stateless instances of a deployment.
    void useDatabase(const QString &url);
    // True when the tests run against PostgreSQL (ROUNDS_TEST_POSTGRES is set).
    static bool usesPostgres();
    // The test cluster's URL without a database name (postgresql://rounds@127.0.0.1:PORT), or empty.
    static QString postgresServer();
    // A new, empty database on the test cluster; its URL, or empty (with a warning) when that failed.
    static QString createDatabase(const QString &prefix = QStringLiteral("rt"));

    // SQL against this server's store, whichever backend: rows of text (NULL as a null QString).
    // Parameters are ?1, ?2 … on both. Write the SQL so both understand it (deleted is 0/1 in SQLite
    // and boolean in PostgreSQL: use `NOT deleted`). Call it while the server is stopped or idle.
    QList<QStringList> query(const QString &sql, const QStringList &params = {}) const;
    qint64 scalar(const QString &sql, const QStringList &params = {}) const;
    // Statements that change the store (no rows); true when they ran.
    bool execute(const QString &sql, const QStringList &params = {}) const;
    // The stored JSON of one record (any entity), or an empty object; and a change of some of its fields
    // written straight into the store, bypassing the sync path (what a date passing or an old server
    // left behind). Both backends keep `data` as JSON text, so this needs no dialect. Stopped or idle only.
    QJsonObject storedRecord(const QString &id) const;
    bool patchStoredRecord(const QString &id, const QJsonObject &fields) const;
    // `rounds-server demo --data DIR --hcps N --visits N --seed S [extra]` into this server's folder.
    bool createDemo(int hcps = 200, int visits = 500, int seed = 1, const QStringList &extra = {});
    // Copies another server's database (its data folder must not be served at the time).
    bool copyDataFrom(const QString &otherDataDir);

    // Starts `serve --listen 127.0.0.1:0` plus `extraArgs`, waits for its "listening on URL" line.
    bool start(const QStringList &extraArgs = {});
    // SIGTERM and wait; returns the exit code (-1 if it had to be killed).
    int stop();
    // SIGKILL, no clean-up: for crash tests.
    void kill();
    bool isRunning() const;
    qint64 pid() const; // 0 when not running (to send a signal without waiting, e.g. SIGTERM)
    QUrl url() const { return m_url; }
    QByteArray serverLog(); // stderr so far

    // Requests. `token` adds `Authorization: Bearer`; `headers` are added as given.
    HttpReply request(const QByteArray &method, const QString &path, const QByteArray &body = {},
        const QString &token = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {},
        int timeoutMs = 30000);
    HttpReply get(const QString &path, const QString &token = {});
    HttpReply post(const QString &path, const QJsonObject &body, const QString &token = {});

    // Logs in (demo password by default); returns the token, or an empty string.
    QString login(const QString &username, const QString &password = QString::fromLatin1(DemoPassword),
        HttpReply *reply = nullptr);
    // Pulls until `more` is false, starting from `cursors`.
    PullResult pullAll(const QString &token, const QJsonObject &cursors = {}, int limit = 5000);
    HttpReply push(const QString &token, const QJsonArray &mutations);

    // Ignore TLS errors (self-signed test certificates).
    void setInsecureTls(bool on) { m_insecureTls = on; }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_database; // PostgreSQL mode: postgresql://…/rt_…
    bool m_ownsDatabase = false;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QByteArray m_log;
    bool m_insecureTls = false;
};

// A throwaway self-signed certificate for 127.0.0.1 (with the IP in subjectAltName, as clients that
// check host names need) written to DIR/cert.pem and DIR/key.pem; false when openssl failed.
bool makeSelfSignedCertificate(const QString &dir, QString *certPath, QString *keyPath);

// A mutation object for a push.
QJsonObject mutation(const QString &entity, const QString &id, const QJsonObject &set, qint64 baseVersion = 0,
    const QJsonObject &base = {}, const QString &op = QStringLiteral("upsert"));

// The records of one entity among pulled changes (upserts only, the newest per id).
QList<QJsonObject> recordsOf(const QList<QJsonObject> &changes, const QString &entity);

} // namespace rounds::test
