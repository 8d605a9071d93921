#include "models/kpis.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <vector>

Q_LOGGING_CATEGORY(lcKpi, "rounds.kpi", QtInfoMsg)

namespace rounds {

namespace {

const QStringList kTiers {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};
const QStringList kChannels {QStringLiteral("face_to_face"), QStringLiteral("remote"),
    QStringLiteral("phone"), QStringLiteral("message"), QStringLiteral("material")};
constexpr qint64 kDefaultCostPerCallMinor = 20000; // 200 yuan

// A call is a conversation (in person, video, phone); a message or handed material is a touch.
const char *const kCallChannels = "('face_to_face', 'remote', 'phone')";
const char *const kTouchChannels = "('message', 'material')";

QString utcStartOf(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
}

std::optional<double> ratio(double num, double den, double scale = 1.0)
{
    if (den == 0)
        return std::nullopt;
    return num / den * scale;
}

QString monthKey(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

QDate monthStart(const QString &key)
{
    return QDate::fromString(key + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
}

// The bindings every KPI query may use, by name; a query binds those it names.
struct Params
{
    QString scope; // JSON array of territory ids, or null for everything
    QString rep; // a rep's user id, or null
    QString from; // UTC, inclusive
    QString to; // UTC, exclusive
    QString start; // local date, inclusive
    QString end; // local date, inclusive
    QString offset; // "+480 minutes": the local day of a UTC time
    QString months; // JSON array of yyyy-MM

    Params(const KpiPeriod &p, const KpiScope &s)
    {
        if (s.kind != KpiScope::Kind::All)
            scope = QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(s.territoryIds)).toJson(QJsonDocument::Compact));
        rep = s.repId.isEmpty() ? QString() : s.repId;
        from = utcStartOf(p.start);
        to = utcStartOf(p.end.addDays(1));
        start = p.start.toString(Qt::ISODate);
        end = p.end.toString(Qt::ISODate);
        const int secs = QDateTime(p.start, QTime(12, 0)).offsetFromUtc();
        offset = QStringLiteral("%1%2 minutes").arg(secs < 0 ? u'-' : u'+').arg(std::abs(secs) / 60);
        months = QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(p.months())).toJson(QJsonDocument::Compact));
    }

    void bind(sql::Query &q) const
    {
        const struct
        {
            const char *name;
            const QString &value;
        } all[] = {{":scope", scope}, {":rep", rep}, {":from", from}, {":to", to}, {":start", start},
            {":end", end}, {":offset", offset}, {":months", months}};
        for (const auto &p : all) {
            if (const int i = q->parameterIndex(p.name))
                q->bind(i, p.value);
        }
    }
};

// The filters shared by the queries; `v` is the visit alias.
QString visitsInPeriod(const QString &v = QStringLiteral("v"))
{
    return QStringLiteral("%1.status = 'submitted' AND %1.visited_at >= :from AND %1.visited_at < :to "
                          "AND (:scope IS NULL OR %1.territory_id IN (SELECT value FROM json_each(:scope))) "
                          "AND (:rep IS NULL OR %1.rep_id = :rep)")
        .arg(v);
}

bool isCallChannel(const QString &channel)
{
    return channel == QLatin1String("face_to_face") || channel == QLatin1String("remote")
        || channel == QLatin1String("phone");
}

QString callChannel(const QString &v = QStringLiteral("v"))
{
    return v + QStringLiteral(".channel IN ") + QLatin1String(kCallChannels);
}

// Targets: one row per HCP aligned, during the period, to a territory in scope with a target > 0. An
// HCP aligned to two territories in scope counts once, with the larger target.
const QString kTargetsCte = QStringLiteral(
    "targets AS (SELECT a.hcp_id, max(a.target_calls_per_cycle) AS target FROM alignment a "
    "WHERE a.target_calls_per_cycle > 0 AND a.valid_from <= :end "
    "AND (a.valid_to IS NULL OR a.valid_to >= :start) "
    "AND (:scope IS NULL OR a.territory_id IN (SELECT value FROM json_each(:scope))) GROUP BY a.hcp_id)");

QString percallCte()
{
    return QStringLiteral("percall AS (SELECT v.hcp_id, count(*) AS n FROM visit v WHERE %1 AND %2 "
                          "GROUP BY v.hcp_id)")
        .arg(visitsInPeriod(), callChannel());
}

const QString kSalesScope
    = QStringLiteral("(:scope IS NULL OR s.territory_id IN (SELECT value FROM json_each(:scope)))");

// Where compute()'s time goes, logged at debug level (QT_LOGGING_RULES="rounds.kpi.debug=true").
class Laps
{
public:
    Laps() { m_timer.start(); }
    void lap(const char *what)
    {
        const qint64 ns = m_timer.nsecsElapsed();
        m_text += QStringLiteral(" %1 %2").arg(QLatin1String(what)).arg(double(ns - m_last) / 1e6, 0, 'f', 1);
        m_last = ns;
    }
    // Time spent elsewhere (the second thread), listed but not part of this thread's total.
    void note(const char *what, double ms)
    {
        m_text += QStringLiteral(" %1 %2").arg(QLatin1String(what)).arg(ms, 0, 'f', 1);
    }
    QString text() const
    {
        return QStringLiteral("%1 ms:%2").arg(double(m_last) / 1e6, 0, 'f', 1).arg(m_text);
    }

private:
    QElapsedTimer m_timer;
    qint64 m_last = 0;
    QString m_text;
};

// A read transaction (BEGIN and a first read, so the snapshot is taken now) ended when it goes out of
// scope; a failed COMMIT of a read is only logged.
class ReadTransaction
{
public:
    explicit ReadTransaction(sql::Database &db)
        : m_db(db)
    {
        m_db.exec(QStringLiteral("BEGIN"));
        try {
            m_db.scalarInt(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
        } catch (...) {
            end();
            throw;
        }
    }
    ~ReadTransaction() { end(); }
    Q_DISABLE_COPY_MOVE(ReadTransaction)

private:
    void end()
    {
        try {
            m_db.exec(QStringLiteral("COMMIT"));
        } catch (const sql::SqlError &e) {
            qCWarning(lcKpi) << e.text();
        }
    }
    sql::Database &m_db;
};

// This thread's CPU time in ms (for the debug log: what each thread would take on an idle machine).
double threadCpuMs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

template<typename Body> bool guarded(QString *error, Body &&body)
{
    try {
        body();
        return true;
    } catch (const sql::SqlError &e) {
        qCWarning(lcKpi) << e.text();
        if (error)
            *error = e.text();
        return false;
    }
}

} // namespace

// --- periods ---------------------------------------------------------------------------------------

