#include "ui/dashboard/dashboardview.h"

#include "models/kpitables.h"
#include "common/sqlite/database.h"
#include "common/sqlite/sqlerror.h"
#include "models/store.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QLineSeries>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QPdfWriter>
#include <QPieSeries>
#include <QPieSlice>
#include <QPushButton>
#include <QScrollArea>
#include <QShowEvent>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <cmath>

namespace rounds {

namespace {

const QStringList kTierKeys {
    QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C"), QStringLiteral("D")};

QString number(const std::optional<double> &v, int decimals = 1)
{
    return v ? QLocale().toString(*v, 'f', decimals) : QStringLiteral("–");
}

QString yuan(double minor)
{
    return QStringLiteral("¥") + QLocale().toString(minor / 100, 'f', 0);
}

void resetChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QValueAxis *valueAxis(
    QChart *chart, Qt::Alignment where, double max, const QString &format = QStringLiteral("%.0f"))
{
    auto *axis = new QValueAxis(chart);
    axis->setRange(0, max > 0 ? max * 1.1 : 1);
    axis->setLabelFormat(format);
    axis->applyNiceNumbers();
    chart->addAxis(axis, where);
    return axis;
}

QDateTime monthTime(const QString &month)
{
    return QDateTime(
        QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd")), QTime(0, 0));
}

} // namespace

DashboardView::DashboardView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("dashboardView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);

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
    h->addWidget(m_period);
    m_status = new QLabel(header);
    m_status->setObjectName(QStringLiteral("dashboardStatusLabel"));
    m_status->setStyleSheet(QStringLiteral("color: palette(mid);"));
    h->addWidget(m_status, 1);
    auto *image = new QPushButton(tr("Export PNG/PDF…"), header);
    image->setObjectName(QStringLiteral("exportImageButton"));
    connect(image, &QPushButton::clicked, this, &DashboardView::exportImageInteractive);
    h->addWidget(image);
    auto *csv = new QPushButton(tr("Export tables (CSV)…"), header);
    csv->setObjectName(QStringLiteral("exportCsvButton"));
    connect(csv, &QPushButton::clicked, this, &DashboardView::exportAllCsvInteractive);
    h->addWidget(csv);
    outer->addWidget(header);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = new QWidget(scroll);
    m_content->setObjectName(QStringLiteral("dashboardContent"));
    auto *v = new QVBoxLayout(m_content);
    v->setContentsMargins(12, 4, 12, 12);
    v->addWidget(buildTiles());
    auto *grid = new QGridLayout;
    grid->setSpacing(10);
    for (int c = 0; c < 3; ++c)
        grid->setColumnStretch(c, 1);
    v->addLayout(grid);
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

    // The drill-down of the reach chart.
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

    scroll->setWidget(m_content);
    outer->addWidget(scroll, 1);

    fillScopes();
    connect(m_scope, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_period, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_period->lineEdit(), &QLineEdit::editingFinished, this, [this] { refresh(); });
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, &DashboardView::onComputed);
    if (m_store) {
        connect(m_store, &Store::recordsChanged, this, [this](const QString &entity) {
            static const QStringList relevant {QStringLiteral("visit"), QStringLiteral("alignment"),
                QStringLiteral("visit_plan"), QStringLiteral("meeting"), QStringLiteral("sales_fact"),
                QStringLiteral("territory"), QStringLiteral("user")};
            if (relevant.contains(entity) && m_shown)
                refresh();
        });
    }
}

DashboardView::~DashboardView()
{
    m_watcher.waitForFinished();
}

QWidget *DashboardView::buildTiles()
{
    auto *tiles = new QWidget(m_content);
    tiles->setObjectName(QStringLiteral("tilesWidget"));
    auto *grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 0, 0, 6);
    grid->setSpacing(8);
    const QList<QPair<QString, QString>> names {
        {QStringLiteral("reach"), tr("Reach")},
        {QStringLiteral("calls"), tr("Calls")},
        {QStringLiteral("frequency"), tr("Frequency")},
        {QStringLiteral("coverage"), tr("Coverage of plan")},
        {QStringLiteral("attainment"), tr("Plan attainment")},
        {QStringLiteral("perDay"), tr("Calls per field day")},
        {QStringLiteral("support"), tr("Average support")},
        {QStringLiteral("touches"), tr("Touches")},
        {QStringLiteral("spend"), tr("Spend vs budget")},
        {QStringLiteral("sales"), tr("Sales")},
        {QStringLiteral("share"), tr("Market share")},
        {QStringLiteral("roi"), tr("ROI")},
    };
    for (int i = 0; i < names.size(); ++i) {
        auto *tile = new QFrame(tiles);
        tile->setObjectName(QStringLiteral("tile_") + names[i].first);
        tile->setFrameShape(QFrame::StyledPanel);
        tile->setStyleSheet(QStringLiteral("QFrame#%1 { background: palette(base); border-radius: 6px; }")
                                .arg(tile->objectName()));
        auto *l = new QVBoxLayout(tile);
        l->setContentsMargins(10, 6, 10, 6);
        l->setSpacing(0);
        auto *name = new QLabel(names[i].second, tile);
        name->setStyleSheet(QStringLiteral("color: palette(mid);"));
        auto *value = new QLabel(QStringLiteral("–"), tile);
        value->setObjectName(QStringLiteral("tileValueLabel"));
        QFont f = value->font();
        f.setPointSizeF(f.pointSizeF() * 1.7);
        f.setBold(true);
        value->setFont(f);
        auto *delta = new QLabel(tile);
        delta->setObjectName(QStringLiteral("tileDeltaLabel"));
        l->addWidget(name);
        l->addWidget(value);
        l->addWidget(delta);
        grid->addWidget(tile, i / 6, i % 6);
        m_tileValues.insert(names[i].first, value);
        m_tileDeltas.insert(names[i].first, delta);
    }
    return tiles;
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
    if (m_store && m_store->database())
        KpiEngine(*m_store->database()).scopeChoices(&choices, &error);
    const QSignalBlocker block(m_scope);
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
    // A manager opens on their own district (their username resolves to it).
    const QString me = m_store ? m_store->meta(QStringLiteral("user")) : QString();
    if (!me.isEmpty()) {
        KpiEngine engine(*m_store->database());
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
                m_scope->addItem(me, me);
            m_scope->setCurrentIndex(m_scope->findData(me));
        }
    }
}

