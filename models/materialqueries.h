#pragma once

// Materials as the client reads them (docs/content.md), offline: the library, what may be presented now
// (common/protocol/content.h judged at a clock a laptop cannot set back), the key messages per page and
// where the file is on this computer. Reads return false with the SQLite message.

#include "common/protocol/content.h"
#include "models/store.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

struct MaterialItem
{
    QString id;
    QString title;
    QString productId;
    QString productName;
    QString kind; // pdf, image
    QString language;
    int version = 1;
    QString supersedes; // the material id this version replaces
    QString approvalCode;
    QString status; // draft, approved, withdrawn, expired
    QDate validFrom; // invalid: open
    QDate validTo;
    QString fileRef; // "sha256:<hex>:<name>"
    QString sha256; // of fileRef
    qint64 fileSize = 0;
    QString thumbnailSha256;
    int pageCount = 0;
    QString description;
    QString localPath; // the whole, checked file on this computer, or empty (not downloaded yet)
    protocol::content::Availability availability = protocol::content::Availability::Draft;

    bool presentable() const { return availability == protocol::content::Availability::Presentable; }
};

// A key message a material carries: on `page`, or on the whole material (page 0).
struct MaterialKeyMessage
{
    QString keyMessageId;
    QString text;
    QString productId;
    int page = 0;
};

class MaterialQueries final
{
public:
    // The time expiry is judged at: this computer's clock, never earlier than the latest time it has
    // seen (the newest updated_at of the pulled materials and settings, or the value this function kept
    // in sync_meta `clock.latest_seen` at an earlier call), so setting the clock back resurrects nothing.
    // Keeps the result as the new latest time seen.
    static QDateTime trustedNow(Store *store, const QDateTime &localNow = QDateTime::currentDateTimeUtc());

    // Every material, newest version first within a product, judged on `day` (the local day of
    // trustedNow() when invalid). `productIds` empty: all products.
    static bool list(Store *store, const QStringList &productIds, const QDate &day, QList<MaterialItem> *out,
        QString *error);
    // The ones that may be presented on `day` (invalid: today by trustedNow()): approved and valid, for
    // `productIds` (empty: all).
    static bool presentable(Store *store, const QStringList &productIds, const QDate &day,
        QList<MaterialItem> *out, QString *error);
    static bool byId(
        Store *store, const QString &materialId, const QDate &day, MaterialItem *out, QString *error);
    // The key messages of a material, by page (whole-material ones first, page 0).
    static bool keyMessages(
        Store *store, const QString &materialId, QList<MaterialKeyMessage> *out, QString *error);
};

} // namespace rounds
