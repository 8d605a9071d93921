#include "models/kpis.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/companysettings.h"
#include "models/contentkpis.h"
#include "models/kpis/headline.h"
#include "models/kpis/joiningtask.h"
#include "models/kpis/kpicommon.h"
#include "models/kpis/kpiparams.h"
#include "models/kpis/laps.h"
#include "models/kpis/periodreader.h"
#include "models/kpis/productshare.h"
#include "models/kpis/readtransaction.h"
#include "models/kpis/reprows.h"
#include "models/kpis/sales.h"
#include "models/kpis/visitbreakdowns.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <optional>

Q_LOGGING_CATEGORY(lcKpi, "rounds.kpi", QtInfoMsg)

namespace rounds {

using kpi::guarded;

namespace {

// The charts of this period counted from its visits (read before) on this thread's connection.
void breakdowns(sql::Database &db, const kpi::Keys &keys, kpi::PeriodData *now, KpiResult *r, kpi::Laps *laps)
{
    r->channels = kpi::channelMix(now->cells);
    r->products = kpi::productShare(db, &now->callIds, r->weights);
    laps->lap("products");
    r->callsPerDay = kpi::callsPerDay(now->cells, now->period);
    kpi::supportTrend(now->cells, now->period, r);
    r->reps = kpi::repRows(db, keys, now);
    laps->lap("reps");
}

// The second thread's part of compute(), on the second connection: the previous period (its own copy
// of the keys, its own PeriodData, r->before), then this period's store-read headline fields (not
// those headlineVisits() sets on the first thread), then the sales.
void previousAndSales(
    sql::Database &db, const KpiScope &scope, kpi::Keys *keys, kpi::PeriodData *before, KpiResult *r)
{
    kpi::readVisits(db, scope, keys, before);
    kpi::headline(db, scope, *keys, *before, &r->before, r->costPerCallMinor, nullptr);
    kpi::headlineStore(db, scope, r->period, &r->now);
    kpi::computeSales(db, r->period, scope, r, nullptr);
}

} // namespace

// --- scope -----------------------------------------------------------------------------------------

KpiEngine::KpiEngine(sql::Database &db)
    : m_db(db)
{ }

KpiEngine::~KpiEngine() = default;

sql::Database *KpiEngine::reader()
{
    if (m_readerTried)
        return m_reader.get();
    m_readerTried = true;
    const QString path = m_db.path();
    if (path.isEmpty() || path == QLatin1String(":memory:") || path.startsWith(QLatin1String("file:")))
        return nullptr;
    try {
        if (m_db.scalarText(QStringLiteral("PRAGMA journal_mode"))
                .compare(QLatin1String("wal"), Qt::CaseInsensitive)
            != 0)
            return nullptr;
        sql::Database::Options options;
        options.create = false;
        options.readOnly = true;
        options.wal = false;
        options.key = m_db.key();
        m_reader = std::make_unique<sql::Database>(path, options);
        m_reader->exec(QStringLiteral("PRAGMA temp_store = MEMORY"));
        // The same page cache as the store's connection, kept between computes.
        m_reader->exec(QStringLiteral("PRAGMA cache_size = %1")
                           .arg(m_db.scalarInt(QStringLiteral("PRAGMA cache_size"))));
    } catch (const sql::SqlError &e) {
        qCDebug(lcKpi) << "no second reader:" << e.text();
        m_reader.reset();
    }
    return m_reader.get();
}

std::optional<KpiScope> KpiEngine::resolveScope(const QString &key, QString *error)
{
    KpiScope s;
    s.key = key.trimmed();
    if (s.key.isEmpty())
        return s;
    const QString descendants = QStringLiteral(
        "WITH RECURSIVE tree(id) AS (SELECT value FROM json_each(?1) "
        "UNION SELECT t.id FROM territory t JOIN tree ON t.parent_id = tree.id) SELECT id FROM tree");
    bool found = false;
    const bool ok = guarded(error, [&] {
        QStringList roots;
        {
            auto q = m_db.query(QStringLiteral("SELECT id, name FROM territory WHERE code = ?1"));
            q->bind(1, s.key);
            if (q->step()) {
                s.kind = KpiScope::Kind::Territory;
                roots << q->text(0);
                s.name = q->text(1);
            }
        }
        if (roots.isEmpty()) {
            auto q = m_db.query(QStringLiteral("SELECT u.id, u.display_name, u.role, u.home_territory_id "
                                               "FROM user u WHERE u.username = ?1"));
            q->bind(1, s.key);
            if (!q->step())
                return;
            s.kind = KpiScope::Kind::User;
            const QString userId = q->text(0);
            s.name = q->text(1);
            if (q->text(2) == QLatin1String("rep"))
                s.repId = userId;
            if (!q->isNull(3))
                roots << q->text(3);
            auto owned = m_db.query(QStringLiteral("SELECT id FROM territory WHERE owner_id = ?1"));
            owned->bind(1, userId);
            while (owned->step())
                roots << owned->text(0);
        }
        found = true;
        auto q = m_db.query(descendants);
        q->bind(1,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(roots)).toJson(QJsonDocument::Compact)));
        while (q->step())
            s.territoryIds << q->text(0);
    });
    if (!ok)
        return std::nullopt;
    if (!found) {
        if (error)
            *error = QStringLiteral("no territory code or username '%1' in this store").arg(s.key);
        return std::nullopt;
    }
    return s;
}

