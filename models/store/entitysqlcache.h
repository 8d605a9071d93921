#pragma once

#include "models/store/entitysql.h"

#include <QHash>

#include <memory>

namespace rounds {

// The SQL of each entity table, built the first time a store operation needs it.
class EntitySqlCache final
{
public:
    const EntitySql &of(const protocol::Entity &e)
    {
        auto it = m_sql.find(e.name);
        if (it == m_sql.end())
            it = m_sql.insert(e.name, std::make_shared<EntitySql>(e));
        return *it.value();
    }

private:
    QHash<QString, std::shared_ptr<EntitySql>> m_sql;
};

} // namespace rounds
