#include "ui/plan/plancalendarview.h"

#include "models/store.h"
#include "models/storewatcher.h"
#include "models/visitqueries.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"
#include "ui/plan/plandaylist.h"

#include <QButtonGroup>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace rounds {

namespace {

constexpr int kClashSeconds = 30 * 60;

} // namespace

PlanCalendarView::PlanCalendarView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("planView"));

    auto *previous = new QPushButton(QStringLiteral("‹"), this);
    previous->setObjectName(QStringLiteral("previousPeriodButton"));
    previous->setToolTip(tr("Previous"));
    previous->setAccessibleName(tr("Previous week or month"));
    auto *today = new QPushButton(tr("Today"), this);
    today->setObjectName(QStringLiteral("todayButton"));
    auto *next = new QPushButton(QStringLiteral("›"), this);
    next->setObjectName(QStringLiteral("nextPeriodButton"));
    next->setToolTip(tr("Next"));
    next->setAccessibleName(tr("Next week or month"));
    m_week = new QPushButton(tr("Week"), this);
    m_week->setObjectName(QStringLiteral("weekButton"));
    m_month = new QPushButton(tr("Month"), this);
    m_month->setObjectName(QStringLiteral("monthButton"));
    for (QPushButton *b : {m_week, m_month})
        b->setCheckable(true);
    auto *modes = new QButtonGroup(this);
    modes->addButton(m_week);
    modes->addButton(m_month);
    m_week->setChecked(true);
    m_period = new QLabel(this);
    m_period->setObjectName(QStringLiteral("periodLabel"));
    QFont f = m_period->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    m_period->setFont(f);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("planMessageLabel"));
    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("planHintLabel"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(previous);
    bar->addWidget(today);
    bar->addWidget(next);
    bar->addSpacing(12);
    bar->addWidget(m_period);
    bar->addStretch();
    bar->addWidget(m_hint);
    bar->addSpacing(12);
    bar->addWidget(m_week);
    bar->addWidget(m_month);

    m_grid = new QGridLayout;
    m_grid->setSpacing(4);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addLayout(m_grid, 1);

    connect(previous, &QPushButton::clicked, this,
        [this] { showDate(m_mode == Mode::Week ? m_first.addDays(-7) : m_first.addDays(7).addMonths(-1)); });
    connect(next, &QPushButton::clicked, this,
        [this] { showDate(m_mode == Mode::Week ? m_first.addDays(7) : m_first.addDays(7).addMonths(1)); });
    connect(today, &QPushButton::clicked, this, [this] { showDate(QDate::currentDate()); });
    connect(m_week, &QPushButton::clicked, this, [this] { setMode(Mode::Week); });
    connect(m_month, &QPushButton::clicked, this, [this] { setMode(Mode::Month); });
    new StoreWatcher(session->store(),
        {QStringLiteral("visit_plan"), QStringLiteral("hcp"), QStringLiteral("visit"),
            QStringLiteral("conflict")},
        this, [this](const StoreChanges &) { reload(); });
    connect(session, &Session::accountChanged, this, &PlanCalendarView::rebuild);
    showDate(QDate::currentDate());
}

void PlanCalendarView::setMode(Mode mode)
{
    m_mode = mode;
    (mode == Mode::Week ? m_week : m_month)->setChecked(true);
    showDate(m_first.addDays(3));
}

void PlanCalendarView::showDate(const QDate &day)
{
    // Weeks start where the user's locale starts them — except that CLDR says Sunday for China, where
    // work calendars (and GB/T 7408, like ISO 8601) start on Monday, which is what a rep expects.
    const QLocale locale;
    const int weekStart = locale.language() == QLocale::Chinese && locale.territory() != QLocale::Taiwan
        ? int(Qt::Monday)
        : int(locale.firstDayOfWeek());
    const auto startOfWeek
        = [weekStart](const QDate &d) { return d.addDays(-((d.dayOfWeek() - weekStart + 7) % 7)); };
    if (m_mode == Mode::Week)
        m_first = startOfWeek(day);
    else
        m_first = startOfWeek(QDate(day.year(), day.month(), 1));
    rebuild();
}

QDate PlanCalendarView::lastDay() const
{
    return m_first.addDays(m_mode == Mode::Week ? 6 : 41);
}

