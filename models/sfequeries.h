#pragma once

#include "models/storequeries.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// A row of the master-data institution list.
struct InstitutionRow
{
    QString id;
    QString name;
    QString grade;
    QString city;
};

// Typed reads for the SFE workspace (territories, alignment, master data, duplicates, change requests):
// the territory a view shows and the choices of its pickers. Each returns false with `error` (the SQLite
// message, or that no store is open) when the read fails, leaving the out-parameter empty.
class SfeQueries final
{
public:
    // One territory: `name`, with its code in `detail`; an unknown id leaves `out` empty.
    static bool territory(Store *store, const QString &id, NamedItem *out, QString *error = nullptr);
    // Territories of the lowest level (the ones HCPs are aligned to) but `exceptId` (none when empty), by
    // code; `detail` is the code.
    static bool leafTerritories(
        Store *store, const QString &exceptId, QList<NamedItem> *out, QString *error = nullptr);
    // Institutions by name (`detail`: city), departments of one institution by name.
    static bool institutions(Store *store, QList<NamedItem> *out, QString *error = nullptr);
    static bool departments(
        Store *store, const QString &institutionId, QList<NamedItem> *out, QString *error = nullptr);
    // Distinct non-empty HCP specialties and institution cities, sorted.
    static bool specialties(Store *store, QStringList *out, QString *error = nullptr);
    static bool cities(Store *store, QStringList *out, QString *error = nullptr);
    // Institutions whose name or city contains `text`, or whose name's pinyin or initials start with it
    // ("xiehe", "xhyy" for 协和医院), all when empty; in the locale's order of names (at most 500).
    static bool editableInstitutions(
        Store *store, const QString &text, QList<InstitutionRow> *out, QString *error = nullptr);
};

} // namespace rounds
