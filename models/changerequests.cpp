#include "models/changerequests.h"

#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/hcpquery.h"
#include "models/sqlguard.h"
#include "models/store.h"

#include <QJsonDocument>

namespace rounds {

namespace {

bool decide(Store *store, const QString &id, const QString &status, const QString &note, QString *error)
{
    const auto rec = store ? store->record(QStringLiteral("change_request"), id) : std::nullopt;
    if (!rec) {
        if (error)
            *error = ChangeRequests::tr("The request no longer exists.");
        return false;
    }
    if (rec->fields.value(QLatin1String("status")).toString() != QLatin1String("open")) {
        if (error)
            *error = ChangeRequests::tr("The request has been decided already.");
        return false;
    }
    QJsonObject changes {{QStringLiteral("status"), status}};
    if (!note.trimmed().isEmpty())
        changes.insert(QStringLiteral("decision_note"), note.trimmed());
    const WriteResult w = store->update(QStringLiteral("change_request"), id, changes);
    if (!w.ok && error)
        *error = w.error;
    return w.ok;
}

} // namespace

bool ChangeRequests::list(Store *store, const QString &status, QList<ChangeRequestItem> *out, QString *error)
{
    out->clear();
    if (!store || !store->database())
        return false;
    if (!guarded(error, [&] {
            auto q = store->database()->query(QStringLiteral(
                "SELECT c.id, c.entity, c.record_id, c.fields, c.reason, c.status, "
                "c.decision_note, c.updated_at, t.code, "
                "u.display_name, EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'change_request' "
                "AND o.record_id = c.id) "
                "FROM change_request c LEFT JOIN territory t ON t.id = c.territory_id "
                "LEFT JOIN \"user\" u ON u.id = c.updated_by "
                "WHERE ?1 = '' OR c.status = ?1 ORDER BY c.updated_at, c.id"));
            q.bindAll(status);
            while (q->step()) {
                ChangeRequestItem c;
                c.id = q->text(0);
                c.entity = q->text(1);
                c.recordId = q->text(2);
                c.proposed = QJsonDocument::fromJson(q->textUtf8(3)).object();
                c.reason = q->text(4);
                c.status = q->text(5);
                c.decisionNote = q->text(6);
                c.updatedAt = q->text(7);
                c.territoryCode = q->text(8);
                c.proposedBy = q->text(9);
                c.pending = q->integer(10) != 0;
                *out << c;
            }
        })) {
        out->clear();
        return false;
    }
    for (ChangeRequestItem &c : *out) {
        if (const auto rec = store->record(c.entity, c.recordId)) {
            c.recordName = rec->fields
                               .value(c.entity == QLatin1String("hcp") ? QLatin1String("full_name")
                                                                       : QLatin1String("name"))
                               .toString();
            for (auto it = c.proposed.begin(); it != c.proposed.end(); ++it)
                c.current.insert(it.key(), rec->fields.value(it.key()));
        }
    }
    return true;
}

bool ChangeRequests::approve(Store *store, const QString &id, const QString &note, QString *error)
{
    return decide(store, id, QStringLiteral("approved"), note, error);
}

bool ChangeRequests::reject(Store *store, const QString &id, const QString &reason, QString *error)
{
    if (reason.trimmed().isEmpty()) {
        if (error)
            *error = tr("Say why the request is rejected: the rep reads it.");
        return false;
    }
    return decide(store, id, QStringLiteral("rejected"), reason, error);
}

} // namespace rounds
