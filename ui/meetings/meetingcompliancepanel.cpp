#include "ui/meetings/meetingcompliancepanel.h"

#include "ui/common/theme.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/meetings/meetingwords.h"

#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rounds {

MeetingCompliancePanel::MeetingCompliancePanel(QWidget *parent)
    : QGroupBox(MeetingEditor::tr("Compliance"), parent)
{
    setMinimumWidth(260);
    auto *cl = new QVBoxLayout(this);
    m_heads = new QLabel(this);
    m_heads->setObjectName(QStringLiteral("headCountLabel"));
    m_heads->setWordWrap(true);
    cl->addWidget(m_heads);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("complianceListWidget"));
    m_list->setWordWrap(true);
    cl->addWidget(m_list);
    m_blockedLabel = new QLabel(this);
    m_blockedLabel->setObjectName(QStringLiteral("blockedReasonLabel"));
    m_blockedLabel->setWordWrap(true);
    theme::setTone(m_blockedLabel, theme::Tone::Error);
    cl->addWidget(m_blockedLabel);
}

void MeetingCompliancePanel::evaluate(
    const compliance::Config &config, compliance::MeetingFacts facts, compliance::Actor actor)
{
    // The panel looks one step ahead: a rule is marked as blocking when it refuses the meeting's next
    // status (submitting a draft, approving, holding, closing); otherwise it is a warning for now.
    static const QHash<QString, QString> next {{QStringLiteral("draft"), QStringLiteral("submitted")},
        {QStringLiteral("submitted"), QStringLiteral("approved")},
        {QStringLiteral("approved"), QStringLiteral("held")},
        {QStringLiteral("held"), QStringLiteral("closed")}};
    // An approved meeting is not looked at as held before anyone signs in: held counts signed-in heads
    // only, so right after approval every per-head figure would be over the whole bill. Until sign-in
    // starts, the planned attendees count (as the rules do for an approved meeting).
    const bool signInStarted = std::any_of(facts.attendees.cbegin(), facts.attendees.cend(),
        [](const compliance::Attendee &a) { return a.signedIn; });
    compliance::MeetingFacts ahead = facts;
    ahead.status = next.value(facts.status, facts.status);
    if (ahead.status == QLatin1String("held") && !signInStarted)
        ahead.status = facts.status;
    compliance::MeetingFacts planned = facts;
    planned.status = QStringLiteral("approved"); // every planned attendee is a head
    const int plannedHeads = compliance::headCount(planned);
    const int heads = compliance::headCount(ahead);
    const bool countsSignedIn
        = ahead.status == QLatin1String("held") || ahead.status == QLatin1String("closed");
    m_heads->setText(countsSignedIn
            ? MeetingEditor::tr("Counts %n signed-in attendee(s) of %1 planned.", nullptr, heads)
                  .arg(plannedHeads)
            : MeetingEditor::tr("Counts %n planned attendee(s).", nullptr, plannedHeads));
    m_violations = compliance::evaluate(config, ahead, actor);
    m_list->clear();
    for (const compliance::Violation &v : std::as_const(m_violations)) {
        auto *item = new QListWidgetItem(QStringLiteral("%1 · %2\n%3")
                                             .arg(MeetingWords::severity(v.blocking),
                                                 compliance::ruleTitle(v.rule), MeetingWords::describe(v)),
            m_list);
        item->setForeground(theme::toneColor(v.blocking ? theme::Tone::Error : theme::Tone::Warning));
        item->setData(Qt::UserRole, v.code());
    }
    if (m_violations.isEmpty())
        new QListWidgetItem(MeetingEditor::tr("No rule is broken."), m_list);

    // What each forward transition would meet: the rules evaluated at the target status.
    m_blocked.clear();
    for (const QString &target : {QStringLiteral("submitted"), QStringLiteral("approved"),
             QStringLiteral("held"), QStringLiteral("closed")}) {
        facts.status = target;
        QStringList reasons;
        QStringList signInReasons;
        for (const compliance::Violation &v : compliance::evaluate(config, facts, actor)) {
            if (!v.blocking)
                continue;
            reasons << MeetingWords::describe(v);
            if (v.rule == compliance::Rule::SignedInBeforeHeld)
                signInReasons << reasons.last();
        }
        // Before anyone signed in, "nobody signed in" is the reason to give: the per-head figures over
        // no head at all only restate it.
        if (!signInStarted && !signInReasons.isEmpty())
            reasons = signInReasons;
        if (!reasons.isEmpty())
            m_blocked.insert(target, reasons.join(QLatin1Char(' ')));
    }
}

QString MeetingCompliancePanel::headCountText() const
{
    return m_heads->text();
}

void MeetingCompliancePanel::showBlocked(const QString &text)
{
    m_blockedLabel->setText(text);
    m_blockedLabel->setVisible(!text.isEmpty());
}

} // namespace rounds
