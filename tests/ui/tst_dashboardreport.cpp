// The dashboard as a report (offscreen, TZ=Asia/Shanghai): the PDF a manager sends (heading, no buttons,
// pages), a month under way drawn as partial and without year on year, unique axis labels that fit,
// the locale's thousands separators, and charts in the colours of a dark palette.
#include "models/kpitables.h"
#include "models/store.h"
#include "ui/common/dates.h"
#include "ui/dashboard/dashboardexport.h"
#include "ui/dashboard/dashboardview.h"

#include "common/sqlite/database.h"

#include <QAbstractBarSeries>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QPieSeries>
#include <QPieSlice>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace rounds;

class TestDashboardReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void pdfReportHasItsHeadingAndNoButtons_data();
    void pdfReportHasItsHeadingAndNoButtons();
    void monthUnderWayIsPartialNotZero();
    void axisLabelsAreUnique_data();
    void axisLabelsAreUnique();
    void labelsFitAt100And150Percent_data();
    void labelsFitAt100And150Percent();
    void amountsHaveThousandsSeparators_data();
    void amountsHaveThousandsSeparators();
    void chartsFollowADarkPalette();

private:
    // A dashboard on the store in `locale` (its words in Chinese for zh_CN), showing `period`.
    std::unique_ptr<DashboardView> makeView(
        const QString &locale, const QString &period, QSize size = {1400, 900});
    static QStringList sceneTexts(const QChartView *view);
    static QString run(const QString &program, const QStringList &args);

    QTemporaryDir m_dir;
    Store m_store;
    QDate m_today;
    QString m_thisMonth;
    QTranslator m_translator;
};

namespace {

QString monthKey(const QDate &d)
{
    return d.toString(QStringLiteral("yyyy-MM"));
}

// WCAG's contrast ratio of two colours (1 … 21).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto lin
            = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF());
    };
    const double x = luminance(a);
    const double y = luminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

QChart *chartOf(DashboardView *view, const char *key)
{
    auto *chartView = view->findChild<QChartView *>(QLatin1String(key) + QStringLiteral("ChartView"));
    return chartView ? chartView->chart() : nullptr;
}

const char *const kCharts[] = {"reach", "calls", "channels", "products", "events", "reps", "sales", "support",
    "territories", "salesProducts", "institutions"};

} // namespace

