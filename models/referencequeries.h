#pragma once

#include "models/storequeries.h"

#include <QList>
#include <QString>

namespace rounds {

class Store;

// Typed reads of reference data: the products and key messages a visit details, and the display names
// of records a view only knows by id. Each returns false with `error` (the SQLite message, or that no
// store is open) when the read fails, leaving the out-parameter empty; an unknown id is not an error.
class ReferenceQueries final
{
public:
    // Active products by name; active key messages of one product by text (`name` holds the text).
    static bool products(Store *store, QList<NamedItem> *out, QString *error = nullptr);
    static bool keyMessages(
        Store *store, const QString &productId, QList<NamedItem> *out, QString *error = nullptr);

    static bool institutionName(Store *store, const QString &id, QString *out, QString *error = nullptr);
    static bool departmentName(Store *store, const QString &id, QString *out, QString *error = nullptr);
    // The territory's name, or its code when it has none.
    static bool territoryName(Store *store, const QString &id, QString *out, QString *error = nullptr);
    static bool userName(Store *store, const QString &id, QString *out, QString *error = nullptr);
    // How the window names a person given a user id or a login: the display name, else the login, else
    // what was given (a user this laptop does not hold). Never fails; empty in, empty out.
    static QString personName(Store *store, const QString &idOrLogin);
    // The SQL expression naming the user row `alias` (display name, else login).
    static QString personNameExpression(const QString &alias);
    // The stored JSON text of the synced `setting` in force for key (CompanySettings: the newest record);
    // empty when the key is not set.
    static bool setting(Store *store, const QString &key, QString *out, QString *error = nullptr);
};

} // namespace rounds