std::optional<KpiPeriod> KpiPeriod::parse(const QString &text, QString *error)
{
    const QString t = text.trimmed();
    static const QRegularExpression monthRe(QStringLiteral("^(\\d{4})-(\\d{2})$"));
    static const QRegularExpression quarterRe(QStringLiteral("^(\\d{4})-[Qq]([1-4])$"));
    static const QRegularExpression cycleRe(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})$"));
    KpiPeriod p;
    if (const auto m = monthRe.match(t); m.hasMatch()) {
        const int month = m.captured(2).toInt();
        if (month >= 1 && month <= 12)
            p = KpiPeriod::month(m.captured(1).toInt(), month);
    } else if (const auto m = quarterRe.match(t); m.hasMatch()) {
        const int q = m.captured(2).toInt();
        p.kind = Kind::Quarter;
        p.start = QDate(m.captured(1).toInt(), 3 * q - 2, 1);
        p.end = p.start.addMonths(3).addDays(-1);
    } else if (const auto m = cycleRe.match(t); m.hasMatch()) {
        p.kind = Kind::Cycle;
        p.start = QDate::fromString(m.captured(1), Qt::ISODate);
        p.end = QDate::fromString(m.captured(2), Qt::ISODate);
    }
    if (!p.isValid() || p.days() > 3 * 366) {
        if (error)
            *error = QStringLiteral("'%1' is not a period: use a month (2026-10), a quarter (2026-Q3) or a "
                                    "cycle of at most three years (2026-09-01..2026-09-30)")
                         .arg(text);
        return std::nullopt;
    }
    return p;
}

KpiPeriod KpiPeriod::month(int year, int month)
{
    KpiPeriod p;
    p.kind = Kind::Month;
    p.start = QDate(year, month, 1);
    p.end = p.start.addMonths(1).addDays(-1);
    return p;
}

KpiPeriod KpiPeriod::previous() const
{
    KpiPeriod p = *this;
    switch (kind) {
    case Kind::Month:
        return month(start.addMonths(-1).year(), start.addMonths(-1).month());
    case Kind::Quarter:
        p.start = start.addMonths(-3);
        p.end = start.addDays(-1);
        return p;
    case Kind::Cycle:
        p.end = start.addDays(-1);
        p.start = p.end.addDays(-(days() - 1));
        return p;
    }
    return p;
}

KpiPeriod KpiPeriod::yearBefore() const
{
    KpiPeriod p = *this;
    p.start = start.addYears(-1);
    p.end
        = kind == Kind::Cycle ? end.addYears(-1) : p.start.addMonths(kind == Kind::Month ? 1 : 3).addDays(-1);
    return p;
}

QString KpiPeriod::label() const
{
    switch (kind) {
    case Kind::Month:
        return monthKey(start);
    case Kind::Quarter:
        return QStringLiteral("%1-Q%2").arg(start.year()).arg((start.month() - 1) / 3 + 1);
    case Kind::Cycle:
        return start.toString(Qt::ISODate) + QStringLiteral("..") + end.toString(Qt::ISODate);
    }
    return {};
}

QStringList KpiPeriod::months() const
{
    QStringList out;
    if (!isValid())
        return out;
    for (QDate m(start.year(), start.month(), 1); m <= end; m = m.addMonths(1))
        out << monthKey(m);
    return out;
}

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
        m_reader = std::make_unique<sql::Database>(path, options);
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

KpiWeights KpiEngine::weights()
{
    // The company's weights (the admin's `kpi.weights` setting record), then the user's own on this
    // computer (Settings → Dashboard, kept in the database's meta under the same key) over them.
    KpiWeights w;
    const auto apply = [&w](const QByteArray &json) {
        const QJsonObject o = QJsonDocument::fromJson(json).object();
        const auto take = [&o](const char *name, double &into) {
            const QJsonValue v = o.value(QLatin1String(name));
            if (v.isDouble() && v.toDouble() >= 0)
                into = v.toDouble();
        };
        take("first", w.first);
        take("second", w.second);
        take("later", w.later);
    };
    auto q = m_db.query(QStringLiteral("SELECT value FROM setting WHERE key = 'kpi.weights' LIMIT 1"));
    if (q->step())
        apply(q->textUtf8(0));
    auto own = m_db.query(QStringLiteral("SELECT value FROM sync_meta WHERE key = 'kpi.weights'"));
    if (own->step())
        apply(own->textUtf8(0));
    return w;
}

qint64 KpiEngine::costPerCall()
{
    auto q = m_db.query(
        QStringLiteral("SELECT value FROM setting WHERE key = 'kpi.cost_per_call_minor' LIMIT 1"));
    if (!q->step())
        return kDefaultCostPerCallMinor;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + q->textUtf8(0) + "]");
    QJsonValue v = doc.array().at(0);
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

// --- what a period's KPIs are computed from -------------------------------------------------------

namespace {

// SQL NULL as a key no stored text is, so NULLs group apart, as in SQL; callers skip it where SQL's
// comparisons would (NULL = x is never true).
constexpr std::string_view kNullKey("\0N", 2);

// A text column's bytes (valid until the next step), or kNullKey.
std::string_view columnKey(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL)
        return kNullKey;
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(s, col))) : std::string_view();
}

bool isNullKey(std::string_view key)
{
    return key == kNullKey;
}

QString keyText(std::string_view key)
{
    return isNullKey(key) ? QString() : QString::fromUtf8(key.data(), qsizetype(key.size()));
}

bool isCallChannel(std::string_view channel)
{
    return channel == "face_to_face" || channel == "remote" || channel == "phone";
}

// `text` as a JSON string (RFC 8259 escapes), appended to `out`.
void appendJsonString(std::string *out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    *out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            *out += '\\';
            *out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            *out += "\\u00";
            *out += hex[(c >> 4) & 0xf];
            *out += hex[c & 0xf];
        } else {
            *out += c;
        }
    }
    *out += '"';
}

// SQL's order of a text column (NULL first, then BINARY: the UTF-8 bytes).
bool sqlTextLess(std::string_view a, std::string_view b)
{
    if (isNullKey(a) != isNullKey(b))
        return isNullKey(a);
    return !isNullKey(a) && a < b;
}

// Text keys (ids, days, channels) turned into dense numbers 0, 1, 2 ... in the order first seen: an
// open-addressing table over one byte arena, so the tens of thousands of HCP and visit ids of a
// period cost no allocation each (node-based maps spent most of compute()'s C++ time).
class Interner
{
public:
    explicit Interner(std::size_t expected = 16)
    {
        std::size_t n = 16;
        while (n < expected * 2)
            n *= 2;
        m_slots.assign(n, Slot {});
    }

    int find(std::string_view key) const
    {
        const std::size_t h = std::hash<std::string_view>()(key);
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot &slot = m_slots[i];
            if (slot.id < 0)
                return -1;
            if (slot.tag == std::uint32_t(h) && at(slot.id) == key)
                return slot.id;
        }
    }

    int intern(std::string_view key)
    {
        if (2 * (m_spans.size() + 1) > m_slots.size())
            grow();
        const std::size_t h = std::hash<std::string_view>()(key);
        std::size_t i = h & (m_slots.size() - 1);
        for (;; i = (i + 1) & (m_slots.size() - 1)) {
            const Slot &slot = m_slots[i];
            if (slot.id < 0)
                break;
            if (slot.tag == std::uint32_t(h) && at(slot.id) == key)
                return slot.id;
        }
        const int id = int(m_spans.size());
        m_spans.push_back({m_arena.size(), key.size()});
        m_arena.append(key);
        m_slots[i] = Slot {std::uint32_t(h), id};
        return id;
    }

    std::string_view at(int id) const
    {
        const auto &[offset, size] = m_spans[std::size_t(id)];
        return std::string_view(m_arena).substr(offset, size);
    }
    int size() const { return int(m_spans.size()); }

