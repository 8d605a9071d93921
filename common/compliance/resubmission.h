#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rounds::compliance {

// Material changes (docs/meetings.md): what a manager approved was the plan, so a change that adds
// money or moves the meeting sends an approved meeting back to `submitted` for a new decision. The
// server applies it when it accepts such a change; the client tells the rep before saving. Each
// function answers the reason (a value of meeting.resubmit_reason), or empty when the change is not
// material. `before` is the record as stored, nothing for a new (or restored) row.

// starts_at or ends_at moved: date_moved.
QString meetingChangeReason(const QJsonObject &before, const QJsonObject &after);
// An attendee becoming a speaker or chair (new, moved in, or a role change): speaker_added; a fee added
// or raised: fee_raised.
QString attendeeChangeReason(const std::optional<QJsonObject> &before, const QJsonObject &after);
// A speaker fee expense (category speaker_fee) added with an amount, or raised: fee_raised. Other
// expenses are held to the approved budget instead (budget_overrun at closing).
QString expenseChangeReason(const std::optional<QJsonObject> &before, const QJsonObject &after);
// The reason of a change to a row of `entity` (meeting_attendee, meeting_expense), empty for others.
QString childChangeReason(
    const QString &entity, const std::optional<QJsonObject> &before, const QJsonObject &after);

// Only an approved meeting is sent back: a draft or a submitted one is still to be decided, and a held
// one took place (its spend is checked at closing, budget_overrun).
bool sentBackOnMaterialChange(const QString &status);

} // namespace rounds::compliance
