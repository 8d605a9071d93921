#include "models/meetingpermissions.h"

#include "common/protocol/schema.h"
#include "common/protocol/values.h"

namespace rounds {

namespace {

const protocol::Entity &entity(const char *name)
{
    return *protocol::Schema::instance().entity(QString::fromLatin1(name));
}

} // namespace

MeetingPermissions::MeetingPermissions(const QString &role, const QString &userId, const QJsonObject &meeting)
    : m_role(role)
    , m_status(protocol::str(meeting, "status"))
{
    if (m_status.isEmpty())
        m_status = QStringLiteral("draft");
    const QString owner = protocol::str(meeting, "owner_id");
    m_owner = owner.isEmpty() || owner == userId;
}

bool MeetingPermissions::writesPlan() const
{
    return entity("meeting").fieldWritableBy(u"title", protocol::roleFromString(m_role));
}

bool MeetingPermissions::writesStatus() const
{
    return entity("meeting").fieldWritableBy(u"status", protocol::roleFromString(m_role));
}

bool MeetingPermissions::editPlan() const
{
    return writesPlan() && m_owner && is("draft");
}

bool MeetingPermissions::editAttendance() const
{
    return entity("meeting_attendee").writableBy(protocol::roleFromString(m_role)) && m_owner
        && (is("draft") || is("approved") || is("held"));
}

bool MeetingPermissions::submit() const
{
    return writesPlan() && m_owner && is("draft");
}

bool MeetingPermissions::decide() const
{
    // The one who decides never owns the meeting, however they came to own it (the server refuses).
    return writeDecisionNote() && writesStatus() && !m_owner && is("submitted");
}

bool MeetingPermissions::hold() const
{
    return writesPlan() && m_owner && is("approved");
}

bool MeetingPermissions::close() const
{
    // A manager closes a held meeting over budget: that close is the re-approval.
    return is("held") && ((writesPlan() && m_owner) || (writeDecisionNote() && writesStatus()));
}

bool MeetingPermissions::cancel() const
{
    // A held meeting took place: it is closed, not cancelled (its payments stay on the record).
    const bool open = is("draft") || is("submitted") || is("approved") || is("rejected");
    return open && ((writesPlan() && m_owner) || (writeDecisionNote() && writesStatus()));
}

bool MeetingPermissions::reopen() const
{
    return writesPlan() && m_owner && is("rejected");
}

bool MeetingPermissions::writeDecisionNote() const
{
    return entity("meeting").fieldWritableBy(u"decision_note", protocol::roleFromString(m_role));
}

bool MeetingPermissions::createMeetings() const
{
    return writesPlan();
}

} // namespace rounds
