#include "ui/today/todayview.h"

#include "models/store.h"
#include "sync/session.h"
#include "ui/common/labels.h"
#include "ui/common/lookup.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTimer>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString utcIso(const QDate &day)
{
    return QDateTime(day, QTime(0, 0)).toUTC().toString(Qt::ISODate);
}

QListWidget *section(const QString &title, const QString &name, QWidget *parent, QBoxLayout *into)
{
    auto *box = new QGroupBox(title, parent);
    auto *list = new QListWidget(box);
    list->setObjectName(name);
    list->setWordWrap(true);
    list->setSpacing(2);
    (new QVBoxLayout(box))->addWidget(list);
    into->addWidget(box, 1);
    return list;
}

void emptyNote(QListWidget *list, const QString &text)
{
    if (list->count() > 0)
        return;
    auto *item = new QListWidgetItem(text, list);
    item->setFlags(Qt::NoItemFlags);
}

} // namespace

TodayView::TodayView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("todayView"));
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    auto *hint
        = new QLabel(tr("Double-click a planned visit to log it, or an HCP to open the profile."), this);

    auto *columns = new QHBoxLayout;
    m_plans = section(tr("Planned for today"), QStringLiteral("todayPlansListWidget"), this, columns);
    m_followUps
        = section(tr("Overdue follow-ups"), QStringLiteral("overdueFollowUpsListWidget"), this, columns);
    m_notVisited = section(
        tr("Planned this month, not visited yet"), QStringLiteral("notVisitedListWidget"), this, columns);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(hint);
    layout->addLayout(columns, 1);

    connect(m_plans, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem *item) {
        emit logVisitFromPlan(item->data(IdRole).toString(), item->data(HcpIdRole).toString());
    });
    for (QListWidget *list : {m_followUps, m_notVisited}) {
        connect(list, &QListWidget::itemDoubleClicked, this,
            [this](QListWidgetItem *item) { emit hcpActivated(item->data(HcpIdRole).toString()); });
    }
    connect(session->store(), &Store::recordsChanged, this, [this](const QString &entity) {
        if (entity == QLatin1String("visit_plan") || entity == QLatin1String("visit"))
            scheduleReload();
    });
    reload();
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
    const QLocale locale;
    m_title->setText(tr("Today, %1").arg(locale.toString(today, QLocale::LongFormat)));

    m_plans->clear();
    for (const QVariantList &r : lookup::rows(store,
             QStringLiteral(
                 "SELECT p.id, p.hcp_id, p.planned_at, p.status, p.purpose, p.channel, h.full_name, i.name "
                 "FROM visit_plan p LEFT JOIN hcp h ON h.id = p.hcp_id "
                 "LEFT JOIN institution i ON i.id = h.institution_id "
                 "WHERE p.planned_at >= ?1 AND p.planned_at < ?2 AND p.status <> 'cancelled' "
                 "ORDER BY p.planned_at, p.id"),
             {utcIso(today), utcIso(today.addDays(1))})) {
        const QDateTime at = QDateTime::fromString(r.value(2).toString(), Qt::ISODate).toLocalTime();
        QString text = QStringLiteral("%1  %2 · %3\n%4")
                           .arg(at.time().toString(QStringLiteral("HH:mm")), r.value(6).toString(),
                               r.value(7).toString(), Labels::channel(r.value(5).toString()));
        if (!r.value(4).toString().isEmpty())
            text += QStringLiteral(" — ") + r.value(4).toString();
        auto *item = new QListWidgetItem(text, m_plans);
        item->setData(IdRole, r.value(0).toString());
        item->setData(HcpIdRole, r.value(1).toString());
        if (r.value(3).toString() == QLatin1String("done")) {
            item->setText(item->text() + QStringLiteral("  ✓"));
            item->setForeground(QColor(0x2e, 0x7d, 0x32));
        }
    }
    emptyNote(m_plans, tr("No visits planned for today."));

    m_followUps->clear();
    for (const QVariantList &r : lookup::rows(store,
             QStringLiteral(
                 "SELECT v.hcp_id, h.full_name, v.follow_up, v.follow_up_due FROM visit v "
                 "LEFT JOIN hcp h ON h.id = v.hcp_id WHERE v.follow_up IS NOT NULL AND v.follow_up <> '' "
                 "AND v.follow_up_due < ?1 AND NOT EXISTS (SELECT 1 FROM visit w WHERE "
                 "w.hcp_id = v.hcp_id AND w.visited_at > v.visited_at) "
                 "ORDER BY v.follow_up_due, v.id LIMIT 200"),
             {today.toString(Qt::ISODate)})) {
        const QDate due = QDate::fromString(r.value(3).toString(), Qt::ISODate);
        auto *item = new QListWidgetItem(tr("%1 — %2\ndue %3, %n day(s) ago", nullptr, int(due.daysTo(today)))
                                             .arg(r.value(1).toString(), r.value(2).toString(),
                                                 locale.toString(due, QLocale::ShortFormat)),
            m_followUps);
        item->setData(HcpIdRole, r.value(0).toString());
        item->setForeground(QColor(0xc0, 0x39, 0x2b));
    }
    emptyNote(m_followUps, tr("No follow-up is overdue."));

    m_notVisited->clear();
    const QDate monthStart(today.year(), today.month(), 1);
    const QDate nextMonth = monthStart.addMonths(1);
    for (const QVariantList &r : lookup::rows(store,
             QStringLiteral("SELECT h.id, h.full_name, h.tier, min(p.planned_at) FROM visit_plan p "
                            "JOIN hcp h ON h.id = p.hcp_id WHERE p.planned_at >= ?1 AND p.planned_at < ?2 "
                            "AND p.status <> 'cancelled' AND NOT EXISTS (SELECT 1 FROM visit v WHERE "
                            "v.hcp_id = h.id AND v.visited_at >= ?1 AND v.visited_at < ?2) "
                            "GROUP BY h.id ORDER BY h.tier, h.full_name, h.id LIMIT 500"),
             {utcIso(monthStart), utcIso(nextMonth)})) {
        const QDateTime next = QDateTime::fromString(r.value(3).toString(), Qt::ISODate).toLocalTime();
        auto *item = new QListWidgetItem(tr("%1 (tier %2) — planned %3")
                                             .arg(r.value(1).toString(), r.value(2).toString(),
                                                 locale.toString(next.date(), QLocale::ShortFormat)),
            m_notVisited);
        item->setData(IdRole, r.value(0).toString());
        item->setData(HcpIdRole, r.value(0).toString());
    }
    emptyNote(m_notVisited, tr("Every HCP planned this month has been visited."));
}

} // namespace rounds
