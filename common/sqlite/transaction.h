#pragma once

#include "common/sqlite/layerguard.h"

#include "common/sqlite/database.h"

namespace rounds::sql {

// Rolls back on every path that is not a commit, exceptions included. Opened while another
// transaction is under way on the same connection, it becomes a SAVEPOINT inside it, so a larger
// unit of work (e.g. storing a sync conflict) can compose store operations that each use their own
// Transaction: their commits only release the savepoint, and the outer rollback undoes them all.
class Transaction final
{
public:
    enum class Mode { Deferred, Immediate };

    explicit Transaction(Database &db, Mode mode = Mode::Immediate)
        : m_db(db)
        , m_nested(db.inTransaction())
    {
        if (m_nested)
            m_db.exec(QStringLiteral("SAVEPOINT rounds_nested"));
        else
            m_db.exec(mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    }
    ~Transaction()
    {
        if (m_done)
            return;
        try {
            if (m_nested)
                m_db.exec(QStringLiteral("ROLLBACK TO rounds_nested; RELEASE rounds_nested"));
            else
                m_db.exec(QStringLiteral("ROLLBACK"));
        } catch (...) {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit()
    {
        m_db.exec(m_nested ? QStringLiteral("RELEASE rounds_nested") : QStringLiteral("COMMIT"));
        m_done = true;
    }

    bool isNested() const { return m_nested; }

private:
    Database &m_db;
    bool m_nested;
    bool m_done = false;
};

} // namespace rounds::sql
