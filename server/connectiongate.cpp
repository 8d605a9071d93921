#include "server/connectiongate.h"

#include "common/protocol/errors.h"
#include "server/log.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>

namespace rounds::server {

namespace {

// The connection is idle (no request begun) for at most this many read timeouts.
constexpr int IdleFactor = 4;
// A request's body, once its headers are in, may take this many read timeouts in all.
constexpr int BodyFactor = 4;

QByteArray reason(int status)
{
    switch (status) {
    case 400:
        return "Bad Request";
    case 408:
        return "Request Timeout";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    default:
        return "Error";
    }
}

} // namespace

void ConnectionGate::attach(QTcpSocket *socket, const Limits &limits)
{
    auto *gate = new ConnectionGate(socket, limits);
    // Bytes that came with the connection (after a TLS handshake) are announced again, so that the gate
    // and Qt HttpServer, connected only now, both see them.
    if (socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(
            gate, [socket] { Q_EMIT socket->readyRead(); }, Qt::QueuedConnection);
}

void ConnectionGate::answered(QTcpSocket *socket)
{
    if (auto *gate = socket->findChild<ConnectionGate *>(QString(), Qt::FindDirectChildrenOnly))
        gate->onAnswered();
}

ConnectionGate::ConnectionGate(QTcpSocket *socket, const Limits &limits)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_framer(limits.framing)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGate::onTimeout);
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGate::onReadyRead);
    m_lastByte.start();
    rearm();
}

void ConnectionGate::onReadyRead()
{
    if (m_feeding)
        return;
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    if (m_closing) {
        takeAll();
        return;
    }
    m_lastByte.start();
    if (m_awaitingAnswer || !m_held.isEmpty()) {
        // Qt HttpServer must not read a request before the one it is answering is answered.
        m_held += takeAll();
        const qint64 most = m_limits.framing.maxBodyBytes + 2 * m_limits.framing.maxHeaderBytes;
        if (m_held.size() > most) {
            logRequest("-", u"-", 0, 0, {}, u"(closed: more than one request's worth sent ahead)");
            m_socket->abort();
        }
        return;
    }
    const bool begun = m_framer.started();
    const QByteArray chunk = m_socket->peek(available);
    const RequestFramer::Step step = m_framer.feed(chunk);
    if (!begun && m_framer.started())
        m_requestClock.start();
    if (step.errorStatus > 0) {
        takeAll();
        refuse(step.errorStatus, step.errorCode, step.errorMessage, nullptr);
        return;
    }
    if (step.complete) {
        if (step.used < chunk.size()) {
            // The next request came in the same read: keep it back, give Qt HttpServer this one only.
            takeAll();
            m_held = chunk.mid(step.used);
            giveBack(chunk, step.used);
        }
        requestComplete();
        return;
    }
    rearm();
}

QByteArray ConnectionGate::takeAll()
{
    // Qt HttpServer reads inside a transaction, which ungetChar() does not work in; what it read so far
    // is parsed already, so ending its transaction loses nothing, and it starts a new one on its next read.
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    return m_socket->readAll();
}

void ConnectionGate::giveBack(const QByteArray &data, qsizetype count)
{
    for (qsizetype i = count - 1; i >= 0; --i)
        m_socket->ungetChar(data.at(i));
}

void ConnectionGate::requestComplete()
{
    m_awaitingAnswer = true;
    m_framer.reset();
    m_timer.stop();
}

void ConnectionGate::onAnswered()
{
    if (!m_awaitingAnswer) {
        // Qt HttpServer saw a request end where the gate did not: their framing disagrees, so nothing
        // after it can be trusted on this connection.
        m_closing = true;
        m_socket->disconnectFromHost();
        return;
    }
    m_awaitingAnswer = false;
    m_lastByte.start();
    rearm();
    if (!m_held.isEmpty())
        QMetaObject::invokeMethod(this, &ConnectionGate::feedHeld, Qt::QueuedConnection);
}

void ConnectionGate::feedHeld()
{
    if (m_awaitingAnswer || m_closing || m_held.isEmpty()
        || m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    const QByteArray data = std::exchange(m_held, {});
    const bool begun = m_framer.started();
    const RequestFramer::Step step = m_framer.feed(data);
    if (!begun && m_framer.started())
        m_requestClock.start();
    if (step.errorStatus > 0) {
        refuse(step.errorStatus, step.errorCode, step.errorMessage, nullptr);
        return;
    }
    const qsizetype pass = step.complete ? step.used : data.size();
    if (step.complete)
        m_held = data.mid(step.used);
    giveBack(data, pass);
    if (step.complete)
        requestComplete();
    else
        rearm();
    m_feeding = true;
    Q_EMIT m_socket->readyRead();
    m_feeding = false;
}

void ConnectionGate::refuse(int status, const char *code, const QString &message, const char *note)
{
    const QByteArray method = m_framer.method().isEmpty() ? QByteArray("-") : m_framer.method();
    const QString path
        = m_framer.target().isEmpty() ? QStringLiteral("-") : QString::fromLatin1(m_framer.target());
    logRequest(method, path, status, m_requestClock.isValid() ? m_requestClock.elapsed() : 0, {},
        note ? QString::fromLatin1(note) : QString());
    const QByteArray body = QJsonDocument(
        QJsonObject {{QStringLiteral("error"),
            QJsonObject {{QStringLiteral("code"), QString::fromLatin1(code)},
                {QStringLiteral("message"),
                    message}}}}).toJson(QJsonDocument::Compact);
    m_socket->write("HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status)
        + "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nConnection: close\r\n\r\n" + body);
    m_closing = true;
    m_held.clear();
    m_timer.start(m_limits.drainMs);
}

void ConnectionGate::onTimeout()
{
    if (m_closing) {
        m_socket->abort();
        return;
    }
    if (!m_framer.started()) {
        m_socket->disconnectFromHost(); // idle
        return;
    }
    const int seconds = std::max(1, m_limits.readTimeoutMs / 1000);
    refuse(408, protocol::ErrorCode::InvalidRequest,
        m_framer.headersDone()
            ? QStringLiteral("the body stalled or came too slowly (read timeout %1 s)").arg(seconds)
            : QStringLiteral("the request headers did not arrive within %1 s").arg(seconds),
        "(read timeout)");
    // Nothing of a stalled request is worth waiting for.
    m_socket->disconnectFromHost();
}

void ConnectionGate::rearm()
{
    if (m_closing || m_awaitingAnswer)
        return;
    const qint64 timeout = m_limits.readTimeoutMs;
    qint64 left = 0;
    if (!m_framer.started()) {
        left = IdleFactor * timeout - m_lastByte.elapsed();
    } else {
        const qint64 total = m_framer.headersDone() ? (1 + BodyFactor) * timeout : timeout;
        left = std::min(total - m_requestClock.elapsed(), timeout - m_lastByte.elapsed());
    }
    m_timer.start(int(std::clamp<qint64>(left, 0, std::numeric_limits<int>::max())));
}

} // namespace rounds::server
