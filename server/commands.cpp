#include "server/commands.h"

#include "server/authservice.h"
#include "server/commandline.h"
#include "server/demo.h"
#include "server/fileservice.h"
#include "server/hcpcommands.h"
#include "server/httpapi.h"
#include "server/importer.h"
#include "server/materialcommands.h"
#include "server/pgconnection.h"
#include "server/pgstorage.h"
#include "server/privacyrules.h"
#include "server/sqlitestorage.h"
#include "server/storagefactory.h"
#include "server/syncservice.h"
#include "server/useradmin.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>
#include <QtConcurrent>

#include <csignal>
#include <functional>
#include <sys/socket.h>
#include <unistd.h>

namespace rounds::server {

// The helpers every command shares (server/commandline.h).
namespace cli {

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

int fail(const QString &message)
{
    err() << "rounds-server: " << message << Qt::endl;
    return ExitFailure;
}

int usage(const QString &message, const QString &command)
{
    err() << "rounds-server: " << message << " (see rounds-server " << command << " --help)" << Qt::endl;
    return ExitUsage;
}

const QCommandLineOption kData(
    QStringLiteral("data"), QStringLiteral("The server's data folder (SQLite)."), QStringLiteral("DIR"));
const QCommandLineOption kDatabase(QStringLiteral("database"),
    QStringLiteral("A PostgreSQL database instead of a data folder: postgresql://USER@HOST:PORT/DB."),
    QStringLiteral("URL"));

// Parses a sub-command's options. Returns -1 to go on, or the exit status (help shown, bad usage).
// With `needsData` the command works on one store: --data DIR or --database URL, exactly one.
int parse(QCommandLineParser &parser, const QString &command, const QString &description,
    const QStringList &args, bool needsData)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (needsData)
        parser.addOptions({kData, kDatabase});
    if (!parser.parse(QStringList {QStringLiteral("rounds-server ") + command} + args))
        return usage(parser.errorText(), command);
    if (parser.isSet(QStringLiteral("help"))) {
        // Qt names the binary as started; name the command instead.
        QString help = parser.helpText();
        const qsizetype options = help.indexOf(QLatin1String(" [options]"));
        if (help.startsWith(QLatin1String("Usage: ")) && options > 0)
            help.replace(0, options, QStringLiteral("Usage: rounds-server ") + command);
        out() << help;
        out().flush();
        return ExitOk;
    }
    if (needsData && parser.value(kData).isEmpty() && parser.value(kDatabase).isEmpty())
        return usage(QStringLiteral("--data DIR (or --database URL) is required"), command);
    if (needsData && parser.isSet(kData) && parser.isSet(kDatabase))
        return usage(QStringLiteral("--data and --database exclude each other"), command);
    if (needsData && parser.isSet(kDatabase) && !isDatabaseUrl(parser.value(kDatabase)))
        return usage(QStringLiteral("--database wants a postgresql://USER@HOST:PORT/DB URL"), command);
    return -1;
}

int parseWithFile(QCommandLineParser &parser, const char *option, const QString &fileHelp,
    const QString &command, const QString &description, const QStringList &args, QString *file)
{
    const QCommandLineOption fileOption(QString::fromLatin1(option), fileHelp, QStringLiteral("FILE"));
    parser.addOption(fileOption);
    if (const int rc = parse(parser, command, description, args); rc >= 0)
        return rc;
    *file = parser.value(fileOption);
    if (file->isEmpty())
        return usage(QStringLiteral("--%1 FILE is required").arg(QLatin1String(option)), command);
    return -1;
}

// The store a command named: the data folder's SQLite file or the PostgreSQL database.
std::unique_ptr<Storage> openStore(const QCommandLineParser &parser, bool create, QString *error)
{
    return openStorage(storeLocation(parser), create, error);
}

// Runs one operation on the store the command named; `run` says on stderr what it did. The exit status
// fails, with the reason, when the store cannot be opened or the operation fails.
int onStore(const QCommandLineParser &parser, bool create,
    const std::function<bool(Storage &storage, QString *error)> &run)
{
    QString error;
    std::unique_ptr<Storage> storage = openStore(parser, create, &error);
    if (!storage || !run(*storage, &error))
        return fail(error);
    return ExitOk;
}

QString storeLocation(const QCommandLineParser &parser)
{
    return parser.isSet(kDatabase) ? parser.value(kDatabase) : parser.value(kData);
}

// What the messages call the store.
QString storeName(const QCommandLineParser &parser)
{
    return parser.isSet(kDatabase) ? pg::redactUrl(parser.value(kDatabase)) : parser.value(kData);
}

bool parseInt(const QString &text, qint64 min, qint64 max, qint64 *value)
{
    bool ok = false;
    *value = text.toLongLong(&ok);
    return ok && *value >= min && *value <= max;
}

} // namespace cli

