#pragma once

// The figures of approved content in the field (issue 21 point 4; docs/content-analytics.md): what the
// content KPI queries (models/contentkpis.h) answer, for the dashboard, the marketing ranking and
// `rounds-cli kpis`. Plain data, no dependencies, so the KPI result can carry it.

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace rounds {

// Reactions counted over page views: every view with a reaction, by its value.
struct ContentReactionMix
{
    qint64 positive = 0;
    qint64 neutral = 0;
    qint64 negative = 0;

    qint64 total() const { return positive + neutral + negative; }
    // positive / all reactions, or nothing without a reaction.
    std::optional<double> positivePct() const;
};

// One material (one version: each version is its own record) or one product, over a scope and period.
struct ContentKpiRow
{
    QString key; // material id or product id
    QString name; // material title, or product name
    int version = 0; // materials only
    QString productId; // materials only
    QString productName; // materials only
    int pageCount = 0; // materials only; 0 when unknown
    qint64 presentations = 0;
    qint64 views = 0; // page views (records)
    qint64 viewedPages = 0; // views that count as viewed (>= 2 s or a reaction)
    qint64 viewedDwellMs = 0; // time on screen of the viewed ones
    ContentReactionMix reactions;
    std::optional<double> avgDwellSec; // viewedDwellMs / viewedPages, in seconds
    std::optional<double> viewedPerPresentation; // viewedPages / presentations
    // (positive + 1) / (reactions + 2): the positive share, pulled towards 1/2 while reactions are few.
    double positiveShare = 0.5;
    // viewedPerPresentation × positiveShare (0 without a presentation).
    double engagement = 0;
    int rank = 0; // 1.. among ranked rows (materials with >= kMinRankedPresentations); 0: not ranked
};

// A material shown in fewer presentations than this is listed after the ranked ones, without a rank.
inline constexpr qint64 kMinRankedPresentations = 3;

// The content KPIs of a scope over a period: in-call page views only (previews are the rep alone).
struct ContentKpis
{
    qint64 views = 0;
    qint64 viewedPages = 0;
    qint64 viewedDwellMs = 0;
    qint64 presentations = 0;
    qint64 anonymousViews = 0; // without an HCP (no tracking consent): in every total above
    ContentReactionMix reactions;
    std::optional<double> avgDwellSec;
    // Submitted face-to-face and remote visits of the scope and period, and those with a page view.
    qint64 calls = 0;
    qint64 callsWithContent = 0;
    std::optional<double> callsWithContentPct;
    QList<ContentKpiRow> materials; // by engagement rank, then the unranked by presentations
    QList<ContentKpiRow> products; // by views, most first
};

// One page of a material in one showing to an HCP.
struct ContentPageSeen
{
    int page = 0;
    qint64 durationMs = 0; // every view of the page in the showing, summed
    QString reaction; // the last reaction given, or empty
    bool viewed = false; // one of its views counts as viewed
};

// One material shown to an HCP in one visit (or, without a visit, on one local day by one rep).
struct ContentShowing
{
    QString visitId; // empty: shown without a visit
    QDateTime startedAt; // the first page view, UTC
    QString repId;
    QString materialId;
    QString title;
    int version = 0;
    int pageCount = 0; // of the material; 0 when unknown
    int pagesViewed = 0;
    int pagesShown = 0;
    qint64 totalMs = 0;
    ContentReactionMix reactions;
    QList<ContentPageSeen> pages; // by page number
};

} // namespace rounds
