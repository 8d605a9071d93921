#include "models/localfiles.h"

#include "models/meetingrepository.h"

#include <QFileInfo>
#include <QStringList>

namespace rounds::localfiles {

QString downloadFolderFor(const QString &databasePath)
{
    return QFileInfo(databasePath).absolutePath() + QStringLiteral("/files");
}

QString downloadPathFor(const QString &databasePath, const QString &sha256)
{
    return downloadFolderFor(databasePath) + QLatin1Char('/') + sha256;
}

QString existingPathOf(const QString &databasePath, const QString &sha256)
{
    if (sha256.isEmpty())
        return {};
    const QStringList candidates {
        downloadPathFor(databasePath, sha256), QString(evidence::folderFor(databasePath) + u'/' + sha256)};
    for (const QString &candidate : candidates) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

} // namespace rounds::localfiles
