#pragma once

#include "common/protocol/schema.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

class QIODevice;

namespace rounds::server {

// The leaf territories a user may see and touch, and the buckets that follow from them.
struct Scope
{
    bool everything = false; // sfe, admin
    QSet<QString> leaves; // leaf territory ids
    bool review = false; // pulls the `review` bucket (sfe, admin)

    bool hasTerritory(const QString &territoryId) const { return leaves.contains(territoryId); }
    bool hasBucket(const QString &bucket) const;
    QStringList buckets() const; // global, review, then t:… sorted
    QStringList territoryIds() const;
};

// The authenticated user of a request.
struct Principal
{
    QString id;
    QString username;
    QString displayName;
    protocol::Role role = protocol::NoRole;
    QString homeTerritoryId;
    QString device;
    QString deviceId; // empty for clients that send none
    QByteArray tokenHash;
    Scope scope;

    QJsonObject toJson() const;
};

// What a handler answers: a status and a JSON body (or none, for 204), plus extra headers.
struct ApiReply
{
    int status = 200;
    QJsonObject body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString user; // for the request log
    // A body that is not JSON (a PDF): sent as it is, with this content type, instead of `body`.
    QByteArray raw;
    QByteArray contentType;

    // A body read from a device instead of `body` (GET /api/v1/files): streamed with its size as
    // Content-Length. The device lives on the main thread (it is read there) and is deleted later.
    std::shared_ptr<QIODevice> stream;
    bool headOnly = false; // HEAD: the status and headers, never a body

    static ApiReply ok(const QJsonObject &body) { return ApiReply {200, body, {}, {}, {}, {}, {}, false}; }
    static ApiReply noContent() { return ApiReply {204, {}, {}, {}, {}, {}, {}, false}; }
    static ApiReply error(int status, const char *code, const QString &message, const QString &field = {});
};

namespace Bucket {
inline const QString Global = QStringLiteral("global");
inline const QString Review = QStringLiteral("review");
inline QString territory(const QString &id)
{
    return QStringLiteral("t:") + id;
}
} // namespace Bucket

} // namespace rounds::server
