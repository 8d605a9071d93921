#pragma once

#include "sync/adminclient.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace rounds {

class Session;

// The Users page's way to the admin routes: AdminClient on a thread of its own, so the window stays
// responsive while the server answers; each answer comes back as finished() on the caller's thread. One
// request at a time: a new one waits for the one before.
class AdminRequests final : public QObject
{
    Q_OBJECT
public:
    // Uses the session's server and token at the time of each request (none: the answer is Offline).
    explicit AdminRequests(Session *session, QObject *parent = nullptr);
    ~AdminRequests() override;

    void list();
    void create(const NewUserRequest &user);
    void update(const QString &userId, const UserChangeRequest &change);
    void setActive(const QString &userId, bool active);
    void resetPassword(const QString &userId, const QString &password);
    void revokeDevice(const QString &deviceId, const QString &reason);

    bool isBusy() const { return m_pending > 0; }

signals:
    void finished(const rounds::AdminResult &result);

private:
    void run(AdminResult::Action action, std::function<AdminResult(AdminClient &)> work);

    QPointer<Session> m_session;
    QThread *m_thread = nullptr;
    int m_pending = 0; // requests whose answer has not been delivered yet
};

} // namespace rounds

Q_DECLARE_METATYPE(rounds::AdminResult)
