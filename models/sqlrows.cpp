#include "models/sqlrows.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/store.h"

#include <QCoreApplication>
#include <QDateTime>

namespace rounds {

void bindVariants(sql::Statement &stmt, const QVariantList &values, int first)
{
    int pos = first;
    for (const QVariant &v : values) {
        switch (v.typeId()) {
        case QMetaType::UnknownType:
            stmt.bindNull(pos);
            break;
        case QMetaType::Int:
        case QMetaType::LongLong:
        case QMetaType::UInt:
        case QMetaType::Bool:
            stmt.bind(pos, std::int64_t(v.toLongLong()));
            break;
        case QMetaType::Double:
            stmt.bind(pos, v.toDouble());
            break;
        default:
            if (v.isNull())
                stmt.bindNull(pos);
            else
                stmt.bind(pos, v.toString());
        }
        ++pos;
    }
}

QList<QVariantList> selectRows(sql::Database &db, const QString &sql, const QVariantList &binds)
{
    QList<QVariantList> out;
    auto q = db.query(sql);
    bindVariants(*q, binds);
    while (q->step()) {
        QVariantList row;
        for (int c = 0; c < q->columnCount(); ++c)
            row << (q->isNull(c) ? QVariant() : q->json(c).toVariant());
        out << row;
    }
    return out;
}

QString utcDayStart(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODateWithMs);
}

sql::Database *databaseOf(Store *store, QString *error)
{
    sql::Database *db = store ? store->database() : nullptr;
    if (!db && error)
        *error = QCoreApplication::translate("rounds::Store", "No local database is open.");
    return db;
}

bool readRows(
    Store *store, const QString &sql, const QVariantList &binds, QList<QVariantList> *out, QString *error)
{
    out->clear();
    sql::Database *db = databaseOf(store, error);
    if (!db)
        return false;
    try {
        *out = selectRows(*db, sql, binds);
        return true;
    } catch (const sql::SqlError &e) {
        if (error)
            *error = e.text();
        return false;
    }
}

bool readValue(Store *store, const QString &sql, const QVariantList &binds, QVariant *out, QString *error)
{
    QList<QVariantList> rows;
    const bool ok = readRows(store, sql, binds, &rows, error);
    *out = rows.value(0).value(0);
    return ok;
}

} // namespace rounds
