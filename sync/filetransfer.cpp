#include "sync/filetransfer.h"

#include "common/protocol/files.h"
#include "models/store.h"
#include "sync/apiclient.h"
#include "sync/log.h"

#include <QCryptographicHash>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

#include <memory>

namespace rounds {

namespace {

QString filePath(const QString &sha256)
{
    return QStringLiteral("/api/v1/files/") + sha256;
}

// Waits for a reply; `onData` (if any) sees the body as it arrives. A cancel of `api` (from any thread:
// sign-out, quit, the download queue pausing offline) aborts the reply within a tenth of a second.
void wait(const ApiClient &api, QNetworkReply *reply, const std::function<void()> &onData = {})
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (onData)
        QObject::connect(reply, &QIODevice::readyRead, &loop, onData);
    // After the data is taken: a cancel set while it was written stops the rest at once.
    QObject::connect(reply, &QIODevice::readyRead, &loop, [&api, reply] {
        if (api.isCancelled())
            reply->abort();
    });
    QTimer poll;
    poll.setInterval(100);
    QObject::connect(&poll, &QTimer::timeout, reply, [&api, reply] {
        if (api.isCancelled())
            reply->abort();
    });
    poll.start();
    if (api.isCancelled())
        reply->abort();
    if (!reply->isFinished())
        loop.exec();
}

int statusOf(QNetworkReply *reply)
{
    return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
}

// The reason of a failed request: the server's error message, else the network's.
QString failure(QNetworkReply *reply, const QByteArray &body)
{
    const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
    const QString message = error.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return QStringLiteral("%1 (%2)").arg(message).arg(statusOf(reply));
    return reply->errorString();
}

} // namespace

FileTransfer::FileTransfer(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{ }

void FileTransfer::record(
    const QString &sha256, qint64 size, const char *state, qint64 bytes, const QString &error)
{
    if (!m_store)
        return;
    FileStateRow row;
    row.sha256 = sha256;
    row.size = size;
    row.state = QString::fromLatin1(state);
    row.bytes = bytes;
    row.lastError = error;
    QString problem;
    if (!m_store->putFileState(row, true, &problem))
        qCWarning(lcSync).noquote() << "cannot record the state of file" << sha256 << ":" << problem;
}

QString FileTransfer::sha256OfFile(const QString &path, QString *error)
{
    QFile f(path);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!f.open(QIODevice::ReadOnly) || !hash.addData(&f)) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return {};
    }
    return QString::fromLatin1(hash.result().toHex());
}

FileTransferResult FileTransfer::upload(const QString &path, QString sha256)
{
    FileTransferResult r;
    if (sha256.isEmpty())
        sha256 = sha256OfFile(path, &r.error);
    if (!protocol::files::isSha256(sha256)) {
        if (r.error.isEmpty())
            r.error = QStringLiteral("'%1' is not a SHA-256").arg(sha256);
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return r;
    }
    r.size = file.size();

    std::unique_ptr<QNetworkReply> head(m_api.network()->head(m_api.makeRequest(filePath(sha256))));
    wait(m_api, head.get());
    r.httpStatus = statusOf(head.get());
    if (r.httpStatus != 200) {
        r.error = failure(head.get(), head->readAll());
        record(sha256, r.size, "missing", 0, r.error);
        return r;
    }
    const QByteArray state = head->rawHeader("Rounds-File-State");
    qint64 offset = 0;
    if (state == "complete") {
        r.ok = true;
        r.resumedFrom = r.size;
        record(sha256, r.size, "complete", r.size, {});
        emit progress(r.size, r.size);
        return r;
    }
    if (state == "partial" && head->rawHeader("Rounds-File-Size").toLongLong() == r.size)
        offset = head->rawHeader("Rounds-File-Offset").toLongLong();
    r.resumedFrom = offset;
    if (offset > 0)
        qCInfo(lcSync).noquote() << "upload of" << sha256 << "resumes at" << offset << "of" << r.size;

    int redirects = 0;
    do {
        if (!file.seek(offset)) {
            r.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return r;
        }
        const QByteArray chunk = file.read(std::min(m_chunkBytes, r.size - offset));
        if (chunk.size() != std::min(m_chunkBytes, r.size - offset)) {
            r.error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
            return r;
        }
        QNetworkRequest request = m_api.makeRequest(filePath(sha256));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        if (r.size > 0)
            request.setRawHeader("Content-Range",
                "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(offset + chunk.size() - 1)
                    + '/' + QByteArray::number(r.size));
        std::unique_ptr<QNetworkReply> put(m_api.network()->put(request, chunk));
        wait(m_api, put.get());
        r.httpStatus = statusOf(put.get());
        const QByteArray body = put->readAll();
        if (r.httpStatus == 409 && ++redirects <= 3) {
            // Someone else's chunk of the same file got there first: go on from where the server is.
            offset = put->rawHeader("Rounds-File-Offset").toLongLong();
            continue;
        }
        if (r.httpStatus != 200) {
            r.error = failure(put.get(), body);
            record(sha256, r.size, offset > 0 ? "partial" : "missing", offset, r.error);
            return r;
        }
        const QJsonObject answer = QJsonDocument::fromJson(body).object();
        offset = answer.value(QLatin1String("offset")).toInteger();
        const bool complete = answer.value(QLatin1String("state")).toString() == QLatin1String("complete");
        record(sha256, r.size, complete ? "complete" : "partial", offset, {});
        emit progress(offset, r.size);
        if (complete)
            break;
    } while (offset < r.size);
    r.ok = true;
    return r;
}

