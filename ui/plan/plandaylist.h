#pragma once

#include <QDate>
#include <QListWidget>

namespace rounds {

// One day of the plan calendar: its plans as items that can be dragged to another day.
class PlanDayList final : public QListWidget
{
    Q_OBJECT
public:
    static constexpr int PlanIdRole = Qt::UserRole + 1;
    static constexpr int HcpIdRole = Qt::UserRole + 2;
    static constexpr int ClashRole = Qt::UserRole + 3;
    static constexpr int ConflictRole = Qt::UserRole + 4; // an open conflict waits in Conflicts

    explicit PlanDayList(QWidget *parent = nullptr);

    QDate day() const { return m_day; }
    void setDay(const QDate &day) { m_day = day; }

signals:
    // A plan from any day was dropped here.
    void planDropped(const QString &planId, const QDate &day);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QListWidgetItem *> &items) const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDate m_day;
};

} // namespace rounds
