#pragma once

#include "common/protocol/merge.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rounds::protocol {

// The error object of a rejected mutation (PROTOCOL.md, Errors): {"code","message"[, "field"], …}.
struct WireError
{
    QString code;
    QString message;
    QString field; // empty: no one field is at fault
    QJsonObject details; // any other members, e.g. a compliance refusal's "rule" and "violations"

    QJsonObject toJson() const;
    static WireError fromJson(const QJsonObject &json);
};

// The answer to one pushed mutation (PROTOCOL.md, Push):
// {"mutation_id","status"[, "version"][, "error"][, "conflicts"][, "record"][, "deleted"][,
// "change_request_id"]}.
struct PushResult
{
    enum class Status { Applied, Merged, Conflict, Rejected };

    QString mutationId;
    Status status = Status::Applied;
    qint64 version = 0; // not sent with a rejection
    WireError error; // Rejected only
    // Conflict: the fields the user decides (none for a delete or a restore); Merged: the fields that went
    // to review. On the wire each is {"field","base","mine","theirs"}; the resolution stays on the server.
    QList<FieldConflict> conflicts;
    QJsonObject record; // the server's record now (a conflict, or a merge that kept some server values)
    bool deleted = false; // Conflict: the record was deleted meanwhile
    QString changeRequestId; // Merged: the change request filed for the fields sent to review

    static PushResult rejected(const QString &mutationId, const WireError &error);

    QJsonObject toJson() const;
    // Read leniently, as the client always has; only a status outside the four is refused.
    static std::optional<PushResult> fromJson(const QJsonObject &json, QString *error = nullptr);

    static QString statusName(Status status);
    static std::optional<Status> statusFromName(QStringView name);
    static QJsonArray conflictsToJson(const QList<FieldConflict> &conflicts);
    static QList<FieldConflict> conflictsFromJson(const QJsonArray &conflicts);
};

// {"results": […]}: one result per mutation, in the order of the push.
struct PushAnswer
{
    QList<PushResult> results;

    QJsonObject toJson() const;
    static std::optional<PushAnswer> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace rounds::protocol
