#pragma once

#include "common/protocol/schema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace rounds::protocol {

// How one field of a pushed change compares with the server's value (PROTOCOL.md, Push).
enum class MergeOutcome {
    Same, // the server already holds the value the client wants: nothing to do
    TakeMine, // the server still holds `base`: the client's value applies
    Conflict, // both sides changed the field differently: the entity's policy decides
};

// The field-level three-way comparison. An undefined `base` (the client did not say what it had)
// counts as a value the server never held, so a differing server value is a conflict.
MergeOutcome mergeField(const QJsonValue &base, const QJsonValue &theirs, const QJsonValue &mine);

// What happens to a field in conflict, by the entity's policy and who pushes.
enum class Resolution {
    Apply, // the pushed value applies (OwnerWins, pushed by the owner)
    KeepServer, // the server keeps its value; the loser goes to the audit log (OwnerWins, not the owner)
    FileReview, // the server keeps its value and files the loser as an open change_request (ServerReviews)
    AskUser, // nothing of the field applies; the client asks its user (AskUser)
};

Resolution resolveConflict(ConflictPolicy policy, bool pusherOwnsRecord);

struct FieldConflict
{
    QString field;
    QJsonValue base;
    QJsonValue mine;
    QJsonValue theirs;
    Resolution resolution = Resolution::AskUser;
};

// The merge of a whole `set` against the server's current fields.
struct MergeResult
{
    QJsonObject apply; // fields whose pushed value goes in
    QList<FieldConflict> conflicts; // fields in conflict, each with its resolution
    bool hasAskUser() const;
    QList<FieldConflict> withResolution(Resolution r) const;
};

// `base` is what the client last had from the server (for the fields of `set`), `theirs` the server's
// current fields, `set` the pushed values.
MergeResult mergeRecord(const Entity &entity, const QJsonObject &base, const QJsonObject &theirs,
    const QJsonObject &set, bool pusherOwnsRecord);

} // namespace rounds::protocol
