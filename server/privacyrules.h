#pragma once

// Minimum necessary and retention on the server (docs/privacy.md, docs/server.md "Retention"): which
// HCP contact fields a role's pulls and push answers leave out, the check of those settings on push, and
// the prune of audit entries, tombstones and push answers past their retention.

#include "common/protocol/historypage.h"
#include "common/protocol/outboxmutation.h"
#include "common/protocol/privacy.h"
#include "server/denial.h"
#include "server/storage.h"

#include <QDateTime>
#include <QHash>

#include <optional>
#include <vector>

namespace rounds::server::privacyrules {

// The newest `setting` record with `key` (updated_at, then id): the one in force, as on the client.
std::optional<StoredRecord> newestSetting(StoreReader &store, const QString &key);
// The value of the newest `setting` record with `key` (updated_at, then id), undefined when none.
QJsonValue settingValue(StoreReader &store, const QString &key);

// What a role does not receive under the company's `privacy.contact_fields` (empty: everything).
protocol::privacy::WithheldFields withheldFrom(StoreReader &store, protocol::Role role);
// The company's `retention.days` (defaults where it says nothing).
protocol::privacy::Retention retention(StoreReader &store);

// A `setting` record whose value breaks the rules of its key: refused with invalid_request on `value`.
std::optional<Denial> checkSetting(const protocol::Entity &entity, const QJsonObject &fields);
// The personal-data checks of a pushed change, in order: checkSetting, then nothing personal about an
// erased HCP comes back (hcperasure::check; `fields` as it would be stored, `sent` as sent).
std::optional<Denial> checkPush(StoreReader &store, const protocol::Entity &entity, const QString &id,
    const QJsonObject &fields, const QJsonObject &sent);

// Leaves what `role` does not receive out of the records in push answers (`record` of a merged or
// conflict answer); answers[i] answers mutations[i]. Stored answers stay whole: a replay is stripped too.
void stripAnswers(Storage &storage, protocol::Role role, const QList<OutboxMutation> &mutations,
    std::vector<QJsonObject> &answers);

// Leaves the withheld fields out of a record's history as the history route answers it: changes of such a
// field go, and change requests' proposed `fields` lose them.
void stripHistory(const protocol::privacy::WithheldFields &hidden, const QString &entity,
    QList<protocol::HistoryChange> &changes);

// Per bucket, the highest seq of a change entry pruned with its tombstone: a client whose cursor is below
// it has missed deletes and must pull the bucket again from 0 (PullPage::resetBuckets).
QHash<QString, qint64> prunedSeqs(StoreReader &store);

struct PruneReport
{
    protocol::privacy::Retention retention;
    QString auditBefore, tombstonesBefore, mutationsBefore; // the cut-off times, ISO 8601 UTC
    PruneCounts counts;
};

// Prunes what is older than the retention at `now` in one write; with `dryRun`, counts and rolls back.
bool prune(Storage &storage, const QDateTime &now, bool dryRun, PruneReport *report, QString *error);
// The daily prune of a serving server: at most once per UTC day (at start, then as the day changes).
// `ran` says whether it pruned now.
bool pruneDaily(Storage &storage, PruneReport *report, bool *ran, QString *error);

// Writes a company setting as an admin would (`rounds-server setting`): the newest record of the key
// takes `value`, or a new record is made; checked like a push (checkSetting), synced like any change.
bool writeSetting(Storage &storage, const QString &key, const QJsonValue &value, QString *error);

} // namespace rounds::server::privacyrules
