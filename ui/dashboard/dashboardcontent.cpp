#include "ui/dashboard/dashboardcontent.h"

#include "models/kpitables.h"
#include "ui/common/theme.h"
#include "ui/content/contentranking.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace rounds {

namespace {

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

QList<KpiTileValue> tilesOf(const KpiResult &r)
{
    const ContentKpis &a = r.content;
    const ContentKpis &b = r.contentBefore;
    const QString pt = QStringLiteral(" pt");
    return {
        {QStringLiteral("views"), double(a.views), double(b.views),
            DashboardContent::tr("%1 (%2 viewed)")
                .arg(QLocale().toString(a.views), QLocale().toString(a.viewedPages)),
            0, {}},
        {QStringLiteral("dwell"), a.avgDwellSec, b.avgDwellSec,
            a.avgDwellSec ? DashboardContent::tr("%1 s").arg(number(a.avgDwellSec)) : QStringLiteral("–"), 1,
            DashboardContent::tr(" s")},
        {QStringLiteral("callsWithContent"), a.callsWithContentPct, b.callsWithContentPct,
            a.callsWithContentPct ? DashboardContent::tr("%1% (%2/%3)")
                                        .arg(number(a.callsWithContentPct))
                                        .arg(a.callsWithContent)
                                        .arg(a.calls)
                                  : DashboardContent::tr("no calls"),
            1, pt},
        {QStringLiteral("reactions"), a.reactions.positivePct(), b.reactions.positivePct(),
            a.reactions.total() > 0 ? DashboardContent::tr("%1% positive (%2 · %3 · %4)")
                                          .arg(number(a.reactions.positivePct(), 0))
                                          .arg(a.reactions.positive)
                                          .arg(a.reactions.neutral)
                                          .arg(a.reactions.negative)
                                    : DashboardContent::tr("no reactions"),
            1, pt},
    };
}

} // namespace

DashboardContent::DashboardContent(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("contentSection"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    auto *title = new QLabel(tr("Content in calls"), this);
    title->setObjectName(QStringLiteral("contentTitleLabel"));
    QFont bold = title->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.15);
    title->setFont(bold);
    layout->addWidget(title);
    auto *tiles = new QGridLayout;
    tiles->setSpacing(8);
    tiles->addWidget(tile(QStringLiteral("views"), tr("Page views")), 0, 0);
    tiles->addWidget(tile(QStringLiteral("dwell"), tr("Average dwell per viewed page")), 0, 1);
    tiles->addWidget(tile(QStringLiteral("callsWithContent"), tr("Calls with content")), 0, 2);
    tiles->addWidget(tile(QStringLiteral("reactions"), tr("Reaction mix")), 0, 3);
    layout->addLayout(tiles);
    // One under the other, each the dashboard's full width: the ranking's titles and the product table's
    // eleven columns fit without a horizontal scroll bar.
    auto *tables = new QVBoxLayout;
    tables->setSpacing(10);
    m_ranking = new ContentRankingView(this);
    table(QStringLiteral("content_by_material"), tr("Materials ranked by engagement"), tables, m_ranking);
    table(QStringLiteral("content_by_product"), tr("By product"), tables);
    layout->addLayout(tables);
}

QWidget *DashboardContent::tile(const QString &key, const QString &name)
{
    return m_tiles.add(this, QStringLiteral("contentTile_") + key, key, name, 1.5);
}

QTableWidget *DashboardContent::table(const QString &key, const QString &title, QLayout *into, QWidget *body)
{
    auto *frame = new QFrame(this);
    frame->setObjectName(key + QStringLiteral("Card"));
    frame->setFrameShape(QFrame::StyledPanel);
    auto *l = new QVBoxLayout(frame);
    l->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(title, frame);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    label->setWordWrap(true);
    top->addWidget(label, 1);
    auto *csv = new QToolButton(frame);
    csv->setObjectName(key + QStringLiteral("CsvButton"));
    csv->setText(tr("CSV…"));
    csv->setToolTip(tr("Save this table as CSV"));
    connect(csv, &QToolButton::clicked, this, [this, key] { emit csvRequested(key); });
    top->addWidget(csv);
    l->addLayout(top);
    into->addWidget(frame);
    if (body) {
        body->setParent(frame);
        l->addWidget(body);
        return nullptr;
    }
    auto *t = new QTableWidget(frame);
    t->setObjectName(key + QStringLiteral("Table"));
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->verticalHeader()->hide();
    t->setMinimumHeight(120);
    l->addWidget(t);
    m_tables.insert(key, t);
    return t;
}

void DashboardContent::fill(const KpiResult &r)
{
    m_tiles.fill(tilesOf(r), r.previousPeriod.label(), tr("– vs %1"), tr("%1 vs %2"));
    m_ranking->fill(r.content);
    for (const KpiTable &table : KpiTables::content(r)) {
        QTableWidget *w = m_tables.value(table.id);
        if (!w)
            continue;
        w->clear();
        w->setColumnCount(int(table.headers.size()));
        w->setHorizontalHeaderLabels(table.headers);
        w->setRowCount(int(table.rows.size()));
        for (int row = 0; row < table.rows.size(); ++row) {
            const QVariantList &cells = table.rows.at(row);
            for (int col = 0; col < cells.size(); ++col) {
                auto *item = new QTableWidgetItem(KpiTables::displayText(cells.at(col), QLocale()));
                if (cells.at(col).typeId() != QMetaType::QString)
                    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                w->setItem(row, col, item);
            }
        }
        w->resizeColumnsToContents();
    }
}

} // namespace rounds
