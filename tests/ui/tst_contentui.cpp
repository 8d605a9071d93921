// Content in the HCP's story and in the dashboard (issue 21 point 4), offscreen on a real store: the
// Content section of HCP 360 (newest first, pages viewed of pages, time, translated reactions; the empty
// states with and without tracking consent) and the dashboard's content tiles and engagement ranking
// with its product filter. The store is the hand-made district of test_contentkpis (same answers).
// ROUNDS_SCREENSHOT_DIR set: hcp-content-<lang>.png and dashboard-content-<lang>.png.
#include "common/protocol/enumlabels.h"
#include "common/sqlite/database.h"
#include "models/store.h"
#include "sync/session.h"
#include "ui/content/contentranking.h"
#include "ui/dashboard/dashboardcontent.h"
#include "ui/dashboard/dashboardview.h"
#include "ui/hcp/contenthistorypanel.h"
#include "ui/hcp/hcpprofileview.h"
#include "uitest.h"

#include <QComboBox>
#include <QLabel>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

class TestContentUi : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void profileListsWhatWasShown_data();
    void profileListsWhatWasShown();
    void emptyStates();
    void dashboardTilesAndRanking();
    void screenshots_data();
    void screenshots();

private:
    DashboardView *dashboard();
    static QString cell(QTableWidget *t, int row, int col) { return t->item(row, col)->text(); }
    static QString tileText(QWidget *root, const char *key);

    QTemporaryDir m_home;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<DashboardView> m_dashboard;
    uitest::Language m_language;
};

void TestContentUi::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
    QCoreApplication::setOrganizationName(QStringLiteral("RoundsTest"));
    QCoreApplication::setApplicationName(QStringLiteral("RoundsContentUi"));
    const QString path = m_home.filePath(QStringLiteral("content.db"));
    {
        Store store;
        QVERIFY(store.open(path).ok);
        QVERIFY(store.setMeta(QStringLiteral("role"), QStringLiteral("manager")));
        QVERIFY(store.setMeta(QStringLiteral("user"), QStringLiteral("mgr")));
        store.database()->exec(QStringLiteral(R"(
INSERT INTO territory(id, code, name, level, parent_id, owner_id) VALUES ('D1', 'D1', '上海', 'district', NULL, NULL),
  ('T1', 'T1', '上海一区', 'territory', 'D1', 'rep1'), ('T2', 'T2', '上海二区', 'territory', 'D1', 'rep2');
INSERT INTO user(id, username, display_name, role, home_territory_id, active) VALUES
  ('rep1', 'rep1', '张伟', 'rep', 'T1', 1), ('rep2', 'rep2', '刘洋', 'rep', 'T2', 1), ('m', 'mgr', '王建国', 'manager', 'D1', 1);
INSERT INTO hcp(id, full_name, tier, status) VALUES ('h1', '李娜', 'A', 'active'), ('h2', '王芳', 'A', 'active'),
  ('h3', '陈静', 'B', 'active'), ('h4', '赵磊', 'B', 'active');
INSERT INTO product(id, name, active) VALUES ('P1', '安维汀', 1), ('P2', '赫赛汀', 1);
INSERT INTO material(id, title, product_id, kind, language, material_version, status, file, page_count) VALUES
  ('M1', '安维汀 III期临床数据', 'P1', 'pdf', 'zh_CN', 1, 'approved', 'sha256:aa:a.pdf', 5),
  ('M2', 'Herceptin dosing guide', 'P2', 'pdf', 'en', 2, 'approved', 'sha256:bb:b.pdf', 3);
INSERT INTO visit(id, territory_id, hcp_id, rep_id, channel, visited_at, status) VALUES
  ('V1', 'T1', 'h1', 'rep1', 'face_to_face', '2026-10-05T02:00:00.000Z', 'submitted'),
  ('V2', 'T1', 'h1', 'rep1', 'face_to_face', '2026-10-06T02:00:00.000Z', 'submitted'),
  ('V3', 'T2', 'h4', 'rep2', 'face_to_face', '2026-10-07T02:00:00.000Z', 'submitted'),
  ('V4', 'T2', 'h4', 'rep2', 'remote', '2026-10-08T02:00:00.000Z', 'submitted');
INSERT INTO content_view(id, territory_id, rep_id, material_id, material_version, page, started_at, duration_ms,
  reaction, mode, visit_id, hcp_id) VALUES
  ('a1', 'T1', 'rep1', 'M1', 1, 1, '2026-10-05T02:01:00.000Z', 1999, NULL, 'in_call', 'V1', 'h1'),
  ('a2', 'T1', 'rep1', 'M1', 1, 2, '2026-10-05T02:01:02.000Z', 2000, NULL, 'in_call', 'V1', 'h1'),
  ('a3', 'T1', 'rep1', 'M1', 1, 3, '2026-10-05T02:01:04.000Z', 2001, 'positive', 'in_call', 'V1', 'h1'),
  ('a4', 'T1', 'rep1', 'M1', 1, 4, '2026-10-05T02:01:06.000Z', 500, 'negative', 'in_call', 'V1', 'h1'),
  ('b1', 'T1', 'rep1', 'M1', 1, 1, '2026-10-06T02:01:00.000Z', 10000, 'neutral', 'in_call', 'V2', 'h1'),
  ('b2', 'T1', 'rep1', 'M1', 1, 2, '2026-10-06T02:01:10.000Z', 3000, NULL, 'in_call', 'V2', 'h1'),
  ('b3', 'T1', 'rep1', 'M2', 2, 1, '2026-10-06T02:02:00.000Z', 64000, 'positive', 'in_call', 'V2', 'h1'),
  ('c1', 'T2', 'rep2', 'M1', 1, 1, '2026-10-07T02:01:00.000Z', 5000, 'positive', 'in_call', NULL, NULL),
  ('c2', 'T2', 'rep2', 'M1', 1, 2, '2026-10-07T02:01:05.000Z', 1000, NULL, 'in_call', NULL, NULL);
INSERT INTO consent(id, hcp_id, channel, status, captured_at, source) VALUES
  ('k1', 'h4', 'activity_tracking', 'withdrawn', '2026-09-01T01:00:00.000Z', 'verbal');
)"));
    }
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(path, &error), qPrintable(error));
}

