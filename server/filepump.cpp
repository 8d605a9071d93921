#include "server/filepump.h"

#include "server/connectiongate.h"
#include "server/log.h"

#include <QIODevice>
#include <QTcpSocket>

namespace rounds::server {

namespace {
constexpr qint64 Slice = 256 * 1024;
constexpr qint64 MaxQueued = 1024 * 1024;
} // namespace

void FilePump::start(QTcpSocket *socket, std::shared_ptr<QIODevice> source)
{
    auto *pump = new FilePump(socket, std::move(source));
    pump->pump();
}

FilePump::FilePump(QTcpSocket *socket, std::shared_ptr<QIODevice> source)
    : QObject(socket)
    , m_socket(socket)
    , m_source(std::move(source))
{
    connect(socket, &QIODevice::bytesWritten, this, &FilePump::pump);
}

void FilePump::pump()
{
    if (m_done)
        return;
    while (m_socket->bytesToWrite() < MaxQueued && !m_source->atEnd()) {
        const QByteArray slice = m_source->read(Slice);
        if (slice.isEmpty()) {
            qCWarning(lcServer).noquote() << "file answer aborted: cannot read:" << m_source->errorString();
            m_done = true;
            m_source.reset();
            m_socket->abort();
            deleteLater();
            return;
        }
        m_socket->write(slice);
    }
    if (m_source->atEnd())
        finish();
}

void FilePump::finish()
{
    m_done = true;
    m_source.reset();
    ConnectionGate::answered(m_socket);
    deleteLater();
}

} // namespace rounds::server
