#include "ui/dashboard/kpitiles.h"

#include "ui/common/theme.h"

#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace rounds {

QFrame *KpiTileSet::add(
    QWidget *parent, const QString &objectName, const QString &key, const QString &name, double valueScale)
{
    auto *tile = new QFrame(parent);
    tile->setObjectName(objectName);
    tile->setFrameShape(QFrame::StyledPanel);
    // The palette's base colour, not a style sheet: a style sheet freezes the colours it was parsed with,
    // and the tile stayed light after a switch to the dark theme.
    tile->setBackgroundRole(QPalette::Base);
    tile->setAutoFillBackground(true);
    auto *l = new QVBoxLayout(tile);
    l->setContentsMargins(10, 6, 10, 6);
    l->setSpacing(0);
    auto *nameLabel = new QLabel(name, tile);
    nameLabel->setObjectName(QStringLiteral("tileNameLabel"));
    theme::setTone(nameLabel, theme::Tone::Muted);
    auto *value = new QLabel(QStringLiteral("–"), tile);
    value->setObjectName(QStringLiteral("tileValueLabel"));
    QFont f = value->font();
    f.setPointSizeF(f.pointSizeF() * valueScale);
    f.setBold(true);
    value->setFont(f);
    auto *delta = new QLabel(tile);
    delta->setObjectName(QStringLiteral("tileDeltaLabel"));
    l->addWidget(nameLabel);
    l->addWidget(value);
    l->addWidget(delta);
    m_values.insert(key, value);
    m_deltas.insert(key, delta);
    return tile;
}

void KpiTileSet::fill(const QList<KpiTileValue> &tiles, const QString &previousPeriod,
    const QString &unknownChange, const QString &change)
{
    for (const KpiTileValue &t : tiles) {
        QLabel *value = m_values.value(t.key);
        QLabel *delta = m_deltas.value(t.key);
        if (!value || !delta)
            continue;
        value->setText(t.text);
        if (!t.now || !t.before) {
            delta->setText(unknownChange.arg(previousPeriod));
            theme::setTone(delta, theme::Tone::Muted);
            continue;
        }
        const double d = *t.now - *t.before;
        const QString arrow = d > 0 ? QStringLiteral("▲ +")
            : d < 0                 ? QStringLiteral("▼ ")
                                    : QStringLiteral("= ");
        delta->setText(change.arg(arrow + QLocale().toString(d, 'f', t.decimals) + t.unit, previousPeriod));
        theme::setTone(delta,
            t.neutral || d == 0 ? theme::Tone::Muted
                : d > 0         ? theme::Tone::Success
                                : theme::Tone::Error);
    }
}

} // namespace rounds