void TestDashboardReport::initTestCase()
{
    m_today = QDate::currentDate();
    m_thisMonth = monthKey(m_today);
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("report.db"))).ok);
    QVERIFY(m_store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
    QVERIFY(m_store.setMeta(QStringLiteral("user"), QStringLiteral("mgr")));
    QVERIFY(m_store.setMeta(QStringLiteral("display_name"), QStringLiteral("王建国")));
    // District D1 (华东) with one territory of one rep; long product and hospital names; calls on the
    // days of this month up to today and in the month before; 26 whole months of sales of ¥12,345,678
    // (internal) each, and this month's to date: a quarter of that, which read as a whole month would be
    // -75 % year on year.
    m_store.database()->exec(QStringLiteral(R"(
INSERT INTO territory(id, code, name, level, parent_id, owner_id) VALUES ('d1', 'D1', '华东', 'district', NULL, NULL),
  ('t1', 'T1', '上海一区', 'territory', 'd1', 'r1');
INSERT INTO user(id, username, display_name, role, home_territory_id, active) VALUES
  ('r1', 'rep1', '张伟', 'rep', 't1', 1), ('m', 'mgr', '王建国', 'manager', 'd1', 1);
INSERT INTO institution(id, name, kind) VALUES ('i1', '上海交通大学医学院附属瑞金医院', 'hospital'),
  ('i2', 'Shanghai Pulmonary Hospital of Tongji University', 'hospital');
INSERT INTO product(id, name) VALUES ('p1', '肺清 (布地格福吸入气雾剂) 160/7.2/5 µg'), ('p2', 'Cardiostat (valsartan) 80 mg');
INSERT INTO hcp(id, full_name, tier, status, institution_id) VALUES ('h1', '李娜', 'A', 'active', 'i1'),
  ('h2', '王芳', 'B', 'active', 'i2');
INSERT INTO alignment(id, territory_id, hcp_id, valid_from, target_calls_per_cycle) VALUES
  ('a1', 't1', 'h1', '2020-01-01', 2), ('a2', 't1', 'h2', '2020-01-01', 3);
)"));
    auto visit = m_store.database()->query(QStringLiteral(
        "INSERT INTO visit(id, territory_id, hcp_id, rep_id, channel, visited_at, status, support_level)"
        " VALUES (?1, 't1', ?2, 'r1', 'face_to_face', ?3, 'submitted', 4)"));
    int n = 0;
    for (QDate d = QDate(m_today.year(), m_today.month(), 1).addMonths(-1); d <= m_today; d = d.addDays(1)) {
        visit->bind(1, QStringLiteral("v%1").arg(++n));
        visit->bind(2, n % 2 ? QStringLiteral("h1") : QStringLiteral("h2"));
        visit->bind(3, QDateTime(d, QTime(2, 0), Qt::UTC).toString(Qt::ISODateWithMs));
        visit->step();
        visit->reset();
    }
    auto sale
        = m_store.database()->query(QStringLiteral("INSERT INTO sales_fact(id, territory_id, institution_id, "
                                                   "product_id, month, units, value_minor, source)"
                                                   " VALUES (?1, 't1', ?2, ?3, ?4, 10, ?5, 'internal')"));
    for (int i = 0; i <= 26; ++i) {
        const QString month = monthKey(m_today.addMonths(-i));
        const qint64 whole = 1234567800; // ¥12,345,678.00 a month, in two facts
        const qint64 value = i == 0 ? whole / 4 : whole;
        sale->bind(1, QStringLiteral("s%1a").arg(i));
        sale->bind(2, QStringLiteral("i1"));
        sale->bind(3, QStringLiteral("p1"));
        sale->bind(4, month);
        sale->bind(5, value * 3 / 5);
        sale->step();
        sale->reset();
        sale->bind(1, QStringLiteral("s%1b").arg(i));
        sale->bind(2, QStringLiteral("i2"));
        sale->bind(3, QStringLiteral("p2"));
        sale->bind(4, month);
        sale->bind(5, value - value * 3 / 5);
        sale->step();
        sale->reset();
    }
    QVERIFY(m_translator.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("rounds"), QStringLiteral("_"),
        QStringLiteral(":/i18n")));
}

std::unique_ptr<DashboardView> TestDashboardReport::makeView(
    const QString &locale, const QString &period, QSize size)
{
    QLocale::setDefault(QLocale(locale));
    QCoreApplication::removeTranslator(&m_translator);
    if (locale == QLatin1String("zh_CN"))
        QCoreApplication::installTranslator(&m_translator);
    auto view = std::make_unique<DashboardView>(&m_store);
    view->resize(size);
    if (!view->setPeriod(period))
        return nullptr;
    QSignalSpy updated(view.get(), &DashboardView::updated);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    if (!QTest::qWaitFor([&] { return !updated.isEmpty() && !view->isBusy(); }, 20000))
        return nullptr;
    QTest::qWait(300); // the charts laid out for their widths
    return view;
}

QStringList TestDashboardReport::sceneTexts(const QChartView *view)
{
    QStringList texts;
    for (QGraphicsItem *item : view->scene()->items()) {
        if (auto *text = dynamic_cast<QGraphicsTextItem *>(item); text && text->isVisible())
            texts << text->toPlainText();
    }
    return texts;
}

QString TestDashboardReport::run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    return QString::fromUtf8(p.readAllStandardOutput());
}

void TestDashboardReport::pdfReportHasItsHeadingAndNoButtons_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("title");
    QTest::addColumn<QString>("exportButton");
    QTest::newRow("en") << QStringLiteral("en_US") << QStringLiteral("Rounds dashboard report")
                        << QStringLiteral("Export PNG/PDF");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("Rounds 数据看板报告")
                           << QStringLiteral("导出 PNG/PDF");
}

