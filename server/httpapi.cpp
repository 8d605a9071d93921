#include "server/httpapi.h"

#include "server/log.h"

#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>

namespace rounds::server {

namespace {

QHttpServerResponse jsonError(QHttpServerResponse::StatusCode status, const char *code, const QString &message)
{
    return QHttpServerResponse(
        QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), QString::fromLatin1(code)},
                                                          {QStringLiteral("message"), message}}}},
        status);
}

} // namespace

HttpApi::HttpApi(QObject *parent)
    : QObject(parent)
{
    m_http.route(QStringLiteral("/api/v1/health"), QHttpServerRequest::Method::Get, [] {
        return QHttpServerResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")},
                                               {QStringLiteral("server_version"), QStringLiteral(ROUNDS_VERSION)},
                                               {QStringLiteral("protocol"), QJsonArray{1}}});
    });
    m_http.setMissingHandler([](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        jsonError(QHttpServerResponse::StatusCode::NotFound, "not_found",
                                         QStringLiteral("no route for %1").arg(request.url().path()))
            .write(std::move(responder));
    });
}

quint16 HttpApi::listen(const QHostAddress &address, quint16 port, QString *error)
{
    const quint16 bound = m_http.listen(address, port);
    if (bound == 0 && error)
        *error = QStringLiteral("cannot listen on %1:%2").arg(address.toString()).arg(port);
    return bound;
}

} // namespace rounds::server
