#include "server/httpapi.h"

#include "common/protocol/errors.h"
#include "server/adminservice.h"
#include "server/dsrservice.h"
#include "server/filepump.h"
#include "server/gatedserver.h"
#include "server/historyservice.h"
#include "server/log.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace rounds::server {

using protocol::ErrorCode::InvalidRequest;

namespace {

QByteArray header(const QHttpServerRequest &request, const char *name)
{
    for (const auto &h : request.headers()) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    default:
        return "OTHER";
    }
}

QHttpServerResponse toResponse(const ApiReply &reply)
{
    const auto status = QHttpServerResponse::StatusCode(reply.status);
    QHttpServerResponse response = reply.status == 204 ? QHttpServerResponse(status)
        : !reply.contentType.isEmpty() ? QHttpServerResponse(reply.contentType, reply.raw, status)
                                       : QHttpServerResponse(QByteArrayLiteral("application/json"),
                                           QJsonDocument(reply.body).toJson(QJsonDocument::Compact), status);
    for (const auto &h : reply.headers)
        response.addHeader(h.first, h.second);
    return response;
}

const QLatin1String kFilesPrefix("/api/v1/files/");

// Writes an answer: a JSON body, or (a file) its headers and then the device streamed by a FilePump, or
// (HEAD) the status and headers alone. The connection gate lets the next request in once it is written.
void writeAnswer(const ApiReply &reply, QHttpServerResponder &&responder, QTcpSocket *socket)
{
    if (!reply.stream && !reply.headOnly) {
        toResponse(reply).write(std::move(responder));
        ConnectionGate::answered(socket);
        return;
    }
    responder.writeStatusLine(QHttpServerResponder::StatusCode(reply.status));
    for (const auto &h : reply.headers)
        responder.writeHeader(h.first, h.second);
    if (reply.stream)
        responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(reply.stream->size()));
    responder.writeBody("", 0); // ends the headers
    if (reply.stream && !reply.headOnly && reply.stream->size() > 0)
        FilePump::start(socket, reply.stream);
    else
        ConnectionGate::answered(socket);
}

// Where a request comes from, for the login limit. Behind a reverse proxy on the same host every peer
// is the proxy, so a loopback peer's X-Forwarded-For names the client: its last address, the one the
// proxy added (earlier ones are whatever the client claimed).
QString sourceAddress(const QHttpServerRequest &request)
{
    const QHostAddress peer = request.remoteAddress();
    if (peer.isLoopback()) {
        const QByteArray forwarded = header(request, "X-Forwarded-For");
        const QHostAddress last(QString::fromLatin1(forwarded.mid(forwarded.lastIndexOf(',') + 1).trimmed()));
        if (!last.isNull())
            return last.toString();
    }
    return peer.toString();
}

// An answer waiting for its request's work on the pool. The responder holds a raw QTcpSocket*, so
// it may only be used while `socket` is not null (and only on the main thread).
struct PendingAnswer
{
    explicit PendingAnswer(QHttpServerResponder &&r)
        : socket(r.socket())
        , responder(std::move(r))
    { }
    QPointer<QTcpSocket> socket;
    QHttpServerResponder responder;
};

} // namespace

