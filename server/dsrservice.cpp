#include "server/dsrservice.h"

#include "common/protocol/errors.h"
#include "server/hcpdossier.h"
#include "server/hcperasure.h"
#include "server/hcpreport.h"

#include <QBuffer>
#include <QGuiApplication>

#include <optional>

namespace rounds::server {

using protocol::ErrorCode::InvalidRequest;

namespace {

const QString kHcp = QStringLiteral("hcp");

bool mayFile(const Principal &user)
{
    return user.role == protocol::RoleSfe || user.role == protocol::RoleAdmin;
}

ApiReply forbidden()
{
    return ApiReply::error(403, protocol::ErrorCode::Forbidden,
        QStringLiteral("data-subject requests are filed by SFE or admin users"));
}

ApiReply unknownHcp(const QString &id)
{
    return ApiReply::error(404, protocol::ErrorCode::UnknownHcp, QStringLiteral("no HCP with id %1").arg(id),
        QStringLiteral("hcp_id"));
}

ApiReply storageFailed()
{
    return ApiReply::error(
        500, protocol::ErrorCode::Internal, QStringLiteral("the server could not read its data"));
}

// The `hcp_id` of a request body, or a 400 in `reply`.
std::optional<QString> hcpIdOf(const QJsonObject &body, ApiReply *reply)
{
    const QJsonValue v = body.value(QLatin1String("hcp_id"));
    const QString id = v.toString().trimmed().toLower();
    if (!v.isString() || id.isEmpty() || id.size() > DsrService::kMaxIdLength) {
        *reply = ApiReply::error(400, InvalidRequest,
            QStringLiteral("'hcp_id' must be an HCP id of 1 to %1 characters").arg(DsrService::kMaxIdLength),
            QStringLiteral("hcp_id"));
        return std::nullopt;
    }
    return id;
}

// An optional string member that must be one of `allowed` (the first is the default).
std::optional<QString> choice(
    const QJsonObject &body, const char *key, const QStringList &allowed, ApiReply *reply)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return allowed.first();
    if (!v.isString() || !allowed.contains(v.toString())) {
        *reply = ApiReply::error(400, InvalidRequest,
            QStringLiteral("'%1' must be one of %2")
                .arg(QLatin1String(key), allowed.join(QLatin1String(", "))),
            QString::fromLatin1(key));
        return std::nullopt;
    }
    return v.toString();
}

bool holds(Storage &storage, const QString &id, bool *found, QString *error)
{
    return storage.read(
        [&](StoreReader &r) {
            const std::optional<StoredRecord> hcp = r.record(kHcp, id);
            *found = hcp && !hcp->deleted;
        },
        error);
}

} // namespace

ApiReply DsrService::exportHcp(const Principal &user, const QJsonObject &body)
{
    if (!mayFile(user))
        return forbidden();
    ApiReply bad;
    const std::optional<QString> id = hcpIdOf(body, &bad);
    if (!id)
        return bad;
    const std::optional<QString> format
        = choice(body, "format", {QStringLiteral("json"), QStringLiteral("pdf")}, &bad);
    if (!format)
        return bad;
    const std::optional<QString> lang
        = choice(body, "lang", {QStringLiteral("en"), QStringLiteral("zh_CN")}, &bad);
    if (!lang)
        return bad;

    bool found = false;
    QString error;
    if (!holds(m_storage, *id, &found, &error))
        return storageFailed();
    if (!found)
        return unknownHcp(*id);
    QJsonObject dossier;
    if (!hcpDossier(m_storage, *id, &dossier, &error))
        return storageFailed();
    if (*format == QLatin1String("json"))
        return ApiReply::ok(dossier);

    // The PDF needs fonts and a paint engine: `serve` runs a QGuiApplication on the offscreen platform.
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance()))
        return ApiReply::error(
            500, protocol::ErrorCode::Internal, QStringLiteral("this server cannot write PDFs"));
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    if (!writeHcpReport(dossier, *lang, pdf, &error))
        return ApiReply::error(500, protocol::ErrorCode::Internal, error);
    ApiReply reply = ApiReply::ok({});
    reply.raw = pdf.data();
    reply.contentType = QByteArrayLiteral("application/pdf");
    return reply;
}

ApiReply DsrService::eraseHcp(const Principal &user, const QJsonObject &body)
{
    if (!mayFile(user))
        return forbidden();
    ApiReply bad;
    const std::optional<QString> id = hcpIdOf(body, &bad);
    if (!id)
        return bad;
    const QJsonValue reasonValue = body.value(QLatin1String("reason"));
    const QString reason = reasonValue.toString().trimmed();
    if (!reasonValue.isString() || reason.isEmpty() || reason.size() > kMaxReasonLength)
        return ApiReply::error(400, InvalidRequest,
            QStringLiteral("'reason' must say why and who asked, in 1 to %1 characters")
                .arg(kMaxReasonLength),
            QStringLiteral("reason"));

    hcperasure::Request request {user.id, user.username, reason,
        user.device.isEmpty() ? QStringLiteral("POST /api/v1/admin/hcp/erase")
                              : QStringLiteral("POST /api/v1/admin/hcp/erase from %1").arg(user.device)};
    hcperasure::Summary s;
    bool found = false;
    QString error;
    const bool written = m_storage.write(
        [&](StoreWriter &w) {
            const std::optional<StoredRecord> hcp = w.record(kHcp, *id);
            found = hcp && !hcp->deleted;
            return found && hcperasure::erase(w, *id, request, &s, &error);
        },
        &error);
    if (!found)
        return unknownHcp(*id);
    if (!written)
        return ApiReply::error(
            500, protocol::ErrorCode::Internal, QStringLiteral("the server could not store the erasure"));
    return ApiReply::ok(QJsonObject {{QStringLiteral("hcp_id"), *id},
        {QStringLiteral("placeholder"), s.placeholder}, {QStringLiteral("already_erased"), s.alreadyErased},
        {QStringLiteral("erased"),
            QJsonObject {{QStringLiteral("hcps"), s.hcps}, {QStringLiteral("visits"), s.visits},
                {QStringLiteral("plans"), s.plans}, {QStringLiteral("tags_removed"), s.tagsRemoved},
                {QStringLiteral("attendances"), s.attendances}, {QStringLiteral("expenses"), s.expenses},
                {QStringLiteral("change_requests"), s.changeRequests}}}});
}

} // namespace rounds::server
