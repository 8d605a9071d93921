#include "server/consentrules.h"

#include "common/protocol/errors.h"
#include "common/protocol/pushresult.h"

#include <QDateTime>

namespace rounds::server::consentrules {

using namespace rounds::protocol;

namespace {

// The newest record naming `key` (updated_at, then id), as complianceConfig reads its setting.
QJsonValue setting(const QList<StoredRecord> &settings, const QString &key)
{
    const StoredRecord *newest = nullptr;
    for (const StoredRecord &r : settings) {
        if (r.record.fields.value(QLatin1String("key")).toString() != key)
            continue;
        if (!newest || r.record.updatedAt > newest->record.updatedAt
            || (r.record.updatedAt == newest->record.updatedAt && r.record.id > newest->record.id))
            newest = &r;
    }
    return newest ? newest->record.fields.value(QLatin1String("value")) : QJsonValue(QJsonValue::Undefined);
}

} // namespace

consent::Rules rules(StoreReader &store)
{
    const QList<StoredRecord> settings = store.all(QStringLiteral("setting"));
    return consent::Rules::fromSettings(setting(settings, consent::RequiredKey),
        setting(settings, consent::ValidityDaysKey), setting(settings, consent::WarningDaysKey));
}

QList<consent::Record> records(StoreReader &store, const QString &hcpId)
{
    QList<consent::Record> out;
    for (const StoredRecord &r : store.referencing(QStringLiteral("consent"), IndexedRef::HcpId, hcpId))
        out << consent::Record::fromFields(r.record.id, r.record.fields);
    return out;
}

std::optional<QJsonObject> check(StoreReader &store, const QString &entity,
    const std::optional<QJsonObject> &before, const QJsonObject &after)
{
    if (!consent::isNewContact(entity, before, after))
        return std::nullopt;
    const consent::Contact contact = *consent::contactOf(entity, after);
    const QDateTime at = contact.at.isValid() ? contact.at : QDateTime::currentDateTimeUtc();
    const consent::Verdict v
        = consent::judge(records(store, contact.hcpId), contact.hcpId, contact.channel, {}, at, rules(store));
    if (!v.blocks)
        return std::nullopt;
    WireError e;
    e.code = QString::fromLatin1(ErrorCode::ConsentRequired);
    e.message = QStringLiteral("HCP %1 has no consent for channel %2 (%3)")
                    .arg(contact.hcpId, contact.channel, consent::stateName(v.state));
    e.field = contact.field;
    e.details = QJsonObject {{QStringLiteral("hcp_id"), contact.hcpId},
        {QStringLiteral("channel"), contact.channel},
        {QStringLiteral("state"), consent::stateName(v.state)}};
    return e.toJson();
}

} // namespace rounds::server::consentrules
