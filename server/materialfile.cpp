#include "server/materialfile.h"

#include "server/filestore.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>
#include <QPainter>
#include <QPdfDocument>
#include <QTemporaryFile>

namespace rounds::server::materialfile {

namespace {

QByteArray png(const QImage &image)
{
    QByteArray out;
    QBuffer buffer(&out);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return out;
}

// White behind the page (a PDF page may be transparent), scaled to the thumbnail's width.
QImage flattened(const QImage &page)
{
    QImage out(page.size(), QImage::Format_RGB32);
    out.fill(Qt::white);
    QPainter painter(&out);
    painter.drawImage(0, 0, page);
    painter.end();
    return out;
}

} // namespace

bool inspect(const QByteArray &bytes, const QString &name, Inspected *out, QString *error)
{
    if (bytes.startsWith("%PDF-")) {
        // QPdfDocument loads a file name synchronously; a temporary copy keeps it simple.
        QTemporaryFile copy;
        if (!copy.open() || copy.write(bytes) != bytes.size() || !copy.flush()) {
            *error = QStringLiteral("cannot write a temporary copy of %1").arg(name);
            return false;
        }
        QPdfDocument doc;
        if (doc.load(copy.fileName()) != QPdfDocument::Error::None || doc.pageCount() < 1) {
            *error
                = QStringLiteral("%1 is not a PDF that can be read (damaged, encrypted or empty)").arg(name);
            return false;
        }
        out->kind = QStringLiteral("pdf");
        out->pageCount = doc.pageCount();
        const QSizeF points = doc.pagePointSize(0);
        const int height
            = points.width() > 0 ? int(ThumbnailWidth * points.height() / points.width()) : ThumbnailWidth;
        const QImage page = doc.render(0, QSize(ThumbnailWidth, qBound(1, height, 4 * ThumbnailWidth)));
        out->thumbnailPng = page.isNull() ? QByteArray() : png(flattened(page));
        return true;
    }
    const QImage image = QImage::fromData(bytes);
    if (image.isNull()) {
        *error = QStringLiteral("%1 is neither a PDF nor an image (PNG, JPEG, ...)").arg(name);
        return false;
    }
    out->kind = QStringLiteral("image");
    out->pageCount = 1;
    out->thumbnailPng = png(flattened(image.scaledToWidth(ThumbnailWidth, Qt::SmoothTransformation)));
    return true;
}

bool store(FileStore &files, const QByteArray &bytes, const QString &userId, QString *sha256, QString *error)
{
    constexpr qint64 Chunk = 4 * 1024 * 1024;
    *sha256 = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    FileState state;
    if (!files.state(*sha256, &state, error))
        return false;
    if (state.kind == FileState::Kind::Complete)
        return true;
    const qint64 total = bytes.size();
    for (qint64 offset = 0; offset < total; offset += Chunk) {
        FileChunk chunk {*sha256, offset, total, bytes.mid(offset, Chunk), userId};
        PutOutcome outcome;
        if (!files.put(chunk, &outcome, error))
            return false;
        if (outcome.kind == PutOutcome::Kind::Completed || outcome.kind == PutOutcome::Kind::AlreadyComplete)
            return true;
        if (outcome.kind != PutOutcome::Kind::Stored) {
            *error = QStringLiteral("the file store refused the file (%1)").arg(int(outcome.kind));
            return false;
        }
    }
    *error = QStringLiteral("the file store did not complete the file");
    return false;
}

} // namespace rounds::server::materialfile