void PlanCalendarView::rebuild()
{
    // Later, not now: a drop that moves a plan out of the period lands here while its drag still runs.
    m_days.clear();
    while (QLayoutItem *item = m_grid->takeAt(0)) {
        if (QWidget *cell = item->widget()) {
            cell->hide();
            cell->deleteLater();
        }
        delete item;
    }
    const int count = m_mode == Mode::Week ? 7 : 42;
    // Only what the role may do: a manager moves plans but files no visits; SFE and admins only look.
    const protocol::RolePolicy policy = m_session->store()->policy();
    const bool moves = policy.mayChange(QStringLiteral("visit_plan"));
    const bool logs = policy.mayCreate(QStringLiteral("visit"));
    m_hint->setText(moves && logs ? tr("Drag a visit to another day to move it. Double-click to log it.")
            : moves               ? tr("Drag a visit to another day to move it.")
                                  : QString());
    m_hint->setVisible(moves);
    // The month grid names its columns (the week view names each day in its own title).
    const int firstRow = m_mode == Mode::Month ? 1 : 0;
    if (m_mode == Mode::Month) {
        const QLocale locale;
        for (int c = 0; c < 7; ++c) {
            auto *weekday = new QLabel(
                locale.standaloneDayName(m_first.addDays(c).dayOfWeek(), QLocale::ShortFormat), this);
            weekday->setObjectName(QStringLiteral("weekdayLabel"));
            weekday->setAlignment(Qt::AlignCenter);
            m_grid->addWidget(weekday, 0, c);
        }
    }
    for (int i = 0; i < count; ++i) {
        auto *cell = new QFrame(this);
        cell->setFrameShape(QFrame::StyledPanel);
        auto *title = new QLabel(cell);
        title->setObjectName(QStringLiteral("dayTitleLabel"));
        auto *list = new PlanDayList(cell);
        list->setDay(m_first.addDays(i));
        if (!moves)
            list->setDragDropMode(QAbstractItemView::NoDragDrop);
        auto *cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(4, 4, 4, 4);
        cellLayout->setSpacing(2);
        cellLayout->addWidget(title);
        cellLayout->addWidget(list, 1);
        m_grid->addWidget(cell, firstRow + i / 7, i % 7);
        m_days << list;
        connect(list, &PlanDayList::planDropped, this,
            [this](const QString &planId, const QDate &day) { reschedule(planId, day); });
        if (logs) {
            connect(list, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
                emit logVisitFromPlan(item->data(PlanDayList::PlanIdRole).toString(),
                    item->data(PlanDayList::HcpIdRole).toString());
            });
        }
    }
    for (int c = 0; c < 7; ++c)
        m_grid->setColumnStretch(c, 1);
    const QLocale locale;
    // "November 2026", and in Chinese the way a Chinese calendar says it: "2026年11月".
    const QDate month = m_first.addDays(7);
    const QString monthTitle = locale.language() == QLocale::Chinese
        ? locale.toString(month, QStringLiteral("yyyy年M月"))
        : locale.standaloneMonthName(month.month()) + QLatin1Char(' ') + QString::number(month.year());
    m_period->setText(
        m_mode == Mode::Week ? tr("%1 – %2").arg(Dates::date(m_first), Dates::date(lastDay())) : monthTitle);
    reload();
}

void PlanCalendarView::reload()
{
    QList<PlannedVisit> all;
    QString error;
    if (!VisitQueries::plans(m_session->store(), m_first, lastDay().addDays(1), true, &all, &error))
        m_message->setText(widgets::readError(error));
    QSet<QString> inConflict;
    for (const ConflictItem &c : m_session->store()->conflicts(true)) {
        if (c.entity == QLatin1String("visit_plan"))
            inConflict.insert(c.recordId);
    }
    QHash<QDate, QList<PlannedVisit>> byDay;
    for (const PlannedVisit &p : std::as_const(all))
        byDay[p.plannedAt.date()] << p;
    const QLocale locale;
    const QDate today = QDate::currentDate();
    for (PlanDayList *list : std::as_const(m_days)) {
        list->clear();
        const QList<PlannedVisit> plans = byDay.value(list->day());
        int done = 0;
        int active = 0;
        for (const PlannedVisit &p : plans) {
            if (p.status == QLatin1String("cancelled"))
                continue;
            ++active;
            done += p.status == QLatin1String("done");
        }
        for (const PlannedVisit &p : plans) {
            bool clash = false;
            if (p.status != QLatin1String("cancelled")) {
                for (const PlannedVisit &o : plans) {
                    if (o.id == p.id || o.status == QLatin1String("cancelled"))
                        continue;
                    if (o.hcpId == p.hcpId || qAbs(o.plannedAt.secsTo(p.plannedAt)) < kClashSeconds)
                        clash = true;
                }
            }
            auto *item = new QListWidgetItem(
                QStringLiteral("%1  %2").arg(Dates::time(p.plannedAt.time()), p.hcpName), list);
            item->setData(PlanDayList::PlanIdRole, p.id);
            item->setData(PlanDayList::HcpIdRole, p.hcpId);
            item->setData(PlanDayList::ClashRole, clash);
            if (p.status == QLatin1String("done")) {
                item->setForeground(theme::toneColor(theme::Tone::Success));
                item->setText(item->text() + QStringLiteral("  ✓"));
            } else if (p.status == QLatin1String("cancelled")) {
                QFont f = item->font();
                f.setStrikeOut(true);
                item->setFont(f);
                item->setFlags(item->flags() & ~Qt::ItemIsDragEnabled);
            }
            if (clash) {
                item->setBackground(theme::toneBackground(theme::Tone::Error));
                item->setForeground(theme::toneColor(theme::Tone::Error));
                item->setToolTip(tr("Clashes with another plan on this day"));
            }
            if (p.status != QLatin1String("planned"))
                item->setFlags(item->flags() & ~Qt::ItemIsDragEnabled);
            if (inConflict.contains(p.id)) {
                // Someone else changed this plan too: it stays where the store has it until the user decides.
                item->setData(PlanDayList::ConflictRole, true);
                item->setText(QStringLiteral("⚠ ") + item->text());
                item->setBackground(QColor(0xff, 0xf3, 0xcd));
                item->setForeground(QColor(0x8a, 0x5a, 0x00));
                item->setToolTip(tr("In conflict: this plan was also changed on the server. Decide in "
                                    "Conflicts which change stays."));
            }
        }
        auto *title = list->parentWidget()->findChild<QLabel *>(QStringLiteral("dayTitleLabel"));
        QString text = locale.toString(
            list->day(), m_mode == Mode::Week ? QStringLiteral("ddd d") : QStringLiteral("d"));
        if (active > 0)
            text += QStringLiteral("  ") + tr("%1/%2 done").arg(done).arg(active);
        title->setText(text);
        QFont f = title->font();
        f.setBold(list->day() == today);
        title->setFont(f);
        const bool outside = m_mode == Mode::Month && list->day().month() != m_first.addDays(7).month();
        title->setEnabled(!outside);
    }
    checkMoveMessage(all, inConflict);
}

