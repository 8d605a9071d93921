#include "ui/plan/plandaylist.h"

#include <QDropEvent>
#include <QMimeData>

namespace rounds {

namespace {
const QString kMime = QStringLiteral("application/x-rounds-visit-plan");
}

PlanDayList::PlanDayList(QWidget *parent)
    : QListWidget(parent)
{
    setObjectName(QStringLiteral("planDayListWidget"));
    setDragEnabled(true);
    setAcceptDrops(true);
    setDropIndicatorShown(true);
    setDragDropMode(QAbstractItemView::DragDrop);
    setDefaultDropAction(Qt::MoveAction);
    setWordWrap(true);
    setUniformItemSizes(false);
}

QStringList PlanDayList::mimeTypes() const
{
    return {kMime};
}

QMimeData *PlanDayList::mimeData(const QList<QListWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kMime, items.first()->data(PlanIdRole).toString().toUtf8());
    return data;
}

void PlanDayList::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasFormat(kMime))
        event->acceptProposedAction();
}

void PlanDayList::dragMoveEvent(QDragMoveEvent *event)
{
    if (event->mimeData()->hasFormat(kMime))
        event->acceptProposedAction();
}

void PlanDayList::dropEvent(QDropEvent *event)
{
    if (!event->mimeData()->hasFormat(kMime))
        return;
    // The calendar rewrites the days from the store after the move; the list itself does not move rows.
    event->setDropAction(Qt::CopyAction);
    event->accept();
    emit planDropped(QString::fromUtf8(event->mimeData()->data(kMime)), m_day);
}

} // namespace rounds
