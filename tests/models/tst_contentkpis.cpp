// The content KPIs (models/contentkpis.h) against a hand-made store whose answers were worked out by
// hand (the comments show the working). Times are UTC (TZ=UTC for this test), so a local day is a UTC day.
#include "common/sqlite/database.h"
#include "models/contentkpis.h"
#include "models/kpis.h"
#include "models/store.h"
#include "tests/models/insertrow.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

class TestContentKpis : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void districtFigures();
    void perMaterialAndProduct();
    void repScopeSeesOwnOnly();
    void managerSeesOwnTerritoriesOnly();
    void viewedBoundary_data();
    void viewedBoundary();
    void hcpHistoryNewestFirst();
    void anonymousViewsNeverInHistory();
    void rankingNeedsPresentations();
    void emptyStoreHasNoRatios();
    void periodReadUsesCoveringIndex();
    void hundredThousandViews();

private:
    void insert(const QString &table, const QJsonObject &fields);
    void build();
    void view(const char *id, const char *terr, const char *rep, const char *material, int page,
        const char *at, qint64 ms, QJsonValue reaction, QJsonValue visit, QJsonValue hcp,
        const char *mode = "in_call");
    ContentKpis figures(const QString &scopeKey, const QString &period = QStringLiteral("2026-10"));

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
};

void TestContentKpis::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("content.db"))).ok);
    QVERIFY(m_store->setMeta(QStringLiteral("role"), QStringLiteral("manager")));
}

void TestContentKpis::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestContentKpis::insert(const QString &table, const QJsonObject &fields)
{
    testing::insertRow(*m_store->database(), table, fields);
}

void TestContentKpis::view(const char *id, const char *terr, const char *rep, const char *material, int page,
    const char *at, qint64 ms, QJsonValue reaction, QJsonValue visit, QJsonValue hcp, const char *mode)
{
    insert(QStringLiteral("content_view"),
        {{"id", id}, {"territory_id", terr}, {"rep_id", rep}, {"material_id", material},
            {"material_version", 1}, {"page", page}, {"started_at", at}, {"duration_ms", ms},
            {"reaction", reaction}, {"mode", mode}, {"visit_id", visit}, {"hcp_id", hcp}});
}

