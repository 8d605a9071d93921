#include "sync/adminrequests.h"

#include "sync/session.h"

namespace rounds {

AdminRequests::AdminRequests(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<rounds::AdminResult>();
}

AdminRequests::~AdminRequests()
{
    if (m_thread) {
        m_thread->requestInterruption();
        m_thread->wait();
        delete m_thread;
    }
}

void AdminRequests::run(AdminResult::Action action, std::function<AdminResult(AdminClient &)> work)
{
    if (!m_session || !m_session->isSignedIn()) {
        AdminResult offline;
        offline.action = action;
        offline.status = AdminResult::Offline;
        offline.message = AdminClient::tr("Managing users needs a connection to the server: sign in first.");
        emit finished(offline);
        return;
    }
    if (m_thread) {
        m_thread->wait();
        delete m_thread;
    }
    ++m_pending;
    const QUrl server(m_session->account().server);
    const QString token = m_session->token();
    QPointer<AdminRequests> self(this);
    m_thread = QThread::create([self, server, token, action, work = std::move(work)]() {
        ApiClient api(server);
        api.setToken(token);
        RetryPolicy quick;
        quick.maxAttempts = 1; // a change is never sent twice behind the person's back
        quick.transferTimeoutMs = 20'000;
        api.setRetryPolicy(quick);
        AdminClient client(api);
        AdminResult result = work(client);
        result.action = action;
        QMetaObject::invokeMethod(
            self.data(),
            [self, result]() {
                if (!self)
                    return;
                --self->m_pending;
                emit self->finished(result);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

void AdminRequests::list()
{
    run(AdminResult::List, [](AdminClient &c) { return c.users(); });
}

void AdminRequests::create(const NewUserRequest &user)
{
    run(AdminResult::Create, [user](AdminClient &c) { return c.create(user); });
}

void AdminRequests::update(const QString &userId, const UserChangeRequest &change)
{
    run(AdminResult::Update, [userId, change](AdminClient &c) { return c.update(userId, change); });
}

void AdminRequests::setActive(const QString &userId, bool active)
{
    run(active ? AdminResult::Enable : AdminResult::Disable,
        [userId, active](AdminClient &c) { return c.setActive(userId, active); });
}

void AdminRequests::resetPassword(const QString &userId, const QString &password)
{
    run(AdminResult::ResetPassword,
        [userId, password](AdminClient &c) { return c.resetPassword(userId, password); });
}

void AdminRequests::revokeDevice(const QString &deviceId, const QString &reason)
{
    run(AdminResult::RevokeDevice,
        [deviceId, reason](AdminClient &c) { return c.revokeDevice(deviceId, reason); });
}

} // namespace rounds
