#pragma once

#include <QJsonObject>
#include <QLabel>

namespace rounds {

// Above the meeting editor's form: what the decision says (the manager's note) and, when the server
// sent an approved meeting back to `submitted`, why (meeting.resubmit_reason); after a save that will
// do so, that it will. Hidden when there is nothing to say.
class MeetingDecisionBanner final : public QLabel
{
    Q_OBJECT
public:
    explicit MeetingDecisionBanner(QWidget *parent = nullptr);

    // The meeting as the store holds it.
    void showMeeting(const QJsonObject &meeting);
    // A save of an approved meeting that the server will send back for `reason` when it syncs.
    void showPendingResubmission(const QString &reason);

private:
    void say(const QStringList &lines);
};

} // namespace rounds
