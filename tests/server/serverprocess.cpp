#include "server/serverprocess.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QMutex>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

#include <libpq-fe.h>

#include <csignal>
#include <fcntl.h>
#include <sys/prctl.h>

namespace rounds::test {

namespace {

QMutex g_databasesMutex;
QHash<QString, QString> g_databases; // a ServerProcess's data folder → its PostgreSQL database URL

// Runs SQL on PostgreSQL (?N parameters become $N): rows of text; false with a warning on failure.
bool pgRun(const QString &url, const QString &sql, const QStringList &params, QList<QStringList> *rows)
{
    PGconn *c = PQconnectdb(url.toUtf8().constData());
    if (PQstatus(c) != CONNECTION_OK) {
        qWarning("cannot connect to %s: %s", qPrintable(url), PQerrorMessage(c));
        PQfinish(c);
        return false;
    }
    PQclear(PQexec(c, "SET client_min_messages = warning"));
    PGresult *r = nullptr;
    if (params.isEmpty()) {
        r = PQexec(c, sql.toUtf8().constData());
    } else {
        QString text = sql;
        static const QRegularExpression numbered(QStringLiteral(R"(\?(\d+))"));
        text.replace(numbered, QStringLiteral("$\\1"));
        QList<QByteArray> values;
        std::vector<const char *> pointers;
        for (const QString &p : params)
            values << p.toUtf8();
        for (const QByteArray &v : values)
            pointers.push_back(v.constData());
        r = PQexecParams(c, text.toUtf8().constData(), int(pointers.size()), nullptr, pointers.data(),
            nullptr, nullptr, 0);
    }
    const ExecStatusType status = PQresultStatus(r);
    const bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok)
        qWarning("PostgreSQL: %s (%s)", PQresultErrorMessage(r), qPrintable(sql));
    if (ok && rows) {
        for (int i = 0; i < PQntuples(r); ++i) {
            QStringList row;
            for (int j = 0; j < PQnfields(r); ++j)
                row << (PQgetisnull(r, i, j) ? QString() : QString::fromUtf8(PQgetvalue(r, i, j)));
            *rows << row;
        }
    }
    PQclear(r);
    PQfinish(c);
    return ok;
}

QString databaseName(const QString &url)
{
    return url.mid(url.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

bool ServerProcess::usesPostgres()
{
    return !postgresServer().isEmpty();
}

QString ServerProcess::postgresServer()
{
    static const QString server = [] {
        const QString file = qEnvironmentVariable("ROUNDS_TEST_POSTGRES");
        if (file.isEmpty())
            return QString();
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            qFatal("ROUNDS_TEST_POSTGRES=%s: no such file; is the ctest fixture `postgres` "
                   "(tests/support/pgcluster.sh start) running?",
                qPrintable(file));
        return QString::fromUtf8(f.readAll()).trimmed();
    }();
    return server;
}

QString ServerProcess::createDatabase(const QString &prefix)
{
    const QString name
        = prefix + QLatin1Char('_') + QUuid::createUuid().toString(QUuid::Id128).left(16).toLower();
    if (!pgRun(postgresServer() + QStringLiteral("/postgres"),
            QStringLiteral("CREATE DATABASE \"%1\"").arg(name), {}, nullptr))
        return {};
    return postgresServer() + QLatin1Char('/') + name;
}

QStringList ServerProcess::storeArgs() const
{
    return m_database.isEmpty() ? QStringList {QStringLiteral("--data"), dataDir()}
                                : QStringList {QStringLiteral("--database"), m_database};
}

QList<QStringList> ServerProcess::query(const QString &sql, const QStringList &params) const
{
    QList<QStringList> rows;
    if (!m_database.isEmpty()) {
        pgRun(m_database, sql, params, &rows);
        return rows;
    }
    try {
        rounds::sql::Database::Options o;
        o.create = false;
        rounds::sql::Database db(QDir(dataDir()).filePath(QStringLiteral("rounds-server.db")), o);
        rounds::sql::Query q = db.query(sql);
        for (qsizetype i = 0; i < params.size(); ++i)
            q->bind(int(i + 1), params.at(i));
        while (q->step()) {
            QStringList row;
            for (int c = 0; c < q->columnCount(); ++c)
                row << q->text(c);
            rows << row;
        }
    } catch (const rounds::sql::SqlError &e) {
        qWarning("SQLite: %s (%s)", qPrintable(e.text()), qPrintable(sql));
    }
    return rows;
}

qint64 ServerProcess::scalar(const QString &sql, const QStringList &params) const
{
    return query(sql, params).value(0).value(0).toLongLong();
}

QJsonObject ServerProcess::storedRecord(const QString &id) const
{
    const QList<QStringList> rows = query(QStringLiteral("SELECT data FROM records WHERE id = ?1"), {id});
    return rows.size() == 1 ? QJsonDocument::fromJson(rows.first().value(0).toUtf8()).object()
                            : QJsonObject();
}

bool ServerProcess::patchStoredRecord(const QString &id, const QJsonObject &fields) const
{
    QJsonObject data = storedRecord(id);
    if (data.isEmpty())
        return false;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        data.insert(it.key(), it.value());
    return execute(QStringLiteral("UPDATE records SET data = ?1 WHERE id = ?2"),
        {QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)), id});
}

bool ServerProcess::execute(const QString &sql, const QStringList &params) const
{
    if (!m_database.isEmpty())
        return pgRun(m_database, sql, params, nullptr);
    try {
        rounds::sql::Database::Options o;
        o.create = false;
        rounds::sql::Database db(QDir(dataDir()).filePath(QStringLiteral("rounds-server.db")), o);
        if (params.isEmpty()) {
            db.exec(sql);
            return true;
        }
        rounds::sql::Query q = db.query(sql);
        for (qsizetype i = 0; i < params.size(); ++i)
            q->bind(int(i + 1), params.at(i));
        q->run();
        return true;
    } catch (const rounds::sql::SqlError &e) {
        qWarning("SQLite: %s (%s)", qPrintable(e.text()), qPrintable(sql));
    }
    return false;
}

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ServerProcess::ServerProcess(Backend backend)
    : m_dir(std::make_unique<QTemporaryDir>())
{
    if (backend == Backend::Default && usesPostgres()) {
        m_database = createDatabase();
        if (m_database.isEmpty())
            qFatal("cannot create a test database on %s", qPrintable(postgresServer()));
        m_ownsDatabase = true;
        QMutexLocker lock(&g_databasesMutex);
        g_databases.insert(dataDir(), m_database);
    }
}

void ServerProcess::useDatabase(const QString &url)
{
    if (m_ownsDatabase)
        pgRun(postgresServer() + QStringLiteral("/postgres"),
            QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(databaseName(m_database)), {},
            nullptr);
    m_database = url;
    m_ownsDatabase = false;
    QMutexLocker lock(&g_databasesMutex);
    g_databases.insert(dataDir(), m_database);
}

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
    if (!m_database.isEmpty()) {
        {
            QMutexLocker lock(&g_databasesMutex);
            g_databases.remove(dataDir());
        }
        if (m_ownsDatabase)
            pgRun(postgresServer() + QStringLiteral("/postgres"),
                QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(databaseName(m_database)),
                {}, nullptr);
    }
}

