#include "sync/historyfetcher.h"

#include "sync/session.h"

namespace rounds {

HistoryFetcher::HistoryFetcher(Session *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
{
    qRegisterMetaType<rounds::HistoryResult>();
}

HistoryFetcher::~HistoryFetcher()
{
    if (m_thread) {
        m_thread->requestInterruption();
        m_thread->wait();
    }
}

void HistoryFetcher::fetch(const QString &entity, const QString &id)
{
    if (!m_session || !m_session->isSignedIn()) {
        HistoryResult offline;
        offline.status = HistoryResult::Offline;
        offline.message = HistoryClient::tr("History needs a connection to the server: sign in to see it.");
        emit finished(offline);
        return;
    }
    if (m_thread) { // one fetch at a time: the newest question wins
        m_thread->wait();
        delete m_thread;
    }
    const QUrl server(m_session->account().server);
    const QString token = m_session->token();
    QPointer<HistoryFetcher> self(this);
    m_thread = QThread::create([self, server, token, entity, id]() {
        ApiClient api(server);
        api.setToken(token);
        RetryPolicy quick;
        quick.maxAttempts = 2; // a person is waiting: say "offline" soon rather than retry for minutes
        quick.transferTimeoutMs = 15'000;
        api.setRetryPolicy(quick);
        const HistoryResult result = HistoryClient(api).fetch(entity, id);
        QMetaObject::invokeMethod(
            self.data(),
            [self, result]() {
                if (self)
                    emit self->finished(result);
            },
            Qt::QueuedConnection);
    });
    m_thread->start();
}

} // namespace rounds