HttpApi::HttpApi(AuthService &auth, SyncService &sync, FileService *files, Options options, QObject *parent)
    : QObject(parent)
    , m_auth(auth)
    , m_sync(sync)
    , m_files(files)
    , m_options(options)
{
    m_pool.setMaxThreadCount(options.threads);
    addRoute("/api/v1/health", QHttpServerRequest::Method::Get, Endpoint::Health);
    addRoute("/api/v1/auth/login", QHttpServerRequest::Method::Post, Endpoint::Login);
    addRoute("/api/v1/auth/logout", QHttpServerRequest::Method::Post, Endpoint::Logout);
    addRoute("/api/v1/me", QHttpServerRequest::Method::Get, Endpoint::Me);
    addRoute("/api/v1/sync/pull", QHttpServerRequest::Method::Post, Endpoint::Pull);
    addRoute("/api/v1/sync/push", QHttpServerRequest::Method::Post, Endpoint::Push);
    addRoute("/api/v1/history", QHttpServerRequest::Method::Get, Endpoint::History);
    addRoute("/api/v1/admin/users", QHttpServerRequest::Method::Get, Endpoint::AdminUsers);
    addRoute("/api/v1/admin/users", QHttpServerRequest::Method::Post, Endpoint::AdminCreateUser);
    addRoute("/api/v1/admin/users/update", QHttpServerRequest::Method::Post, Endpoint::AdminUpdateUser);
    addRoute("/api/v1/admin/users/disable", QHttpServerRequest::Method::Post, Endpoint::AdminDisableUser);
    addRoute("/api/v1/admin/users/enable", QHttpServerRequest::Method::Post, Endpoint::AdminEnableUser);
    addRoute("/api/v1/admin/users/password", QHttpServerRequest::Method::Post, Endpoint::AdminResetPassword);
    addRoute("/api/v1/admin/devices/revoke", QHttpServerRequest::Method::Post, Endpoint::AdminRevokeDevice);
    addRoute("/api/v1/admin/hcp/export", QHttpServerRequest::Method::Post, Endpoint::HcpExport);
    addRoute("/api/v1/admin/hcp/erase", QHttpServerRequest::Method::Post, Endpoint::HcpErase);
    m_http.setMissingHandler([this](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
        // Qt HttpServer 6.4's router has no HEAD of its own and its path arguments are a template
        // maze; the file routes are one prefix, dispatched here.
        if (const std::optional<Endpoint> file = fileEndpoint(request)) {
            dispatch(*file, request, std::move(responder));
            return;
        }
        const ApiReply reply = ApiReply::error(404, protocol::ErrorCode::NotFound,
            QStringLiteral("no route for %1 %2")
                .arg(QString::fromLatin1(methodName(request.method())), request.url().path()));
        logRequest(methodName(request.method()), request.url().path(), 404, 0, {});
        QTcpSocket *socket = responder.socket();
        toResponse(reply).write(std::move(responder));
        ConnectionGate::answered(socket);
    });
}

HttpApi::~HttpApi()
{
    m_pool.waitForDone();
}

void HttpApi::addRoute(const char *path, QHttpServerRequest::Method method, Endpoint endpoint)
{
    // Not a QFuture: Qt HttpServer 6.4 writes a future's answer through the raw QTcpSocket* it had when
    // the request came, and deletes that socket as soon as the client hangs up, so a client killed
    // mid-request made the server write to freed memory (the soak's segfault in libQt6Network,
    // docs/reliability.md). The responder and a QPointer to its socket wait here; the answer is written
    // on the main thread (the socket's), and only when the socket still exists and is connected.
    m_http.route(QString::fromLatin1(path), method,
        [this, endpoint](const QHttpServerRequest &request, QHttpServerResponder &&responder) {
            dispatch(endpoint, request, std::move(responder));
        });
}

std::optional<HttpApi::Endpoint> HttpApi::fileEndpoint(const QHttpServerRequest &request) const
{
    if (!m_files || !request.url().path().startsWith(kFilesPrefix))
        return std::nullopt;
    switch (request.method()) {
    case QHttpServerRequest::Method::Put:
        return Endpoint::FilePut;
    case QHttpServerRequest::Method::Head:
        return Endpoint::FileHead;
    case QHttpServerRequest::Method::Get:
        return Endpoint::FileGet;
    default:
        return std::nullopt;
    }
}

void HttpApi::dispatch(Endpoint endpoint, const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    if (m_stopping) {
        logRequest(methodName(request.method()), request.url().path(), 0, 0, {},
            u"(not run: the server is stopping)");
        if (QTcpSocket *socket = responder.socket())
            socket->abort();
        return;
    }
    auto pending = std::make_shared<PendingAnswer>(std::move(responder));
    Request r {methodName(request.method()), request.url().path(), request.url().query(QUrl::FullyEncoded),
        header(request, "Authorization"), header(request, "Rounds-Protocol"), header(request, "Content-Length"),
        request.body(), sourceAddress(request), header(request, "Rounds-Device-Id"),
        header(request, "Rounds-Client-Version"), header(request, "Range"), header(request, "Content-Range")};
    m_pool.start([this, endpoint, r = std::move(r), pending]() {
        QElapsedTimer timer;
        timer.start();
        ApiReply reply;
        try {
            reply = process(endpoint, r);
        } catch (const std::exception &e) {
            qCWarning(lcServer) << "request failed:" << e.what();
            reply = ApiReply::error(500, protocol::ErrorCode::Internal, QStringLiteral("internal error"));
        }
        reply.headOnly = endpoint == Endpoint::FileHead;
        const qint64 ms = timer.elapsed();
        // `this` outlives every posted answer: ~HttpApi waits for the pool, and answers still
        // queued for a destroyed HttpApi are discarded with it.
        QMetaObject::invokeMethod(
            this,
            [pending, method = r.method, path = r.path, reply = std::move(reply), ms]() {
                const bool gone
                    = !pending->socket || pending->socket->state() != QAbstractSocket::ConnectedState;
                logRequest(method, path, reply.status, ms, reply.user, gone ? u"(client gone)" : QStringView());
                if (!gone)
                    writeAnswer(reply, std::move(pending->responder), pending->socket);
            },
            Qt::QueuedConnection);
    });
}

