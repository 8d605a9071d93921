// rounds-bench files: a library of materials on a real rounds-server on 127.0.0.1, downloaded by the
// client's download queue (sync/downloadqueue.h) against a plain `curl` of the same files from the same
// server in the same run, and a download stopped at half that resumes (bytes re-fetched).
#include "bench/benchserver.h"
#include "bench/benchutil.h"
#include "models/localfiles.h"
#include "models/store.h"
#include "sync/downloadqueue.h"
#include "sync/filetransfer.h"
#include "sync/syncsession.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QUuid>

namespace rounds::bench {

namespace {

struct Library
{
    QStringList hashes;
    qint64 bytes = 0;
};

// `count` files of random bytes totalling about `total` bytes, uploaded by `admin` with FileTransfer and
// published as approved materials of one product.
bool publishLibrary(BenchServer &server, ApiClient &admin, int count, qint64 total, const QString &dir,
    Library *lib, QString *error)
{
    QString product;
    QJsonObject cursors;
    for (int page = 0; page < 50 && product.isEmpty(); ++page) {
        const ApiResponse pulled = admin.post(QStringLiteral("/api/v1/sync/pull"),
            QJsonObject {{QStringLiteral("cursors"), cursors}, {QStringLiteral("limit"), 5000}});
        if (!pulled.ok()) {
            *error = pulled.error.message;
            return false;
        }
        for (const QJsonValue &c : pulled.body.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject o = c.toObject();
            if (o.value(QStringLiteral("entity")).toString() == QLatin1String("product")) {
                product = o.value(QStringLiteral("record")).toObject().value(QStringLiteral("id")).toString();
                break;
            }
        }
        cursors = pulled.body.value(QStringLiteral("cursors")).toObject();
        if (!pulled.body.value(QStringLiteral("more")).toBool())
            break;
    }
    Q_UNUSED(server);
    if (product.isEmpty()) {
        *error = QStringLiteral("no product in the demo data");
        return false;
    }
    FileTransfer up(admin);
    const qint64 each = total / count;
    QJsonArray mutations;
    for (int i = 0; i < count; ++i) {
        QByteArray data(each + (i % 7) * 1024, Qt::Uninitialized);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString path = dir + QStringLiteral("/upload.bin");
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
        f.close();
        const FileTransferResult r = up.upload(path);
        if (!r.ok) {
            *error = QStringLiteral("upload %1 failed: %2").arg(i).arg(r.error);
            return false;
        }
        const QString sha256 = FileTransfer::sha256OfFile(path);
        lib->hashes << sha256;
        lib->bytes += data.size();
        mutations.append(
            QJsonObject {{QStringLiteral("mutation_id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("entity"), QStringLiteral("material")},
                {QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {QStringLiteral("op"), QStringLiteral("upsert")}, {QStringLiteral("base_version"), 0},
                {QStringLiteral("set"),
                    QJsonObject {{QStringLiteral("title"), QStringLiteral("Material %1").arg(i + 1)},
                        {QStringLiteral("product_id"), product},
                        {QStringLiteral("status"), QStringLiteral("approved")},
                        {QStringLiteral("file"), QStringLiteral("sha256:%1:m%2.pdf").arg(sha256).arg(i + 1)},
                        {QStringLiteral("file_size"), data.size()}}}});
    }
    const ApiResponse pushed = admin.post(
        QStringLiteral("/api/v1/sync/push"), QJsonObject {{QStringLiteral("mutations"), mutations}});
    if (!pushed.ok()) {
        *error = QStringLiteral("push of the materials failed: %1").arg(pushed.error.message);
        return false;
    }
    return true;
}

// curl of every file, one process, one connection kept alive, bodies to /dev/null. Seconds, or -1.
double curlAll(const QUrl &server, const QString &token, const QStringList &hashes, QString *error)
{
    QStringList args {QStringLiteral("-sS"), QStringLiteral("--fail"), QStringLiteral("-H"),
        QStringLiteral("Authorization: Bearer %1").arg(token)};
    for (const QString &h : hashes)
        args << QStringLiteral("-o") << QStringLiteral("/dev/null")
             << server.resolved(QUrl(QStringLiteral("/api/v1/files/") + h)).toString();
    QProcess curl;
    QElapsedTimer t;
    t.start();
    curl.start(QStringLiteral("curl"), args);
    if (!curl.waitForFinished(3'600'000) || curl.exitCode() != 0) {
        *error = QStringLiteral("curl failed: %1").arg(QString::fromLocal8Bit(curl.readAllStandardError()));
        return -1;
    }
    return t.elapsed() / 1000.0;
}

void removeDownloads(const QString &dbPath)
{
    QDir(localfiles::downloadFolderFor(dbPath)).removeRecursively();
}

} // namespace

int filesMain(const QStringList &arguments)
{
    QLoggingCategory::setFilterRules(
        QStringLiteral("rounds.sql.info=false\nrounds.store.info=false\nrounds.sync.info=false"));
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("rounds-bench files: the download queue against curl"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("files"), QStringLiteral("the subcommand"));
    const QCommandLineOption countOpt(QStringLiteral("files"), QStringLiteral("Files in the library."),
        QStringLiteral("n"), QStringLiteral("200"));
    const QCommandLineOption mbOpt(QStringLiteral("mb"), QStringLiteral("Total size in MB."),
        QStringLiteral("n"), QStringLiteral("1000"));
    const QCommandLineOption jsonOpt(QStringLiteral("json"), QStringLiteral("End with one JSON object."));
    parser.addOptions({countOpt, mbOpt, jsonOpt});
    parser.process(arguments);
    const int count = std::max(2, parser.value(countOpt).toInt());
    const qint64 total = std::max<qint64>(1, parser.value(mbOpt).toLongLong()) * 1'000'000;

    QTemporaryDir dir;
    BenchServer server;
    QString error;
    if (!server.create(dir.filePath(QStringLiteral("server")), QString(), 50, 50, &error)
        || !server.start(&error)) {
        out(error);
        return 1;
    }
    std::unique_ptr<ApiClient> admin = server.client(QStringLiteral("admin"), &error);
    if (!admin) {
        out(error);
        return 1;
    }
    QElapsedTimer t;
    t.start();
    Library lib;
    if (!publishLibrary(server, *admin, count, total, dir.path(), &lib, &error)) {
        out(error);
        return 1;
    }
    out(QStringLiteral("== files: %1 materials, %2 MB, uploaded and published in %3 s ==")
            .arg(count)
            .arg(lib.bytes / 1e6, 0, 'f', 1)
            .arg(t.elapsed() / 1000.0, 0, 'f', 1));

    QJsonObject me;
    std::unique_ptr<ApiClient> rep = server.client(QStringLiteral("rep.sh01"), &error, &me);
    if (!rep) {
        out(error);
        return 1;
    }
    const QString dbPath = dir.filePath(QStringLiteral("client/rep.db"));
    QDir().mkpath(QFileInfo(dbPath).absolutePath());
    Store store;
    if (const StoreOpenResult opened = store.open(dbPath); !opened.ok) {
        out(opened.message);
        return 1;
    }
    const SyncSummary synced = SyncSession(store, *rep).run();
    if (!synced.ok) {
        out(synced.error.message);
        return 1;
    }

    // 1. The whole library: the client's queue, then curl, then the queue again (the order evens out
    // the page cache and the machine's other load).
    QList<double> client, curl;
    for (int round = 0; round < 2; ++round) {
        removeDownloads(dbPath);
        t.restart();
        const DownloadProgress p = DownloadRunner(store, *rep).run();
        const double seconds = t.elapsed() / 1000.0;
        if (p.filesDone != count || !p.error.isEmpty()) {
            out(QStringLiteral("download failed: %1 of %2 files: %3")
                    .arg(p.filesDone)
                    .arg(count)
                    .arg(p.error));
            return 1;
        }
        client << seconds;
        const double c = curlAll(server.url(), rep->token(), lib.hashes, &error);
        if (c < 0) {
            out(error);
            return 1;
        }
        curl << c;
        out(QStringLiteral("  round %1: client %2 s (%3 MB/s), curl %4 s (%5 MB/s)")
                .arg(round + 1)
                .arg(seconds, 0, 'f', 2)
                .arg(lib.bytes / 1e6 / seconds, 0, 'f', 0)
                .arg(c, 0, 'f', 2)
                .arg(lib.bytes / 1e6 / c, 0, 'f', 0));
    }
    const double bestClient = *std::min_element(client.begin(), client.end());
    const double bestCurl = *std::min_element(curl.begin(), curl.end());
    const double ratio = bestCurl / bestClient;
    out(QStringLiteral("  best: client %1 s, curl %2 s: the client runs at %3 % of curl (target >= 80 %)")
            .arg(bestClient, 0, 'f', 2)
            .arg(bestCurl, 0, 'f', 2)
            .arg(ratio * 100, 0, 'f', 0));

    // 2. Stopped at half (the queue cancelled, as at sign-out or quit), then resumed.
    removeDownloads(dbPath);
    auto cancel = std::make_shared<std::atomic_bool>(false);
    rep->setCancelFlag(cancel);
    qint64 atStop = 0;
    {
        DownloadRunner runner(store, *rep);
        QObject::connect(&runner, &DownloadRunner::progress, [&](const DownloadProgress &p) {
            if (p.bytesDone + p.currentBytes >= lib.bytes / 2 && !*cancel) {
                atStop = p.bytesDone + p.currentBytes;
                *cancel = true;
            }
        });
        runner.run();
    }
    qint64 onDisk = 0;
    for (const QFileInfo &f : QDir(localfiles::downloadFolderFor(dbPath)).entryInfoList(QDir::Files))
        onDisk += f.size();
    *cancel = false;
    t.restart();
    const DownloadProgress resumed = DownloadRunner(store, *rep).run();
    const double resumeSeconds = t.elapsed() / 1000.0;
    const qint64 refetched = resumed.bytesDone - resumed.bytesResumed - (lib.bytes - onDisk);
    out(QStringLiteral(
        "  stopped at %1 MB (%2 MB on disk); the resumed run fetched %3 MB in %4 s and re-fetched "
        "%5 bytes already on disk; %6 files complete")
            .arg(atStop / 1e6, 0, 'f', 1)
            .arg(onDisk / 1e6, 0, 'f', 1)
            .arg((resumed.bytesDone - resumed.bytesResumed) / 1e6, 0, 'f', 1)
            .arg(resumeSeconds, 0, 'f', 1)
            .arg(refetched)
            .arg(resumed.filesDone));
    if (parser.isSet(jsonOpt))
        out(QString::fromUtf8(QJsonDocument(
            QJsonObject {{QStringLiteral("files"), count}, {QStringLiteral("bytes"), lib.bytes},
                {QStringLiteral("client_seconds"), bestClient}, {QStringLiteral("curl_seconds"), bestCurl},
                {QStringLiteral("ratio"), ratio}, {QStringLiteral("stopped_at_bytes"), atStop},
                {QStringLiteral("on_disk_at_stop"), onDisk}, {QStringLiteral("refetched_bytes"), refetched}})
                                  .toJson(QJsonDocument::Compact)));
    return ratio >= 0.8 && refetched == 0 ? 0 : 2;
}

} // namespace rounds::bench
