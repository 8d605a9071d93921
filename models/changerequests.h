#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace rounds {

class Store;

// Reps' proposed corrections to master data (change_request records), as SFE reviews them: the current
// and proposed value of each field, approve (the server applies the fields when it accepts the
// approval) or reject with a reason (decision_note).
struct ChangeRequestItem
{
    QString id;
    QString entity; // hcp, institution, department
    QString recordId;
    QString recordName; // the record's name as the store has it now
    QString territoryCode;
    QString reason;
    QString status;
    QString decisionNote;
    QString proposedBy; // display name of updated_by when the user is known
    QString updatedAt;
    QJsonObject proposed; // field → proposed value
    QJsonObject current; // field → the record's value now
    bool pending = false; // a local decision waits to be sent
};

class ChangeRequests final
{
    Q_DECLARE_TR_FUNCTIONS(ChangeRequests)
public:
    // Requests with `status` ("" = all), oldest first.
    static bool list(
        Store *store, const QString &status, QList<ChangeRequestItem> *out, QString *error = nullptr);
    static bool approve(Store *store, const QString &id, const QString &note, QString *error = nullptr);
    // A reason is required: the rep reads it.
    static bool reject(Store *store, const QString &id, const QString &reason, QString *error = nullptr);
};

} // namespace rounds
