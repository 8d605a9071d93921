// Page views of presented materials (models/contentviews.h) over a real, encrypted store: one content_view
// per page with its duration on a clock the test moves, the consent rule deciding named or anonymous,
// the 2 s threshold at, below and above, nothing lost when the recorder goes away, and the details a
// visit's views propose (page and whole-material key messages, first-shown order, strongest/last
// reaction).

#include "common/protocol/content.h"
#include "common/protocol/values.h"
#include "models/contentviews.h"
#include "models/store.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("0c6f0d3c-58f6-4d6e-9d2c-6b1f4f0d0001");
const QString kBucket = QStringLiteral("t:") + kTerritory;

PulledChange change(const QString &entity, const QString &id, const QJsonObject &fields)
{
    PulledChange c;
    static const QStringList global {QStringLiteral("product"), QStringLiteral("key_message"),
        QStringLiteral("material"), QStringLiteral("material_key_message"), QStringLiteral("setting")};
    c.bucket = global.contains(entity) ? QStringLiteral("global") : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    c.record.insert(QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00.000Z"));
    return c;
}

// One product, a material of 4 pages carrying: "Once daily" on the whole material, "Fewer oedemas" on
// page 2, "Elderly data" on page 3 and "Renal" on page 4; an HCP; a visit.
struct Fixture
{
    QTemporaryDir dir;
    Store store;
    QString product = protocol::newUuid();
    QString material = protocol::newUuid();
    QString hcp = protocol::newUuid();
    QString rep = protocol::newUuid();
    QString visit = protocol::newUuid();
    QHash<QString, QString> message; // text -> id

    bool open()
    {
        if (!store.open(dir.filePath(QStringLiteral("rounds.db"))).ok)
            return false;
        QList<PulledChange> page;
        page << change(QStringLiteral("product"), product, {{"name", "Amlodin"}, {"active", true}});
        page << change(QStringLiteral("hcp"), hcp, {{"full_name", "王建华"}, {"status", "active"}});
        page << change(QStringLiteral("material"), material,
            {{"title", "Amlodin in practice"}, {"product_id", product}, {"kind", "pdf"},
                {"status", "approved"}, {"material_version", 3},
                {"file", QStringLiteral("sha256:%1:a.pdf").arg(QString(64, QLatin1Char('a')))},
                {"page_count", 4}});
        const QList<QPair<QString, int>> messages {
            {"Once daily", 0}, {"Fewer oedemas", 2}, {"Elderly data", 3}, {"Renal", 4}};
        for (const auto &[text, onPage] : messages) {
            const QString id = protocol::newUuid();
            message.insert(text, id);
            page << change(QStringLiteral("key_message"), id,
                {{"product_id", product}, {"text", text}, {"active", true}});
            QJsonObject link {{"material_id", material}, {"key_message_id", id}};
            if (onPage > 0)
                link.insert(QStringLiteral("page"), onPage);
            page << change(QStringLiteral("material_key_message"), protocol::newUuid(), link);
        }
        page << change(QStringLiteral("visit"), visit,
            {{"territory_id", kTerritory}, {"hcp_id", hcp}, {"rep_id", rep}, {"channel", "face_to_face"},
                {"visited_at", "2026-11-20T06:30:00.000Z"}, {"status", "draft"}});
        const ApplyResult applied = store.applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), 3}});
        if (!applied.ok)
            qWarning("apply: %s", qPrintable(applied.error));
        return applied.ok;
    }

    bool addConsent(const QString &status, const QString &capturedAt)
    {
        return store
            .applyPage({change(QStringLiteral("consent"), protocol::newUuid(),
                           {{"hcp_id", hcp}, {"channel", "activity_tracking"}, {"status", status},
                               {"captured_at", capturedAt}, {"source", "paper_form"}})},
                {{kBucket, 11}})
            .ok;
    }

    bool requireConsent()
    {
        return store
            .applyPage({change(QStringLiteral("setting"), protocol::newUuid(),
                           {{"key", "consent.required"}, {"value", true}})},
                {{QStringLiteral("global"), 4}})
            .ok;
    }

    ContentViewContext inCall() const
    {
        ContentViewContext c;
        c.mode = QStringLiteral("in_call");
        c.visitId = visit;
        c.hcpId = hcp;
        c.territoryId = kTerritory;
        c.repId = rep;
        return c;
    }

    QList<protocol::Record> views() const
    {
        QList<protocol::Record> all = store.records(QStringLiteral("content_view"));
        std::sort(all.begin(), all.end(), [](const protocol::Record &a, const protocol::Record &b) {
            return a.fields.value("started_at").toString() < b.fields.value("started_at").toString();
        });
        return all;
    }
};