bool KpiEngine::scopeChoices(QList<KpiScopeChoice> *out, QString *error)
{
    QList<KpiScopeChoice> items;
    const bool ok = guarded(error, [&] {
        // Depth-first over the territory tree, ordered by code; reps after the territory they own.
        auto q = m_db.query(QStringLiteral(
            "WITH RECURSIVE tree(id, code, name, level, parent_code, path) AS ("
            " SELECT t.id, t.code, t.name, t.level, NULL, t.code FROM territory t"
            "  WHERE t.parent_id IS NULL OR t.parent_id NOT IN (SELECT id FROM territory)"
            " UNION ALL SELECT t.id, t.code, t.name, t.level, tree.code, tree.path || '/' || t.code"
            "  FROM territory t JOIN tree ON t.parent_id = tree.id)"
            " SELECT tree.code, tree.name, tree.level, tree.parent_code, u.username, u.display_name FROM tree"
            " LEFT JOIN user u ON u.role = 'rep' AND (u.home_territory_id = tree.id OR u.id = "
            "(SELECT owner_id FROM territory WHERE id = tree.id))"
            " ORDER BY tree.path, u.username"));
        QString lastCode;
        while (q->step()) {
            const QString code = q->text(0);
            if (code != lastCode)
                items.append(KpiScopeChoice {code, q->text(1), q->text(2), q->text(3)});
            lastCode = code;
            if (!q->isNull(4))
                items.append(KpiScopeChoice {q->text(4), q->text(5), QStringLiteral("rep"), code});
        }
    });
    *out = ok ? items : QList<KpiScopeChoice> {};
    return ok;
}

// --- settings and privacy --------------------------------------------------------------------------

void KpiWeights::apply(const QJsonObject &o)
{
    const auto take = [&o](const char *name, double &into) {
        const QJsonValue v = o.value(QLatin1String(name));
        if (v.isDouble() && v.toDouble() >= 0)
            into = v.toDouble();
    };
    take("first", first);
    take("second", second);
    take("later", later);
}

QJsonObject KpiWeights::toJson() const
{
    return {{QStringLiteral("first"), first}, {QStringLiteral("second"), second},
        {QStringLiteral("later"), later}};
}

KpiWeights KpiEngine::weights()
{
    // The company's weights (the newest `kpi.weights` setting record), unless the user chose their own
    // on this computer (Settings → Dashboard, kept in the database's meta under the same key).
    KpiWeights w = CompanySettings::kpiWeights(m_db);
    auto own = m_db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'kpi.weights'"));
    if (own->step())
        w.apply(QJsonDocument::fromJson(own->textUtf8(0)).object());
    return w;
}

qint64 KpiEngine::costPerCall()
{
    const std::optional<QJsonValue> setting = CompanySettings::value(m_db, CompanySettings::CostPerCallKey);
    if (!setting)
        return kDefaultCostPerCallMinor;
    QJsonValue v = *setting;
    if (v.isObject())
        v = v.toObject().value(QStringLiteral("amount_minor"));
    return v.isDouble() && v.toDouble() >= 0 ? qint64(v.toDouble()) : kDefaultCostPerCallMinor;
}

QString KpiEngine::signedInRole()
{
    QString role;
    guarded(nullptr, [&] {
        auto q = m_db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'role'"));
        if (q->step())
            role = q->text(0);
    });
    return role;
}

bool KpiEngine::maySeeInstitutionSales(const QString &role)
{
    return role == QLatin1String("manager") || role == QLatin1String("sfe") || role == QLatin1String("admin");
}

// --- the KPIs --------------------------------------------------------------------------------------

