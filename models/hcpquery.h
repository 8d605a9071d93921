#pragma once

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVariantList>

namespace rounds {

namespace sql {
class Database;
}

// What the HCP list and search show: free text plus filters.
// - Words of three characters or more go through the FTS5 trigram index over name, institution,
//   department, specialty, city and tags. Relevance: HCPs whose name holds the words first (names
//   starting with the first word before names holding it further in), then HCPs matching in any other
//   field; by name within each tier. Each tier is capped at 1000 HCPs, so a word found in most of the
//   file costs what a rare one does (refine the query to see beyond).
// - Text of 1–2 characters (a surname "王", a given name "伟", "zh") cannot use trigrams: it goes
//   through the name gram index (every 1- and 2-character piece of every name), names starting with it
//   first. It searches names only.
// - Short words next to long ones ("协和 伟") narrow the long words' hits by substring.
// - Text with Latin letters is also read as pinyin (models/pinyin.h): its key ("he li", "he丽" → "heli")
//   is looked up as a prefix of each HCP's name pinyin ("heli" finds 何丽) and of its initials ("hl"), and
//   of the pinyin and initials of each part of each institution's name, from three letters on (the HCPs
//   of 北京协和医院 for "xiehe" or "xhyy").
//   The groups: the name's characters, its full pinyin (shortest first), its initials, the other fields
//   (3+ characters), the institution's pinyin; an HCP counts in its best one. The character groups take
//   at most 1000 HCPs each, the pinyin ones 200.
struct HcpFilter
{
    QString text;
    QString tier; // "A".."D"
    QString specialty; // exact
    QString institutionId; // exact
    QString tag; // an hcp_tag.tag the HCP carries
    QString territoryId; // aligned to this territory at some time (past, current or future)
    int notVisitedDays = -1; // no visit in the last N days (-1: no filter)
    bool inPlanThisWeek = false; // a planned (not cancelled) visit this week, Monday to Sunday
    QDate today; // "today" for the two date filters; invalid: the current date

    bool isEmpty() const;
};

// The pieces of SQL the HCP list is built from (over `hcp h`).
struct HcpSql
{
    QString from; // FROM clause (without the keyword)
    QString where; // WHERE condition ("1" when none)
    QVariantList binds; // positional values for the ?s of `from` and `where`, in order
    QString relevance; // ORDER BY list for relevance, ending in a unique key; empty when there is no text
    // When not empty: a query giving the matches as (id, k1, k2, k3) without touching the HCP rows, so a
    // page is picked by ORDER BY k1, k2, k3 LIMIT/OFFSET before the display columns are computed. Its id
    // is the search document's: kHcpDocumentKey = k.id over kHcpByDocument finds the page's HCP rows (h).
    QString pick;
    QVariantList pickBinds;
};

HcpSql buildHcpSql(const HcpFilter &filter);

// The HCP rows (h) of a page picked by HcpSql::pick: FROM kHcpByDocument WHERE kHcpDocumentKey = k.id.
extern const QString kHcpByDocument;
extern const QString kHcpDocumentKey;

// A search result row, for callers that do not need an item model (the sync engine, the CLI, bench).
struct HcpHit
{
    QString id;
    QString name;
    QString tier;
    QString lastVisit;
    QString institutionId;
    QString institution;
};

// How many HCPs the global search shows at first: the HCP list's first page (HcpListModel's page size),
// and rounds-cli search's default --limit.
inline constexpr int kSearchFirstPage = 100;
// The first `limit` HCPs matching `filter`, in relevance order (by name when there is no text).
// Returns false with `error` on an SQLite failure.
bool searchHcps(
    sql::Database &db, const HcpFilter &filter, int limit, QList<HcpHit> *hits, QString *error = nullptr);

} // namespace rounds