// A clock the test moves by hand.
struct ManualClock
{
    QDateTime t = QDateTime(QDate(2026, 11, 20), QTime(6, 31), Qt::UTC);
    void advance(qint64 ms) { t = t.addMSecs(ms); }
    ContentViewRecorder::Clock fn()
    {
        return [this] { return t; };
    }
};

} // namespace

class TestContentViews : public QObject
{
    Q_OBJECT
private slots:
    void onePerPageWithDuration();
    void threshold_data();
    void threshold();
    void consent_data();
    void consent();
    void previewNamesNobody();
    void nothingLostWhenClosed();
    void writesAreDeferredAndCheap();
    void refusedWriteKeepsTheViews();
    void proposedDetails();
    void proposedReaction_data();
    void proposedReaction();
};

void TestContentViews::onePerPageWithDuration()
{
    Fixture f;
    QVERIFY(f.open());
    ManualClock clock;
    ContentViewRecorder rec(&f.store, f.inCall());
    rec.setClock(clock.fn());
    QVERIFY(!rec.setReaction(QStringLiteral("positive"))); // no page on screen yet
    rec.pageShown(f.material, 3, 1);
    clock.advance(4200);
    rec.pageShown(f.material, 3, 2);
    QVERIFY(rec.setReaction(QStringLiteral("negative")));
    QVERIFY(rec.setReaction(QStringLiteral("positive"))); // the last one given counts
    clock.advance(800);
    rec.pageShown(f.material, 3, 3);
    clock.advance(2000);
    rec.finish();
    rec.finish(); // twice: still one view per page
    QCOMPARE(rec.queuedCount(), 3);
    QVERIFY(rec.flush());
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 3);
    const QList<qint64> durations {4200, 800, 2000};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject v = views.at(i).fields;
        QCOMPARE(v.value("page").toInt(), i + 1);
        QCOMPARE(v.value("duration_ms").toInteger(), durations.at(i));
        QCOMPARE(v.value("material_id").toString(), f.material);
        QCOMPARE(v.value("material_version").toInt(), 3);
        QCOMPARE(v.value("mode").toString(), QStringLiteral("in_call"));
        QCOMPARE(v.value("territory_id").toString(), kTerritory);
        QCOMPARE(v.value("rep_id").toString(), f.rep);
        // Consent is not required by default and was never withdrawn: the views name the HCP.
        QCOMPARE(v.value("hcp_id").toString(), f.hcp);
        QCOMPARE(v.value("visit_id").toString(), f.visit);
    }
    QCOMPARE(views.at(0).fields.value("started_at").toString(), QStringLiteral("2026-11-20T06:31:00.000Z"));
    QCOMPARE(views.at(1).fields.value("started_at").toString(), QStringLiteral("2026-11-20T06:31:04.200Z"));
    QVERIFY(
        views.at(0).fields.value("reaction").isNull() || views.at(0).fields.value("reaction").isUndefined());
    QCOMPARE(views.at(1).fields.value("reaction").toString(), QStringLiteral("positive"));
}

