#include "bench/benchserver.h"

#include <QCoreApplication>
#include <QJsonObject>

#include <csignal>
#include <sys/prctl.h>

namespace rounds::bench {

void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

BenchServer::~BenchServer()
{
    stop();
}

QString BenchServer::binary()
{
    return QCoreApplication::applicationDirPath() + QStringLiteral("/rounds-server");
}

QStringList BenchServer::storeArgs() const
{
    if (!m_databaseUrl.isEmpty())
        return {QStringLiteral("--database"), m_databaseUrl};
    return {QStringLiteral("--data"), m_dataDir};
}

bool BenchServer::create(
    const QString &dataDir, const QString &databaseUrl, int hcps, int visits, QString *error)
{
    m_dataDir = dataDir;
    m_databaseUrl = databaseUrl;
    QProcess demo;
    dieWithParent(demo);
    demo.start(binary(),
        QStringList {QStringLiteral("demo")} + storeArgs()
            + QStringList {QStringLiteral("--hcps"), QString::number(hcps), QStringLiteral("--visits"),
                QString::number(visits), QStringLiteral("--seed"), QStringLiteral("1")});
    if (!demo.waitForFinished(-1) || demo.exitStatus() != QProcess::NormalExit || demo.exitCode() != 0) {
        *error = QStringLiteral("rounds-server demo failed: %1")
                     .arg(QString::fromUtf8(demo.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool BenchServer::addUser(
    const QString &username, const QString &role, const QString &territory, QString *error)
{
    QProcess add;
    dieWithParent(add);
    QStringList args = QStringList {QStringLiteral("user"), QStringLiteral("add")} + storeArgs()
        + QStringList {QStringLiteral("--username"), username, QStringLiteral("--role"), role};
    if (!territory.isEmpty())
        args << QStringLiteral("--territory") << territory;
    add.start(binary(), args);
    add.write((kDemoPassword + QLatin1Char('\n')).toUtf8());
    add.closeWriteChannel();
    if (!add.waitForFinished(60000) || add.exitStatus() != QProcess::NormalExit || add.exitCode() != 0) {
        *error = QStringLiteral("rounds-server user add %1 failed: %2")
                     .arg(username, QString::fromUtf8(add.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

bool BenchServer::start(QString *error)
{
    m_serve = std::make_unique<QProcess>();
    m_serve->setStandardErrorFile(m_logFile.isEmpty() ? QProcess::nullDevice() : m_logFile);
    dieWithParent(*m_serve);
    m_serve->start(binary(),
        QStringList {QStringLiteral("serve")} + storeArgs()
            + QStringList {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    if (!m_serve->waitForReadyRead(60000)) {
        *error = QStringLiteral("rounds-server did not start");
        return false;
    }
    m_url = QUrl(QString::fromUtf8(m_serve->readLine()).trimmed().section(QLatin1Char(' '), -1));
    return m_url.isValid();
}

QString BenchServer::death() const
{
    if (!m_serve || m_serve->state() != QProcess::NotRunning)
        return {};
    if (m_serve->exitStatus() == QProcess::CrashExit)
        return QStringLiteral("crashed (%1)").arg(m_serve->errorString());
    return QStringLiteral("exit status %1").arg(m_serve->exitCode());
}

void BenchServer::stop()
{
    if (m_serve && m_serve->state() != QProcess::NotRunning) {
        m_serve->terminate();
        if (!m_serve->waitForFinished(30000))
            kill();
    }
}

void BenchServer::kill()
{
    if (m_serve && m_serve->state() != QProcess::NotRunning) {
        m_serve->kill();
        m_serve->waitForFinished(10000);
    }
}

std::unique_ptr<ApiClient> BenchServer::client(const QString &user, QString *error, QJsonObject *me) const
{
    auto api = std::make_unique<ApiClient>(m_url);
    const ApiResponse login = api->post(QStringLiteral("/api/v1/auth/login"),
        QJsonObject {{QStringLiteral("username"), user}, {QStringLiteral("password"), kDemoPassword},
            {QStringLiteral("device_name"), QStringLiteral("rounds-bench")}});
    if (!login.ok()) {
        *error = QStringLiteral("login %1 failed: %2").arg(user, login.error.message);
        return nullptr;
    }
    api->setToken(login.body.value(QStringLiteral("token")).toString());
    if (me)
        *me = login.body.value(QStringLiteral("user")).toObject();
    return api;
}

} // namespace rounds::bench
