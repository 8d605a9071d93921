// The dashboard view on a real store (offscreen): tiles from the KPI engine, the tier drill-down, the
// rep drill-down, and the exports.
#include "common/sqlite/database.h"
#include "models/kpitables.h"
#include "models/store.h"
#include "ui/dashboard/dashboardview.h"

#include <QApplication>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QListWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace rounds;

class TestDashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void tilesComeFromTheStore();
    void tierBarListsUnreachedTargets();
    void repBarOpensTheRepsDashboard();
    void tablesShowExactNumbers();
    void csvExportWritesTheNumbers();
    void pictureExports();
    void badPeriodIsRefused();

private:
    QString tile(const char *key) const;
    bool waitUpdated();

    QTemporaryDir m_dir;
    Store m_store;
    std::unique_ptr<DashboardView> m_view;
};

void TestDashboard::initTestCase()
{
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("dash.db"))).ok);
    QVERIFY(m_store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
    QVERIFY(m_store.setMeta(QStringLiteral("user"), QStringLiteral("mgr")));
    // District D1: T1 (rep1), T2 (rep2). Targets in September 2026: h1 A (2), h2 A (3), h3 B (2), h4 B (1).
    // Calls: rep1 h1 twice on 2 Sep; rep2 h2 on 3 Sep, h4 on 10 Sep. h3 is not reached.
    // August: one call (rep1, h1).
    m_store.database()->exec(QStringLiteral(R"(
INSERT INTO territory(id, code, name, level, parent_id, owner_id) VALUES ('d1', 'D1', '上海', 'district', NULL, NULL),
  ('t1', 'T1', '上海一区', 'territory', 'd1', 'r1'), ('t2', 'T2', '上海二区', 'territory', 'd1', 'r2');
INSERT INTO user(id, username, display_name, role, home_territory_id, active) VALUES
  ('r1', 'rep1', '张伟', 'rep', 't1', 1), ('r2', 'rep2', '刘洋', 'rep', 't2', 1), ('m', 'mgr', '王建国', 'manager', 'd1', 1);
INSERT INTO institution(id, name, kind) VALUES ('i1', '中山医院', 'hospital');
INSERT INTO hcp(id, full_name, tier, status, institution_id) VALUES ('h1', '李娜', 'A', 'active', 'i1'),
  ('h2', '王芳', 'A', 'active', 'i1'), ('h3', '陈静', 'B', 'active', 'i1'), ('h4', '赵磊', 'B', 'active', 'i1');
INSERT INTO alignment(id, territory_id, hcp_id, valid_from, target_calls_per_cycle) VALUES
  ('a1', 't1', 'h1', '2026-01-01', 2), ('a2', 't2', 'h2', '2026-01-01', 3), ('a3', 't1', 'h3', '2026-01-01', 2),
  ('a4', 't2', 'h4', '2026-01-01', 1);
INSERT INTO visit(id, territory_id, hcp_id, rep_id, channel, visited_at, status, support_level) VALUES
  ('v1', 't1', 'h1', 'r1', 'face_to_face', '2026-09-02T04:00:00.000Z', 'submitted', 4),
  ('v2', 't1', 'h1', 'r1', 'remote', '2026-09-02T06:00:00.000Z', 'submitted', 2),
  ('v3', 't2', 'h2', 'r2', 'face_to_face', '2026-09-03T04:00:00.000Z', 'submitted', 3),
  ('v4', 't2', 'h4', 'r2', 'phone', '2026-09-10T04:00:00.000Z', 'submitted', 5),
  ('v5', 't1', 'h1', 'r1', 'face_to_face', '2026-08-12T04:00:00.000Z', 'submitted', 3);
INSERT INTO sales_fact(id, territory_id, institution_id, product_id, month, units, value_minor, source) VALUES
  ('s1', 't1', 'i1', 'p', '2026-09', 10, 1234567, 'internal'), ('s2', 't1', 'i1', 'p', '2026-08', 9, 1000000, 'internal');
)"));
    m_view = std::make_unique<DashboardView>(&m_store);
    // A manager opens on their district.
    QCOMPARE(m_view->scopeKey(), QStringLiteral("D1"));
    QSignalSpy updated(m_view.get(), &DashboardView::updated);
    QVERIFY(m_view->setPeriod(QStringLiteral("2026-09")));
    m_view->resize(1500, 1000);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && !m_view->isBusy(), 20000);
    QVERIFY(m_view->firstPaintMs() >= 0);
    qInfo() << "first paint" << m_view->firstPaintMs() << "ms, KPIs" << m_view->lastComputeMs() << "ms";
}

QString TestDashboard::tile(const char *key) const
{
    auto *frame = m_view->findChild<QWidget *>(QStringLiteral("tile_") + QLatin1String(key));
    return frame ? frame->findChild<QLabel *>(QStringLiteral("tileValueLabel"))->text() : QString();
}

bool TestDashboard::waitUpdated()
{
    QSignalSpy updated(m_view.get(), &DashboardView::updated);
    return updated.wait(20000) || m_view->hasResult();
}

void TestDashboard::tilesComeFromTheStore()
{
    QCOMPARE(m_view->result().period.label(), QStringLiteral("2026-09"));
    // 3 of 4 targets reached; 4 calls; 2 field days with rep1 and 2 with rep2 -> 3 (rep, day) pairs.
    QVERIFY2(tile("reach").startsWith(QStringLiteral("75")), qPrintable(tile("reach")));
    QVERIFY(tile("reach").contains(QStringLiteral("3/4")));
    QCOMPARE(tile("calls"), QStringLiteral("4"));
    // The change against August: 4 calls now, 1 then.
    auto *delta = m_view->findChild<QWidget *>(QStringLiteral("tile_calls"))
                      ->findChild<QLabel *>(QStringLiteral("tileDeltaLabel"));
    QVERIFY2(delta->text().contains(QStringLiteral("+3")), qPrintable(delta->text()));
    QVERIFY(delta->text().contains(QStringLiteral("2026-08")));
    QVERIFY(
        tile("sales").contains(QStringLiteral("12,346")) || tile("sales").contains(QStringLiteral("12346")));
}

