#pragma once

// The KPI engine of the manager dashboards: one definition of every field-force, event and sales KPI,
// computed by SQL over the local store, used by the dashboard's charts, its CSV export and
// `rounds-cli kpis`. Formulas, period and scope semantics: docs/dashboards.md.

#include "models/contentfigures.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QLoggingCategory>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

Q_DECLARE_LOGGING_CATEGORY(lcKpi)

namespace rounds {

namespace sql {
class Database;
}

// A month ("2026-10"), a quarter ("2026-Q3") or a cycle of local dates ("2026-09-01..2026-09-30").
struct KpiPeriod
{
    enum class Kind { Month, Quarter, Cycle };
    Kind kind = Kind::Month;
    QDate start; // local, inclusive
    QDate end; // local, inclusive

    static std::optional<KpiPeriod> parse(const QString &text, QString *error = nullptr);
    static KpiPeriod month(int year, int month);
    // The period of the same kind just before: the previous month or quarter, or the cycle of the same
    // length that ends the day before this one starts.
    KpiPeriod previous() const;
    // The same period one year earlier (for year-on-year).
    KpiPeriod yearBefore() const;
    QString label() const; // the text parse() reads back
    int days() const { return int(start.daysTo(end)) + 1; }
    // "yyyy-MM" of every month the period overlaps (sales facts are monthly).
    QStringList months() const;
    bool isValid() const { return start.isValid() && end.isValid() && start <= end; }
    // The period has not ended on `today` (it holds that day or lies after it).
    bool isPartial(const QDate &today) const { return today.isValid() && end >= today; }
};

// Whose numbers: everything in the store, a territory (a district with every territory under it), or
// a user (the territories they own or live in; a rep's calls only).
struct KpiScope
{
    enum class Kind { All, Territory, User };
    Kind kind = Kind::All;
    QString key; // territory code or username; empty for All
    QString name; // territory name or display name
    QStringList territoryIds; // empty for All (no filter)
    QString repId; // set for a rep user: only their visits and meetings count
};

// One entry of the scope picker.
struct KpiScopeChoice
{
    QString key; // territory code or username
    QString name;
    QString level; // "region", "district", "territory" or "rep"
    QString parentKey; // the territory code this entry sits under
};

struct KpiTierReach
{
    QString tier; // "A".."D"
    int targets = 0;
    int reached = 0;
    std::optional<double> reachPct;
};

struct KpiCount
{
    QString key; // channel, product id, territory id, institution id, rep id ...
    QString name;
    qint64 count = 0;
    double value = 0; // weighted value, minor units, ... (see the field)
    std::optional<double> pct; // share of the total
};

struct KpiDayCount
{
    QDate day;
    int calls = 0;
};

struct KpiSupportPoint
{
    QDate start; // first day of the week (Monday) or month
    int visits = 0;
    double average = 0;
};

struct KpiMonthSales
{
    QString month; // yyyy-MM
    qint64 internalMinor = 0;
    std::optional<qint64> externalMinor;
    std::optional<double> momPct; // vs the month before (null when that month has no sales)
    std::optional<double> yoyPct; // vs the same month a year before (null when missing)
    // The month has not ended on KpiResult::asOf (it holds that day or lies after it): its sales are to
    // date, so it has no month-on-month or year-on-year change and the forecast does not learn from it.
    bool partial = false;
};

struct KpiRepRow
{
    QString repId;
    QString username;
    QString name;
    int calls = 0;
    int fieldDays = 0;
    int reachedHcps = 0;
    std::optional<double> callsPerFieldDay;
};

// The scalar KPIs, computed for the period and for the previous period (the tiles' deltas).
struct KpiHeadline
{
    int targets = 0;
    int reached = 0;
    int calls = 0;
    int touches = 0;
    int callsOnReached = 0;
    int covered = 0;
    int fieldDays = 0;
    int plansDone = 0;
    int plansNotCancelled = 0;
    int plansCancelled = 0;
    int supportVisits = 0;
    int meetingsHeld = 0;
    int attendances = 0; // signed-in attendee rows
    int attendingHcps = 0; // distinct signed-in HCPs
    qint64 spendMinor = 0;
    qint64 budgetMinor = 0;
    qint64 salesMinor = 0; // internal value over the period's months
    std::optional<double> reachPct;
    std::optional<double> frequency;
    std::optional<double> coveragePct;
    std::optional<double> planAttainmentPct;
    std::optional<double> callsPerFieldDay;
    std::optional<double> averageSupport;
    std::optional<double> spendVsBudgetPct;
    std::optional<double> costPerAttendingHcpMinor;
    std::optional<double> marketSharePct;
    std::optional<double> roi;
};

// The cost of one call when the company set none (`kpi.cost_per_call_minor`): 200 yuan.
inline constexpr qint64 kDefaultCostPerCallMinor = 20000;

struct KpiWeights
{
    double first = 1.0;
    double second = 0.5;
    double later = 0.25;

