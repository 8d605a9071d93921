#pragma once

// Helpers every rounds-bench subcommand shares: output, memory figures, percentiles, the raw sqlite3
// insert reference, and the dispatch of the subcommands that parse their own options.

#include "common/protocol/schema.h"
#include "models/store.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace rounds::sql {
class Database;
}

namespace rounds::bench {

// One line on stdout, flushed (the figures are read while a long run goes on).
void out(const QString &line);
// A field of /proc/self/status in kB ("VmHWM:" is the peak RSS), -1 when unreadable.
qint64 statusKb(const char *key);
// The value below which `fraction` of `samples` fall (sorts a copy); 0 for no samples.
double percentile(std::vector<double> samples, double fraction);

// The reference: the same rows, already converted to column values, inserted with a prepared
// statement on the raw sqlite3 handle, one transaction per `page` rows, into the same table and
// indexes of a client file at `path` (created and migrated when new). Rows per second.
double rawInsertRate(
    const QString &path, const protocol::Entity &entity, const QList<PulledChange> &rows, int page);

// Subcommands with their own options (`arguments` is the whole command line, program first): the
// exit status, or NotMine when arguments[1] names none of them.
constexpr int NotMine = -1000;
int runSubcommand(const QStringList &arguments);

// bench/syncbench.cpp: `sync` (first full sync + incremental rounds).
int syncMain(const QStringList &arguments);
// bench/serverbench.cpp: `server` (concurrent simulated reps, exactly-once check).
int serverMain(const QStringList &arguments);
// bench/soakbench.cpp: `soak` (laptops killed at random, then convergence and exactly-once checks) and
// `soak-client` (one laptop, run by soak).
int soakMain(const QStringList &arguments);
// bench/filesbench.cpp: `files` (a library of materials downloaded by the queue against curl; resume).
int filesMain(const QStringList &arguments);
// bench/kpisbench.cpp: `kpis` (every dashboard KPI over a generated district, warm p50/p95).
int kpisMain(const QStringList &arguments);
// The district `kpis` measures, written into an open client store (HCPs, a year of visits, sales).
void generateDistrict(sql::Database &db, int hcps, int visits, const QDate &today);
// bench/contentbench.cpp: `content` (the content KPIs over N page views, warm p50/p95).
int contentMain(const QStringList &arguments);
// bench/encryptionbench.cpp: `encryption` (the encrypted store against a plain one, in the same run).
int encryptionMain(const QStringList &arguments);

} // namespace rounds::bench