ApiReply HttpApi::process(Endpoint endpoint, const Request &r)
{
    if (!r.protocol.isEmpty() && r.protocol.trimmed() != "1")
        return ApiReply::error(426, protocol::ErrorCode::UnsupportedProtocol,
            QStringLiteral("this server speaks protocol 1, not %1").arg(QString::fromLatin1(r.protocol)));
    bool lengthOk = true;
    const qint64 declared = r.contentLength.isEmpty() ? 0 : r.contentLength.trimmed().toLongLong(&lengthOk);
    // A file's body has its own limit (the files.max_bytes setting, FileService::put).
    if (endpoint != Endpoint::FilePut
        && ((lengthOk && declared > m_options.maxBodyBytes) || r.body.size() > m_options.maxBodyBytes))
        return ApiReply::error(413, protocol::ErrorCode::PayloadTooLarge,
            QStringLiteral("the body is larger than %1 bytes").arg(m_options.maxBodyBytes));

    if (endpoint == Endpoint::Health)
        return ApiReply::ok(QJsonObject {{QStringLiteral("status"), QStringLiteral("ok")},
            {QStringLiteral("server_version"), QStringLiteral(ROUNDS_VERSION)},
            {QStringLiteral("protocol"), QJsonArray {1}}});

    QJsonObject body;
    // JSON bodies; a file's body (PUT /api/v1/files) is the file's bytes.
    const bool hasBody = endpoint != Endpoint::Health && endpoint != Endpoint::Logout
        && endpoint != Endpoint::Me && endpoint != Endpoint::History && endpoint != Endpoint::AdminUsers
        && endpoint != Endpoint::FilePut && endpoint != Endpoint::FileHead && endpoint != Endpoint::FileGet;
    if (hasBody) {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(r.body, &error);
        if (error.error != QJsonParseError::NoError)
            return ApiReply::error(400, InvalidRequest,
                QStringLiteral("the body is not JSON: %1 at offset %2")
                    .arg(error.errorString())
                    .arg(error.offset));
        if (!doc.isObject())
            return ApiReply::error(400, InvalidRequest, QStringLiteral("the body must be a JSON object"));
        body = doc.object();
    }
    const DeviceContact device = devices::fromHeaders(r.deviceId, r.clientVersion);
    if (endpoint == Endpoint::Login)
        return m_auth.login(body, r.source, device);

    ApiReply failure;
    const std::optional<Principal> user = m_auth.authenticate(r.authorization, &failure, device);
    if (!user)
        return failure;
    ApiReply reply;
    switch (endpoint) {
    case Endpoint::Logout:
        reply = m_auth.logout(*user);
        break;
    case Endpoint::Me:
        reply = ApiReply::ok(user->toJson());
        break;
    case Endpoint::Pull:
        reply = m_sync.pull(*user, body);
        break;
    case Endpoint::Push:
        reply = m_sync.push(*user, body);
        break;
    case Endpoint::History:
        reply = HistoryService(m_sync.storage()).history(*user, QUrlQuery(r.query));
        break;
    case Endpoint::AdminUsers:
        reply = AdminService(m_sync.storage()).users(*user);
        break;
    case Endpoint::AdminCreateUser:
        reply = AdminService(m_sync.storage()).createUser(*user, body);
        break;
    case Endpoint::AdminUpdateUser:
        reply = AdminService(m_sync.storage()).updateUser(*user, body);
        break;
    case Endpoint::AdminDisableUser:
    case Endpoint::AdminEnableUser:
        reply = AdminService(m_sync.storage()).setActive(*user, body, endpoint == Endpoint::AdminEnableUser);
        break;
    case Endpoint::AdminResetPassword:
        reply = AdminService(m_sync.storage()).resetPassword(*user, body);
        break;
    case Endpoint::AdminRevokeDevice:
        reply = AdminService(m_sync.storage()).revokeDevice(*user, body);
        break;
    case Endpoint::HcpExport:
        reply = DsrService(m_sync.storage()).exportHcp(*user, body);
        break;
    case Endpoint::HcpErase:
        reply = DsrService(m_sync.storage()).eraseHcp(*user, body);
        break;
    case Endpoint::FilePut:
        reply = m_files->put(*user, r.path.mid(kFilesPrefix.size()), r.contentRange, r.contentLength, r.body);
        break;
    case Endpoint::FileHead:
        reply = m_files->head(*user, r.path.mid(kFilesPrefix.size()));
        break;
    case Endpoint::FileGet:
        reply = m_files->get(*user, r.path.mid(kFilesPrefix.size()), r.range);
        break;
    case Endpoint::Health:
    case Endpoint::Login:
        break;
    }
    reply.user = user->username;
    return reply;
}