// District D1 with T1 (rep1) and T2 (rep2); OT is another district's territory (rep9). Two products, a
// material of each; the views of October are worked out in the tests.
void TestContentKpis::build()
{
    const auto terr = [this](const char *id, const char *level, const char *parent, const char *owner) {
        insert(QStringLiteral("territory"),
            {{"id", id}, {"code", id}, {"name", QStringLiteral("辖区 %1").arg(QLatin1String(id))},
                {"level", level}, {"parent_id", parent ? QJsonValue(parent) : QJsonValue()},
                {"owner_id", owner ? QJsonValue(owner) : QJsonValue()}});
    };
    terr("D1", "district", nullptr, nullptr);
    terr("T1", "territory", "D1", "rep1");
    terr("T2", "territory", "D1", "rep2");
    terr("OT", "territory", nullptr, "rep9");
    const auto user = [this](const char *id, const char *role, const char *home) {
        insert(QStringLiteral("user"),
            {{"id", id}, {"username", id}, {"display_name", QStringLiteral("用户 %1").arg(QLatin1String(id))},
                {"role", role}, {"home_territory_id", home}, {"active", 1}});
    };
    user("rep1", "rep", "T1");
    user("rep2", "rep", "T2");
    user("rep9", "rep", "OT");
    user("mgr", "manager", "D1");
    for (const char *h : {"h1", "h2", "h3", "h4"})
        insert(QStringLiteral("hcp"),
            {{"id", h}, {"full_name", QStringLiteral("医生 %1").arg(QLatin1String(h))},
                {"status", "active"}});
    insert(QStringLiteral("product"), {{"id", "P1"}, {"name", "安维汀"}, {"active", 1}});
    insert(QStringLiteral("product"), {{"id", "P2"}, {"name", "赫赛汀"}, {"active", 1}});
    insert(QStringLiteral("material"),
        {{"id", "M1"}, {"title", "Alpha deck"}, {"product_id", "P1"}, {"kind", "pdf"}, {"language", "zh_CN"},
            {"material_version", 1}, {"status", "approved"}, {"file", "sha256:aa:a.pdf"}, {"page_count", 5}});
    insert(QStringLiteral("material"),
        {{"id", "M2"}, {"title", "Beta leaflet"}, {"product_id", "P2"}, {"kind", "pdf"}, {"language", "en"},
            {"material_version", 2}, {"status", "approved"}, {"file", "sha256:bb:b.pdf"}, {"page_count", 3}});

    const auto visit = [this](const char *id, const char *hcp, const char *terr, const char *rep,
                           const char *channel, const char *at, const char *status = "submitted") {
        insert(QStringLiteral("visit"),
            {{"id", id}, {"hcp_id", hcp}, {"territory_id", terr}, {"rep_id", rep}, {"channel", channel},
                {"visited_at", at}, {"status", status}});
    };
    visit("V1", "h1", "T1", "rep1", "face_to_face", "2026-10-05T02:00:00.000Z");
    visit("V2", "h2", "T1", "rep1", "face_to_face", "2026-10-06T02:00:00.000Z");
    visit("V3", "h4", "T2", "rep2", "face_to_face", "2026-10-07T02:00:00.000Z"); // content shown anonymously
    visit("V4", "h4", "T2", "rep2", "remote", "2026-10-08T02:00:00.000Z"); // no content
    visit("V5", "h1", "T1", "rep1", "phone", "2026-10-09T02:00:00.000Z"); // no content possible
    visit("V6", "h1", "T1", "rep1", "face_to_face", "2026-10-10T02:00:00.000Z", "draft"); // not submitted
    visit("V9", "h3", "OT", "rep9", "face_to_face", "2026-10-05T03:00:00.000Z"); // another district

    // V1, h1, M1: 1999 ms is not viewed, 2000 and 2001 are, 500 ms with a reaction is.
    view("a1", "T1", "rep1", "M1", 1, "2026-10-05T02:01:00.000Z", 1999, {}, "V1", "h1");
    view("a2", "T1", "rep1", "M1", 2, "2026-10-05T02:01:02.000Z", 2000, {}, "V1", "h1");
    view("a3", "T1", "rep1", "M1", 3, "2026-10-05T02:01:04.000Z", 2001, "positive", "V1", "h1");
    view("a4", "T1", "rep1", "M1", 4, "2026-10-05T02:01:06.000Z", 500, "negative", "V1", "h1");
    // V2, h2: M1 (two pages), then M2 (one page).
    view("b1", "T1", "rep1", "M1", 1, "2026-10-06T02:01:00.000Z", 10000, "neutral", "V2", "h2");
    view("b2", "T1", "rep1", "M1", 2, "2026-10-06T02:01:10.000Z", 3000, {}, "V2", "h2");
    view("b3", "T1", "rep1", "M2", 1, "2026-10-06T02:02:00.000Z", 4000, "positive", "V2", "h2");
    // V3, h4 withdrew tracking: anonymous (no HCP, no visit).
    view("c1", "T2", "rep2", "M1", 1, "2026-10-07T02:01:00.000Z", 5000, "positive", {}, {});
    view("c2", "T2", "rep2", "M1", 2, "2026-10-07T02:01:05.000Z", 1000, {}, {}, {});
    // Outside D1, outside October, and a preview: in no D1 October figure.
    view("d1", "OT", "rep9", "M1", 1, "2026-10-05T03:01:00.000Z", 8000, "positive", "V9", "h3");
    view("e1", "T1", "rep1", "M1", 1, "2026-09-30T23:59:59.000Z", 9000, "positive", {}, {});
    view("f1", "T1", "rep1", "M2", 1, "2026-10-11T08:00:00.000Z", 9000, {}, {}, {}, "preview");
}

ContentKpis TestContentKpis::figures(const QString &scopeKey, const QString &period)
{
    KpiEngine engine(*m_store);
    QString error;
    const auto scope = engine.resolveScope(scopeKey, &error);
    [&] { QVERIFY2(scope.has_value(), qPrintable(error)); }();
    ContentKpis k;
    [&] {
        QVERIFY2(ContentKpiQueries::compute(m_store.get(), *KpiPeriod::parse(period), *scope, &k, &error),
            qPrintable(error));
    }();
    return k;
}