namespace {

using namespace cli;

// SIGINT/SIGTERM → quit the event loop, via a socket pair (the only safe thing in a signal handler).
int g_signalFd[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(g_signalFd[0], &c, 1);
}

int serve(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption listen(QStringLiteral("listen"),
        QStringLiteral("Address and port (default 127.0.0.1:8421; port 0 picks a free one)."),
        QStringLiteral("HOST:PORT"), QStringLiteral("127.0.0.1:8421"));
    const QCommandLineOption cert(QStringLiteral("tls-cert"),
        QStringLiteral("PEM certificate (chain) for HTTPS (TLS 1.2 or 1.3, ECDHE with AES-GCM or "
                       "ChaCha20-Poly1305 only)."),
        QStringLiteral("FILE"));
    const QCommandLineOption key(
        QStringLiteral("tls-key"), QStringLiteral("PEM private key for HTTPS."), QStringLiteral("FILE"));
    const QCommandLineOption ttl(QStringLiteral("token-ttl"),
        QStringLiteral("Token lifetime in seconds (default 30 days)."), QStringLiteral("SECONDS"),
        QString::number(30 * 24 * 3600));
    const QCommandLineOption maxBody(QStringLiteral("max-body"),
        QStringLiteral("Largest request body in bytes (default 8 MiB)."), QStringLiteral("BYTES"),
        QString::number(8 * 1024 * 1024));
    const QCommandLineOption readTimeout(QStringLiteral("read-timeout"),
        QStringLiteral("Seconds a request's headers may take, and its body may stall; a whole request may "
                       "take 5 times it, an idle connection stays open 4 times it (default 30)."),
        QStringLiteral("SECONDS"), QStringLiteral("30"));
    p.addOptions({listen, cert, key, ttl, maxBody, readTimeout});
    if (const int rc
        = parse(p, QStringLiteral("serve"), QStringLiteral("Serves the sync protocol over HTTP(S)."), args);
        rc >= 0)
        return rc;
    const QString where = p.value(listen);
    const qsizetype colon = where.lastIndexOf(QLatin1Char(':'));
    QString host = where.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool portOk = false;
    const uint port = where.mid(colon + 1).toUInt(&portOk);
    const QHostAddress address
        = host == QLatin1String("localhost") ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
    if (colon <= 0 || !portOk || port > 65535 || address.isNull())
        return usage(QStringLiteral("--listen wants HOST:PORT, e.g. 127.0.0.1:8421, not '%1'").arg(where),
            QStringLiteral("serve"));
    if (p.isSet(cert) != p.isSet(key))
        return usage(QStringLiteral("--tls-cert and --tls-key go together"), QStringLiteral("serve"));
    qint64 ttlSeconds = 0;
    qint64 bodyBytes = 0;
    if (!parseInt(p.value(ttl), 1, 10LL * 365 * 24 * 3600, &ttlSeconds))
        return usage(QStringLiteral("--token-ttl wants a number of seconds"), QStringLiteral("serve"));
    if (!parseInt(p.value(maxBody), 1024, 1LL << 32, &bodyBytes))
        return usage(
            QStringLiteral("--max-body wants a number of bytes (at least 1024)"), QStringLiteral("serve"));
    qint64 readSeconds = 0;
    if (!parseInt(p.value(readTimeout), 1, 3600, &readSeconds))
        return usage(
            QStringLiteral("--read-timeout wants a number of seconds (1 to 3600)"), QStringLiteral("serve"));

    QString error;
    std::unique_ptr<Storage> storage = openStore(p, false, &error);
    if (!storage)
        return fail(error);
    AuthService::Options authOptions;
    authOptions.tokenTtlSeconds = ttlSeconds;
    AuthService auth(*storage, authOptions);
    SyncService sync(*storage);
    std::unique_ptr<FileStore> fileStore = openFileStore(storeLocation(p), &error);
    if (!fileStore)
        return fail(error);
    FileService files(*storage, *fileStore);
    sync.setFileStore(fileStore.get());
    if (!files.refreshLimit(&error))
        return fail(error);
    HttpApi::Options httpOptions;
    httpOptions.maxBodyBytes = bodyBytes;
    httpOptions.readTimeoutMs = int(readSeconds * 1000);
    HttpApi api(auth, sync, &files, httpOptions);
    if (p.isSet(cert) && !api.setupTls(p.value(cert), p.value(key), &error))
        return fail(error);
    const quint16 bound = api.listen(address, quint16(port), &error);
    if (bound == 0)
        return fail(error);

    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFd) != 0)
        return fail(QStringLiteral("cannot set up signal handling"));
    QSocketNotifier notifier(g_signalFd[1], QSocketNotifier::Read);
    QObject::connect(&notifier, &QSocketNotifier::activated, qApp, [] {
        char c;
        [[maybe_unused]] const auto n = ::read(g_signalFd[1], &c, 1);
        QCoreApplication::quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);

    if (!sync.buildSalesTotals(&error))
        return fail(error);
    // Alignments start and end by the calendar: check at start and every ten minutes after.
    if (!sync.applyAlignmentDates(&error))
        return fail(error);
    QTimer dates;
    QObject::connect(&dates, &QTimer::timeout, qApp, [&sync] {
        (void)QtConcurrent::run([&sync] {
            QString e;
            sync.applyAlignmentDates(&e);
        });
    });
    dates.start(10 * 60 * 1000);
    // The connection gate refuses a file over files.max_bytes from its headers: keep its value fresh.
    QTimer fileLimit;
    QObject::connect(&fileLimit, &QTimer::timeout, qApp, [&files] {
        (void)QtConcurrent::run([&files] {
            QString e;
            files.refreshLimit(&e);
        });
    });
    fileLimit.start(10 * 1000);
    // Retention (docs/server.md): once a day, at start and when the date has changed.
    privacyrules::PruneReport pruned;
    bool prunedNow = false;
    if (!privacyrules::pruneDaily(*storage, &pruned, &prunedNow, &error))
        return fail(error);
    QObject::connect(&dates, &QTimer::timeout, qApp, [&storage] {
        (void)QtConcurrent::run([&storage] {
            privacyrules::PruneReport report;
            bool ran = false;
            QString e;
            privacyrules::pruneDaily(*storage, &report, &ran, &e);
        });
    });

    const QString shownHost = address.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + host + QLatin1Char(']')
        : host;
    out() << "rounds-server listening on " << (p.isSet(cert) ? "https" : "http") << "://" << shownHost << ":"
          << bound << Qt::endl;
    const int rc = QCoreApplication::exec();
    dates.stop();
    fileLimit.stop();
    // No new work from here on, so every request that runs is also answered.
    api.stopAccepting();
    api.waitForIdle();
    QThreadPool::globalInstance()->waitForDone();
    // Let the responses of the last requests leave before the sockets close.
    QCoreApplication::processEvents(QEventLoop::AllEvents, 200);
    err() << "rounds-server: stopped" << Qt::endl;
    return rc == 0 ? ExitOk : ExitFailure;
}

