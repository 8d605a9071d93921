#include "server/requestframer.h"

#include "common/protocol/errors.h"

#include <QList>

namespace rounds::server {

using namespace rounds::protocol;

namespace {

constexpr qsizetype MaxChunkSizeLine = 1024;

// Where the blank line that ends the headers ends, searching from `from`; -1 when it is not there yet.
// A bare LF ends a line too, as Qt HttpServer's parser accepts it.
qsizetype headerEnd(const QByteArray &head, qsizetype from)
{
    for (qsizetype i = head.indexOf('\n', from); i >= 0; i = head.indexOf('\n', i + 1)) {
        if (i + 1 < head.size() && head.at(i + 1) == '\n')
            return i + 2;
        if (i + 2 < head.size() && head.at(i + 1) == '\r' && head.at(i + 2) == '\n')
            return i + 3;
    }
    return -1;
}

// A bare number (no sign, no 0x, no spaces) of at most `maxDigits` digits.
bool isNumber(QByteArrayView text, qsizetype maxDigits, bool hex)
{
    if (text.isEmpty() || text.size() > maxDigits)
        return false;
    for (const char c : text) {
        const bool digit = c >= '0' && c <= '9';
        const bool letter = (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!digit && !(hex && letter))
            return false;
    }
    return true;
}

} // namespace

void RequestFramer::reset()
{
    m_state = State::Idle;
    m_head.clear();
    m_line.clear();
    m_method.clear();
    m_target.clear();
    m_remaining = 0;
    m_bodyBytes = 0;
    m_bodyLimit = 0;
    m_trailerBytes = 0;
}

void RequestFramer::fail(Step *step, int status, const char *code, const QString &message)
{
    step->errorStatus = status;
    step->errorCode = code;
    step->errorMessage = message;
}

RequestFramer::Step RequestFramer::feed(QByteArrayView data)
{
    Step step;
    qsizetype pos = 0;
    while (pos < data.size() && !step.complete && step.errorStatus == 0) {
        const QByteArrayView rest = data.sliced(pos);
        switch (m_state) {
        case State::Idle:
            // Empty lines between requests are allowed (RFC 9112, 2.2).
            if (rest.front() == '\r' || rest.front() == '\n')
                ++pos;
            else
                m_state = State::Headers;
            break;
        case State::Headers:
            pos += feedHeaders(rest, &step);
            break;
        case State::Body: {
            const qsizetype n = qsizetype(std::min<qint64>(rest.size(), m_remaining));
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0) {
                m_state = State::Complete;
                step.complete = true;
            }
            break;
        }
        case State::ChunkSize:
        case State::ChunkData:
        case State::ChunkDataEnd:
        case State::Trailers:
            pos += feedChunked(rest, &step);
            break;
        case State::Complete:
            step.used = pos;
            step.complete = true;
            return step;
        }
    }
    step.used = pos;
    return step;
}

qsizetype RequestFramer::feedHeaders(QByteArrayView data, Step *step)
{
    const qsizetype before = m_head.size();
    const qsizetype room = m_limits.maxHeaderBytes + 4 - before;
    m_head.append(data.first(std::min(data.size(), room)));
    const qsizetype end = headerEnd(m_head, std::max<qsizetype>(0, before - 2));
    if (end < 0 || end > m_limits.maxHeaderBytes) {
        if (m_head.size() > m_limits.maxHeaderBytes)
            fail(step, 431, ErrorCode::InvalidRequest,
                QStringLiteral("the request headers are larger than %1 bytes").arg(m_limits.maxHeaderBytes));
        return data.size();
    }
    m_head.truncate(end);
    parseHead(step);
    return end - before;
}