void TestDashboardReport::pdfReportHasItsHeadingAndNoButtons()
{
    QFETCH(QString, locale);
    QFETCH(QString, title);
    QFETCH(QString, exportButton);
    if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
        QSKIP("pdftotext (poppler-utils) is not installed");
    // A narrow window: the report is laid out for the page, not for the window.
    auto view = makeView(locale, m_thisMonth, {900, 700});
    QVERIFY(view);
    QVERIFY(view->findChild<QWidget *>(QStringLiteral("exportImageButton"))->isVisible());
    QVERIFY(view->findChild<QWidget *>(QStringLiteral("salesCsvButton"))->isVisible());
    const int width = view->findChild<QWidget *>(QStringLiteral("dashboardContent"))->width();
    QTemporaryDir out;
    const QString pdf = out.filePath(QStringLiteral("dashboard.pdf"));
    QString error;
    const QDateTime before = QDateTime::currentDateTime();
    QVERIFY2(view->exportImage(pdf, &error), qPrintable(error));
    QVERIFY(QFile::exists(pdf));
    // The screen as it was: buttons back, the content as wide as the window.
    QVERIFY(view->findChild<QWidget *>(QStringLiteral("salesCsvButton"))->isVisible());
    QCOMPARE(view->findChild<QWidget *>(QStringLiteral("dashboardContent"))->width(), width);
    QVERIFY(width < DashboardView::kReportWidth);

    const QString info = run(QStringLiteral("pdfinfo"), {pdf});
    QVERIFY2(info.contains(QStringLiteral("(A4)")), qPrintable(info));
    const QRegularExpression size(QStringLiteral("Page size:\\s+([\\d.]+) x ([\\d.]+)"));
    const auto m = size.match(info);
    QVERIFY(m.hasMatch());
    QVERIFY2(m.captured(1).toDouble() > m.captured(2).toDouble(), "landscape");
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    // Tiles, four rows of charts and the content section (its tiles, ranking and product table).
    QVERIFY2(pages >= 1 && pages <= 4, qPrintable(info));

    const QString text = run(QStringLiteral("pdftotext"),
        {QStringLiteral("-enc"), QStringLiteral("UTF-8"), pdf, QStringLiteral("-")});
    QVERIFY2(!text.isEmpty(), "the report's words are text, not a picture");
    QVERIFY2(text.contains(title), qPrintable(text.left(400)));
    QVERIFY2(text.contains(QStringLiteral("D1 华东")), qPrintable(text.left(400))); // the scope
    QVERIFY(text.contains(m_thisMonth)); // the period
    QVERIFY(text.contains(QStringLiteral("王建国"))); // the user, by name
    // The export time, local, with its offset from UTC (the test runs in Asia/Shanghai).
    QVERIFY2(text.contains(Dates::date(before.date())), qPrintable(text.left(400)));
    QVERIFY2(text.contains(QStringLiteral("UTC+08:00")), qPrintable(text.left(400)));
    // The period under way says so.
    QVERIFY(text.contains(Dates::date(m_today)));
    // Charts and tiles are there, their buttons are not.
    QVERIFY(text.contains(QCoreApplication::translate("rounds::DashboardView", "Sales by month")));
    // Every legend entry is on paper, not only the first (a legend's clip dropped the others in a PDF).
    for (const char *entry : {"Sales", "Same month last year", "Budget", "Spend"})
        QVERIFY2(text.contains(QCoreApplication::translate("rounds::DashboardView", entry)), entry);
    QVERIFY2(!text.contains(exportButton), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("CSV…")));
    QVERIFY(!text.contains(QCoreApplication::translate("rounds::DashboardView", "Export tables (CSV)…")));
    QCOMPARE(
        text.count(QCoreApplication::translate("rounds::DashboardView", "Page %1 of %2").arg(1).arg(pages)),
        1);

    // For review: the pages as pictures (ROUNDS_REPORT_PNG=folder keeps them).
    if (const QString keep = qEnvironmentVariable("ROUNDS_REPORT_PNG"); !keep.isEmpty()) {
        QFile::copy(pdf, QDir(keep).filePath(QStringLiteral("dashboard-%1.pdf").arg(locale)));
        run(QStringLiteral("pdftoppm"),
            {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), pdf,
                QDir(keep).filePath(QStringLiteral("report-%1").arg(locale))});
    }
}

