#pragma once

#include <QtGlobal>

namespace rounds {

namespace sql {
class Database;
}

namespace kpi {

// A read transaction (BEGIN and a first read, so the snapshot is taken now) ended when it goes out of
// scope; a failed COMMIT of a read is only logged.
class ReadTransaction
{
public:
    explicit ReadTransaction(sql::Database &db);
    ~ReadTransaction();
    Q_DISABLE_COPY_MOVE(ReadTransaction)

private:
    void end();

    sql::Database &m_db;
};

} // namespace kpi

} // namespace rounds
