#include "ui/dashboard/dashboardview.h"
#include "ui/common/dates.h"
#include "ui/common/theme.h"

#include "models/kpitables.h"
#include "models/referencequeries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/dashboard/dashboardcontent.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardtiles.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QStyle>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rounds {

DashboardView::DashboardView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(buildHeader());

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    m_content->setObjectName(QStringLiteral("dashboardContent"));
    auto *v = new QVBoxLayout(m_content);
    v->setContentsMargins(12, 4, 12, 12);
    m_tiles = new DashboardTiles(m_content);
    v->addWidget(m_tiles);
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    v->addLayout(grid);
    buildCards(grid);
    buildDrillDown();
    // Content in calls (issue 21): its tiles and tables under the charts.
    m_contentSection = new DashboardContent(m_content);
    v->addWidget(m_contentSection);
    connect(m_contentSection, &DashboardContent::csvRequested, this,
        [this](const QString &tableId) { exportCsvInteractive(tableId); });
    scroll->setWidget(m_content);
    outer->addWidget(scroll, 1);

    fillScopes();
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_period->lineEdit(), &QLineEdit::editingFinished, this, [this] { refresh(); });
    connect(&m_watcher, &QFutureWatcher<KpiRun>::finished, this, &DashboardView::onComputed);
    m_relabel = new QTimer(this);
    m_relabel->setSingleShot(true);
    m_relabel->setInterval(120);
    connect(m_relabel, &QTimer::timeout, this, [this] {
        if (m_hasResult)
            m_charts->fill(m_result);
    });
    // The figures and the scope list follow the store; while the dashboard is hidden its changes wait,
    // so a sync costs no KPI run until it is looked at.
    auto *watcher = new StoreWatcher(m_store,
        {QStringLiteral("visit"), QStringLiteral("visit_detail"), QStringLiteral("alignment"),
            QStringLiteral("visit_plan"), QStringLiteral("meeting"), QStringLiteral("sales_fact"),
            QStringLiteral("sales_total"), QStringLiteral("hcp"), QStringLiteral("territory"),
            QStringLiteral("user"), QStringLiteral("setting"), QStringLiteral("content_view"),
            QStringLiteral("material")},
        this, [this](const StoreChanges &changes) {
            if (changes.contains(QStringLiteral("territory")) || changes.contains(QStringLiteral("user")))
                fillScopes();
            if (m_shown)
                refresh();
        });
    watcher->deferWhileHidden();
}

DashboardView::~DashboardView()
{
    m_watcher.waitForFinished();
}

QWidget *DashboardView::buildHeader()
{
    auto *header = new QWidget(this);
    auto *h = new QHBoxLayout(header);
    h->setContentsMargins(12, 8, 12, 4);
    auto *title = new QLabel(tr("Dashboard"), header);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    h->addWidget(title);
    h->addSpacing(16);
    h->addWidget(new QLabel(tr("Scope:"), header));
    m_scope = new QComboBox(header);
    m_scope->setObjectName(QStringLiteral("scopeComboBox"));
    m_scope->setMinimumContentsLength(18);
    m_scope->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    h->addWidget(m_scope);
    h->addWidget(new QLabel(tr("Period:"), header));
    m_period = new QComboBox(header);
    m_period->setObjectName(QStringLiteral("periodComboBox"));
    m_period->setEditable(true);
    m_period->setToolTip(
        tr("A month (2026-10), a quarter (2026-Q3) or a cycle of dates (2026-09-01..2026-09-30)"));
    m_period->setMinimumContentsLength(22);
    fillPeriods();
    h->addWidget(m_period);
    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("dashboardStatusLabel"));
    theme::setTone(m_status, theme::Tone::Muted);
    h->addWidget(m_status, 1);
    auto *image = new QPushButton(tr("Export PNG/PDF…"), header);
    image->setObjectName(QStringLiteral("exportImageButton"));
    connect(image, &QPushButton::clicked, this, &DashboardView::exportImageInteractive);
    h->addWidget(image);
    auto *csv = new QPushButton(tr("Export tables (CSV)…"), header);
    csv->setObjectName(QStringLiteral("exportCsvButton"));
    connect(csv, &QPushButton::clicked, this, &DashboardView::exportAllCsvInteractive);
    h->addWidget(csv);
    return header;
}

