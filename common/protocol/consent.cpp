#include "common/protocol/consent.h"

#include "common/protocol/schema.h"

namespace rounds::protocol::consent {

namespace {

QDateTime timeOf(const QJsonValue &v)
{
    if (!v.isString())
        return {};
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

int intSetting(const QJsonValue &v, int lo, int hi, int byDefault)
{
    if (!v.isDouble())
        return byDefault;
    const double d = v.toDouble();
    if (d != double(qint64(d)) || d < lo || d > hi)
        return byDefault;
    return int(d);
}

QString text(const QJsonObject &o, const char *key)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return v.isString() ? v.toString() : QString();
}

// The contacts of a record, declared as data: which entity, its HCP field, how its channel is found,
// when it happens, and which kind of row it must be.
struct ContactRule
{
    const char *entity;
    const char *hcpField;
    const char *channelField; // mapped by channelOfVisit; null: `fixedChannel`
    const char *fixedChannel;
    const char *timeField; // null: the time of the check
    const char *kindField; // null: every row
    const char *kindValue;
    const char *refusalField;
};

const ContactRule kContacts[] = {
    {"visit", "hcp_id", "channel", nullptr, "visited_at", nullptr, nullptr, "channel"},
    {"meeting_attendee", "hcp_id", nullptr, "event_invitation", nullptr, "kind", "hcp", "hcp_id"},
};

const ContactRule *ruleFor(const QString &entity)
{
    for (const ContactRule &r : kContacts) {
        if (entity == QLatin1String(r.entity))
            return &r;
    }
    return nullptr;
}

} // namespace

Rules Rules::fromSettings(
    const QJsonValue &required, const QJsonValue &validityDays, const QJsonValue &warningDays)
{
    Rules r;
    r.required = required.isBool() ? required.toBool() : false;
    r.validityDays = intSetting(validityDays, 1, 3650, r.validityDays);
    r.warningDays = intSetting(warningDays, 0, 365, r.warningDays);
    return r;
}

Record Record::fromFields(const QString &id, const QJsonObject &f)
{
    Record r;
    r.id = id;
    r.hcpId = text(f, "hcp_id");
    r.channel = text(f, "channel");
    r.productId = text(f, "product_id");
    r.granted = text(f, "status") == QLatin1String("granted");
    r.capturedAt = timeOf(f.value(QLatin1String("captured_at")));
    r.expiresAt = timeOf(f.value(QLatin1String("expires_at")));
    r.source = text(f, "source");
    r.evidence = text(f, "evidence");
    return r;
}

QDateTime Record::effectiveExpiry(int validityDays) const
{
    if (expiresAt.isValid())
        return expiresAt;
    return capturedAt.isValid() ? capturedAt.addDays(validityDays) : QDateTime();
}

QString stateName(State state)
{
    switch (state) {
    case State::Allowed:
        return QStringLiteral("allowed");
    case State::Missing:
        return QStringLiteral("missing");
    case State::Withdrawn:
        return QStringLiteral("withdrawn");
    case State::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

Verdict judge(const QList<Record> &records, const QString &hcpId, const QString &channel,
    const QString &productId, const QDateTime &at, const Rules &rules)
{
    Verdict v;
    const Record *newest = nullptr;
    for (const Record &r : records) {
        if (r.hcpId != hcpId || r.channel != channel || !r.capturedAt.isValid())
            continue;
        if (!productId.isEmpty() && !r.productId.isEmpty() && r.productId != productId)
            continue;
        const bool newer = !newest || r.capturedAt > newest->capturedAt
            || (r.capturedAt == newest->capturedAt && newest->granted && !r.granted);
        if (newer)
            newest = &r;
    }
    if (!newest) {
        v.state = State::Missing;
    } else {
        v.deciding = *newest;
        if (!newest->granted) {
            v.state = State::Withdrawn;
        } else {
            v.expiresAt = newest->effectiveExpiry(rules.validityDays);
            v.state = v.expiresAt.isValid() && v.expiresAt <= at ? State::Expired : State::Allowed;
        }
    }
    v.blocks = v.state == State::Withdrawn || (rules.required && v.state != State::Allowed);
    return v;
}

bool trackingAllowed(
    const QList<Record> &records, const QString &hcpId, const QDateTime &at, const Rules &rules)
{
    return !judge(records, hcpId, ActivityTracking, {}, at, rules).blocks;
}

bool expiringSoon(const Verdict &verdict, const QDateTime &now, const Rules &rules)
{
    return verdict.state == State::Allowed && verdict.expiresAt.isValid()
        && verdict.expiresAt <= now.addDays(rules.warningDays);
}

QString channelOfVisit(const QString &visitChannel)
{
    if (visitChannel == QLatin1String("material"))
        return QStringLiteral("email");
    return visitChannel;
}

std::optional<Contact> contactOf(const QString &entity, const QJsonObject &fields)
{
    const ContactRule *rule = ruleFor(entity);
    if (!rule)
        return std::nullopt;
    if (rule->kindField && text(fields, rule->kindField) != QLatin1String(rule->kindValue))
        return std::nullopt;
    Contact c;
    c.hcpId = text(fields, rule->hcpField);
    if (c.hcpId.isEmpty())
        return std::nullopt;
    c.channel = rule->channelField ? channelOfVisit(text(fields, rule->channelField))
                                   : QString::fromLatin1(rule->fixedChannel);
    if (rule->timeField)
        c.at = timeOf(fields.value(QLatin1String(rule->timeField)));
    c.field = QString::fromLatin1(rule->refusalField);
    return c;
}

bool isNewContact(const QString &entity, const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    const std::optional<Contact> now = contactOf(entity, after);
    if (!now)
        return false;
    if (!before)
        return true;
    const std::optional<Contact> was = contactOf(entity, *before);
    return !was || was->hcpId != now->hcpId || was->channel != now->channel || was->at != now->at;
}

QStringList channels()
{
    const Entity *e = Schema::instance().entity(u"consent");
    const Field *f = e ? e->field(u"channel") : nullptr;
    return f ? f->enumValues : QStringList();
}

} // namespace rounds::protocol::consent