void TestContentKpis::districtFigures()
{
    build();
    const ContentKpis k = figures(QStringLiteral("D1"));
    // V1: 4 views, V2: 3, anonymous: 2.
    QCOMPARE(k.views, 9);
    // V1: pages 2, 3, 4; V2: 3; anonymous: page 1.
    QCOMPARE(k.viewedPages, 7);
    QCOMPARE(k.anonymousViews, 2);
    // 2000 + 2001 + 500 + 10000 + 3000 + 4000 + 5000
    QCOMPARE(k.viewedDwellMs, 26501);
    QVERIFY(k.avgDwellSec);
    QCOMPARE(qRound(*k.avgDwellSec * 1000), qRound(26501.0 / 7)); // 3.786 s
    // rep1·M1·V1, rep1·M1·V2, rep1·M2·V2, rep2·M1·7 October
    QCOMPARE(k.presentations, 4);
    QCOMPARE(k.reactions.positive, 3);
    QCOMPARE(k.reactions.neutral, 1);
    QCOMPARE(k.reactions.negative, 1);
    QCOMPARE(*k.reactions.positivePct(), 60.0);
    // V1, V2, V3, V4 (V5 is a phone call, V6 a draft, V9 outside); V1 and V2 had content.
    QCOMPARE(k.calls, 4);
    QCOMPARE(k.callsWithContent, 2);
    QCOMPARE(*k.callsWithContentPct, 50.0);
}

void TestContentKpis::perMaterialAndProduct()
{
    build();
    const ContentKpis k = figures(QStringLiteral("D1"));
    QCOMPARE(k.materials.size(), 2);
    const ContentKpiRow &m1 = k.materials.at(0);
    QCOMPARE(m1.key, QStringLiteral("M1"));
    QCOMPARE(m1.name, QStringLiteral("Alpha deck"));
    QCOMPARE(m1.productName, QStringLiteral("安维汀"));
    QCOMPARE(m1.pageCount, 5);
    QCOMPARE(m1.views, 8);
    QCOMPARE(m1.viewedPages, 6);
    QCOMPARE(m1.viewedDwellMs, 22501);
    QCOMPARE(m1.presentations, 3);
    QCOMPARE(m1.reactions.positive, 2);
    QCOMPARE(m1.reactions.neutral, 1);
    QCOMPARE(m1.reactions.negative, 1);
    QCOMPARE(*m1.viewedPerPresentation, 2.0);
    QCOMPARE(m1.positiveShare, 0.5); // (2 + 1) / (4 + 2)
    QCOMPARE(m1.engagement, 1.0);
    QCOMPARE(m1.rank, 1);
    const ContentKpiRow &m2 = k.materials.at(1);
    QCOMPARE(m2.key, QStringLiteral("M2"));
    QCOMPARE(m2.version, 2);
    QCOMPARE(m2.views, 1); // the preview of 11 October is not counted
    QCOMPARE(m2.presentations, 1);
    QCOMPARE(m2.positiveShare, 2.0 / 3.0); // (1 + 1) / (1 + 2)
    QCOMPARE(m2.engagement, 2.0 / 3.0);
    QCOMPARE(m2.rank, 0); // fewer than three presentations: listed, not ranked

    QCOMPARE(k.products.size(), 2);
    QCOMPARE(k.products.at(0).key, QStringLiteral("P1"));
    QCOMPARE(k.products.at(0).views, 8);
    QCOMPARE(k.products.at(0).viewedPages, 6);
    QCOMPARE(k.products.at(1).key, QStringLiteral("P2"));
    QCOMPARE(k.products.at(1).views, 1);
    QCOMPARE(qRound(*k.products.at(1).avgDwellSec * 10), 40);

    QCOMPARE(ContentKpiQueries::rankedForProduct(k, QStringLiteral("P2")).size(), 1);
    QCOMPARE(ContentKpiQueries::rankedForProduct(k, QStringLiteral("P1")).at(0).rank, 1);
}

void TestContentKpis::repScopeSeesOwnOnly()
{
    build();
    const ContentKpis k = figures(QStringLiteral("rep1"));
    QCOMPARE(k.views, 7); // V1 and V2
    QCOMPARE(k.anonymousViews, 0);
    QCOMPARE(k.calls, 2); // V1, V2 (V5 phone, V6 draft)
    QCOMPARE(k.callsWithContent, 2);
    QCOMPARE(*k.callsWithContentPct, 100.0);
}

void TestContentKpis::managerSeesOwnTerritoriesOnly()
{
    build();
    const ContentKpis all = figures(QString());
    QCOMPARE(all.views, 10); // D1's 9 and OT's 1
    QCOMPARE(all.calls, 5);
    const ContentKpis t2 = figures(QStringLiteral("T2"));
    QCOMPARE(t2.views, 2);
    QCOMPARE(t2.anonymousViews, 2);
    QCOMPARE(t2.calls, 2);
    QCOMPARE(t2.callsWithContent, 0); // anonymous views name no visit
    const ContentKpis sept = figures(QStringLiteral("D1"), QStringLiteral("2026-09"));
    QCOMPARE(sept.views, 1); // e1, one second before October
    QCOMPARE(sept.calls, 0);
    QVERIFY(!sept.callsWithContentPct);
}

