#pragma once

#include "common/compliance/rules.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rounds {

class Store;

// One meeting as the editor works on it: the record's fields, its attendees and expenses.
struct MeetingAttendeeRow
{
    QString id; // empty until saved
    QString kind = QStringLiteral("hcp"); // hcp, walk_in, staff
    QString hcpId;
    QString name; // walk-ins and staff; for an HCP the name from the store (not saved)
    QString tier; // the HCP's tier (not saved)
    QString role = QStringLiteral("attendee");
    bool signedIn = false;
    qint64 feeMinor = 0;
};

struct MeetingExpenseRow
{
    QString id;
    QString category = QStringLiteral("catering");
    qint64 amountMinor = 0;
    QString status = QStringLiteral("estimated");
    QString description;
    QString evidence; // sha256:<hex>:<original file name>, see Evidence
};

struct MeetingDraft
{
    QString id; // empty for a new meeting
    QJsonObject fields; // the meeting record's own fields
    QList<MeetingAttendeeRow> attendees;
    QList<MeetingExpenseRow> expenses;
    QString status() const;
};

// Evidence files: copied next to the database into `evidence/<sha256>` (content-addressed, so the same
// receipt twice is one file), and referenced from meeting_expense.evidence as "sha256:<hex>:<name>".
// The sync uploads the file (sync/evidenceupload.h); the server serves it to whoever may read the expense.
namespace evidence {
struct Stored
{
    bool ok = false;
    QString reference; // what goes into meeting_expense.evidence
    QString error;
};
QString folderFor(const QString &databasePath);
Stored store(const QString &databasePath, const QString &sourceFile);
QString hashOf(const QString &reference); // the hex digest, or empty
QString nameOf(const QString &reference); // the original file name (or the reference unchanged)
} // namespace evidence

// Reads and writes meetings in the local store for the editor, the approval queue and the reports.
// Every write goes through Store::create/update/remove (so it works offline and syncs later).
namespace meetings {

std::optional<MeetingDraft> load(Store *store, const QString &meetingId);

// Writes the meeting and the differences of its attendees and expenses against what the store has;
// returns the meeting id, or empty with `error` (and `field`) set.
QString save(Store *store, const MeetingDraft &draft, QString *error, QString *field = nullptr);
// Only the status (approve, reject, hold, close, cancel).
bool setStatus(Store *store, const QString &meetingId, const QString &status, QString *error);
// A manager's decision: the status (approved, rejected) and the note, nothing else of the meeting (a
// manager writes no other field, see MeetingPermissions). An empty note is not written.
bool decide(
    Store *store, const QString &meetingId, const QString &status, const QString &note, QString *error);
// Saving `draft` over what the store holds would send an approved meeting back to `submitted` for a
// new decision (docs/meetings.md, Material changes): the reason (a meeting.resubmit_reason value), or
// empty. The server makes the change when it accepts the save; the editor says so beforehand.
QString resubmitReason(Store *store, const MeetingDraft &draft);

// The configuration of the rules: the `compliance.rules` setting pulled from the server, else defaults.
compliance::Config config(Store *store);
// The facts the rules look at, from a draft (as typed) plus what the store knows: tiers and names of
// the HCPs and their transfers of value this year from the other meetings in the local store.
compliance::MeetingFacts facts(Store *store, const MeetingDraft &draft);

// Submitted meetings of the given territories (empty: every territory), oldest start first: a
// manager's approval queue.
struct QueueEntry
{
    QString id;
    QString title;
    QString startsAt;
    QString ownerName;
    QString ownerId;
    QString territoryName;
    qint64 budgetMinor = 0;
    int attendees = 0;
};
QList<QueueEntry> approvalQueue(Store *store, const QStringList &territoryIds = {});

// Transfers of value to one HCP in a calendar year, meeting by meeting (for the per-HCP report).
struct Transfer
{
    QString meetingId;
    QString title;
    QString startsAt;
    QString role;
    qint64 feeMinor = 0;
    qint64 cateringShareMinor = 0;
};
QList<Transfer> transfersOf(Store *store, const QString &hcpId, int year);

} // namespace meetings
} // namespace rounds