// "Moved to …" is a claim about what the calendar shows: once the plan is elsewhere (a sync brought the
// server's time, a conflict holds it) or out of the period, the claim goes.
void PlanCalendarView::checkMoveMessage(const QList<PlannedVisit> &shown, const QSet<QString> &inConflict)
{
    if (m_movedPlan.isEmpty())
        return;
    const auto it = std::find_if(
        shown.begin(), shown.end(), [this](const PlannedVisit &p) { return p.id == m_movedPlan; });
    if (it != shown.end() && it->plannedAt == m_movedTo)
        return;
    m_message->setText(inConflict.contains(m_movedPlan)
            ? tr("Your move of this plan conflicts with a change on the server; decide in Conflicts.")
            : QString());
    m_movedPlan.clear();
}

bool PlanCalendarView::reschedule(const QString &planId, const QDate &day, QString *error)
{
    auto fail = [this, error](const QString &message) {
        m_message->setText(message);
        if (error)
            *error = message;
        return false;
    };
    Store *store = m_session->store();
    const std::optional<protocol::Record> plan = store->record(QStringLiteral("visit_plan"), planId);
    if (!plan)
        return fail(tr("This plan no longer exists."));
    if (plan->fields.value(QLatin1String("status")).toString() != QLatin1String("planned"))
        return fail(tr("Only planned visits can be moved; this one is done or cancelled."));
    const QDateTime old
        = QDateTime::fromString(plan->fields.value(QLatin1String("planned_at")).toString(), Qt::ISODate)
              .toLocalTime();
    const QDateTime moved(day, old.time());
    if (moved == old)
        return true;
    const WriteResult w = store->update(QStringLiteral("visit_plan"), planId,
        {{QStringLiteral("planned_at"), moved.toUTC().toString(Qt::ISODate)}});
    if (!w.ok)
        return fail(tr("Not moved: %1").arg(w.error));
    m_message->setText(tr("Moved to %1.").arg(Dates::dateTime(moved)));
    m_movedPlan = planId;
    m_movedTo = moved;
    if (day < m_first || day > lastDay())
        showDate(day);
    else
        reload();
    return true;
}

QStringList PlanCalendarView::idsOn(const QDate &day, int flagRole) const
{
    QStringList ids;
    for (const PlanDayList *list : m_days) {
        if (list->day() != day)
            continue;
        for (int i = 0; i < list->count(); ++i) {
            if (flagRole < 0 || list->item(i)->data(flagRole).toBool())
                ids << list->item(i)->data(PlanDayList::PlanIdRole).toString();
        }
    }
    return ids;
}

QStringList PlanCalendarView::plansOn(const QDate &day) const
{
    return idsOn(day, -1);
}

QStringList PlanCalendarView::clashesOn(const QDate &day) const
{
    return idsOn(day, PlanDayList::ClashRole);
}

QStringList PlanCalendarView::conflictsOn(const QDate &day) const
{
    return idsOn(day, PlanDayList::ConflictRole);
}

QString PlanCalendarView::message() const
{
    return m_message->text();
}

} // namespace rounds