void TestContentViews::threshold_data()
{
    QTest::addColumn<qint64>("duration");
    QTest::addColumn<QString>("reaction");
    QTest::addColumn<bool>("counts");
    const qint64 limit = protocol::content::ViewedAfterMs;
    QTest::newRow("below, no reaction") << limit - 1 << QString() << false;
    QTest::newRow("at, no reaction") << limit << QString() << true;
    QTest::newRow("above, no reaction") << limit + 1 << QString() << true;
    QTest::newRow("zero, no reaction") << qint64(0) << QString() << false;
    QTest::newRow("below, reaction") << limit - 1 << QStringLiteral("neutral") << true;
    QTest::newRow("zero, negative") << qint64(0) << QStringLiteral("negative") << true;
}

// Every view is recorded with its duration; only those at 2 s or with a reaction propose a detail.
void TestContentViews::threshold()
{
    QFETCH(qint64, duration);
    QFETCH(QString, reaction);
    QFETCH(bool, counts);
    Fixture f;
    QVERIFY(f.open());
    ManualClock clock;
    {
        ContentViewRecorder rec(&f.store, f.inCall());
        rec.setClock(clock.fn());
        rec.pageShown(f.material, 3, 2);
        if (!reaction.isEmpty())
            rec.setReaction(reaction);
        clock.advance(duration);
        rec.finish();
    }
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 1);
    QCOMPARE(views.first().fields.value("duration_ms").toInteger(), duration);
    QList<ProposedDetail> proposed;
    QString error;
    QVERIFY2(ContentViews::proposedDetails(&f.store, f.visit, &proposed, &error), qPrintable(error));
    // Page 2 carries "Fewer oedemas"; the whole material "Once daily".
    QCOMPARE(proposed.size(), counts ? 2 : 0);
}

void TestContentViews::consent_data()
{
    QTest::addColumn<bool>("required");
    QTest::addColumn<QString>("status"); // of the activity_tracking consent, or empty: none
    QTest::addColumn<bool>("named");
    QTest::newRow("not required, none") << false << QString() << true;
    QTest::newRow("not required, granted") << false << QStringLiteral("granted") << true;
    QTest::newRow("not required, withdrawn") << false << QStringLiteral("withdrawn") << false;
    QTest::newRow("required, none") << true << QString() << false;
    QTest::newRow("required, granted") << true << QStringLiteral("granted") << true;
    QTest::newRow("required, withdrawn") << true << QStringLiteral("withdrawn") << false;
}

// consent::trackingAllowed decides before a view names the HCP: without it, neither hcp_id nor visit_id.
void TestContentViews::consent()
{
    QFETCH(bool, required);
    QFETCH(QString, status);
    QFETCH(bool, named);
    Fixture f;
    QVERIFY(f.open());
    if (required)
        QVERIFY(f.requireConsent());
    if (!status.isEmpty())
        QVERIFY(f.addConsent(status, QStringLiteral("2026-10-01T00:00:00.000Z")));
    ManualClock clock;
    {
        ContentViewRecorder rec(&f.store, f.inCall());
        rec.setClock(clock.fn());
        QCOMPARE(rec.isAnonymous(), !named);
        rec.pageShown(f.material, 3, 1);
        clock.advance(3000);
    } // the destructor ends the page and writes it
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 1);
    const QJsonObject v = views.first().fields;
    QCOMPARE(v.value("hcp_id").toString(), named ? f.hcp : QString());
    QCOMPARE(v.value("visit_id").toString(), named ? f.visit : QString());
    QCOMPARE(v.value("duration_ms").toInteger(), 3000);
}

void TestContentViews::previewNamesNobody()
{
    Fixture f;
    QVERIFY(f.open());
    ContentViewContext c = f.inCall();
    c.mode = QStringLiteral("preview");
    c.visitId.clear();
    c.hcpId.clear();
    ManualClock clock;
    {
        ContentViewRecorder rec(&f.store, c);
        rec.setClock(clock.fn());
        rec.pageShown(f.material, 3, 4);
        clock.advance(2500);
    }
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 1);
    QCOMPARE(views.first().fields.value("mode").toString(), QStringLiteral("preview"));
    QVERIFY(views.first().fields.value("hcp_id").toString().isEmpty());
    QVERIFY(views.first().fields.value("visit_id").toString().isEmpty());
}

