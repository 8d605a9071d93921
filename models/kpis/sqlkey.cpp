#include "models/kpis/sqlkey.h"

#include <sqlite3.h>

namespace rounds::kpi {

std::string_view columnKey(sqlite3_stmt *s, int col)
{
    if (sqlite3_column_type(s, col) == SQLITE_NULL)
        return kNullKey;
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(s, col));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(s, col))) : std::string_view();
}

bool isNullKey(std::string_view key)
{
    return key == kNullKey;
}

QString keyText(std::string_view key)
{
    return isNullKey(key) ? QString() : QString::fromUtf8(key.data(), qsizetype(key.size()));
}

bool sqlTextLess(std::string_view a, std::string_view b)
{
    if (isNullKey(a) != isNullKey(b))
        return isNullKey(a);
    return !isNullKey(a) && a < b;
}

} // namespace rounds::kpi
