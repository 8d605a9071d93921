#include "server/contentrules.h"

#include "common/protocol/consent.h"
#include "common/protocol/content.h"
#include "common/protocol/errors.h"
#include "common/protocol/files.h"
#include "common/protocol/pushresult.h"
#include "server/consentrules.h"
#include "server/filestore.h"

#include <QDateTime>

namespace rounds::server::contentrules {

using namespace rounds::protocol;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject error(const char *code, const QString &message, const QString &field)
{
    return WireError {QString::fromLatin1(code), message, field, {}}.toJson();
}

} // namespace

std::optional<QJsonObject> checkView(StoreReader &store, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    if (entity != QLatin1String("content_view") || (before && *before == after))
        return std::nullopt;
    const QString materialId = str(after, "material_id");
    const std::optional<StoredRecord> material = store.record(QStringLiteral("material"), materialId);
    // refrules answered an unknown material already; a deleted one is not presentable.
    if (!material || material->deleted)
        return error(ErrorCode::MaterialUnavailable, QStringLiteral("the material does not exist"),
            QStringLiteral("material_id"));
    const QDateTime changed = QDateTime::fromString(material->record.updatedAt, Qt::ISODate);
    if (const auto refusal = content::checkView(after, material->record.fields, changed))
        return error(ErrorCode::MaterialUnavailable, refusal->reason, refusal->field);

    const QString hcpId = str(after, "hcp_id");
    if (hcpId.isEmpty())
        return std::nullopt;
    const QDateTime at = QDateTime::fromString(str(after, "started_at"), Qt::ISODate).toUTC();
    // Consent as it stood when the view started: a withdrawal captured later does not reach back.
    QList<consent::Record> then;
    for (const consent::Record &r : consentrules::records(store, hcpId)) {
        if (r.capturedAt.isValid() && r.capturedAt <= at)
            then << r;
    }
    if (consent::trackingAllowed(then, hcpId, at, consentrules::rules(store)))
        return std::nullopt;
    WireError e;
    e.code = QString::fromLatin1(ErrorCode::ConsentRequired);
    e.message = QStringLiteral("HCP %1 does not allow activity tracking at %2; record the view without "
                               "hcp_id and visit_id")
                    .arg(hcpId, at.toString(Qt::ISODate));
    e.field = QStringLiteral("hcp_id");
    e.details = QJsonObject {
        {QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("channel"), QStringLiteral("activity_tracking")}};
    return e.toJson();
}

std::optional<QJsonObject> checkMaterial(FileStore *files, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    if (entity != QLatin1String("material") || str(after, "status") != QLatin1String("approved"))
        return std::nullopt;
    if (before && str(*before, "status") == QLatin1String("approved")
        && str(*before, "file") == str(after, "file"))
        return std::nullopt;
    const QString sha = files::sha256Of(str(after, "file"));
    if (sha.isEmpty())
        return error(ErrorCode::InvalidRequest,
            QStringLiteral("an approved material needs a file reference (sha256:<hex>:<name>)"),
            QStringLiteral("file"));
    FileState state;
    QString problem;
    if (!files || !files->state(sha, &state, &problem))
        return error(ErrorCode::InvalidRequest,
            QStringLiteral("the server cannot tell whether it holds file %1%2")
                .arg(sha, problem.isEmpty() ? QString() : QStringLiteral(": ") + problem),
            QStringLiteral("file"));
    if (state.kind != FileState::Kind::Complete)
        return error(ErrorCode::InvalidRequest,
            QStringLiteral("the server does not hold file %1 complete (%2 bytes of it); upload it before "
                           "approving the material")
                .arg(sha)
                .arg(state.bytes),
            QStringLiteral("file"));
    return std::nullopt;
}

} // namespace rounds::server::contentrules
