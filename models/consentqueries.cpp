#include "models/consentqueries.h"

#include "common/protocol/errors.h"
#include "models/companysettings.h"
#include "models/sqlrows.h"

#include <QHash>

#include <QJsonObject>
#include <QSet>
#include <algorithm>

namespace rounds {

using namespace protocol::consent;

namespace {

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

} // namespace

bool ConsentQueries::rules(Store *store, Rules *out, QString *error)
{
    QJsonValue required;
    QJsonValue validity;
    QJsonValue warning;
    if (!CompanySettings::newest(store, RequiredKey, &required, error)
        || !CompanySettings::newest(store, ValidityDaysKey, &validity, error)
        || !CompanySettings::newest(store, WarningDaysKey, &warning, error))
        return false;
    *out = Rules::fromSettings(required, validity, warning);
    return true;
}

bool ConsentQueries::records(Store *store, const QString &hcpId, QList<Record> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT id, channel, product_id, status, captured_at, source, evidence, expires_at "
                "FROM consent WHERE hcp_id = ?1"),
            {hcpId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows)) {
        const QJsonObject f {{QStringLiteral("hcp_id"), hcpId},
            {QStringLiteral("channel"), r.value(1).toString()},
            {QStringLiteral("product_id"), r.value(2).toString()},
            {QStringLiteral("status"), r.value(3).toString()},
            {QStringLiteral("captured_at"), r.value(4).toString()},
            {QStringLiteral("source"), r.value(5).toString()},
            {QStringLiteral("evidence"), r.value(6).toString()},
            {QStringLiteral("expires_at"),
                r.value(7).isValid() ? QJsonValue(r.value(7).toString()) : QJsonValue()}};
        out->append(Record::fromFields(r.value(0).toString(), f));
    }
    return true;
}

bool ConsentQueries::verdict(Store *store, const QString &hcpId, const QString &channel, const QDateTime &at,
    Verdict *out, QString *error)
{
    Rules r;
    QList<Record> recs;
    if (!rules(store, &r, error) || !records(store, hcpId, &recs, error))
        return false;
    *out = judge(recs, hcpId, channel, {}, at.isValid() ? at : QDateTime::currentDateTimeUtc(), r);
    return true;
}

bool ConsentQueries::lines(
    Store *store, const QString &hcpId, const QDateTime &now, QList<ConsentLine> *out, QString *error)
{
    out->clear();
    Rules r;
    QList<Record> recs;
    QList<QVariantList> products;
    if (!rules(store, &r, error) || !records(store, hcpId, &recs, error)
        || !readRows(store,
            QStringLiteral(
                "SELECT DISTINCT c.product_id, coalesce(p.name, c.product_id) FROM consent c LEFT JOIN "
                "product p ON p.id = c.product_id WHERE c.hcp_id = ?1 AND c.product_id IS NOT NULL "
                "ORDER BY 2"),
            {hcpId}, &products, error))
        return false;
    for (const QString &channel : channels()) {
        // The channel as a whole: product-wide records only, so one product's grant does not read as all.
        QList<Record> wide;
        for (const Record &c : std::as_const(recs)) {
            if (c.productId.isEmpty())
                wide << c;
        }
        ConsentLine line {channel, {}, {}, judge(wide, hcpId, channel, {}, now, r), false};
        line.expiringSoon = expiringSoon(line.verdict, now, r);
        out->append(line);
        for (const QVariantList &p : std::as_const(products)) {
            const QString productId = p.value(0).toString();
            bool has = false;
            for (const Record &c : std::as_const(recs))
                has = has || (c.channel == channel && c.productId == productId);
            if (!has)
                continue;
            ConsentLine pl {channel, productId, p.value(1).toString(),
                judge(recs, hcpId, channel, productId, now, r), false};
            pl.expiringSoon = expiringSoon(pl.verdict, now, r);
            out->append(pl);
        }
    }
    return true;
}

bool ConsentQueries::expiring(
    Store *store, const QDateTime &now, int limit, QList<ExpiringConsent> *out, QString *error)
{
    out->clear();
    Rules r;
    if (!rules(store, &r, error))
        return false;
    // Candidates: granted records whose expiry falls in the window; the rule then checks each is still the
    // one in force (not renewed or withdrawn since).
    const QString from = iso(now);
    const QString to = iso(now.addDays(r.warningDays));
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT c.hcp_id, h.full_name FROM consent c JOIN hcp h ON h.id = c.hcp_id WHERE c.status = "
                "'granted' AND coalesce(c.expires_at, strftime('%Y-%m-%dT%H:%M:%fZ', c.captured_at, ?3)) > "
                "?1 "
                "AND coalesce(c.expires_at, strftime('%Y-%m-%dT%H:%M:%fZ', c.captured_at, ?3)) <= ?2 "
                "GROUP BY c.hcp_id ORDER BY min(coalesce(c.expires_at, c.captured_at)) LIMIT 500"),
            {from, to, QStringLiteral("+%1 days").arg(r.validityDays)}, &rows, error))
        return false;
    for (const QVariantList &row : std::as_const(rows)) {
        QList<ConsentLine> ls;
        if (!lines(store, row.value(0).toString(), now, &ls, error))
            return false;
        for (const ConsentLine &l : std::as_const(ls)) {
            if (l.expiringSoon)
                out->append(ExpiringConsent {row.value(0).toString(), row.value(1).toString(), l.channel,
                    l.productName, l.verdict.expiresAt});
        }
    }
    std::stable_sort(out->begin(), out->end(),
        [](const ExpiringConsent &a, const ExpiringConsent &b) { return a.expiresAt < b.expiresAt; });
    if (out->size() > limit)
        out->resize(limit);
    return true;
}

WriteResult ConsentQueries::capture(Store *store, const ConsentCapture &c)
{
    Rules r;
    QString error;
    if (!rules(store, &r, &error)) {
        WriteResult w;
        w.error = error;
        return w;
    }
    const QDateTime captured = c.capturedAt.isValid() ? c.capturedAt : QDateTime::currentDateTimeUtc();
    QJsonObject f {{QStringLiteral("hcp_id"), c.hcpId}, {QStringLiteral("channel"), c.channel},
        {QStringLiteral("product_id"), textOrNull(c.productId)},
        {QStringLiteral("status"), c.granted ? QStringLiteral("granted") : QStringLiteral("withdrawn")},
        {QStringLiteral("captured_at"), iso(captured)}, {QStringLiteral("source"), c.source},
        {QStringLiteral("evidence"), textOrNull(c.evidence.trimmed())},
        {QStringLiteral("expires_at"),
            c.granted
                ? QJsonValue(iso(c.expiresAt.isValid() ? c.expiresAt : captured.addDays(r.validityDays)))
                : QJsonValue(QJsonValue::Null)}};
    const WriteResult w = store->create(QStringLiteral("consent"), f);
    if (w.ok && c.granted)
        resendRefused(store, c.hcpId, c.channel);
    return w;
}

int ConsentQueries::resendRefused(Store *store, const QString &hcpId, const QString &channel)
{
    int resent = 0;
    for (const OutboxMutation &m : store->outbox()) {
        if (m.state != QLatin1String("rejected")
            || m.errorCode != QLatin1String(protocol::ErrorCode::ConsentRequired))
            continue;
        const std::optional<protocol::Record> r = store->record(m.entity, m.recordId);
        const std::optional<Contact> contact = r ? contactOf(m.entity, r->fields) : std::nullopt;
        if (contact && contact->hcpId == hcpId && contact->channel == channel
            && store->resendRejected(m.mutationId))
            ++resent;
    }
    return resent;
}

} // namespace rounds
