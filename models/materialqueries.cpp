#include "models/materialqueries.h"

#include "common/protocol/files.h"
#include "models/localfiles.h"
#include "models/sqlrows.h"

#include <QJsonObject>

namespace rounds {

using protocol::content::Availability;

namespace {

const QString kLatestSeen = QStringLiteral("clock.latest_seen");

QDateTime parsedTime(const QString &text)
{
    const QDateTime t = QDateTime::fromString(text, Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

const QString kColumns = QStringLiteral(
    "m.id, m.title, m.product_id, p.name, m.kind, m.language, m.material_version, m.supersedes, "
    "m.approval_code, m.status, m.valid_from, m.valid_to, m.file, m.file_size, m.thumbnail, m.page_count, "
    "m.description");

MaterialItem itemOf(const QVariantList &r, const QString &databasePath, const QDate &day)
{
    MaterialItem m;
    m.id = r.value(0).toString();
    m.title = r.value(1).toString();
    m.productId = r.value(2).toString();
    m.productName = r.value(3).toString();
    m.kind = r.value(4).toString();
    m.language = r.value(5).toString();
    m.version = r.value(6).isValid() ? r.value(6).toInt() : 1;
    m.supersedes = r.value(7).toString();
    m.approvalCode = r.value(8).toString();
    m.status = r.value(9).toString();
    m.validFrom = QDate::fromString(r.value(10).toString(), Qt::ISODate);
    m.validTo = QDate::fromString(r.value(11).toString(), Qt::ISODate);
    m.fileRef = r.value(12).toString();
    m.sha256 = protocol::files::sha256Of(m.fileRef);
    m.fileSize = r.value(13).toLongLong();
    m.thumbnailSha256 = protocol::files::sha256Of(r.value(14).toString());
    m.pageCount = r.value(15).toInt();
    m.description = r.value(16).toString();
    m.localPath = localfiles::existingPathOf(databasePath, m.sha256);
    QJsonObject fields {{QStringLiteral("status"), m.status}};
    if (m.validFrom.isValid())
        fields.insert(QStringLiteral("valid_from"), m.validFrom.toString(Qt::ISODate));
    if (m.validTo.isValid())
        fields.insert(QStringLiteral("valid_to"), m.validTo.toString(Qt::ISODate));
    m.availability = protocol::content::availability(fields, day);
    return m;
}

QString productFilter(const QStringList &productIds, QVariantList *binds)
{
    if (productIds.isEmpty())
        return {};
    QStringList marks;
    for (const QString &id : productIds) {
        binds->append(id);
        marks << QStringLiteral("?%1").arg(binds->size());
    }
    return QStringLiteral(" WHERE m.product_id IN (%1)").arg(marks.join(QLatin1Char(',')));
}

QDate dayOr(Store *store, const QDate &day)
{
    return day.isValid() ? day : MaterialQueries::trustedNow(store).toLocalTime().date();
}

bool select(Store *store, const QString &where, const QVariantList &binds, const QDate &day,
    QList<MaterialItem> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT %1 FROM material m LEFT JOIN product p ON p.id = m.product_id%2 "
                           "ORDER BY p.name, m.title, m.material_version DESC, m.id")
                .arg(kColumns, where),
            binds, &rows, error))
        return false;
    const QString path = store->path();
    for (const QVariantList &r : std::as_const(rows))
        out->append(itemOf(r, path, day));
    return true;
}

} // namespace

QDateTime MaterialQueries::trustedNow(Store *store, const QDateTime &localNow)
{
    QDateTime latest = parsedTime(store ? store->meta(kLatestSeen) : QString());
    if (store && store->isOpen()) {
        QVariant newest;
        QString ignored;
        if (readValue(store,
                QStringLiteral("SELECT max(t) FROM (SELECT max(updated_at) AS t FROM material "
                               "UNION ALL SELECT max(updated_at) FROM setting)"),
                {}, &newest, &ignored)) {
            const QDateTime pulled = parsedTime(newest.toString());
            if (pulled.isValid() && (!latest.isValid() || pulled > latest))
                latest = pulled;
        }
    }
    const QDateTime now = protocol::content::trustedNow(localNow.toUTC(), latest);
    if (store && store->isOpen() && now != latest)
        store->setMeta(kLatestSeen, now.toString(Qt::ISODateWithMs));
    return now;
}

bool MaterialQueries::list(
    Store *store, const QStringList &productIds, const QDate &day, QList<MaterialItem> *out, QString *error)
{
    QVariantList binds;
    const QString where = productFilter(productIds, &binds);
    return select(store, where, binds, dayOr(store, day), out, error);
}

bool MaterialQueries::presentable(
    Store *store, const QStringList &productIds, const QDate &day, QList<MaterialItem> *out, QString *error)
{
    QList<MaterialItem> all;
    if (!list(store, productIds, day, &all, error))
        return false;
    out->clear();
    for (const MaterialItem &m : std::as_const(all)) {
        if (m.presentable())
            out->append(m);
    }
    return true;
}

bool MaterialQueries::byId(
    Store *store, const QString &materialId, const QDate &day, MaterialItem *out, QString *error)
{
    QList<MaterialItem> found;
    if (!select(store, QStringLiteral(" WHERE m.id = ?1"), {materialId}, dayOr(store, day), &found, error))
        return false;
    if (found.isEmpty()) {
        if (error)
            *error = QStringLiteral("no material %1").arg(materialId);
        return false;
    }
    *out = found.first();
    return true;
}

bool MaterialQueries::keyMessages(
    Store *store, const QString &materialId, QList<MaterialKeyMessage> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral("SELECT mk.key_message_id, k.text, k.product_id, coalesce(mk.page, 0) FROM "
                           "material_key_message mk JOIN key_message k ON k.id = mk.key_message_id WHERE "
                           "mk.material_id = ?1 ORDER BY coalesce(mk.page, 0), k.text"),
            {materialId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toInt()});
    return true;
}

} // namespace rounds
