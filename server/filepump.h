#pragma once

#include <QObject>

#include <memory>

class QIODevice;
class QTcpSocket;

namespace rounds::server {

// Streams a device into a socket after the answer's headers, a slice at a time as the socket drains
// (at most about 1 MiB waits in the socket), so a 256 MiB file never sits in memory. Qt HttpServer
// 6.4's own device answer moves 512 bytes per event-loop turn. When the device is read to its end the
// connection gate lets the next request through; a read error aborts the connection (the client sees
// a short body, never a wrong one). A child of the socket: it goes when the client does.
class FilePump final : public QObject
{
    Q_OBJECT
public:
    static void start(QTcpSocket *socket, std::shared_ptr<QIODevice> source);

private:
    FilePump(QTcpSocket *socket, std::shared_ptr<QIODevice> source);
    void pump();
    void finish();

    QTcpSocket *m_socket;
    std::shared_ptr<QIODevice> m_source;
    bool m_done = false;
};

} // namespace rounds::server
