#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include <optional>

class QFrame;
class QLabel;
class QWidget;

namespace rounds {

// One tile's figures: the value for the period (`now`, shown as `text`) and for the previous one, and
// how the change is written (decimals, unit). A neutral tile's change is never coloured (spending more
// is not better).
struct KpiTileValue
{
    QString key;
    std::optional<double> now;
    std::optional<double> before;
    QString text;
    int decimals = 0;
    QString unit;
    bool neutral = false;
};

// The dashboard's KPI tiles (DashboardTiles, the content section): each a framed panel with the KPI's
// name, its value and the change against the previous period (green up, red down, muted when equal,
// unknown or neutral). The callers own the words, in their translation contexts.
class KpiTileSet final
{
public:
    // A new tile for `key`, its value font `valueScale` times the normal size.
    QFrame *add(QWidget *parent, const QString &objectName, const QString &key, const QString &name,
        double valueScale);
    // `unknownChange` has %1 for the previous period ("– vs %1"); `change` %1 for the change and %2 for
    // the previous period ("%1 vs %2").
    void fill(const QList<KpiTileValue> &tiles, const QString &previousPeriod, const QString &unknownChange,
        const QString &change);

private:
    QHash<QString, QLabel *> m_values;
    QHash<QString, QLabel *> m_deltas;
};

} // namespace rounds
