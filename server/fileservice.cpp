#include "server/fileservice.h"

#include "common/protocol/errors.h"
#include "common/protocol/files.h"
#include "server/log.h"
#include "server/privacyrules.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QThread>

namespace rounds::server {

using namespace rounds::protocol;

namespace {

const QByteArray kStateHeader = QByteArrayLiteral("Rounds-File-State");
const QByteArray kOffsetHeader = QByteArrayLiteral("Rounds-File-Offset");
const QByteArray kSizeHeader = QByteArrayLiteral("Rounds-File-Size");

bool digitsOnly(QByteArrayView text)
{
    if (text.isEmpty() || text.size() > 18)
        return false;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

const char *stateName(FileState::Kind kind)
{
    switch (kind) {
    case FileState::Kind::Complete:
        return "complete";
    case FileState::Kind::Partial:
        return "partial";
    case FileState::Kind::Missing:
        break;
    }
    return "missing";
}

ApiReply stateReply(int status, const QString &sha256, const FileState &state)
{
    ApiReply reply = ApiReply::ok(QJsonObject {{QStringLiteral("sha256"), sha256},
        {QStringLiteral("state"), QString::fromLatin1(stateName(state.kind))},
        {QStringLiteral("offset"), state.bytes}, {QStringLiteral("size"), state.total}});
    reply.status = status;
    reply.headers = {{kStateHeader, stateName(state.kind)}, {kOffsetHeader, QByteArray::number(state.bytes)}};
    if (state.kind != FileState::Kind::Missing)
        reply.headers.append({kSizeHeader, QByteArray::number(state.total)});
    return reply;
}

ApiReply storeFailed(const QString &error)
{
    qCWarning(lcServer).noquote() << "file store failed:" << error;
    return ApiReply::error(500, ErrorCode::Internal, QStringLiteral("internal error"));
}

ApiReply badHash()
{
    return ApiReply::error(400, ErrorCode::InvalidRequest,
        QStringLiteral("a file is named by its SHA-256 in 64 lower-case hex digits"),
        QStringLiteral("sha256"));
}

ApiReply noFile(const QString &sha256)
{
    return ApiReply::error(404, ErrorCode::NotFound, QStringLiteral("no file %1").arg(sha256));
}

} // namespace

FileService::FileService(Storage &storage, FileStore &files)
    : m_storage(storage)
    , m_files(files)
    , m_maxBytes(files::DefaultMaxBytes)
{ }

bool FileService::refreshLimit(QString *error)
{
    QJsonValue value;
    if (!m_storage.read(
            [&](StoreReader &r) { value = privacyrules::settingValue(r, files::MaxBytesKey); }, error))
        return false;
    QString problem;
    const std::optional<qint64> limit = files::maxBytesFromJson(value, &problem);
    if (!limit)
        qCWarning(lcServer).noquote()
            << "setting" << files::MaxBytesKey << ":" << problem << "(default kept)";
    m_maxBytes = limit.value_or(files::DefaultMaxBytes);
    return true;
}

bool FileService::parseContentRange(const QByteArray &header, qint64 *first, qint64 *last, qint64 *total)
{
    const QByteArray text = header.trimmed();
    if (!text.startsWith("bytes "))
        return false;
    const QByteArray spec = text.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    const qsizetype slash = spec.indexOf('/');
    if (dash <= 0 || slash <= dash + 1)
        return false;
    const QByteArray a = spec.left(dash), b = spec.mid(dash + 1, slash - dash - 1), t = spec.mid(slash + 1);
    if (!digitsOnly(a) || !digitsOnly(b) || !digitsOnly(t))
        return false;
    *first = a.toLongLong();
    *last = b.toLongLong();
    *total = t.toLongLong();
    return *first <= *last && *last < *total;
}

FileService::RangeKind FileService::parseRange(
    const QByteArray &header, qint64 size, qint64 *first, qint64 *last)
{
    const QByteArray text = header.trimmed();
    if (!text.startsWith("bytes=") || text.contains(','))
        return RangeKind::Whole;
    const QByteArray spec = text.mid(6).trimmed();
    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return RangeKind::Whole;
    const QByteArray a = spec.left(dash), b = spec.mid(dash + 1);
    if (a.isEmpty()) { // the last N bytes
        if (!digitsOnly(b))
            return RangeKind::Whole;
        const qint64 n = b.toLongLong();
        if (n == 0 || size == 0)
            return RangeKind::Unsatisfiable;
        *first = std::max<qint64>(0, size - n);
        *last = size - 1;
        return RangeKind::Part;
    }
    if (!digitsOnly(a) || (!b.isEmpty() && !digitsOnly(b)))
        return RangeKind::Whole;
    *first = a.toLongLong();
    *last = b.isEmpty() ? size - 1 : std::min(b.toLongLong(), size - 1);
    if (!b.isEmpty() && b.toLongLong() < *first)
        return RangeKind::Whole; // not a valid range: ignored (RFC 9110, 14.1.1)
    if (*first >= size)
        return RangeKind::Unsatisfiable;
    return RangeKind::Part;
}

ApiReply FileService::put(const Principal &user, const QString &sha256, const QByteArray &contentRange,
    const QByteArray &contentLength, const QByteArray &body)
{
    if (!files::isSha256(sha256))
        return badHash();
    QString error;
    if (!refreshLimit(&error))
        return storeFailed(error);
    FileChunk chunk {sha256, 0, body.size(), body, user.id};
    if (!contentRange.isEmpty()) {
        qint64 first = 0, last = 0;
        if (!parseContentRange(contentRange, &first, &last, &chunk.total))
            return ApiReply::error(400, ErrorCode::InvalidRequest,
                QStringLiteral("Content-Range must be 'bytes FIRST-LAST/TOTAL' with FIRST <= LAST < TOTAL"),
                QStringLiteral("Content-Range"));
        if (chunk.total > maxBytes())
            return ApiReply::error(413, ErrorCode::PayloadTooLarge,
                QStringLiteral("the file is larger than %1 bytes (setting %2)")
                    .arg(maxBytes())
                    .arg(files::MaxBytesKey));
        if (last - first + 1 != body.size())
            return ApiReply::error(400, ErrorCode::InvalidRequest,
                QStringLiteral("Content-Range names %1 bytes but the body has %2")
                    .arg(last - first + 1)
                    .arg(body.size()),
                QStringLiteral("Content-Range"));
        chunk.offset = first;
    } else if (qMax<qint64>(body.size(), contentLength.trimmed().toLongLong()) > maxBytes()) {
        return ApiReply::error(413, ErrorCode::PayloadTooLarge,
            QStringLiteral("the file is larger than %1 bytes (setting %2)")
                .arg(maxBytes())
                .arg(files::MaxBytesKey));
    }

    PutOutcome outcome;
    if (!m_files.put(chunk, &outcome, &error))
        return storeFailed(error);
    switch (outcome.kind) {
    case PutOutcome::Kind::Stored:
    case PutOutcome::Kind::Completed:
        return stateReply(200, sha256, outcome.state);
    case PutOutcome::Kind::AlreadyComplete:
        // The same bytes again, whole: the sender holds the file, so it counts as theirs too.
        if (chunk.offset == 0 && chunk.total == body.size()
            && QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex() == sha256.toLatin1()
            && !m_files.addUploader(sha256, user.id, &error))
            return storeFailed(error);
        return stateReply(200, sha256, outcome.state);
    case PutOutcome::Kind::OffsetMismatch: {
        ApiReply reply = ApiReply::error(409, ErrorCode::OffsetMismatch,
            QStringLiteral("the server holds %1 bytes of this file; send from there")
                .arg(outcome.state.bytes),
            QStringLiteral("Content-Range"));
        reply.headers = stateReply(409, sha256, outcome.state).headers;
        return reply;
    }
    case PutOutcome::Kind::TotalMismatch:
        return ApiReply::error(400, ErrorCode::InvalidRequest,
            QStringLiteral("the upload in progress is of %1 bytes, not %2; start again at 0 to change it")
                .arg(outcome.state.total)
                .arg(chunk.total),
            QStringLiteral("Content-Range"));
    case PutOutcome::Kind::HashMismatch:
        qCInfo(lcServer).noquote() << "file" << sha256 << "refused: its bytes hash to"
                                   << outcome.actualSha256;
        return ApiReply::error(400, ErrorCode::InvalidRequest,
            QStringLiteral("the file's SHA-256 is %1, not %2; nothing was kept")
                .arg(outcome.actualSha256, sha256),
            QStringLiteral("sha256"));
    }
    return storeFailed(QStringLiteral("unknown outcome"));
}

ApiReply FileService::head(const Principal &user, const QString &sha256)
{
    Q_UNUSED(user);
    if (!files::isSha256(sha256))
        return badHash();
    FileState state;
    QString error;
    if (!m_files.state(sha256, &state, &error))
        return storeFailed(error);
    return stateReply(200, sha256, state);
}

ApiReply FileService::get(const Principal &user, const QString &sha256, const QByteArray &range)
{
    if (!files::isSha256(sha256))
        return badHash();
    FileState state;
    QString error;
    bool allowed = false;
    if (!m_files.state(sha256, &state, &error) || !mayRead(user, sha256, &allowed, &error))
        return storeFailed(error);
    if (state.kind != FileState::Kind::Complete || !allowed)
        return noFile(sha256);
    qint64 first = 0, last = state.total - 1;
    const RangeKind kind = range.isEmpty() ? RangeKind::Whole : parseRange(range, state.total, &first, &last);
    if (kind == RangeKind::Unsatisfiable) {
        ApiReply reply = ApiReply::error(416, ErrorCode::RangeNotSatisfiable,
            QStringLiteral("the file has %1 bytes").arg(state.total), QStringLiteral("Range"));
        reply.headers = {{"Content-Range", "bytes */" + QByteArray::number(state.total)}};
        return reply;
    }
    if (kind == RangeKind::Whole) {
        first = 0;
        last = state.total - 1;
    }
    std::unique_ptr<QIODevice> device = m_files.open(sha256, first, last - first + 1, &error);
    if (!device)
        return storeFailed(error);
    // Read on the main thread, where the answer is written.
    device->moveToThread(QCoreApplication::instance()->thread());
    ApiReply reply;
    reply.status = kind == RangeKind::Part ? 206 : 200;
    reply.stream = std::shared_ptr<QIODevice>(device.release(), [](QIODevice *d) { d->deleteLater(); });
    reply.headers = {{"Content-Type", "application/octet-stream"}, {"Accept-Ranges", "bytes"},
        {"ETag", '"' + sha256.toLatin1() + '"'}, {"Cache-Control", "private, max-age=31536000, immutable"}};
    if (kind == RangeKind::Part)
        reply.headers.append({"Content-Range",
            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + '/'
                + QByteArray::number(state.total)});
    return reply;
}

bool FileService::mayRead(const Principal &user, const QString &sha256, bool *yes, QString *error)
{
    *yes = false;
    const QStringList withheld = Schema::instance().withheldFrom(user.role);
    const bool read = m_storage.read(
        [&](StoreReader &r) {
            // One indexed lookup (table file_refs), not a scan of every record that may name a file.
            for (const auto &[entity, bucket] : r.fileReferrerBuckets(sha256)) {
                if (!withheld.contains(entity) && user.scope.hasBucket(bucket)) {
                    *yes = true;
                    return;
                }
            }
        },
        error);
    if (!read)
        return false;
    return *yes || m_files.isUploader(sha256, user.id, yes, error);
}

} // namespace rounds::server
