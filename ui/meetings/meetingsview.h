#pragma once

#include <QWidget>

class QGroupBox;
class QPushButton;
class QTableWidget;

namespace rounds {

class ListPage;
class MeetingEditor;
class Session;

// The Meetings view: every meeting of the user's territories (open one to edit or record it), a "New
// meeting" button for reps, and for managers the approval queue: the submitted meetings of their
// district, approved or rejected (with a reason) from here, the compliance rules checked first.
class MeetingsView final : public QWidget
{
    Q_OBJECT
public:
    explicit MeetingsView(Session *session, QWidget *parent = nullptr);

    // Opens the editor (non-modal, deleted when closed): a new meeting, or `meetingId`.
    MeetingEditor *openEditor(const QString &meetingId = {});
    ListPage *listPage() const { return m_list; }
    QTableWidget *approvalQueue() const { return m_queue; }
    // Approves or rejects the queue's meeting; false with a message to the user when refused.
    bool approve(const QString &meetingId);
    bool reject(const QString &meetingId, const QString &reason);
    void reloadQueue();

private:
    void buildQueue();
    void applyPolicy();
    QString selectedQueueId() const;

    Session *m_session;
    ListPage *m_list = nullptr;
    QGroupBox *m_queueBox = nullptr;
    QTableWidget *m_queue = nullptr;
    QPushButton *m_new = nullptr;
    QPushButton *m_approve = nullptr;
    QPushButton *m_reject = nullptr;
};

} // namespace rounds
