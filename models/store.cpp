#include "models/store.h"

#include "common/sqlite/database.h"
#include "models/store/entitysqlcache.h"

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

} // namespace rounds
