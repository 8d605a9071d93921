#include "models/contentviews.h"

#include "common/protocol/consent.h"
#include "common/protocol/content.h"
#include "models/consentqueries.h"
#include "models/log.h"
#include "models/materialqueries.h"
#include "models/sqlrows.h"
#include "models/store/storebatch.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

namespace rounds {

namespace {

const QString kEntity = QStringLiteral("content_view");

QString isoMs(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime parsedTime(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

int strength(const QString &reaction)
{
    return reaction == QLatin1String("positive") || reaction == QLatin1String("negative") ? 2 : 1;
}

} // namespace

// The HCP's consent records and the company's rules, read once per presentation.
struct ContentViewRecorder::Consent
{
    bool read = false; // false: could not be read, so every view is anonymous (never named by mistake)
    QList<protocol::consent::Record> records;
    protocol::consent::Rules rules;
};

ContentViewRecorder::ContentViewRecorder(Store *store, const ContentViewContext &context, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_context(context)
    , m_writeTimer(new QTimer(this))
    , m_consent(std::make_unique<Consent>())
{
    m_writeTimer->setSingleShot(true);
    m_writeTimer->setInterval(250);
    connect(m_writeTimer, &QTimer::timeout, this, [this] { flush(); });
    // The application quitting ends the page on screen like the presenter closing does.
    if (QCoreApplication::instance()) {
        connect(QCoreApplication::instance(), &QCoreApplication::aboutToQuit, this, [this] {
            finish();
            flush();
        });
    }
    if (!m_context.hcpId.isEmpty()) {
        QString error;
        m_consent->read = ConsentQueries::rules(m_store, &m_consent->rules, &error)
            && ConsentQueries::records(m_store, m_context.hcpId, &m_consent->records, &error);
        if (!m_consent->read)
            qCWarning(lcStore) << "consent unreadable, page views stay anonymous:" << error;
    }
}

ContentViewRecorder::~ContentViewRecorder()
{
    finish();
    QString error;
    if (!flush(&error))
        qCWarning(lcStore) << "page views lost at close:" << m_queue.size() << error;
}

void ContentViewRecorder::setWriteDelay(int ms)
{
    m_writeTimer->setInterval(qMax(0, ms));
}

QDateTime ContentViewRecorder::now() const
{
    return m_clock ? m_clock().toUTC() : QDateTime::currentDateTimeUtc();
}

bool ContentViewRecorder::named(const QDateTime &at) const
{
    if (m_context.hcpId.isEmpty() || !m_consent->read)
        return false;
    return protocol::consent::trackingAllowed(m_consent->records, m_context.hcpId, at, m_consent->rules);
}

bool ContentViewRecorder::isAnonymous() const
{
    return !named(now());
}

void ContentViewRecorder::pageShown(const QString &materialId, int materialVersion, int page)
{
    finish();
    m_current.materialId = materialId;
    m_current.materialVersion = qMax(1, materialVersion);
    m_current.page = qMax(1, page);
    m_current.startedAt = now();
    m_current.durationMs = 0;
    m_current.reaction.clear();
}

bool ContentViewRecorder::setReaction(const QString &reaction)
{
    if (!hasCurrentPage())
        return false;
    m_current.reaction = reaction;
    return true;
}

void ContentViewRecorder::finish()
{
    if (!hasCurrentPage())
        return;
    m_current.durationMs = qBound<qint64>(0, m_current.startedAt.msecsTo(now()), 24LL * 3600 * 1000);
    m_queue.append(m_current);
    m_current = {};
    scheduleWrite();
}

void ContentViewRecorder::scheduleWrite()
{
    if (!m_writeTimer->isActive())
        m_writeTimer->start();
}

bool ContentViewRecorder::flush(QString *error)
{
    m_writeTimer->stop();
    if (m_queue.isEmpty())
        return true;
    QElapsedTimer timer;
    timer.start();
    QStringList ids;
    QString failure;
    {
        StoreBatch batch(*m_store);
        for (const ContentViewRecord &v : std::as_const(m_queue)) {
            QJsonObject fields {{QStringLiteral("territory_id"), m_context.territoryId},
                {QStringLiteral("rep_id"), m_context.repId}, {QStringLiteral("material_id"), v.materialId},
                {QStringLiteral("material_version"), v.materialVersion}, {QStringLiteral("page"), v.page},
                {QStringLiteral("started_at"), isoMs(v.startedAt)},
                {QStringLiteral("duration_ms"), v.durationMs}, {QStringLiteral("mode"), m_context.mode}};
            if (!v.reaction.isEmpty())
                fields.insert(QStringLiteral("reaction"), v.reaction);
            if (m_context.mode == QLatin1String("in_call") && named(v.startedAt)) {
                fields.insert(QStringLiteral("hcp_id"), m_context.hcpId);
                if (!m_context.visitId.isEmpty())
                    fields.insert(QStringLiteral("visit_id"), m_context.visitId);
            }
            const WriteResult w = m_store->create(kEntity, fields);
            if (!w.ok) {
                failure = w.field.isEmpty() ? w.error : QStringLiteral("%1: %2").arg(w.field, w.error);
                break;
            }
            ids << w.id;
        }
        if (failure.isEmpty() && !batch.commit(&failure) && failure.isEmpty())
            failure = batch.error();
    }
    m_lastWriteMicros = timer.nsecsElapsed() / 1000;
    if (!failure.isEmpty()) {
        qCWarning(lcStore) << "page views not written yet:" << failure;
        if (error)
            *error = failure;
        emit writeFailed(failure);
        return false;
    }
    m_written += int(ids.size());
    m_queue.clear();
    emit viewsWritten(ids);
    return true;
}

bool ContentViews::forVisit(
    Store *store, const QString &visitId, QList<ContentViewRecord> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    const QString where = visitId.isEmpty() ? QString() : QStringLiteral(" WHERE visit_id = ?1");
    if (!readRows(store,
            QStringLiteral("SELECT material_id, material_version, page, started_at, duration_ms, reaction "
                           "FROM content_view%1 ORDER BY started_at, id")
                .arg(where),
            visitId.isEmpty() ? QVariantList() : QVariantList {visitId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows)) {
        ContentViewRecord v;
        v.materialId = r.value(0).toString();
        v.materialVersion = r.value(1).toInt();
        v.page = r.value(2).toInt();
        v.startedAt = parsedTime(r.value(3).toString());
        v.durationMs = r.value(4).toLongLong();
        v.reaction = r.value(5).toString();
        out->append(v);
    }
    return true;
}

bool ContentViews::proposedDetails(
    Store *store, const QString &visitId, QList<ProposedDetail> *out, QString *error)
{
    out->clear();
    if (visitId.isEmpty())
        return true;
    QList<ContentViewRecord> views;
    if (!forVisit(store, visitId, &views, error))
        return false;
    QHash<QString, QList<MaterialKeyMessage>> messagesOf; // per material, read once
    QHash<QString, qsizetype> index; // key message id -> position in *out
    for (const ContentViewRecord &v : std::as_const(views)) {
        const QJsonValue reaction = v.reaction.isEmpty() ? QJsonValue() : QJsonValue(v.reaction);
        if (!protocol::content::countsAsViewed(v.durationMs, reaction))
            continue;
        if (!messagesOf.contains(v.materialId)) {
            QList<MaterialKeyMessage> messages;
            if (!MaterialQueries::keyMessages(store, v.materialId, &messages, error))
                return false;
            messagesOf.insert(v.materialId, messages);
        }
        const QString given = v.reaction.isEmpty() ? QStringLiteral("neutral") : v.reaction;
        for (const MaterialKeyMessage &m : messagesOf.value(v.materialId)) {
            if (m.page != 0 && m.page != v.page)
                continue;
            const auto found = index.constFind(m.keyMessageId);
            if (found == index.constEnd()) {
                index.insert(m.keyMessageId, out->size());
                out->append({m.keyMessageId, m.text, m.productId, given, v.materialId, m.page, v.startedAt});
                continue;
            }
            ProposedDetail &d = (*out)[*found];
            // The strongest wins, and of equally strong ones the last: a later "positive" after a
            // "negative" is what the HCP ended up with; a page shown without a reaction changes nothing.
            if (!v.reaction.isEmpty() && strength(v.reaction) >= strength(d.reaction))
                d.reaction = v.reaction;
        }
    }
    return true;
}

} // namespace rounds
