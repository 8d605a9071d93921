// rounds-cli: the client's sync engine without a window, for scripts, support staff and tests.
#include "app/clifiles.h"
#include "app/climaterials.h"
#include "common/protocol/codec.h"
#include "common/protocol/messages.h"
#include "common/protocol/schema.h"
#include "models/consentqueries.h"
#include "models/hcpqueries.h"
#include "models/hcpquery.h"
#include "models/kpis.h"
#include "models/kpitables.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/credentialstore.h"
#include "sync/diagnostics.h"
#include "sync/historyclient.h"
#include "sync/localwipe.h"
#include "sync/offlinepolicy.h"
#include "sync/signin.h"
#include "sync/syncledger.h"
#include "sync/syncsession.h"

#include <QCoreApplication>
#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <cstdio>
#include <optional>

using namespace rounds;

namespace {

constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;
constexpr int ExitUnresolved = 3; // the sync worked, but conflicts or rejected changes wait for a person
constexpr int ExitRevoked = 4; // the server revoked this computer: the account's local data was deleted

const char *kUsage = QT_TRANSLATE_NOOP("Cli", R"(usage: rounds-cli --db FILE COMMAND [ARGS]

  login SERVER_URL USERNAME        sign in (password on stdin); the token goes to the keychain
  sync [--json]                    push, pull, push; exit 0 ok, 3 conflicts or rejections left, 1 failure,
                                   4 this computer was revoked (its data for the account is deleted)
  status [--json]                  pending changes, open conflicts, rejected, cursors, epoch, last sync
  dump ENTITY                      the visible local records, one JSON object a line, sorted by id
  edit ENTITY ID FIELD=VALUE ...   a local edit through the normal write path (works offline)
  create ENTITY FIELD=VALUE ...    prints the new id
  delete ENTITY ID
  conflicts [--json]               open conflicts
  resolve CONFLICT_ID mine|theirs
  discard MUTATION_ID              give up a rejected change (status lists them); the server copy returns
  history ENTITY ID [--json]       the record's changes on the server (who, when, device, each field
                                   old -> new), oldest first; needs the server; --json: the answer of
                                   GET /api/v1/history with every page's entries
  logout [--remove-data [--discard-unsent]]
                                   forgets the token (local data is kept); --remove-data first sends
                                   what waits, then deletes the database and its keychain entry, and
                                   refuses while changes have not reached the server unless
                                   --discard-unsent
  search TEXT [--limit N] [--json] the HCPs the window's global search shows for TEXT, in its order:
                                   by name, pinyin ("heli", "he li", mixed), initials ("hl") or
                                   hospital; N defaults to the window's first page (100); one
                                   line per HCP (id, name, tier, institution), --json: one object
  consent HCP_ID [--json]          the HCP's consent per channel (and per product with its own
                                   records), from the local store, offline: state (allowed,
                                   missing, withdrawn, expired), expiry, source, evidence; the
                                   company's consent.required decides what the server refuses
  kpis --period P [--scope KEY] [--json]
                                   every dashboard KPI of a period (2026-10, 2026-Q3 or
                                   2026-09-01..2026-09-30) for a territory/district code or a
                                   username (default: everything in the store), with the content
                                   KPIs (page views, dwell, calls with content, reactions, per
                                   material and product; docs/content-analytics.md)
  files [--json]                   synced files on this computer: hash, state (missing, partial,
                                   complete), bytes held of the size, pinned, the last error, and
                                   the download queue: what is still to fetch, in order, and why
                                   (requested, pinned, presentable, approved)
  files --download [--json]        fetch everything queued now, one file at a time, resuming
                                   partial downloads; progress on stderr; exit 1 when a file failed
  materials [--json]               every local material: title, product, version, status, valid
                                   dates, availability now (presentable, draft, withdrawn, expired,
                                   not_yet_valid; judged on a clock that never goes back), pages,
                                   file here (complete, partial, missing)

