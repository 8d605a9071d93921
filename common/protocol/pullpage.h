#pragma once

#include "common/protocol/privacy.h"
#include "common/protocol/pulledchange.h"
#include "common/protocol/pullrequest.h"

#include <QList>
#include <QStringList>

namespace rounds::protocol {

// The cursors a client holds after storing a page: the buckets it lost are forgotten, the others move to
// the page's cursors. The one statement of the rule, for the store that applies a page and for the
// session that asks for the next page before the current one is stored.
Cursors advanceCursors(Cursors before, const Cursors &page, const QStringList &revokedBuckets);

// One answer to a pull (PROTOCOL.md, Pull):
// {"changes": […], "cursors": {…}, "revoked_buckets": […], "more": b, "remaining": n, "epoch": "…",
// "role": "…", "withheld_fields": {…}, "reset_buckets": […]}.
struct PullPage
{
    QList<PulledChange> changes;
    Cursors cursors;
    QStringList revokedBuckets; // buckets the client named that left its scope
    bool more = false;
    qint64 remaining = 0; // what later pages hold, a progress estimate (docs/sync-protocol.md)
    QString epoch;
    // The role the server answered for (docs/sync-protocol.md): what the page holds depends on it, so a
    // client that pulled as another role pulls everything again. Empty from servers without it.
    QString role;
    // The fields the page leaves out of records for this user's role (docs/privacy.md): entity → names.
    // A client that held them under another policy pulls everything again. Empty: nothing withheld.
    privacy::WithheldFields withheldFields;
    // Buckets whose cursor predates tombstones the server has pruned (docs/server.md, "Retention"): the
    // deletes since that cursor are lost, so the client pulls everything again from 0.
    QStringList resetBuckets;

    QJsonObject toJson() const;
    // Every change must parse (PulledChange::fromJson, whose reason is the error); the other members are
    // read leniently, as the client always has: a missing one is empty, false or 0.
    static std::optional<PullPage> fromJson(const QJsonObject &json, QString *error = nullptr);

    Cursors advance(const Cursors &before) const { return advanceCursors(before, cursors, revokedBuckets); }
};

} // namespace rounds::protocol
