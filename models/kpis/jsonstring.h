#pragma once

#include <string>
#include <string_view>

namespace rounds::kpi {

// `text` as a JSON string (RFC 8259 escapes), appended to `out`.
void appendJsonString(std::string *out, std::string_view text);

} // namespace rounds::kpi
