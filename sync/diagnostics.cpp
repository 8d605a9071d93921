#include "sync/diagnostics.h"

#include "models/store.h"
#include "sync/syncledger.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QMutex>
#include <QSaveFile>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTimeZone>

#include <sqlite3.h>

#include <cstdio>

namespace rounds::diagnostics {

namespace {

constexpr qint64 kRotateBytes = 2 * 1024 * 1024;
constexpr qint64 kTailBytes = 512 * 1024;

QMutex logMutex;
QFile *logFile = nullptr;
QtMessageHandler previousHandler = nullptr;

void openLogFile()
{
    const QString dir = logDirectory();
    QDir().mkpath(dir);
    const QString path = dir + QStringLiteral("/rounds.log");
    if (QFileInfo(path).size() > kRotateBytes) {
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
    }
    auto *file = new QFile(path);
    if (!file->open(QIODevice::Append | QIODevice::Text)) {
        delete file;
        return;
    }
    logFile = file;
}

void fileLogHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (previousHandler)
        previousHandler(type, context, message);
    else
        std::fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, message)));
    QMutexLocker lock(&logMutex);
    if (!logFile)
        return;
    static const char *const kinds[] = {"debug", "warning", "critical", "fatal", "info"};
    const int kind = int(type) >= 0 && int(type) <= 4 ? int(type) : 0;
    const QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toUtf8() + ' '
        + kinds[kind] + ' ' + (context.category ? context.category : "default") + ": " + message.toUtf8()
        + '\n';
    logFile->write(line);
    logFile->flush();
    if (logFile->size() > kRotateBytes) {
        const QString path = logFile->fileName();
        logFile->close();
        delete logFile;
        logFile = nullptr;
        QFile::remove(path + QStringLiteral(".1"));
        QFile::rename(path, path + QStringLiteral(".1"));
        openLogFile();
    }
}

QString tail(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    if (file.size() > kTailBytes)
        file.seek(file.size() - kTailBytes);
    QByteArray bytes = file.readAll();
    if (file.size() > kTailBytes) {
        const qsizetype firstLine = bytes.indexOf('\n');
        if (firstLine >= 0)
            bytes.remove(0, firstLine + 1);
    }
    return QString::fromUtf8(bytes);
}

} // namespace

QJsonObject versions()
{
    return {
        {QStringLiteral("rounds"), QCoreApplication::applicationVersion()},
        {QStringLiteral("qt_runtime"), QString::fromLatin1(qVersion())},
        {QStringLiteral("qt_build"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("sqlite"), QString::fromLatin1(sqlite3_libversion())},
        {QStringLiteral("protocol"), ProtocolVersion},
        {QStringLiteral("os"), QSysInfo::prettyProductName()},
        {QStringLiteral("kernel"),
            QString(QSysInfo::kernelType() + QLatin1Char(' ') + QSysInfo::kernelVersion())},
        {QStringLiteral("cpu"), QSysInfo::currentCpuArchitecture()},
    };
}

QJsonObject syncStatus(Store &store)
{
    SyncLedger ledger(store);
    QJsonArray rejected;
    int pending = 0;
    for (const OutboxMutation &m : store.outbox()) {
        if (m.state == QLatin1String("rejected"))
            rejected.append(QJsonObject {{QStringLiteral("mutation_id"), m.mutationId},
                {QStringLiteral("entity"), m.entity}, {QStringLiteral("id"), m.recordId},
                {QStringLiteral("code"), m.errorCode}, {QStringLiteral("message"), m.errorMessage},
                {QStringLiteral("field"), m.errorField}});
        else
            ++pending;
    }
    QJsonObject cursors;
    const auto c = store.cursors();
    for (auto it = c.begin(); it != c.end(); ++it)
        cursors.insert(it.key(), it.value());
    return {{QStringLiteral("server"), store.meta(QStringLiteral("server"))},
        {QStringLiteral("user"), store.meta(QStringLiteral("user"))}, {QStringLiteral("pending"), pending},
        {QStringLiteral("open_conflicts"), ledger.openConflictCount()},
        {QStringLiteral("rejected"), rejected}, {QStringLiteral("cursors"), cursors},
        {QStringLiteral("epoch"), store.meta(QStringLiteral("epoch"))},
        {QStringLiteral("last_sync"), store.meta(QStringLiteral("last_sync"))}};
}

QString logDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/logs");
}

void installFileLog()
{
    QMutexLocker lock(&logMutex);
    if (logFile)
        return;
    openLogFile();
    previousHandler = qInstallMessageHandler(fileLogHandler);
}

bool exportBundle(Store *store, const QString &path, QString *error)
{
    QJsonObject system {{QStringLiteral("locale"), QLocale().name()},
        {QStringLiteral("time_zone"), QString::fromUtf8(QTimeZone::systemTimeZoneId())},
        {QStringLiteral("qt_platform"), qEnvironmentVariable("QT_QPA_PLATFORM")}};
    QJsonObject logs;
    {
        QMutexLocker lock(&logMutex);
        if (logFile)
            logFile->flush();
    }
    const QDir dir(logDirectory());
    for (const QString &name : {QStringLiteral("rounds.log.1"), QStringLiteral("rounds.log")}) {
        if (dir.exists(name))
            logs.insert(name, tail(dir.filePath(name)));
    }
    QJsonObject bundle {
        {QStringLiteral("generated_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("versions"), versions()}, {QStringLiteral("system"), system},
        {QStringLiteral("logs"), logs}};
    if (store && store->isOpen())
        bundle.insert(QStringLiteral("status"), syncStatus(*store));

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(QJsonDocument(bundle).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace rounds::diagnostics
