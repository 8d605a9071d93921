#include "sync/apiclient.h"

#include "common/protocol/errors.h"
#include "common/protocol/messages.h"
#include "sync/device.h"
#include "sync/diagnostics.h"

#include "sync/log.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>

namespace rounds {

namespace {

ApiError classify(int status, QNetworkReply::NetworkError netError, const QString &netMessage,
    const QJsonObject &body, const QByteArray &retryAfter)
{
    ApiError e;
    e.httpStatus = status;
    const QJsonObject err = body.value(QStringLiteral("error")).toObject();
    e.code = err.value(QStringLiteral("code")).toString();
    e.field = err.value(QStringLiteral("field")).toString();
    const QString serverMessage = err.value(QStringLiteral("message")).toString();
    e.serverMessage = serverMessage;
    if (status == 0 && netError == QNetworkReply::SslHandshakeFailedError) {
        e.kind = ApiError::Tls;
        e.message
            = ApiClient::tr("The server's certificate is not trusted (%1). If your company uses its own "
                            "certificate authority, add its certificate file in Settings.")
                  .arg(netMessage);
        return e;
    }
    if (status == 0) {
        e.kind = netError == QNetworkReply::OperationCanceledError ? ApiError::Cancelled : ApiError::Network;
        e.message = ApiClient::tr("The server cannot be reached: %1").arg(netMessage);
        return e;
    }
    if (status >= 200 && status < 300) {
        if (netError != QNetworkReply::NoError) { // a body cut off half way
            e.kind = ApiError::Network;
            e.message = ApiClient::tr("The connection broke while the answer arrived: %1").arg(netMessage);
        }
        return e;
    }
    if (status == 401) {
        e.kind = ApiError::Unauthorized;
        e.message = ApiClient::tr("Your sign-in has expired or was revoked. Sign in again; nothing on this "
                                  "computer is lost.");
    } else if (status == 403 && e.code == QLatin1String(protocol::ErrorCode::DeviceRevoked)) {
        e.kind = ApiError::DeviceRevoked;
        e.reason = err.value(QStringLiteral("reason")).toString();
        e.message = e.reason.isEmpty()
            ? ApiClient::tr(
                "An administrator revoked this computer's access to Rounds, so its Rounds data is "
                "deleted from it.")
            : ApiClient::tr(
                "An administrator revoked this computer's access to Rounds (%1), so its Rounds data "
                "is deleted from it.")
                  .arg(e.reason);
    } else if (status == 426) {
        e.kind = ApiError::Upgrade;
        e.message = ApiClient::tr("The server needs a newer version of Rounds. Please update Rounds; your "
                                  "unsynced changes are kept and will be sent after the update.");
    } else if (status == 429) {
        e.kind = ApiError::RateLimited;
        e.retryAfterSeconds = qMax(1, retryAfter.trimmed().toInt());
        e.message
            = ApiClient::tr("Too many attempts; try again in %n second(s).", nullptr, e.retryAfterSeconds);
    } else if (status >= 500) {
        e.kind = ApiError::Server;
        e.message = ApiClient::tr("The server had a problem (HTTP %1).").arg(status);
    } else {
        e.kind = ApiError::Client;
        // The server's sentence is English; the user reads the one for its error code.
        e.message = e.code.isEmpty() ? ApiClient::tr("The server refused the request (HTTP %1).").arg(status)
                                     : protocol::Messages::refusal(e.code, {}, e.field, serverMessage);
    }
    return e;
}

} // namespace

ApiClient::ApiClient(const QUrl &server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_deviceId(device::id())
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setAutoDeleteReplies(false);
}

ApiClient::~ApiClient() = default;

bool ApiClient::addCaCertificates(const QString &pemFile, QString *error)
{
    const QList<QSslCertificate> certs = QSslCertificate::fromPath(pemFile, QSsl::Pem);
    if (certs.isEmpty()) {
        if (error)
            *error = tr("No certificate could be read from %1.").arg(pemFile);
        return false;
    }
    m_extraCas += certs;
    return true;
}

std::unique_ptr<ApiClient> ApiClient::clone() const
{
    auto copy = std::make_unique<ApiClient>(m_server);
    copy->m_token = m_token;
    copy->m_deviceId = m_deviceId;
    copy->m_policy = m_policy;
    copy->m_extraCas = m_extraCas;
    copy->m_cancel = m_cancel;
    return copy;
}

QUrl ApiClient::normalizeServerUrl(const QString &typed)
{
    QString t = typed.trimmed();
    while (t.endsWith(QLatin1Char('/')))
        t.chop(1);
    if (!t.contains(QStringLiteral("://")))
        t.prepend(QStringLiteral("https://"));
    QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    url.setPath(QString());
    return url;
}

ApiResponse ApiClient::get(const QString &path, const QUrlQuery &query)
{
    return send("GET", path, {}, query);
}

ApiResponse ApiClient::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

ApiResponse ApiClient::postForFile(const QString &path, const QJsonObject &body, const QByteArray &mediaType)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), {}, mediaType);
}