QString ServerProcess::binary()
{
    QString dir = qEnvironmentVariable("ROUNDS_BINARY_DIR");
    if (dir.isEmpty())
        dir = QCoreApplication::applicationDirPath() + QStringLiteral("/..");
    return dir + QStringLiteral("/bin/rounds-server");
}

int ServerProcess::runCommand(
    const QStringList &args, const QByteArray &stdinData, QByteArray *out, QByteArray *err, int timeoutMs)
{
    // PostgreSQL mode: a ServerProcess's folder stands for its database.
    QStringList arguments = args;
    {
        QMutexLocker lock(&g_databasesMutex);
        for (qsizetype i = 0; i + 1 < arguments.size(); ++i) {
            if (arguments.at(i) == QLatin1String("--data") && g_databases.contains(arguments.at(i + 1))) {
                arguments[i] = QStringLiteral("--database");
                arguments[i + 1] = g_databases.value(arguments.at(i + 1));
            }
        }
    }
    QProcess p;
    p.start(binary(), arguments);
    if (!p.waitForStarted(10000))
        return -1;
    p.write(stdinData);
    p.closeWriteChannel();
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return -1;
    }
    if (out)
        *out = p.readAllStandardOutput();
    if (err)
        *err = p.readAllStandardError();
    return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
}

