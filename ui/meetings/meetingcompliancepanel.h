#pragma once

#include "common/compliance/rules.h"

#include <QGroupBox>
#include <QHash>

class QLabel;
class QListWidget;

namespace rounds {

// The meeting editor's compliance panel: who the per-head rules count, the rules the meeting breaks,
// looked at one step ahead of its status, and for each forward transition the blocking rules it would
// meet. An approved meeting is looked at as held (signed-in attendees only) once sign-in has started, not
// before: until then the planned attendees count. Its words belong to MeetingEditor (one translation
// context for the editor).
class MeetingCompliancePanel final : public QGroupBox
{
public:
    explicit MeetingCompliancePanel(QWidget *parent = nullptr);

    // Evaluates `facts` (at the status it has now) and fills the list.
    void evaluate(const compliance::Config &config, compliance::MeetingFacts facts, compliance::Actor actor);
    const QList<compliance::Violation> &violations() const { return m_violations; }
    // Why a blocking rule refuses `targetStatus`; empty when nothing does.
    QString blockedReason(const QString &targetStatus) const { return m_blocked.value(targetStatus); }
    // Who the list counts: "Counts 12 planned attendees." / "Counts 3 signed-in attendees of 12 planned."
    QString headCountText() const;
    // The reason under the list (the blocked transition the user can see); empty hides it.
    void showBlocked(const QString &text);

private:
    QLabel *m_heads = nullptr;
    QListWidget *m_list = nullptr;
    QLabel *m_blockedLabel = nullptr;
    QList<compliance::Violation> m_violations;
    QHash<QString, QString> m_blocked; // target status → reason
};

} // namespace rounds
