#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// Who an HCP is, with the names of their institution and department.
struct HcpSummary
{
    QString id;
    QString name;
    QString title;
    QString specialty;
    QString tier;
    QString institutionId;
    QString institution;
    QString department;
    QString city;
    QString phone;
    QString address; // the institution's
    bool isValid() const { return !id.isEmpty(); }
};

// What the HCP list adds to a row beside the list model's columns.
struct HcpListExtra
{
    QString title;
    QString department;
    int visitsThisMonth = 0;
    int target = 0; // the highest target of a current alignment; 0 when none
};

struct HcpVisit
{
    QString id;
    QString visitedAt; // UTC ISO date-time, as stored
    QString channel;
    QString status;
    int supportLevel = 0;
    bool hasSupportLevel = false;
    QString feedback;
    QString followUp;
    QDate followUpDue;
    QStringList products; // the names of the detailed products, in detail order
    QString repName; // who made the visit (the user's display name; empty when the store lacks the user)
};

struct HcpMeeting
{
    QString startsAt;
    QString title;
    QString role;
    QString status;
};

// A rep who covers the HCP: the owner of a territory the HCP is aligned to today.
struct HcpOwner
{
    QString repName; // empty when the territory has no owner, or the store lacks the user
    QString territory;
};

// A planned visit still to come (status planned, from the start of today on).
struct HcpUpcomingPlan
{
    QString id;
    QString plannedAt; // UTC ISO date-time, as stored
    QString channel;
    QString purpose;
    QString repName; // the owner of the plan's territory
};

struct HcpTag
{
    QString id;
    QString category;
    QString tag;
};

struct HcpChangeRequest
{
    QJsonObject fields;
    QString reason;
    QString status;
    QString decisionNote;
};

// Everything the profile shows of one HCP.
struct HcpProfile
{
    HcpSummary summary;
    QList<HcpVisit> visits; // newest first
    QList<HcpMeeting> meetings;
    QList<HcpOwner> owners; // by territory name
    QList<HcpUpcomingPlan> upcomingPlans; // soonest first; at most 10
    QList<HcpTag> tags; // by category, then tag
    QList<HcpChangeRequest> changeRequests; // open ones first, then the newest; at most 10
};

// One line of an HCP picker.
struct HcpChoice
{
    QString id;
    QString name;
    QString tier;
    QString institution;
    QString specialty;
};

// Typed reads about HCPs for the views. Each returns false with `error` (the SQLite message) when the read
// fails, leaving the out-parameter empty; an HCP that does not exist is not an error.
class HcpQueries final
{
public:
    static bool summary(Store *store, const QString &hcpId, HcpSummary *out, QString *error = nullptr);
    // The month is the calendar month of `today`; a target counts while its alignment has not ended.
    static bool listExtra(
        Store *store, const QString &hcpId, const QDate &today, HcpListExtra *out, QString *error = nullptr);
    static bool profile(Store *store, const QString &hcpId, HcpProfile *out, QString *error = nullptr);
    // The territory a new visit to this HCP belongs to: an alignment current on `today`, preferring one of
    // `preferred` (the user's own territories). Empty when the HCP is not aligned to any territory.
    static bool territoryFor(Store *store, const QString &hcpId, const QStringList &preferred,
        const QDate &today, QString *out, QString *error = nullptr);
    // Visits, alignments and plans that point at the HCP: what a merge would move.
    static bool dependentCount(Store *store, const QString &hcpId, int *out, QString *error = nullptr);
    // Active HCPs whose name, institution or specialty contains `text`, or whose name's or institution's
    // pinyin or initials start with it, in the locale's order of names (at most 200).
    static bool activeMatching(
        Store *store, const QString &text, QList<HcpChoice> *out, QString *error = nullptr);
    // HCPs not merged away whose name, institution or phone contains `text`, or whose name's or
    // institution's pinyin or initials start with it (all when empty), in the locale's order of names
    // (at most 500): the master-data list.
    static bool editable(Store *store, const QString &text, QList<HcpChoice> *out, QString *error = nullptr);
};

} // namespace rounds
