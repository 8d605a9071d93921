#include "ui/meetings/meetingdecisionbanner.h"

#include "common/protocol/enumlabels.h"
#include "common/protocol/values.h"
#include "ui/common/theme.h"

namespace rounds {

namespace {

QString reasonWords(const QString &reason)
{
    return EnumLabels::label(QStringLiteral("meeting"), QStringLiteral("resubmit_reason"), reason);
}

} // namespace

MeetingDecisionBanner::MeetingDecisionBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("decisionBannerLabel"));
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    theme::setBadgeTone(this, theme::Tone::Warning);
    hide();
}

void MeetingDecisionBanner::showMeeting(const QJsonObject &meeting)
{
    QStringList lines;
    const QString reason = protocol::str(meeting, "resubmit_reason");
    if (protocol::str(meeting, "status") == QLatin1String("submitted") && !reason.isEmpty())
        lines << tr("This meeting was approved, then sent back for a new decision because %1. It cannot "
                    "be held until a manager approves it again.")
                     .arg(reasonWords(reason));
    const QString note = protocol::str(meeting, "decision_note").trimmed();
    if (!note.isEmpty())
        lines << tr("Manager's note: %1").arg(note);
    say(lines);
}

void MeetingDecisionBanner::showPendingResubmission(const QString &reason)
{
    say({tr("Saved. Because %1, the meeting goes back to a manager for a new decision when it syncs.")
             .arg(reasonWords(reason))});
}

void MeetingDecisionBanner::say(const QStringList &lines)
{
    setText(lines.join(QLatin1Char('\n')));
    setVisible(!lines.isEmpty());
}

} // namespace rounds