After more than `security.offline_days` days (a company setting, 30 by default) without reaching the
server, every command but login and logout refuses to open the data until you sign in again.

FIELD=VALUE is read by the field's type (numbers, true/false, JSON for JSON fields; an empty value is
null); FIELD:=JSON passes a raw JSON value.

Messages follow the locale: LANGUAGE, else LC_ALL, LC_MESSAGES or LANG (e.g. LANG=zh_CN.UTF-8 for
Chinese; English otherwise). Output meant for scripts (--json, dump) is never translated.
)");

class Cli
{
    Q_DECLARE_TR_FUNCTIONS(Cli)
public:
    explicit Cli(QString dbPath)
        : m_dbPath(std::move(dbPath))
    { }

    int run(const QString &command, QStringList args);

private:
    bool openStore(QString *error)
    {
        const StoreOpenResult r = m_store.open(m_dbPath);
        if (!r.message.isEmpty())
            QTextStream(stderr) << "rounds-cli: " << r.message << Qt::endl;
        if (!r.ok)
            *error = r.message.isEmpty() ? tr("cannot open %1").arg(m_dbPath) : r.message;
        return r.ok;
    }
    QString server() const { return m_store.meta(QStringLiteral("server")); }
    QString user() const { return m_store.meta(QStringLiteral("user")); }
    const protocol::Entity *entityArg(const QString &name, QString *error) const
    {
        const protocol::Entity *e = protocol::Schema::instance().entity(name);
        if (!e)
            *error = Cli::tr("unknown entity '%1' (one of: %2)")
                         .arg(name, protocol::Schema::instance().entityNames().join(QStringLiteral(", ")));
        return e;
    }

    int login(const QStringList &args);
    int sync(bool json);
    int downloadFiles(QStringList args, bool json);
    int status(bool json);
    int dump(const QStringList &args);
    int write(const QString &command, const QStringList &args);
    int conflicts(bool json);
    int resolve(const QStringList &args);
    int logout(const QStringList &args);
    // The server revoked this computer: close and delete the account's data, say why, exit 4.
    int wipeRevoked(const QString &message);
    int history(const QStringList &args, bool json);
    // The server client with this store's token (and ROUNDS_CA_FILE), or null with `error` set.
    std::unique_ptr<ApiClient> api(QString *error);

    QString m_dbPath;
    Store m_store;
    CredentialStore m_credentials;
};

QString usage()
{
    return Cli::tr(kUsage);
}

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int failWith(const QString &message, int code = ExitFailure)
{
    QTextStream(stderr) << "rounds-cli: " << message << Qt::endl;
    return code;
}

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

// FIELD=VALUE pairs into a JSON object typed by the entity's schema.
std::optional<QJsonObject> parseAssignments(
    const protocol::Entity &entity, const QStringList &args, QString *error)
{
    QJsonObject fields;
    for (const QString &arg : args) {
        const qsizetype eq = arg.indexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = Cli::tr("'%1' is not FIELD=VALUE").arg(arg);
            return std::nullopt;
        }
        const bool raw = arg.at(eq - 1) == QLatin1Char(':');
        const QString name = arg.left(raw ? eq - 1 : eq);
        const QString text = arg.mid(eq + 1);
        const protocol::Field *f = entity.field(name);
        if (!f) {
            *error = Cli::tr("entity '%1' has no field '%2'").arg(entity.name, name);
            return std::nullopt;
        }
        QJsonValue value;
        const bool parseJson
            = raw || f->type == protocol::FieldType::Json || f->type == protocol::FieldType::JsonObject;
        if (text.isEmpty() && !raw) {
            value = QJsonValue(QJsonValue::Null);
        } else if (parseJson) {
            const QJsonDocument doc = QJsonDocument::fromJson("[" + text.toUtf8() + "]");
            if (!doc.isArray() || doc.array().size() != 1) {
                *error = Cli::tr("the value of '%1' is not valid JSON").arg(name);
                return std::nullopt;
            }
            value = doc.array().first();
        } else if (f->type == protocol::FieldType::Int || f->type == protocol::FieldType::Money) {
            bool ok = false;
            const qint64 n = text.toLongLong(&ok);
            value = ok ? QJsonValue(n) : QJsonValue(text); // validation names the field if not a number
        } else if (f->type == protocol::FieldType::Bool) {
            value = text == QLatin1String("true") || text == QLatin1String("1") ? QJsonValue(true)
                : text == QLatin1String("false") || text == QLatin1String("0")  ? QJsonValue(false)
                                                                                : QJsonValue(text);
        } else {
            value = text;
        }
        fields.insert(name, value);
    }
    return fields;
}

