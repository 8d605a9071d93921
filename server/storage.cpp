#include "server/storage.h"

#include "common/protocol/files.h"

namespace rounds::server {

QStringList StoreReader::fileReferences(const QString &entity, const QString &field, const QString &sha256)
{
    QStringList ids;
    scan(entity, [&](const StoredRecord &r) {
        if (protocol::files::sha256Of(r.record.fields.value(field).toString()) == sha256)
            ids << r.record.id;
    });
    return ids;
}

} // namespace rounds::server
