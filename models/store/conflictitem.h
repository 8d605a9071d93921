#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace rounds {

// A field the server could not settle (policy AskUser) or a delete that met a newer version: kept
// with base / mine / theirs until the user decides.
struct ConflictItem
{
    qint64 id = 0;
    QString entity;
    QString recordId;
    QString mutationId;
    QString field; // empty: the conflict is about a delete, not one field
    QJsonValue base;
    QJsonValue mine;
    QJsonValue theirs;
    QString createdAt;
    bool resolved = false;
    QString resolution; // "mine", "theirs" or "other"

    // Field: one field both sides changed. Delete: our delete met a newer version (mine = "delete",
    // theirs = the record). Restore: our edit met a deletion (mine = the values to restore, theirs =
    // "deleted", base = the tombstone's version).
    enum Kind { Field, Delete, Restore };
    Kind kind() const { return !field.isEmpty() ? Field : mine.isObject() ? Restore : Delete; }

    QJsonObject toJson() const;
};

} // namespace rounds