private:
    // The hash's low 32 bits are kept beside the id, so a probe that meets another key rarely reads
    // the arena (each read there is a cache miss in a table of 50,000 HCPs).
    struct Slot
    {
        std::uint32_t tag = 0;
        int id = -1;
    };

    void grow()
    {
        std::vector<Slot> table(m_slots.size() * 2, Slot {});
        for (const Slot &slot : m_slots) {
            if (slot.id < 0)
                continue;
            const std::size_t h = std::hash<std::string_view>()(at(slot.id));
            std::size_t i = h & (table.size() - 1);
            while (table[i].id >= 0)
                i = (i + 1) & (table.size() - 1);
            table[i] = Slot {std::uint32_t(h), slot.id};
        }
        m_slots.swap(table);
    }

    std::string m_arena;
    std::vector<std::pair<std::size_t, std::size_t>> m_spans; // (offset, size) in the arena
    std::vector<Slot> m_slots;
};

// The scope's territory test of the queries (`territory_id IN (SELECT value FROM json_each(:scope))`)
// done in C++ on the rows read: a hash probe instead of a B-tree seek per row. NULL is in no scope.
class ScopeFilter
{
public:
    explicit ScopeFilter(const KpiScope &scope)
        : m_all(scope.kind == KpiScope::Kind::All)
    {
        for (const QString &id : scope.territoryIds)
            m_ids.intern(id.toStdString());
    }
    bool operator()(std::string_view territory) const
    {
        return m_all || (!isNullKey(territory) && m_ids.find(territory) >= 0);
    }

private:
    bool m_all;
    Interner m_ids;
};

} // namespace

// The keys of one compute(), shared by its periods: an HCP, a rep, a day has the same number in both.
struct KpiEngine::Keys
{
    Interner hcps {65536};
    Interner reps;
    Interner days {2048};
    Interner channels;
    std::vector<std::string> tiers; // by HCP; "" when the HCP has none (or is not in the store)
};

struct KpiEngine::PeriodData
{
    // The period's submitted visits in scope counted by (rep, local day, channel): the headline counts,
    // the channel mix, calls per day and the support trend all come from these cells.
    struct VisitCell
    {
        QString rep;
        bool repNull = false;
        QString day; // yyyy-MM-dd, local; empty when SQLite could not read the time
        bool dayNull = false;
        QString channel;
        qint64 visits = 0;
        qint64 supportVisits = 0;
        double supportSum = 0;
    };
    struct Rep
    {
        qint64 calls = 0;
        std::vector<bool> days; // by day key: a call that day (NULL days left out)
        std::vector<int> hcps; // HCP keys of the calls (NULL left out), with repeats
    };

    KpiPeriod period;
    std::vector<qint64> targets; // by HCP key: the largest target valid during the period, 0 = none
    std::vector<qint64> calls; // by HCP key: calls in the period (NULL HCPs left out)
    std::vector<Rep> reps; // by rep key (NULL is a rep of its own, as in GROUP BY)
    QList<VisitCell> cells;
    bool wantCallIds = false;
    std::vector<std::string> callIds; // the calls' visit ids, for product share

    qint64 targetOf(int hcp) const
    {
        return hcp >= 0 && std::size_t(hcp) < targets.size() ? targets[std::size_t(hcp)] : 0;
    }
};

// Targets of every period at once: one read of the alignments valid during any of them (the covering
// KPI index), each alignment then tested against each period's dates in C++ with SQL's text order; and
// one read of the HCPs' tiers.
void KpiEngine::readTargets(const KpiScope &scope, Keys *keys, const QList<PeriodData *> &periods)
{
    if (periods.isEmpty())
        return;
    KpiPeriod span = periods.first()->period;
    for (const PeriodData *d : periods) {
        span.start = std::min(span.start, d->period.start);
        span.end = std::max(span.end, d->period.end);
    }
    struct Dates
    {
        std::string start, end;
    };
    std::vector<Dates> dates;
    for (const PeriodData *d : periods)
        dates.push_back(Dates {d->period.start.toString(Qt::ISODate).toStdString(),
            d->period.end.toString(Qt::ISODate).toStdString()});
    const Params p(span, scope);
    auto q = m_db.query(
        QStringLiteral("SELECT a.hcp_id, a.target_calls_per_cycle, a.valid_from, a.valid_to, a.territory_id"
                       " FROM alignment a WHERE a.target_calls_per_cycle > 0 AND a.valid_from <= :end"
                       " AND (a.valid_to IS NULL OR a.valid_to >= :start)"));
    p.bind(q);
    const ScopeFilter inScope(scope);
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(columnKey(s, 4)))
            continue;
        const int hcp = keys->hcps.intern(columnKey(s, 0));
        const qint64 target = sqlite3_column_int64(s, 1);
        // valid_from and valid_to are text (dates): SQL compared them with the bound dates as BINARY text.
        const std::string_view from = columnKey(s, 2);
        const bool open = sqlite3_column_type(s, 3) == SQLITE_NULL;
        const std::string_view to = open ? std::string_view() : columnKey(s, 3);
        for (qsizetype i = 0; i < periods.size(); ++i) {
            if (from > dates[std::size_t(i)].end || (!open && to < dates[std::size_t(i)].start))
                continue;
            std::vector<qint64> &targets = periods[i]->targets;
            if (targets.size() <= std::size_t(hcp))
                targets.resize(std::size_t(hcp) + 1, 0);
            targets[std::size_t(hcp)] = std::max(targets[std::size_t(hcp)], target);
        }
    }
    keys->tiers.assign(std::size_t(keys->hcps.size()), std::string());
    auto h = m_db.query(QStringLiteral("SELECT id, tier FROM hcp WHERE tier IS NOT NULL"));
    s = h->handle();
    while (h->step()) {
        const int hcp = keys->hcps.find(columnKey(s, 0));
        if (hcp >= 0)
            keys->tiers[std::size_t(hcp)] = columnKey(s, 1);
    }
}

