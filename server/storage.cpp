#include "server/storage.h"

#include "common/protocol/files.h"

#include "common/protocol/values.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace rounds::server {

QString jsonText(const QJsonValue &v)
{
    if (v.isUndefined())
        return {};
    const QByteArray doc = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(doc.mid(1, doc.size() - 2));
}

QJsonValue parseJsonText(const QString &text)
{
    if (text.isNull())
        return QJsonValue(QJsonValue::Null);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"));
    return doc.isArray() && !doc.array().isEmpty() ? doc.array().first() : QJsonValue(QJsonValue::Null);
}

bool setNewEpoch(Storage &storage, QString *error)
{
    return storage.write(
        [](StoreWriter &w) {
            w.setMeta(QStringLiteral("epoch"), protocol::newUuid());
            return true;
        },
        error);
}

QStringList StoreReader::fileReferences(const QString &entity, const QString &field, const QString &sha256)
{
    QStringList ids;
    scan(entity, [&](const StoredRecord &r) {
        if (protocol::files::sha256Of(r.record.fields.value(field).toString()) == sha256)
            ids << r.record.id;
    });
    return ids;
}

QList<QPair<QString, QString>> StoreReader::fileReferrerBuckets(const QString &sha256)
{
    QList<QPair<QString, QString>> out;
    for (const auto &[entity, field] : protocol::files::referenceFields()) {
        for (const QString &id : fileReferences(entity, field, sha256)) {
            for (const QString &bucket : buckets(entity, id)) {
                if (!out.contains(qMakePair(entity, bucket)))
                    out.append({entity, bucket});
            }
        }
    }
    return out;
}

QList<QPair<QString, QString>> referencedFiles(const StoredRecord &record)
{
    QList<QPair<QString, QString>> out;
    if (record.deleted)
        return out;
    for (const auto &[entity, field] : protocol::files::referenceFields()) {
        if (entity != record.entity)
            continue;
        const QString sha256 = protocol::files::sha256Of(record.record.fields.value(field).toString());
        if (!sha256.isEmpty())
            out.append({field, sha256});
    }
    return out;
}

bool holdsFileReferences(const QString &entity)
{
    static const QSet<QString> entities = [] {
        QSet<QString> names;
        for (const auto &pair : protocol::files::referenceFields())
            names.insert(pair.first);
        return names;
    }();
    return entities.contains(entity);
}

} // namespace rounds::server