bool ServerProcess::createDemo(int hcps, int visits, int seed, const QStringList &extra)
{
    QByteArray err;
    const int rc = runCommand(QStringList {QStringLiteral("demo")} + storeArgs()
            + QStringList {QStringLiteral("--hcps"), QString::number(hcps), QStringLiteral("--visits"),
                QString::number(visits), QStringLiteral("--seed"), QString::number(seed)}
            + extra,
        {}, nullptr, &err);
    if (rc != 0)
        qWarning("demo failed: %s", err.constData());
    return rc == 0;
}

bool ServerProcess::copyDataFrom(const QString &otherDataDir)
{
    if (!m_database.isEmpty()) {
        // A copy of the other database (it must not be in use).
        QString other;
        {
            QMutexLocker lock(&g_databasesMutex);
            other = g_databases.value(otherDataDir);
        }
        const QString admin = postgresServer() + QStringLiteral("/postgres");
        return !other.isEmpty()
            && pgRun(admin,
                QStringLiteral("DROP DATABASE IF EXISTS \"%1\" WITH (FORCE)").arg(databaseName(m_database)),
                {}, nullptr)
            && pgRun(admin,
                QStringLiteral("CREATE DATABASE \"%1\" TEMPLATE \"%2\"")
                    .arg(databaseName(m_database), databaseName(other)),
                {}, nullptr);
    }
    const QString name = QStringLiteral("rounds-server.db");
    QFile::remove(QDir(dataDir()).filePath(name));
    return QFile::copy(QDir(otherDataDir).filePath(name), QDir(dataDir()).filePath(name));
}

bool ServerProcess::start(const QStringList &extraArgs)
{
    m_process = std::make_unique<QProcess>();
    m_log.clear();
    m_process->setChildProcessModifier([] {
        // The server goes when the test goes, even if the test crashed, and does not keep the test's
        // descriptors open (a build lock held around ctest would stay taken by an orphaned server).
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        for (int fd = 3; fd < 1024; ++fd)
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    });
    m_process->start(binary(),
        QStringList {QStringLiteral("serve")} + storeArgs()
            + QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")} + extraArgs);
    if (!m_process->waitForStarted(10000))
        return false;
    static const QRegularExpression urlPattern(QStringLiteral(R"((https?://\S+))"));
    QElapsedTimer timer;
    timer.start();
    QByteArray line;
    while (timer.elapsed() < 30000) {
        if (m_process->canReadLine()) {
            line = m_process->readLine();
            break;
        }
        if (m_process->state() != QProcess::Running)
            break;
        m_process->waitForReadyRead(200);
    }
    const QRegularExpressionMatch m = urlPattern.match(QString::fromUtf8(line));
    if (!m.hasMatch()) {
        m_log += m_process->readAllStandardError();
        qWarning("rounds-server did not start: %s", m_log.constData());
        return false;
    }
    m_url = QUrl(m.captured(1));
    return true;
}

int ServerProcess::stop()
{
    if (!m_process)
        return -1;
    m_process->terminate();
    if (!m_process->waitForFinished(20000)) {
        m_process->kill();
        m_process->waitForFinished();
        return -1;
    }
    m_log += m_process->readAllStandardError();
    return m_process->exitStatus() == QProcess::NormalExit ? m_process->exitCode() : -1;
}

qint64 ServerProcess::pid() const
{
    return m_process ? m_process->processId() : 0;
}

void ServerProcess::kill()
{
    if (!m_process)
        return;
    m_process->kill();
    m_process->waitForFinished();
    m_log += m_process->readAllStandardError();
}

bool ServerProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QByteArray ServerProcess::serverLog()
{
    if (m_process)
        m_log += m_process->readAllStandardError();
    return m_log;
}

HttpReply ServerProcess::request(const QByteArray &method, const QString &path, const QByteArray &body,
    const QString &token, const QList<QPair<QByteArray, QByteArray>> &headers, int timeoutMs)
{
    // One manager per request keeps requests independent (no shared connection state between tests).
    QNetworkAccessManager nam;
    QUrl url = m_url;
    // A query after '?' (GET /api/v1/history) stays a query, already encoded by the caller.
    const qsizetype question = path.indexOf(u'?');
    url.setPath(path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1), QUrl::StrictMode);
    QNetworkRequest req(url);
    req.setTransferTimeout(timeoutMs);
    bool hasType = false;
    for (const auto &h : headers) {
        req.setRawHeader(h.first, h.second);
        hasType = hasType || h.first.compare("Content-Type", Qt::CaseInsensitive) == 0;
    }
    if (!hasType && !body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    // HEAD as QNetworkAccessManager knows it: as a custom verb it would wait for a body.
    QNetworkReply *reply = method == "HEAD" ? nam.head(req) : nam.sendCustomRequest(req, method, body);
    if (m_insecureTls)
        QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply] { reply->ignoreSslErrors(); });
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpReply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    r.json = QJsonDocument::fromJson(r.body).object();
    r.headers = reply->rawHeaderPairs();
    if (reply->error() != QNetworkReply::NoError && r.status == 0)
        r.networkError = reply->errorString();
    delete reply;
    return r;
}

