#include "server/pgfilestore.h"

#include "server/log.h"
#include "server/pgconnection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QTemporaryFile>

namespace rounds::server {

using pg::Param;

namespace {

constexpr qint64 RowBytes = 1024 * 1024;
constexpr int RowsPerRead = 16;

// Runs `body` in a transaction; rolls back when it throws.
template<class F> void transaction(pg::Connection &c, F &&body)
{
    c.exec("BEGIN");
    try {
        body();
        c.commit();
    } catch (...) {
        if (c.isOk())
            c.exec("ROLLBACK");
        throw;
    }
}

FileState readState(pg::Connection &c, const QString &sha256)
{
    const pg::Result r = c.run("SELECT total, bytes, complete FROM files WHERE sha256 = $1", {sha256});
    if (r.rows() == 0)
        return {};
    const bool complete = r.boolean(0, 2);
    return {complete ? FileState::Kind::Complete : FileState::Kind::Partial, r.int64(0, 1), r.int64(0, 0)};
}

// Visits the rows of a file that overlap [from, to) in order, a few at a time.
void readRows(pg::Connection &c, const QString &sha256, qint64 from, qint64 to,
    const std::function<void(qint64 pos, const QByteArray &data)> &visit)
{
    qint64 next = from;
    while (next < to) {
        const pg::Result r = c.run("SELECT pos, data FROM file_chunks WHERE sha256 = $1 AND pos + "
                                   "length(data) > $2 AND pos < $3 ORDER BY pos LIMIT $4",
            {sha256, next, to, RowsPerRead});
        if (r.rows() == 0)
            throw pg::PgError(QStringLiteral("file %1 misses bytes from %2").arg(sha256).arg(next));
        for (int i = 0; i < r.rows(); ++i) {
            const qint64 pos = r.int64(i, 0);
            const QByteArray data = r.bytea(i, 1);
            visit(pos, data);
            next = pos + data.size();
        }
    }
}

} // namespace

PgFileStore::PgFileStore(const QString &url)
    : m_url(url)
{ }

PgFileStore::~PgFileStore() = default;

std::unique_ptr<PgFileStore> PgFileStore::open(const QString &url, QString *error)
{
    std::unique_ptr<PgFileStore> store(new PgFileStore(url));
    // Fails early when the database is out of reach or predates the files tables.
    FileState unused;
    if (!store->state(QString(64, QLatin1Char('0')), &unused, error))
        return nullptr;
    return store;
}

bool PgFileStore::withConnection(const std::function<void(pg::Connection &)> &work, QString *error)
{
    std::unique_ptr<pg::Connection> c;
    {
        QMutexLocker lock(&m_mutex);
        if (!m_idle.empty()) {
            c = std::move(m_idle.back());
            m_idle.pop_back();
        }
    }
    if (!c || !c->isOk()) {
        c = pg::Connection::open(m_url, error);
        if (!c)
            return false;
    }
    try {
        work(*c);
    } catch (const pg::PgError &e) {
        qCWarning(lcServer).noquote() << "file store:" << e.text();
        if (error)
            *error = e.text();
        return false;
    }
    QMutexLocker lock(&m_mutex);
    if (m_idle.size() < 4)
        m_idle.push_back(std::move(c));
    return true;
}

bool PgFileStore::state(const QString &sha256, FileState *state, QString *error)
{
    return withConnection([&](pg::Connection &c) { *state = readState(c, sha256); }, error);
}

bool PgFileStore::put(const FileChunk &chunk, PutOutcome *outcome, QString *error)
{
    return withConnection(
        [&](pg::Connection &c) {
            transaction(c, [&] {
                c.run("SELECT pg_advisory_xact_lock(hashtext($1))", {chunk.sha256});
                const FileState now = readState(c, chunk.sha256);
                *outcome = {decideChunk(now, chunk.offset, chunk.total), now, {}};
                if (outcome->kind != PutOutcome::Kind::Stored)
                    return;
                if (chunk.offset == 0) {
                    c.run("DELETE FROM file_chunks WHERE sha256 = $1", {chunk.sha256});
                    c.run("INSERT INTO files(sha256, total, bytes, complete, created_at) VALUES ($1, $2, 0, "
                          "false, $3) ON CONFLICT (sha256) DO UPDATE SET total = $2, bytes = 0",
                        {chunk.sha256, chunk.total,
                            QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)});
                }
                for (qint64 at = 0; at < chunk.data.size(); at += RowBytes)
                    c.run("INSERT INTO file_chunks(sha256, pos, data) VALUES ($1, $2, $3)",
                        {chunk.sha256, chunk.offset + at, Param::bytes(chunk.data.mid(at, RowBytes))});
                const qint64 held = chunk.offset + chunk.data.size();
                c.run("UPDATE files SET bytes = $2 WHERE sha256 = $1", {chunk.sha256, held});
                outcome->state = {FileState::Kind::Partial, held, chunk.total};
                if (held < chunk.total)
                    return;
                QCryptographicHash hash(QCryptographicHash::Sha256);
                readRows(c, chunk.sha256, 0, held, [&](qint64, const QByteArray &data) { hash.addData(data); });
                const QString actual = QString::fromLatin1(hash.result().toHex());
                if (actual != chunk.sha256) {
                    c.run("DELETE FROM file_chunks WHERE sha256 = $1", {chunk.sha256});
                    c.run("DELETE FROM files WHERE sha256 = $1", {chunk.sha256});
                    *outcome = {PutOutcome::Kind::HashMismatch, {}, actual};
                    return;
                }
                c.run("UPDATE files SET complete = true WHERE sha256 = $1", {chunk.sha256});
                if (!chunk.userId.isEmpty())
                    c.run("INSERT INTO file_uploaders(sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                        {chunk.sha256, chunk.userId});
                outcome->kind = PutOutcome::Kind::Completed;
                outcome->state = {FileState::Kind::Complete, chunk.total, chunk.total};
            });
            if (outcome->kind == PutOutcome::Kind::Completed)
                qCInfo(lcServer).noquote() << "file" << chunk.sha256 << "stored," << chunk.total << "bytes";
        },
        error);
}

bool PgFileStore::isUploader(const QString &sha256, const QString &userId, bool *yes, QString *error)
{
    return withConnection(
        [&](pg::Connection &c) {
            *yes = c.run("SELECT 1 FROM file_uploaders WHERE sha256 = $1 AND user_id = $2", {sha256, userId})
                       .rows()
                > 0;
        },
        error);
}

bool PgFileStore::addUploader(const QString &sha256, const QString &userId, QString *error)
{
    return withConnection(
        [&](pg::Connection &c) {
            c.run("INSERT INTO file_uploaders(sha256, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                {sha256, userId});
        },
        error);
}

std::unique_ptr<QIODevice> PgFileStore::open(
    const QString &sha256, qint64 offset, qint64 length, QString *error)
{
    auto spool = std::make_unique<QTemporaryFile>();
    if (!spool->open()) {
        if (error)
            *error = QStringLiteral("cannot create a temporary file: %1").arg(spool->errorString());
        return nullptr;
    }
    bool written = true;
    const bool ok = withConnection(
        [&](pg::Connection &c) {
            c.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
            try {
                readRows(c, sha256, offset, offset + length, [&](qint64 pos, const QByteArray &data) {
                    const qint64 from = std::max<qint64>(0, offset - pos);
                    const qint64 to = std::min<qint64>(data.size(), offset + length - pos);
                    const QByteArray part = data.mid(from, to - from);
                    written = written && spool->write(part) == part.size();
                });
            } catch (...) {
                c.exec("ROLLBACK");
                throw;
            }
            c.exec("COMMIT");
        },
        error);
    if (!ok)
        return nullptr;
    if (!written || !spool->flush()) {
        if (error)
            *error = QStringLiteral("cannot write a temporary file: %1").arg(spool->errorString());
        return nullptr;
    }
    return std::make_unique<FileRange>(std::move(spool), 0, length);
}

bool PgFileStore::list(
    const std::function<bool(const QString &, qint64, const QStringList &)> &visit, QString *error)
{
    QList<QPair<QString, qint64>> files;
    QHash<QString, QStringList> uploaders;
    if (!withConnection(
            [&](pg::Connection &c) {
                const pg::Result r = c.run("SELECT sha256, total FROM files WHERE complete ORDER BY sha256");
                for (int i = 0; i < r.rows(); ++i)
                    files.append({r.text(i, 0), r.int64(i, 1)});
                const pg::Result u = c.run("SELECT sha256, user_id FROM file_uploaders ORDER BY sha256, user_id");
                for (int i = 0; i < u.rows(); ++i)
                    uploaders[u.text(i, 0)].append(u.text(i, 1));
            },
            error))
        return false;
    for (const auto &[sha256, size] : files) {
        if (!visit(sha256, size, uploaders.value(sha256)))
            return false;
    }
    return true;
}

} // namespace rounds::server