// The page on screen when the recorder goes away (presenter closed, application quitting) is written.
void TestContentViews::nothingLostWhenClosed()
{
    Fixture f;
    QVERIFY(f.open());
    ManualClock clock;
    auto *rec = new ContentViewRecorder(&f.store, f.inCall());
    rec->setClock(clock.fn());
    rec->setWriteDelay(60 * 1000); // nothing would be written by the timer during this test
    rec->pageShown(f.material, 3, 1);
    clock.advance(1000);
    rec->pageShown(f.material, 3, 2);
    clock.advance(1500);
    QCOMPARE(f.views().size(), 0); // still queued
    delete rec;
    const QList<protocol::Record> views = f.views();
    QCOMPARE(views.size(), 2);
    QCOMPARE(views.at(1).fields.value("duration_ms").toInteger(), 1500);
}

// A page turn only queues; the write comes a moment later, every queued view in one transaction. The
// cost of one write is printed (docs/performance.md) and must stay far below a frame.
void TestContentViews::writesAreDeferredAndCheap()
{
    Fixture f;
    QVERIFY(f.open());
    ContentViewRecorder rec(&f.store, f.inCall());
    rec.setWriteDelay(0);
    QSignalSpy written(&rec, &ContentViewRecorder::viewsWritten);
    QElapsedTimer turn;
    qint64 worstTurnUs = 0;
    for (int page = 1; page <= 4; ++page) {
        turn.start();
        rec.pageShown(f.material, 3, page);
        worstTurnUs = qMax(worstTurnUs, turn.nsecsElapsed() / 1000);
    }
    QCOMPARE(f.views().size(), 0); // nothing written during the page turns
    QVERIFY(written.wait(2000));
    QCOMPARE(written.first().first().toStringList().size(), 3);
    QCOMPARE(f.views().size(), 3);
    // One view per write, as when the rep pauses on each page.
    QList<qint64> single;
    for (int i = 0; i < 20; ++i) {
        rec.pageShown(f.material, 3, 1 + i % 4);
        QVERIFY(rec.flush());
        if (i > 0)
            single << rec.lastWriteMicros();
    }
    std::sort(single.begin(), single.end());
    const qint64 median = single.at(single.size() / 2);
    qInfo("page turn (queue only): worst %lld us; one view written: median %lld us, worst %lld us",
        worstTurnUs, median, single.last());
    QVERIFY2(worstTurnUs < 5000, "a page turn does not write");
    QVERIFY2(median < 50000, "a write of one view stays well under a frame budget");
}

// The store refusing a view (here: no territory, a required field) keeps it queued with the reason.
void TestContentViews::refusedWriteKeepsTheViews()
{
    Fixture f;
    QVERIFY(f.open());
    ContentViewContext c = f.inCall();
    c.territoryId.clear();
    ManualClock clock;
    ContentViewRecorder rec(&f.store, c);
    rec.setClock(clock.fn());
    QSignalSpy failed(&rec, &ContentViewRecorder::writeFailed);
    rec.pageShown(f.material, 3, 1);
    clock.advance(2000);
    rec.finish();
    QString error;
    QVERIFY(!rec.flush(&error));
    QVERIFY2(error.contains(QLatin1String("territory_id")), qPrintable(error));
    QCOMPARE(failed.count(), 1);
    QCOMPARE(rec.queuedCount(), 1);
    QCOMPARE(f.views().size(), 0);
}

