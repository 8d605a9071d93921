#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QVariantList>

namespace rounds {

class Store;

namespace sql {
class Database;
class Statement;
} // namespace sql

// Generic row reading for the client data layer's typed queries: nothing here knows a table.

// Binds QVariants (null, integers, reals, text) to ?1..?n of a statement, starting at `first`.
void bindVariants(sql::Statement &stmt, const QVariantList &values, int first = 1);
// Every row of a SELECT with ?1..?n bound to `binds`, each column as a QVariant (JSON text decoded, NULL as
// an invalid QVariant). Throws sql::SqlError, for callers inside a transaction of their own.
QList<QVariantList> selectRows(sql::Database &db, const QString &sql, const QVariantList &binds = {});

// The UTC instant a local day starts, as the stored date-times are written (ISO with milliseconds, see
// protocol::normalizeDateTime), for binding the bounds of a range of local days: with seconds only, a
// record stamped at exactly midnight would sort before its own day's bound.
QString utcDayStart(const QDate &day);

// The store's open database, or null with `error` set when no store is open, so a typed query can say
// why it found nothing instead of looking like an empty result.
sql::Database *databaseOf(Store *store, QString *error);
// selectRows for the typed queries: false with `error` (the SQLite message) instead of a throw, and `out`
// left empty, so a failed read is never mistaken for an empty one.
bool readRows(
    Store *store, const QString &sql, const QVariantList &binds, QList<QVariantList> *out, QString *error);
// The first column of the first row (an invalid QVariant when there is no row), reported as readRows does.
bool readValue(Store *store, const QString &sql, const QVariantList &binds, QVariant *out, QString *error);

} // namespace rounds
