#pragma once

// Text columns read straight from a statement as byte views, with SQL's NULL as a key of its own:
// the KPI readers group and compare rows in C++ as the SQL they replace did.

#include <QString>

#include <string_view>

struct sqlite3_stmt;

namespace rounds::kpi {

// SQL NULL as a key no stored text is, so NULLs group apart, as in SQL; callers skip it where SQL's
// comparisons would (NULL = x is never true).
inline constexpr std::string_view kNullKey("\0N", 2);

// A text column's bytes (valid until the next step), or kNullKey.
std::string_view columnKey(sqlite3_stmt *s, int col);
bool isNullKey(std::string_view key);
// The key as text; a null QString for kNullKey.
QString keyText(std::string_view key);
// SQL's order of a text column (NULL first, then BINARY: the UTF-8 bytes).
bool sqlTextLess(std::string_view a, std::string_view b);

} // namespace rounds::kpi
