#include "sync/dsrclient.h"

#include "common/protocol/errors.h"
#include "sync/session.h"

#include <QJsonDocument>

namespace rounds {

namespace {

DsrResult failure(const ApiError &e)
{
    DsrResult r;
    r.message = e.message;
    switch (e.kind) {
    case ApiError::Network:
    case ApiError::Tls:
    case ApiError::Cancelled:
        r.status = DsrResult::Offline;
        break;
    case ApiError::Unauthorized:
        r.status = DsrResult::SignedOut;
        break;
    case ApiError::Client:
        if (e.httpStatus == 404 && e.code == QLatin1String(protocol::ErrorCode::UnknownHcp)) {
            r.status = DsrResult::UnknownHcp;
            r.message = DsrClient::tr("The server holds no such HCP (it may not be synced yet).");
        } else if (e.httpStatus == 404) {
            r.status = DsrResult::Unsupported;
            r.message = DsrClient::tr("The server is too old for data-subject requests; ask your "
                                      "administrator to update it or to use rounds-server hcp.");
        } else if (e.httpStatus == 403) {
            r.status = DsrResult::Forbidden;
            r.message = DsrClient::tr("Only SFE and administrators may file data-subject requests.");
        } else {
            r.status = DsrResult::Refused;
        }
        break;
    default:
        r.status = DsrResult::Failed;
    }
    return r;
}

} // namespace

DsrResult DsrClient::exportHcp(const QString &hcpId, const QString &format, const QString &lang)
{
    const QJsonObject body {{QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("format"), format},
        {QStringLiteral("lang"), lang}};
    const bool pdf = format == QLatin1String("pdf");
    const QString path = QStringLiteral("/api/v1/admin/hcp/export");
    const ApiResponse response
        = pdf ? m_api.postForFile(path, body, QByteArrayLiteral("application/pdf")) : m_api.post(path, body);
    if (!response.ok())
        return failure(response.error);
    DsrResult r;
    if (pdf) {
        r.data = response.raw;
    } else {
        if (response.body.value(QLatin1String("format")).toString() != QLatin1String("rounds-hcp-export")) {
            r.message = tr("The server's answer is not an HCP export.");
            return r;
        }
        r.data = QJsonDocument(response.body).toJson(QJsonDocument::Indented);
    }
    r.status = DsrResult::Ok;
    return r;
}

DsrResult DsrClient::erase(const QString &hcpId, const QString &reason)
{
    const ApiResponse response = m_api.post(QStringLiteral("/api/v1/admin/hcp/erase"),
        {{QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("reason"), reason.trimmed()}});
    if (!response.ok())
        return failure(response.error);
    DsrResult r;
    r.status = DsrResult::Ok;
    r.answer = response.body;
    return r;
}

DsrRequests::DsrRequests(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<rounds::DsrResult>();
}

DsrRequests::~DsrRequests()
{
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
}

void DsrRequests::exportHcp(const QString &hcpId, const QString &format, const QString &lang)
{
    run([=](DsrClient &c) { return c.exportHcp(hcpId, format, lang); }, &DsrRequests::exported);
}

void DsrRequests::erase(const QString &hcpId, const QString &reason)
{
    run([=](DsrClient &c) { return c.erase(hcpId, reason); }, &DsrRequests::erased);
}

void DsrRequests::run(
    std::function<DsrResult(DsrClient &)> work, void (DsrRequests::*done)(const rounds::DsrResult &))
{
    if (!m_session || !m_session->isSignedIn()) {
        DsrResult offline;
        offline.status = DsrResult::Offline;
        offline.message
            = DsrClient::tr("Data-subject requests need a connection to the server: sign in first.");
        emit(this->*done)(offline);
        return;
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    const QUrl server(m_session->account().server);
    const QString token = m_session->token();
    QPointer<DsrRequests> self(this);
    m_thread = QThread::create([self, server, token, work = std::move(work), done]() {
        ApiClient api(server);
        api.setToken(token);
        RetryPolicy quick;
        quick.maxAttempts = 2; // a person is waiting
        quick.transferTimeoutMs = 60'000; // a PDF of a long history takes a while
        api.setRetryPolicy(quick);
        DsrClient client(api);
        const DsrResult result = work(client);
        QMetaObject::invokeMethod(
            self.data(),
            [self, result, done]() {
                if (self)
                    emit(self.data()->*done)(result);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

} // namespace rounds
