#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rounds {

// One mutation of a push (PROTOCOL.md, Push). On the client it is also one row of the outbox, hence the
// local columns (seq, createdAt, state and the server's rejection) that never go on the wire.
struct OutboxMutation
{
    qint64 seq = 0;
    QString mutationId;
    QString entity;
    QString recordId;
    QString op; // "upsert" or "delete"
    qint64 baseVersion = 0;
    QJsonObject base;
    QJsonObject set;
    QString createdAt;
    QString state; // "pending", "sending" or "rejected"
    QString errorCode;
    QString errorMessage;
    QString errorField;

    bool isRejected() const { return state == QLatin1String("rejected"); }

    // The wire form: {"mutation_id","entity","id","op","base_version"[, "base", "set"]}.
    QJsonObject toJson() const;

    // Reads one pushed mutation as the server checks it, in the order mutation_id, entity, id, op,
    // base_version, base, set. A mutation wrong on its own is still returned, "rejected" with
    // invalid_request and errorMessage/errorField naming its first fault: the server answers it and
    // applies the others (PROTOCOL.md, Push).
    static OutboxMutation decode(const QJsonObject &json);
    // The same, nothing when it is malformed.
    static std::optional<OutboxMutation> fromJson(
        const QJsonObject &json, QString *error = nullptr, QString *field = nullptr);
};

} // namespace rounds