bool HttpApi::setupTls(const QString &certFile, const QString &keyFile, QString *error)
{
    QFile certIn(certFile);
    if (!certIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the certificate %1: %2").arg(certFile, certIn.errorString());
        return false;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certIn.readAll(), QSsl::Pem);
    if (chain.isEmpty()) {
        *error = QStringLiteral("%1 holds no PEM certificate").arg(certFile);
        return false;
    }
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the key %1: %2").arg(keyFile, keyIn.errorString());
        return false;
    }
    const QByteArray pem = keyIn.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull()) {
        *error = QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile);
        return false;
    }
    const QList<QSslCipher> ciphers = tlsCiphers();
    if (ciphers.isEmpty()) {
        *error = QStringLiteral(
            "the TLS library offers no ECDHE cipher suite with AES-GCM or ChaCha20-Poly1305");
        return false;
    }
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCiphers(ciphers);
    m_tls = config;
    return true;
}

QList<QSslCipher> HttpApi::tlsCiphers()
{
    // Forward secrecy (ECDHE) and authenticated encryption (GCM, Poly1305) only: no static-RSA key
    // exchange, no CBC, no PSK. TLS 1.3 suites are all of that kind.
    static const char *const names[]
        = {"TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
            "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-CHACHA20-POLY1305", "ECDHE-RSA-CHACHA20-POLY1305"};
    QList<QSslCipher> ciphers;
    for (const char *name : names) {
        const QSslCipher cipher(QString::fromLatin1(name));
        if (!cipher.isNull())
            ciphers << cipher;
    }
    return ciphers;
}

quint16 HttpApi::listen(const QHostAddress &address, quint16 port, QString *error)
{
    ConnectionGate::Limits limits;
    limits.framing.maxBodyBytes = m_options.maxBodyBytes;
    if (FileService *files = m_files)
        limits.framing.fileBodyLimit = [files] { return files->maxBytes(); };
    limits.readTimeoutMs = m_options.readTimeoutMs;
    std::unique_ptr<QTcpServer> server;
    if (m_tls) {
        auto tls = std::make_unique<GatedServer<QSslServer>>(limits);
        tls->setSslConfiguration(*m_tls);
        tls->setHandshakeTimeout(m_options.readTimeoutMs);
        server = std::move(tls);
    } else {
        server = std::make_unique<GatedServer<QTcpServer>>(limits);
    }
    if (!server->listen(address, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(address.toString())
                         .arg(port)
                         .arg(server->errorString());
        return 0;
    }
    const quint16 bound = server->serverPort();
    m_http.bind(server.release());
    return bound;
}

void HttpApi::waitForIdle()
{
    m_pool.waitForDone();
}

void HttpApi::stopAccepting()
{
    m_stopping = true;
    for (QTcpServer *server : m_http.servers())
        server->close();
}

} // namespace rounds::server
