#include "ui/history/historyview.h"

#include "models/referencequeries.h"
#include "sync/historyfetcher.h"
#include "sync/session.h"
#include "ui/common/labels.h"
#include "ui/history/historylabels.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rounds {

HistoryView::HistoryView(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_fetcher(new HistoryFetcher(session, this))
    , m_state(new QLabel(this))
    , m_tree(new QTreeWidget(this))
{
    m_state->setObjectName(QStringLiteral("historyState"));
    m_state->setWordWrap(true);
    m_tree->setObjectName(QStringLiteral("historyTree"));
    m_tree->setHeaderLabels({tr("When"), tr("Who"), tr("Device"), tr("What"), tr("Before → after")});
    m_tree->setRootIsDecorated(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_tree, 1);
    connect(m_fetcher, &HistoryFetcher::finished, this, &HistoryView::show);
}

void HistoryView::load(const QString &entity, const QString &id)
{
    m_entity = entity;
    m_tree->clear();
    m_tree->hide();
    m_state->setText(tr("Loading the history from the server…"));
    m_fetcher->fetch(entity, id);
}

void HistoryView::show(const HistoryResult &result)
{
    m_tree->clear();
    if (m_entity.isEmpty())
        m_entity = result.page.entity;
    switch (result.status) {
    case HistoryResult::Offline:
        m_state->setText(tr("History needs a connection to the server. Connect (and sign in), then open it "
                            "again; nothing here is lost."));
        break;
    case HistoryResult::SignedOut:
    case HistoryResult::Unknown:
    case HistoryResult::Failed:
        m_state->setText(result.message);
        break;
    case HistoryResult::Ok:
        m_state->setText(result.page.entries.isEmpty()
                ? tr("No changes are recorded for this record.")
                : tr("%n change(s), oldest first.", nullptr, int(result.page.entries.size())));
        break;
    }
    m_tree->setVisible(result.ok() && !result.page.entries.isEmpty());
    Store *store = m_session ? m_session->store() : nullptr;
    for (const protocol::HistoryEntry &e : result.page.entries) {
        auto *item = new QTreeWidgetItem(m_tree,
            {Labels::localDateTime(e.at),
                e.userName.isEmpty() ? ReferenceQueries::personName(store, e.userId) : e.userName, e.device,
                HistoryLabels::operation(e.op), e.note == QLatin1String("deleted") ? QString() : e.note});
        QFont bold = item->font(3);
        bold.setBold(true);
        item->setFont(3, bold);
        for (const protocol::HistoryChange &c : e.changes) {
            new QTreeWidgetItem(item,
                {QString(), QString(), QString(), HistoryLabels::field(m_entity, c.field),
                    tr("%1 → %2").arg(HistoryLabels::value(store, m_entity, c.field, c.oldValue),
                        HistoryLabels::value(store, m_entity, c.field, c.newValue))});
        }
        item->setExpanded(true);
    }
    emit loaded();
}

} // namespace rounds
