#include "app/clifiles.h"

#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/downloadplan.h"
#include "sync/downloadqueue.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTextStream>

namespace rounds::clifiles {

namespace {

const char *reasonName(PlannedDownload::Reason reason)
{
    switch (reason) {
    case PlannedDownload::Reason::Requested:
        return "requested";
    case PlannedDownload::Reason::Pinned:
        return "pinned";
    case PlannedDownload::Reason::PresentableThumbnail:
        return "presentable_thumbnail";
    case PlannedDownload::Reason::Presentable:
        return "presentable";
    case PlannedDownload::Reason::Approved:
        break;
    }
    return "approved";
}

} // namespace

bool list(Store &store, bool json, QTextStream &out, QString *error)
{
    const QList<FileStateRow> rows = store.fileStates();
    QList<PlannedDownload> queue;
    if (!downloadplan::pending(&store, {}, &queue, error))
        return false;
    QHash<QString, int> position;
    for (int i = 0; i < queue.size(); ++i)
        position.insert(queue.at(i).sha256, i + 1);
    if (json) {
        QJsonArray list;
        QSet<QString> listed;
        for (const FileStateRow &f : rows) {
            QJsonObject o {{QStringLiteral("sha256"), f.sha256}, {QStringLiteral("size"), f.size},
                {QStringLiteral("state"), f.state}, {QStringLiteral("bytes"), f.bytes},
                {QStringLiteral("pinned"), f.pinned},
                {QStringLiteral("last_error"),
                    f.lastError.isEmpty() ? QJsonValue() : QJsonValue(f.lastError)},
                {QStringLiteral("updated_at"), f.updatedAt}};
            if (position.contains(f.sha256)) {
                o.insert(QStringLiteral("queued"), position.value(f.sha256));
                o.insert(QStringLiteral("reason"),
                    QLatin1String(reasonName(queue.at(position.value(f.sha256) - 1).reason)));
            }
            listed.insert(f.sha256);
            list.append(o);
        }
        for (int i = 0; i < queue.size(); ++i) {
            const PlannedDownload &d = queue.at(i);
            if (listed.contains(d.sha256))
                continue;
            list.append(QJsonObject {{QStringLiteral("sha256"), d.sha256}, {QStringLiteral("size"), d.size},
                {QStringLiteral("state"), QStringLiteral("missing")}, {QStringLiteral("bytes"), 0},
                {QStringLiteral("pinned"), false}, {QStringLiteral("last_error"), QJsonValue()},
                {QStringLiteral("updated_at"), QJsonValue()}, {QStringLiteral("queued"), i + 1},
                {QStringLiteral("reason"), QLatin1String(reasonName(d.reason))}});
        }
        out << QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Compact)) << Qt::endl;
        return true;
    }
    for (const FileStateRow &f : rows) {
        out << f.sha256 << "  " << f.state << "  " << f.bytes << "/" << f.size;
        if (f.pinned)
            out << "  " << QCoreApplication::translate("Cli", "pinned");
        if (!f.lastError.isEmpty())
            out << "  " << f.lastError;
        out << Qt::endl;
    }
    if (!queue.isEmpty())
        out << QCoreApplication::translate(
            "Cli", "%n file(s) queued for download:", nullptr, int(queue.size()))
            << Qt::endl;
    for (int i = 0; i < queue.size(); ++i)
        out << "  " << (i + 1) << ". " << queue.at(i).sha256 << "  " << reasonName(queue.at(i).reason) << "  "
            << queue.at(i).size << Qt::endl;
    return true;
}

bool download(Store &store, ApiClient &api, bool json, QTextStream &out, QString *error)
{
    DownloadRunner runner(store, api);
    QTextStream err(stderr);
    QString last;
    QObject::connect(&runner, &DownloadRunner::progress, [&](const DownloadProgress &p) {
        if (p.current.isEmpty())
            return;
        const QString line = QStringLiteral("%1 of %2 files, %3 of %4 MB: %5 %6%")
                                 .arg(p.filesDone + 1)
                                 .arg(p.filesTotal)
                                 .arg((p.bytesDone + p.currentBytes) / 1'000'000)
                                 .arg(p.bytesTotal / 1'000'000)
                                 .arg(p.current.left(12))
                                 .arg(p.currentTotal > 0 ? p.currentBytes * 100 / p.currentTotal : 0);
        if (line != last)
            err << line << Qt::endl;
        last = line;
    });
    QStringList failed;
    QObject::connect(&runner, &DownloadRunner::fileFailed, [&](const QString &sha256, const QString &why) {
        failed << sha256;
        err << sha256 << ": " << why << Qt::endl;
    });
    const DownloadProgress p = runner.run();
    if (json)
        out << QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("downloaded"), p.filesDone}, {QStringLiteral("bytes"), p.bytesDone},
                {QStringLiteral("failed"), QJsonArray::fromStringList(failed)},
                {QStringLiteral("offline"),
                    p.offline}}).toJson(QJsonDocument::Compact))
            << Qt::endl;
    else
        out << "downloaded " << p.filesDone << " file(s), " << p.bytesDone << " bytes" << Qt::endl;
    if (!failed.isEmpty() || p.offline) {
        *error = p.error.isEmpty() ? QStringLiteral("%1 file(s) failed").arg(failed.size()) : p.error;
        return false;
    }
    return true;
}

} // namespace rounds::clifiles
