#include "models/storewatcher.h"

#include "models/store.h"

#include <QEvent>
#include <QTimer>

namespace rounds {

namespace {
// Past this many ids of one entity a burst is "any row of it": the ids would cost more than a reload.
constexpr int kIdLimit = 5000;
} // namespace

QStringList StoreChanges::entities() const
{
    QSet<QString> all = wholeEntities;
    for (auto it = ids.cbegin(); it != ids.cend(); ++it)
        all.insert(it.key());
    QStringList list(all.begin(), all.end());
    list.sort();
    return list;
}

StoreWatcher::StoreWatcher(
    Store *store, QStringList entities, QObject *owner, Callback callback, Delivery delivery)
    : QObject(owner)
    , m_store(store)
    , m_entities(std::move(entities))
    , m_owner(owner)
    , m_callback(std::move(callback))
    , m_delivery(delivery)
{
    if (store)
        connect(store, &Store::recordsChanged, this, &StoreWatcher::onRecordsChanged);
}

StoreWatcher::~StoreWatcher() = default;

void StoreWatcher::deferWhileHidden(bool defer)
{
    if (defer == m_deferWhileHidden || !m_owner || !m_owner->isWidgetType())
        return;
    m_deferWhileHidden = defer;
    if (defer)
        m_owner->installEventFilter(this);
    else
        m_owner->removeEventFilter(this);
}

bool StoreWatcher::ownerHidden() const
{
    return m_deferWhileHidden && m_owner && !m_owner->property("visible").toBool();
}

void StoreWatcher::onRecordsChanged(const QString &entity, const QStringList &ids)
{
    if (!m_entities.isEmpty() && !m_entities.contains(entity))
        return;
    if (ids.isEmpty() || m_pending.wholeEntities.contains(entity)) {
        m_pending.wholeEntities.insert(entity);
        m_pending.ids.remove(entity);
    } else {
        QSet<QString> &known = m_pending.ids[entity];
        for (const QString &id : ids)
            known.insert(id);
        if (known.size() > kIdLimit) {
            m_pending.ids.remove(entity);
            m_pending.wholeEntities.insert(entity);
        }
    }
    if (m_delivery == Delivery::Immediate)
        flush();
    else
        schedule();
}

void StoreWatcher::schedule()
{
    if (m_scheduled || ownerHidden())
        return;
    m_scheduled = true;
    QTimer::singleShot(0, this, [this] {
        m_scheduled = false;
        if (!ownerHidden())
            flush();
    });
}

void StoreWatcher::flush()
{
    if (m_pending.isEmpty() || !m_callback)
        return;
    const StoreChanges changes = std::exchange(m_pending, {});
    ++m_deliveries;
    m_callback(changes);
}

bool StoreWatcher::eventFilter(QObject *watched, QEvent *event)
{
    // At once, before the first paint: a view brought up shows current data, not a frame of old data.
    if (watched == m_owner && event->type() == QEvent::Show)
        flush();
    return QObject::eventFilter(watched, event);
}

} // namespace rounds