HttpReply ServerProcess::get(const QString &path, const QString &token)
{
    return request("GET", path, {}, token);
}

HttpReply ServerProcess::post(const QString &path, const QJsonObject &body, const QString &token)
{
    return request("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), token);
}

QString ServerProcess::login(const QString &username, const QString &password, HttpReply *reply)
{
    const HttpReply r = post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), username}, {QStringLiteral("password"), password},
            {QStringLiteral("device_name"), QStringLiteral("test device")}});
    if (reply)
        *reply = r;
    return r.status == 200 ? r.json.value(QLatin1String("token")).toString() : QString();
}

PullResult ServerProcess::pullAll(const QString &token, const QJsonObject &cursors, int limit)
{
    PullResult result;
    result.cursors = cursors;
    for (int page = 0; page < 1000; ++page) {
        const HttpReply r = post(QStringLiteral("/api/v1/sync/pull"),
            QJsonObject {{QStringLiteral("cursors"), result.cursors}, {QStringLiteral("limit"), limit}},
            token);
        if (r.status != 200)
            return result;
        ++result.pages;
        for (const QJsonValue &c : r.json.value(QLatin1String("changes")).toArray())
            result.changes << c.toObject();
        result.cursors = r.json.value(QLatin1String("cursors")).toObject();
        result.epoch = r.json.value(QLatin1String("epoch")).toString();
        if (!r.json.value(QLatin1String("more")).toBool()) {
            result.ok = true;
            return result;
        }
    }
    return result;
}

HttpReply ServerProcess::push(const QString &token, const QJsonArray &mutations)
{
    return post(
        QStringLiteral("/api/v1/sync/push"), QJsonObject {{QStringLiteral("mutations"), mutations}}, token);
}

bool makeSelfSignedCertificate(const QString &dir, QString *certPath, QString *keyPath)
{
    *certPath = dir + QStringLiteral("/cert.pem");
    *keyPath = dir + QStringLiteral("/key.pem");
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), *keyPath,
            QStringLiteral("-out"), *certPath, QStringLiteral("-days"), QStringLiteral("1"),
            QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1")});
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0;
}

QJsonObject mutation(const QString &entity, const QString &id, const QJsonObject &set, qint64 baseVersion,
    const QJsonObject &base, const QString &op)
{
    QJsonObject m {{QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
        {QStringLiteral("entity"), entity}, {QStringLiteral("id"), id}, {QStringLiteral("op"), op},
        {QStringLiteral("base_version"), baseVersion}};
    if (op == QLatin1String("upsert"))
        m.insert(QStringLiteral("set"), set);
    if (!base.isEmpty())
        m.insert(QStringLiteral("base"), base);
    return m;
}

QList<QJsonObject> recordsOf(const QList<QJsonObject> &changes, const QString &entity)
{
    QHash<QString, qsizetype> index;
    QList<QJsonObject> out;
    for (const QJsonObject &c : changes) {
        if (c.value(QLatin1String("entity")).toString() != entity
            || c.value(QLatin1String("op")).toString() != QLatin1String("upsert"))
            continue;
        const QJsonObject r = c.value(QLatin1String("record")).toObject();
        const QString id = r.value(QLatin1String("id")).toString();
        if (index.contains(id)) {
            out[index.value(id)] = r;
        } else {
            index.insert(id, out.size());
            out << r;
        }
    }
    return out;
}

} // namespace rounds::test