void TestDashboardReport::monthUnderWayIsPartialNotZero()
{
    auto view = makeView(QStringLiteral("en_US"), m_thisMonth);
    QVERIFY(view);
    const KpiResult &r = view->result();
    QCOMPARE(r.asOf, m_today);
    QVERIFY(r.period.isPartial(r.asOf));
    const KpiMonthSales &last = r.salesByMonth.last();
    QCOMPARE(last.month, m_thisMonth);
    QVERIFY(last.partial);
    QCOMPARE(last.internalMinor, qint64(1234567800 / 4));
    // No change from a month under way: -75 % would be a month to date against a whole one.
    QVERIFY(!last.yoyPct);
    QVERIFY(!last.momPct);
    QVERIFY(!r.salesYoyPct);
    const KpiMonthSales &lastWhole = r.salesByMonth.at(r.salesByMonth.size() - 2);
    QVERIFY(!lastWhole.partial);
    QCOMPARE(*lastWhole.yoyPct, 0.0);
    // The forecast learns from whole months only: it starts with this month, at a whole month's sales.
    QCOMPARE(r.forecast.value(0).month, m_thisMonth);
    QCOMPARE(r.forecast.value(0).internalMinor, qint64(1234567800));

    QChart *sales = chartOf(view.get(), "sales");
    const double thisMonth
        = double(QDateTime(QDate(m_today.year(), m_today.month(), 1), QTime(0, 0)).toMSecsSinceEpoch());
    QLineSeries *partial = nullptr;
    QLineSeries *whole = nullptr;
    for (QAbstractSeries *s : sales->series()) {
        if (s->objectName() == QLatin1String("partialMonthSeries"))
            partial = qobject_cast<QLineSeries *>(s);
        else if (s->name() == QLatin1String("Sales"))
            whole = qobject_cast<QLineSeries *>(s);
    }
    QVERIFY(whole && partial);
    // The whole months' line stops before this month; this month is its own, marked point, never 0.
    for (const QPointF &p : whole->points())
        QVERIFY(p.x() < thisMonth);
    QCOMPARE(partial->points().last(), QPointF(thisMonth, 1234567800 / 4 / 100.0));
    QVERIFY(partial->pen().style() != Qt::SolidLine);
    QVERIFY(partial->pointLabelsVisible());
    QCOMPARE(partial->pointLabelsFormat(), QStringLiteral("to day %1").arg(m_today.day()));
    QCOMPARE(partial->name(), QStringLiteral("%1 to day %2").arg(m_thisMonth).arg(m_today.day()));
    QVERIFY2(!sales->title().contains(u'%'), qPrintable(sales->title()));
    QVERIFY(sales->title().contains(QStringLiteral("no year on year")));
    // Calls per day: nothing after today (not a row of zeros).
    auto *calls = qobject_cast<QLineSeries *>(chartOf(view.get(), "calls")->series().value(0));
    QVERIFY(calls);
    QCOMPARE(calls->count(), m_today.day());
    QVERIFY(calls->points().last().y() > 0);
}

void TestDashboardReport::axisLabelsAreUnique_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QString>("period");
    // A month (its sales axis crosses a year: 24 months and the forecast), a cycle over New Year (days
    // across two years) and a quarter (days across months, weekly support).
    const QString cycle = QStringLiteral("%1-12-10..%2-01-20").arg(m_today.year() - 1).arg(m_today.year());
    for (const QString &locale : {QStringLiteral("en_US"), QStringLiteral("zh_CN")}) {
        QTest::addRow("%s month", qPrintable(locale)) << locale << m_thisMonth;
        QTest::addRow("%s cycle over new year", qPrintable(locale)) << locale << cycle;
        QTest::addRow("%s quarter", qPrintable(locale))
            << locale << QStringLiteral("%1-Q2").arg(m_today.year());
    }
}

