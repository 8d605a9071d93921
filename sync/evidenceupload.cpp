#include "sync/evidenceupload.h"

#include "models/filereferences.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "sync/filetransfer.h"
#include "sync/log.h"

#include <QFileInfo>
#include <QSet>

namespace rounds::evidenceupload {

int run(Store &store, ApiClient &api)
{
    QString error;
    const QStringList references = filereferences::all(&store, &error);
    if (!error.isEmpty()) {
        qCWarning(lcSync).noquote() << "cannot list the files to upload:" << error;
        return 0;
    }
    QSet<QString> complete;
    for (const FileStateRow &row : store.fileStates()) {
        if (row.state == QLatin1String("complete"))
            complete.insert(row.sha256);
    }
    const QString folder = evidence::folderFor(store.path());
    FileTransfer transfer(api);
    transfer.setStore(&store);
    int sent = 0;
    for (const QString &reference : references) {
        const QString sha256 = evidence::hashOf(reference);
        const QString path = folder + QLatin1Char('/') + sha256;
        if (sha256.isEmpty() || complete.contains(sha256) || !QFileInfo::exists(path))
            continue; // another laptop's file (downloaded or not), or sent already
        const FileTransferResult r = transfer.upload(path, sha256);
        if (r.ok)
            ++sent;
        else
            qCWarning(lcSync).noquote() << "file" << sha256 << "not uploaded:" << r.error;
    }
    if (sent > 0)
        qCInfo(lcSync) << "uploaded" << sent << "file(s)";
    return sent;
}

} // namespace rounds::evidenceupload