// rounds-cli kpis: the dashboard's KPIs, as tables or one JSON object (docs/dashboards.md).
int kpisCommand(Store &store, QStringList args, bool json)
{
    QString period;
    QString scopeKey;
    while (!args.isEmpty()) {
        const QString opt = args.takeFirst();
        if ((opt == QLatin1String("--period") || opt == QLatin1String("--scope")) && !args.isEmpty())
            (opt == QLatin1String("--period") ? period : scopeKey) = args.takeFirst();
        else
            return failWith(QStringLiteral("kpis: unexpected '%1'").arg(opt), ExitUsage);
    }
    QString error;
    const auto p = KpiPeriod::parse(period, &error);
    if (!p)
        return failWith(error, ExitUsage);
    KpiEngine engine(store);
    const auto scope = engine.resolveScope(scopeKey, &error);
    if (!scope)
        return failWith(error, ExitUsage);
    KpiResult result;
    if (!engine.compute(*p, *scope, &result, &error))
        return failWith(error);
    if (json) {
        out() << QString::fromUtf8(QJsonDocument(kpisToJson(result)).toJson(QJsonDocument::Compact))
              << Qt::endl;
        return ExitOk;
    }
    out() << "period " << p->label() << " (" << p->start.toString(Qt::ISODate) << ".."
          << p->end.toString(Qt::ISODate) << "), previous " << result.previousPeriod.label() << ", scope "
          << (scope->key.isEmpty() ? QStringLiteral("everything") : scope->key + u' ' + scope->name)
          << Qt::endl;
    if (result.institutionSalesHidden)
        out() << "sales by institution: not shown to this user's role (" << result.role << ")" << Qt::endl;
    for (const KpiTable &t : KpiTables::all(result))
        out() << Qt::endl << KpiTables::toText(t);
    out().flush();
    return ExitOk;
}

// rounds-cli search: the engine and order of the window's global search (searchHcps over the local store).
int searchCommand(Store &store, QStringList args, bool json)
{
    int limit = kSearchFirstPage;
    QStringList words;
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        if (arg == QLatin1String("--limit")) {
            bool ok = false;
            limit = args.isEmpty() ? 0 : args.takeFirst().toInt(&ok);
            if (!ok || limit < 1)
                return failWith(Cli::tr("search: --limit needs a number of 1 or more"), ExitUsage);
        } else {
            words << arg;
        }
    }
    HcpFilter filter;
    filter.text = words.join(QLatin1Char(' ')).trimmed();
    if (filter.text.isEmpty())
        return failWith(usage(), ExitUsage);
    QList<HcpHit> hits;
    QString error;
    if (!searchHcps(*store.database(), filter, limit, &hits, &error))
        return failWith(error);
    if (json) {
        QJsonArray rows;
        for (const HcpHit &h : std::as_const(hits)) {
            const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
            rows.append(QJsonObject {{QStringLiteral("id"), h.id}, {QStringLiteral("name"), h.name},
                {QStringLiteral("tier"), orNull(h.tier)},
                {QStringLiteral("institution_id"), orNull(h.institutionId)},
                {QStringLiteral("institution"), orNull(h.institution)},
                {QStringLiteral("last_visit"), orNull(h.lastVisit)}});
        }
        const QJsonObject answer {{QStringLiteral("query"), filter.text}, {QStringLiteral("limit"), limit},
            {QStringLiteral("hcps"), rows}};
        out() << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    for (const HcpHit &h : std::as_const(hits)) {
        out() << h.id << '\t' << h.name << '\t' << (h.tier.isEmpty() ? QStringLiteral("-") : h.tier) << '\t'
              << (h.institution.isEmpty() ? QStringLiteral("-") : h.institution) << Qt::endl;
    }
    if (hits.isEmpty())
        QTextStream(stderr) << Cli::tr("no HCP found for '%1'").arg(filter.text) << Qt::endl;
    out().flush();
    return ExitOk;
}