bool RequestFramer::parseHead(Step *step)
{
    auto invalid = [&](const QString &message) {
        fail(step, 400, ErrorCode::InvalidRequest, message);
        return false;
    };
    QList<QByteArray> lines = m_head.split('\n');
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
    }
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    if (requestLine.size() != 3 || requestLine.at(0).isEmpty() || requestLine.at(1).isEmpty()
        || !requestLine.at(2).startsWith("HTTP/1."))
        return invalid(QStringLiteral("the request line is not METHOD TARGET HTTP/1.x"));
    m_method = requestLine.at(0);
    m_target = requestLine.at(1);

    qint64 length = -1;
    qint64 rangeTotal = -1; // a file chunk's Content-Range total
    bool chunked = false;
    bool transferEncoding = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        // Folded lines and spaces before the colon are how requests are smuggled past proxies.
        if (colon <= 0 || line.front() == ' ' || line.front() == '\t' || line.left(colon).contains(' ')
            || line.left(colon).contains('\t'))
            return invalid(QStringLiteral("malformed header line"));
        const QByteArray name = line.left(colon).toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            if (!isNumber(value, 18, false))
                return invalid(QStringLiteral("Content-Length is not a number"));
            const qint64 n = value.toLongLong();
            if (length >= 0 && n != length)
                return invalid(QStringLiteral("two different Content-Length headers"));
            length = n;
        } else if (name == "content-range") {
            const qsizetype slash = value.lastIndexOf('/');
            if (slash > 0 && isNumber(value.mid(slash + 1), 18, false))
                rangeTotal = value.mid(slash + 1).toLongLong();
        } else if (name == "transfer-encoding") {
            transferEncoding = true;
            chunked = value.toLower() == "chunked";
        }
    }
    if (transferEncoding && !chunked)
        return invalid(QStringLiteral("only Transfer-Encoding: chunked is supported"));
    if (transferEncoding && length >= 0)
        return invalid(QStringLiteral("Content-Length and Transfer-Encoding exclude each other"));
    m_bodyLimit = m_limits.maxBodyBytes;
    if (m_limits.fileBodyLimit && m_method == "PUT" && m_target.startsWith("/api/v1/files/")) {
        m_bodyLimit = m_limits.fileBodyLimit();
        if (std::max(length, rangeTotal) > m_bodyLimit) {
            fail(step, 413, ErrorCode::PayloadTooLarge,
                QStringLiteral("the file is larger than %1 bytes (setting files.max_bytes)").arg(m_bodyLimit));
            return false;
        }
    }
    if (length > m_bodyLimit) {
        fail(step, 413, ErrorCode::PayloadTooLarge, QStringLiteral("the body is larger than %1 bytes").arg(m_bodyLimit));
        return false;
    }
    if (chunked) {
        m_state = State::ChunkSize;
    } else if (length > 0) {
        m_state = State::Body;
        m_remaining = length;
    } else {
        m_state = State::Complete;
        step->complete = true;
    }
    return true;
}

qsizetype RequestFramer::takeLine(QByteArrayView data, qsizetype limit, QByteArray *line, bool *tooLong)
{
    const qsizetype newline = data.indexOf('\n');
    const qsizetype take = newline < 0 ? data.size() : newline;
    line->append(data.first(std::min(take, limit + 2 - line->size())));
    *tooLong = line->size() > limit + 1;
    if (newline < 0)
        return -1;
    if (line->endsWith('\r'))
        line->chop(1);
    *tooLong = line->size() > limit;
    return newline + 1;
}

qsizetype RequestFramer::feedChunked(QByteArrayView data, Step *step)
{
    qsizetype pos = 0;
    bool tooLong = false;
    while (pos < data.size() && !step->complete && step->errorStatus == 0) {
        const QByteArrayView rest = data.sliced(pos);
        if (m_state == State::ChunkData) {
            const qsizetype n = qsizetype(std::min<qint64>(rest.size(), m_remaining));
            pos += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_state = State::ChunkDataEnd;
            continue;
        }
        const qsizetype limit = m_state == State::ChunkSize ? MaxChunkSizeLine
            : m_state == State::ChunkDataEnd
            ? 0
            : std::max<qsizetype>(0, m_limits.maxHeaderBytes - m_trailerBytes);
        const qsizetype n = takeLine(rest, limit, &m_line, &tooLong);
        if (tooLong) {
            fail(step, 400, ErrorCode::InvalidRequest, QStringLiteral("malformed chunked body"));
            break;
        }
        if (n < 0)
            return data.size();
        pos += n;
        const QByteArray line = std::exchange(m_line, {});
        if (m_state == State::ChunkDataEnd) {
            m_state = State::ChunkSize;
        } else if (m_state == State::Trailers) {
            m_trailerBytes += line.size() + 2;
            if (line.isEmpty()) {
                m_state = State::Complete;
                step->complete = true;
            }
        } else {
            const qsizetype extension = line.indexOf(';');
            const QByteArray hex = (extension < 0 ? line : line.left(extension)).trimmed();
            bool ok = isNumber(hex, 15, true);
            const qint64 size = ok ? hex.toLongLong(&ok, 16) : 0;
            if (!ok) {
                fail(step, 400, ErrorCode::InvalidRequest, QStringLiteral("malformed chunk size"));
            } else if (m_bodyBytes + size > m_bodyLimit) {
                fail(step, 413, ErrorCode::PayloadTooLarge,
                    QStringLiteral("the body is larger than %1 bytes").arg(m_bodyLimit));
            } else if (size == 0) {
                m_state = State::Trailers;
            } else {
                m_bodyBytes += size;
                m_remaining = size;
                m_state = State::ChunkData;
            }
        }
    }
    return pos;
}

} // namespace rounds::server
