#include "models/library.h"

#include "models/meetingrepository.h"
#include "models/sqlrows.h"
#include "models/store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTemporaryDir>

namespace rounds::library {

namespace {

Result fromWrite(const WriteResult &w)
{
    return Result {w.ok, w.id, w.error, w.field};
}

Result failed(const QString &error, const QString &field = {})
{
    return Result {false, {}, error, field};
}

QString dateText(const QDate &d)
{
    return d.toString(Qt::ISODate);
}

// The key message a link names: the existing one, or a new one of `productId` (one per text: a text typed
// twice, or one the product has already, is that key message).
QString keyMessageFor(Store *store, const QString &productId, const KeyMessageLink &link, Result *error)
{
    if (!link.keyMessageId.isEmpty())
        return link.keyMessageId;
    const QString text = link.newText.trimmed();
    QList<KeyMessageRow> known;
    QString problem;
    keyMessages(store, productId, &known, &problem);
    for (const KeyMessageRow &k : std::as_const(known)) {
        if (k.text == text)
            return k.id;
    }
    const Result r = addKeyMessage(store, productId, text);
    if (!r.ok)
        *error = r;
    return r.id;
}

Result writeLinks(
    Store *store, const QString &materialId, const QString &productId, const QList<KeyMessageLink> &links)
{
    for (const KeyMessageLink &link : links) {
        Result error;
        const QString keyMessageId = keyMessageFor(store, productId, link, &error);
        if (keyMessageId.isEmpty())
            return error.error.isEmpty() ? failed(QStringLiteral("a key message has no text")) : error;
        const WriteResult w = store->create(QStringLiteral("material_key_message"),
            QJsonObject {{QStringLiteral("material_id"), materialId},
                {QStringLiteral("key_message_id"), keyMessageId},
                {QStringLiteral("page"), link.page > 0 ? QJsonValue(link.page) : QJsonValue()}});
        if (!w.ok)
            return fromWrite(w);
    }
    return Result {true, materialId, {}, {}};
}

} // namespace

bool products(Store *store, QList<ProductRow> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT id, name, therapeutic_area, coalesce(active, 1) FROM product ORDER BY name, id"),
            {}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toBool()});
    return true;
}

bool keyMessages(Store *store, const QString &productId, QList<KeyMessageRow> *out, QString *error)
{
    out->clear();
    QList<QVariantList> rows;
    if (!readRows(store,
            QStringLiteral(
                "SELECT id, product_id, text, coalesce(active, 1) FROM key_message WHERE product_id = ?1 "
                "ORDER BY text, id"),
            {productId}, &rows, error))
        return false;
    for (const QVariantList &r : std::as_const(rows))
        out->append(
            {r.value(0).toString(), r.value(1).toString(), r.value(2).toString(), r.value(3).toBool()});
    return true;
}

Result createMaterial(Store *store, const MaterialDraft &d)
{
    if (d.sourceFile.isEmpty() || !QFileInfo(d.sourceFile).isReadable())
        return failed(QStringLiteral("choose a PDF or an image to upload"), QStringLiteral("file"));
    if (d.title.trimmed().isEmpty())
        return failed(QStringLiteral("a material needs a title"), QStringLiteral("title"));
    if (d.productId.isEmpty())
        return failed(QStringLiteral("a material belongs to a product"), QStringLiteral("product_id"));
    if (d.validFrom.isValid() && d.validTo.isValid() && d.validTo < d.validFrom)
        return failed(QStringLiteral("valid to lies before valid from"), QStringLiteral("valid_to"));
    for (const KeyMessageLink &k : d.keyMessages) {
        if (k.page < 0 || k.page > d.pageCount)
            return failed(
                QStringLiteral("page %1 is not a page of the file (1 to %2)").arg(k.page).arg(d.pageCount),
                QStringLiteral("page"));
        if (k.keyMessageId.isEmpty() && k.newText.trimmed().isEmpty())
            return failed(QStringLiteral("a key message has no text"), QStringLiteral("key_message_id"));
    }
    const evidence::Stored file = evidence::store(store->path(), d.sourceFile);
    if (!file.ok)
        return failed(file.error, QStringLiteral("file"));
    QJsonObject fields {{QStringLiteral("title"), d.title.trimmed()},
        {QStringLiteral("product_id"), d.productId}, {QStringLiteral("kind"), d.kind},
        {QStringLiteral("language"), d.language}, {QStringLiteral("material_version"), d.version},
        {QStringLiteral("status"), QStringLiteral("draft")}, {QStringLiteral("file"), file.reference},
        {QStringLiteral("file_size"), d.fileSize}, {QStringLiteral("page_count"), d.pageCount},
        {QStringLiteral("supersedes"), d.supersedes.isEmpty() ? QJsonValue() : QJsonValue(d.supersedes)},
        {QStringLiteral("approval_code"),
            d.approvalCode.isEmpty() ? QJsonValue() : QJsonValue(d.approvalCode)},
        {QStringLiteral("description"), d.description.isEmpty() ? QJsonValue() : QJsonValue(d.description)},
        {QStringLiteral("valid_from"),
            d.validFrom.isValid() ? QJsonValue(dateText(d.validFrom)) : QJsonValue()},
        {QStringLiteral("valid_to"), d.validTo.isValid() ? QJsonValue(dateText(d.validTo)) : QJsonValue()}};
    if (!d.thumbnailPng.isEmpty()) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("thumbnail.png"));
        QFile png(path);
        if (dir.isValid() && png.open(QIODevice::WriteOnly)
            && png.write(d.thumbnailPng) == d.thumbnailPng.size()) {
            png.close();
            const evidence::Stored thumb = evidence::store(store->path(), path);
            if (thumb.ok)
                fields.insert(QStringLiteral("thumbnail"), thumb.reference);
        }
    }
    const WriteResult w = store->create(QStringLiteral("material"), fields);
    if (!w.ok)
        return fromWrite(w);
    return writeLinks(store, w.id, d.productId, d.keyMessages);
}

