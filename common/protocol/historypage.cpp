#include "common/protocol/historypage.h"

#include <QJsonArray>

namespace rounds::protocol {

namespace {

QJsonValue orNull(const QJsonValue &v)
{
    return v.isUndefined() ? QJsonValue(QJsonValue::Null) : v;
}

} // namespace

QJsonObject HistoryEntry::toJson() const
{
    QJsonArray list;
    for (const HistoryChange &c : changes)
        list << QJsonObject {{QStringLiteral("field"), c.field}, {QStringLiteral("old"), orNull(c.oldValue)},
            {QStringLiteral("new"), orNull(c.newValue)}};
    return QJsonObject {{QStringLiteral("seq"), seq}, {QStringLiteral("at"), at},
        {QStringLiteral("user"),
            QJsonObject {{QStringLiteral("id"), userId}, {QStringLiteral("display_name"), userName}}},
        {QStringLiteral("device"), device}, {QStringLiteral("mutation_id"), mutationId},
        {QStringLiteral("op"), op}, {QStringLiteral("note"), note}, {QStringLiteral("changes"), list}};
}

std::optional<HistoryEntry> HistoryEntry::fromJson(const QJsonObject &json, QString *error)
{
    HistoryEntry e;
    e.seq = json.value(QLatin1String("seq")).toInteger(-1);
    e.at = json.value(QLatin1String("at")).toString();
    e.op = json.value(QLatin1String("op")).toString();
    if (e.seq < 0 || e.at.isEmpty() || e.op.isEmpty()) {
        if (error)
            *error = QStringLiteral("a history entry lacks its seq, at or op");
        return std::nullopt;
    }
    const QJsonObject user = json.value(QLatin1String("user")).toObject();
    e.userId = user.value(QLatin1String("id")).toString();
    e.userName = user.value(QLatin1String("display_name")).toString();
    e.device = json.value(QLatin1String("device")).toString();
    e.mutationId = json.value(QLatin1String("mutation_id")).toString();
    e.note = json.value(QLatin1String("note")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("changes")).toArray()) {
        const QJsonObject c = v.toObject();
        e.changes << HistoryChange {c.value(QLatin1String("field")).toString(),
            orNull(c.value(QLatin1String("old"))), orNull(c.value(QLatin1String("new")))};
    }
    return e;
}

QJsonObject HistoryPage::toJson() const
{
    QJsonArray list;
    for (const HistoryEntry &e : entries)
        list << e.toJson();
    return QJsonObject {{QStringLiteral("entity"), entity}, {QStringLiteral("id"), id},
        {QStringLiteral("entries"), list}, {QStringLiteral("more"), more},
        {QStringLiteral("next_after"), nextAfter}};
}

std::optional<HistoryPage> HistoryPage::fromJson(const QJsonObject &json, QString *error)
{
    HistoryPage page;
    page.entity = json.value(QLatin1String("entity")).toString();
    page.id = json.value(QLatin1String("id")).toString();
    if (!json.value(QLatin1String("entries")).isArray()) {
        if (error)
            *error = QStringLiteral("the answer has no list of history entries");
        return std::nullopt;
    }
    for (const QJsonValue &v : json.value(QLatin1String("entries")).toArray()) {
        std::optional<HistoryEntry> e = HistoryEntry::fromJson(v.toObject(), error);
        if (!e)
            return std::nullopt;
        page.entries << std::move(*e);
    }
    page.more = json.value(QLatin1String("more")).toBool();
    page.nextAfter = json.value(QLatin1String("next_after")).toInteger();
    return page;
}

} // namespace rounds::protocol
