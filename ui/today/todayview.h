#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QListWidget;

namespace rounds {

class Session;

// The rep's morning: today's planned visits, follow-ups past their due date with no visit since, and
// HCPs planned this cycle (the calendar month) who have not been visited in it yet.
class TodayView final : public QWidget
{
    Q_OBJECT
public:
    static constexpr int IdRole = Qt::UserRole + 1; // plan id (today) or HCP id (the other lists)
    static constexpr int HcpIdRole = Qt::UserRole + 2;

    explicit TodayView(Session *session, QWidget *parent = nullptr);

    // "Today" for the lists (tests); invalid: the current date.
    void setToday(const QDate &day);
    void reload();

signals:
    void logVisitFromPlan(const QString &planId, const QString &hcpId);
    void hcpActivated(const QString &hcpId);

private:
    void scheduleReload();
    bool logsVisits() const; // whether the user's role files visits (Store::policy())

    Session *m_session;
    QDate m_today;
    bool m_reloadQueued = false;
    QLabel *m_title = nullptr;
    QLabel *m_hint = nullptr;
    QListWidget *m_plans = nullptr;
    QListWidget *m_followUps = nullptr;
    QListWidget *m_notVisited = nullptr;
    QListWidget *m_consent = nullptr; // consents about to expire (docs/privacy.md)
};

} // namespace rounds
