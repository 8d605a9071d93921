#include "common/compliance/resubmission.h"

#include "common/protocol/values.h"

namespace rounds::compliance {

using protocol::str;

namespace {

std::int64_t minor(const QJsonObject &o, const char *key)
{
    return std::int64_t(o.value(QLatin1String(key)).toDouble());
}

bool speaks(const QJsonObject &attendee)
{
    const QString role = str(attendee, "role");
    return role == QLatin1String("speaker") || role == QLatin1String("chair");
}

// A row that moved in from another meeting is new to this one.
std::optional<QJsonObject> sameMeeting(const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    if (before && str(*before, "meeting_id") == str(after, "meeting_id"))
        return before;
    return std::nullopt;
}

} // namespace

QString meetingChangeReason(const QJsonObject &before, const QJsonObject &after)
{
    for (const char *key : {"starts_at", "ends_at"}) {
        if (str(before, key) != str(after, key))
            return QStringLiteral("date_moved");
    }
    return {};
}

QString attendeeChangeReason(const std::optional<QJsonObject> &stored, const QJsonObject &after)
{
    const std::optional<QJsonObject> before = sameMeeting(stored, after);
    if (speaks(after) && !(before && speaks(*before)))
        return QStringLiteral("speaker_added");
    if (minor(after, "fee_minor") > (before ? minor(*before, "fee_minor") : 0))
        return QStringLiteral("fee_raised");
    return {};
}

QString expenseChangeReason(const std::optional<QJsonObject> &stored, const QJsonObject &after)
{
    // Only fees: other spend is held to the approved budget, checked at closing (budget_overrun).
    auto fee = [](const QJsonObject &e) {
        return str(e, "category") == QLatin1String("speaker_fee") ? minor(e, "amount_minor") : 0;
    };
    const std::optional<QJsonObject> before = sameMeeting(stored, after);
    if (fee(after) > (before ? fee(*before) : 0))
        return QStringLiteral("fee_raised");
    return {};
}

QString childChangeReason(
    const QString &entity, const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    if (entity == QLatin1String("meeting_attendee"))
        return attendeeChangeReason(before, after);
    if (entity == QLatin1String("meeting_expense"))
        return expenseChangeReason(before, after);
    return {};
}

bool sentBackOnMaterialChange(const QString &status)
{
    return status == QLatin1String("approved");
}

} // namespace rounds::compliance
