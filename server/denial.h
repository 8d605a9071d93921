#pragma once

#include <QString>

namespace rounds::server {

// Why the server refuses one change: an error code of PROTOCOL.md (protocol::ErrorCode), the message and
// the field at fault (empty when the whole change is).
struct Denial
{
    const char *code;
    QString message;
    QString field;
};

} // namespace rounds::server
