#pragma once

// A real rounds-server process for the benchmarks: the demo organisation (generated HCPs and visits) in
// a data folder (SQLite) or a PostgreSQL database, extra users added with `rounds-server user add`,
// `serve` on 127.0.0.1 port 0, and signed-in ApiClients.

#include "sync/apiclient.h"

#include <QProcess>
#include <QString>
#include <QUrl>

#include <memory>

namespace rounds::bench {

inline const QString kDemoPassword = QStringLiteral("demo-pass-1");

// The child gets SIGTERM when rounds-bench dies, however it dies, so a stopped benchmark leaves no
// server behind (holding ports, files, or a lock file descriptor it inherited).
void dieWithParent(QProcess &process);

class BenchServer
{
public:
    ~BenchServer();

    // `rounds-server demo` into `dataDir` (or into `databaseUrl`, postgresql://…, when not empty).
    bool create(const QString &dataDir, const QString &databaseUrl, int hcps, int visits, QString *error);
    // `rounds-server user add` with the demo password.
    bool addUser(const QString &username, const QString &role, const QString &territory, QString *error);
    bool start(QString *error);
    void stop(); // SIGTERM and wait
    void kill(); // SIGKILL

    // Empty while the server runs; otherwise how it ended ("exit status N" or "crashed (signal)").
    QString death() const;
    // Where `serve` writes its log (stderr), or empty for none (the default).
    void setLogFile(const QString &path) { m_logFile = path; }

    QUrl url() const { return m_url; }
    // The serving process's id while it runs, else 0 (to read its CPU time from /proc).
    qint64 pid() const { return m_serve ? m_serve->processId() : 0; }
    QString dataDir() const { return m_dataDir; }
    // A signed-in client for `user` (demo password), or null with `error`.
    std::unique_ptr<ApiClient> client(const QString &user, QString *error, QJsonObject *me = nullptr) const;

    static QString binary();

private:
    QStringList storeArgs() const;

    QString m_dataDir;
    QString m_databaseUrl;
    QString m_logFile;
    std::unique_ptr<QProcess> m_serve;
    QUrl m_url;
};

} // namespace rounds::bench
