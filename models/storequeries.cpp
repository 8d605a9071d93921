#include "models/storequeries.h"

#include "common/sqlite/database.h"
#include "models/localday.h"
#include "models/sqlguard.h"
#include "models/sqlrows.h"

#include <QHash>
#include <QStringList>

namespace rounds {

namespace {

bool listNamed(
    sql::Database &db, const QString &sqlText, const QString &bind, QList<NamedItem> *out, QString *error)
{
    QList<NamedItem> items;
    const bool ok = guarded(error, [&] {
        auto q = db.query(sqlText);
        if (!bind.isNull())
            q->bind(1, bind);
        while (q->step())
            items.append(NamedItem {q->text(0), q->text(1), q->text(2)});
    });
    *out = ok ? items : QList<NamedItem>();
    return ok;
}

bool listStrings(sql::Database &db, const QString &sqlText, QStringList *out, QString *error)
{
    QStringList items;
    const bool ok = guarded(error, [&] {
        auto q = db.query(sqlText);
        while (q->step())
            items << q->text(0);
    });
    *out = ok ? items : QStringList();
    return ok;
}

} // namespace

bool listInstitutions(sql::Database &db, QList<NamedItem> *out, QString *error)
{
    // In the locale's order of names (pinyin in Chinese): the sort keys of institution_name_key.
    return listNamed(db,
        QStringLiteral("SELECT i.id, i.name, i.city FROM institution i LEFT JOIN institution_name_key k ON "
                       "k.institution_id = i.id ORDER BY k.sort_key, i.id"),
        QString(), out, error);
}

bool listDepartments(sql::Database &db, const QString &institutionId, QList<NamedItem> *out, QString *error)
{
    return listNamed(db,
        QStringLiteral("SELECT id, name, institution_id FROM department WHERE institution_id = ?1 "
                       "ORDER BY name, id"),
        institutionId, out, error);
}

bool listTerritories(sql::Database &db, QList<NamedItem> *out, QString *error)
{
    return listNamed(
        db, QStringLiteral("SELECT id, name, code FROM territory ORDER BY code, id"), QString(), out, error);
}

bool listSpecialties(sql::Database &db, QStringList *out, QString *error)
{
    return listStrings(db,
        QStringLiteral("SELECT DISTINCT specialty FROM hcp WHERE specialty IS NOT NULL AND specialty "
                       "<> '' ORDER BY specialty"),
        out, error);
}

bool listTags(sql::Database &db, QStringList *out, QString *error)
{
    return listStrings(db, QStringLiteral("SELECT DISTINCT tag FROM hcp_tag ORDER BY tag"), out, error);
}

bool visitsPerDay(sql::Database &db, const QDate &from, const QDate &to, QList<DayCount> *out, QString *error)
{
    // Grouped in C++ by local day: the stored times are UTC, and the user's days are local.
    QHash<QDate, int> counts;
    const bool ok = guarded(error, [&] {
        auto q = db.query(
            QStringLiteral("SELECT visited_at FROM visit WHERE visited_at >= ?1 AND visited_at < ?2"));
        q->bind(1, utcDayStart(from));
        q->bind(2, utcDayStart(to.addDays(1)));
        while (q->step()) {
            const QDate day = LocalDay::of(q->text(0));
            if (day.isValid())
                ++counts[day];
        }
    });
    QList<DayCount> days;
    if (ok) {
        for (QDate d = from; d <= to; d = d.addDays(1))
            days.append(DayCount {d, counts.value(d)});
    }
    *out = days;
    return ok;
}

bool coverage(sql::Database &db, const QDate &from, const QDate &to, Coverage *out, QString *error)
{
    Coverage c;
    const bool ok = guarded(error, [&] {
        auto q = db.query(QStringLiteral(
            "SELECT (SELECT count(*) FROM hcp WHERE status = 'active'),"
            " (SELECT count(*) FROM hcp h WHERE h.status = 'active' AND EXISTS (SELECT 1 FROM visit v WHERE "
            "v.hcp_id = h.id AND v.visited_at >= ?1 AND v.visited_at < ?2)),"
            " (SELECT count(*) FROM visit WHERE visited_at >= ?1 AND visited_at < ?2)"));
        q->bind(1, utcDayStart(from));
        q->bind(2, utcDayStart(to.addDays(1)));
        if (q->step()) {
            c.activeHcps = q->integer(0);
            c.visitedHcps = q->integer(1);
            c.visits = q->integer(2);
        }
    });
    *out = ok ? c : Coverage {};
    return ok;
}

bool planProgress(sql::Database &db, const QDate &from, const QDate &to, PlanProgress *out, QString *error)
{
    PlanProgress p;
    const bool ok = guarded(error, [&] {
        auto q = db.query(QStringLiteral("SELECT status, count(*) FROM visit_plan WHERE planned_at >= ?1 AND "
                                         "planned_at < ?2 GROUP BY status"));
        q->bind(1, utcDayStart(from));
        q->bind(2, utcDayStart(to.addDays(1)));
        while (q->step()) {
            const QString status = q->text(0);
            if (status == QLatin1String("planned"))
                p.planned = q->integer(1);
            else if (status == QLatin1String("done"))
                p.done = q->integer(1);
            else if (status == QLatin1String("cancelled"))
                p.cancelled = q->integer(1);
        }
    });
    *out = ok ? p : PlanProgress {};
    return ok;
}

} // namespace rounds
