// Store: sync_meta (epoch, server, user, role, last sync).
#include "common/sqlite/database.h"
#include "models/store.h"
#include "models/store/storeguard.h"

namespace rounds {

QString Store::meta(const QString &key) const
{
    if (!m_db)
        return {};
    return logged("meta", QString(), nullptr, [&] {
        auto q = m_db->query(QStringLiteral("SELECT value FROM sync_meta WHERE key = ?1"));
        q->bind(1, key);
        return q->step() ? q->text(0) : QString();
    });
}

bool Store::setMeta(const QString &key, const QString &value)
{
    if (!m_db)
        return false;
    return logged("setMeta", false, nullptr, [&] {
        auto q = m_db->query(QStringLiteral("INSERT INTO sync_meta (key, value) VALUES (?1, ?2) ON "
                                            "CONFLICT(key) DO UPDATE SET value = excluded.value"));
        q->bind(1, key);
        q->bind(2, value);
        q->run();
        return true;
    });
}

protocol::RolePolicy Store::policy() const
{
    // Both come from signing in (the pull answer refreshes the role): a store that does not know whom it
    // belongs to refuses nothing, and the server decides.
    const QString role = meta(QStringLiteral("role"));
    const QString userId = meta(QStringLiteral("user_id"));
    if (role.isEmpty() || userId.isEmpty())
        return protocol::RolePolicy::unrestricted();
    return protocol::RolePolicy(protocol::roleFromString(role), userId);
}

} // namespace rounds
