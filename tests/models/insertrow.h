#pragma once

// One row into a table of a test store, the columns named by the object's keys: the hand-made stores
// of the KPI tests are written this way, past the store's write path.

#include "common/protocol/ddl.h"
#include "common/sqlite/database.h"

#include <QJsonObject>
#include <QStringList>

namespace rounds::testing {

inline void insertRow(sql::Database &db, const QString &table, const QJsonObject &fields)
{
    QStringList names;
    QStringList marks;
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        names << protocol::quoteIdentifier(it.key());
        marks << QStringLiteral("?%1").arg(names.size());
    }
    auto q = db.query(QStringLiteral("INSERT INTO %1(%2) VALUES (%3)")
                          .arg(protocol::quoteIdentifier(table), names.join(u','), marks.join(u',')));
    int i = 1;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        q->bind(i++, it.value());
    q->run();
}

} // namespace rounds::testing
