#pragma once

#include "server/connectiongate.h"

#include <QTcpServer>

namespace rounds::server {

// A listening server (QTcpServer or QSslServer) whose connections get a ConnectionGate before Qt
// HttpServer sees them: QHttpServer connects its reader to a socket when it takes it from here, so
// the gate, connected first, looks at every byte before QHttpServer buffers it.
template<class Base> class GatedServer final : public Base
{
public:
    GatedServer(const ConnectionGate::Limits &limits, QObject *parent = nullptr)
        : Base(parent)
        , m_limits(limits)
    { }

    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            ConnectionGate::attach(socket, m_limits);
        return socket;
    }

private:
    ConnectionGate::Limits m_limits;
};

} // namespace rounds::server
