#include "ui/common/lookup.h"

#include "models/sqlrows.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/store.h"

#include <QDate>

namespace rounds::lookup {

QList<QVariantList> rows(Store *store, const QString &sql, const QVariantList &binds)
{
    QList<QVariantList> out;
    if (!store || !store->database())
        return out;
    try {
        out = selectRows(*store->database(), sql, binds);
    } catch (const sql::SqlError &) {
        out.clear();
    }
    return out;
}

QVariant scalar(Store *store, const QString &sql, const QVariantList &binds)
{
    const QList<QVariantList> r = rows(store, sql, binds);
    return r.isEmpty() || r.first().isEmpty() ? QVariant() : r.first().first();
}

QList<Choice> products(Store *store)
{
    QList<Choice> out;
    for (const QVariantList &r : rows(store,
             QStringLiteral("SELECT id, name FROM product WHERE coalesce(active, 1) = 1 ORDER BY name, id")))
        out << Choice {r.value(0).toString(), r.value(1).toString()};
    return out;
}

QList<Choice> keyMessages(Store *store, const QString &productId)
{
    QList<Choice> out;
    for (const QVariantList &r : rows(store,
             QStringLiteral(
                 "SELECT id, text FROM key_message WHERE product_id = ?1 AND coalesce(active, 1) = 1 "
                 "ORDER BY text, id"),
             {productId}))
        out << Choice {r.value(0).toString(), r.value(1).toString()};
    return out;
}

HcpSummary hcp(Store *store, const QString &hcpId)
{
    HcpSummary s;
    const QList<QVariantList> r = rows(store,
        QStringLiteral(
            "SELECT h.id, h.full_name, h.title, h.specialty, h.tier, h.institution_id, i.name, d.name, "
            "i.city FROM hcp h LEFT JOIN institution i ON i.id = h.institution_id "
            "LEFT JOIN department d ON d.id = h.department_id WHERE h.id = ?1"),
        {hcpId});
    if (r.isEmpty())
        return s;
    const QVariantList &v = r.first();
    s.id = v.value(0).toString();
    s.name = v.value(1).toString();
    s.title = v.value(2).toString();
    s.specialty = v.value(3).toString();
    s.tier = v.value(4).toString();
    s.institutionId = v.value(5).toString();
    s.institution = v.value(6).toString();
    s.department = v.value(7).toString();
    s.city = v.value(8).toString();
    return s;
}

QString territoryFor(Store *store, const QString &hcpId, const QStringList &preferred)
{
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    QString first;
    for (const QVariantList &r : rows(store,
             QStringLiteral("SELECT territory_id FROM alignment WHERE hcp_id = ?1 AND valid_from <= ?2 "
                            "AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY territory_id"),
             {hcpId, today})) {
        const QString t = r.value(0).toString();
        if (preferred.contains(t))
            return t;
        if (first.isEmpty())
            first = t;
    }
    return first;
}

} // namespace rounds::lookup
