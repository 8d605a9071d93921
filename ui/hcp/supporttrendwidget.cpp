#include "ui/hcp/supporttrendwidget.h"

#include <QPainter>
#include <QPainterPath>

namespace rounds {

SupportTrendWidget::SupportTrendWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("supportTrendWidget"));
    setMinimumHeight(48);
}

void SupportTrendWidget::setLevels(const QList<int> &levels)
{
    m_levels = levels;
    update();
}

void SupportTrendWidget::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(8, 6, -8, -6);
    p.setPen(QPen(palette().color(QPalette::Mid), 1, Qt::DotLine));
    for (int level = 1; level <= 5; ++level) {
        const qreal y = area.bottom() - (level - 1) * area.height() / 4;
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
    }
    if (m_levels.isEmpty())
        return;
    auto point = [&](int i) {
        const qreal x = m_levels.size() == 1 ? area.center().x()
                                             : area.left() + i * area.width() / (m_levels.size() - 1);
        return QPointF(x, area.bottom() - (qBound(1, m_levels.at(i), 5) - 1) * area.height() / 4);
    };
    QPainterPath path(point(0));
    for (int i = 1; i < m_levels.size(); ++i)
        path.lineTo(point(i));
    const QColor accent = palette().color(QPalette::Highlight);
    p.setPen(QPen(accent, 2));
    p.drawPath(path);
    p.setBrush(accent);
    for (int i = 0; i < m_levels.size(); ++i)
        p.drawEllipse(point(i), 3, 3);
}

} // namespace rounds
