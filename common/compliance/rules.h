#pragma once

#include "common/compliance/config.h"

#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

#include <cstdint>

namespace rounds::compliance {

// The facts the rules look at, in the protocol's words (docs/meetings.md). Client and server each fill
// it from their own store.
struct Attendee
{
    QString id;
    QString kind = QStringLiteral("hcp"); // hcp, walk_in, staff
    QString hcpId; // kind hcp
    QString name; // shown in messages: the HCP's or the walk-in's name
    QString role = QStringLiteral("attendee"); // attendee, speaker, chair
    QString tier; // the HCP's tier (A–D), empty when unknown
    bool signedIn = false;
    std::int64_t feeMinor = 0;
};

struct Expense
{
    QString id;
    QString category; // venue, catering, travel, speaker_fee, material, other
    QString status = QStringLiteral("estimated"); // estimated, committed, actual
    QString description;
    QString evidence;
    std::int64_t amountMinor = 0;
};

struct MeetingFacts
{
    QString id;
    QString status = QStringLiteral("draft"); // the status the meeting has after the change looked at
    std::int64_t budgetMinor = 0;
    QList<Attendee> attendees;
    QList<Expense> expenses;
    // Per HCP id: transfers of value of the same calendar year from the OTHER meetings (speaker fees
    // plus the per-head share of catering, see transfersByHcp), meetings cancelled or rejected left out.
    QHash<QString, std::int64_t> otherTransfers;
};

// Who attempts the change: the budget rule lets a manager (or admin) close an over-budget meeting,
// which is the re-approval the rule asks for.
enum class Actor { Owner, Manager };

struct Violation
{
    Rule rule = Rule::CateringPerHead;
    Severity severity = Severity::Warn;
    bool blocking = false; // refuses the meeting's current status (see evaluate)
    std::int64_t figure = 0; // what was found: money in minor units, or a count
    std::int64_t limit = 0; // the limit it broke, in the same unit
    QString subject; // the attendee or expense id it is about; empty for the meeting
    QString subjectName; // the attendee's name, the expense's category
    QString code() const { return ruleCode(rule); }
    // A key that identifies "the same" violation before and after a change.
    QString key() const { return code() + QLatin1Char('/') + subject; }
};

// The statuses at which a rule's `block` severity refuses (the meeting may not *be* in that status
// with the violation). Before them the violation is shown as a warning only.
bool ruleGuards(Rule rule, const QString &status, Actor actor);

// Every violation of the meeting as it stands. `blocking` is set when the rule's severity is Block
// and the rule guards `facts.status` for `actor`.
QList<Violation> evaluate(const Config &config, const MeetingFacts &facts, Actor actor = Actor::Owner);

// The head count the per-head rules divide by: signed-in attendees once the meeting is held or
// closed, every planned attendee before; an HCP named by several rows counts once.
int headCount(const MeetingFacts &facts);
// This meeting's transfer of value to one attendee row: its fee plus a share of catering (when it
// counts as a head).
std::int64_t transferTo(const MeetingFacts &facts, const Attendee &attendee);
// This meeting's transfers of value per HCP id: the fees of every row naming the HCP plus ONE share of
// catering. What the yearly rule counts, here and for the other meetings of the year.
QHash<QString, std::int64_t> transfersByHcp(const MeetingFacts &facts);
// What the budget rule compares: the expenses marked actual while the meeting is held, every expense
// before and at closing (an estimate left on a closed meeting counts at its amount).
std::int64_t spend(const MeetingFacts &facts);

// The violation in a sentence of the running application's language (QCoreApplication::translate,
// context "rounds::compliance"); money in yuan written the `locale`'s way (the server uses QLocale::c()).
QString describe(const Violation &violation, const QLocale &locale = QLocale());
QString ruleTitle(Rule rule);
// Money in minor units as yuan text, "1,234.50".
QString yuan(std::int64_t minor, const QLocale &locale = QLocale());

} // namespace rounds::compliance
