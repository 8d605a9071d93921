#pragma once

#include "server/denial.h"
#include "server/feed.h"

#include <QJsonObject>

#include <optional>

namespace rounds::server {

// Data-subject requests, erasure (docs/privacy.md, "Data-subject requests"): an HCP's personal data is
// anonymised on the server while the business history stays. Every change is a normal new version in
// the change feed, so each laptop receives it at its next sync; the audit forgets the erased values and
// records who asked and why. Afterwards the server refuses any change that would write the erased data
// again (an offline edit sent later), so nothing personal comes back.
namespace hcperasure {

// Who asked and why; `userId` is the actor of every change (updated_by, the audit).
struct Request
{
    QString userId;
    QString username;
    QString reason;
    // Where the request came from, as the audit's device: the command, or the route and the client's
    // device (POST /api/v1/admin/hcp/erase).
    QString device = QStringLiteral("rounds-server hcp erase");
};

struct Summary
{
    bool alreadyErased = false; // erased before; this request changed nothing of its own
    QString placeholder; // the name the HCP has now
    int hcps = 0; // the HCP, and the duplicates merged into it
    int visits = 0; // visits whose notes, feedback or follow-up were cleared
    int plans = 0;
    int tagsRemoved = 0;
    int attendances = 0; // attendee names cleared
    int expenses = 0; // expense descriptions that named the HCP
    int changeRequests = 0;
};

// The name an erased HCP carries: "Erased HCP " and the first four characters of its id.
QString placeholder(const QString &hcpId);

// Whether the HCP was erased (the server keeps the request under meta key "erased_hcp:ID").
bool isErased(StoreReader &store, const QString &hcpId);
// The stored request of an erased HCP ({at, requested_by, reason, placeholder}), or an empty object.
QJsonObject erasure(StoreReader &store, const QString &hcpId);

// Erases the HCP `hcpId` (and the duplicates merged into it) inside the caller's write transaction.
// False with `error` when there is no such HCP. Erasing again changes nothing but is recorded too.
bool erase(
    StoreWriter &store, const QString &hcpId, const Request &request, Summary *summary, QString *error);

// A pushed change that writes personal data about an erased HCP: its name or contact fields, a note,
// feedback, follow-up or plan purpose, an attendee name, a tag, a change request's proposed personal
// fields. `fields` is the record as it would be stored, `sent` what the client sent (judged over
// `fields`: a value the merge would not take is refused too, so it is not filed for review either).
// nullopt: allowed.
std::optional<Denial> check(StoreReader &store, const QString &entity, const QString &id,
    const QJsonObject &fields, const QJsonObject &sent = {});

} // namespace hcperasure

} // namespace rounds::server
