#pragma once

#include "ui/common/rolegate.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace rounds {

class Session;
class SupportTrendWidget;
struct HcpChangeRequest;
struct HcpProfile;
struct HcpSummary;
struct HcpTag;
struct HcpVisit;

// HCP 360: who the doctor is and where, tier, tags by category (add and remove), the support level
// over time, every visit and meeting, the products discussed, open follow-ups and pending change
// requests. Master data is never edited here: "Propose a correction" files a change_request.
class HcpProfileView final : public QWidget
{
    Q_OBJECT
public:
    explicit HcpProfileView(Session *session, QWidget *parent = nullptr);

    void setHcp(const QString &hcpId);
    QString hcpId() const { return m_hcpId; }

    // The actions behind the buttons, each one local write; false with a message in the view.
    bool addTag(const QString &category, const QString &tag);
    bool removeTag(const QString &tagId);
    bool proposeCorrection(const QString &field, const QString &value, const QString &reason);
    // A visit_plan for this HCP (the calendar shows it); returns its id, empty on failure.
    QString planVisit(const QDateTime &when);

signals:
    void logVisitRequested(const QString &hcpId);
    void visitActivated(const QString &visitId);

private:
    void reload();
    void showMessage(const QString &text, bool error);
    void showIdentity(const HcpSummary &hcp);
    void fillTimeline(const HcpProfile &profile);
    void fillTrendAndProducts(const QList<HcpVisit> &visits);
    void fillTags(const QList<HcpTag> &tags);
    void fillChangeRequests(const QList<HcpChangeRequest> &requests);
    QString territory();
    void bindActionsToRoles(const QList<QWidget *> &logAndPlan, const QList<QWidget *> &tagRow,
        QWidget *removeTag, const QList<QWidget *> &correction);

    Session *m_session;
    QString m_hcpId;
    QLabel *m_name = nullptr;
    QLabel *m_identity = nullptr;
    QLabel *m_tier = nullptr;
    QLabel *m_stats = nullptr;
    QLabel *m_message = nullptr;
    QListWidget *m_tags = nullptr;
    QComboBox *m_tagCategory = nullptr;
    QLineEdit *m_tagText = nullptr;
    SupportTrendWidget *m_trend = nullptr;
    QLabel *m_trendText = nullptr;
    QTableWidget *m_timeline = nullptr;
    QLabel *m_products = nullptr;
    QListWidget *m_followUps = nullptr;
    QListWidget *m_changeRequests = nullptr;
    QComboBox *m_correctionField = nullptr;
    QLineEdit *m_correctionValue = nullptr;
    QLineEdit *m_correctionReason = nullptr;
    RoleGate m_gate;
};

} // namespace rounds