// rounds-cli files: app/clifiles.h.
int filesCommand(Store &store, const QStringList &args, bool json)
{
    if (!args.isEmpty())
        return failWith(usage(), ExitUsage);
    QString error;
    if (!clifiles::list(store, json, out(), &error))
        return failWith(error);
    return ExitOk;
}

// rounds-cli consent: the HCP's consent lines as the profile's Consent panel shows them (consentqueries.h).
int consentCommand(Store &store, const QStringList &args, bool json)
{
    if (args.size() != 1)
        return failWith(usage(), ExitUsage);
    const QString hcpId = args.at(0);
    HcpSummary hcp;
    QString error;
    if (!HcpQueries::summary(&store, hcpId, &hcp, &error))
        return failWith(error);
    if (hcp.id.isEmpty())
        return failWith(Cli::tr("no HCP with id '%1' in this store").arg(hcpId), ExitUsage);
    protocol::consent::Rules rules;
    QList<ConsentLine> lines;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!ConsentQueries::rules(&store, &rules, &error)
        || !ConsentQueries::lines(&store, hcpId, now, &lines, &error))
        return failWith(error);
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    const auto time
        = [](const QDateTime &t) { return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString(); };
    if (json) {
        QJsonArray rows;
        for (const ConsentLine &l : std::as_const(lines)) {
            const auto &d = l.verdict.deciding;
            rows.append(QJsonObject {{QStringLiteral("channel"), l.channel},
                {QStringLiteral("product_id"), orNull(l.productId)},
                {QStringLiteral("product"), orNull(l.productName)},
                {QStringLiteral("state"), protocol::consent::stateName(l.verdict.state)},
                {QStringLiteral("blocks"), l.verdict.blocks},
                {QStringLiteral("expiring_soon"), l.expiringSoon},
                {QStringLiteral("expires_at"), orNull(time(l.verdict.expiresAt))},
                {QStringLiteral("captured_at"), orNull(d ? time(d->capturedAt) : QString())},
                {QStringLiteral("source"), orNull(d ? d->source : QString())},
                {QStringLiteral("evidence"), orNull(d ? d->evidence : QString())}});
        }
        const QJsonObject answer {{QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("name"), hcp.name},
            {QStringLiteral("consent_required"), rules.required},
            {QStringLiteral("validity_days"), rules.validityDays},
            {QStringLiteral("expiry_warning_days"), rules.warningDays}, {QStringLiteral("lines"), rows}};
        out() << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    out() << hcp.name << " (" << hcpId << ")  consent.required: " << (rules.required ? "on" : "off")
          << Qt::endl;
    for (const ConsentLine &l : std::as_const(lines)) {
        out() << l.channel << '\t' << (l.productName.isEmpty() ? QStringLiteral("-") : l.productName) << '\t'
              << protocol::consent::stateName(l.verdict.state) << (l.expiringSoon ? " (expiring soon)" : "")
              << '\t' << (l.verdict.expiresAt.isValid() ? time(l.verdict.expiresAt) : QStringLiteral("-"))
              << Qt::endl;
    }
    out().flush();
    return ExitOk;
}