void TestDashboard::tierBarListsUnreachedTargets()
{
    auto *view = m_view->findChild<QChartView *>(QStringLiteral("reachChartView"));
    QVERIFY(view);
    auto *series = qobject_cast<QBarSeries *>(view->chart()->series().value(0));
    QVERIFY(series);
    QCOMPARE(series->barSets().value(0)->at(1), 50.0); // tier B: h4 of h3, h4
    auto *list = m_view->findChild<QListWidget *>(QStringLiteral("unreachedListWidget"));
    QVERIFY(list && list->isHidden());
    emit series->barSets().value(0)->clicked(1); // as a click on the bar of tier B
    QVERIFY(list->isVisible());
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("陈静")));
    QSignalSpy opened(m_view.get(), &DashboardView::hcpActivated);
    emit list->itemActivated(list->item(0));
    QCOMPARE(opened.count(), 1);
    QCOMPARE(opened.at(0).at(0).toString(), QStringLiteral("h3"));
    // Tier A: everybody reached.
    emit series->barSets().value(0)->clicked(0);
    QCOMPARE(list->count(), 0);
}

void TestDashboard::repBarOpensTheRepsDashboard()
{
    auto *view = m_view->findChild<QChartView *>(QStringLiteral("repsChartView"));
    auto *series = qobject_cast<QHorizontalBarSeries *>(view->chart()->series().value(0));
    QVERIFY(series);
    QBarSet *set = series->barSets().value(0);
    QCOMPARE(set->count(), 2); // two reps with 2 calls each; the first bar is the last row
    QSignalSpy updated(m_view.get(), &DashboardView::updated);
    emit set->clicked(set->count() - 1); // the top bar: the first rep of the table
    const QString rep = m_view->result().reps.value(0).username;
    QCOMPARE(m_view->scopeKey(), rep);
    QVERIFY(updated.wait(20000));
    QCOMPARE(m_view->result().scope.key, rep);
    QCOMPARE(tile("calls"), QStringLiteral("2"));
    QCOMPARE(m_view->result().reps.size(), 1);
    m_view->setScope(QStringLiteral("D1"));
    QVERIFY(updated.wait(20000));
    QCOMPARE(tile("calls"), QStringLiteral("4"));
}

void TestDashboard::tablesShowExactNumbers()
{
    auto *toggle = m_view->findChild<QToolButton *>(QStringLiteral("reachTableButton"));
    auto *table = m_view->findChild<QTableWidget *>(QStringLiteral("reachTable"));
    QVERIFY(toggle && table);
    QVERIFY(table->isHidden());
    toggle->click();
    QVERIFY(table->isVisible());
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(1, 0)->text(), QStringLiteral("B"));
    QCOMPARE(table->item(1, 1)->text(), QStringLiteral("2"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("50"));
    toggle->click();
    QVERIFY(table->isHidden());
}

void TestDashboard::csvExportWritesTheNumbers()
{
    QTemporaryDir out;
    const QString file = out.filePath(QStringLiteral("reach.csv"));
    QString error;
    QVERIFY2(m_view->exportCsv(QStringLiteral("reach_by_tier"), file, &error), qPrintable(error));
    QFile f(file);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray csv = f.readAll();
    QVERIFY(csv.startsWith("\xEF\xBB\xBF")); // Excel reads UTF-8 with the mark
    const QList<QByteArray> lines = csv.mid(3).split('\n');
    QCOMPARE(lines.value(0).trimmed(), QByteArray("Tier,Targets,Reached,Reach %"));
    QCOMPARE(lines.value(1).trimmed(), QByteArray("A,2,2,100"));
    QCOMPARE(lines.value(2).trimmed(), QByteArray("B,2,1,50"));
    QCOMPARE(lines.value(4).trimmed(), QByteArray("D,0,0,")); // no target: undefined, not 0 %

    QVERIFY(m_view->exportAllCsv(out.path(), &error));
    QFile summary(out.filePath(QStringLiteral("summary.csv")));
    QVERIFY(summary.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(summary.readAll());
    QVERIFY2(text.contains(QStringLiteral("\r\nCalls,4,1,3\r\n")), qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Sales (CNY),12345.67,10000,2345.67")));
    QVERIFY(QFile::exists(out.filePath(QStringLiteral("sales_by_institution.csv")))); // a manager
}

void TestDashboard::pictureExports()
{
    QTemporaryDir out;
    QString error;
    const QString png = out.filePath(QStringLiteral("dashboard.png"));
    QVERIFY2(m_view->exportImage(png, &error), qPrintable(error));
    QImage image(png);
    QVERIFY(!image.isNull());
    QVERIFY(image.width() > 800 && image.height() > 600);
    const QString pdf = out.filePath(QStringLiteral("dashboard.pdf"));
    QVERIFY2(m_view->exportImage(pdf, &error), qPrintable(error));
    QFile f(pdf);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QVERIFY(f.read(5) == "%PDF-");
    QVERIFY(f.size() > 10000);
}

void TestDashboard::badPeriodIsRefused()
{
    QVERIFY(!m_view->setPeriod(QStringLiteral("2026-13")));
    QCOMPARE(m_view->periodText(), QStringLiteral("2026-09"));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
