#pragma once

#include "models/log.h"
#include "models/sqlguard.h"

namespace rounds {

// The store's usual boundary: `body()`'s result; an SqlError is logged under `what` and gives
// `fallback`, with the error's message in `*error` (when given).
template<typename R, typename Body> R logged(const char *what, R fallback, QString *error, Body &&body)
{
    return catchSql(std::forward<Body>(body), [&](const sql::SqlError &e) -> R {
        qCWarning(lcStore) << what << e.text();
        if (error)
            *error = e.message();
        return fallback;
    });
}

} // namespace rounds
