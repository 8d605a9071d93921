#pragma once

#include <QHash>
#include <QRandomGenerator>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <memory>

namespace rounds::test {

// A fault-injecting HTTP proxy on 127.0.0.1 in front of a real rounds-server. Each request, with the
// configured probabilities, is answered 502 without reaching the server, dropped before or AFTER the
// server handled it (the client never learns the result: the retry must not apply it twice), delayed,
// or has its answer cut off half way. Deterministic for a given seed.
class FaultProxy final : public QTcpServer
{
public:
    struct Faults
    {
        double badGateway = 0; // answer 502 without forwarding
        double dropBefore = 0; // close the connection without forwarding
        double dropAfter = 0; // forward, let the server answer, close without passing the answer on
        double truncate = 0; // pass on half the answer, then close
        double delay = 0; // wait delayMs before forwarding
        int delayMs = 300;
    };
    struct Counts
    {
        int requests = 0, badGateway = 0, dropBefore = 0, dropAfter = 0, truncated = 0, delayed = 0;
    };

    FaultProxy(quint16 upstreamPort, quint64 seed)
        : m_upstreamPort(upstreamPort)
        , m_random(seed)
    {
        listen(QHostAddress::LocalHost, 0);
    }

    void setFaults(const Faults &faults) { m_faults = faults; }
    // After a server restart on another port.
    void setUpstreamPort(quint16 port) { m_upstreamPort = port; }
    const Counts &counts() const { return m_counts; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *client = new QTcpSocket(this);
        client->setSocketDescriptor(handle);
        connect(client, &QTcpSocket::readyRead, this, [this, client] { onClientData(client); });
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
    }

private:
    // Returns the byte length of the first whole HTTP message in `buffer` (0 when incomplete).
    static qsizetype messageLength(const QByteArray &buffer)
    {
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return 0;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        const qsizetype total = headerEnd + 4 + length;
        return buffer.size() >= total ? total : 0;
    }

    bool roll(double p) { return p > 0 && m_random.generateDouble() < p; }

    void onClientData(QTcpSocket *client)
    {
        QByteArray &buffer = m_pending[client];
        buffer += client->readAll();
        const qsizetype n = messageLength(buffer);
        if (n == 0)
            return;
        QByteArray request = buffer.left(n);
        buffer.remove(0, n);
        ++m_counts.requests;
        // One request per connection keeps the bookkeeping simple; the client reconnects as it must.
        request.replace("Connection: Keep-Alive", "Connection: close");

        if (roll(m_faults.badGateway)) {
            ++m_counts.badGateway;
            client->write(
                "HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/html\r\nContent-Length: 22\r\n"
                "Connection: close\r\n\r\n<html>bad gateway</html>"); // not JSON, as a real proxy says it
            client->disconnectFromHost();
            return;
        }
        if (roll(m_faults.dropBefore)) {
            ++m_counts.dropBefore;
            client->abort();
            return;
        }
        const bool dropAfter = roll(m_faults.dropAfter);
        const bool truncate = !dropAfter && roll(m_faults.truncate);
        const int delay = roll(m_faults.delay) ? m_faults.delayMs : 0;
        if (delay)
            ++m_counts.delayed;
        QTimer::singleShot(delay, client,
            [this, client, request, dropAfter, truncate] { forward(client, request, dropAfter, truncate); });
    }

    void forward(QTcpSocket *client, const QByteArray &request, bool dropAfter, bool truncate)
    {
        auto *upstream = new QTcpSocket(client);
        auto answer = std::make_shared<QByteArray>();
        connect(
            upstream, &QTcpSocket::connected, upstream, [upstream, request] { upstream->write(request); });
        connect(upstream, &QTcpSocket::readyRead, upstream, [=, this] {
            *answer += upstream->readAll();
            const qsizetype n = messageLength(*answer);
            if (n == 0)
                return;
            const QByteArray whole = answer->left(n);
            upstream->disconnect();
            upstream->abort();
            upstream->deleteLater();
            if (dropAfter) {
                ++m_counts.dropAfter;
                client->abort();
                return;
            }
            if (truncate) {
                ++m_counts.truncated;
                client->write(whole.left(whole.size() / 2));
                client->flush();
                client->abort();
                return;
            }
            client->write(whole);
            client->disconnectFromHost();
        });
        connect(upstream, &QTcpSocket::errorOccurred, upstream,
            [client](QAbstractSocket::SocketError) { client->abort(); });
        upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
    }

    quint16 m_upstreamPort;
    QRandomGenerator m_random;
    Faults m_faults;
    Counts m_counts;
    QHash<QTcpSocket *, QByteArray> m_pending;
};

} // namespace rounds::test
