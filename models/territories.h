#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds {

class Store;

// The territory tree of the SFE workspace (region → district → territory) over the store's
// `territory` records, and the edits SFE makes to it. Every edit is a Store write, so it reaches the
// server as a synced mutation; a concurrent edit by someone else comes back as a conflict (AskUser).

struct TerritoryNode
{
    QString id;
    QString code;
    QString name;
    QString level; // region, district, territory
    QString parentId;
    QString ownerId;
    QString ownerName; // the owner's display name, when the user record is in the store
    bool retired = false;
    bool pending = false; // a local change waits to be sent
    bool conflicted = false; // an open conflict on this territory
};

struct TerritoryUser
{
    QString id;
    QString name;
    QString role;
};

struct TerritoryEditResult
{
    bool ok = false;
    QString error; // a sentence for the user
    QString id; // the territory created
};

class Territories final
{
    Q_DECLARE_TR_FUNCTIONS(Territories)
public:
    // Every territory of the store, ordered by level then code. False with `error` on an SQLite error.
    static bool list(Store *store, QList<TerritoryNode> *out, QString *error = nullptr);
    // Active users who can own a territory (reps, managers), by name.
    static QList<TerritoryUser> owners(Store *store);

    // The level a child of `parentLevel` has ("" → region); empty when it can have no children.
    static QString childLevel(const QString &parentLevel);

    // The tree rules the client checks before writing (the server checks them again).
    static TerritoryEditResult create(Store *store, const QString &parentId, const QString &code,
        const QString &name, const QString &ownerId = {});
    static TerritoryEditResult rename(Store *store, const QString &id, const QString &name);
    // Moves `id` under `newParentId`, which must be one level above it and not inside it.
    static TerritoryEditResult move(Store *store, const QString &id, const QString &newParentId);
    static TerritoryEditResult assignOwner(Store *store, const QString &id, const QString &ownerId);
    // Retires a territory with no live children and no current or future alignments: marks it retired
    // when the schema has a field for that (`active` / `status`), otherwise deletes the record.
    static TerritoryEditResult retire(Store *store, const QString &id, const QDate &today = {});
};

} // namespace rounds