bool KpiEngine::compute(const KpiPeriod &period, const KpiScope &scope, KpiResult *out, QString *error)
{
    if (!period.isValid()) {
        if (error)
            *error = QStringLiteral("invalid period");
        return false;
    }
    KpiResult r;
    r.period = period;
    r.previousPeriod = period.previous();
    r.scope = scope;
    r.asOf = m_today.isValid() ? m_today : QDate::currentDate();
    const bool ok = guarded(error, [&] {
        // With a second connection to the same WAL file, the previous period is computed on a thread of
        // its own. Both connections hold a read transaction for the whole compute, opened one after the
        // other before any KPI read (SQLite here has no snapshot API to make them one: a commit landing
        // between the two BEGINs would show the periods different snapshots; without the second
        // connection, as before, each statement reads its own).
        sql::Database *second = m_db.inTransaction() ? nullptr : reader();
        std::optional<kpi::ReadTransaction> mainRead;
        std::optional<kpi::ReadTransaction> secondRead;
        if (second) {
            mainRead.emplace(m_db);
            secondRead.emplace(*second);
        }
        r.role = signedInRole();
        r.weights = weights();
        r.costPerCallMinor = costPerCall();
        kpi::Laps laps;
        const double mainCpu = kpi::threadCpuMs();
        // The targets of both periods in one read; each period's visits in one read.
        kpi::PeriodData now;
        kpi::PeriodData before;
        now.period = period;
        now.wantCallIds = true;
        before.period = r.previousPeriod;
        kpi::Keys keys;
        kpi::readTargets(m_db, scope, &keys, {&now, &before});
        laps.lap("targets");
        // The previous period touches nothing this thread uses (the targets' HCPs and their tiers have the
        // same numbers in both copies of the keys; what each thread adds is its own).
        std::optional<kpi::Keys> otherKeys;
        kpi::JoiningTask other; // after everything the thread uses: an exception here joins it first
        if (second) {
            otherKeys.emplace(keys);
            other.start([&, second] { previousAndSales(*second, scope, &*otherKeys, &before, &r); });
            laps.lap("start-other");
        }
        kpi::readVisits(m_db, scope, &keys, &now);
        laps.lap("visits");
        if (second) {
            kpi::headlineVisits(keys, now, &r.now, &r.tiers);
            laps.lap("headline");
        } else {
            kpi::readVisits(m_db, scope, &keys, &before);
            laps.lap("visits-before");
            kpi::headline(m_db, scope, keys, now, &r.now, r.costPerCallMinor, &r.tiers);
            laps.lap("headline");
            kpi::headline(m_db, scope, keys, before, &r.before, r.costPerCallMinor, nullptr);
            laps.lap("headline-before");
        }
        breakdowns(m_db, keys, &now, &r, &laps);
        // Content in calls (issue 21), on this thread while the other one reads the previous period.
        kpi::readContent(m_db, period, scope, &r.content);
        kpi::readContent(m_db, r.previousPeriod, scope, &r.contentBefore);
        laps.lap("content");
        if (second) {
            other.wait();
            laps.lap("wait-other");
            laps.note("other-thread", other.wallMs());
            laps.note("other-thread-cpu", other.cpuMs());
            kpi::headlineRatios(&r.now, r.costPerCallMinor);
        } else {
            kpi::computeSales(m_db, period, scope, &r, &laps);
            laps.lap("sales-groups");
        }
        laps.note("this-thread-cpu", kpi::threadCpuMs() - mainCpu);
        qCDebug(lcKpi).noquote() << "compute" << period.label() << scope.key << laps.text();
    });
    if (ok)
        *out = r;
    return ok;
}

bool KpiEngine::unreachedTargets(const KpiPeriod &period, const KpiScope &scope, const QString &tier,
    QList<KpiTarget> *out, QString *error)
{
    QList<KpiTarget> items;
    const bool ok = guarded(error, [&] {
        const KpiParams p(period, scope);
        auto q = m_db.query(QStringLiteral(
            "WITH %1, %2 SELECT t.hcp_id, coalesce(h.full_name, t.hcp_id), coalesce(i.name, ''),"
            " coalesce(h.tier, ''), t.target FROM targets t LEFT JOIN percall pc ON pc.hcp_id = t.hcp_id"
            " LEFT JOIN hcp h ON h.id = t.hcp_id LEFT JOIN institution i ON i.id = h.institution_id"
            " WHERE pc.n IS NULL AND (:tier = '' OR h.tier = :tier) ORDER BY 2, 1")
                                .arg(kpi::targetsCte(), kpi::percallCte()));
        q->bind(q->parameterIndex(":tier"), tier);
        p.bind(q);
        while (q->step())
            items.append(KpiTarget {q->text(0), q->text(1), q->text(2), q->text(3), q->integer(4)});
    });
    *out = ok ? items : QList<KpiTarget> {};
    return ok;
}

} // namespace rounds
