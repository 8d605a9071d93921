#include "server/hcpcommands.h"

#include "server/commandline.h"
#include "server/hcpdossier.h"
#include "server/hcperasure.h"
#include "server/hcpreport.h"
#include "server/privatefile.h"

#include <QJsonDocument>

namespace rounds::server {

using namespace cli;

namespace {

// One HCP id, the command's only positional argument; -1 to go on.
int takeHcpId(const QCommandLineParser &p, const QString &command, QString *id)
{
    if (p.positionalArguments().size() != 1)
        return usage(QStringLiteral("one HCP id, please"), command);
    *id = p.positionalArguments().first().trimmed().toLower();
    return -1;
}

bool writePrivate(
    const QString &path, const std::function<bool(QIODevice &, QString *)> &write, QString *error)
{
    // An export is personal data: readable by its owner only, from the first byte.
    PrivateFile file(path);
    return file.open(error) && write(file.device(), error) && file.commit(error);
}

int exportHcp(const QStringList &args)
{
    const QString command = QStringLiteral("hcp export");
    QCommandLineParser p;
    const QCommandLineOption outFile(QStringLiteral("out"),
        QStringLiteral("Write the JSON to FILE (mode 0600) instead of standard output."),
        QStringLiteral("FILE"));
    const QCommandLineOption pdfFile(QStringLiteral("pdf"),
        QStringLiteral("Also write a readable PDF to FILE (mode 0600); the JSON then goes to standard output "
                       "only with --out -."),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QStringLiteral("The PDF's language: en (default) or zh_CN."), QStringLiteral("LANG"),
        QStringLiteral("en"));
    p.addOptions({outFile, pdfFile, lang});
    p.addPositionalArgument(QStringLiteral("HCP_ID"), QStringLiteral("The HCP's id."));
    if (const int rc = parse(p, command,
            QStringLiteral("Data-subject access: writes everything the server holds about one HCP (the "
                           "record, its institution and department, tags, alignments, visits with their "
                           "details, plans, meeting attendances and the expenses naming them, change "
                           "requests, consent records, the audit trail of each) as JSON, and as a PDF "
                           "with --pdf. See docs/privacy.md."),
            args);
        rc >= 0)
        return rc;
    QString id;
    if (const int rc = takeHcpId(p, command, &id); rc >= 0)
        return rc;
    const QString language = p.value(lang);
    if (language != QLatin1String("en") && language != QLatin1String("zh_CN"))
        return usage(QStringLiteral("--lang is en or zh_CN"), command);
    if (p.isSet(lang) && !p.isSet(pdfFile))
        return usage(QStringLiteral("--lang goes with --pdf FILE"), command);
    return onStore(p, false, [&](Storage &storage, QString *error) {
        QJsonObject dossier;
        if (!hcpDossier(storage, id, &dossier, error))
            return false;
        const QByteArray json = QJsonDocument(dossier).toJson(QJsonDocument::Indented);
        const QString out = p.value(outFile);
        if (p.isSet(pdfFile)) {
            if (!writePrivate(
                    p.value(pdfFile),
                    [&](QIODevice &d, QString *e) { return writeHcpReport(dossier, language, d, e); }, error))
                return false;
            err() << "rounds-server: PDF of HCP " << id << " written to " << p.value(pdfFile) << Qt::endl;
        }
        if (out.isEmpty() || out == QLatin1String("-")) {
            if (!p.isSet(pdfFile) || out == QLatin1String("-")) {
                cli::out() << QString::fromUtf8(json);
                cli::out().flush();
            }
            return true;
        }
        if (!writePrivate(
                out,
                [&](QIODevice &d, QString *e) {
                    if (d.write(json) == json.size())
                        return true;
                    *e = QStringLiteral("cannot write %1: %2").arg(out, d.errorString());
                    return false;
                },
                error))
            return false;
        err() << "rounds-server: everything held about HCP " << id << " written to " << out << Qt::endl;
        return true;
    });
}

// The user a request is recorded under: --by USER (SFE or admin), else the first admin.
bool requester(StoreReader &r, const QString &username, hcperasure::Request *request, QString *error)
{
    if (username.isEmpty()) {
        for (const StoredRecord &u : r.all(QStringLiteral("user"))) {
            if (u.record.fields.value(QLatin1String("role")).toString() == QLatin1String("admin")) {
                request->userId = u.record.id;
                request->username = u.record.fields.value(QLatin1String("username")).toString();
                return true;
            }
        }
        *error = QStringLiteral("the store has no admin user; name the requester with --by USER");
        return false;
    }
    const std::optional<UserRow> user = r.userByName(username);
    if (!user) {
        *error = QStringLiteral("--by: no user named %1").arg(username);
        return false;
    }
    if (user->role != QLatin1String("sfe") && user->role != QLatin1String("admin")) {
        *error = QStringLiteral("--by: %1 is a %2; data-subject requests are filed by SFE or admin users")
                     .arg(username, user->role);
        return false;
    }
    request->userId = user->id;
    request->username = user->username;
    return true;
}

int eraseHcp(const QStringList &args)
{
    const QString command = QStringLiteral("hcp erase");
    QCommandLineParser p;
    const QCommandLineOption reason(QStringLiteral("reason"),
        QStringLiteral("Why (the request: who asked, its reference); kept in the audit trail."),
        QStringLiteral("TEXT"));
    const QCommandLineOption by(QStringLiteral("by"),
        QStringLiteral("The SFE or admin user filing the request (default: the first admin)."),
        QStringLiteral("USER"));
    p.addOptions({reason, by});
    p.addPositionalArgument(QStringLiteral("HCP_ID"), QStringLiteral("The HCP's id."));
    if (const int rc = parse(p, command,
            QStringLiteral("Data-subject erasure: anonymises one HCP's personal data (name, contact fields, "
                           "visit notes, feedback and follow-up, plan purposes, tags, attendee names) "
                           "while the visits stay and count in KPIs. Every laptop receives it at its next "
                           "sync; the server then refuses changes that would bring the data back. "
                           "Recorded in the audit trail with who asked and why. Erasing again is "
                           "harmless. See docs/privacy.md."),
            args);
        rc >= 0)
        return rc;
    QString id;
    if (const int rc = takeHcpId(p, command, &id); rc >= 0)
        return rc;
    if (p.value(reason).trimmed().isEmpty())
        return usage(QStringLiteral("--reason TEXT is required (why, and who asked)"), command);
    return onStore(p, false, [&](Storage &storage, QString *error) {
        hcperasure::Summary s;
        QString refusal;
        const bool written = storage.write(
            [&](StoreWriter &w) {
                hcperasure::Request request {
                    {}, {}, p.value(reason).trimmed(), QStringLiteral("rounds-server hcp erase")};
                return requester(w, p.value(by), &request, &refusal)
                    && hcperasure::erase(w, id, request, &s, &refusal);
            },
            error);
        if (!refusal.isEmpty()) {
            *error = refusal;
            return false;
        }
        if (!written)
            return false;
        if (s.alreadyErased)
            err() << "rounds-server: HCP " << id << " was erased already (\"" << s.placeholder
                  << "\"); the request is recorded again" << Qt::endl;
        else
            err() << "rounds-server: HCP " << id << " erased, now \"" << s.placeholder << "\": " << s.visits
                  << " visits, " << s.plans << " plans, " << s.attendances << " attendances, " << s.expenses
                  << " expenses, " << s.changeRequests << " change requests cleared; " << s.tagsRemoved
                  << " tags removed; laptops receive it at their next sync" << Qt::endl;
        return true;
    });
}

} // namespace

bool needsGui(const QStringList &args)
{
    // `serve` answers POST /api/v1/admin/hcp/export with format "pdf" (server/dsrservice.h).
    if (args.value(0) == QLatin1String("serve"))
        return true;
    // Materials: QtPdf reads page counts and renders thumbnails; the demo draws its PDFs with fonts.
    if (args.value(0) == QLatin1String("material") || args.value(0) == QLatin1String("demo"))
        return true;
    if (args.value(0) != QLatin1String("hcp") || args.value(1) != QLatin1String("export"))
        return false;
    for (const QString &a : args) {
        if (a == QLatin1String("--pdf") || a.startsWith(QLatin1String("--pdf=")))
            return true;
    }
    return false;
}

int hcpCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("export"))
        return exportHcp(args.mid(1));
    if (sub == QLatin1String("erase"))
        return eraseHcp(args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        out() << "usage: rounds-server hcp export --data DIR HCP_ID [--out FILE] [--pdf FILE] [--lang "
                 "en|zh_CN]\n"
                 "       rounds-server hcp erase --data DIR HCP_ID --reason TEXT [--by USER]\n"
                 "Data-subject requests (docs/privacy.md); each sub-command has --help.\n";
        return ExitOk;
    }
    return usage(QStringLiteral("hcp wants export or erase"), QStringLiteral("hcp"));
}

} // namespace rounds::server
