// Store: file_state, what this computer knows of each synced file (models/filestate.h). Local only.
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "models/store/storeguard.h"

namespace rounds {

bool Store::putFileState(const FileStateRow &row, bool keepPinned, QString *error)
{
    if (!m_db)
        return false;
    return logged("putFileState", false, error, [&] {
        auto q = m_db->query(QStringLiteral(
            "INSERT INTO file_state(sha256, size, state, bytes, pinned, last_error, updated_at) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(sha256) DO UPDATE SET size = excluded.size, "
            "state = excluded.state, bytes = excluded.bytes, last_error = excluded.last_error, "
            "updated_at = excluded.updated_at, pinned = CASE WHEN ?8 THEN pinned ELSE excluded.pinned END"));
        q.bindAll(row.sha256, row.size, row.state, row.bytes, qint64(row.pinned ? 1 : 0),
            row.lastError.isEmpty() ? QString() : row.lastError, protocol::nowUtc(), qint64(keepPinned ? 1 : 0));
        q->run();
        return true;
    });
}

QList<FileStateRow> Store::fileStates() const
{
    if (!m_db)
        return {};
    return logged("fileStates", QList<FileStateRow>(), nullptr, [&] {
        auto q = m_db->query(QStringLiteral(
            "SELECT sha256, size, state, bytes, pinned, last_error, updated_at FROM file_state ORDER BY sha256"));
        QList<FileStateRow> rows;
        while (q->step())
            rows.append({q->text(0), q->int64(1), q->text(2), q->int64(3), q->int64(4) != 0, q->text(5),
                q->text(6)});
        return rows;
    });
}

} // namespace rounds
