#include "ui/hcp/contenthistorypanel.h"

#include "common/protocol/consent.h"
#include "common/protocol/enumlabels.h"
#include "models/consentqueries.h"
#include "models/contentkpis.h"
#include "models/storewatcher.h"
#include "sync/session.h"
#include "ui/common/dates.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

enum Column { WhenCol, MaterialCol, PagesCol, TimeCol, ReactionsCol, ColumnCount };

QString reactionLabel(const QString &value)
{
    return EnumLabels::label(QStringLiteral("content_view"), QStringLiteral("reaction"), value);
}

QString reactionsText(const ContentReactionMix &mix)
{
    QStringList parts;
    const struct
    {
        const char *value;
        qint64 count;
    } all[] = {{"positive", mix.positive}, {"neutral", mix.neutral}, {"negative", mix.negative}};
    for (const auto &r : all) {
        if (r.count > 0)
            parts << QStringLiteral("%1 %2").arg(reactionLabel(QString::fromLatin1(r.value))).arg(r.count);
    }
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(" · "));
}

QString pagesTooltip(const ContentShowing &s)
{
    QStringList lines;
    for (const ContentPageSeen &p : s.pages) {
        QString line = ContentHistoryPanel::tr("Page %1: %2")
                           .arg(p.page)
                           .arg(ContentHistoryPanel::duration(p.durationMs));
        if (!p.reaction.isEmpty())
            line += QStringLiteral(" · ") + reactionLabel(p.reaction);
        if (!p.viewed)
            line += QStringLiteral(" · ") + ContentHistoryPanel::tr("not counted (under 2 s)");
        lines << line;
    }
    return lines.join(u'\n');
}

} // namespace

ContentHistoryPanel::ContentHistoryPanel(Session *session, QWidget *parent)
    : QGroupBox(tr("Content"), parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("contentHistoryGroupBox"));
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("contentHistoryTableWidget"));
    m_table->setHorizontalHeaderLabels(
        {tr("When"), tr("Material"), tr("Pages viewed"), tr("Time"), tr("Reactions")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(WhenCol, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(MaterialCol, QHeaderView::Stretch);
    header->setSectionResizeMode(PagesCol, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TimeCol, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReactionsCol, QHeaderView::ResizeToContents);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("contentHistoryEmptyLabel"));
    m_empty->setWordWrap(true);
    theme::setTone(m_empty, theme::Tone::Muted);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    new StoreWatcher(session->store(),
        {QStringLiteral("content_view"), QStringLiteral("material"), QStringLiteral("consent")}, this,
        [this](const StoreChanges &) {
            if (!m_hcpId.isEmpty())
                reload();
        });
}

void ContentHistoryPanel::setHcp(const QString &hcpId)
{
    m_hcpId = hcpId;
    reload();
}

int ContentHistoryPanel::rowCount() const
{
    return m_table->rowCount();
}

QString ContentHistoryPanel::duration(qint64 ms)
{
    const qint64 s = (ms + 500) / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

void ContentHistoryPanel::reload()
{
    QList<ContentShowing> items;
    QString error;
    if (!ContentKpiQueries::hcpHistory(m_session->store(), m_hcpId, &items, &error)) {
        fill({});
        m_empty->setText(widgets::readError(error));
        theme::setTone(m_empty, theme::Tone::Error);
        return;
    }
    theme::setTone(m_empty, theme::Tone::Muted);
    fill(items);
}

void ContentHistoryPanel::fill(const QList<ContentShowing> &items)
{
    m_table->setRowCount(int(items.size()));
    for (int row = 0; row < items.size(); ++row) {
        const ContentShowing &s = items.at(row);
        const QString pages = s.pageCount > 0 ? tr("%1 of %2").arg(s.pagesViewed).arg(s.pageCount)
                                              : QString::number(s.pagesViewed);
        const QStringList cells {Dates::dateTime(s.startedAt.toLocalTime()),
            tr("%1 (v%2)").arg(s.title).arg(s.version), pages, duration(s.totalMs),
            reactionsText(s.reactions)};
        const QString tooltip = pagesTooltip(s);
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            item->setToolTip(tooltip);
            if (col == PagesCol || col == TimeCol)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(row, col, item);
        }
    }
    m_table->setVisible(!items.isEmpty());
    m_empty->setVisible(items.isEmpty());
    if (items.isEmpty())
        m_empty->setText(emptyText());
}

// Without tracking consent nothing is recorded under the HCP's name; say so rather than "nothing shown".
QString ContentHistoryPanel::emptyText()
{
    Store *store = m_session->store();
    protocol::consent::Rules rules;
    QList<protocol::consent::Record> records;
    QString error;
    if (store && ConsentQueries::rules(store, &rules, &error)
        && ConsentQueries::records(store, m_hcpId, &records, &error)
        && !protocol::consent::trackingAllowed(records, m_hcpId, QDateTime::currentDateTimeUtc(), rules))
        return tr("No content history: this HCP has not consented to activity tracking, so what they are "
                  "shown is recorded without their name.");
    return tr("Nothing has been presented to this HCP yet.");
}

} // namespace rounds
