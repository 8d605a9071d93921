#include "models/kpis/readtransaction.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/kpis.h"

namespace rounds::kpi {

ReadTransaction::ReadTransaction(sql::Database &db)
    : m_db(db)
{
    m_db.exec(QStringLiteral("BEGIN"));
    try {
        m_db.scalarInt(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    } catch (...) {
        end();
        throw;
    }
}

ReadTransaction::~ReadTransaction()
{
    end();
}

void ReadTransaction::end()
{
    try {
        m_db.exec(QStringLiteral("COMMIT"));
    } catch (const sql::SqlError &e) {
        qCWarning(lcKpi) << e.text();
    }
}

} // namespace rounds::kpi
