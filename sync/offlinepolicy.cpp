#include "sync/offlinepolicy.h"

#include "models/companysettings.h"
#include "models/store.h"

#include <QJsonValue>

#include <optional>

namespace rounds::offlinepolicy {

int maxDays(Store &store)
{
    std::optional<QJsonValue> value;
    QString error;
    if (!CompanySettings::value(&store, SettingKey, &value, &error) || !value || !value->isDouble())
        return DefaultMaxDays;
    const double days = value->toDouble();
    if (days != double(qint64(days)) || days < 1 || days > 365)
        return DefaultMaxDays;
    return int(days);
}

QDateTime lastContact(Store &store)
{
    QDateTime newest;
    for (const QString &key : {LastContactMetaKey, QStringLiteral("last_sync")}) {
        const QDateTime t = QDateTime::fromString(store.meta(key), Qt::ISODateWithMs);
        if (t.isValid() && (!newest.isValid() || t > newest))
            newest = t;
    }
    return newest;
}

void recordContact(Store &store, const QDateTime &now)
{
    store.setMeta(LastContactMetaKey, now.toUTC().toString(Qt::ISODateWithMs));
}

bool passwordRequired(Store &store, const QDateTime &now)
{
    if (store.meta(QStringLiteral("server")).isEmpty())
        return false;
    const QDateTime last = lastContact(store);
    if (!last.isValid())
        return false;
    return last.secsTo(now) > qint64(maxDays(store)) * 24 * 3600;
}

} // namespace rounds::offlinepolicy