void TestDashboardReport::axisLabelsAreUnique()
{
    QFETCH(QString, locale);
    QFETCH(QString, period);
    auto view = makeView(locale, period);
    QVERIFY(view);
    int axes = 0;
    for (const char *key : kCharts) {
        for (QAbstractAxis *axis : chartOf(view.get(), key)->axes()) {
            auto *category = qobject_cast<QCategoryAxis *>(axis);
            if (!category)
                continue;
            ++axes;
            const QStringList labels = category->categoriesLabels();
            QVERIFY2(QSet<QString>(labels.begin(), labels.end()).size() == labels.size(),
                qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(key), labels.join(u'|'))));
        }
    }
    QVERIFY(axes >= 2);
    // The sales axis spans two years and more: every label names its year.
    auto *months = qobject_cast<QCategoryAxis *>(chartOf(view.get(), "sales")->axes(Qt::Horizontal).value(0));
    QVERIFY(months);
    for (const QString &label : months->categoriesLabels())
        QVERIFY2(label.contains(QRegularExpression(QStringLiteral("\\d{4}"))), qPrintable(label));
    if (period.contains(QLatin1String(".."))) {
        auto *days
            = qobject_cast<QCategoryAxis *>(chartOf(view.get(), "calls")->axes(Qt::Horizontal).value(0));
        const QStringList labels = days->categoriesLabels();
        QVERIFY(labels.size() >= 3);
        QCOMPARE(labels.first(), QLocale().toString(QDate(m_today.year() - 1, 12, 10), QLocale::ShortFormat));
    }
}

void TestDashboardReport::labelsFitAt100And150Percent_data()
{
    QTest::addColumn<QString>("locale");
    QTest::addColumn<QSize>("size");
    // The dashboard beside the sidebar: 1366×768 at 100 %, 1920×1080 at 150 % (1280×720 logical).
    for (const QString &locale : {QStringLiteral("en_US"), QStringLiteral("zh_CN")}) {
        QTest::addRow("%s 1366x768", qPrintable(locale)) << locale << QSize(1366 - 200, 700);
        QTest::addRow("%s 1920x1080 at 150%%", qPrintable(locale)) << locale << QSize(1280 - 200, 640);
    }
}

void TestDashboardReport::labelsFitAt100And150Percent()
{
    QFETCH(QString, locale);
    QFETCH(QSize, size);
    auto view = makeView(locale, m_thisMonth, size);
    QVERIFY(view);
    for (const char *key : kCharts) {
        auto *chartView = view->findChild<QChartView *>(QLatin1String(key) + QStringLiteral("ChartView"));
        for (QAbstractAxis *axis : chartView->chart()->axes())
            QVERIFY2(!axis->labelsTruncated(),
                qPrintable(QStringLiteral("%1 %2 %3")
                               .arg(QLatin1String(key))
                               .arg(int(axis->orientation()))
                               .arg(qobject_cast<QBarCategoryAxis *>(axis)
                                       ? qobject_cast<QBarCategoryAxis *>(axis)->categories().join(u'|')
                                       : QString())));
        // Never cut by Qt ("..."); a name elided by the dashboard ("…") has first wrapped onto all
        // three lines it may take (the whole name is in the table under the chart).
        for (const QString &text : sceneTexts(chartView)) {
            QVERIFY2(!text.endsWith(QLatin1String("...")), qPrintable(text));
            QVERIFY2(!text.endsWith(u'…') || text.count(u'\n') == 2, qPrintable(text));
        }
    }
    // Every axis keeps its labels in the locale's digits (the percent axis, the 1–5 support scale).
    const auto texts = [&](const char *key) {
        return sceneTexts(view->findChild<QChartView *>(QLatin1String(key) + QStringLiteral("ChartView")));
    };
    QVERIFY2(texts("reach").contains(QStringLiteral("50%")), qPrintable(texts("reach").join(u'|')));
    QVERIFY2(texts("support").contains(QStringLiteral("3")), qPrintable(texts("support").join(u'|')));
    // A long name wraps onto a second line instead of being cut.
    auto *products
        = qobject_cast<QBarCategoryAxis *>(chartOf(view.get(), "salesProducts")->axes(Qt::Vertical).value(0));
    QVERIFY(products);
    QVERIFY2(products->categories().join(QString()).contains(QStringLiteral("<br>")),
        qPrintable(products->categories().join(u'|')));
}

void TestDashboardReport::amountsHaveThousandsSeparators_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en") << QStringLiteral("en_US");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN");
}

