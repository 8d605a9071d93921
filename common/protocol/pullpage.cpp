#include "common/protocol/pullpage.h"

#include <QJsonArray>

namespace rounds::protocol {

Cursors advanceCursors(Cursors before, const Cursors &page, const QStringList &revokedBuckets)
{
    for (const QString &bucket : revokedBuckets)
        before.remove(bucket);
    for (auto it = page.begin(); it != page.end(); ++it) {
        if (!revokedBuckets.contains(it.key()))
            before.insert(it.key(), it.value());
    }
    return before;
}

QJsonObject PullPage::toJson() const
{
    QJsonArray list;
    for (const PulledChange &c : changes)
        list << c.toJson();
    QJsonObject out {{QStringLiteral("changes"), list}, {QStringLiteral("cursors"), cursorsToJson(cursors)},
        {QStringLiteral("revoked_buckets"), QJsonArray::fromStringList(revokedBuckets)},
        {QStringLiteral("more"), more}, {QStringLiteral("remaining"), remaining},
        {QStringLiteral("epoch"), epoch}};
    if (!role.isEmpty())
        out.insert(QStringLiteral("role"), role);
    out.insert(QStringLiteral("withheld_fields"), privacy::withheldToJson(withheldFields));
    if (!resetBuckets.isEmpty())
        out.insert(QStringLiteral("reset_buckets"), QJsonArray::fromStringList(resetBuckets));
    return out;
}

std::optional<PullPage> PullPage::fromJson(const QJsonObject &json, QString *error)
{
    PullPage page;
    const QJsonArray list = json.value(QLatin1String("changes")).toArray();
    page.changes.reserve(list.size());
    for (const QJsonValue &v : list) {
        std::optional<PulledChange> change = PulledChange::fromJson(v.toObject(), error);
        if (!change)
            return std::nullopt;
        page.changes.append(std::move(*change));
    }
    const QJsonObject cursors = json.value(QLatin1String("cursors")).toObject();
    for (auto it = cursors.begin(); it != cursors.end(); ++it)
        page.cursors.insert(it.key(), it.value().toInteger());
    for (const QJsonValue &b : json.value(QLatin1String("revoked_buckets")).toArray())
        page.revokedBuckets << b.toString();
    page.more = json.value(QLatin1String("more")).toBool();
    page.remaining = json.value(QLatin1String("remaining")).toInteger();
    page.epoch = json.value(QLatin1String("epoch")).toString();
    page.role = json.value(QLatin1String("role")).toString();
    page.withheldFields = privacy::withheldFromJson(json.value(QLatin1String("withheld_fields")));
    for (const QJsonValue &b : json.value(QLatin1String("reset_buckets")).toArray())
        page.resetBuckets << b.toString();
    return page;
}

} // namespace rounds::protocol