int ApiClient::backoffDelay(int attempt, const ApiError &error) const
{
    if (error.kind == ApiError::RateLimited)
        return error.retryAfterSeconds * 1000;
    const qint64 exp = qint64(m_policy.baseDelayMs) << qMin(attempt - 1, 20);
    const double capped = double(qMin<qint64>(exp, m_policy.maxDelayMs));
    // ±50% jitter so a fleet of laptops coming back online together does not retry in lockstep.
    return int(capped * (0.5 + QRandomGenerator::global()->generateDouble()));
}

ApiResponse ApiClient::send(const QByteArray &method, const QString &path, const QByteArray &body,
    const QUrlQuery &query, const QByteArray &fileType)
{
    ApiResponse response;
    for (int attempt = 1;; ++attempt) {
        response = sendOnce(method, path, body, query, fileType);
        response.attempts = attempt;
        if (response.ok() || !response.error.isRetryable() || attempt >= m_policy.maxAttempts
            || isCancelled())
            break;
        const int delay = backoffDelay(attempt, response.error);
        qCInfo(lcSync) << method << path << "failed:" << response.error.message << "- retry" << attempt
                       << "in" << delay << "ms";
        emit retrying(attempt, delay, response.error.message);
        QEventLoop wait;
        QTimer::singleShot(delay, &wait, &QEventLoop::quit);
        // A cancel ends the wait too, not only the request.
        QTimer poll;
        connect(&poll, &QTimer::timeout, &wait, [&] {
            if (isCancelled())
                wait.quit();
        });
        poll.start(100);
        wait.exec();
        if (isCancelled()) {
            response.error.kind = ApiError::Cancelled;
            break;
        }
    }
    return response;
}

QNetworkRequest ApiClient::makeRequest(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_server;
    url.setPath(path);
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Rounds-Protocol", QByteArray::number(diagnostics::ProtocolVersion));
    request.setRawHeader("Accept", "application/json");
    if (!m_deviceId.isEmpty())
        request.setRawHeader("Rounds-Device-Id", m_deviceId.toLatin1());
    request.setRawHeader("Rounds-Client-Version", device::clientVersion().toLatin1());
    if (!m_token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    request.setTransferTimeout(m_policy.transferTimeoutMs);
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_extraCas);
        request.setSslConfiguration(ssl);
    }
    return request;
}

ApiResponse ApiClient::sendOnce(const QByteArray &method, const QString &path, const QByteArray &body,
    const QUrlQuery &query, const QByteArray &fileType)
{
    QNetworkRequest request = makeRequest(path, query);
    if (!fileType.isEmpty())
        request.setRawHeader("Accept", fileType);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));

    std::unique_ptr<QNetworkReply> reply(
        method == "GET" ? m_nam->get(request) : m_nam->sendCustomRequest(request, method, body));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // Cancellation can come from another thread; poll it rather than touching the reply there.
    QTimer poll;
    connect(&poll, &QTimer::timeout, &loop, [&] {
        if (isCancelled())
            reply->abort();
    });
    poll.start(100);
    if (!reply->isFinished())
        loop.exec();

    ApiResponse r;
    r.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray raw = reply->readAll();
    const bool isFile = !fileType.isEmpty() && r.httpStatus >= 200 && r.httpStatus < 300;
    if (isFile) {
        r.raw = raw;
        r.error = classify(r.httpStatus, reply->error(), reply->errorString(), {}, {});
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (r.error.kind == ApiError::None && !type.startsWith(fileType)) {
            r.error.kind = ApiError::BadResponse;
            r.error.httpStatus = r.httpStatus;
            r.error.message = tr("The server's answer is not the file asked for.");
        }
        return r;
    }
    QJsonParseError parseError;
    const QJsonDocument doc
        = raw.isEmpty() ? QJsonDocument(QJsonObject()) : QJsonDocument::fromJson(raw, &parseError);
    if (doc.isObject())
        r.body = doc.object();
    r.error = classify(
        r.httpStatus, reply->error(), reply->errorString(), r.body, reply->rawHeader("Retry-After"));
    if (r.error.kind == ApiError::None && !raw.isEmpty() && !doc.isObject()) {
        // A 2xx that is not our JSON (a captive portal, a proxy's page, a truncated body) is retried.
        r.error.kind = ApiError::Network;
        r.error.httpStatus = r.httpStatus;
        r.error.message = tr("The server's answer was cut off or is not Rounds data.");
    }
    return r;
}

} // namespace rounds
