#include "common/protocol/content.h"

namespace rounds::protocol::content {

namespace {

QDate dateOf(const QJsonValue &v)
{
    return v.isString() ? QDate::fromString(v.toString(), Qt::ISODate) : QDate();
}

QDateTime timeOf(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace

bool countsAsViewed(qint64 durationMs, const QJsonValue &reaction)
{
    return durationMs >= ViewedAfterMs || (reaction.isString() && !reaction.toString().isEmpty());
}

QString availabilityName(Availability a)
{
    switch (a) {
    case Availability::Presentable:
        return QStringLiteral("presentable");
    case Availability::Draft:
        return QStringLiteral("draft");
    case Availability::Withdrawn:
        return QStringLiteral("withdrawn");
    case Availability::Expired:
        return QStringLiteral("expired");
    case Availability::NotYetValid:
        return QStringLiteral("not_yet_valid");
    }
    return {};
}

Availability availability(const QJsonObject &material, const QDate &on)
{
    const QString status = material.value(QLatin1String("status")).toString();
    if (status == QLatin1String("withdrawn"))
        return Availability::Withdrawn;
    if (status == QLatin1String("expired"))
        return Availability::Expired;
    if (status != QLatin1String("approved"))
        return Availability::Draft;
    const QDate to = dateOf(material.value(QLatin1String("valid_to")));
    if (to.isValid() && on > to)
        return Availability::Expired;
    const QDate from = dateOf(material.value(QLatin1String("valid_from")));
    if (from.isValid() && on < from)
        return Availability::NotYetValid;
    return Availability::Presentable;
}

QDateTime trustedNow(const QDateTime &localNow, const QDateTime &latestSeen)
{
    if (!latestSeen.isValid())
        return localNow;
    if (!localNow.isValid() || latestSeen > localNow)
        return latestSeen;
    return localNow;
}

std::optional<Refusal> checkView(
    const QJsonObject &view, const QJsonObject &material, const QDateTime &materialUpdatedAt)
{
    const QDateTime started = timeOf(view.value(QLatin1String("started_at")));
    if (!started.isValid())
        return Refusal {QStringLiteral("started_at"), QStringLiteral("started_at is not a time")};
    if (view.value(QLatin1String("material_version")).toInteger(-1)
        != material.value(QLatin1String("material_version")).toInteger(1))
        return Refusal {QStringLiteral("material_version"),
            QStringLiteral("material_version is not the version of the material")};
    QJsonObject asApproved = material;
    const QString status = material.value(QLatin1String("status")).toString();
    if (status == QLatin1String("draft"))
        return Refusal {QStringLiteral("material_id"), QStringLiteral("a draft material is never presented")};
    if (status != QLatin1String("approved")) {
        if (materialUpdatedAt.isValid() && started >= materialUpdatedAt)
            return Refusal {QStringLiteral("material_id"),
                QStringLiteral("the material was %1 before this view started").arg(status)};
        asApproved.insert(QStringLiteral("status"), QStringLiteral("approved"));
    }
    // The day of the view in UTC, with a day's grace each way: the laptop judged it in its own time zone.
    const QDate day = started.date();
    if (availability(asApproved, day.addDays(1)) == Availability::NotYetValid)
        return Refusal {
            QStringLiteral("started_at"), QStringLiteral("the material was not valid yet on that day")};
    if (availability(asApproved, day.addDays(-1)) == Availability::Expired)
        return Refusal {QStringLiteral("started_at"), QStringLiteral("the material had expired on that day")};
    return std::nullopt;
}

} // namespace rounds::protocol::content