int demo(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption hcps(QStringLiteral("hcps"), QStringLiteral("Number of HCPs (default 2000)."),
        QStringLiteral("N"), QStringLiteral("2000"));
    const QCommandLineOption visits(QStringLiteral("visits"),
        QStringLiteral("Number of visits (default 20000)."), QStringLiteral("N"), QStringLiteral("20000"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed (default 1)."),
        QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption withoutConsent(QStringLiteral("without-consent"),
        QStringLiteral("The company before it rolled consent out: no consent records, consent.required unset "
                       "(docs/privacy.md)."));
    const QCommandLineOption withoutMaterials(QStringLiteral("without-materials"),
        QStringLiteral("No demo materials (their PDFs, thumbnails and records; docs/content.md)."));
    p.addOptions({hcps, visits, seed, withoutConsent, withoutMaterials});
    if (const int rc = parse(p, QStringLiteral("demo"),
            QStringLiteral("Creates the demo organisation in a new data folder."), args);
        rc >= 0)
        return rc;
    DemoOptions o;
    qint64 n = 0;
    if (!parseInt(p.value(hcps), 0, 100'000'000, &n))
        return usage(QStringLiteral("--hcps wants a number"), QStringLiteral("demo"));
    o.hcps = int(n);
    if (!parseInt(p.value(visits), 0, 1'000'000'000, &n))
        return usage(QStringLiteral("--visits wants a number"), QStringLiteral("demo"));
    o.visits = int(n);
    if (!parseInt(p.value(seed), 0, std::numeric_limits<qint64>::max(), &n))
        return usage(QStringLiteral("--seed wants a number"), QStringLiteral("demo"));
    o.seed = quint64(n);
    o.withoutConsent = p.isSet(withoutConsent);
    QElapsedTimer timer;
    timer.start();
    return onStore(p, true, [&](Storage &storage, QString *error) {
        DemoSummary summary;
        const std::unique_ptr<FileStore> files = openFileStore(storeLocation(p), error);
        if (!files)
            return false;
        o.files = p.isSet(withoutMaterials) ? nullptr : files.get();
        if (!createDemo(storage, o, &summary, error))
            return false;
        err() << "rounds-server: demo organisation created in " << storeName(p) << ": " << summary.records
              << " records (" << summary.hcps << " HCPs, " << summary.visits << " visits, "
              << summary.materials << " materials, " << summary.contentViews << " page views) in "
              << timer.elapsed() << " ms" << Qt::endl;
        return true;
    });
}

// The options `user add` and `user set-role` share: who, which role, which home territory.
struct UserOptions
{
    QCommandLineOption username {
        QStringLiteral("username"), QStringLiteral("Login name."), QStringLiteral("U")};
    QCommandLineOption role {
        QStringLiteral("role"), QStringLiteral("rep, manager, sfe or admin."), QStringLiteral("ROLE")};
    QCommandLineOption territory {QStringLiteral("territory"),
        QStringLiteral("Home territory code (reps: their territory; managers: their district)."),
        QStringLiteral("CODE")};
};

int setRoleCommand(const QStringList &args)
{
    QCommandLineParser p;
    const UserOptions o;
    const QCommandLineOption &username = o.username, &role = o.role, &territory = o.territory;
    p.addOptions({username, role, territory});
    if (const int rc = parse(p, QStringLiteral("user set-role"),
            QStringLiteral("Changes a user's role; at their next sync their laptops drop what the new role "
                           "may not hold (a rep: per-institution sales) and get what it may."),
            args);
        rc >= 0)
        return rc;
    if (p.value(username).isEmpty() || p.value(role).isEmpty())
        return usage(QStringLiteral("--username and --role are required"), QStringLiteral("user set-role"));
    return onStore(p, false, [&](Storage &storage, QString *error) {
        if (!setUserRole(storage, p.value(username), p.value(role), p.value(territory), error))
            return false;
        err() << "rounds-server: user " << p.value(username) << " is now " << p.value(role) << Qt::endl;
        return true;
    });
}

int userCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add")) {
        QCommandLineParser p;
        const UserOptions o;
        const QCommandLineOption &username = o.username, &role = o.role, &territory = o.territory;
        const QCommandLineOption display(
            QStringLiteral("display-name"), QStringLiteral("Name shown to others."), QStringLiteral("NAME"));
        p.addOptions({username, role, territory, display});
        if (const int rc = parse(p, QStringLiteral("user add"),
                QStringLiteral("Adds a user; reads the password from the first line of stdin."), rest);
            rc >= 0)
            return rc;
        if (p.value(username).isEmpty() || p.value(role).isEmpty())
            return usage(QStringLiteral("--username and --role are required"), QStringLiteral("user add"));
        QTextStream in(stdin);
        const QString password = in.readLine();
        return onStore(p, true, [&](Storage &storage, QString *error) {
            if (!addUser(storage,
                    UserSpec {
                        p.value(username), p.value(display), p.value(role), p.value(territory), password, {}},
                    error))
                return false;
            err() << "rounds-server: user " << p.value(username) << " added" << Qt::endl;
            return true;
        });
    }
    if (sub == QLatin1String("set-role"))
        return setRoleCommand(rest);
    if (sub == QLatin1String("disable")) {
        QCommandLineParser p;
        const QCommandLineOption username(
            QStringLiteral("username"), QStringLiteral("Login name."), QStringLiteral("U"));
        p.addOption(username);
        if (const int rc = parse(p, QStringLiteral("user disable"),
                QStringLiteral("Disables a user and revokes every token at once; every device of the user is "
                               "revoked too and wipes its local data at its next contact."),
                rest);
            rc >= 0)
            return rc;
        if (p.value(username).isEmpty())
            return usage(QStringLiteral("--username is required"), QStringLiteral("user disable"));
        return onStore(p, false, [&](Storage &storage, QString *error) {
            if (!disableUser(storage, p.value(username), error))
                return false;
            err() << "rounds-server: user " << p.value(username)
                  << " disabled; their tokens and devices are revoked" << Qt::endl;
            return true;
        });
    }
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << "usage: rounds-server user add|set-role|disable --data DIR --username U ...\n";
        return ExitOk;
    }
    return usage(QStringLiteral("user wants add, set-role or disable"), QStringLiteral("user"));
}

int importCommand(const QStringList &args)
{
    const QString kind = args.value(0);
    if (kind == QLatin1String("--help") || kind == QLatin1String("-h")) {
        out() << "usage: rounds-server import hcps|alignments|sales --data DIR FILE.csv "
                 "[--encoding auto|utf-8|gbk] [--dry-run]\n";
        return ExitOk;
    }
    if (kind != QLatin1String("hcps") && kind != QLatin1String("alignments")
        && kind != QLatin1String("sales"))
        return usage(QStringLiteral("import wants hcps, alignments or sales"), QStringLiteral("import"));
    QCommandLineParser p;
    const QCommandLineOption encoding(QStringLiteral("encoding"),
        QStringLiteral("auto (default), utf-8 or gbk."), QStringLiteral("ENC"), QStringLiteral("auto"));
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Check every row and report; change nothing."));
    p.addOptions({encoding, dryRun});
    p.addPositionalArgument(QStringLiteral("FILE.csv"), QStringLiteral("The CSV file."));
    const QString command = QStringLiteral("import ") + kind;
    if (const int rc = parse(p, command,
            kind == QLatin1String("sales")
                ? QStringLiteral("Imports a CSV file; all rows or none.")
                : QStringLiteral("Imports a CSV file; all rows or none. Every problem of every row is "
                                 "reported, each naming its column (docs/sfe.md)."),
            args.mid(1));
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("one CSV file, please"), command);
    const QString enc = p.value(encoding).toLower();
    if (enc != QLatin1String("auto") && enc != QLatin1String("utf-8") && enc != QLatin1String("gbk"))
        return usage(QStringLiteral("--encoding is auto, utf-8 or gbk"), command);
    QString error;
    std::unique_ptr<Storage> storage = openStore(p, false, &error);
    if (!storage)
        return fail(error);
    ImportOptions o;
    o.kind = kind == QLatin1String("hcps")    ? ImportKind::Hcps
        : kind == QLatin1String("alignments") ? ImportKind::Alignments
                                              : ImportKind::Sales;
    o.encoding = enc;
    o.dryRun = p.isSet(dryRun);
    const ImportReport report = importCsv(*storage, p.positionalArguments().first(), o);
    for (const QString &w : report.warnings)
        err() << "rounds-server: warning: " << w << Qt::endl;
    for (const QString &e : report.errors)
        err() << "rounds-server: " << e << Qt::endl;
    if (!report.ok) {
        err() << "rounds-server: import failed: "
              << (report.fatal.isEmpty()
                         ? QStringLiteral("%1 invalid rows; nothing was imported").arg(report.errors.size())
                         : report.fatal)
              << Qt::endl;
        return ExitFailure;
    }
    err() << "rounds-server: " << (o.dryRun ? "dry run: " : "") << report.rows << " rows "
          << (o.dryRun ? "would be imported" : "imported") << Qt::endl;
    return ExitOk;
}

int exportCommand(const QStringList &args)
{
    QCommandLineParser p;
    QString file;
    const QCommandLineOption noPersonal(QStringLiteral("no-personal"),
        QStringLiteral("Leave out HCP names, phones and e-mails, free text about visits, plans, tags and "
                       "change requests, attendee and user names (ids stay; docs/server.md)."));
    p.addOption(noPersonal);
    if (const int rc
        = parseWithFile(p, "out", QStringLiteral("The JSONL file to write."), QStringLiteral("export"),
            QStringLiteral("Writes every live record, one JSON object a line."), args, &file);
        rc >= 0)
        return rc;
    return onStore(p, false, [&](Storage &storage, QString *error) {
        qint64 count = 0;
        if (!exportJsonl(storage, file, &count, error, p.isSet(noPersonal)))
            return false;
        err() << "rounds-server: exported " << count << " records to " << file << Qt::endl;
        return true;
    });
}

int pruneCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption dryRun(
        QStringLiteral("dry-run"), QStringLiteral("Count what would go; change nothing."));
    p.addOption(dryRun);
    if (const int rc = parse(p, QStringLiteral("prune"),
            QStringLiteral("Deletes audit entries, tombstones and push answers older than the company's "
                           "retention (setting retention.days; docs/server.md, \"Retention\")."),
            args);
        rc >= 0)
        return rc;
    return onStore(p, false, [&](Storage &storage, QString *error) {
        privacyrules::PruneReport r;
        if (!privacyrules::prune(storage, QDateTime::currentDateTimeUtc(), p.isSet(dryRun), &r, error))
            return false;
        out() << (p.isSet(dryRun) ? "would prune " : "pruned ") << r.counts.audit << " audit entries before "
              << r.auditBefore << " (" << r.retention.auditDays << " days), " << r.counts.tombstones
              << " tombstones before " << r.tombstonesBefore << " (" << r.retention.tombstoneDays
              << " days), " << r.counts.mutations << " push answers before " << r.mutationsBefore << " ("
              << r.retention.mutationDays << " days)" << Qt::endl;
        return true;
    });
}

