#pragma once

// Approved content (issue 21; docs/content.md): the rules client and server share about materials and
// their page views. The client applies them offline (a material that may not be presented is not
// offered, even on a laptop that has not synced); the server refuses a page view that breaks them.
// Pure: the caller reads the records and names the time.

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace rounds::protocol::content {

// A page counts as viewed when it was on screen this long, or when the HCP reacted to it.
inline constexpr qint64 ViewedAfterMs = 2000;

bool countsAsViewed(qint64 durationMs, const QJsonValue &reaction);

enum class Availability {
    Presentable, // approved, and `on` lies within valid_from..valid_to (inclusive; a missing bound is open)
    Draft,
    Withdrawn,
    Expired, // status expired, or `on` after valid_to
    NotYetValid, // `on` before valid_from
};
QString availabilityName(Availability a); // presentable, draft, withdrawn, expired, not_yet_valid

// May the material (its record's fields) be presented on the calendar day `on`?
Availability availability(const QJsonObject &material, const QDate &on);

// The time a client may trust for expiry: its clock, but never earlier than the latest time it has seen
// from the server (a pulled record's updated_at) or from itself before, so a clock set back never brings
// an expired material back. Invalid inputs are ignored; both invalid: `localNow`.
QDateTime trustedNow(const QDateTime &localNow, const QDateTime &latestSeen);

// The server's check of a page view against its material (`material` as stored), at push time:
// nothing when the view may be stored, else the English reason and the field it names. A draft is never
// presented; a view of a withdrawn or expired material is kept when it started before the material's
// last change (`materialUpdatedAt`, the moment it stopped being presentable or later), since the laptop
// that recorded it offline could not know; the view's day must lie within valid_from..valid_to; and
// material_version must be the material's material_version.
struct Refusal
{
    QString field;
    QString reason;
};
std::optional<Refusal> checkView(
    const QJsonObject &view, const QJsonObject &material, const QDateTime &materialUpdatedAt);

} // namespace rounds::protocol::content