    // Each of "first", "second", "later" that `o` gives as a number >= 0 replaces this one's.
    void apply(const QJsonObject &o);
    QJsonObject toJson() const;
    bool operator==(const KpiWeights &) const = default;
};

struct KpiResult
{
    KpiPeriod period;
    KpiPeriod previousPeriod;
    KpiScope scope;
    // The local day the numbers were computed on: a month that holds it (or lies after it) has not ended.
    QDate asOf;
    QString role; // the signed-in user's role the privacy rule used
    KpiWeights weights;
    qint64 costPerCallMinor = 0;

    KpiHeadline now;
    KpiHeadline before;

    QList<KpiTierReach> tiers; // A, B, C, D (always four)
    QList<KpiCount> channels; // every channel, count and % of calls + touches
    QList<KpiCount> products; // count = details, value = weighted details, pct = share
    QList<KpiDayCount> callsPerDay; // every day of the period
    QString supportGranularity; // "week" or "month"
    QList<KpiSupportPoint> supportTrend;
    QList<KpiRepRow> reps;

    QList<KpiMonthSales> salesByMonth; // the 24 months ending with the period's last month
    // The period's sales vs the same months a year before; null when a month of the period has not ended.
    std::optional<double> salesYoyPct;
    QList<KpiCount> salesByTerritory; // value = minor units
    QList<KpiCount> salesByProduct;
    QList<KpiCount> salesByInstitution; // empty when hidden
    bool institutionSalesHidden = false; // the privacy rule withheld it (rep users)
    QString forecastMethod; // "seasonal_naive", "linear_trend" or "none"
    QList<KpiMonthSales> forecast; // the three months after the last month with sales

    // Approved content in calls (models/contentkpis.h): this period's and the previous one's.
    ContentKpis content;
    ContentKpis contentBefore;
};

// An HCP of the drill-down: a target of the tier that had no call in the period.
struct KpiTarget
{
    QString hcpId;
    QString name;
    QString institution;
    QString tier;
    int targetCalls = 0;
};

class KpiEngine final
{
public:
    explicit KpiEngine(sql::Database &db);
    explicit KpiEngine(class Store &store); // over an open store's connection (models/kpistore.cpp)
    ~KpiEngine();

    // The day compute() takes as today (KpiResult::asOf); the local date unless a test sets one.
    void setToday(const QDate &day) { m_today = day; }

    // "" = everything; a territory code; a username.
    std::optional<KpiScope> resolveScope(const QString &key, QString *error = nullptr);
    bool compute(const KpiPeriod &period, const KpiScope &scope, KpiResult *out, QString *error = nullptr);
    // Targets of `tier` ("A".."D", or "" for every tier) without a call in the period, by name.
    bool unreachedTargets(const KpiPeriod &period, const KpiScope &scope, const QString &tier,
        QList<KpiTarget> *out, QString *error = nullptr);
    // The scope picker: regions, districts and territories in tree order, each followed by its reps.
    bool scopeChoices(QList<KpiScopeChoice> *out, QString *error = nullptr);

    // The signed-in user's role (store meta); empty when nobody signed in.
    QString signedInRole();
    // Managers, SFE and admins see sales by institution; reps and unknown roles never do.
    static bool maySeeInstitutionSales(const QString &role);

private:
    KpiWeights weights();
    qint64 costPerCall();
    // A second read-only connection to the same file, for the previous period on the second core
    // (compute()); null when the store is not a WAL file or the connection is inside a transaction.
    sql::Database *reader();

    sql::Database &m_db;
    std::unique_ptr<sql::Database> m_reader;
    bool m_readerTried = false;
    QDate m_today;
};

// The whole result as one JSON object (rounds-cli kpis --json).
QJsonObject kpisToJson(const KpiResult &result);

} // namespace rounds
