#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>

#include <functional>

namespace rounds {

class Store;

// What changed in the store since a watcher's last callback: the entities, and for each the ids the
// store named (none named means "any row of it", e.g. after an import or a merge).
struct StoreChanges
{
    QHash<QString, QSet<QString>> ids;
    QSet<QString> wholeEntities; // announced without ids

    bool contains(const QString &entity) const
    {
        return ids.contains(entity) || wholeEntities.contains(entity);
    }
    bool isEmpty() const { return ids.isEmpty() && wholeEntities.isEmpty(); }
    QStringList entities() const;
};

// The one way a view or an item model follows the store: it says which entities it shows and gets called
// back when they change, whoever wrote them (a local save, a pulled page, a push answer, an import, a
// merge, a resolved conflict). Every write path of Store ends in Store::recordsChanged(); this turns
// that stream into one callback per burst: changes that arrive in the same turn of the event loop (a
// visit and its product rows, a page of 10,000 records, the batches of a whole sync — see
// Store::holdAnnouncements()) are merged, so a view rebuilds once.
//
// A widget owner can let the callback wait while it is hidden (deferWhileHidden()): the changes are
// kept and delivered, merged, when it is shown again.
class StoreWatcher final : public QObject
{
    Q_OBJECT
public:
    using Callback = std::function<void(const StoreChanges &changes)>;
    enum class Delivery {
        Coalesced, // once per turn of the event loop (views)
        Immediate, // on every notification, before the writer's call returns (item models that track rows)
    };

    // `entities` empty: every entity. The watcher is a child of `owner` and calls back on its thread.
    StoreWatcher(Store *store, QStringList entities, QObject *owner, Callback callback,
        Delivery delivery = Delivery::Coalesced);
    ~StoreWatcher() override;
    Q_DISABLE_COPY_MOVE(StoreWatcher)

    // Keeps changes while the owner (a QWidget) is hidden and delivers them as it is shown (before it
    // paints).
    void deferWhileHidden(bool defer = true);
    // Delivers what waits now, if anything.
    void flush();
    bool hasPending() const { return !m_pending.isEmpty(); }
    // How many callbacks ran (tests check that a burst refreshed a view once).
    int deliveries() const { return m_deliveries; }
    QStringList entities() const { return m_entities; }
    Delivery delivery() const { return m_delivery; }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onRecordsChanged(const QString &entity, const QStringList &ids);
    void schedule();
    bool ownerHidden() const;

    QPointer<Store> m_store;
    QStringList m_entities;
    QObject *m_owner;
    Callback m_callback;
    Delivery m_delivery;
    StoreChanges m_pending;
    bool m_scheduled = false;
    bool m_deferWhileHidden = false;
    int m_deliveries = 0;
};

} // namespace rounds
