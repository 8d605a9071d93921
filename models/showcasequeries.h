#pragma once

#include <QString>

namespace rounds {

class Store;

// The records the client's screenshots open (`rounds --screenshot`): the fullest of each kind, so a
// picture shows a view in use. Each returns false with `error` when the read fails; empty when the
// store has no such record.
class ShowcaseQueries final
{
public:
    // The tagged HCP with the most visits (an untagged one when none is tagged).
    static bool busiestHcp(Store *store, QString *out, QString *error = nullptr);
    // The territory with the most alignments.
    static bool busiestTerritory(Store *store, QString *out, QString *error = nullptr);
    // The earliest meeting still being planned or run, drafts first.
    static bool liveliestMeeting(Store *store, QString *out, QString *error = nullptr);
};

} // namespace rounds