int settingCommand(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption key(QStringLiteral("key"),
        QStringLiteral("The setting's key, e.g. retention.days."), QStringLiteral("KEY"));
    const QCommandLineOption value(QStringLiteral("value"),
        QStringLiteral("The new value as JSON; without it the value in force is shown."),
        QStringLiteral("JSON"));
    p.addOptions({key, value});
    if (const int rc = parse(p, QStringLiteral("setting"),
            QStringLiteral("Shows or writes a company setting (synced to every laptop)."), args);
        rc >= 0)
        return rc;
    if (p.value(key).isEmpty())
        return usage(QStringLiteral("--key KEY is required"), QStringLiteral("setting"));
    if (!p.isSet(value)) {
        return onStore(p, false, [&](Storage &storage, QString *error) {
            return storage.read(
                [&](StoreReader &r) {
                    const QJsonValue v = privacyrules::settingValue(r, p.value(key));
                    out() << (v.isUndefined()
                            ? QStringLiteral("(not set)")
                            : QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
                                  .mid(1)
                                  .chopped(1))
                          << Qt::endl;
                },
                error);
        });
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + p.value(value).toUtf8() + "]", &parseError);
    if (parseError.error != QJsonParseError::NoError || doc.array().size() != 1)
        return usage(
            QStringLiteral("--value is not JSON: %1").arg(p.value(value)), QStringLiteral("setting"));
    return onStore(p, false, [&](Storage &storage, QString *error) {
        return privacyrules::writeSetting(storage, p.value(key), doc.array().first(), error);
    });
}

} // namespace

