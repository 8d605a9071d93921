#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace rounds {

class Store;

// A product line of a visit, in detail order.
struct VisitDetailRow
{
    QString id;
    QString productId;
    QString keyMessageId;
    QString reaction;
};

// A planned visit, with who it is for.
struct PlannedVisit
{
    QString id;
    QString hcpId;
    QString hcpName;
    QString institution;
    QString status;
    QString purpose;
    QString channel;
    QDateTime plannedAt; // local time
};

// The follow-up of an HCP's latest visit, promised for a day already gone.
struct OverdueFollowUp
{
    QString hcpId;
    QString hcpName;
    QString followUp;
    QDate due;
};

// A follow-up an earlier visit promised and no later visit to the HCP answered.
struct OpenFollowUp
{
    QString followUp;
    QDate due; // invalid when none was set
    QDateTime promisedAt; // local time of the visit that promised it
};

// What a rep has in mind while logging a visit: the HCP's latest earlier visit and the follow-ups still
// open (the same rule as overdueFollowUps: a later visit answers an earlier visit's follow-up).
struct VisitBriefing
{
    QDateTime lastVisitedAt; // local; invalid when the HCP has no earlier visit
    QString lastChannel;
    QString lastFeedback;
    QList<OpenFollowUp> followUps; // by due date, those without one last
    bool hasLastVisit() const { return lastVisitedAt.isValid(); }
};

// An HCP planned in a period and not visited in it yet.
struct UnvisitedHcp
{
    QString hcpId;
    QString hcpName;
    QString tier;
    QDateTime nextPlanned; // local time of the earliest plan
};

// Typed reads of visits and plans for the visit dialog, the plan calendar and the Today page. Days are
// local, times are stored in UTC. Each returns false with `error` (the SQLite message, or that no store is
// open) when the read fails, leaving the out-parameter empty.
class VisitQueries final
{
public:
    static bool details(
        Store *store, const QString &visitId, QList<VisitDetailRow> *out, QString *error = nullptr);
    // Plans of local days [from, to) by time; `withCancelled` false leaves cancelled plans out.
    static bool plans(Store *store, const QDate &from, const QDate &to, bool withCancelled,
        QList<PlannedVisit> *out, QString *error = nullptr);
    // Follow-ups due before `today` that no later visit to the HCP answered, the oldest first (at most 200).
    static bool overdueFollowUps(
        Store *store, const QDate &today, QList<OverdueFollowUp> *out, QString *error = nullptr);
    // The briefing for a visit to `hcpId`. "Earlier" means every visit to the HCP when `visitId` is empty (a
    // new visit), else the visits other than `visitId` made at or before it.
    static bool briefing(Store *store, const QString &hcpId, const QString &visitId, VisitBriefing *out,
        QString *error = nullptr);
    // HCPs with a plan (not cancelled) in local days [from, to) and no visit in them, by tier then name
    // (at most 500).
    static bool plannedNotVisited(
        Store *store, const QDate &from, const QDate &to, QList<UnvisitedHcp> *out, QString *error = nullptr);
};

} // namespace rounds
