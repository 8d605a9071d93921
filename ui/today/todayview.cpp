#include "ui/today/todayview.h"

#include "common/protocol/enumlabels.h"
#include "models/consentqueries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "models/visitqueries.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/labels.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace rounds {

namespace {

QListWidget *section(const QString &title, const QString &name, QWidget *parent, QBoxLayout *into)
{
    auto *box = new QGroupBox(title, parent);
    auto *list = new QListWidget(box);
    list->setObjectName(name);
    list->setWordWrap(true);
    // Rows are laid out again when the column's width changes: wrapped at the width they were made for,
    // a row would keep a height that cuts its second line (or leaves a gap) once the window is shown.
    list->setResizeMode(QListView::Adjust);
    list->setSpacing(2);
    (new QVBoxLayout(box))->addWidget(list);
    into->addWidget(box, 1);
    return list;
}

// The line an empty list shows: `text`, or why the list could not be read.
void emptyNote(QListWidget *list, bool read, const QString &error, const QString &text)
{
    if (read && list->count() > 0)
        return;
    auto *item = new QListWidgetItem(read ? text : widgets::readError(error), list);
    item->setFlags(Qt::NoItemFlags);
}

} // namespace

TodayView::TodayView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("todayView"));
    m_title = widgets::pageTitle(QString(), this);
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("todayHintLabel"));

    auto *columns = new QHBoxLayout;
    m_plans = section(tr("Planned for today"), QStringLiteral("todayPlansListWidget"), this, columns);
    m_followUps
        = section(tr("Overdue follow-ups"), QStringLiteral("overdueFollowUpsListWidget"), this, columns);
    m_notVisited = section(
        tr("Planned this month, not visited yet"), QStringLiteral("notVisitedListWidget"), this, columns);
    m_consent
        = section(tr("Consent expiring soon"), QStringLiteral("consentExpiringListWidget"), this, columns);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addLayout(columns, 1);

    // A role that files no visits (a manager looking at a rep's day) opens the HCP instead.
    connect(m_plans, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        if (logsVisits())
            emit logVisitFromPlan(item->data(IdRole).toString(), item->data(HcpIdRole).toString());
        else
            emit hcpActivated(item->data(HcpIdRole).toString());
    });
    for (QListWidget *list : {m_followUps, m_notVisited, m_consent}) {
        connect(list, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { emit hcpActivated(item->data(HcpIdRole).toString()); });
    }
    new StoreWatcher(session->store(),
        {QStringLiteral("visit_plan"), QStringLiteral("visit"), QStringLiteral("hcp"), QStringLiteral("user"),
            QStringLiteral("consent"), QStringLiteral("setting")},
        this, [this](const StoreChanges &) { reload(); });
    connect(session, &Session::accountChanged, this, &TodayView::scheduleReload);
    reload();
}

bool TodayView::logsVisits() const
{
    return m_session->store() && m_session->store()->policy().mayCreate(QStringLiteral("visit"));
}

void TodayView::setToday(const QDate &day)
{
    m_today = day;
    reload();
}

void TodayView::scheduleReload()
{
    if (m_reloadQueued)
        return;
    m_reloadQueued = true;
    QTimer::singleShot(0, this, &TodayView::reload);
}

