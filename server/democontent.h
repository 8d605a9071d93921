#pragma once

#include "server/storage.h"

namespace rounds::server {

// Demo page views (issue 21; docs/content-analytics.md, "Demo"): for a share of the demo's submitted
// face-to-face visits, one or two materials of the visit's products (its details) shown page by page
// with realistic dwell times (1–40 s, some under 2 s) and reactions. Views of an HCP without activity
// tracking consent at that moment are anonymous (no hcp_id, no visit_id), as the client records them.
// The materials are read from the store: approved ones whose validity holds the visit's day, in the
// version they have; with none, nothing is added. Deterministic for a seed (the ids and the views).
struct ContentDemoOptions
{
    quint64 seed = 1;
    int visitPercent = 35; // of the submitted face-to-face visits with a material of their products
};

struct ContentDemoSummary
{
    qint64 views = 0;
    qint64 anonymousViews = 0;
    qint64 visits = 0; // visits that got views (anonymous ones included)
    qint64 materials = 0; // presentable materials found
};

// Run once after the demo's materials exist (server/demo.cpp, after server/demomaterials.cpp).
bool addContentViews(
    Storage &storage, const ContentDemoOptions &options, ContentDemoSummary *summary, QString *error);

} // namespace rounds::server