void TestContentKpis::viewedBoundary_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("reaction");
    QTest::addColumn<int>("viewed");
    QTest::newRow("1999 ms") << qint64(1999) << QString() << 0;
    QTest::newRow("2000 ms") << qint64(2000) << QString() << 1;
    QTest::newRow("2001 ms") << qint64(2001) << QString() << 1;
    QTest::newRow("0 ms, reacted") << qint64(0) << QStringLiteral("neutral") << 1;
    QTest::newRow("1999 ms, reacted") << qint64(1999) << QStringLiteral("negative") << 1;
}

void TestContentKpis::viewedBoundary()
{
    QFETCH(qint64, ms);
    QFETCH(QString, reaction);
    QFETCH(int, viewed);
    build();
    insert(QStringLiteral("visit"),
        {{"id", "VB"}, {"hcp_id", "h1"}, {"territory_id", "T1"}, {"rep_id", "rep1"},
            {"channel", "face_to_face"}, {"visited_at", "2026-11-02T02:00:00.000Z"},
            {"status", "submitted"}});
    view("vb", "T1", "rep1", "M2", 3, "2026-11-02T02:01:00.000Z", ms,
        reaction.isEmpty() ? QJsonValue() : QJsonValue(reaction), "VB", "h1");
    const ContentKpis k = figures(QStringLiteral("D1"), QStringLiteral("2026-11"));
    QCOMPARE(k.views, 1);
    QCOMPARE(k.viewedPages, viewed);
    QCOMPARE(k.viewedDwellMs, viewed ? ms : 0);
    QCOMPARE(k.callsWithContent, 1); // shown, viewed or not
    QList<ContentShowing> history;
    QVERIFY(ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("h1"), &history));
    QCOMPARE(history.first().visitId, QStringLiteral("VB"));
    QCOMPARE(history.first().pagesShown, 1);
    QCOMPARE(history.first().pagesViewed, viewed);
    QCOMPARE(history.first().pages.first().viewed, viewed == 1);
}

void TestContentKpis::hcpHistoryNewestFirst()
{
    build();
    QList<ContentShowing> h;
    QString error;
    QVERIFY2(
        ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("h2"), &h, &error), qPrintable(error));
    QCOMPARE(h.size(), 2);
    QCOMPARE(h.at(0).materialId, QStringLiteral("M2")); // shown after M1 in V2
    QCOMPARE(h.at(0).title, QStringLiteral("Beta leaflet"));
    QCOMPARE(h.at(0).version, 2);
    QCOMPARE(h.at(0).pageCount, 3);
    QCOMPARE(h.at(1).materialId, QStringLiteral("M1"));
    QCOMPARE(h.at(1).visitId, QStringLiteral("V2"));
    QCOMPARE(h.at(1).startedAt, QDateTime(QDate(2026, 10, 6), QTime(2, 1), Qt::UTC));
    QCOMPARE(h.at(1).pagesShown, 2);
    QCOMPARE(h.at(1).pagesViewed, 2);
    QCOMPARE(h.at(1).totalMs, 13000);
    QCOMPARE(h.at(1).pages.at(0).reaction, QStringLiteral("neutral"));
    QCOMPARE(h.at(1).pages.at(1).durationMs, 3000);

    QVERIFY(ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("h1"), &h, &error));
    QCOMPARE(h.size(), 1);
    QCOMPARE(h.at(0).pagesShown, 4);
    QCOMPARE(h.at(0).pagesViewed, 3); // page 1 at 1999 ms is not
    QCOMPARE(h.at(0).totalMs, 6500);
    QCOMPARE(h.at(0).reactions.positive, 1);
    QCOMPARE(h.at(0).reactions.negative, 1);
}

void TestContentKpis::anonymousViewsNeverInHistory()
{
    build();
    // h4 was shown M1 in V3 without tracking consent: counted in T2's totals, in no HCP's history.
    QCOMPARE(figures(QStringLiteral("T2")).views, 2);
    QList<ContentShowing> h;
    QVERIFY(ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("h4"), &h));
    QVERIFY(h.isEmpty());
    // A preview naming an HCP is not a showing either.
    view("p1", "T1", "rep1", "M1", 1, "2026-10-12T08:00:00.000Z", 9000, {}, {}, "h4", "preview");
    QVERIFY(ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("h4"), &h));
    QVERIFY(h.isEmpty());
}

