#pragma once

#include <QString>
#include <QStringList>

#include <utility>

namespace rounds::protocol {

// The error codes of PROTOCOL.md, as they appear on the wire.
namespace ErrorCode {
inline constexpr auto InvalidRequest = "invalid_request";
inline constexpr auto Unauthorized = "unauthorized";
inline constexpr auto Forbidden = "forbidden";
inline constexpr auto NotFound = "not_found";
inline constexpr auto PayloadTooLarge = "payload_too_large";
inline constexpr auto UnsupportedProtocol = "unsupported_protocol";
inline constexpr auto RateLimited = "rate_limited";
inline constexpr auto Internal = "internal";
// Additions (docs/sync-protocol.md): a meeting compliance rule blocks; the HCP has no consent for the
// channel of a record that contacts them.
inline constexpr auto ConsentRequired = "consent_required";
// 403 to a device an admin revoked (or whose user was disabled): the client wipes its local data. The
// error object carries `reason` (docs/sync-protocol.md, "Devices").
inline constexpr auto DeviceRevoked = "device_revoked";
// 404 to a data-subject request about an HCP the server does not hold (POST /api/v1/admin/hcp/…), so a
// client tells it from a server without the route (404 not_found).
inline constexpr auto UnknownHcp = "unknown_hcp";
// Files (docs/sync-protocol.md, "Files"): 409 to a chunk that does not start where the stored part of
// the upload ends (header Rounds-File-Offset says where); 416 to a Range past the end of a file.
inline constexpr auto OffsetMismatch = "offset_mismatch";
inline constexpr auto RangeNotSatisfiable = "range_not_satisfiable";
// A rejected push of a page view (content_view) of a material that could not be presented then: a draft,
// withdrawn or expired before the view started, or outside its valid_from..valid_to
// (common/protocol/content.h; docs/sync-protocol.md, "Content").
inline constexpr auto MaterialUnavailable = "material_unavailable";
} // namespace ErrorCode

// A problem with one value or one request: which field, and a sentence a person can read. `message` is
// English, as the server sends it on the wire; `sentence` (a Messages source text where %1 is the
// field's label and %2... are `args`) lets Messages::fieldError say the same in the user's language.
struct FieldError
{
    FieldError() = default;
    FieldError(QString fieldName, QString englishMessage, const char *translatable = nullptr,
        QStringList arguments = {})
        : field(std::move(fieldName))
        , message(std::move(englishMessage))
        , sentence(translatable)
        , args(std::move(arguments))
    { }

    QString field;
    QString message;
    const char *sentence = nullptr;
    QStringList args;
    QString entity; // set by the codec, which knows it; picks the label where one name means two things
};

} // namespace rounds::protocol