void TestContentUi::cleanup()
{
    m_dashboard.reset();
    QVERIFY(m_language.use(QStringLiteral("en")));
}

QString TestContentUi::tileText(QWidget *root, const char *key)
{
    auto *frame = root->findChild<QWidget *>(QStringLiteral("contentTile_") + QLatin1String(key));
    return frame ? frame->findChild<QLabel *>(QStringLiteral("tileValueLabel"))->text() : QString();
}

void TestContentUi::profileListsWhatWasShown_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestContentUi::profileListsWhatWasShown()
{
    QFETCH(QString, language);
    QVERIFY(m_language.use(language));
    HcpProfileView profile(m_session.get());
    profile.setHcp(QStringLiteral("h1"));
    auto *panel = uitest::child<ContentHistoryPanel>(&profile, "contentHistoryGroupBox");
    QVERIFY(panel);
    auto *table = uitest::child<QTableWidget>(panel, "contentHistoryTableWidget");
    QVERIFY(table);
    // V2's M2, V2's M1, V1's M1: newest first.
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(cell(table, 0, 1).startsWith(QStringLiteral("Herceptin dosing guide")));
    QVERIFY(cell(table, 0, 1).contains(QStringLiteral("2")));
    QVERIFY(cell(table, 2, 1).startsWith(QStringLiteral("安维汀 III期临床数据")));
    const QString positive = EnumLabels::label(
        QStringLiteral("content_view"), QStringLiteral("reaction"), QStringLiteral("positive"));
    const QString negative = EnumLabels::label(
        QStringLiteral("content_view"), QStringLiteral("reaction"), QStringLiteral("negative"));
    if (language == QLatin1String("zh_CN"))
        QVERIFY(positive != QLatin1String("Positive"));
    // V1: pages 2, 3 and 4 of 5 count (page 1 at 1999 ms does not); 6.5 s in all.
    QVERIFY2(
        cell(table, 2, 2).contains(QStringLiteral("3")) && cell(table, 2, 2).contains(QStringLiteral("5")),
        qPrintable(cell(table, 2, 2)));
    QCOMPARE(cell(table, 2, 3), ContentHistoryPanel::duration(6500));
    QCOMPARE(cell(table, 2, 4), QStringLiteral("%1 1 · %2 1").arg(positive, negative));
    // 64 s reads as a minute and four seconds.
    QCOMPARE(cell(table, 0, 3), ContentHistoryPanel::duration(64000));
    QVERIFY(cell(table, 0, 3).contains(QStringLiteral("4")));
    // Page 1's glance is named in the row's tooltip.
    QVERIFY(table->item(2, 0)->toolTip().contains(ContentHistoryPanel::tr("not counted (under 2 s)")));
    QVERIFY(!uitest::child<QLabel>(panel, "contentHistoryEmptyLabel")->isVisibleTo(panel));
}

void TestContentUi::emptyStates()
{
    HcpProfileView profile(m_session.get());
    auto *panel = uitest::child<ContentHistoryPanel>(&profile, "contentHistoryGroupBox");
    auto *empty = uitest::child<QLabel>(panel, "contentHistoryEmptyLabel");
    // h4 withdrew tracking: V3's views are anonymous, so nothing is listed, and the text says why.
    profile.setHcp(QStringLiteral("h4"));
    QCOMPARE(panel->rowCount(), 0);
    QVERIFY(empty->isVisibleTo(panel));
    QVERIFY2(empty->text().contains(QStringLiteral("consented")), qPrintable(empty->text()));
    // h3: never shown anything, tracking not withdrawn (consent not required).
    profile.setHcp(QStringLiteral("h3"));
    QCOMPARE(panel->rowCount(), 0);
    QCOMPARE(empty->text(), ContentHistoryPanel::tr("Nothing has been presented to this HCP yet."));
}