// rounds-cli history: one line per field change, under a line per change (when, who, device, what).
QString historyTable(const protocol::HistoryPage &page)
{
    auto text = [](const QJsonValue &v) {
        return v.isNull()  ? QStringLiteral("-")
            : v.isString() ? v.toString()
                           : QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
                                 .mid(1)
                                 .chopped(1);
    };
    QString table;
    QTextStream t(&table);
    if (page.entries.isEmpty())
        t << Cli::tr("no changes recorded for %1 %2").arg(page.entity, page.id) << Qt::endl;
    for (const protocol::HistoryEntry &e : page.entries) {
        t << e.at << "  " << e.op << "  " << (e.userName.isEmpty() ? e.userId : e.userName) << "  "
          << (e.device.isEmpty() ? QStringLiteral("-") : e.device);
        if (!e.note.isEmpty() && e.note != QLatin1String("deleted"))
            t << "  (" << e.note << ")";
        t << Qt::endl;
        for (const protocol::HistoryChange &c : e.changes)
            t << "    " << c.field << ": " << text(c.oldValue) << " -> " << text(c.newValue) << Qt::endl;
    }
    return table;
}

int Cli::run(const QString &command, QStringList args)
{
    const bool json = args.removeAll(QStringLiteral("--json")) > 0;
    QString error;
    if (!openStore(&error))
        return failWith(error);
    if (command == QLatin1String("login"))
        return login(args);
    if (command != QLatin1String("logout")
        && offlinepolicy::passwordRequired(m_store, QDateTime::currentDateTimeUtc()))
        return failWith(
            tr("%1 has not reached the server for more than %n day(s): sign in again with rounds-cli "
               "--db %2 login %3 %1",
                nullptr, offlinepolicy::maxDays(m_store))
                .arg(user(), m_dbPath, server()));
    if (command == QLatin1String("sync"))
        return sync(json);
    if (command == QLatin1String("status"))
        return status(json);
    if (command == QLatin1String("dump"))
        return dump(args);
    if (command == QLatin1String("edit") || command == QLatin1String("create")
        || command == QLatin1String("delete"))
        return write(command, args);
    if (command == QLatin1String("conflicts"))
        return conflicts(json);
    if (command == QLatin1String("resolve"))
        return resolve(args);
    if (command == QLatin1String("kpis"))
        return kpisCommand(m_store, args, json);
    if (command == QLatin1String("logout"))
        return logout(args);
    if (command == QLatin1String("search"))
        return searchCommand(m_store, args, json);
    if (command == QLatin1String("history"))
        return history(args, json);
    if (command == QLatin1String("consent"))
        return consentCommand(m_store, args, json);
    if (command == QLatin1String("files") && args.contains(QStringLiteral("--download")))
        return downloadFiles(args, json);
    if (command == QLatin1String("files"))
        return filesCommand(m_store, args, json);
    if (command == QLatin1String("materials"))
        return materialsCommand(m_store, args, json);
    if (command == QLatin1String("discard")) {
        if (args.size() != 1)
            return failWith(usage(), ExitUsage);
        QString error;
        return SyncLedger(m_store).discardRejected(args.at(0), &error) ? ExitOk : failWith(error);
    }
    return failWith(tr("unknown command '%1'\n%2").arg(command, usage()), ExitUsage);
}

int Cli::login(const QStringList &args)
{
    if (args.size() != 2)
        return failWith(usage(), ExitUsage);
    const QUrl url = ApiClient::normalizeServerUrl(args.at(0));
    if (!url.isValid())
        return failWith(
            tr("'%1' is not a server address (e.g. https://rounds.example.com:8421)").arg(args.at(0)),
            ExitUsage);
    QTextStream in(stdin);
    const QString password = in.readLine();
    if (password.isEmpty())
        return failWith(tr("no password on standard input"), ExitUsage);
    const SignInResult r = SignIn(m_store, m_credentials)
                               .signIn(url, args.at(1), password,
                                   QStringLiteral("rounds-cli on %1").arg(QHostInfo::localHostName()));
    if (r.deviceRevoked)
        return wipeRevoked(r.message);
    if (!r.ok)
        return failWith(r.message);
    if (!r.keychainAvailable)
        return failWith(r.message + tr(" rounds-cli cannot keep a token in memory between runs."));
    out() << "signed in as " << r.account.user << " (" << r.account.role << ") on " << r.account.server
          << Qt::endl;
    return ExitOk;
}

