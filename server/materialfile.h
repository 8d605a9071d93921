#pragma once

// The file of a material as the server sees it when it adds one (rounds-server material add, the demo):
// what kind it is, how many pages it has and a thumbnail of its first page (QtPdf renders PDFs), and
// storing its bytes in the server's file store as a complete upload would.

#include <QByteArray>
#include <QString>

namespace rounds::server {

class FileStore;

namespace materialfile {

struct Inspected
{
    QString kind; // "pdf" or "image" (the material's `kind`)
    int pageCount = 0;
    QByteArray thumbnailPng; // page 1, ThumbnailWidth pixels wide
};

inline constexpr int ThumbnailWidth = 240;

// Reads `bytes` (named `name` in messages): a PDF (starts with "%PDF-", QPdfDocument loads it and has at
// least one page) or an image Qt reads (PNG, JPEG, ...). False with a clear error for anything else.
// Needs a QGuiApplication.
bool inspect(const QByteArray &bytes, const QString &name, Inspected *out, QString *error);

// Stores `bytes` complete in `files` (chunks of 4 MiB, each durable), recorded as uploaded by `userId`.
// `sha256` receives the file's hash. Storing a file the store holds already changes nothing.
bool store(FileStore &files, const QByteArray &bytes, const QString &userId, QString *sha256, QString *error);

} // namespace materialfile
} // namespace rounds::server