void TestDashboardReport::amountsHaveThousandsSeparators()
{
    QFETCH(QString, locale);
    auto view = makeView(locale, QStringLiteral("%1").arg(monthKey(m_today.addMonths(-1))));
    QVERIFY(view);
    const QLocale l(locale);
    const QString whole = l.toString(12345678); // "12,345,678" in both
    QVERIFY(whole.contains(l.groupSeparator()));
    // The tile, the table under the sales chart, the bars' labels and the value axis.
    auto *tile = view->findChild<QWidget *>(QStringLiteral("tile_sales"))
                     ->findChild<QLabel *>(QStringLiteral("tileValueLabel"));
    QVERIFY2(tile->text().contains(whole), qPrintable(tile->text()));
    auto *table = view->findChild<QTableWidget *>(QStringLiteral("salesTable"));
    QVERIFY(table);
    QStringList cells;
    for (int row = 0; row < table->rowCount(); ++row)
        cells << table->item(row, 1)->text();
    QVERIFY2(cells.contains(whole), qPrintable(cells.join(u'|')));
    const QRegularExpression grouped(
        QStringLiteral("^\\d{1,3}(%1\\d{3})+$").arg(QRegularExpression::escape(l.groupSeparator())));
    for (const char *key : {"sales", "territories", "salesProducts"}) {
        auto *chartView = view->findChild<QChartView *>(QLatin1String(key) + QStringLiteral("ChartView"));
        const QStringList texts = sceneTexts(chartView);
        QVERIFY2(std::any_of(texts.begin(), texts.end(),
                     [&](const QString &t) { return grouped.match(t.trimmed()).hasMatch(); }),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(key), texts.join(u'|'))));
        for (const QString &t : texts)
            QVERIFY2(!QRegularExpression(QStringLiteral("^\\d{5,}$")).match(t.trimmed()).hasMatch(),
                qPrintable(t));
    }
    // The CSV stays a plain number a spreadsheet reads.
    QTemporaryDir out;
    QString error;
    QVERIFY(view->exportCsv(QStringLiteral("sales_by_month"), out.filePath(QStringLiteral("s.csv")), &error));
    QFile csv(out.filePath(QStringLiteral("s.csv")));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QVERIFY(csv.readAll().contains(",12345678,"));
}

void TestDashboardReport::chartsFollowADarkPalette()
{
    auto view = makeView(QStringLiteral("en_US"), m_thisMonth);
    QVERIFY(view);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2a, 0x2a));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    // As the application's dark setting does: the palette of the application, reaching every widget.
    const QPalette light = QApplication::palette();
    QApplication::setPalette(dark);
    QTest::qWait(50);
    const QColor base = dark.color(QPalette::Base);
    const QColor text = dark.color(QPalette::Text);
    for (const char *key : kCharts) {
        QChart *chart = chartOf(view.get(), key);
        QCOMPARE(chart->backgroundBrush().color(), base);
        QCOMPARE(chart->titleBrush().color(), text);
        QCOMPARE(chart->legend()->labelColor(), text);
        for (QAbstractAxis *axis : chart->axes()) {
            QCOMPARE(axis->labelsBrush().color(), text);
            QVERIFY2(contrast(axis->linePenColor(), base) >= 3, key);
            QVERIFY2(contrast(axis->gridLineColor(), base) >= 1.3, key); // faint, but there
            QVERIFY2(contrast(axis->gridLineColor(), base) < contrast(text, base), key);
        }
        for (QAbstractSeries *s : chart->series()) {
            if (auto *line = qobject_cast<QLineSeries *>(s))
                QVERIFY2(contrast(line->color(), base) >= 3, qPrintable(s->name()));
            if (auto *bars = qobject_cast<QAbstractBarSeries *>(s)) {
                for (QBarSet *set : bars->barSets())
                    QVERIFY2(contrast(set->color(), base) >= 3, qPrintable(set->label()));
            }
            if (auto *pie = qobject_cast<QPieSeries *>(s)) {
                for (QPieSlice *slice : pie->slices())
                    QCOMPARE(slice->labelBrush().color(), text);
            }
        }
    }
    if (const QString keep = qEnvironmentVariable("ROUNDS_REPORT_PNG"); !keep.isEmpty())
        view->grab().save(QDir(keep).filePath(QStringLiteral("dashboard-dark.png")));
    // Back to light: the charts follow again.
    QApplication::setPalette(light);
    QTest::qWait(50);
    QCOMPARE(chartOf(view.get(), "sales")->backgroundBrush().color(), light.color(QPalette::Base));
}

QTEST_MAIN(TestDashboardReport)
#include "tst_dashboardreport.moc"