// The period's submitted visits in scope, one row each from the covering KPI visit index, counted in
// C++ by (rep, local day, channel), by HCP and by rep.
void KpiEngine::readVisits(const KpiScope &scope, Keys *keys, PeriodData *data)
{
    const Params p(data->period, scope);
    auto q = m_db.query(QStringLiteral(
        "SELECT v.rep_id, date(v.visited_at, :offset), v.channel, v.hcp_id, v.support_level,"
        " v.territory_id, v.id FROM visit v WHERE v.status = 'submitted' AND v.visited_at >= :from"
        " AND v.visited_at < :to AND (:rep IS NULL OR v.rep_id = :rep)"));
    p.bind(q);
    const ScopeFilter inScope(scope);
    struct Cell
    {
        qint64 visits = 0;
        qint64 supportVisits = 0;
        double supportSum = 0;
    };
    std::unordered_map<std::uint64_t, Cell> cells; // by (rep, day, channel) keys
    sqlite3_stmt *s = q->handle();
    while (q->step()) {
        if (!inScope(columnKey(s, 5)))
            continue;
        const int rep = keys->reps.intern(columnKey(s, 0));
        const std::string_view dayText = columnKey(s, 1);
        const int day = keys->days.intern(dayText);
        const std::string_view channelText = columnKey(s, 2);
        const int channel = keys->channels.intern(channelText);
        if (isCallChannel(channelText)) {
            if (data->reps.size() <= std::size_t(rep))
                data->reps.resize(std::size_t(rep) + 1);
            PeriodData::Rep &r = data->reps[std::size_t(rep)];
            ++r.calls;
            if (!isNullKey(dayText)) {
                if (r.days.size() <= std::size_t(day))
                    r.days.resize(std::size_t(day) + 1, false);
                r.days[std::size_t(day)] = true;
            }
            if (data->wantCallIds)
                data->callIds.emplace_back(columnKey(s, 6));
            const std::string_view hcpText = columnKey(s, 3);
            if (!isNullKey(hcpText)) {
                const int hcp = keys->hcps.intern(hcpText);
                if (data->calls.size() <= std::size_t(hcp))
                    data->calls.resize(std::size_t(hcp) + 1, 0);
                ++data->calls[std::size_t(hcp)];
                r.hcps.push_back(hcp);
            }
        }
        Cell &cell = cells[(std::uint64_t(rep) << 40) | (std::uint64_t(day) << 20) | std::uint64_t(channel)];
        ++cell.visits;
        if (sqlite3_column_type(s, 4) != SQLITE_NULL) {
            ++cell.supportVisits;
            cell.supportSum += sqlite3_column_double(s, 4);
        }
    }
    data->cells.reserve(qsizetype(cells.size()));
    for (const auto &[key, cell] : cells) {
        const std::string_view rep = keys->reps.at(int(key >> 40));
        const std::string_view day = keys->days.at(int((key >> 20) & 0xfffff));
        const std::string_view channel = keys->channels.at(int(key & 0xfffff));
        data->cells.append(PeriodData::VisitCell {keyText(rep), isNullKey(rep), keyText(day), isNullKey(day),
            keyText(channel), cell.visits, cell.supportVisits, cell.supportSum});
    }
}

void KpiEngine::headline(const KpiScope &scope, const Keys &keys, const PeriodData &data, KpiHeadline *h,
    qint64 costPerCall, QList<KpiTierReach> *tiers)
{
    headlineVisits(keys, data, h, tiers);
    headlineStore(scope, data.period, h);
    headlineRatios(h, costPerCall);
}

// The headline figures counted from the period's targets and visits (read before).
void KpiEngine::headlineVisits(
    const Keys &keys, const PeriodData &data, KpiHeadline *h, QList<KpiTierReach> *tiers)
{
    {
        // Reach, frequency and coverage by tier; HCPs without a tier count in the totals only. Calls on
        // HCPs that are not targets reach nobody.
        std::unordered_map<std::string, KpiTierReach> byTier;
        for (std::size_t hcp = 0; hcp < data.targets.size(); ++hcp) {
            const qint64 target = data.targets[hcp];
            if (target <= 0)
                continue;
            const qint64 n = hcp < data.calls.size() ? data.calls[hcp] : 0;
            ++h->targets;
            h->reached += n > 0;
            h->callsOnReached += int(n);
            h->covered += n >= target;
            KpiTierReach &t = byTier[keys.tiers[hcp]];
            ++t.targets;
            t.reached += n > 0;
        }
        if (tiers) {
            tiers->clear();
            for (const QString &tier : kTiers) {
                const auto it = byTier.find(tier.toStdString());
                KpiTierReach r = it == byTier.end()
                    ? KpiTierReach {tier, 0, 0, {}}
                    : KpiTierReach {tier, it->second.targets, it->second.reached, {}};
                r.reachPct = ratio(r.reached, r.targets, 100);
                tiers->append(r);
            }
        }
    }
    {
        // Calls, touches, field days (distinct rep and local day with a call) and support.
        static const QStringList callChannels {
            QStringLiteral("face_to_face"), QStringLiteral("remote"), QStringLiteral("phone")};
        static const QStringList touchChannels {QStringLiteral("message"), QStringLiteral("material")};
        QSet<QString> fieldDays;
        double supportSum = 0;
        for (const PeriodData::VisitCell &c : data.cells) {
            if (touchChannels.contains(c.channel))
                h->touches += c.visits;
            if (!callChannels.contains(c.channel))
                continue;
            h->calls += c.visits;
            h->supportVisits += c.supportVisits;
            supportSum += c.supportSum;
            if (!c.repNull && !c.dayNull)
                fieldDays.insert(c.rep + u'|' + c.day);
        }
        h->fieldDays = fieldDays.size();
        if (h->supportVisits > 0)
            h->averageSupport = supportSum / double(h->supportVisits);
    }
}

// The headline figures read from the store: plans, events, sales and market share. They set other
// fields of the headline than headlineVisits(), so the two may run on different threads.
void KpiEngine::headlineStore(const KpiScope &scope, const KpiPeriod &period, KpiHeadline *h)
{
    const Params p(period, scope);
    {
        auto q = m_db.query(QStringLiteral(
            "SELECT coalesce(sum(status = 'done'), 0), coalesce(sum(status <> 'cancelled'), 0),"
            " coalesce(sum(status = 'cancelled'), 0) FROM visit_plan WHERE planned_at >= :from AND "
            "planned_at < :to"
            " AND (:scope IS NULL OR territory_id IN (SELECT value FROM json_each(:scope)))"));
        p.bind(q);
        q->step();
        h->plansDone = q->integer(0);
        h->plansNotCancelled = q->integer(1);
        h->plansCancelled = q->integer(2);
    }
    {
        // Events: meetings held (or held and closed) that started in the period; spend is what was
        // committed or paid, not estimates.
        auto q = m_db.query(QStringLiteral(
            "WITH m AS (SELECT id, budget_minor FROM meeting WHERE status IN ('held', 'closed')"
            " AND starts_at >= :from AND starts_at < :to"
            " AND (:scope IS NULL OR territory_id IN (SELECT value FROM json_each(:scope)))"
            " AND (:rep IS NULL OR owner_id = :rep))"
            " SELECT (SELECT count(*) FROM m), (SELECT coalesce(sum(budget_minor), 0) FROM m),"
            " (SELECT coalesce(sum(e.amount_minor), 0) FROM meeting_expense e WHERE e.meeting_id IN (SELECT "
            "id FROM m)"
            "  AND e.status IN ('committed', 'actual')),"
            " (SELECT count(*) FROM meeting_attendee a WHERE a.meeting_id IN (SELECT id FROM m) AND "
            "a.signed_in = 1),"
            " (SELECT count(DISTINCT a.hcp_id) FROM meeting_attendee a WHERE a.meeting_id IN (SELECT id FROM "
            "m)"
            "  AND a.signed_in = 1)"));
        p.bind(q);
        q->step();
        h->meetingsHeld = q->integer(0);
        h->budgetMinor = q->int64(1);
        h->spendMinor = q->int64(2);
        h->attendances = q->integer(3);
        h->attendingHcps = q->integer(4);
    }
    {
        // Sales are internal values over the months the period overlaps; market share only where an
        // external figure exists for the same institution, product and month.
        // One pass grouped by (institution, product, month); the unary + keeps the planner on the
        // covering month index instead of walking the institution index over every fact.
        auto q = m_db.query(QStringLiteral(
            "SELECT coalesce(sum(i), 0), sum(CASE WHEN x THEN i END), sum(CASE WHEN x THEN t END) FROM"
            " (SELECT sum(CASE WHEN s.source = 'internal' THEN s.value_minor END) AS i, sum(s.value_minor) "
            "AS t,"
            " max(s.source = 'external') AS x FROM sales_fact s"
            " WHERE s.month IN (SELECT value FROM json_each(:months)) AND %1"
            " GROUP BY +s.institution_id, +s.product_id, +s.month)")
                                .arg(kSalesScope));
        p.bind(q);
        q->step();
        h->salesMinor = q->int64(0);
        if (!q->isNull(2))
            h->marketSharePct = ratio(q->isNull(1) ? 0.0 : q->real(1), q->real(2), 100);
    }
}

