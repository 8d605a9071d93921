#pragma once

#include <QStyledItemDelegate>

namespace rounds {

// Draws a sidebar entry with a count badge at its right edge: how many things there wait for the
// user's decision (CountRole; nothing is drawn for 0).
class NavBadgeDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    enum Role { CountRole = Qt::UserRole + 10 };

    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(
        QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge's rectangle inside an item's rectangle, for a count (empty for 0).
    static QRect badgeRect(const QRect &item, const QFontMetrics &metrics, int count);
};

} // namespace rounds
