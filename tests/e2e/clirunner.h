#pragma once

#include <QDebug>
#include <QJsonDocument>
#include <QProcess>
#include <QStringList>

namespace rounds::test {

// rounds-cli of this build, run to the end as a script would run it.
struct CliRun
{
    int code = -1; // -1: it did not start, or it crashed
    QByteArray out;
    QByteArray err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
};

inline QString cliBinary()
{
    return qEnvironmentVariable("ROUNDS_BINARY_DIR") + QStringLiteral("/bin/rounds-cli");
}

inline CliRun runCli(const QStringList &args, const QByteArray &in = {},
    const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(cliBinary(), args);
    CliRun r;
    if (!p.waitForStarted())
        return r;
    p.write(in);
    p.closeWriteChannel();
    p.waitForFinished(120000);
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    if (r.code != 0 && r.code != 3)
        qWarning().noquote() << "rounds-cli" << args.join(u' ') << "->" << r.code << r.err;
    return r;
}

} // namespace rounds::test