void TestContentKpis::rankingNeedsPresentations()
{
    build();
    // M2 reaches three presentations (two more visits of rep1, one viewed page each, no reaction):
    // viewed per presentation 1, positive share (1 + 1) / (1 + 2); engagement 0.667 < M1's 1.0.
    for (int i = 0; i < 2; ++i) {
        const QString v = QStringLiteral("VX%1").arg(i);
        insert(QStringLiteral("visit"),
            {{"id", v}, {"hcp_id", "h1"}, {"territory_id", "T1"}, {"rep_id", "rep1"},
                {"channel", "face_to_face"}, {"visited_at", "2026-10-20T02:00:00.000Z"},
                {"status", "submitted"}});
        view(qPrintable(QStringLiteral("x%1").arg(i)), "T1", "rep1", "M2", 1, "2026-10-20T02:01:00.000Z",
            2500, {}, v, "h1");
    }
    ContentKpis k = figures(QStringLiteral("D1"));
    QCOMPARE(k.materials.at(1).presentations, 3);
    QCOMPARE(k.materials.at(1).rank, 2);
    QCOMPARE(k.materials.at(0).rank, 1);
    QCOMPARE(k.materials.at(1).engagement, 2.0 / 3.0);
    // Within its product's ranking, M2 is first.
    QCOMPARE(ContentKpiQueries::rankedForProduct(k, QStringLiteral("P2")).at(0).rank, 1);
}

void TestContentKpis::emptyStoreHasNoRatios()
{
    build();
    const ContentKpis k = figures(QStringLiteral("D1"), QStringLiteral("2025-01"));
    QCOMPARE(k.views, 0);
    QVERIFY(!k.avgDwellSec);
    QVERIFY(!k.callsWithContentPct);
    QVERIFY(!k.reactions.positivePct());
    QVERIFY(k.materials.isEmpty());
    KpiEngine engine(*m_store);
    QString error;
    QVERIFY(!ContentKpiQueries::compute(
        m_store.get(), KpiPeriod {}, *engine.resolveScope(QString()), nullptr, &error));
    QCOMPARE(error, QStringLiteral("invalid period"));
}

void TestContentKpis::periodReadUsesCoveringIndex()
{
    build();
    auto q = m_store->database()->query(QStringLiteral(
        "EXPLAIN QUERY PLAN SELECT c.territory_id, c.rep_id, c.material_id, c.visit_id, c.started_at,"
        " c.duration_ms, c.reaction, c.hcp_id FROM content_view c WHERE c.mode = 'in_call'"
        " AND c.started_at >= '2026-10-01' AND c.started_at < '2026-11-01'"));
    QString plan;
    while (q->step())
        plan += q->text(3) + u'\n';
    QVERIFY2(plan.contains(QStringLiteral("COVERING INDEX idx_content_view_period")), qPrintable(plan));
}