// rounds-cli files --download: app/clifiles.h.
int Cli::downloadFiles(QStringList args, bool json)
{
    args.removeAll(QStringLiteral("--download"));
    if (!args.isEmpty())
        return failWith(usage(), ExitUsage);
    QString error;
    const std::unique_ptr<ApiClient> api = this->api(&error);
    if (!api)
        return failWith(error);
    if (!clifiles::download(m_store, *api, json, out(), &error))
        return failWith(error);
    return ExitOk;
}

int Cli::sync(bool json)
{
    QString error;
    const std::unique_ptr<ApiClient> api = this->api(&error);
    if (!api)
        return failWith(error);
    SyncSession session(m_store, *api);
    const SyncSummary summary = session.run();
    if (summary.error.kind == ApiError::DeviceRevoked)
        return wipeRevoked(summary.error.message);
    SyncLedger ledger(m_store);
    const int open = ledger.openConflictCount();
    int rejected = 0;
    for (const OutboxMutation &m : m_store.outbox())
        rejected += m.state == QLatin1String("rejected");
    if (json) {
        QJsonObject o = summary.toJson();
        o.insert(QStringLiteral("open_conflicts"), open);
        o.insert(QStringLiteral("rejected_waiting"), rejected);
        out() << compact(o) << Qt::endl;
    } else {
        out() << (summary.ok ? "synced" : "sync stopped") << ": pushed " << summary.pushed << " (applied "
              << summary.applied << ", merged " << summary.merged << ", conflicts " << summary.conflicts
              << ", rejected " << summary.rejected << "), pulled " << summary.pulled << ", revoked "
              << summary.revoked << " in " << summary.durationMs << " ms" << Qt::endl;
        if (open || rejected)
            out() << open << " open conflict(s) and " << rejected << " rejected change(s) wait for you"
                  << Qt::endl;
    }
    if (!summary.ok)
        return failWith(summary.error.message);
    return open || rejected ? ExitUnresolved : ExitOk;
}

std::unique_ptr<ApiClient> Cli::api(QString *error)
{
    if (server().isEmpty()) {
        *error = tr("not signed in: run rounds-cli --db %1 login SERVER_URL USERNAME").arg(m_dbPath);
        return nullptr;
    }
    const CredentialStore::Result cred = m_credentials.read(server(), user());
    if (!cred.ok || cred.token.isEmpty()) {
        *error = cred.message.isEmpty() ? tr("no token for %1 on %2: sign in again").arg(user(), server())
                                        : cred.message;
        return nullptr;
    }
    auto api = std::make_unique<ApiClient>(QUrl(server()));
    api->setToken(cred.token);
    if (qEnvironmentVariableIsSet("ROUNDS_CA_FILE")
        && !api->addCaCertificates(qEnvironmentVariable("ROUNDS_CA_FILE"), error))
        return nullptr;
    return api;
}

