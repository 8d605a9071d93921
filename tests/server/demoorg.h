#pragma once

// The demo organisation as an admin pulls it, indexed for tests: ids by code and user name, HCPs by
// the territories they are aligned to.

#include "server/serverprocess.h"

#include <QHash>
#include <QSet>

namespace rounds::test {

struct DemoOrg
{
    QHash<QString, QString> territory; // code → id
    QHash<QString, QString> user; // username → id
    QHash<QString, QJsonObject> records; // id → newest record
    QHash<QString, QStringList> hcpTerritories; // hcp id → territory ids it is aligned to
    QList<QJsonObject> changes;

    bool load(ServerProcess &server)
    {
        const QString token = server.login(QStringLiteral("admin"));
        if (token.isEmpty())
            return false;
        const PullResult all = server.pullAll(token);
        if (!all.ok)
            return false;
        changes = all.changes;
        for (const QJsonObject &t : recordsOf(all.changes, QStringLiteral("territory")))
            territory.insert(
                t.value(QLatin1String("code")).toString(), t.value(QLatin1String("id")).toString());
        for (const QJsonObject &u : recordsOf(all.changes, QStringLiteral("user")))
            user.insert(
                u.value(QLatin1String("username")).toString(), u.value(QLatin1String("id")).toString());
        for (const QJsonObject &c : all.changes) {
            const QJsonObject r = c.value(QLatin1String("record")).toObject();
            if (!r.isEmpty())
                records.insert(r.value(QLatin1String("id")).toString(), r);
        }
        for (const QJsonObject &a : recordsOf(all.changes, QStringLiteral("alignment")))
            hcpTerritories[a.value(QLatin1String("hcp_id")).toString()]
                << a.value(QLatin1String("territory_id")).toString();
        return !territory.isEmpty() && !user.isEmpty();
    }

    QList<QJsonObject> all(const QString &entity) const { return recordsOf(changes, entity); }

    // HCPs aligned to exactly this one territory (by code).
    QStringList hcpsOnlyIn(const QString &code) const
    {
        QStringList out;
        const QString tid = territory.value(code);
        for (auto it = hcpTerritories.begin(); it != hcpTerritories.end(); ++it) {
            if (it.value() == QStringList {tid})
                out << it.key();
        }
        out.sort();
        return out;
    }

    QJsonObject record(const QString &id) const { return records.value(id); }
};

} // namespace rounds::test
