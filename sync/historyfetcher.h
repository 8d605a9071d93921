#pragma once

#include "sync/historyclient.h"

#include <QObject>
#include <QPointer>
#include <QThread>
#include <QUrl>

namespace rounds {

class Session;

// The GUI's way to a record's history: HistoryClient on a thread of its own, so the window stays
// responsive while the server answers; the answer comes back as a signal on the caller's thread.
class HistoryFetcher final : public QObject
{
    Q_OBJECT
public:
    // Uses the session's server and token at the time of each fetch (none: the answer is Offline).
    explicit HistoryFetcher(Session *session, QObject *parent = nullptr);
    ~HistoryFetcher() override;

    void fetch(const QString &entity, const QString &id);

signals:
    void finished(const rounds::HistoryResult &result);

private:
    QPointer<Session> m_session;
    QThread *m_thread = nullptr;
};

} // namespace rounds

Q_DECLARE_METATYPE(rounds::HistoryResult)