int Cli::status(bool json)
{
    const QJsonObject status = diagnostics::syncStatus(m_store);
    const QJsonArray rejected = status.value(u"rejected").toArray();
    const int pending = status.value(u"pending").toInt();
    const QJsonObject cursors = status.value(u"cursors").toObject();
    const int openConflicts = status.value(u"open_conflicts").toInt();
    if (json) {
        out() << compact(status) << Qt::endl;
        return ExitOk;
    }
    out() << "server:         " << server() << "\nuser:           " << user()
          << "\npending:        " << pending << "\nopen conflicts: " << openConflicts
          << "\nrejected:       " << rejected.size()
          << "\nepoch:          " << m_store.meta(QStringLiteral("epoch"))
          << "\nlast sync:      " << m_store.meta(QStringLiteral("last_sync"))
          << "\ncursors:        " << compact(cursors) << Qt::endl;
    for (const QJsonValue &r : rejected) {
        const QJsonObject o = r.toObject();
        const QString entity = o.value(u"entity").toString();
        out() << tr("  rejected %1 %2: %3")
                     .arg(entity, o.value(u"id").toString(),
                         protocol::Messages::refusal(o.value(u"code").toString(), entity,
                             o.value(u"field").toString(), o.value(u"message").toString()))
              << Qt::endl;
    }
    return ExitOk;
}

int Cli::dump(const QStringList &args)
{
    if (args.size() != 1)
        return failWith(usage(), ExitUsage);
    QString error;
    if (!entityArg(args.at(0), &error))
        return failWith(error, ExitUsage);
    for (const protocol::Record &r : SyncLedger(m_store).records(args.at(0)))
        out() << compact(protocol::encodeRecord(r)) << '\n';
    out().flush();
    return ExitOk;
}

int Cli::write(const QString &command, const QStringList &args)
{
    const int fixed = command == QLatin1String("create") ? 1 : 2;
    if (args.size() < fixed || (command == QLatin1String("delete") && args.size() != 2))
        return failWith(usage(), ExitUsage);
    QString error;
    const protocol::Entity *entity = entityArg(args.at(0), &error);
    if (!entity)
        return failWith(error, ExitUsage);
    const auto fields = parseAssignments(*entity, args.mid(fixed), &error);
    if (!fields)
        return failWith(error, ExitUsage);
    WriteResult r;
    if (command == QLatin1String("create"))
        r = m_store.create(entity->name, *fields);
    else if (command == QLatin1String("edit"))
        r = m_store.update(entity->name, args.at(1), *fields);
    else
        r = m_store.remove(entity->name, args.at(1));
    if (!r.ok)
        return failWith(r.error);
    if (command == QLatin1String("create"))
        out() << r.id << Qt::endl;
    return ExitOk;
}

int Cli::conflicts(bool json)
{
    const QList<ConflictItem> list = SyncLedger(m_store).conflicts(true);
    if (json) {
        QJsonArray a;
        for (const ConflictItem &c : list)
            a.append(c.toJson());
        out() << QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact)) << Qt::endl;
        return ExitOk;
    }
    if (list.isEmpty())
        out() << "no open conflicts" << Qt::endl;
    auto text = [](const QJsonValue &v) {
        return QString::fromUtf8(QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact))
            .mid(1)
            .chopped(1);
    };
    for (const ConflictItem &c : list)
        out() << c.id << "  " << c.entity << " " << c.recordId << "  "
              << (c.field.isEmpty() ? QStringLiteral("(delete)") : c.field) << "  base=" << text(c.base)
              << " mine=" << text(c.mine) << " theirs=" << text(c.theirs) << Qt::endl;
    return ExitOk;
}

int Cli::resolve(const QStringList &args)
{
    bool ok = false;
    const qint64 id = args.value(0).toLongLong(&ok);
    if (args.size() != 2 || !ok
        || (args.at(1) != QLatin1String("mine") && args.at(1) != QLatin1String("theirs")))
        return failWith(usage(), ExitUsage);
    QString error;
    if (!SyncLedger(m_store).resolve(id, args.at(1), &error))
        return failWith(error);
    return ExitOk;
}