// 100,000 page views over a year in ten territories (20,000 submitted face-to-face visits, five views
// each, one visit in eight anonymous): the figures add up, and how long a month, a year and an HCP's
// history take in this build (Debug with sanitizers: an upper bound; rounds-bench content measures the
// optimised build).
void TestContentKpis::hundredThousandViews()
{
    build();
    sql::Database &db = *m_store->database();
    db.exec(QStringLiteral("BEGIN"));
    for (int t = 3; t <= 10; ++t)
        insert(QStringLiteral("territory"),
            {{"id", QStringLiteral("T%1").arg(t)}, {"code", QStringLiteral("T%1").arg(t)},
                {"name", QStringLiteral("辖区 %1").arg(t)}, {"level", "territory"}, {"parent_id", "D1"}});
    auto visit
        = db.query(QStringLiteral("INSERT INTO visit(id, hcp_id, territory_id, rep_id, channel, visited_at, "
                                  "status) VALUES (?1, ?2, ?3, ?4, 'face_to_face', ?5, 'submitted')"));
    auto view = db.query(QStringLiteral(
        "INSERT INTO content_view(id, territory_id, rep_id, material_id, material_version, page, started_at, "
        "duration_ms, reaction, mode, visit_id, hcp_id) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6, ?7, ?8, "
        "'in_call', ?9, ?10)"));
    const QDateTime start(QDate(2026, 1, 1), QTime(1, 0), Qt::UTC);
    const char *reactions[] = {"positive", "neutral", "negative"};
    qint64 expectedViewed = 0;
    for (int v = 0; v < 20000; ++v) {
        const QString id = QStringLiteral("BV%1").arg(v);
        const QString terr = QStringLiteral("T%1").arg(1 + v % 10);
        const QString rep = QStringLiteral("rep%1").arg(1 + v % 10);
        const QString hcp = QStringLiteral("bh%1").arg(v % 3000);
        const QDateTime at = start.addSecs(qint64(v) * 1570); // about a year
        visit->bind(1, id);
        visit->bind(2, hcp);
        visit->bind(3, terr);
        visit->bind(4, rep);
        visit->bind(5, at.toString(Qt::ISODateWithMs));
        visit->run();
        visit->reset();
        const bool anonymous = v % 8 == 0;
        for (int page = 1; page <= 5; ++page) {
            const qint64 ms = (v + page) % 6 == 0 ? 1500 : 2000 + (v * 7 + page * 13) % 38000;
            const bool reacted = (v + page) % 4 == 0;
            expectedViewed += ms >= 2000 || reacted;
            view->bind(1, QStringLiteral("bv%1-%2").arg(v).arg(page));
            view->bind(2, terr);
            view->bind(3, rep);
            view->bind(4, v % 2 ? QStringLiteral("M1") : QStringLiteral("M2"));
            view->bind(5, page);
            view->bind(6, at.addSecs(60 + page * 30).toString(Qt::ISODateWithMs));
            view->bind(7, ms);
            view->bind(8, reacted ? QString::fromLatin1(reactions[(v + page) % 3]) : QString());
            view->bind(9, anonymous ? QString() : id);
            view->bind(10, anonymous ? QString() : hcp);
            view->run();
            view->reset();
        }
    }
    db.exec(QStringLiteral("COMMIT"));
    db.exec(QStringLiteral("ANALYZE"));

    const auto timed = [this](const QString &scope, const QString &period, ContentKpis *k) {
        KpiEngine engine(*m_store);
        const auto s = engine.resolveScope(scope);
        const auto p = KpiPeriod::parse(period);
        QElapsedTimer t;
        std::vector<qint64> us;
        for (int i = 0; i < 7; ++i) {
            t.start();
            ContentKpiQueries::compute(m_store.get(), *p, *s, k);
            us.push_back(t.nsecsElapsed() / 1000);
        }
        std::sort(us.begin(), us.end());
        return double(us[3]) / 1000;
    };
    ContentKpis year;
    const double yearMs = timed(QStringLiteral("D1"), QStringLiteral("2026-01-01..2026-12-31"), &year);
    // The hand-made in-call views of build() are in 2026 too: 10 in D1 (with e1 of 30 September), 8 of
    // them viewed, 3 anonymous.
    QCOMPARE(year.views, 100000 + 10);
    QCOMPARE(year.viewedPages, expectedViewed + 8);
    QCOMPARE(year.anonymousViews, 2500 * 5 + 3);
    QCOMPARE(year.calls, 20000 + 4);
    QCOMPARE(year.callsWithContent, 20000 - 2500 + 2);
    ContentKpis month;
    const double monthMs = timed(QStringLiteral("D1"), QStringLiteral("2026-10"), &month);
    QVERIFY(month.views > 7000 && month.views < 10000);
    ContentKpis rep;
    const double repMs = timed(QStringLiteral("rep1"), QStringLiteral("2026-10"), &rep);
    QVERIFY(rep.views > 0 && rep.views < month.views);
    QList<ContentShowing> history;
    QElapsedTimer t;
    t.start();
    QVERIFY(ContentKpiQueries::hcpHistory(m_store.get(), QStringLiteral("bh1"), &history));
    const double historyMs = double(t.nsecsElapsed()) / 1e6;
    QVERIFY(history.size() >= 5);
    qInfo().noquote() << QStringLiteral(
        "100k views, this build: year %1 ms, month %2 ms (%3 views), one rep's month "
        "%4 ms, HCP history %5 ms (%6 showings)")
                             .arg(yearMs, 0, 'f', 1)
                             .arg(monthMs, 0, 'f', 1)
                             .arg(month.views)
                             .arg(repMs, 0, 'f', 1)
                             .arg(historyMs, 0, 'f', 1)
                             .arg(history.size());
}

QTEST_GUILESS_MAIN(TestContentKpis)
#include "tst_contentkpis.moc"