void DashboardView::fillPeriods()
{
    const QDate today = QDate::currentDate();
    for (int i = 0; i < 12; ++i) {
        const QDate m = QDate(today.year(), today.month(), 1).addMonths(-i);
        m_period->addItem(KpiPeriod::month(m.year(), m.month()).label());
    }
    for (int i = 0; i < 4; ++i) {
        const QDate q = QDate(today.year(), (today.month() - 1) / 3 * 3 + 1, 1).addMonths(-3 * i);
        m_period->addItem(QStringLiteral("%1-Q%2").arg(q.year()).arg((q.month() - 1) / 3 + 1));
    }
    m_period->addItem(
        QStringLiteral("%1..%2").arg(today.addDays(-27).toString(Qt::ISODate), today.toString(Qt::ISODate)));
    // A month under way reads as a fall against a whole one: open on the last complete month.
    m_period->setCurrentIndex(1);
}

void DashboardView::buildCards(QGridLayout *grid)
{
    addCard(grid, 0, 0, QStringLiteral("reach"), tr("Reach by tier (click a bar: targets not reached)"),
        QStringLiteral("reach_by_tier"));
    addCard(grid, 0, 1, QStringLiteral("calls"), tr("Calls per day"), QStringLiteral("calls_per_day"));
    addCard(grid, 0, 2, QStringLiteral("channels"), tr("Channel mix"), QStringLiteral("channel_mix"));
    addCard(
        grid, 1, 0, QStringLiteral("products"), tr("Product detail share"), QStringLiteral("product_share"));
    addCard(grid, 1, 1, QStringLiteral("events"), tr("Event spend vs budget"), QStringLiteral("summary"));
    addCard(grid, 1, 2, QStringLiteral("reps"), tr("Calls by rep (click a bar: that rep's dashboard)"),
        QStringLiteral("reps"));
    addCard(grid, 2, 0, QStringLiteral("sales"), tr("Sales by month"), QStringLiteral("sales_by_month"), 2);
    addCard(
        grid, 2, 2, QStringLiteral("support"), tr("Average support level"), QStringLiteral("support_trend"));
    addCard(grid, 3, 0, QStringLiteral("territories"), tr("Sales by territory"),
        QStringLiteral("sales_by_territory"));
    addCard(grid, 3, 1, QStringLiteral("salesProducts"), tr("Sales by product"),
        QStringLiteral("sales_by_product"));
    addCard(grid, 3, 2, QStringLiteral("institutions"), tr("Sales by institution (top 8)"),
        QStringLiteral("sales_by_institution"));
    QHash<QString, QChart *> charts;
    for (auto it = m_cards.cbegin(); it != m_cards.cend(); ++it)
        charts.insert(it.key(), it->view->chart());
    m_charts = std::make_unique<DashboardCharts>(charts);
    m_charts->tierClicked = [this](const QString &tier) { showUnreached(tier); };
    m_charts->repClicked = [this](const QString &username) { setScope(username); };
    m_charts->setPalette(palette());
}

// The drill-down of the reach chart: the targets of the clicked tier not reached in the period.
void DashboardView::buildDrillDown()
{
    auto *reachLayout = qobject_cast<QVBoxLayout *>(m_cards.value(QStringLiteral("reach")).frame->layout());
    m_unreachedTitle = new QLabel(m_content);
    m_unreachedTitle->setObjectName(QStringLiteral("unreachedTitleLabel"));
    m_unreachedTitle->setWordWrap(true);
    m_unreachedTitle->hide();
    m_unreached = new QListWidget(m_content);
    m_unreached->setObjectName(QStringLiteral("unreachedListWidget"));
    m_unreached->setMaximumHeight(180);
    m_unreached->hide();
    reachLayout->addWidget(m_unreachedTitle);
    reachLayout->addWidget(m_unreached);
    connect(m_unreached, &QListWidget::itemActivated, this,
        [this](QListWidgetItem *item) { emit hcpActivated(item->data(Qt::UserRole).toString()); });
}