int Cli::logout(const QStringList &args)
{
    const bool remove = args.contains(QStringLiteral("--remove-data"));
    const bool discard = args.contains(QStringLiteral("--discard-unsent"));
    for (const QString &a : args) {
        if (a != QLatin1String("--remove-data") && a != QLatin1String("--discard-unsent"))
            return failWith(usage(), ExitUsage);
    }
    if (discard && !remove)
        return failWith(tr("--discard-unsent goes with --remove-data"), ExitUsage);
    if (server().isEmpty())
        return failWith(tr("not signed in"));
    if (remove) {
        // What waits goes out first; what still cannot leave is only deleted when the user says so.
        QString error;
        if (const std::unique_ptr<ApiClient> api = this->api(&error)) {
            RetryPolicy quick;
            quick.maxAttempts = 2;
            api->setRetryPolicy(quick);
            const SyncSummary summary = SyncSession(m_store, *api).run();
            if (summary.error.kind == ApiError::DeviceRevoked)
                return wipeRevoked(summary.error.message);
        }
        const int unsent = int(m_store.outbox().size());
        if (unsent > 0 && !discard)
            return failWith(tr("%n change(s) have not reached the server and would be lost; nothing was "
                               "deleted. Sync first, or add --discard-unsent to delete them too.",
                nullptr, unsent));
    }
    const QString account = server();
    const QString who = user();
    const SignInResult r = SignIn(m_store, m_credentials).signOut();
    if (!r.ok)
        return failWith(r.message);
    if (!remove) {
        out() << "signed out; the local data in " << m_dbPath << " is kept" << Qt::endl;
        return ExitOk;
    }
    m_store.close();
    const WipeResult wiped = wipeLocalData(m_dbPath, account, who, m_credentials);
    if (!wiped.ok)
        return failWith(wiped.message);
    out() << "signed out; the local data in " << m_dbPath << " is deleted" << Qt::endl;
    return ExitOk;
}

int Cli::wipeRevoked(const QString &message)
{
    const QString account = server();
    const QString who = user();
    m_store.close();
    const WipeResult wiped = wipeLocalData(m_dbPath, account, who, m_credentials);
    QTextStream(stderr) << "rounds-cli: " << message << Qt::endl;
    if (!wiped.ok)
        QTextStream(stderr) << "rounds-cli: " << wiped.message << Qt::endl;
    else
        QTextStream(stderr) << "rounds-cli: " << tr("deleted %1 and its keychain entry").arg(m_dbPath)
                            << Qt::endl;
    return ExitRevoked;
}

int Cli::history(const QStringList &args, bool json)
{
    if (args.size() != 2)
        return failWith(usage(), ExitUsage);
    QString error;
    if (!entityArg(args.at(0), &error))
        return failWith(error, ExitUsage);
    const std::unique_ptr<ApiClient> api = this->api(&error);
    if (!api)
        return failWith(error);
    RetryPolicy quick;
    quick.maxAttempts = 2; // a person waits at the prompt
    api->setRetryPolicy(quick);
    const HistoryResult r = HistoryClient(*api).fetch(args.at(0), args.at(1));
    if (!r.ok())
        return failWith(r.message);
    if (json) {
        out() << compact(r.page.toJson()) << Qt::endl;
        return ExitOk;
    }
    out() << historyTable(r.page);
    if (r.truncated)
        out() << "(the first " << r.page.entries.size()
              << " changes; rounds-cli history --json shows the same)" << Qt::endl;
    out().flush();
    return ExitOk;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rounds-cli"));
    QCoreApplication::setOrganizationName(QStringLiteral("Rounds"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));

    // The language of the messages follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), as the usage
    // says; the translations are the desktop client's, built into this binary.
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("rounds"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QStringList args = app.arguments().mid(1);
    if (args.contains(QStringLiteral("--help")) || args.contains(QStringLiteral("-h"))) {
        out() << usage();
        return ExitOk;
    }
    if (args.size() < 3 || args.at(0) != QLatin1String("--db"))
        return failWith(usage(), ExitUsage);
    const QString db = args.at(1);
    const QString command = args.at(2);
    Cli cli(db);
    return cli.run(command, args.mid(3));
}
