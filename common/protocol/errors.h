#pragma once

#include <QString>

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
} // namespace ErrorCode

// A problem with one value or one request: which field, and a sentence a person can read.
struct FieldError
{
    QString field;
    QString message;
};

} // namespace rounds::protocol
