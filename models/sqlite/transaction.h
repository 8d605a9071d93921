#pragma once

#include "models/sqlite/database.h"

namespace rounds::sql {

// Rolls back on every path that is not a commit, exceptions included.
class Transaction final
{
public:
    enum class Mode { Deferred, Immediate };

    explicit Transaction(Database &db, Mode mode = Mode::Immediate)
        : m_db(db)
    {
        m_db.exec(mode == Mode::Immediate ? QStringLiteral("BEGIN IMMEDIATE") : QStringLiteral("BEGIN"));
    }
    ~Transaction()
    {
        if (m_done)
            return;
        try {
            m_db.exec(QStringLiteral("ROLLBACK"));
        } catch (...) {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); nothing left to undo.
        }
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    void commit()
    {
        m_db.exec(QStringLiteral("COMMIT"));
        m_done = true;
    }

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace rounds::sql
