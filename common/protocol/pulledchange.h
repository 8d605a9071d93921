#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace rounds {

// One entry of a pulled page (PROTOCOL.md, Pull).
struct PulledChange
{
    enum class Op { Upsert, Delete, Revoke };
    QString bucket;
    qint64 seq = 0;
    QString entity;
    QString id;
    Op op = Op::Upsert;
    QJsonObject record; // Upsert: the whole record as the server sent it

    // {"bucket","seq","entity","id","op"[, "record"]}: the record goes with an upsert only.
    QJsonObject toJson() const;
    // Parses one element of "changes"; nothing (with a reason) when it is malformed.
    static std::optional<PulledChange> fromJson(const QJsonObject &json, QString *error = nullptr);

    // The wire names of the ops ("upsert", "delete", "revoke"), as the server's change log keeps them too.
    static QString opName(Op op);
    static std::optional<Op> opFromName(QStringView name);
};

} // namespace rounds
