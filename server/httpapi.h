#pragma once

#include "server/authservice.h"
#include "server/fileservice.h"
#include "server/principal.h"
#include "server/syncservice.h"

#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QThreadPool>

#include <optional>

namespace rounds::server {

// The HTTP face of the server: the routes of PROTOCOL.md, a JSON error for everything else, one log
// line per request. Handlers run their storage work on a thread pool so the event loop keeps accepting
// while the database works; the answer is written back on the main thread, and only if its client is
// still connected (a client that hung up meanwhile gets nothing, and the line says "(client gone)").
class HttpApi final : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        int threads = 8;
        int readTimeoutMs = 30'000; // see ConnectionGate
    };

    // `files` (may be null: no file routes) serves /api/v1/files/{sha256}.
    HttpApi(AuthService &auth, SyncService &sync, FileService *files, Options options,
        QObject *parent = nullptr);
    ~HttpApi() override;

    // TLS for every connection; call before listen(). TLS 1.2 or newer, ECDHE key exchange and AEAD
    // ciphers only (tlsCiphers()).
    bool setupTls(const QString &certFile, const QString &keyFile, QString *error);
    // Listens on address:port (0 picks a free port); returns the port, or 0 with `error` set.
    quint16 listen(const QHostAddress &address, quint16 port, QString *error);
    // Waits for the requests in flight (their answers are then queued on the event loop).
    void waitForIdle();
    // Shutdown, before waitForIdle(): closes the listening sockets, and a request that still comes on an
    // open (keep-alive) connection is not run, its connection is closed, so nothing is applied unanswered.
    void stopAccepting();

    enum class Endpoint {
        Health,
        Login,
        Logout,
        Me,
        Pull,
        Push,
        History,
        AdminUsers,
        AdminCreateUser,
        AdminUpdateUser,
        AdminDisableUser,
        AdminEnableUser,
        AdminResetPassword,
        AdminRevokeDevice,
        HcpExport,
        HcpErase,
        FilePut,
        FileHead,
        FileGet,
    };
    struct Request
    {
        QByteArray method;
        QString path;
        QString query; // the URL's query, encoded (GET /api/v1/history)
        QByteArray authorization;
        QByteArray protocol;
        QByteArray contentLength;
        QByteArray body;
        QString source; // the client's address, for the login limit
        QByteArray deviceId; // Rounds-Device-Id
        QByteArray clientVersion; // Rounds-Client-Version
        QByteArray range; // Range (GET /api/v1/files)
        QByteArray contentRange; // Content-Range (PUT /api/v1/files)
    };
    // The cipher suites the server offers: ECDHE with AES-GCM or ChaCha20-Poly1305 on TLS 1.2, and the
    // TLS 1.3 suites (all AEAD, all ephemeral), as far as the TLS library has them.
    static QList<QSslCipher> tlsCiphers();
    // One request, start to end (runs on a pool thread).
    ApiReply process(Endpoint endpoint, const Request &request);

private:
    void addRoute(const char *path, QHttpServerRequest::Method method, Endpoint endpoint);
    // Runs a request on the pool and writes its answer on the main thread (if its client is still there).
    void dispatch(Endpoint endpoint, const QHttpServerRequest &request, QHttpServerResponder &&responder);
    // The file route a request names (PUT, HEAD or GET of /api/v1/files/…), if any.
    std::optional<Endpoint> fileEndpoint(const QHttpServerRequest &request) const;

    AuthService &m_auth;
    SyncService &m_sync;
    FileService *m_files;
    Options m_options;
    QThreadPool m_pool;
    QHttpServer m_http;
    std::optional<QSslConfiguration> m_tls;
    bool m_stopping = false; // main thread only
};

} // namespace rounds::server
