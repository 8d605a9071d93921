#pragma once

#include "server/feed.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server {

// Merging duplicate HCPs ("ONE ID", see docs/sfe.md): an sfe/admin push that sets an HCP's status to
// `merged` with `merged_into` = the surviving HCP. The server then moves everything of the loser to the
// winner in the same write transaction, each record as a normal new version that reaches every client by
// pull.
namespace hcpmerge {

struct Denial
{
    const char *code;
    QString message;
    QString field;
};

// Whether the change of an HCP from `before` (null: a new record) to `after` merges it now.
bool isMerge(const std::optional<QJsonObject> &before, const QJsonObject &after);

// Checks the status / merged_into fields of an HCP change: a merge names a live winner that is not
// merged itself and not the HCP; merged_into goes with status merged only; a merged HCP stays merged
// into the same winner. nullopt: allowed.
std::optional<Denial> check(StoreReader &store, const QString &hcpId,
    const std::optional<QJsonObject> &before, const QJsonObject &after);

struct Summary
{
    int visits = 0;
    int plans = 0;
    int tags = 0; // re-pointed; duplicates of the winner's tags are deleted and counted in `dropped`
    int attendees = 0;
    int attendeesFolded = 0; // the loser's attendances folded into the winner's of the same meeting
    int alignments = 0;
    int changeRequests = 0;
    int dropped = 0; // the loser's tags and alignments the winner already had, and folded attendances
};

// The winner's attendance of a meeting with the loser's of the same meeting folded in: fee_minor summed,
// signed_in if either was, the stronger role (chair > speaker > attendee).
QJsonObject foldAttendance(const QJsonObject &winner, const QJsonObject &loser);

// A record sent after the merge that names a merged HCP (an offline visit to the loser): its hcp_id is
// set to the surviving HCP. Returns whether it changed `fields`.
bool redirect(StoreReader &store, const QString &entity, QJsonObject &fields);

// Re-points every record that names `loserId` to `winnerId`: visits (submitted ones too: a server-side
// change), visit plans, tags, meeting attendances, alignments and change requests about the loser. Where
// the winner has the same already (a tag; an alignment to the territory covering the loser's from today
// to its end) the loser's is deleted (an alignment that has started is ended yesterday instead, so its
// history stays); an attendance of a meeting the winner attends too is folded into the winner's.
// `except`: a change request not to touch (the one whose approval merges, stored right after).
Summary repoint(StoreWriter &store, Feed &feed, const QString &loserId, const QString &winnerId,
    const QString &except = {});

} // namespace hcpmerge

} // namespace rounds::server
