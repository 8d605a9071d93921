#pragma once

#include <QString>

namespace rounds {

class Store;

// What waits for the signed-in user's decision, counted from the local store for the sidebar's
// badges. Each count is 0 for a role that does not make that decision.
struct DecisionCounts
{
    int meetingsToApprove = 0; // managers and admins: submitted meetings of others
    int meetingsReturned = 0; // the meeting's owner: meetings a manager rejected, to change and resubmit
    int changeRequests = 0; // SFE and admins: open change requests
    int conflicts = 0; // everyone: open conflicts
    int refused = 0; // everyone: local changes the server refused

    int meetings() const { return meetingsToApprove + meetingsReturned; }
    int conflictsAndRefused() const { return conflicts + refused; }
};

// The counts for the user and role the store was last synced as (sync_meta `user_id`, `role`); all 0
// when the store is closed or cannot be read.
DecisionCounts decisionCounts(const Store &store);

} // namespace rounds
