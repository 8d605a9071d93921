#pragma once

// Which synced files this computer should fetch, in what order, and which downloaded ones it may drop
// (docs/downloads.md). Reads the local store only; the download queue (sync/downloadqueue.h)
// and `rounds-cli files --download` act on it.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

struct PlannedDownload
{
    enum class Reason {
        Requested, // asked for now (the presenter, a manager opening a receipt)
        Pinned, // a pinned material's file
        PresentableThumbnail, // the thumbnail of a material the rep may present today
        Presentable, // the file of a material the rep may present today
        Approved, // an approved material that is not valid yet (its thumbnail first)
    };
    QString sha256;
    qint64 size = 0; // as the material record says; 0 when unknown (thumbnails, receipts)
    Reason reason = Reason::Requested;
    QString materialId; // empty for a file asked for by hash
};

namespace downloadplan {

// How long a downloaded file of a withdrawn or expired material that nobody pinned stays on this
// computer after the plan first saw it unneeded (a material put back within the grace is not fetched
// again).
inline constexpr int GraceDays = 7;

// The files that are not whole on this computer (localfiles::existingPathOf), in the order to fetch
// them: `requested` first (as given), then pinned materials, then the materials presentable today by
// MaterialQueries::presentable (every thumbnail before any file), then approved materials not valid yet.
// Receipts and consent evidence only when requested. Each hash once. False with `error` (SQLite).
bool pending(Store *store, const QStringList &requested, QList<PlannedDownload> *out, QString *error);

// Deletes from files/ the downloads of withdrawn or expired materials that are not pinned and that no
// presentable or approved material names, once GraceDays have passed since the plan first saw them
// unneeded (kept in the store's meta `files.unneeded.<sha256>`; cleared when a material needs the file
// again). Never touches evidence/ (what this computer recorded). Returns how many files it deleted.
int prune(Store *store, const QDateTime &now, QString *error);

} // namespace downloadplan
} // namespace rounds
