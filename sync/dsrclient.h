#pragma once

#include "sync/apiclient.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThread>

namespace rounds {

class Session;

// The answer to a data-subject request (docs/privacy.md): an export's files or an erasure's summary.
struct DsrResult
{
    enum Status {
        Ok,
        Offline, // no connection (or no sign-in): these requests need the server
        SignedOut, // the token was refused: sign in again
        Forbidden, // the user is no longer SFE or admin
        UnknownHcp, // the server holds no such HCP (not synced yet, deleted)
        Unsupported, // the server is older than these routes
        Refused, // the server refused the request as asked (a reason too long); `message` says why
        Failed,
    };
    Status status = Failed;
    QString message; // translated, for a person
    QByteArray data; // export: the JSON document or the PDF, as the server made it
    QJsonObject answer; // erase: {hcp_id, placeholder, already_erased, erased: {…}}
    bool ok() const { return status == Ok; }
};

// POST /api/v1/admin/hcp/export and /erase (docs/sync-protocol.md, "Data-subject requests"), blocking.
class DsrClient final
{
    Q_DECLARE_TR_FUNCTIONS(DsrClient)
public:
    static constexpr int kMaxReasonLength = 500; // the server's limit, characters after trimming

    explicit DsrClient(ApiClient &api)
        : m_api(api)
    { }

    // `format` json or pdf, `lang` en or zh_CN (the PDF's language).
    DsrResult exportHcp(const QString &hcpId, const QString &format, const QString &lang);
    DsrResult erase(const QString &hcpId, const QString &reason);

private:
    ApiClient &m_api;
};

// The GUI's way to DsrClient: each request on a thread of its own (one at a time), the answer as a
// signal on the caller's thread.
class DsrRequests final : public QObject
{
    Q_OBJECT
public:
    explicit DsrRequests(Session *session, QObject *parent = nullptr);
    ~DsrRequests() override;

    bool isBusy() const { return m_thread && !m_thread->isFinished(); }
    void exportHcp(const QString &hcpId, const QString &format, const QString &lang);
    void erase(const QString &hcpId, const QString &reason);

signals:
    void exported(const rounds::DsrResult &result);
    void erased(const rounds::DsrResult &result);

private:
    void run(
        std::function<DsrResult(DsrClient &)> work, void (DsrRequests::*done)(const rounds::DsrResult &));

    QPointer<Session> m_session;
    QThread *m_thread = nullptr;
};

} // namespace rounds

Q_DECLARE_METATYPE(rounds::DsrResult)
