#pragma once

#include <QJsonObject>
#include <QString>

namespace rounds {

// What one user may do with one meeting, for the editor and the approval queue: the schema's field
// writers (common/protocol/entities.cpp: the plan is the owner rep's, a manager writes only status and
// decision_note) and the workflow by role (docs/meetings.md), the same rules the server enforces, so
// the client offers only what the server accepts.
class MeetingPermissions final
{
public:
    // `role` and `userId` of the signed-in user; `meeting` the record's fields (empty: a new meeting).
    MeetingPermissions(const QString &role, const QString &userId, const QJsonObject &meeting);

    bool editPlan() const; // title, time, venue, budget…: the owner, in draft
    bool editAttendance() const; // attendees and expenses: the owner, in draft, approved, held
    bool submit() const;
    // A decision (approve, reject with a note): a manager, on a submitted meeting they do not own.
    bool decide() const;
    bool hold() const;
    bool close() const;
    bool cancel() const; // of a saved meeting: the caller knows whether it is saved
    bool reopen() const; // rejected → draft
    bool writeDecisionNote() const;
    bool createMeetings() const; // a new meeting is a plan: whoever writes the plan fields
    bool isOwner() const { return m_owner; }

private:
    bool writesPlan() const;
    bool writesStatus() const;
    bool is(const char *status) const { return m_status == QLatin1String(status); }

    QString m_role;
    QString m_status;
    bool m_owner = false;
};

} // namespace rounds
