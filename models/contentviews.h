#pragma once

// Page views of presented materials (issue 21 point 3; docs/presenting.md): the recorder the
// presenter feeds one page at a time, and what a visit's views propose as its details. Every record goes
// through the store's write path (Store::create) as a `content_view`; the rules are those of
// common/protocol/content.h (counted as viewed) and common/protocol/consent.h (named or anonymous).

#include "models/store.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>
#include <memory>

#include <functional>

class QTimer;

namespace rounds {

// Who presents, where, and to whom: the fields every view of one presentation shares.
struct ContentViewContext
{
    QString mode = QStringLiteral("in_call"); // in_call, preview
    QString visitId; // in_call: the visit (saved before the first view names it)
    QString hcpId; // in_call: the HCP; kept only when consent::trackingAllowed says so
    QString territoryId; // required
    QString repId; // required: the signed-in rep
};

// One page view, finished, as it is written.
struct ContentViewRecord
{
    QString materialId;
    int materialVersion = 1;
    int page = 1;
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    QString reaction; // positive, neutral, negative, or empty
};

// Records one `content_view` per page shown: pageShown() ends the page on screen (if any) and starts the
// next; finish() ends the last one (the presenter closing; the destructor and the application quitting
// call it too, so nothing is lost). Finished views are queued and written a moment later, all of them in
// one store transaction, so a page turn never waits on the disk (measured in docs/performance.md);
// flush() writes them at once.
//
// Before a view names the HCP, consent::trackingAllowed is asked at the view's start (with the consent
// records and rules read once when the recorder is made): without it the view is stored anonymous, with
// neither hcp_id nor visit_id. Views shorter than content::ViewedAfterMs without a reaction are recorded
// as well (the duration is data); they just do not count as viewed.
class ContentViewRecorder final : public QObject
{
    Q_OBJECT
public:
    // The time a view starts and ends at; tests pass a clock they move by hand.
    using Clock = std::function<QDateTime()>;

    ContentViewRecorder(Store *store, const ContentViewContext &context, QObject *parent = nullptr);
    ~ContentViewRecorder() override;
    Q_DISABLE_COPY_MOVE(ContentViewRecorder)

    void setClock(Clock clock) { m_clock = std::move(clock); }
    // How long finished views wait before they are written (default 250 ms; 0 writes on the next turn
    // of the event loop).
    void setWriteDelay(int ms);

    // Whether the views of this HCP are stored anonymous (no consent to activity tracking now).
    bool isAnonymous() const;
    const ContentViewContext &context() const { return m_context; }

    // The page now on screen (1-based): the page before, if any, ends now.
    void pageShown(const QString &materialId, int materialVersion, int page);
    // The HCP's reaction to the page on screen (positive, neutral, negative; empty clears it). The last
    // one given counts. False when no page is on screen.
    bool setReaction(const QString &reaction);
    QString reaction() const { return m_current.reaction; }
    bool hasCurrentPage() const { return !m_current.materialId.isEmpty(); }
    // Ends the page on screen (the presenter closed or moved to another material).
    void finish();

    // Writes every queued view now, in one transaction. False with `error` when the store refused: the
    // views stay queued and are tried again at the next write.
    bool flush(QString *error = nullptr);
    int queuedCount() const { return int(m_queue.size()); }
    int writtenCount() const { return m_written; }
    // How long the last flush() took, in microseconds (for the benchmark and the log).
    qint64 lastWriteMicros() const { return m_lastWriteMicros; }

signals:
    // After a flush wrote `count` views (their ids in order).
    void viewsWritten(const QStringList &ids);
    void writeFailed(const QString &error);

private:
    QDateTime now() const;
    void scheduleWrite();
    bool named(const QDateTime &at) const;

    Store *m_store;
    ContentViewContext m_context;
    Clock m_clock;
    ContentViewRecord m_current;
    QList<ContentViewRecord> m_queue;
    QTimer *m_writeTimer = nullptr;
    struct Consent;
    std::unique_ptr<Consent> m_consent;
    int m_written = 0;
    qint64 m_lastWriteMicros = 0;
};

// A key message the views of a visit propose as one of its details.
struct ProposedDetail
{
    QString keyMessageId;
    QString keyMessageText;
    QString productId;
    QString reaction; // positive, neutral, negative
    QString materialId; // where it was first shown
    int page = 0; // the page it was first shown on (0: a message of the whole material)
    QDateTime firstShownAt;
};

class ContentViews final
{
public:
    // The key messages of the pages of `visitId` that count as viewed (content::countsAsViewed): those of
    // the page, and those of its whole material (MaterialQueries::keyMessages), each once, in the order
    // first shown. Its reaction is the strongest one given on a page carrying it: the last positive or
    // negative one, else neutral (shown without a reaction, or a neutral one).
    static bool proposedDetails(
        Store *store, const QString &visitId, QList<ProposedDetail> *out, QString *error);
    // The views of a visit (or, `visitId` empty, every view), oldest first.
    static bool forVisit(Store *store, const QString &visitId, QList<ContentViewRecord> *out, QString *error);
};

} // namespace rounds
