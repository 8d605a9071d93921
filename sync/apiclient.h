#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <atomic>
#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkRequest;
class QSslCertificate;

namespace rounds {

// What went wrong with a request, classified the way the sync engine acts on it.
struct ApiError
{
    enum Kind {
        None,
        Network, // no connection, reset, timeout: retried with backoff
        Tls, // the server certificate is not trusted: never retried
        Server, // 5xx: retried with backoff
        Unauthorized, // 401: sign in again; local data is kept
        DeviceRevoked, // 403 device_revoked: an admin revoked this computer; its local data is wiped
        Upgrade, // 426: this version of Rounds is too old for the server
        RateLimited, // 429: wait Retry-After
        Client, // other 4xx: a bug or a refused request; never retried
        BadResponse, // 2xx whose body is not the JSON we expect
        Cancelled,
    };
    Kind kind = None;
    int httpStatus = 0;
    QString code; // the protocol's error code, when the server sent one
    QString message; // a sentence for a person, in the user's language
    QString serverMessage; // the server's own sentence (English), for the log and support
    QString field;
    QString reason; // DeviceRevoked: why, as the administrator wrote it
    int retryAfterSeconds = 0;

    bool isRetryable() const { return kind == Network || kind == Server || kind == RateLimited; }
};

struct ApiResponse
{
    int httpStatus = 0;
    QJsonObject body;
    QByteArray raw; // the answer's bytes as sent (postForFile: the file)
    ApiError error;
    int attempts = 0;
    bool ok() const { return error.kind == ApiError::None; }
};

struct RetryPolicy
{
    int maxAttempts = 6; // including the first
    int baseDelayMs = 500; // doubles each time…
    int maxDelayMs = 30'000; // …up to this, with ±50% jitter
    int transferTimeoutMs = 60'000;
};

// JSON over HTTP(S) to rounds-server. Blocking calls meant for the sync engine's worker thread and for
// rounds-cli: each spins a local event loop while the request runs, retrying network errors and 5xx
// with exponential backoff and jitter (a timer, not the next edit), never 4xx. Sends
// `Rounds-Protocol: 1`, the device (Rounds-Device-Id, Rounds-Client-Version) and the bearer token;
// QNetworkAccessManager asks for gzip and inflates it.
class ApiClient final : public QObject
{
    Q_OBJECT
public:
    explicit ApiClient(const QUrl &server, QObject *parent = nullptr);
    ~ApiClient() override;

    void setToken(const QString &token) { m_token = token; }
    // The device id sent with every request (Rounds-Device-Id); device::id() unless a test simulates
    // several computers in one process.
    void setDeviceId(const QString &id) { m_deviceId = id; }
    const QString &deviceId() const { return m_deviceId; }
    const QString &token() const { return m_token; }
    const QUrl &server() const { return m_server; }
    void setRetryPolicy(const RetryPolicy &policy) { m_policy = policy; }
    // Trusts a company CA (PEM file) in addition to the system's. False with `error` when unreadable.
    bool addCaCertificates(const QString &pemFile, QString *error);
    // Stops waiting (from any thread): the current call returns Cancelled.
    void cancel() { *m_cancel = true; }
    bool isCancelled() const { return *m_cancel || m_aborted; }
    // Stops this client's calls only, from any thread (a shared cancel flag stays as it is).
    void abort() { m_aborted = true; }
    // Shares a cancel flag with another thread (the sync engine's), which may set it at any time.
    void setCancelFlag(std::shared_ptr<std::atomic_bool> flag) { m_cancel = std::move(flag); }

    // A second client to the same server with the same token, retry policy, trusted CAs and cancel flag,
    // for another thread (the sync session fetches the next pulled page on one while it applies the
    // current page). No parent: move it to its thread.
    std::unique_ptr<ApiClient> clone() const;

    ApiResponse get(const QString &path, const QUrlQuery &query = {});
    // A request to `path` with this client's headers (protocol, device, token), timeout and trusted CAs,
    // for transfers that are not JSON (sync/filetransfer.h), sent through network().
    QNetworkRequest makeRequest(const QString &path, const QUrlQuery &query = {}) const;
    QNetworkAccessManager *network() const { return m_nam; }
    ApiResponse post(const QString &path, const QJsonObject &body);
    // A POST whose 2xx answer is a file of `mediaType` (application/pdf), in `raw`; errors are JSON as
    // everywhere. A 2xx of another type is BadResponse.
    ApiResponse postForFile(const QString &path, const QJsonObject &body, const QByteArray &mediaType);

    // Turns a server URL typed by a person into a normalised base ("host:8421" → "https://host:8421").
    static QUrl normalizeServerUrl(const QString &typed);

signals:
    // Each retry, so progress can say "server unreachable, retrying in 4 s".
    void retrying(int attempt, int delayMs, const QString &reason);

private:
    ApiResponse send(const QByteArray &method, const QString &path, const QByteArray &body,
        const QUrlQuery &query = {}, const QByteArray &fileType = {});
    ApiResponse sendOnce(const QByteArray &method, const QString &path, const QByteArray &body,
        const QUrlQuery &query, const QByteArray &fileType);
    int backoffDelay(int attempt, const ApiError &error) const;

    QUrl m_server;
    QString m_token;
    QString m_deviceId;
    RetryPolicy m_policy;
    QNetworkAccessManager *m_nam;
    QList<QSslCertificate> m_extraCas;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    std::atomic_bool m_aborted {false};
};

} // namespace rounds
