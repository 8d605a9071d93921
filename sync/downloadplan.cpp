#include "sync/downloadplan.h"

#include "models/localfiles.h"
#include "models/materialqueries.h"
#include "models/store.h"
#include "sync/log.h"

#include <QFile>
#include <QSet>

#include <algorithm>

namespace rounds::downloadplan {

using protocol::content::Availability;

namespace {

const QString kUnneeded = QStringLiteral("files.unneeded.");

// Approved now or later: its file is needed.
bool wanted(const MaterialItem &m)
{
    return m.availability == Availability::Presentable
        || (m.status == QLatin1String("approved") && m.availability == Availability::NotYetValid);
}

} // namespace

bool pending(Store *store, const QStringList &requested, QList<PlannedDownload> *out, QString *error)
{
    out->clear();
    QList<MaterialItem> all;
    if (!MaterialQueries::list(store, {}, {}, &all, error))
        return false;
    const QString db = store->path();
    QSet<QString> seen;
    auto add
        = [&](const QString &sha256, qint64 size, PlannedDownload::Reason reason, const QString &material) {
              if (sha256.isEmpty() || seen.contains(sha256))
                  return;
              seen.insert(sha256);
              if (!localfiles::existingPathOf(db, sha256).isEmpty())
                  return;
              out->append(PlannedDownload {sha256, size, reason, material});
          };
    for (const QString &sha256 : requested) {
        const auto it = std::find_if(
            all.cbegin(), all.cend(), [&](const MaterialItem &m) { return m.sha256 == sha256; });
        add(sha256, it == all.cend() ? 0 : it->fileSize, PlannedDownload::Reason::Requested,
            it == all.cend() ? QString() : it->id);
    }
    QSet<QString> pinned;
    for (const FileStateRow &f : store->fileStates()) {
        if (f.pinned)
            pinned.insert(f.sha256);
    }
    for (const MaterialItem &m : all) {
        if (pinned.contains(m.sha256) && m.availability != Availability::Draft) {
            add(m.thumbnailSha256, 0, PlannedDownload::Reason::Pinned, m.id);
            add(m.sha256, m.fileSize, PlannedDownload::Reason::Pinned, m.id);
        }
    }
    for (const MaterialItem &m : all) {
        if (m.presentable())
            add(m.thumbnailSha256, 0, PlannedDownload::Reason::PresentableThumbnail, m.id);
    }
    for (const MaterialItem &m : all) {
        if (m.presentable())
            add(m.sha256, m.fileSize, PlannedDownload::Reason::Presentable, m.id);
    }
    for (const MaterialItem &m : all) {
        if (!m.presentable() && wanted(m)) {
            add(m.thumbnailSha256, 0, PlannedDownload::Reason::Approved, m.id);
            add(m.sha256, m.fileSize, PlannedDownload::Reason::Approved, m.id);
        }
    }
    return true;
}

int prune(Store *store, const QDateTime &now, QString *error)
{
    QList<MaterialItem> all;
    if (!MaterialQueries::list(store, {}, {}, &all, error))
        return -1;
    QSet<QString> needed, pinned, candidates;
    for (const FileStateRow &f : store->fileStates()) {
        if (f.pinned)
            pinned.insert(f.sha256);
    }
    for (const MaterialItem &m : all) {
        if (wanted(m) || pinned.contains(m.sha256))
            needed << m.sha256 << m.thumbnailSha256;
    }
    for (const MaterialItem &m : all) {
        if (m.availability == Availability::Withdrawn || m.availability == Availability::Expired)
            candidates << m.sha256 << m.thumbnailSha256;
    }
    int deleted = 0;
    const QString db = store->path();
    for (const QString &sha256 : std::as_const(candidates)) {
        if (sha256.isEmpty())
            continue;
        const QString key = kUnneeded + sha256;
        const QString path = localfiles::downloadPathFor(db, sha256);
        if (needed.contains(sha256) || !QFile::exists(path)) {
            if (!store->meta(key).isEmpty())
                store->setMeta(key, QString());
            continue;
        }
        const QDateTime since = QDateTime::fromString(store->meta(key), Qt::ISODate);
        if (!since.isValid()) {
            store->setMeta(key, now.toUTC().toString(Qt::ISODate));
            continue;
        }
        if (since.secsTo(now) < qint64(GraceDays) * 24 * 3600)
            continue;
        if (QFile::remove(path)) {
            ++deleted;
            store->setMeta(key, QString());
            FileStateRow row;
            row.sha256 = sha256;
            row.state = QStringLiteral("missing");
            store->putFileState(row, true);
            qCInfo(lcSync).noquote() << "deleted" << sha256
                                     << "(a withdrawn or expired material's file, unpinned for" << GraceDays
                                     << "days)";
        }
    }
    // The files named by no needed material are kept out of `needed` above; their meta goes with them.
    Q_UNUSED(error);
    return deleted;
}

} // namespace rounds::downloadplan
