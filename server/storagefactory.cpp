#include "server/storagefactory.h"

#include "server/pgstorage.h"
#include "server/sqlitestorage.h"

namespace rounds::server {

bool isDatabaseUrl(const QString &dataDirOrUrl)
{
    return dataDirOrUrl.startsWith(QLatin1String("postgresql://"))
        || dataDirOrUrl.startsWith(QLatin1String("postgres://"));
}

std::unique_ptr<Storage> openStorage(const QString &dataDirOrUrl, bool create, QString *error)
{
    if (isDatabaseUrl(dataDirOrUrl))
        return PgStorage::open(dataDirOrUrl, create, error);
    return SqliteStorage::open(dataDirOrUrl, create, error);
}

} // namespace rounds::server