void DashboardView::setScope(const QString &key)
{
    int i = m_scope->findData(key);
    if (i < 0) {
        m_scope->addItem(key, key);
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
    m_watcher.setFuture(QtConcurrent::run([path, scopeKey, p]() {
        Outcome o;
        QElapsedTimer timer;
        timer.start();
        try {
            sql::Database::Options options;
            options.create = false;
            options.readOnly = true;
            sql::Database db(path, options);
            KpiEngine engine(db);
            const auto scope = engine.resolveScope(scopeKey, &o.error);
            if (scope)
                o.ok = engine.compute(p, *scope, &o.result, &o.error);
        } catch (const sql::SqlError &e) {
            o.error = e.text();
        }
        o.ms = timer.elapsed();
        return o;
    }));
}

void DashboardView::onComputed()
{
    const Outcome o = m_watcher.result();
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
    fillTiles(r);
    fillCharts(r);
    fillTables(r);
    m_unreached->hide();
    m_unreachedTitle->hide();
    m_status->setText(tr("%1 vs %2 · %3")
                          .arg(r.period.label(), r.previousPeriod.label(),
                              r.scope.key.isEmpty() ? tr("everything on this computer") : r.scope.name));
}

void DashboardView::fillTiles(const KpiResult &r)
{
    const KpiHeadline &a = r.now;
    const KpiHeadline &b = r.before;
    struct Tile
    {
        QString key;
        std::optional<double> now;
        std::optional<double> before;
        QString text;
        int decimals;
        QString unit;
    };
    const QList<Tile> tiles {
        {QStringLiteral("reach"), a.reachPct, b.reachPct,
            tr("%1% (%2/%3)").arg(number(a.reachPct)).arg(a.reached).arg(a.targets), 1,
            QStringLiteral(" pt")},
        {QStringLiteral("calls"), double(a.calls), double(b.calls), QLocale().toString(a.calls), 0, {}},
        {QStringLiteral("frequency"), a.frequency, b.frequency, number(a.frequency, 2), 2, {}},
        {QStringLiteral("coverage"), a.coveragePct, b.coveragePct, number(a.coveragePct) + u'%', 1,
            QStringLiteral(" pt")},
        {QStringLiteral("attainment"), a.planAttainmentPct, b.planAttainmentPct,
            a.planAttainmentPct ? number(a.planAttainmentPct) + u'%' : tr("no plans"), 1,
            QStringLiteral(" pt")},
        {QStringLiteral("perDay"), a.callsPerFieldDay, b.callsPerFieldDay, number(a.callsPerFieldDay, 1), 1,
            {}},
        {QStringLiteral("support"), a.averageSupport, b.averageSupport, number(a.averageSupport, 2), 2, {}},
        {QStringLiteral("touches"), double(a.touches), double(b.touches), QLocale().toString(a.touches), 0,
            {}},
        {QStringLiteral("spend"), a.spendVsBudgetPct, b.spendVsBudgetPct,
            a.spendVsBudgetPct ? number(a.spendVsBudgetPct, 0) + u'%' : tr("no events"), 0,
            QStringLiteral(" pt")},
        {QStringLiteral("sales"), double(a.salesMinor) / 100, double(b.salesMinor) / 100,
            yuan(double(a.salesMinor)), 0, {}},
        {QStringLiteral("share"), a.marketSharePct, b.marketSharePct,
            a.marketSharePct ? number(a.marketSharePct) + u'%' : tr("no market data"), 1,
            QStringLiteral(" pt")},
        {QStringLiteral("roi"), a.roi, b.roi, number(a.roi, 1), 1, {}},
    };
    for (const Tile &t : tiles) {
        m_tileValues.value(t.key)->setText(t.text);
        QLabel *delta = m_tileDeltas.value(t.key);
        if (!t.now || !t.before) {
            delta->setText(tr("– vs %1").arg(r.previousPeriod.label()));
            delta->setStyleSheet(QStringLiteral("color: palette(mid);"));
            continue;
        }
        const double d = *t.now - *t.before;
        const QString arrow = d > 0 ? QStringLiteral("▲ +")
            : d < 0                 ? QStringLiteral("▼ ")
                                    : QStringLiteral("= ");
        delta->setText(
            tr("%1 vs %2")
                .arg(arrow + QLocale().toString(d, 'f', t.decimals) + t.unit, r.previousPeriod.label()));
        // Spending more is not better: only the field and sales KPIs are coloured.
        const bool neutral = t.key == QLatin1String("spend") || d == 0;
        delta->setStyleSheet(neutral ? QStringLiteral("color: palette(mid);")
                : d > 0              ? QStringLiteral("color: #1a7f37;")
                                     : QStringLiteral("color: #c62828;"));
    }
}

void DashboardView::fillCharts(const KpiResult &r)
{
    {
        QChart *chart = m_cards.value(QStringLiteral("reach")).view->chart();
        resetChart(chart);
        auto *set = new QBarSet(tr("Reach %"));
        QStringList tiers;
        for (const KpiTierReach &t : r.tiers) {
            *set << t.reachPct.value_or(0);
            tiers << t.tier;
        }
        auto *series = new QBarSeries(chart);
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsFormat(QStringLiteral("@value%"));
        series->setLabelsPrecision(3);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis(chart);
        x->append(tiers);
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        auto *y = new QValueAxis(chart);
        y->setRange(0, 100);
        y->setLabelFormat(QStringLiteral("%d%"));
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        connect(set, &QBarSet::clicked, this, [this](int index) {
            if (index >= 0 && index < kTierKeys.size())
                showUnreached(kTierKeys.at(index));
        });
    }
    {
        QChart *chart = m_cards.value(QStringLiteral("calls")).view->chart();
        resetChart(chart);
        auto *line = new QLineSeries(chart);
        line->setName(tr("Calls"));
        int max = 0;
        for (const KpiDayCount &d : r.callsPerDay) {
            line->append(double(QDateTime(d.day, QTime(0, 0)).toMSecsSinceEpoch()), d.calls);
            max = std::max(max, d.calls);
        }
        chart->addSeries(line);
        auto *x = new QDateTimeAxis(chart);
        x->setFormat(r.period.days() > 62 ? QStringLiteral("MM-dd") : QStringLiteral("d"));
        x->setTickCount(std::min(8, std::max(2, r.period.days())));
        x->setRange(QDateTime(r.period.start, QTime(0, 0)), QDateTime(r.period.end, QTime(0, 0)));
        chart->addAxis(x, Qt::AlignBottom);
        line->attachAxis(x);
        line->attachAxis(valueAxis(chart, Qt::AlignLeft, max));
    }
    {
        QChart *chart = m_cards.value(QStringLiteral("channels")).view->chart();
        resetChart(chart);
        auto *pie = new QPieSeries(chart);
        for (const KpiCount &c : r.channels) {
            if (c.count == 0)
                continue;
            QPieSlice *slice
                = pie->append(QStringLiteral("%1 %2%").arg(KpiTables::channelName(c.key), number(c.pct, 0)),
                    double(c.count));
            slice->setLabelVisible(true);
        }
        pie->setPieSize(0.5);
        chart->addSeries(pie);
    }
    const auto horizontalBars = [this](const QString &card, const QList<KpiCount> &items, int limit,
                                    const QString &setName, bool pct, auto clicked) {
        QChart *chart = m_cards.value(card).view->chart();
        resetChart(chart);
        auto *set = new QBarSet(setName);
        QStringList names;
        double max = 0;
        const int n = std::min<int>(limit, int(items.size()));
        for (int i = n - 1; i >= 0; --i) { // the largest on top
            const double v = pct ? items[i].pct.value_or(0) : items[i].value / 100;
            *set << v;
            names << items[i].name.left(14);
            max = std::max(max, v);
        }
        auto *series = new QHorizontalBarSeries(chart);
        series->append(set);
        series->setLabelsVisible(true);
        series->setLabelsFormat(pct ? QStringLiteral("@value%") : QStringLiteral("@value"));
        series->setLabelsPrecision(pct ? 3 : 8);
        chart->addSeries(series);
        auto *y = new QBarCategoryAxis(chart);
        y->append(names);
        chart->addAxis(y, Qt::AlignLeft);
        series->attachAxis(y);
        series->attachAxis(valueAxis(chart, Qt::AlignBottom, max));
        if constexpr (!std::is_same_v<decltype(clicked), std::nullptr_t>)
            connect(set, &QBarSet::clicked, this, [clicked, n](int index) { clicked(n - 1 - index); });
    };
    horizontalBars(QStringLiteral("products"), r.products, 8, tr("Share %"), true, nullptr);
    {
        QList<KpiCount> reps;
        for (const KpiRepRow &rep : r.reps)
            reps.append(KpiCount {rep.username, rep.name, rep.calls, double(rep.calls) * 100, {}});
        horizontalBars(QStringLiteral("reps"), reps, 10, tr("Calls"), false, [this, reps](int index) {
            if (index >= 0 && index < reps.size() && !reps.at(index).key.isEmpty())
                setScope(reps.at(index).key);
        });
    }
    horizontalBars(QStringLiteral("territories"), r.salesByTerritory, 8, tr("Sales (CNY)"), false, nullptr);
    horizontalBars(QStringLiteral("salesProducts"), r.salesByProduct, 8, tr("Sales (CNY)"), false, nullptr);
    horizontalBars(
        QStringLiteral("institutions"), r.salesByInstitution, 8, tr("Sales (CNY)"), false, nullptr);
    {
        QChart *chart = m_cards.value(QStringLiteral("institutions")).view->chart();
        chart->setTitle(r.institutionSalesHidden ? tr("Not shown for your role") : QString());
    }
    {
        QChart *chart = m_cards.value(QStringLiteral("events")).view->chart();
        resetChart(chart);
        auto *budget = new QBarSet(tr("Budget"));
        auto *spend = new QBarSet(tr("Spend"));
        *budget << double(r.before.budgetMinor) / 100 << double(r.now.budgetMinor) / 100;
        *spend << double(r.before.spendMinor) / 100 << double(r.now.spendMinor) / 100;
        auto *series = new QBarSeries(chart);
        series->append(budget);
        series->append(spend);
        series->setLabelsVisible(true);
        series->setLabelsPrecision(8);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis(chart);
        x->append({r.previousPeriod.label(), r.period.label()});
        chart->addAxis(x, Qt::AlignBottom);
        series->attachAxis(x);
        series->attachAxis(valueAxis(chart, Qt::AlignLeft,
            double(std::max({r.before.budgetMinor, r.now.budgetMinor, r.before.spendMinor, r.now.spendMinor}))
                / 100));
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignTop);
        chart->setTitle(tr("Meetings held: %1 → %2").arg(r.before.meetingsHeld).arg(r.now.meetingsHeld));
    }
    {
        QChart *chart = m_cards.value(QStringLiteral("sales")).view->chart();
        resetChart(chart);
        auto *sales = new QLineSeries(chart);
        sales->setName(tr("Sales"));
        auto *lastYear = new QLineSeries(chart);
        lastYear->setName(tr("Same month last year"));
        auto *forecast = new QLineSeries(chart);
        forecast->setName(tr("Forecast: %1").arg(KpiTables::forecastMethodName(r.forecastMethod)));
        double max = 0;
        QHash<QString, qint64> byMonth;
        for (const KpiMonthSales &m : r.salesByMonth)
            byMonth.insert(m.month, m.internalMinor);
        for (const KpiMonthSales &m : r.salesByMonth) {
            const double t = double(monthTime(m.month).toMSecsSinceEpoch());
            sales->append(t, double(m.internalMinor) / 100);
            max = std::max(max, double(m.internalMinor) / 100);
            // The year-ago value from the change (the series holds 24 months only).
            if (m.yoyPct) {
                const double ago = double(m.internalMinor) / (1 + *m.yoyPct / 100) / 100;
                lastYear->append(t, ago);
            }
        }
        if (!r.forecast.isEmpty()) {
            const QDate first = monthTime(r.forecast.first().month).date().addMonths(-1);
            const QString anchor = first.toString(QStringLiteral("yyyy-MM"));
            if (byMonth.contains(anchor))
                forecast->append(
                    double(monthTime(anchor).toMSecsSinceEpoch()), double(byMonth.value(anchor)) / 100);
            for (const KpiMonthSales &m : r.forecast) {
                forecast->append(
                    double(monthTime(m.month).toMSecsSinceEpoch()), double(m.internalMinor) / 100);
                max = std::max(max, double(m.internalMinor) / 100);
            }
        }
        chart->addSeries(sales);
        chart->addSeries(lastYear);
        chart->addSeries(forecast);
        QPen dashed = forecast->pen();
        dashed.setStyle(Qt::DashLine);
        dashed.setWidthF(2.5);
        dashed.setColor(QColor(0xe6, 0x7e, 0x22));
        forecast->setPen(dashed);
        QPen faint = lastYear->pen();
        faint.setColor(QColor(0x9e, 0x9e, 0x9e));
        lastYear->setPen(faint);
        auto *x = new QDateTimeAxis(chart);
        x->setFormat(QStringLiteral("yyyy-MM"));
        x->setTickCount(10);
        if (!r.salesByMonth.isEmpty()) {
            x->setRange(monthTime(r.salesByMonth.first().month),
                monthTime(r.forecast.isEmpty() ? r.salesByMonth.last().month : r.forecast.last().month));
        }
        chart->addAxis(x, Qt::AlignBottom);
        QValueAxis *y = valueAxis(chart, Qt::AlignLeft, max);
        for (QLineSeries *s : {sales, lastYear, forecast}) {
            s->attachAxis(x);
            s->attachAxis(y);
        }
        chart->legend()->setVisible(true);
        chart->legend()->setAlignment(Qt::AlignTop);
        QString yoy = r.salesYoyPct
            ? tr("%1: %2 year on year").arg(r.period.label(), number(r.salesYoyPct) + u'%')
            : tr("%1: no year-on-year (months missing a year before)").arg(r.period.label());
        chart->setTitle(yoy);
    }
    {
        QChart *chart = m_cards.value(QStringLiteral("support")).view->chart();
        resetChart(chart);
        auto *line = new QLineSeries(chart);
        line->setPointsVisible(true);
        for (const KpiSupportPoint &p : r.supportTrend)
            line->append(double(QDateTime(p.start, QTime(0, 0)).toMSecsSinceEpoch()), p.average);
        chart->addSeries(line);
        auto *x = new QDateTimeAxis(chart);
        x->setFormat(r.supportGranularity == QLatin1String("week") ? QStringLiteral("MM-dd")
                                                                   : QStringLiteral("yyyy-MM"));
        x->setTickCount(std::clamp(int(r.supportTrend.size()), 2, 6));
        if (!r.supportTrend.isEmpty()) {
            const QDateTime a(r.supportTrend.first().start, QTime(0, 0));
            const QDateTime b(r.supportTrend.last().start, QTime(0, 0));
            x->setRange(a, a == b ? a.addDays(7) : b);
        }
        chart->addAxis(x, Qt::AlignBottom);
        line->attachAxis(x);
        auto *y = new QValueAxis(chart);
        y->setRange(1, 5);
        y->setTickCount(5);
        y->setLabelFormat(QStringLiteral("%d"));
        chart->addAxis(y, Qt::AlignLeft);
        line->attachAxis(y);
        chart->setTitle(r.supportGranularity == QLatin1String("week")
                ? tr("by week (1 opposes … 5 advocates)")
                : tr("by month (1 opposes … 5 advocates)"));
    }
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
                auto *item = new QTableWidgetItem(KpiTables::cellText(cells.at(col)));
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
    if (!period || !m_store || !m_store->database())
        return;
    KpiEngine engine(*m_store->database());
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
    const QPixmap picture = m_content->grab();
    if (file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(file);
        pdf.setTitle(tr("Rounds dashboard %1").arg(m_result.period.label()));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setResolution(150);
        QPainter painter;
        if (!painter.begin(&pdf)) {
            if (error)
                *error = tr("Cannot write %1").arg(file);
            return false;
        }
        const QRect page = painter.viewport();
        const QSize scaled = picture.size().scaled(page.size(), Qt::KeepAspectRatio);
        painter.drawPixmap(QRect(page.topLeft(), scaled), picture);
        painter.end();
        return QFileInfo(file).size() > 0;
    }
    if (!picture.save(file, "PNG")) {
        if (error)
            *error = tr("Cannot write %1").arg(file);
        return false;
    }
    return true;
}

bool DashboardView::exportCsv(const QString &tableId, const QString &file, QString *error)
{
    const KpiTable table = KpiTables::byId(m_result, tableId);
    QFile f(file);
    if (table.id.isEmpty() || !f.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = table.id.isEmpty() ? tr("No table %1").arg(tableId) : tr("Cannot write %1").arg(file);
        return false;
    }
    const QByteArray csv = KpiTables::toCsv(table);
    return f.write(csv) == csv.size();
}

bool DashboardView::exportAllCsv(const QString &folder, QString *error)
{
    for (const KpiTable &t : KpiTables::all(m_result)) {
        if (!exportCsv(t.id, QDir(folder).filePath(t.id + QStringLiteral(".csv")), error))
            return false;
    }
    return true;
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