Result approve(Store *store, const QString &materialId)
{
    const std::optional<protocol::Record> m = store->record(QStringLiteral("material"), materialId);
    if (!m)
        return failed(QStringLiteral("no material %1").arg(materialId));
    const WriteResult w = store->update(
        QStringLiteral("material"), materialId, {{QStringLiteral("status"), QStringLiteral("approved")}});
    if (!w.ok)
        return fromWrite(w);
    const QString old = m->fields.value(QLatin1String("supersedes")).toString();
    if (!old.isEmpty()) {
        const std::optional<protocol::Record> previous = store->record(QStringLiteral("material"), old);
        if (previous
            && previous->fields.value(QLatin1String("status")).toString() == QLatin1String("approved")) {
            const Result r = withdraw(store, old);
            if (!r.ok)
                return r;
        }
    }
    return Result {true, materialId, {}, {}};
}

Result withdraw(Store *store, const QString &materialId)
{
    return fromWrite(store->update(
        QStringLiteral("material"), materialId, {{QStringLiteral("status"), QStringLiteral("withdrawn")}}));
}

Result setKeyMessages(
    Store *store, const QString &materialId, const QString &productId, const QList<KeyMessageLink> &links)
{
    QList<QVariantList> rows;
    QString error;
    if (!readRows(store, QStringLiteral("SELECT id FROM material_key_message WHERE material_id = ?1"),
            {materialId}, &rows, &error))
        return failed(error);
    for (const QVariantList &r : std::as_const(rows)) {
        const WriteResult w = store->remove(QStringLiteral("material_key_message"), r.value(0).toString());
        if (!w.ok)
            return fromWrite(w);
    }
    return writeLinks(store, materialId, productId, links);
}

Result addProduct(Store *store, const QString &name, const QString &therapeuticArea)
{
    if (name.trimmed().isEmpty())
        return failed(QStringLiteral("a product needs a name"), QStringLiteral("name"));
    return fromWrite(store->create(QStringLiteral("product"),
        {{QStringLiteral("name"), name.trimmed()},
            {QStringLiteral("therapeutic_area"),
                therapeuticArea.trimmed().isEmpty() ? QJsonValue() : QJsonValue(therapeuticArea.trimmed())},
            {QStringLiteral("active"), true}}));
}

Result renameProduct(Store *store, const QString &productId, const QString &name)
{
    if (name.trimmed().isEmpty())
        return failed(QStringLiteral("a product needs a name"), QStringLiteral("name"));
    return fromWrite(
        store->update(QStringLiteral("product"), productId, {{QStringLiteral("name"), name.trimmed()}}));
}

Result setProductActive(Store *store, const QString &productId, bool active)
{
    return fromWrite(
        store->update(QStringLiteral("product"), productId, {{QStringLiteral("active"), active}}));
}

Result addKeyMessage(Store *store, const QString &productId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return failed(QStringLiteral("a key message needs a text"), QStringLiteral("text"));
    return fromWrite(store->create(QStringLiteral("key_message"),
        {{QStringLiteral("product_id"), productId}, {QStringLiteral("text"), text.trimmed()},
            {QStringLiteral("active"), true}}));
}

Result renameKeyMessage(Store *store, const QString &keyMessageId, const QString &text)
{
    if (text.trimmed().isEmpty())
        return failed(QStringLiteral("a key message needs a text"), QStringLiteral("text"));
    return fromWrite(store->update(
        QStringLiteral("key_message"), keyMessageId, {{QStringLiteral("text"), text.trimmed()}}));
}

Result setKeyMessageActive(Store *store, const QString &keyMessageId, bool active)
{
    return fromWrite(
        store->update(QStringLiteral("key_message"), keyMessageId, {{QStringLiteral("active"), active}}));
}

} // namespace rounds::library