DashboardView::Card DashboardView::addCard(QGridLayout *grid, int row, int col, const QString &key,
    const QString &title, const QString &tableId, int colSpan)
{
    Card card;
    card.tableId = tableId;
    card.frame = new QFrame(m_content);
    card.frame->setObjectName(key + QStringLiteral("Card"));
    static_cast<QFrame *>(card.frame)->setFrameShape(QFrame::StyledPanel);
    auto *l = new QVBoxLayout(card.frame);
    l->setContentsMargins(6, 6, 6, 6);
    auto *top = new QHBoxLayout;
    auto *label = new QLabel(title, card.frame);
    label->setObjectName(key + QStringLiteral("TitleLabel"));
    label->setWordWrap(true);
    QFont bold = label->font();
    bold.setBold(true);
    label->setFont(bold);
    top->addWidget(label, 1);
    auto *toggle = new QToolButton(card.frame);
    toggle->setObjectName(key + QStringLiteral("TableButton"));
    toggle->setText(tr("Table"));
    toggle->setCheckable(true);
    toggle->setToolTip(tr("Show the exact numbers under the chart"));
    top->addWidget(toggle);
    auto *csv = new QToolButton(card.frame);
    csv->setObjectName(key + QStringLiteral("CsvButton"));
    csv->setText(tr("CSV…"));
    csv->setToolTip(tr("Save this table as CSV"));
    connect(csv, &QToolButton::clicked, this, [this, tableId] { exportCsvInteractive(tableId); });
    top->addWidget(csv);
    l->addLayout(top);

    auto *chart = new QChart;
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->legend()->setVisible(false);
    chart->setAnimationOptions(QChart::NoAnimation);
    card.view = new QChartView(chart, card.frame);
    card.view->setObjectName(key + QStringLiteral("ChartView"));
    card.view->setRenderHint(QPainter::Antialiasing);
    card.view->setMinimumHeight(230);
    l->addWidget(card.view);

    card.table = new QTableWidget(card.frame);
    card.table->setObjectName(key + QStringLiteral("Table"));
    card.table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    card.table->verticalHeader()->hide();
    card.table->horizontalHeader()->setStretchLastSection(true);
    card.table->setMinimumHeight(160);
    card.table->setVisible(false);
    connect(toggle, &QToolButton::toggled, card.table, &QWidget::setVisible);
    l->addWidget(card.table);

    grid->addWidget(card.frame, row, col, 1, colSpan);
    m_cards.insert(key, card);
    return card;
}

