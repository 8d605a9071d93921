#include "models/store.h"

#include "common/sqlite/database.h"
#include "models/store/entitysqlcache.h"

#include <QTimer>

// Store is a facade: its parts live in models/store/ (storefile.cpp: open, recovery, close;
// writepath.cpp: create/update/remove; outbox.cpp; pageapply.cpp; bulkload.cpp; storemeta.cpp;
// conflicts.cpp; resync.cpp). The wire types it reads and writes are common/protocol's.

namespace rounds {

Store::Store(QObject *parent)
    : QObject(parent)
    , m_apply(std::make_unique<EntitySqlCache>())
    , m_crashAt(qgetenv("ROUNDS_TEST_CRASH_AT"))
{ }

Store::~Store()
{
    close();
}

void Store::announceSyncedChanges(const QString &entity, const QStringList &ids)
{
    if (!m_holding) {
        emit recordsChanged(entity, ids);
        return;
    }
    const auto it = m_held.find(entity);
    if (ids.isEmpty())
        m_held.insert(entity, {});
    else if (it == m_held.end())
        m_held.insert(entity, QSet<QString>(ids.begin(), ids.end()));
    else if (!it->isEmpty())
        *it += QSet<QString>(ids.begin(), ids.end());
    if (!m_heldTimer->isActive())
        m_heldTimer->start();
}

void Store::holdAnnouncements(bool hold, int intervalMs)
{
    if (!m_heldTimer) {
        m_heldTimer = new QTimer(this);
        m_heldTimer->setSingleShot(true);
        connect(m_heldTimer, &QTimer::timeout, this, &Store::releaseHeld);
    }
    m_heldTimer->setInterval(intervalMs);
    m_holding = hold;
    if (!hold)
        releaseHeld();
}

void Store::releaseHeld()
{
    m_heldTimer->stop();
    const QHash<QString, QSet<QString>> held = std::exchange(m_held, {});
    for (auto it = held.cbegin(); it != held.cend(); ++it)
        emit recordsChanged(it.key(), QStringList(it->begin(), it->end()));
}

} // namespace rounds
