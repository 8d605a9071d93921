#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <functional>

namespace rounds::server {

// Finds where one HTTP/1.1 request ends in the bytes of a connection, before anything stores them:
// its headers (bounded), then a Content-Length body or a chunked one, each held to the body limit. It
// keeps nothing but the headers, so a huge declared body is refused from its headers alone. Qt
// HttpServer parses the same bytes afterwards; this only decides how many of them it may see.
class RequestFramer final
{
public:
    struct Limits
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        qsizetype maxHeaderBytes = 64 * 1024;
        // The body limit of a file upload (PUT /api/v1/files/…) instead of maxBodyBytes, read when its
        // headers are: the larger of its Content-Length and its Content-Range total may not pass it.
        std::function<qint64()> fileBodyLimit;
    };

    struct Step
    {
        qsizetype used = 0; // bytes of `data` that belong to the current request
        bool complete = false; // the request ends at `used`
        int errorStatus = 0; // > 0: refuse the request with this status (the connection then closes)
        const char *errorCode = nullptr;
        QString errorMessage;
    };

    explicit RequestFramer(Limits limits)
        : m_limits(limits)
    { }

    // Reads as much of `data` as belongs to the current request; the rest is the next request's.
    Step feed(QByteArrayView data);
    // Starts on the next request after a complete one.
    void reset();

    bool started() const { return m_state != State::Idle; }
    bool headersDone() const { return m_state != State::Idle && m_state != State::Headers; }
    QByteArray method() const { return m_method; }
    QByteArray target() const { return m_target; }

private:
    enum class State { Idle, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, Complete };

    bool parseHead(Step *step);
    qsizetype feedHeaders(QByteArrayView data, Step *step);
    qsizetype feedChunked(QByteArrayView data, Step *step);
    // Collects one line (without CR LF) of at most `limit` bytes; -1 while it is not complete.
    qsizetype takeLine(QByteArrayView data, qsizetype limit, QByteArray *line, bool *tooLong);
    void fail(Step *step, int status, const char *code, const QString &message);

    Limits m_limits;
    State m_state = State::Idle;
    QByteArray m_head; // the request line and headers so far
    QByteArray m_line; // a chunk-size or trailer line so far
    QByteArray m_method;
    QByteArray m_target;
    qint64 m_remaining = 0; // body or chunk bytes still to come
    qint64 m_bodyBytes = 0; // decoded chunked body so far
    qint64 m_bodyLimit = 0; // of the current request
    qsizetype m_trailerBytes = 0;
};

} // namespace rounds::server
