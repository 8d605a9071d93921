#pragma once

#include <QDate>
#include <QDateTime>
#include <QSet>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;

namespace rounds {

class PlanDayList;
class Session;
struct PlannedVisit;

// The visit plan as a calendar: a week or a month of days, each with its planned visits, how many of
// them are done, and plans that clash (the same HCP twice a day, or two visits within half an hour)
// flagged. Dragging a plan to another day reschedules it through reschedule().
class PlanCalendarView final : public QWidget
{
    Q_OBJECT
public:
    enum class Mode { Week, Month };

    explicit PlanCalendarView(Session *session, QWidget *parent = nullptr);

    Mode mode() const { return m_mode; }
    void setMode(Mode mode);
    // Shows the week or month holding `day`.
    void showDate(const QDate &day);
    QDate firstDay() const { return m_first; }
    QDate lastDay() const;

    // Moves a planned visit to another day at the same local time (what a drop does). False with a
    // message when the plan cannot move (done or cancelled, or the write failed).
    bool reschedule(const QString &planId, const QDate &day, QString *error = nullptr);
    // The plan ids shown on a day, in time order, and those flagged as clashing.
    QStringList plansOn(const QDate &day) const;
    QStringList clashesOn(const QDate &day) const;
    // The plan ids shown on a day that have an open conflict (marked; decided in Conflicts).
    QStringList conflictsOn(const QDate &day) const;
    QString message() const;

signals:
    void logVisitFromPlan(const QString &planId, const QString &hcpId);

private:
    void rebuild();
    void reload();
    QStringList idsOn(const QDate &day, int flagRole) const;
    void checkMoveMessage(const QList<PlannedVisit> &shown, const QSet<QString> &inConflict);

    Session *m_session;
    Mode m_mode = Mode::Week;
    QDate m_first;
    QLabel *m_period = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_hint = nullptr;
    QPushButton *m_week = nullptr;
    QPushButton *m_month = nullptr;
    QGridLayout *m_grid = nullptr;
    QList<PlanDayList *> m_days;
    // The plan the message says was moved, and where to: the message stays only while the calendar shows
    // the plan there.
    QString m_movedPlan;
    QDateTime m_movedTo;
};

} // namespace rounds
