#pragma once

#include <QByteArray>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <functional>

namespace rounds::test {

// A tiny HTTP/1.1 server on 127.0.0.1 that answers each request with the next scripted reply, for the
// transport's own unit tests (retry, backoff, error mapping). Integration tests use a real rounds-server.
class ScriptedHttpServer final : public QTcpServer
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool dropConnection = false; // close without answering
        bool truncate = false; // announce the full length, send half
    };

    ScriptedHttpServer() { listen(QHostAddress::LocalHost, 0); }

    void enqueue(const Reply &reply) { m_script << reply; }
    int requestCount() const { return m_requests.size(); }
    const QList<QByteArray> &requests() const { return m_requests; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(serverPort()); }

protected:
    void incomingConnection(qintptr handle) override
    {
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(handle);
        connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onData(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    void onData(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype length = 0;
        for (const QByteArray &line : buffer.left(headerEnd).split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (buffer.size() < headerEnd + 4 + length)
            return;
        m_requests << buffer.left(headerEnd + 4 + length);
        buffer.remove(0, headerEnd + 4 + length);
        const Reply reply = m_script.isEmpty()
            ? Reply {404, R"({"error":{"code":"not_found","message":"x"}})", {}, false, false}
            : m_script.takeFirst();
        if (reply.dropConnection) {
            socket->abort();
            return;
        }
        QByteArray out = "HTTP/1.1 " + QByteArray::number(reply.status) + " X\r\n";
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size())
            + "\r\n";
        for (const auto &h : reply.headers)
            out += h.first + ": " + h.second + "\r\n";
        out += "\r\n";
        out += reply.truncate ? reply.body.left(reply.body.size() / 2) : reply.body;
        socket->write(out);
        socket->flush();
        if (reply.truncate)
            socket->disconnectFromHost();
    }

    QList<Reply> m_script;
    QList<QByteArray> m_requests;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace rounds::test
