#pragma once

#include "common/sqlite/sqlerror.h"

#include <QString>

namespace rounds {

// The data layer's API never lets an SqlError out (docs/architecture.md, Errors). Each boundary runs
// its body through one of these instead of writing its own try/catch, so the rule lives in one place.

// `body()`'s result, or `onError(error)`'s when the body throws an SqlError.
template<typename Body, typename OnError> auto catchSql(Body &&body, OnError &&onError) -> decltype(body())
{
    try {
        return body();
    } catch (const sql::SqlError &e) {
        return onError(e);
    }
}

// True, or false with the error's text in `*error` (when given).
template<typename Body> bool guarded(QString *error, Body &&body)
{
    return catchSql(
        [&] {
            body();
            return true;
        },
        [error](const sql::SqlError &e) {
            if (error)
                *error = e.text();
            return false;
        });
}

} // namespace rounds
