#include "ui/visits/visitbriefingpane.h"

#include "models/visitqueries.h"
#include "ui/common/dates.h"
#include "ui/common/labels.h"
#include "ui/common/widgets.h"

#include <QLabel>
#include <QVBoxLayout>

namespace rounds {

namespace {

// Feedback can run to pages; the pane shows its start and the tooltip the whole of it.
constexpr qsizetype kShownChars = 280;

QLabel *paneLabel(const QString &objectName, QWidget *parent)
{
    auto *label = widgets::named<QLabel>(objectName, parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    // Selectable with the mouse for copying, but never a Tab stop.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setFocusPolicy(Qt::NoFocus);
    return label;
}

} // namespace

VisitBriefingPane::VisitBriefingPane(QWidget *parent)
    : QGroupBox(tr("Last visit"), parent)
{
    setObjectName(QStringLiteral("briefingGroupBox"));
    setFocusPolicy(Qt::NoFocus);
    m_lastVisit = paneLabel(QStringLiteral("lastVisitLabel"), this);
    m_feedback = paneLabel(QStringLiteral("lastFeedbackLabel"), this);
    m_followUps = paneLabel(QStringLiteral("openFollowUpsLabel"), this);
    auto *layout = new QVBoxLayout(this);
    layout->setSpacing(2);
    layout->addWidget(m_lastVisit);
    layout->addWidget(m_feedback);
    layout->addWidget(m_followUps);
}

bool VisitBriefingPane::load(Store *store, const QString &hcpId, const QString &visitId, QString *error)
{
    VisitBriefing b;
    QString readError;
    const bool ok = VisitQueries::briefing(store, hcpId, visitId, &b, &readError);
    if (error)
        *error = readError;
    if (!ok) {
        m_lastVisit->setText(widgets::readError(readError));
        m_feedback->clear();
        m_followUps->clear();
        m_feedback->hide();
        m_followUps->hide();
        return false;
    }
    m_feedback->show();
    m_followUps->show();
    if (!b.hasLastVisit()) {
        m_lastVisit->setText(tr("No earlier visit to this HCP."));
        m_feedback->hide();
    } else {
        m_lastVisit->setText(
            QStringLiteral("%1 · %2").arg(Dates::dateTime(b.lastVisitedAt), Labels::channel(b.lastChannel)));
        const QString feedback = b.lastFeedback.trimmed();
        if (feedback.isEmpty()) {
            m_feedback->setText(tr("Feedback: none recorded."));
            m_feedback->setToolTip({});
        } else {
            const QString shown
                = feedback.size() > kShownChars ? feedback.left(kShownChars) + QChar(0x2026) : feedback;
            m_feedback->setText(tr("Feedback: %1").arg(shown));
            m_feedback->setToolTip(feedback);
        }
    }
    if (b.followUps.isEmpty()) {
        m_followUps->setText(tr("Open follow-ups: none."));
        return true;
    }
    QStringList lines;
    const QDate today = QDate::currentDate();
    for (const OpenFollowUp &f : std::as_const(b.followUps)) {
        if (!f.due.isValid())
            lines << tr("• %1").arg(f.followUp);
        else if (f.due < today)
            lines << tr("• %1 (was due %2: overdue)").arg(f.followUp, Dates::date(f.due));
        else
            lines << tr("• %1 (due %2)").arg(f.followUp, Dates::date(f.due));
    }
    m_followUps->setText(tr("Open follow-ups:") + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    return true;
}

} // namespace rounds