void DashboardView::fillScopes()
{
    QList<KpiScopeChoice> choices;
    QString error;
    if (m_store && m_store->isOpen())
        KpiEngine(*m_store).scopeChoices(&choices, &error);
    const QSignalBlocker block(m_scope);
    // Filled again after a sync: the scope the manager looks at stays chosen.
    const QString previous = m_scope->count() > 1 ? m_scope->currentData().toString() : QString();
    const bool keepPrevious = m_scope->count() > 1;
    m_scope->clear();
    m_scope->addItem(tr("Everything on this computer"), QString());
    QHash<QString, int> depth;
    for (const KpiScopeChoice &c : choices) {
        const int d = c.parentKey.isEmpty() ? 0 : depth.value(c.parentKey) + 1;
        depth.insert(c.key, d);
        const QString label = c.level == QLatin1String("rep") ? tr("%1 (rep)").arg(c.name)
                                                              : QStringLiteral("%1 %2").arg(c.key, c.name);
        m_scope->addItem(QString(d * 3, u' ') + label, c.key);
    }
    if (keepPrevious) {
        if (m_scope->findData(previous) < 0)
            m_scope->addItem(ReferenceQueries::personName(m_store, previous), previous);
        m_scope->setCurrentIndex(m_scope->findData(previous));
        return;
    }
    // A manager opens on their own district (their username resolves to it).
    const QString me = m_store ? m_store->meta(QStringLiteral("user")) : QString();
    if (!me.isEmpty()) {
        KpiEngine engine(*m_store);
        if (const auto s = engine.resolveScope(me); s && !s->territoryIds.isEmpty()) {
            // Prefer the territory entry the user's scope starts from, so the picker shows a place.
            for (const KpiScopeChoice &c : choices) {
                if (c.level == QLatin1String("district") || c.level == QLatin1String("territory")) {
                    const auto t = engine.resolveScope(c.key);
                    if (t && t->territoryIds == s->territoryIds) {
                        m_scope->setCurrentIndex(m_scope->findData(c.key));
                        return;
                    }
                }
            }
            if (m_scope->findData(me) < 0)
                m_scope->addItem(ReferenceQueries::personName(m_store, me), me);
            m_scope->setCurrentIndex(m_scope->findData(me));
        }
    }
}

void DashboardView::setScope(const QString &key)
{
    int i = m_scope->findData(key);
    if (i < 0) {
        m_scope->addItem(ReferenceQueries::personName(m_store, key), key);
        i = m_scope->count() - 1;
    }
    if (m_scope->currentIndex() == i)
        refresh();
    else
        m_scope->setCurrentIndex(i); // refreshes
}

bool DashboardView::setPeriod(const QString &text)
{
    if (!KpiPeriod::parse(text))
        return false;
    const QSignalBlocker block(m_period);
    int i = m_period->findText(text);
    if (i < 0) {
        m_period->addItem(text);
        i = m_period->count() - 1;
    }
    m_period->setCurrentIndex(i);
    refresh();
    return true;
}

QString DashboardView::scopeKey() const
{
    return m_scope->currentData().toString();
}

QString DashboardView::periodText() const
{
    return m_period->currentText().trimmed();
}

std::optional<KpiPeriod> DashboardView::currentPeriod() const
{
    return KpiPeriod::parse(periodText());
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (!m_shown) {
        m_shown = true;
        m_sinceShown.start();
        refresh();
    }
}

void DashboardView::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    // A palette set on the application or the window (dark mode) reaches the charts too.
    if (event->type() == QEvent::PaletteChange && m_charts) {
        m_charts->setPalette(palette());
        if (m_hasResult)
            m_charts->fill(m_result);
    }
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (m_hasResult)
        m_relabel->start();
}

void DashboardView::refresh()
{
    if (!m_store || !m_store->isOpen())
        return;
    if (m_watcher.isRunning()) {
        m_queued = true;
        return;
    }
    QString error;
    const auto period = KpiPeriod::parse(periodText(), &error);
    if (!period) {
        m_status->setText(tr("Not a period: use 2026-10, 2026-Q3 or 2026-09-01..2026-09-30"));
        return;
    }
    m_queued = false;
    m_status->setText(tr("Computing…"));
    const QString path = m_store->path();
    const QString scopeKey = this->scopeKey();
    const KpiPeriod p = *period;
    m_watcher.setFuture(
        QtConcurrent::run([path, scopeKey, p] { return computeKpisReadOnly(path, scopeKey, p); }));
}

void DashboardView::onComputed()
{
    const KpiRun o = m_watcher.result();
    if (m_queued) {
        refresh();
        return;
    }
    if (!o.ok) {
        m_status->setText(tr("The dashboard could not be computed: %1").arg(o.error));
        emit failed(o.error);
        return;
    }
    m_lastComputeMs = o.ms;
    apply(o.result);
    if (m_firstPaintMs < 0 && m_sinceShown.isValid()) {
        m_content->repaint();
        m_firstPaintMs = m_sinceShown.elapsed();
        qCInfo(lcKpi) << "dashboard first paint in" << m_firstPaintMs << "ms (KPIs" << o.ms << "ms)";
    }
    emit updated();
}