void KpiEngine::headlineRatios(KpiHeadline *h, qint64 costPerCall)
{
    h->reachPct = ratio(h->reached, h->targets, 100);
    h->frequency = ratio(h->callsOnReached, h->reached);
    h->coveragePct = ratio(h->covered, h->targets, 100);
    h->planAttainmentPct = ratio(h->plansDone, h->plansNotCancelled, 100);
    h->callsPerFieldDay = ratio(h->calls, h->fieldDays);
    h->spendVsBudgetPct = ratio(double(h->spendMinor), double(h->budgetMinor), 100);
    h->costPerAttendingHcpMinor = ratio(double(h->spendMinor), h->attendingHcps);
    h->roi = ratio(double(h->salesMinor), double(h->spendMinor) + double(costPerCall) * h->calls);
}

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
    const bool ok = guarded(error, [&] {
        // With a second connection to the same WAL file, the previous period is computed on a thread of
        // its own. Both connections hold a read transaction for the whole compute, opened one after the
        // other before any KPI read (SQLite here has no snapshot API to make them one: a commit landing
        // between the two BEGINs would show the periods different snapshots; without the second
        // connection, as before, each statement reads its own).
        sql::Database *second = m_db.inTransaction() ? nullptr : reader();
        std::optional<ReadTransaction> mainRead;
        std::optional<ReadTransaction> secondRead;
        if (second) {
            mainRead.emplace(m_db);
            secondRead.emplace(*second);
        }
        std::thread other;
        r.role = signedInRole();
        r.weights = weights();
        r.costPerCallMinor = costPerCall();
        Laps laps;
        const double mainCpu = threadCpuMs();
        // The targets of both periods in one read; each period's visits in one read.
        PeriodData now;
        PeriodData before;
        now.period = period;
        now.wantCallIds = true;
        before.period = r.previousPeriod;
        Keys keys;
        readTargets(scope, &keys, {&now, &before});
        laps.lap("targets");
        // The previous period touches nothing this thread uses: its own copy of the keys (the targets'
        // HCPs and their tiers have the same numbers in both copies; what each thread adds is its own),
        // its own PeriodData, r.before and its own connection.
        const Params p(period, scope);
        // Sales by month and by territory, product and institution: read from the store only, after the
        // period's headline sales (their year-on-year and shares); on whichever connection runs them.
        const auto sales = [&](sql::Database &db, Laps *salesLaps) {
            // Sales by month: 36 months ending with the period's last month are read, so the 24 shown all
            // have their year-on-year; from the monthly summary kept by triggers (client migration 11).
            {
                const QDate lastMonth(period.end.year(), period.end.month(), 1);
                const QString first = monthKey(lastMonth.addMonths(-35));
                auto q = db.query(QStringLiteral(
                    "SELECT s.month, CASE WHEN sum(CASE WHEN s.source = 'internal' THEN s.valued END) > 0"
                    " THEN sum(CASE WHEN s.source = 'internal' THEN s.value_minor END) END,"
                    " CASE WHEN sum(CASE WHEN s.source = 'external' THEN s.valued END) > 0"
                    " THEN sum(CASE WHEN s.source = 'external' THEN s.value_minor END) END FROM "
                    "kpi_sales_month s"
                    " WHERE s.month >= :first AND s.month <= :last AND %1 GROUP BY s.month")
                                      .arg(kSalesScope));
                q->bind(q->parameterIndex(":first"), first);
                q->bind(q->parameterIndex(":last"), monthKey(lastMonth));
                p.bind(q);
                QHash<QString, std::optional<qint64>> internal;
                QHash<QString, std::optional<qint64>> external;
                while (q->step()) {
                    if (!q->isNull(1))
                        internal.insert(q->text(0), q->int64(1));
                    if (!q->isNull(2))
                        external.insert(q->text(0), q->int64(2));
                }
                const auto pctChange
                    = [&internal](const QString &now, const QString &then) -> std::optional<double> {
                    const auto a = internal.value(now);
                    const auto b = internal.value(then);
                    if (!a || !b || *b == 0)
                        return std::nullopt;
                    return (double(*a) - double(*b)) / double(*b) * 100;
                };
                for (int i = 23; i >= 0; --i) {
                    const QDate m = lastMonth.addMonths(-i);
                    const QString key = monthKey(m);
                    KpiMonthSales row;
                    row.month = key;
                    row.internalMinor = internal.value(key).value_or(0);
                    row.externalMinor = external.value(key);
                    row.momPct = pctChange(key, monthKey(m.addMonths(-1)));
                    row.yoyPct = pctChange(key, monthKey(m.addMonths(-12)));
                    r.salesByMonth.append(row);
                }
                // Year-on-year of the period: the same months a year before, all of them with sales.
                qint64 before = 0;
                bool complete = true;
                for (const QString &key : period.months()) {
                    const auto v = internal.value(monthKey(monthStart(key).addMonths(-12)));
                    complete = complete && v.has_value();
                    before += v.value_or(0);
                }
                if (complete && before != 0 && period.months().size() <= 24)
                    r.salesYoyPct = (double(r.now.salesMinor) - double(before)) / double(before) * 100;

                // Forecast from the months with internal sales up to the period's last month.
                QDate lastWithSales;
                for (int i = 0; i < 36; ++i) {
                    if (internal.value(monthKey(lastMonth.addMonths(-i)))) {
                        lastWithSales = lastMonth.addMonths(-i);
                        break;
                    }
                }
                QList<std::pair<int, double>> history; // (month index relative to lastWithSales, value)
                if (lastWithSales.isValid()) {
                    for (int i = 35; i >= 0; --i) {
                        const QDate m = lastWithSales.addMonths(-i);
                        if (m < lastMonth.addMonths(-35))
                            continue;
                        if (const auto v = internal.value(monthKey(m)))
                            history.append({-i, double(*v)});
                    }
                }
                const auto seasonal
                    = [&](int k) { return internal.value(monthKey(lastWithSales.addMonths(k - 12))); };
                if (history.size() >= 13 && seasonal(1) && seasonal(2) && seasonal(3)) {
                    r.forecastMethod = QStringLiteral("seasonal_naive");
                    for (int k = 1; k <= 3; ++k) {
                        KpiMonthSales f;
                        f.month = monthKey(lastWithSales.addMonths(k));
                        f.internalMinor = *seasonal(k);
                        r.forecast.append(f);
                    }
                } else if (history.size() >= 2) {
                    // Least squares over the last (at most) 24 months with sales.
                    const auto points = history.mid(std::max<qsizetype>(0, history.size() - 24));
                    double sx = 0, sy = 0, sxx = 0, sxy = 0;
                    for (const auto &[x, y] : points) {
                        sx += x;
                        sy += y;
                        sxx += double(x) * x;
                        sxy += x * y;
                    }
                    const double n = double(points.size());
                    const double den = n * sxx - sx * sx;
                    const double slope = den == 0 ? 0 : (n * sxy - sx * sy) / den;
                    const double intercept = (sy - slope * sx) / n;
                    r.forecastMethod = QStringLiteral("linear_trend");
                    for (int k = 1; k <= 3; ++k) {
                        KpiMonthSales f;
                        f.month = monthKey(lastWithSales.addMonths(k));
                        f.internalMinor = std::max<qint64>(0, std::llround(intercept + slope * k));
                        r.forecast.append(f);
                    }
                } else {
                    r.forecastMethod = QStringLiteral("none");
                }
            }
            if (salesLaps)
                salesLaps->lap("sales-months");
            {
                const bool institutions = maySeeInstitutionSales(r.role);
                r.institutionSalesHidden = !institutions;
                const struct
                {
                    QList<KpiCount> *into;
                    QString column;
                    QString sql;
                } groups[] = {
                    {&r.salesByTerritory, QStringLiteral("territory_id"),
                        QStringLiteral("SELECT g.k, coalesce(t.code || ' ' || t.name, g.k), g.n, g.v FROM %1"
                                       " LEFT JOIN territory t ON t.id = g.k")},
                    {&r.salesByProduct, QStringLiteral("product_id"),
                        QStringLiteral(
                            "SELECT g.k, coalesce(p.name, g.k), g.n, g.v FROM %1 LEFT JOIN product p "
                            "ON p.id = g.k")},
                    {institutions ? &r.salesByInstitution : nullptr, QStringLiteral("institution_id"),
                        QStringLiteral("SELECT g.k, coalesce(i.name, g.k), g.n, g.v FROM %1"
                                       " LEFT JOIN institution i ON i.id = g.k")},
                };
                for (const auto &g : groups) {
                    if (!g.into)
                        continue;
                    // Grouped first over the covering month index (the unary + keeps the planner from
                    // walking the grouping column's own index over every fact), then named.
                    auto q = db.query(
                        g.sql.arg(QStringLiteral(
                            "(SELECT s.%1 AS k, count(*) AS n, sum(s.value_minor) AS v FROM sales_fact s"
                            " WHERE s.source = 'internal' AND s.month IN (SELECT value FROM "
                            "json_each(:months))"
                            " AND %2 GROUP BY +s.%1) g")
                                      .arg(g.column, kSalesScope))
                        + QStringLiteral(" ORDER BY 4 DESC, 2"));
                    p.bind(q);
                    while (q->step())
                        g.into->append(KpiCount {q->text(0), q->text(1), q->int64(2), q->real(3), {}});
                    for (KpiCount &c : *g.into)
                        c.pct = ratio(c.value, double(r.now.salesMinor), 100);
                }
            }
        };
        Keys otherKeys;
        std::exception_ptr otherFailed;
        double otherMs = 0;
        double otherCpuMs = 0;
        // Declared after everything the second thread uses, so that an exception on this thread joins
        // it before those are destroyed (and before the read transactions end).
        struct Joiner
        {
            std::thread &thread;
            ~Joiner()
            {
                if (thread.joinable())
                    thread.join();
            }
        } joiner {other};
        if (second) {
            otherKeys = keys;
            other = std::thread([&, second] {
                QElapsedTimer timer;
                timer.start();
                const double cpu = threadCpuMs();
                try {
                    KpiEngine engine(*second);
                    engine.readVisits(scope, &otherKeys, &before);
                    engine.headline(scope, otherKeys, before, &r.before, r.costPerCallMinor, nullptr);
                    // This period's store-read headline fields (not those headlineVisits() sets below),
                    // then the sales.
                    engine.headlineStore(scope, period, &r.now);
                    sales(*second, nullptr);
                } catch (...) {
                    otherFailed = std::current_exception();
                }
                otherMs = double(timer.nsecsElapsed()) / 1e6;
                otherCpuMs = threadCpuMs() - cpu;
            });
            laps.lap("start-other");
        }
        readVisits(scope, &keys, &now);
        laps.lap("visits");
        if (!second) {
            readVisits(scope, &keys, &before);
            laps.lap("visits-before");
        }
        if (second)
            headlineVisits(keys, now, &r.now, &r.tiers);
        else
            headline(scope, keys, now, &r.now, r.costPerCallMinor, &r.tiers);
        laps.lap("headline");
        if (!second) {
            headline(scope, keys, before, &r.before, r.costPerCallMinor, nullptr);
            laps.lap("headline-before");
        }
        const QList<PeriodData::VisitCell> &cells = now.cells;

        {
            QHash<QString, qint64> counts;
            qint64 total = 0;
            for (const PeriodData::VisitCell &c : cells) {
                counts[c.channel] += c.visits;
                total += c.visits;
            }
            for (const QString &c : kChannels) {
                const qint64 n = counts.value(c);
                r.channels.append(KpiCount {c, c, n, double(n), ratio(double(n), double(total), 100)});
            }
        }
        {
            // Product share of detailing on calls: the n-th product discussed in a visit (by position,
            // gaps closed) weighs first / second / later. The rows come in the order of the KPI visit
            // index and, within a visit, of the detail index (position, product): the ORDER BY names
            // that order so SQLite needs no window and no full sort, and the rank is counted here, as
            // details of each rank per product (the weights applied once, whatever the order).
            // The calls' ids (read with the visits) in byte order: the detail index is then read in its
            // own order, neighbouring entries after each other, instead of one scattered seek per call.
            std::sort(now.callIds.begin(), now.callIds.end());
            std::string ids = "[";
            for (const std::string &id : now.callIds) {
                if (ids.size() > 1)
                    ids += ',';
                appendJsonString(&ids, id);
            }
            ids += ']';
            auto q = m_db.query(QStringLiteral(
                "SELECT d.visit_id, d.product_id FROM visit_detail d WHERE d.visit_id IN"
                " (SELECT value FROM json_each(?1)) ORDER BY d.visit_id, d.position, d.product_id"));
            q->bindText(1, QByteArray::fromRawData(ids.data(), qsizetype(ids.size())));
            Interner products;
            std::vector<std::array<qint64, 3>> byRank; // by product: details 1st, 2nd, later
            std::string visit;
            std::size_t rank = 0;
            sqlite3_stmt *s = q->handle();
            while (q->step()) {
                const std::string_view id = columnKey(s, 0);
                rank = id == visit ? rank + 1 : 0;
                if (rank == 0)
                    visit.assign(id);
                const int product = products.intern(columnKey(s, 1));
                if (byRank.size() <= std::size_t(product))
                    byRank.resize(std::size_t(product) + 1, {0, 0, 0});
                ++byRank[std::size_t(product)][std::min<std::size_t>(rank, 2)];
            }
            struct Share
            {
                qint64 count = 0;
                double weighted = 0;
            };
            QHash<QString, Share> shares;
            for (std::size_t i = 0; i < byRank.size(); ++i) {
                const std::array<qint64, 3> &n = byRank[i];
                Share &share = shares[keyText(products.at(int(i)))];
                share.count += n[0] + n[1] + n[2];
                share.weighted += double(n[0]) * r.weights.first + double(n[1]) * r.weights.second
                    + double(n[2]) * r.weights.later;
            }
            QHash<QString, QString> names;
            if (!shares.isEmpty()) {
                auto n = m_db.query(QStringLiteral("SELECT id, name FROM product WHERE name IS NOT NULL"));
                while (n->step())
                    names.insert(n->text(0), n->text(1));
            }
            for (auto it = shares.cbegin(); it != shares.cend(); ++it) {
                r.products.append(
                    KpiCount {it.key(), names.value(it.key(), it.key()), it->count, it->weighted, {}});
            }
            // As SQL's ORDER BY w DESC, name (BINARY: UTF-8 bytes).
            std::sort(r.products.begin(), r.products.end(), [](const KpiCount &x, const KpiCount &y) {
                if (x.value != y.value)
                    return x.value > y.value;
                return x.name.toUtf8() < y.name.toUtf8();
            });
            double total = 0;
            for (const KpiCount &c : r.products)
                total += c.value;
            for (KpiCount &c : r.products)
                c.pct = ratio(c.value, total, 100);
        }
        laps.lap("products");
        {
            QHash<QDate, int> perDay;
            for (const PeriodData::VisitCell &c : cells) {
                if (!c.dayNull && isCallChannel(c.channel))
                    perDay[QDate::fromString(c.day, Qt::ISODate)] += int(c.visits);
            }
            for (QDate d = period.start; d <= period.end; d = d.addDays(1))
                r.callsPerDay.append(KpiDayCount {d, perDay.value(d)});
        }
        {
            // Weekly (weeks from Monday) for a month or a short cycle, monthly for longer periods; a
            // visit whose time SQLite cannot read falls in an invalid bucket, first, as NULL sorts.
            const bool weekly = period.days() <= 62;
            r.supportGranularity = weekly ? QStringLiteral("week") : QStringLiteral("month");
            QMap<QDate, std::pair<qint64, double>> buckets;
            for (const PeriodData::VisitCell &c : cells) {
                if (!isCallChannel(c.channel) || c.supportVisits == 0)
                    continue;
                QDate b;
                if (!c.dayNull) {
                    const QDate d = QDate::fromString(c.day, Qt::ISODate);
                    b = weekly ? d.addDays(1 - d.dayOfWeek()) : QDate(d.year(), d.month(), 1);
                }
                auto &bucket = buckets[b];
                bucket.first += c.supportVisits;
                bucket.second += c.supportSum;
            }
            for (auto it = buckets.cbegin(); it != buckets.cend(); ++it)
                r.supportTrend.append(
                    KpiSupportPoint {it.key(), int(it->first), it->second / double(it->first)});
        }
        {
            // Calls, field days and reached targets by rep, from the period's visits read above.
            struct Name
            {
                QString username;
                QString display;
                bool displayNull = true;
            };
            std::unordered_map<std::string, Name> users;
            {
                auto u = m_db.query(QStringLiteral("SELECT id, username, display_name FROM user"));
                while (u->step())
                    users[std::string(columnKey(u->handle(), 0))]
                        = Name {u->text(1), u->text(2), u->isNull(2)};
            }
            struct Row
            {
                std::string key;
                std::string sortName; // coalesce(display_name, rep_id): NULL only for a NULL rep
                KpiRepRow row;
            };
            std::vector<Row> rows;
            for (std::size_t i = 0; i < now.reps.size(); ++i) {
                PeriodData::Rep &rep = now.reps[i];
                if (rep.calls == 0)
                    continue;
                const std::string key(keys.reps.at(int(i)));
                Row row {key, {}, {}};
                row.row.repId = isNullKey(key) ? QString() : keyText(key);
                const auto user = isNullKey(key) ? users.end() : users.find(key);
                if (user != users.end())
                    row.row.username = user->second.username;
                if (user != users.end() && !user->second.displayNull) {
                    row.row.name = user->second.display;
                    row.sortName = user->second.display.toStdString();
                } else {
                    row.row.name = row.row.repId;
                    row.sortName = key;
                }
                row.row.calls = int(rep.calls);
                row.row.fieldDays = int(std::count(rep.days.begin(), rep.days.end(), true));
                std::sort(rep.hcps.begin(), rep.hcps.end());
                rep.hcps.erase(std::unique(rep.hcps.begin(), rep.hcps.end()), rep.hcps.end());
                for (const int hcp : rep.hcps)
                    row.row.reachedHcps += now.targetOf(hcp) > 0 ? 1 : 0;
                row.row.callsPerFieldDay = ratio(row.row.calls, row.row.fieldDays);
                rows.push_back(std::move(row));
            }
            // As SQL's ORDER BY calls DESC, name over groups in rep order.
            std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                if (a.row.calls != b.row.calls)
                    return a.row.calls > b.row.calls;
                if (a.sortName != b.sortName)
                    return sqlTextLess(a.sortName, b.sortName);
                return sqlTextLess(a.key, b.key);
            });
            for (Row &row : rows)
                r.reps.append(std::move(row.row));
        }
        laps.lap("reps");
        if (!second) {
            sales(m_db, &laps);
            laps.lap("sales-groups");
        }
        if (other.joinable()) {
            other.join();
            laps.lap("wait-other");
            laps.note("other-thread", otherMs);
            laps.note("other-thread-cpu", otherCpuMs);
            if (otherFailed)
                std::rethrow_exception(otherFailed);
            headlineRatios(&r.now, r.costPerCallMinor);
        }
        laps.note("this-thread-cpu", threadCpuMs() - mainCpu);
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
        const Params p(period, scope);
        auto q = m_db.query(QStringLiteral(
            "WITH %1, %2 SELECT t.hcp_id, coalesce(h.full_name, t.hcp_id), coalesce(i.name, ''),"
            " coalesce(h.tier, ''), t.target FROM targets t LEFT JOIN percall pc ON pc.hcp_id = t.hcp_id"
            " LEFT JOIN hcp h ON h.id = t.hcp_id LEFT JOIN institution i ON i.id = h.institution_id"
            " WHERE pc.n IS NULL AND (:tier = '' OR h.tier = :tier) ORDER BY 2, 1")
                                .arg(kTargetsCte, percallCte()));
        q->bind(q->parameterIndex(":tier"), tier);
        p.bind(q);
        while (q->step())
            items.append(KpiTarget {q->text(0), q->text(1), q->text(2), q->text(3), q->integer(4)});
    });
    *out = ok ? items : QList<KpiTarget> {};
    return ok;
}