namespace commandline {

int parse(
    QCommandLineParser &parser, const QString &command, const QString &description, const QStringList &args)
{
    return server::parse(parser, command, description, args);
}

int usage(const QString &message, const QString &command)
{
    return server::usage(message, command);
}

int fail(const QString &message)
{
    return server::fail(message);
}

int onStore(const QCommandLineParser &parser, const std::function<bool(Storage &, QString *)> &run)
{
    return server::onStore(parser, false, run);
}

QTextStream &out()
{
    return server::out();
}

QTextStream &err()
{
    return server::err();
}

} // namespace commandline

int runCommand(const QStringList &arguments)
{
    const QString command = arguments.value(0);
    const struct
    {
        const char *name;
        int (*run)(const QStringList &args);
    } commands[] = {{"serve", serve}, {"demo", demo}, {"user", userCommand}, {"device", deviceCommand},
        {"import", importCommand}, {"export", exportCommand}, {"hcp", hcpCommand}, {"backup", backupCommand},
        {"restore", restoreCommand}, {"new-epoch", newEpochCommand},
        {"migrate-to-postgres", migrateToPostgres}, {"prune", pruneCommand}, {"setting", settingCommand},
        {"material", materialCommand}};
    for (const auto &c : commands) {
        if (command == QLatin1String(c.name))
            return c.run(arguments.mid(1));
    }
    const QString help = QStringLiteral(
        "usage: rounds-server COMMAND [options]   (COMMAND --help for its options)\n"
        "  serve --data DIR [--listen 127.0.0.1:8421] [--tls-cert FILE --tls-key FILE]\n"
        "        [--token-ttl SECONDS] [--max-body BYTES] [--read-timeout SECONDS]\n"
        "  demo  --data DIR [--hcps N] [--visits N] [--seed S] [--without-consent] [--without-materials]\n"
        "  user add --data DIR --username U --role rep|manager|sfe|admin [--territory CODE] "
        "[--display-name NAME]\n"
        "  user set-role --data DIR --username U --role rep|manager|sfe|admin [--territory CODE]\n"
        "  user disable --data DIR --username U   (also revokes the user's devices: they wipe themselves)\n"
        "  device list --data DIR [--user LOGIN] [--json]\n"
        "  device revoke --data DIR DEVICE_ID [--reason TEXT]   (the device wipes its data at next contact)\n"
        "  import hcps  --data DIR FILE.csv [--encoding auto|utf-8|gbk] [--dry-run]\n"
        "  import alignments --data DIR FILE.csv [--encoding auto|utf-8|gbk] [--dry-run]\n"
        "  import sales --data DIR FILE.csv [--encoding auto|utf-8|gbk] [--dry-run]\n"
        "  export --data DIR --out FILE.jsonl [--no-personal]\n"
        "  hcp export --data DIR HCP_ID [--out FILE] [--pdf FILE] [--lang en|zh_CN]   (data-subject access)\n"
        "  hcp erase --data DIR HCP_ID --reason TEXT [--by USER]   (data-subject erasure)\n"
        "  material add --data DIR FILE --product NAME --title TEXT [--valid-from DATE] [--valid-to DATE]\n"
        "        [--language L] [--approval-code CODE] [--approve] [--key-message PAGE:TEXT ...]\n"
        "  prune --data DIR [--dry-run]         (audit, tombstones, push answers past retention)\n"
        "  setting --data DIR --key KEY [--value JSON]   (show or write a company setting)\n"
        "  backup --data DIR --out FILE          (while serving: SQLite online backup; files into "
        "FILE.files)\n"
        "  restore --data NEWDIR --from FILE     (and FILE.files; new epoch: clients pull everything again)\n"
        "  new-epoch --data DIR                  (clients pull everything again)\n"
        "  migrate-to-postgres --data DIR --database URL   (copy a SQLite folder, files too, into empty "
        "PostgreSQL)\n"
        "Every command takes --database postgresql://USER@HOST:PORT/DB instead of --data DIR;\n"
        "there backup runs pg_dump and restore runs pg_restore into an empty database (files are tables "
        "there).\n"
        "Settings of note: files.max_bytes (largest synced file, default 268435456; docs/server.md, "
        "Files).\n");
    if (command == QLatin1String("--help") || command == QLatin1String("-h")
        || command == QLatin1String("help")) {
        out() << help;
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out() << "rounds-server " << ROUNDS_VERSION << "\n";
        return ExitOk;
    }
    err() << (command.isEmpty() ? QStringLiteral("rounds-server: a command is needed\n")
                                : QStringLiteral("rounds-server: unknown command '%1'\n").arg(command))
          << help;
    return ExitUsage;
}

} // namespace rounds::server
