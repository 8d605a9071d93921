#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// Alignments of HCPs to territories (who calls on whom, from when to when, how often per cycle) and the
// SFE edits to them. Dates are local calendar days, `valid_to` inclusive. Every edit is Store writes,
// several of them in one transaction: a bulk edit lands whole or not at all.

enum class AlignmentPhase { Past, Current, Future };

struct AlignmentRow
{
    QString id;
    QString hcpId;
    QString hcpName;
    QString specialty;
    QString tier;
    QString institutionId;
    QString institution;
    QString city;
    QDate validFrom;
    QDate validTo; // invalid: open-ended
    int target = 0; // target_calls_per_cycle
    AlignmentPhase phase = AlignmentPhase::Current;
    bool pending = false;
};

struct AlignmentEditResult
{
    bool ok = false;
    QString error;
    int changed = 0; // alignments created, ended, moved or edited
    int skipped = 0; // HCPs already aligned there, alignments already ended …
};

// A change that has not taken effect: an alignment starting after today and, when it continues an
// alignment of the same HCP to another territory that ends the day before (a move), that alignment.
struct PendingMove
{
    QString alignmentId; // the future alignment
    QString hcpId;
    QString hcpName;
    QString toTerritoryId;
    QDate effective; // its valid_from
    QDate validTo; // its valid_to (invalid: open-ended)
    QString fromAlignmentId; // empty: an addition, not a move
    QString fromTerritoryId;
};

// The people a change touches, for the confirmation before it is applied.
struct TerritoryPeople
{
    QString code;
    QString name;
    QString ownerName; // the owner's display name (else login), empty when nobody owns the territory
};

// The workload of one territory of a district. The index is minutes per cycle:
// target calls × average call time + distinct institutions × travel minutes per institution.
struct TerritoryWorkload
{
    QString territoryId;
    QString code;
    QString name;
    int hcps = 0;
    int byTier[5] = {0, 0, 0, 0, 0}; // A, B, C, D, no tier
    int targetCalls = 0;
    double averageCallMinutes = 0; // of this territory's submitted visits with a duration, else the default
    bool averageIsDefault = true;
    int institutions = 0;
    double travelMinutes = 0;
    double index = 0;
    double deviation = 0; // index / district mean − 1
    int flag = 0; // +1 above, −1 below the district mean by more than the threshold
};

struct WorkloadOptions
{
    double defaultCallMinutes = 20;
    double travelMinutesPerInstitution = 30;
    double threshold = 0.2;
};

class Alignments final
{
    Q_DECLARE_TR_FUNCTIONS(Alignments)
public:
    static AlignmentPhase phase(const QDate &validFrom, const QDate &validTo, const QDate &today);

    // The alignments of a territory (past, current, future), current first, by HCP name.
    static bool list(Store *store, const QString &territoryId, const QDate &today, QList<AlignmentRow> *out,
        QString *error = nullptr);

    // The HCPs of the territory's alignments that the HCP list's search finds for `text` (same words,
    // same fields, same matching), into `hcpIds`. Empty text: false with nothing to filter by.
    static bool matchingHcps(Store *store, const QString &territoryId, const QString &text,
        QSet<QString> *hcpIds, QString *error = nullptr);

    // HCPs to add, live ones only (not merged, not inactive).
    static QStringList hcpsOfInstitution(Store *store, const QString &institutionId);
    // Empty criteria match anything; all empty matches nothing.
    static QStringList hcpsMatching(
        Store *store, const QString &specialty, const QString &tier, const QString &city);

    // Aligns HCPs to a territory from `validFrom`; HCPs already aligned there on or after that day
    // are skipped.
    static AlignmentEditResult add(Store *store, const QString &territoryId, const QStringList &hcpIds,
        const QDate &validFrom, int target = 0);
    // Ends alignments: one that has started ends yesterday; one that has not started is deleted.
    static AlignmentEditResult end(Store *store, const QStringList &alignmentIds, const QDate &today = {});
    // Moves HCPs from one territory to another on `effective`: their open alignments there end the
    // day before and new ones (same target) start that day; an alignment that starts on or after
    // `effective` is re-pointed instead.
    static AlignmentEditResult move(Store *store, const QString &fromTerritoryId,
        const QString &toTerritoryId, const QStringList &hcpIds, const QDate &effective);
    // The pending moves and additions among `alignmentIds` (each id may be either half of a move),
    // each once.
    static QList<PendingMove> pendingMoves(Store *store, const QStringList &alignmentIds, const QDate &today);
    // Changes pending moves before they take effect: the new effective day (after today, after the day
    // the moved-from alignment started, not after the pending alignment's end) and, when not empty, the
    // new destination (not the territory moved from). The moved-from alignment then ends the day before.
    static AlignmentEditResult editPending(Store *store, const QList<PendingMove> &moves,
        const QString &toTerritoryId, const QDate &effective, const QDate &today = {});
    // Withdraws pending moves before they take effect: the future alignment is deleted and the
    // moved-from alignment gets its end back (the pending alignment's end; open-ended when it had none).
    static AlignmentEditResult withdrawPending(
        Store *store, const QList<PendingMove> &moves, const QDate &today = {});
    // A territory's code, name and owner, for the summary of a change.
    static TerritoryPeople people(Store *store, const QString &territoryId);

    // Sets target_calls_per_cycle of the territory's current and future alignments whose HCP has `tier`
    // ("" = HCPs without a tier).
    static AlignmentEditResult setTargetByTier(
        Store *store, const QString &territoryId, const QString &tier, int target, const QDate &today = {});

    // The setting `sfe.travel_minutes_per_institution` (a number), else the default.
    static WorkloadOptions workloadOptions(Store *store);
    // The workload of each live territory under `districtId` on `today`, flagged against their mean.
    static bool workload(Store *store, const QString &districtId, const QDate &today,
        const WorkloadOptions &options, QList<TerritoryWorkload> *out, QString *error = nullptr);
    // The arithmetic of workload(), on rows already counted: index, deviation and flag.
    static void score(QList<TerritoryWorkload> &rows, const WorkloadOptions &options);
};

} // namespace rounds
