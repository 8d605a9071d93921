#include "models/kpis/jsonstring.h"

namespace rounds::kpi {

void appendJsonString(std::string *out, std::string_view text)
{
    static const char hex[] = "0123456789abcdef";
    *out += '"';
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            *out += '\\';
            *out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            *out += "\\u00";
            *out += hex[(c >> 4) & 0xf];
            *out += hex[c & 0xf];
        } else {
            *out += c;
        }
    }
    *out += '"';
}

} // namespace rounds::kpi
