#pragma once

#include <QJsonObject>
#include <QString>

namespace rounds {

class Store;

// The user's own choices on this computer (QSettings), read at start and by the settings dialog.
namespace preferences {

// "" follows the system locale; otherwise a locale name such as "en" or "zh_CN". Applies at the next
// start (the --language option overrides it for one run).
QString language();
void setLanguage(const QString &name);

// The look: "system" (the desktop's style and palette, the default), "light" or "dark". Applied at start
// and at once when Settings changes it (the --theme option overrides it for one run).
QString theme();
void setTheme(const QString &name);

// Minutes between automatic syncs; 0 syncs only when asked and shortly after a save.
int autoSyncMinutes();
void setAutoSyncMinutes(int minutes);
inline constexpr int DefaultAutoSyncMinutes = 15;

// Seconds between the live pulls that bring others' changes (a manager's decision) while the window is
// in front (SyncEngine::setLivePullSeconds); 0 turns them off. At most MaxLivePullSeconds.
int livePullSeconds();
void setLivePullSeconds(int seconds);
inline constexpr int DefaultLivePullSeconds = 10;
inline constexpr int MaxLivePullSeconds = 600;

// The product-detail weights the dashboard uses on this computer, kept in the local database's meta
// (key `kpi.weights`: {"first": 1, "second": 0.5, "later": 0.25}); empty when the user kept the
// company's defaults.
QJsonObject kpiWeights(const Store &store);
bool setKpiWeights(Store &store, const QJsonObject &weights);
inline const QString KpiWeightsMetaKey = QStringLiteral("kpi.weights");

} // namespace preferences
} // namespace rounds
