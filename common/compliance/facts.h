#pragma once

#include "common/compliance/rules.h"
#include "common/protocol/codec.h"

#include <QJsonObject>
#include <QList>
#include <QSet>

#include <functional>
#include <optional>

namespace rounds::compliance {

// The one builder of MeetingFacts from records, linked by the client (the editor's warnings) and the
// server (the refusals), so the two never read a row differently. Each end only finds the records:
// the meeting, its attendee and expense rows, and (optionally) the HCPs' master data.

// An HCP's record fields (tier, full_name), or nothing when the store does not hold that HCP.
using HcpLookup = std::function<std::optional<QJsonObject>(const QString &hcpId)>;

// The meeting's status, "draft" when the record has none (the schema's default).
QString meetingStatus(const QJsonObject &meeting);
// Submitted and later, not rejected or cancelled: a meeting in such a status commits its money.
bool commitsMoney(const QString &status);

// One attendee row: missing kind and role take the schema's defaults (hcp, attendee). The name is the
// row's own, else the HCP's full name (from `hcps`), else the HCP id; the tier comes from `hcps`.
Attendee attendeeFacts(const protocol::Record &row, const HcpLookup &hcps = {});
// One expense row: a missing status is the schema's default (estimated).
Expense expenseFacts(const protocol::Record &row);

// The facts of one meeting from its record and its child rows. otherTransfers stays empty: see
// addOtherTransfers.
MeetingFacts meetingFacts(const QString &meetingId, const QJsonObject &meeting,
    const QList<protocol::Record> &attendees, const QList<protocol::Record> &expenses,
    const HcpLookup &hcps = {});

// The HCP ids the yearly rule follows in `facts` (rows of kind hcp that name one).
QSet<QString> hcpsOf(const MeetingFacts &facts);
// Adds `other`'s transfers of value (transfersByHcp) to `facts.otherTransfers`, for the HCPs of
// `facts` only. The caller picks the other meetings: same calendar year, commitsMoney, not itself.
void addOtherTransfers(MeetingFacts &facts, const MeetingFacts &other);

} // namespace rounds::compliance