void TodayView::reload()
{
    m_reloadQueued = false;
    Store *store = m_session->store();
    const QDate today = m_today.isValid() ? m_today : QDate::currentDate();
    m_title->setText(tr("Today, %1").arg(Dates::longDate(today)));
    m_hint->setText(logsVisits()
            ? tr("Double-click a planned visit to log it, or an HCP to open the profile.")
            : tr("Double-click a planned visit or an HCP to open the profile."));

    QString error;
    m_plans->clear();
    QList<PlannedVisit> plans;
    bool read = VisitQueries::plans(store, today, today.addDays(1), false, &plans, &error);
    for (const PlannedVisit &p : std::as_const(plans)) {
        QString text
            = QStringLiteral("%1  %2 · %3\n%4")
                  .arg(Dates::time(p.plannedAt.time()), p.hcpName, p.institution, Labels::channel(p.channel));
        if (!p.purpose.isEmpty())
            text += QStringLiteral(" — ") + p.purpose;
        auto *item = new QListWidgetItem(text, m_plans);
        item->setData(IdRole, p.id);
        item->setData(HcpIdRole, p.hcpId);
        if (p.status == QLatin1String("done")) {
            item->setText(item->text() + QStringLiteral("  ✓"));
            item->setForeground(theme::toneColor(theme::Tone::Success));
        }
    }
    emptyNote(m_plans, read, error, tr("No visits planned for today."));

    m_followUps->clear();
    QList<OverdueFollowUp> followUps;
    read = VisitQueries::overdueFollowUps(store, today, &followUps, &error);
    for (const OverdueFollowUp &f : std::as_const(followUps)) {
        auto *item
            = new QListWidgetItem(tr("%1 — %2\ndue %3, %n day(s) ago", nullptr, int(f.due.daysTo(today)))
                                      .arg(f.hcpName, f.followUp, Dates::date(f.due)),
                m_followUps);
        item->setData(HcpIdRole, f.hcpId);
        item->setForeground(theme::toneColor(theme::Tone::Error));
    }
    emptyNote(m_followUps, read, error, tr("No follow-up is overdue."));

    m_notVisited->clear();
    const QDate monthStart(today.year(), today.month(), 1);
    QList<UnvisitedHcp> unvisited;
    read = VisitQueries::plannedNotVisited(store, monthStart, monthStart.addMonths(1), &unvisited, &error);
    for (const UnvisitedHcp &h : std::as_const(unvisited)) {
        auto *item = new QListWidgetItem(
            tr("%1 (tier %2) — planned %3").arg(h.hcpName, h.tier, Dates::date(h.nextPlanned.date())),
            m_notVisited);
        item->setData(IdRole, h.hcpId);
        item->setData(HcpIdRole, h.hcpId);
    }
    emptyNote(m_notVisited, read, error, tr("Every HCP planned this month has been visited."));

    // Consents that end within the company's warning days: renew them at the next contact.
    m_consent->clear();
    QList<ExpiringConsent> expiring;
    const QDateTime now = m_today.isValid() ? QDateTime(today, QTime::currentTime()).toUTC()
                                            : QDateTime::currentDateTimeUtc();
    read = ConsentQueries::expiring(store, now, 500, &expiring, &error);
    // One line per HCP (a form usually covers several channels): the soonest end, the channels it ends for.
    QList<QString> order;
    QHash<QString, QList<const ExpiringConsent *>> byHcp;
    for (const ExpiringConsent &c : std::as_const(expiring)) {
        if (!byHcp.contains(c.hcpId))
            order << c.hcpId;
        byHcp[c.hcpId] << &c;
    }
    for (const QString &hcpId : std::as_const(order)) {
        const QList<const ExpiringConsent *> &lines = byHcp.value(hcpId);
        QStringList what;
        QDateTime soonest = lines.first()->expiresAt;
        for (const ExpiringConsent *c : lines) {
            QString w = EnumLabels::label(QStringLiteral("consent"), QStringLiteral("channel"), c->channel);
            if (!c->productName.isEmpty())
                w += QStringLiteral(" · ") + c->productName;
            what << w;
            soonest = std::min(soonest, c->expiresAt);
        }
        const QString channels = what.size() <= 2
            ? what.join(tr(", "))
            : tr("%1, %2 and %n more", nullptr, int(what.size() - 2)).arg(what.at(0), what.at(1));
        auto *item = new QListWidgetItem(
            tr("%1 — ends %2\n%3")
                .arg(lines.first()->hcpName, Dates::date(soonest.toLocalTime().date()), channels),
            m_consent);
        item->setToolTip(what.join(QLatin1Char('\n')));
        item->setData(HcpIdRole, hcpId);
        item->setForeground(theme::toneColor(theme::Tone::Warning));
    }
    emptyNote(m_consent, read, error, tr("No consent expires soon."));
}

} // namespace rounds
