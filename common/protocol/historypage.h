#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace rounds::protocol {

// One field of a change in a record's history: its value before and after (null when it had none).
struct HistoryChange
{
    QString field;
    QJsonValue oldValue;
    QJsonValue newValue;
};

// One change of a record as the server's audit trail keeps it (docs/sync-protocol.md, History).
struct HistoryEntry
{
    qint64 seq = 0; // the cursor of the page that ends with this entry
    QString at; // ISO 8601 UTC
    QString userId;
    QString userName; // the user's display name, empty when the server no longer knows the user
    QString device;
    QString mutationId;
    QString op; // create, update, delete, restore, rejected
    QString note;
    QList<HistoryChange> changes;

    QJsonObject toJson() const;
    static std::optional<HistoryEntry> fromJson(const QJsonObject &json, QString *error = nullptr);
};

// One answer of GET /api/v1/history: {"entity", "id", "entries": […], "more": b, "next_after": n}.
struct HistoryPage
{
    QString entity;
    QString id;
    QList<HistoryEntry> entries; // oldest first
    bool more = false;
    qint64 nextAfter = 0; // pass as `after` for the next page

    QJsonObject toJson() const;
    static std::optional<HistoryPage> fromJson(const QJsonObject &json, QString *error = nullptr);
};

} // namespace rounds::protocol