// --- JSON ------------------------------------------------------------------------------------------

namespace {

QJsonValue opt(const std::optional<double> &v, int decimals = 2)
{
    if (!v)
        return QJsonValue::Null;
    const double scale = std::pow(10.0, decimals);
    return std::round(*v * scale) / scale;
}

QJsonObject headlineJson(const KpiHeadline &h)
{
    return QJsonObject {
        {QStringLiteral("targets"), h.targets},
        {QStringLiteral("reached"), h.reached},
        {QStringLiteral("reach_pct"), opt(h.reachPct)},
        {QStringLiteral("calls"), h.calls},
        {QStringLiteral("touches"), h.touches},
        {QStringLiteral("calls_on_reached"), h.callsOnReached},
        {QStringLiteral("frequency"), opt(h.frequency)},
        {QStringLiteral("covered"), h.covered},
        {QStringLiteral("coverage_pct"), opt(h.coveragePct)},
        {QStringLiteral("plans_done"), h.plansDone},
        {QStringLiteral("plans_not_cancelled"), h.plansNotCancelled},
        {QStringLiteral("plans_cancelled"), h.plansCancelled},
        {QStringLiteral("plan_attainment_pct"), opt(h.planAttainmentPct)},
        {QStringLiteral("field_days"), h.fieldDays},
        {QStringLiteral("calls_per_field_day"), opt(h.callsPerFieldDay)},
        {QStringLiteral("average_support"), opt(h.averageSupport)},
        {QStringLiteral("support_visits"), h.supportVisits},
        {QStringLiteral("meetings_held"), h.meetingsHeld},
        {QStringLiteral("attendances"), h.attendances},
        {QStringLiteral("attending_hcps"), h.attendingHcps},
        {QStringLiteral("spend_minor"), h.spendMinor},
        {QStringLiteral("budget_minor"), h.budgetMinor},
        {QStringLiteral("spend_vs_budget_pct"), opt(h.spendVsBudgetPct)},
        {QStringLiteral("cost_per_attending_hcp_minor"), opt(h.costPerAttendingHcpMinor, 0)},
        {QStringLiteral("sales_minor"), h.salesMinor},
        {QStringLiteral("market_share_pct"), opt(h.marketSharePct)},
        {QStringLiteral("roi"), opt(h.roi)},
    };
}

QJsonArray countsJson(const QList<KpiCount> &items, const char *valueName)
{
    QJsonArray a;
    for (const KpiCount &c : items) {
        QJsonObject o {{QStringLiteral("id"), c.key}, {QStringLiteral("name"), c.name},
            {QStringLiteral("count"), c.count}, {QStringLiteral("pct"), opt(c.pct)}};
        if (valueName)
            o.insert(QLatin1String(valueName), c.value);
        a.append(o);
    }
    return a;
}

QJsonArray monthsJson(const QList<KpiMonthSales> &rows)
{
    QJsonArray a;
    for (const KpiMonthSales &m : rows) {
        a.append(QJsonObject {{QStringLiteral("month"), m.month},
            {QStringLiteral("internal_minor"), m.internalMinor},
            {QStringLiteral("external_minor"), m.externalMinor ? QJsonValue(*m.externalMinor) : QJsonValue()},
            {QStringLiteral("mom_pct"), opt(m.momPct)}, {QStringLiteral("yoy_pct"), opt(m.yoyPct)}});
    }
    return a;
}

} // namespace

