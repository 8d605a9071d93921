#include "ui/mainwindow/navbadgedelegate.h"

#include <QApplication>
#include <QPainter>

namespace rounds {

namespace {
QString badgeText(int count)
{
    return count > 99 ? QStringLiteral("99+") : QString::number(count);
}
} // namespace

QRect NavBadgeDelegate::badgeRect(const QRect &item, const QFontMetrics &metrics, int count)
{
    if (count <= 0)
        return {};
    const int h = metrics.height() + 2;
    const int w = qMax(h, metrics.horizontalAdvance(badgeText(count)) + h / 2 + 4);
    return QRect(item.right() - w - 6, item.center().y() - h / 2, w, h);
}

void NavBadgeDelegate::paint(
    QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int count = index.data(CountRole).toInt();
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // The row's background across its whole width, then the label in what the badge leaves: it
    // elides before the badge, never under it.
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
    QFont small = opt.font;
    small.setPointSizeF(small.pointSizeF() * 0.85);
    small.setBold(true);
    const QRect badge = badgeRect(opt.rect, QFontMetrics(small), count);
    if (!badge.isEmpty())
        opt.rect.setRight(badge.left() - 4);
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    if (badge.isEmpty())
        return;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    // The palette's highlight on an unselected row, inverted on the selected one, so the badge stays
    // readable in light and dark palettes.
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &pal = option.palette;
    painter->setBrush(selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Highlight));
    painter->drawRoundedRect(badge, badge.height() / 2.0, badge.height() / 2.0);
    painter->setPen(selected ? pal.color(QPalette::Highlight) : pal.color(QPalette::HighlightedText));
    painter->setFont(small);
    painter->drawText(badge, Qt::AlignCenter, badgeText(count));
    painter->restore();
}

QSize NavBadgeDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int count = index.data(CountRole).toInt();
    if (count > 0) {
        QFont small = option.font;
        small.setPointSizeF(small.pointSizeF() * 0.85);
        small.setBold(true);
        size.rwidth() += badgeRect(QRect(0, 0, 100, size.height()), QFontMetrics(small), count).width() + 10;
    }
    return size;
}

} // namespace rounds
