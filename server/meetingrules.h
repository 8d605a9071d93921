#pragma once

#include "server/principal.h"
#include "server/storage.h"

#include "common/compliance/rules.h"

#include <QJsonArray>
#include <QJsonObject>

#include <optional>

namespace rounds::server {

class Feed;

// The meeting workflow by role and the compliance rules (docs/meetings.md), as the server enforces
// them on every push of a meeting, meeting_attendee or meeting_expense, whatever the client checked.
//
// `existing` is the stored record before the change (if any), `after` its fields after the merge
// (ignored for a delete). Returns the `error` object of a `rejected` result, or nothing when the change
// may be applied. Other entities always pass.
std::optional<QJsonObject> checkMeetingChange(StoreReader &store, const Principal &user,
    const protocol::Entity &entity, const std::optional<StoredRecord> &existing, const QJsonObject &after,
    bool remove);

// Material changes (docs/meetings.md): for a meeting about to be stored as `fields` over `existing`,
// a status change clears resubmit_reason, and a date moved on an approved meeting sends it back to
// `submitted` with the reason. Returns true when `fields` now differ from what the client pushed (the
// answer is then `merged`, with the record). Call after checkMeetingChange accepted the change.
bool settleMeeting(
    const protocol::Entity &entity, const std::optional<StoredRecord> &existing, QJsonObject &fields);

// After an attendee or expense was stored as `after` over `existing`: a material change (speaker
// added, fee or expense added or raised) sends its approved meeting back to `submitted`, as a new
// version of the meeting in the feed. Other entities and changes: nothing.
void resubmitParent(StoreWriter &store, Feed &feed, const protocol::Entity &entity,
    const std::optional<StoredRecord> &existing, const QJsonObject &after);

// A manager's (or admin's) status decision on a meeting (approve, reject, close, cancel) pushed from a
// base_version older than the stored one would merge onto edits the manager never saw (the status
// field itself does not conflict). Returns the `conflicts` of a `conflict` result for such a push,
// nothing otherwise; the caller asks only when base_version != the stored version.
std::optional<QJsonArray> staleMeetingDecision(const Principal &user, const protocol::Entity &entity,
    const StoredRecord &existing, const QJsonObject &set);

// The rule configuration in force: the `global` setting `compliance.rules`, defaults when absent or
// malformed (logged).
compliance::Config complianceConfig(StoreReader &store);

// The facts of one meeting as the store holds them (attendees with their HCPs' tiers and names,
// expenses, other transfers of value of the year).
compliance::MeetingFacts meetingFacts(
    StoreReader &store, const QJsonObject &meeting, const QString &meetingId);

} // namespace rounds::server