QJsonObject kpisToJson(const KpiResult &r)
{
    QJsonArray tiers;
    for (const KpiTierReach &t : r.tiers) {
        tiers.append(QJsonObject {{QStringLiteral("tier"), t.tier}, {QStringLiteral("targets"), t.targets},
            {QStringLiteral("reached"), t.reached}, {QStringLiteral("reach_pct"), opt(t.reachPct)}});
    }
    QJsonArray days;
    for (const KpiDayCount &d : r.callsPerDay)
        days.append(QJsonObject {
            {QStringLiteral("day"), d.day.toString(Qt::ISODate)}, {QStringLiteral("calls"), d.calls}});
    QJsonArray support;
    for (const KpiSupportPoint &s : r.supportTrend) {
        support.append(QJsonObject {{QStringLiteral("start"), s.start.toString(Qt::ISODate)},
            {QStringLiteral("visits"), s.visits}, {QStringLiteral("average"), opt(s.average)}});
    }
    QJsonArray reps;
    for (const KpiRepRow &rep : r.reps) {
        reps.append(QJsonObject {{QStringLiteral("id"), rep.repId},
            {QStringLiteral("username"), rep.username}, {QStringLiteral("name"), rep.name},
            {QStringLiteral("calls"), rep.calls}, {QStringLiteral("field_days"), rep.fieldDays},
            {QStringLiteral("reached_targets"), rep.reachedHcps},
            {QStringLiteral("calls_per_field_day"), opt(rep.callsPerFieldDay)}});
    }
    QJsonObject scope {{QStringLiteral("key"), r.scope.key}, {QStringLiteral("name"), r.scope.name},
        {QStringLiteral("kind"),
            r.scope.kind == KpiScope::Kind::All             ? QStringLiteral("all")
                : r.scope.kind == KpiScope::Kind::Territory ? QStringLiteral("territory")
                                                            : QStringLiteral("user")},
        {QStringLiteral("territories"), r.scope.territoryIds.size()}};
    return QJsonObject {
        {QStringLiteral("period"),
            QJsonObject {{QStringLiteral("label"), r.period.label()},
                {QStringLiteral("start"), r.period.start.toString(Qt::ISODate)},
                {QStringLiteral("end"), r.period.end.toString(Qt::ISODate)}}},
        {QStringLiteral("previous_period"), r.previousPeriod.label()},
        {QStringLiteral("scope"), scope},
        {QStringLiteral("role"), r.role},
        {QStringLiteral("weights"),
            QJsonObject {{QStringLiteral("first"), r.weights.first},
                {QStringLiteral("second"), r.weights.second}, {QStringLiteral("later"), r.weights.later}}},
        {QStringLiteral("cost_per_call_minor"), r.costPerCallMinor},
        {QStringLiteral("kpis"), headlineJson(r.now)},
        {QStringLiteral("previous"), headlineJson(r.before)},
        {QStringLiteral("reach_by_tier"), tiers},
        {QStringLiteral("channel_mix"), countsJson(r.channels, nullptr)},
        {QStringLiteral("product_share"), countsJson(r.products, "weighted")},
        {QStringLiteral("calls_per_day"), days},
        {QStringLiteral("support_trend"),
            QJsonObject {
                {QStringLiteral("granularity"), r.supportGranularity}, {QStringLiteral("points"), support}}},
        {QStringLiteral("reps"), reps},
        {QStringLiteral("sales_by_month"), monthsJson(r.salesByMonth)},
        {QStringLiteral("sales_yoy_pct"), opt(r.salesYoyPct)},
        {QStringLiteral("sales_by_territory"), countsJson(r.salesByTerritory, "value_minor")},
        {QStringLiteral("sales_by_product"), countsJson(r.salesByProduct, "value_minor")},
        {QStringLiteral("sales_by_institution"),
            r.institutionSalesHidden ? QJsonValue()
                                     : QJsonValue(countsJson(r.salesByInstitution, "value_minor"))},
        {QStringLiteral("forecast"),
            QJsonObject {{QStringLiteral("method"), r.forecastMethod},
                {QStringLiteral("months"), monthsJson(r.forecast)}}},
    };
}

} // namespace rounds
