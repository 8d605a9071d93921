#include "sync/preferences.h"

#include "models/store.h"

#include <QJsonDocument>
#include <QSettings>

namespace rounds::preferences {

namespace {
const QString kLanguageKey = QStringLiteral("ui/language");
const QString kAutoSyncKey = QStringLiteral("sync/autoSyncMinutes");
const QString kLivePullKey = QStringLiteral("sync/livePullSeconds");
const QString kThemeKey = QStringLiteral("ui/theme");
} // namespace

QString language()
{
    return QSettings().value(kLanguageKey).toString();
}

void setLanguage(const QString &name)
{
    QSettings settings;
    if (name.isEmpty())
        settings.remove(kLanguageKey);
    else
        settings.setValue(kLanguageKey, name);
}

int livePullSeconds()
{
    bool ok = false;
    const int seconds = QSettings().value(kLivePullKey, DefaultLivePullSeconds).toInt(&ok);
    return ok && seconds >= 0 && seconds <= MaxLivePullSeconds ? seconds : DefaultLivePullSeconds;
}

void setLivePullSeconds(int seconds)
{
    QSettings().setValue(kLivePullKey, seconds);
}

QString theme()
{
    const QString name = QSettings().value(kThemeKey).toString();
    return name == QLatin1String("light") || name == QLatin1String("dark") ? name : QStringLiteral("system");
}

void setTheme(const QString &name)
{
    QSettings settings;
    if (name == QLatin1String("light") || name == QLatin1String("dark"))
        settings.setValue(kThemeKey, name);
    else
        settings.remove(kThemeKey);
}

int autoSyncMinutes()
{
    bool ok = false;
    const int minutes = QSettings().value(kAutoSyncKey, DefaultAutoSyncMinutes).toInt(&ok);
    return ok && minutes >= 0 && minutes <= 24 * 60 ? minutes : DefaultAutoSyncMinutes;
}

void setAutoSyncMinutes(int minutes)
{
    QSettings().setValue(kAutoSyncKey, minutes);
}

QJsonObject kpiWeights(const Store &store)
{
    return QJsonDocument::fromJson(store.meta(KpiWeightsMetaKey).toUtf8()).object();
}

bool setKpiWeights(Store &store, const QJsonObject &weights)
{
    return store.setMeta(KpiWeightsMetaKey,
        weights.isEmpty() ? QString()
                          : QString::fromUtf8(QJsonDocument(weights).toJson(QJsonDocument::Compact)));
}

} // namespace rounds::preferences
