#include "models/store/storebatch.h"

#include "common/sqlite/transaction.h"
#include "models/sqlguard.h"
#include "models/store.h"

namespace rounds {

StoreBatch::StoreBatch(Store &store)
{
    sql::Database *db = store.database();
    if (!db) {
        m_error = Store::tr("The local database is not open.");
        return;
    }
    guarded(&m_error, [&] { m_tx = std::make_unique<sql::Transaction>(*db); });
}

StoreBatch::~StoreBatch() = default;

bool StoreBatch::commit(QString *error)
{
    if (!m_tx)
        return true;
    const bool ok = guarded(error, [&] { m_tx->commit(); });
    m_tx.reset();
    return ok;
}

} // namespace rounds
