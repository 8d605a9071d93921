#pragma once

#include <QDate>
#include <QList>
#include <QString>

namespace rounds {

namespace sql {
class Database;
}

// Read-only queries over the local store for the UI's pickers and the dashboards. Each returns false
// with `error` when SQLite fails; the out-parameter is then left empty.

struct NamedItem
{
    QString id;
    QString name;
    QString detail; // institutions: city; territories: code; departments: institution id
};

// Pickers: institutions by name, departments of one institution, territories by code.
bool listInstitutions(sql::Database &db, QList<NamedItem> *out, QString *error = nullptr);
bool listDepartments(
    sql::Database &db, const QString &institutionId, QList<NamedItem> *out, QString *error = nullptr);
bool listTerritories(sql::Database &db, QList<NamedItem> *out, QString *error = nullptr);
// Distinct values for the HCP filters, sorted.
bool listSpecialties(sql::Database &db, QStringList *out, QString *error = nullptr);
bool listTags(sql::Database &db, QStringList *out, QString *error = nullptr);

// Dashboards, over local days [from, to] inclusive (date-times are stored in UTC).
struct DayCount
{
    QDate day; // local
    int count = 0;
};
bool visitsPerDay(
    sql::Database &db, const QDate &from, const QDate &to, QList<DayCount> *out, QString *error = nullptr);

struct Coverage
{
    int activeHcps = 0; // HCPs with status 'active'
    int visitedHcps = 0; // of those, visited at least once in the period (submitted or draft)
    int visits = 0; // visits in the period
};
bool coverage(sql::Database &db, const QDate &from, const QDate &to, Coverage *out, QString *error = nullptr);

struct PlanProgress
{
    int planned = 0;
    int done = 0;
    int cancelled = 0;
};
bool planProgress(
    sql::Database &db, const QDate &from, const QDate &to, PlanProgress *out, QString *error = nullptr);

} // namespace rounds