FileTransferResult FileTransfer::download(const QString &sha256, const QString &target)
{
    FileTransferResult r;
    if (!protocol::files::isSha256(sha256)) {
        r.error = QStringLiteral("'%1' is not a SHA-256").arg(sha256);
        return r;
    }
    QFile part(partialPath(target));
    if (!part.open(QIODevice::ReadWrite | QIODevice::Append)) {
        r.error = QStringLiteral("cannot write %1: %2").arg(part.fileName(), part.errorString());
        return r;
    }
    r.resumedFrom = part.size();
    QNetworkRequest request = m_api.makeRequest(filePath(sha256));
    if (r.resumedFrom > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(r.resumedFrom) + '-');
    std::unique_ptr<QNetworkReply> get(m_api.network()->get(request));
    // Qt's HTTP thread would otherwise read the whole file into memory ahead of us: one chunk at a time
    // keeps memory bounded and what is on disk close to what the server has sent.
    get->setReadBufferSize(m_chunkBytes);
    bool started = false;
    bool writeFailed = false;
    qint64 total = 0;
    auto take = [&] {
        if (!started) {
            started = true;
            r.httpStatus = statusOf(get.get());
            if (r.httpStatus == 200 && r.resumedFrom > 0) {
                // The server sent the whole file: start the partial again.
                part.resize(0);
                r.resumedFrom = 0;
            }
            const QByteArray range = get->rawHeader("Content-Range");
            total = range.isEmpty() ? get->header(QNetworkRequest::ContentLengthHeader).toLongLong()
                                    : range.mid(range.lastIndexOf('/') + 1).toLongLong();
        }
        if (r.httpStatus != 200 && r.httpStatus != 206)
            return;
        const QByteArray data = get->readAll();
        writeFailed = writeFailed || part.write(data) != data.size();
        emit progress(part.size(), total);
    };
    wait(m_api, get.get(), take);
    if (!started)
        r.httpStatus = statusOf(get.get());
    take();
    r.size = part.size();
    const bool flushed = part.flush();
    if (writeFailed || !flushed) {
        r.error = QStringLiteral("cannot write %1: %2").arg(part.fileName(), part.errorString());
        return r;
    }
    // 416: the partial is as long as the file already; its hash decides.
    if (r.httpStatus == 416) {
        r.httpStatus = 206;
    } else if (get->error() != QNetworkReply::NoError) {
        r.error = r.httpStatus >= 400 ? failure(get.get(), get->readAll()) : get->errorString();
        part.close();
        if (r.size == 0)
            QFile::remove(part.fileName());
        record(sha256, total, r.size > 0 ? "partial" : "missing", r.size, r.error);
        return r; // a partial stays for the next call
    }
    part.close();
    const QString actual = sha256OfFile(part.fileName(), &r.error);
    if (actual != sha256) {
        r.hashMismatch = true;
        r.error = QStringLiteral("the downloaded bytes hash to %1, not %2; the partial file was deleted")
                      .arg(actual, sha256);
        qCWarning(lcSync).noquote() << "download of" << sha256 << "refused:" << r.error;
        QFile::remove(part.fileName());
        record(sha256, total, "missing", 0, r.error);
        return r;
    }
    QFile::remove(target);
    if (!QFile::rename(part.fileName(), target)) {
        r.error = QStringLiteral("cannot put %1 in place").arg(target);
        return r;
    }
    record(sha256, r.size, "complete", r.size, {});
    r.ok = true;
    return r;
}

} // namespace rounds
