#include "server/serverprocess.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

namespace rounds::test {

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

ServerProcess::ServerProcess()
    : m_dir(std::make_unique<QTemporaryDir>())
{ }

ServerProcess::~ServerProcess()
{
    if (isRunning())
        stop();
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
    QProcess p;
    p.start(binary(), args);
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

bool ServerProcess::createDemo(int hcps, int visits, int seed)
{
    QByteArray err;
    const int rc = runCommand({QStringLiteral("demo"), QStringLiteral("--data"), dataDir(),
                                  QStringLiteral("--hcps"), QString::number(hcps), QStringLiteral("--visits"),
                                  QString::number(visits), QStringLiteral("--seed"), QString::number(seed)},
        {}, nullptr, &err);
    if (rc != 0)
        qWarning("demo failed: %s", err.constData());
    return rc == 0;
}

bool ServerProcess::copyDataFrom(const QString &otherDataDir)
{
    const QString name = QStringLiteral("rounds-server.db");
    QFile::remove(QDir(dataDir()).filePath(name));
    return QFile::copy(QDir(otherDataDir).filePath(name), QDir(dataDir()).filePath(name));
}

bool ServerProcess::start(const QStringList &extraArgs)
{
    m_process = std::make_unique<QProcess>();
    m_log.clear();
    m_process->start(binary(),
        QStringList {QStringLiteral("serve"), QStringLiteral("--data"), dataDir(), QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0")}
            + extraArgs);
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
    url.setPath(path);
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
    QNetworkReply *reply = nam.sendCustomRequest(req, method, body);
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
