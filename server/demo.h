#pragma once

#include "server/storage.h"

namespace rounds::server {

class FileStore;

// The demo organisation: region EAST (华东区), districts SH and HZ, territories SH-01 SH-02 HZ-01
// HZ-02, the eight demo users (password demo-pass-1), hospitals, HCPs, products, a year of visits,
// plans, meetings and two years of sales. Deterministic for a seed (ids and data; the epoch is random).
struct DemoOptions
{
    int hcps = 2000;
    int visits = 20000;
    quint64 seed = 1;
    // The company before it rolled consent out: no consent records, consent.required unset.
    bool withoutConsent = false;
    // Where the demo materials' files go (server/demomaterials.h); none: no materials.
    FileStore *files = nullptr;
};

struct DemoSummary
{
    qint64 records = 0;
    qint64 hcps = 0;
    qint64 visits = 0;
    int materials = 0;
    int files = 0; // the materials' files and thumbnails
    qint64 contentViews = 0; // demo page views of the materials (server/democontent.h)
};

bool createDemo(Storage &storage, const DemoOptions &options, DemoSummary *summary, QString *error);

inline constexpr auto kDemoPassword = "demo-pass-1";

} // namespace rounds::server
