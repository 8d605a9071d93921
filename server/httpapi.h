#pragma once

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>

namespace rounds::server {

// The HTTP face of the server: routes of PROTOCOL.md, JSON errors for everything else.
class HttpApi final : public QObject
{
    Q_OBJECT
public:
    explicit HttpApi(QObject *parent = nullptr);

    // Listens on address:port (0 picks a free port); returns the port, or 0 with `error` set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);

private:
    QHttpServer m_http;
};

} // namespace rounds::server
