#pragma once

// The administrator's library (docs/content.md, "The library"): products, their key messages and
// materials as an admin manages them in the client, offline too. Every write goes through Store::create
// and Store::update (one write path; synced with the next sync); a material's file and thumbnail are
// copied into the evidence folder (evidence::store), from where the sync uploads them before it pushes
// the records (sync/evidenceupload.h). Reads return false with the SQLite message.

#include <QByteArray>
#include <QDate>
#include <QList>
#include <QString>

namespace rounds {

class Store;

namespace library {

struct ProductRow
{
    QString id;
    QString name;
    QString therapeuticArea;
    bool active = true;
};

struct KeyMessageRow
{
    QString id;
    QString productId;
    QString text;
    bool active = true;
};

// A key message a material carries: an existing one (keyMessageId) or a new text of the material's
// product (created with the material); on `page`, or on the whole material (0).
struct KeyMessageLink
{
    int page = 0;
    QString keyMessageId;
    QString newText;
};

// What the New material / New version dialog gathered.
struct MaterialDraft
{
    QString sourceFile; // the PDF or image on this computer
    QString kind; // pdf, image
    int pageCount = 0;
    qint64 fileSize = 0;
    QByteArray thumbnailPng; // page 1, or empty
    QString title;
    QString productId;
    QString language = QStringLiteral("zh_CN");
    QString approvalCode;
    QString description;
    QDate validFrom; // invalid: open
    QDate validTo;
    int version = 1;
    QString supersedes; // the material a new version replaces
    QList<KeyMessageLink> keyMessages;
};

struct Result
{
    bool ok = false;
    QString id;
    QString error; // a sentence for the user (English from the store; the view words its own)
    QString field;
};

bool products(Store *store, QList<ProductRow> *out, QString *error); // by name, inactive ones too
bool keyMessages(Store *store, const QString &productId, QList<KeyMessageRow> *out, QString *error);

// Checks the draft (a readable file, a title, a product, valid_to not before valid_from, pages within the
// file's), copies the file and the thumbnail into the evidence folder and creates the material (a draft),
// the new key messages and the links, offline. Nothing is written when a check fails.
Result createMaterial(Store *store, const MaterialDraft &draft);
// Approved; when it supersedes an approved material, that one is withdrawn in the same step.
Result approve(Store *store, const QString &materialId);
Result withdraw(Store *store, const QString &materialId);
// Replaces the material's key-message links with `links` (new texts become key messages of `productId`).
Result setKeyMessages(
    Store *store, const QString &materialId, const QString &productId, const QList<KeyMessageLink> &links);

Result addProduct(Store *store, const QString &name, const QString &therapeuticArea);
Result renameProduct(Store *store, const QString &productId, const QString &name);
Result setProductActive(Store *store, const QString &productId, bool active);
Result addKeyMessage(Store *store, const QString &productId, const QString &text);
Result renameKeyMessage(Store *store, const QString &keyMessageId, const QString &text);
Result setKeyMessageActive(Store *store, const QString &keyMessageId, bool active);

} // namespace library
} // namespace rounds
