#pragma once

#include "ui/common/rolegate.h"

#include <QDateTime>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace rounds {

class ConsentPanel;
class ContentHistoryPanel;
class PersonalDataButton;
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

    // Shows an HCP; the one shown before goes on the back stack (and the forward stack is dropped), as
    // in a browser.
    void setHcp(const QString &hcpId);
    QString hcpId() const { return m_hcpId; }
    // Back and forward between the profiles seen (the toolbar's arrows, Alt+Left and Alt+Right).
    bool canGoBack() const { return !m_backStack.isEmpty(); }
    bool canGoForward() const { return !m_forwardStack.isEmpty(); }
    void goBack();
    void goForward();

    // The actions behind the buttons, each one local write; false with a message in the view.
    bool addTag(const QString &category, const QString &tag);
    bool removeTag(const QString &tagId);
    bool proposeCorrection(const QString &field, const QString &value, const QString &reason);
    // A visit_plan for this HCP (the calendar shows it); returns its id, empty on failure.
    QString planVisit(const QDateTime &when);
    // The data-subject requests' menu (export, erase), shown to SFE and admin.
    PersonalDataButton *personalDataButton() const { return m_personalData; }

signals:
    void logVisitRequested(const QString &hcpId);
    // "Present…": a new visit to this HCP, starting with the material picker.
    void presentRequested(const QString &hcpId);
    void visitActivated(const QString &visitId);

private:
    void display(const QString &hcpId);
    void updateNavigation();
    void reload();
    void showCoverage(const HcpProfile &profile);
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
    QLabel *m_phone = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_owners = nullptr;
    QListWidget *m_upcoming = nullptr;
    QAction *m_backAction = nullptr;
    QAction *m_forwardAction = nullptr;
    QStringList m_backStack; // the last one is where Back goes
    QStringList m_forwardStack; // the last one is where Forward goes
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
    ConsentPanel *m_consent = nullptr;
    ContentHistoryPanel *m_content = nullptr;
    PersonalDataButton *m_personalData = nullptr;
    RoleGate m_gate;
};

} // namespace rounds