void TestContentViews::proposedDetails()
{
    Fixture f;
    QVERIFY(f.open());
    ManualClock clock;
    {
        ContentViewRecorder rec(&f.store, f.inCall());
        rec.setClock(clock.fn());
        rec.pageShown(f.material, 3, 3); // Elderly data, viewed
        clock.advance(2500);
        rec.pageShown(f.material, 3, 4); // Renal, too short: not proposed
        clock.advance(300);
        rec.pageShown(f.material, 3, 2); // Fewer oedemas, reacted to quickly
        rec.setReaction(QStringLiteral("positive"));
        clock.advance(500);
        rec.pageShown(f.material, 3, 3); // Elderly data again, a negative reaction
        rec.setReaction(QStringLiteral("negative"));
        clock.advance(2000);
        rec.finish();
    }
    QList<ProposedDetail> proposed;
    QString error;
    QVERIFY2(ContentViews::proposedDetails(&f.store, f.visit, &proposed, &error), qPrintable(error));
    QStringList texts;
    for (const ProposedDetail &d : std::as_const(proposed))
        texts << d.keyMessageText + QLatin1Char('=') + d.reaction;
    // First shown first: the whole material's message and page 3's (both with page 3's first view), then
    // page 2's; the whole material's message takes the last strong reaction given on any page.
    QCOMPARE(texts,
        QStringList({QStringLiteral("Once daily=negative"), QStringLiteral("Elderly data=negative"),
            QStringLiteral("Fewer oedemas=positive")}));
    QCOMPARE(proposed.at(1).keyMessageId, f.message.value(QStringLiteral("Elderly data")));
    QCOMPARE(proposed.at(1).productId, f.product);
    QCOMPARE(proposed.at(1).page, 3);
    QCOMPARE(proposed.at(0).page, 0);
    QCOMPARE(proposed.at(1).materialId, f.material);
    QVERIFY(ContentViews::proposedDetails(&f.store, protocol::newUuid(), &proposed, &error));
    QVERIFY(proposed.isEmpty());
}

void TestContentViews::proposedReaction_data()
{
    QTest::addColumn<QStringList>("reactions"); // given on page 2's successive views ("" for none)
    QTest::addColumn<QString>("expected");
    QTest::newRow("none") << QStringList {QString()} << QStringLiteral("neutral");
    QTest::newRow("neutral") << QStringList {QStringLiteral("neutral")} << QStringLiteral("neutral");
    QTest::newRow("positive then none")
        << QStringList {QStringLiteral("positive"), QString()} << QStringLiteral("positive");
    QTest::newRow("positive then neutral")
        << QStringList {QStringLiteral("positive"), QStringLiteral("neutral")} << QStringLiteral("positive");
    QTest::newRow("negative then positive")
        << QStringList {QStringLiteral("negative"), QStringLiteral("positive")} << QStringLiteral("positive");
    QTest::newRow("positive then negative")
        << QStringList {QStringLiteral("positive"), QStringLiteral("negative")} << QStringLiteral("negative");
}

void TestContentViews::proposedReaction()
{
    QFETCH(QStringList, reactions);
    QFETCH(QString, expected);
    Fixture f;
    QVERIFY(f.open());
    ManualClock clock;
    {
        ContentViewRecorder rec(&f.store, f.inCall());
        rec.setClock(clock.fn());
        for (const QString &r : std::as_const(reactions)) {
            rec.pageShown(f.material, 3, 2);
            if (!r.isEmpty())
                rec.setReaction(r);
            clock.advance(2000);
        }
    }
    QList<ProposedDetail> proposed;
    QString error;
    QVERIFY2(ContentViews::proposedDetails(&f.store, f.visit, &proposed, &error), qPrintable(error));
    QCOMPARE(proposed.size(), 2);
    QCOMPARE(proposed.at(1).keyMessageText, QStringLiteral("Fewer oedemas"));
    QCOMPARE(proposed.at(1).reaction, expected);
}

QTEST_GUILESS_MAIN(TestContentViews)
#include "tst_contentviews.moc"
