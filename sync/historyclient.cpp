#include "sync/historyclient.h"

namespace rounds {

namespace {

HistoryResult failure(const ApiError &e)
{
    HistoryResult r;
    r.message = e.message;
    switch (e.kind) {
    case ApiError::Network:
    case ApiError::Tls:
    case ApiError::Cancelled:
        r.status = HistoryResult::Offline;
        break;
    case ApiError::Unauthorized:
        r.status = HistoryResult::SignedOut;
        break;
    default:
        r.status = e.httpStatus == 404 && e.code == QLatin1String("not_found") ? HistoryResult::Unknown
                                                                               : HistoryResult::Failed;
        if (r.status == HistoryResult::Unknown)
            r.message
                = HistoryClient::tr("The server has no history of this record that you may read (it may "
                                    "not be synced yet).");
    }
    return r;
}

} // namespace

HistoryResult HistoryClient::fetch(const QString &entity, const QString &id, int maxEntries)
{
    HistoryResult result;
    result.page.entity = entity;
    result.page.id = id;
    qint64 after = 0;
    for (;;) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("entity"), entity);
        query.addQueryItem(QStringLiteral("id"), id);
        query.addQueryItem(QStringLiteral("after"), QString::number(after));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("200"));
        const ApiResponse response = m_api.get(QStringLiteral("/api/v1/history"), query);
        if (!response.ok())
            return failure(response.error);
        QString error;
        const std::optional<protocol::HistoryPage> page
            = protocol::HistoryPage::fromJson(response.body, &error);
        if (!page) {
            result.status = HistoryResult::Failed;
            result.message = tr("The server's answer is not a history: %1").arg(error);
            return result;
        }
        result.page.entries += page->entries;
        result.page.nextAfter = page->nextAfter;
        // A page that does not move the cursor would loop for ever.
        if (!page->more || page->nextAfter <= after)
            break;
        if (result.page.entries.size() >= maxEntries) {
            result.truncated = true;
            result.page.more = true;
            break;
        }
        after = page->nextAfter;
    }
    result.status = HistoryResult::Ok;
    return result;
}

} // namespace rounds
