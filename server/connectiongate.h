#pragma once

#include "server/requestframer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace rounds::server {

// Stands between a client's socket and Qt HttpServer, which would otherwise buffer whatever a client
// sends (Qt HttpServer 6.4 reads a whole request, however large, before a handler sees it, never
// times a connection out, and mixes up requests that arrive together). The gate sees each byte first
// and lets through one request at a time:
// - a body larger than the limit is refused with 413 from its Content-Length (or, chunked, when the
//   chunks pass the limit), before the body is read; headers larger than 64 KiB get 431;
// - a request whose headers take longer than the read timeout, whose body stalls for longer than it or
//   takes longer than four times it in all, gets 408; an idle connection is closed after four times it;
// - a request that arrives before the answer to the one before it (pipelining) waits, unread by Qt
//   HttpServer, until that answer is written, so answers leave in the order of the requests.
// After a refusal the connection is closed; what the client still sends meanwhile is read and
// dropped for a few seconds, so it can read the answer instead of getting a reset.
class ConnectionGate final : public QObject
{
    Q_OBJECT
public:
    struct Limits
    {
        RequestFramer::Limits framing;
        int readTimeoutMs = 30'000;
        int drainMs = 5'000;
    };

    // Call before Qt HttpServer connects to the socket. The gate is a child of the socket.
    static void attach(QTcpSocket *socket, const Limits &limits);
    // The answer to the socket's current request has been written.
    static void answered(QTcpSocket *socket);

private:
    ConnectionGate(QTcpSocket *socket, const Limits &limits);

    void onReadyRead();
    void onAnswered();
    void feedHeld();
    // Hands the first `count` bytes of `data` (already taken from the socket) back to it, for Qt
    // HttpServer to read.
    // Takes every byte Qt HttpServer has not read yet.
    QByteArray takeAll();
    void giveBack(const QByteArray &data, qsizetype count);
    void requestComplete();
    void refuse(int status, const char *code, const QString &message, const char *note);
    void onTimeout();
    void rearm();

    QTcpSocket *m_socket;
    Limits m_limits;
    RequestFramer m_framer;
    QByteArray m_held; // bytes of later requests, waiting for the current answer
    QTimer m_timer;
    QElapsedTimer m_lastByte;
    QElapsedTimer m_requestClock;
    bool m_awaitingAnswer = false;
    bool m_closing = false;
    bool m_feeding = false;
};

} // namespace rounds::server
