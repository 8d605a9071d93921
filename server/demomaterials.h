#pragma once

// The demo's approved content (issue 21, docs/content.md "Demo content"): for each demo product a few
// real PDFs drawn with QPdfWriter and QPainter (Chinese and English pages: a title page, one page per key
// message with a small chart, a safety-information page), their page-1 thumbnails rendered with QtPdf,
// all stored in the server's file store so GET serves them; and the material records, with their key
// messages linked to the pages that carry them. Deterministic for a seed (ids, text, numbers and file
// bytes), drawn from a random stream of its own so the rest of the demo stays what it was.

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <functional>

namespace rounds::server {

class FileStore;

struct DemoProduct
{
    QString id;
    QString name; // Chinese, with the generic name in brackets
    QString englishName;
    QStringList messageIds; // the product's key messages, in order
    QStringList messages; // Chinese
    QStringList englishMessages;
};

// Writes one record (the demo generator's `add`).
using DemoAdd = std::function<void(const char *entity, const QString &id, const QJsonObject &fields)>;

struct DemoMaterialsSummary
{
    int materials = 0;
    int files = 0;
    qint64 bytes = 0;
};

// Needs a QGuiApplication (fonts). For every product: version 1 of its Chinese detail aid, withdrawn and
// superseded by version 2 (approved, valid for a year), and an English evidence summary (approved); the
// first product also has a safety update that expires in 10 days.
bool addDemoMaterials(FileStore &files, const QList<DemoProduct> &products, quint64 seed, const QDate &today,
    const QString &adminId, const DemoAdd &add, DemoMaterialsSummary *summary, QString *error);

} // namespace rounds::server
