#include "ui/content/contentranking.h"

#include "models/contentkpis.h"
#include "ui/common/theme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

enum Column {
    RankCol,
    MaterialCol,
    ProductCol,
    PresentationsCol,
    PerPresentationCol,
    PositiveCol,
    EngagementCol,
    DwellCol,
    ViewsCol,
    ColumnCount
};

QString number(const std::optional<double> &v, int decimals)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

} // namespace

ContentRankingView::ContentRankingView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("contentRankingView"));
    m_product = new QComboBox(this);
    m_product->setObjectName(QStringLiteral("rankingProductComboBox"));
    m_product->addItem(tr("All products"), QString());
    connect(m_product, &QComboBox::currentIndexChanged, this, [this] { refill(); });
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("rankingTableWidget"));
    m_table->setHorizontalHeaderLabels(
        {tr("Rank"), tr("Material"), tr("Product"), tr("Presentations"), tr("Viewed pages per presentation"),
            tr("Positive share"), tr("Engagement"), tr("Avg dwell (s)"), tr("Page views")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MaterialCol, QHeaderView::Stretch);
    m_table->setMinimumHeight(200);
    m_note = new QLabel(tr("Engagement = viewed pages per presentation × positive share ((positive + 1) / "
                           "(reactions + 2)). Materials shown in fewer than %1 presentations are listed "
                           "without a rank.")
                            .arg(kMinRankedPresentations),
        this);
    m_note->setObjectName(QStringLiteral("rankingNoteLabel"));
    m_note->setWordWrap(true);
    theme::setTone(m_note, theme::Tone::Muted);
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Product:"), this));
    top->addWidget(m_product);
    top->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_note);
}

void ContentRankingView::fill(const ContentKpis &kpis)
{
    m_kpis = kpis;
    const QString chosen = product();
    QMap<QString, QString> products; // name → id, in name order
    for (const ContentKpiRow &m : kpis.materials)
        products.insert(m.productName.isEmpty() ? m.productId : m.productName, m.productId);
    m_product->blockSignals(true);
    m_product->clear();
    m_product->addItem(tr("All products"), QString());
    for (auto it = products.cbegin(); it != products.cend(); ++it)
        m_product->addItem(it.key(), it.value());
    m_product->setCurrentIndex(std::max(0, m_product->findData(chosen)));
    m_product->blockSignals(false);
    refill();
}

void ContentRankingView::setProduct(const QString &productId)
{
    m_product->setCurrentIndex(std::max(0, m_product->findData(productId)));
}

QString ContentRankingView::product() const
{
    return m_product->currentData().toString();
}

int ContentRankingView::rowCount() const
{
    return m_table->rowCount();
}

void ContentRankingView::refill()
{
    const QList<ContentKpiRow> rows = ContentKpiQueries::rankedForProduct(m_kpis, product());
    m_table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const ContentKpiRow &m = rows.at(row);
        const QStringList cells {m.rank > 0 ? QString::number(m.rank) : QStringLiteral("–"),
            tr("%1 (v%2)").arg(m.name).arg(m.version), m.productName, QLocale().toString(m.presentations),
            number(m.viewedPerPresentation, 1), QLocale().toString(m.positiveShare * 100, 'f', 0) + u'%',
            QLocale().toString(m.engagement, 'f', 2), number(m.avgDwellSec, 1), QLocale().toString(m.views)};
        for (int col = 0; col < ColumnCount; ++col) {
            auto *item = new QTableWidgetItem(cells.at(col));
            if (col != MaterialCol && col != ProductCol)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (m.rank == 0)
                item->setForeground(theme::toneColor(theme::Tone::Muted, palette()));
            m_table->setItem(row, col, item);
        }
    }
}

} // namespace rounds