// The dashboard on D1, October 2026, its numbers painted; null when they never came.
DashboardView *TestContentUi::dashboard()
{
    m_dashboard = std::make_unique<DashboardView>(m_session->store());
    m_dashboard->setScope(QStringLiteral("D1"));
    m_dashboard->setPeriod(QStringLiteral("2026-10"));
    m_dashboard->resize(1500, 1000);
    m_dashboard->show();
    DashboardView *view = m_dashboard.get();
    const bool ready = QTest::qWaitForWindowExposed(view)
        && QTest::qWaitFor(
            [view] {
                return view->hasResult() && !view->isBusy()
                    && view->result().period.label() == QLatin1String("2026-10")
                    && view->result().scope.key == QLatin1String("D1");
            },
            20000);
    return ready ? view : nullptr;
}

void TestContentUi::dashboardTilesAndRanking()
{
    DashboardView *view = dashboard();
    QVERIFY(view);
    const ContentKpis &k = view->result().content;
    // 9 views, 7 viewed; dwell 2000+2001+500+10000+3000+64000+5000 = 86501 ms over 7 pages.
    QCOMPARE(k.views, 9);
    QCOMPARE(k.viewedPages, 7);
    QCOMPARE(tileText(view, "views"), QStringLiteral("9 (7 viewed)"));
    QCOMPARE(tileText(view, "dwell"), QStringLiteral("12.4 s"));
    QCOMPARE(tileText(view, "callsWithContent"), QStringLiteral("50.0% (2/4)")); // V1, V2 of V1–V4
    QCOMPARE(tileText(view, "reactions"), QStringLiteral("60% positive (3 · 1 · 1)"));
    // September had none: no change to show, said so.
    auto *delta = view->findChild<QWidget *>(QStringLiteral("contentTile_dwell"))
                      ->findChild<QLabel *>(QStringLiteral("tileDeltaLabel"));
    QVERIFY(delta->text().startsWith(QStringLiteral("–")));

    auto *ranking = uitest::child<ContentRankingView>(view, "contentRankingView");
    QVERIFY(ranking);
    auto *table = uitest::child<QTableWidget>(ranking, "rankingTableWidget");
    QCOMPARE(table->rowCount(), 2);
    // M1: 3 presentations (ranked 1), M2: 1 (listed, no rank).
    QVERIFY(cell(table, 0, 1).startsWith(QStringLiteral("安维汀")));
    QCOMPARE(cell(table, 0, 0), QStringLiteral("1"));
    QCOMPARE(cell(table, 1, 0), QStringLiteral("–"));
    auto *product = uitest::child<QComboBox>(ranking, "rankingProductComboBox");
    QCOMPARE(product->count(), 3); // all, 安维汀, 赫赛汀
    ranking->setProduct(QStringLiteral("P2"));
    QCOMPARE(table->rowCount(), 1);
    QVERIFY(cell(table, 0, 1).startsWith(QStringLiteral("Herceptin")));
    ranking->setProduct(QString());
    QCOMPARE(table->rowCount(), 2);
    // The per-product table and the CSV of the materials.
    auto *products = uitest::child<QTableWidget>(view, "content_by_productTable");
    QCOMPARE(products->rowCount(), 2);
    QCOMPARE(cell(products, 0, 0), QStringLiteral("安维汀"));
    const QString csv = m_home.filePath(QStringLiteral("content_by_material.csv"));
    QString error;
    QVERIFY2(view->exportCsv(QStringLiteral("content_by_material"), csv, &error), qPrintable(error));
    QFile f(csv);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("安维汀 III期临床数据")));
    QVERIFY(text.contains(QStringLiteral("Engagement")));

    // A rep's own numbers: rep1 (V1, V2).
    QSignalSpy updated(view, &DashboardView::updated);
    view->setScope(QStringLiteral("rep1"));
    QTRY_VERIFY_WITH_TIMEOUT(!updated.isEmpty() && !view->isBusy(), 20000);
    QCOMPARE(tileText(view, "views"), QStringLiteral("7 (6 viewed)"));
    QCOMPARE(tileText(view, "callsWithContent"), QStringLiteral("100.0% (2/2)"));
}

void TestContentUi::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << "en";
    QTest::newRow("zh_CN") << "zh_CN";
}

void TestContentUi::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(m_language.use(language));
    HcpProfileView profile(m_session.get());
    profile.resize(1366, 768);
    profile.show();
    profile.setHcp(QStringLiteral("h1"));
    QVERIFY(QTest::qWaitForWindowExposed(&profile));
    const QPixmap hcp = profile.grab();
    QVERIFY(!hcp.isNull());
    DashboardView *view = dashboard();
    QVERIFY(view);
    auto *section = uitest::child<DashboardContent>(view, "contentSection");
    const QPixmap content = section->grab();
    QVERIFY(!content.isNull());
    const QString dir = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(hcp.save(dir + QStringLiteral("/hcp-content-") + language + QStringLiteral(".png")));
        QVERIFY(
            content.save(dir + QStringLiteral("/dashboard-content-") + language + QStringLiteral(".png")));
    }
}

QTEST_MAIN(TestContentUi)
#include "tst_contentui.moc"