void DashboardView::apply(const KpiResult &r)
{
    m_result = r;
    m_hasResult = true;
    m_tiles->fill(r);
    m_charts->fill(r);
    m_contentSection->fill(r);
    fillTables(r);
    m_unreached->hide();
    m_unreachedTitle->hide();
    m_status->setText(tr("%1 vs %2 · %3")
                          .arg(r.period.label(), r.previousPeriod.label(),
                              r.scope.key.isEmpty() ? tr("everything on this computer") : r.scope.name));
}

void DashboardView::fillTables(const KpiResult &r)
{
    const QList<KpiTable> tables = KpiTables::all(r);
    for (const Card &card : std::as_const(m_cards)) {
        KpiTable table;
        for (const KpiTable &t : tables) {
            if (t.id == card.tableId)
                table = t;
        }
        QTableWidget *w = card.table;
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

void DashboardView::showUnreached(const QString &tier)
{
    const auto period = m_hasResult ? std::optional<KpiPeriod>(m_result.period) : currentPeriod();
    if (!period || !m_store || !m_store->isOpen())
        return;
    KpiEngine engine(*m_store);
    QString error;
    QList<KpiTarget> targets;
    if (!engine.unreachedTargets(*period, m_result.scope, tier, &targets, &error)) {
        m_status->setText(error);
        return;
    }
    m_unreached->clear();
    for (const KpiTarget &t : targets) {
        auto *item = new QListWidgetItem(
            tr("%1 · %2 · target %3")
                .arg(t.name, t.institution.isEmpty() ? tr("no institution") : t.institution)
                .arg(t.targetCalls),
            m_unreached);
        item->setData(Qt::UserRole, t.hcpId);
    }
    m_unreachedTitle->setText(
        tr("Tier %1: %n target(s) not reached in %2 (double-click to open)", nullptr, int(targets.size()))
            .arg(tier, period->label()));
    m_unreachedTitle->show();
    m_unreached->show();
    m_cards.value(QStringLiteral("reach")).frame->parentWidget()->updateGeometry();
}

bool DashboardView::exportImage(const QString &file, QString *error)
{
    if (!file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        const ReportLayout layout(this, m_content->width());
        return DashboardExport::png(m_content, file, error);
    }
    // A report on paper: light, as wide as suits a landscape page, whatever the window is.
    const ReportLayout layout(this, kReportWidth, style()->standardPalette());
    return DashboardExport::pdf(reportHeading(), m_content, reportBlocks(), file, error);
}

DashboardReportHeading DashboardView::reportHeading() const
{
    const KpiPeriod &p = m_result.period;
    QString period = tr("%1 (%2 – %3)").arg(p.label(), Dates::date(p.start), Dates::date(p.end));
    if (p.isPartial(m_result.asOf))
        period += u' ' + tr("— not ended: figures to %1").arg(Dates::date(m_result.asOf));
    QString user = m_store ? m_store->meta(QStringLiteral("display_name")) : QString();
    if (user.isEmpty() && m_store)
        user = m_store->meta(QStringLiteral("user"));
    QString scope = tr("everything on this computer");
    if (!m_result.scope.key.isEmpty())
        scope = m_result.scope.kind == KpiScope::Kind::Territory
            ? QStringLiteral("%1 %2").arg(m_result.scope.key, m_result.scope.name)
            : m_result.scope.name;
    return {tr("Rounds dashboard report"), scope, period, user, QDateTime::currentDateTime()};
}

QList<QRect> DashboardView::reportBlocks() const
{
    // The tiles, then each row of cards (a card spanning rows is not made).
    QList<QRect> blocks {m_tiles->geometry()};
    QMap<int, QRect> rows;
    for (const Card &card : std::as_const(m_cards)) {
        const QRect g = card.frame->geometry();
        rows[g.top()] |= g;
    }
    for (const QRect &row : std::as_const(rows))
        blocks.append(row);
    blocks.append(m_contentSection->geometry());
    return blocks;
}

DashboardView::ReportLayout::ReportLayout(DashboardView *view, int width, const QPalette &palette)
    : m_view(view)
    , m_size(view->m_content->size())
    , m_ownPalette(view->testAttribute(Qt::WA_SetPalette))
    , m_palette(view->palette())
{
    // The buttons on the cards (and the content section's) do nothing on paper or in a picture.
    QList<QWidget *> frames {view->m_contentSection};
    for (const Card &card : std::as_const(view->m_cards))
        frames << card.frame;
    for (QWidget *frame : std::as_const(frames)) {
        for (QToolButton *button : frame->findChildren<QToolButton *>()) {
            if (button->isVisibleTo(frame)) {
                button->hide();
                m_hidden << button;
            }
        }
    }
    if (palette != view->palette())
        view->setPalette(palette);
    QWidget *content = view->m_content;
    content->resize(width, std::max(content->height(), content->heightForWidth(width)));
    content->layout()->activate();
    if (view->m_hasResult)
        view->m_charts->fill(view->m_result); // labels laid out for the charts' new widths
    // A legend clips its markers to its shape; drawn into a PDF (scaled, translated) that clip left only
    // the first label and no marker. The layout already keeps the markers inside the legend.
    for (const Card &card : std::as_const(view->m_cards)) {
        if (card.view) {
            QLegend *legend = card.view->chart()->legend();
            if (legend->flags() & QGraphicsItem::ItemClipsChildrenToShape) {
                legend->setFlag(QGraphicsItem::ItemClipsChildrenToShape, false);
                m_unclipped << legend;
            }
        }
    }
    // The charts' legends and axes lay themselves out in posted events, one level after another.
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents(QEventLoop::ExcludeUserInputEvents);
    }
}

DashboardView::ReportLayout::ReportLayout(DashboardView *view, int width)
    : ReportLayout(view, width, view->palette())
{ }

DashboardView::ReportLayout::~ReportLayout()
{
    for (QToolButton *button : std::as_const(m_hidden))
        button->show();
    for (const QPointer<QLegend> &legend : std::as_const(m_unclipped)) {
        if (legend)
            legend->setFlag(QGraphicsItem::ItemClipsChildrenToShape, true);
    }
    if (m_view->palette() != m_palette)
        m_view->setPalette(m_ownPalette ? m_palette : QPalette());
    m_view->m_content->resize(m_size);
    m_view->m_content->layout()->activate();
    if (m_view->m_hasResult)
        m_view->m_charts->fill(m_view->m_result);
    QCoreApplication::sendPostedEvents();
}

bool DashboardView::exportCsv(const QString &tableId, const QString &file, QString *error)
{
    return DashboardExport::csv(m_result, tableId, file, error);
}

bool DashboardView::exportAllCsv(const QString &folder, QString *error)
{
    return DashboardExport::allCsv(m_result, folder, error);
}

void DashboardView::exportCsvInteractive(const QString &tableId)
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Save table as CSV"),
        QStringLiteral("%1-%2.csv").arg(tableId, m_result.period.label()), tr("CSV files (*.csv)"));
    QString error;
    if (!file.isEmpty() && !exportCsv(tableId, file, &error))
        m_status->setText(error);
}

void DashboardView::exportImageInteractive()
{
    const QString file = QFileDialog::getSaveFileName(this, tr("Export the dashboard"),
        QStringLiteral("dashboard-%1.png").arg(m_result.period.label()),
        tr("PNG image (*.png);;PDF document (*.pdf)"));
    QString error;
    if (!file.isEmpty() && !exportImage(file, &error))
        m_status->setText(error);
}

void DashboardView::exportAllCsvInteractive()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Folder for the CSV tables"));
    QString error;
    if (!folder.isEmpty() && !exportAllCsv(folder, &error))
        m_status->setText(error);
}

} // namespace rounds
