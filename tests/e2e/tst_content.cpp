#include "common/protocol/content.h"
#include "common/protocol/files.h"
#include "models/contentkpis.h"
#include "models/contentviews.h"
#include "models/library.h"
#include "models/localfiles.h"
#include "models/materialqueries.h"
#include "sync/downloadqueue.h"
#include "syncclient.h"

#include <QDir>
#include <QFile>
#include <QPainter>
#include <QPdfWriter>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// Issue 21, "done when": approved content end to end against a real rounds-server. An admin publishes a
// material from the Library's write path; a rep's laptop downloads it, goes offline, presents it in a
// visit; the page views and the proposed detail sync; the manager's content KPIs and the HCP's content
// history show them; the material expires and cannot be presented offline afterwards, not even with the
// clock set back, and the server refuses a view recorded after the expiry.
class TestContentE2e : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void publishPresentMeasureExpire();

private:
    QString writePdf(int pages);

    QTemporaryDir m_dir;
    ServerProcess m_server;
};

void TestContentE2e::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.createDemo(40, 60, 7));
    QVERIFY(m_server.start());
}

QString TestContentE2e::writePdf(int pages)
{
    const QString path = m_dir.filePath(QStringLiteral("e2e-material.pdf"));
    QPdfWriter pdf(path);
    pdf.setCreator(QStringLiteral("Rounds e2e"));
    QPainter p(&pdf);
    for (int i = 1; i <= pages; ++i) {
        if (i > 1)
            pdf.newPage();
        p.drawText(QRect(0, 0, pdf.width(), pdf.height() / 4), Qt::AlignCenter,
            QStringLiteral("E2E 资料 · page %1").arg(i));
    }
    p.end();
    return path;
}

void TestContentE2e::publishPresentMeasureExpire()
{
    const QString url = m_server.url().toString();
    SyncClient admin;
    SyncClient rep;
    SyncClient manager;
    // Each laptop has a folder of its own: files/ and evidence/ sit beside its database.
    for (const char *laptop : {"admin", "rep", "manager"})
        QVERIFY(QDir(m_dir.path()).mkpath(QString::fromLatin1(laptop)));
    QVERIFY(admin.signIn(m_server, url, m_dir.filePath(QStringLiteral("admin")), QStringLiteral("admin")));
    QVERIFY(rep.signIn(m_server, url, m_dir.filePath(QStringLiteral("rep")), QStringLiteral("rep.sh01")));
    QVERIFY(manager.signIn(
        m_server, url, m_dir.filePath(QStringLiteral("manager")), QStringLiteral("manager.sh")));
    for (SyncClient *c : {&admin, &rep, &manager})
        QVERIFY2(c->sync().ok, qPrintable(c->user));

    // 1. The admin publishes: a new material with a key message on page 2, approved, valid until tomorrow.
    QList<library::ProductRow> products;
    QString error;
    QVERIFY2(library::products(admin.store.get(), &products, &error), qPrintable(error));
    QVERIFY(!products.isEmpty());
    const QString pdfPath = writePdf(3);
    library::MaterialDraft draft;
    draft.sourceFile = pdfPath;
    draft.kind = QStringLiteral("pdf");
    draft.pageCount = 3;
    draft.fileSize = QFileInfo(pdfPath).size();
    draft.title = QStringLiteral("E2E 心衰指南要点");
    draft.productId = products.first().id;
    draft.approvalCode = QStringLiteral("E2E-2026-001");
    const QDate today = QDate::currentDate();
    draft.validFrom = today.addDays(-1);
    draft.validTo = today.addDays(1);
    draft.keyMessages
        = {library::KeyMessageLink {2, {}, QStringLiteral("E2E key message: fewer readmissions")}};
    const library::Result created = library::createMaterial(admin.store.get(), draft);
    QVERIFY2(created.ok, qPrintable(created.error));
    const library::Result approved = library::approve(admin.store.get(), created.id);
    QVERIFY2(approved.ok, qPrintable(approved.error));
    const SyncSummary published = admin.sync();
    QVERIFY2(published.ok, qPrintable(published.error.message));
    QCOMPARE(published.rejected, 0);

    // 2. The rep's laptop pulls it and downloads the file in the background runner.
    QVERIFY(rep.sync().ok);
    MaterialItem item;
    QVERIFY2(MaterialQueries::byId(rep.store.get(), created.id, today, &item, &error), qPrintable(error));
    QVERIFY(item.presentable());
    QVERIFY(item.localPath.isEmpty());
    DownloadRunner runner(*rep.store, *rep.api);
    runner.run();
    QVERIFY2(MaterialQueries::byId(rep.store.get(), created.id, today, &item, &error), qPrintable(error));
    QVERIFY2(!item.localPath.isEmpty(), "the material's file was not downloaded");
    QFile original(pdfPath);
    QFile downloaded(item.localPath);
    QVERIFY(original.open(QIODevice::ReadOnly) && downloaded.open(QIODevice::ReadOnly));
    QCOMPARE(downloaded.readAll(), original.readAll());

    // 3. Offline: a visit to an HCP who allows activity tracking, the material presented page by page.
    rep.online = false;
    QString hcp;
    QString visitId;
    const QString territory = rep.territories.value(0);
    QVERIFY(!territory.isEmpty());
    for (const QString &candidate : rep.ids(QStringLiteral("hcp"), QStringLiteral("status = 'active'"))) {
        const WriteResult v = rep.store->create(QStringLiteral("visit"),
            QJsonObject {{QStringLiteral("territory_id"), territory}, {QStringLiteral("hcp_id"), candidate},
                {QStringLiteral("rep_id"), rep.userId},
                {QStringLiteral("visited_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate)},
                {QStringLiteral("duration_min"), 20}});
        QVERIFY2(v.ok, qPrintable(v.error));
        ContentViewRecorder probe(rep.store.get(),
            ContentViewContext {QStringLiteral("in_call"), v.id, candidate, territory, rep.userId});
        if (!probe.isAnonymous()) {
            hcp = candidate;
            visitId = v.id;
            break;
        }
        QVERIFY(rep.store->remove(QStringLiteral("visit"), v.id).ok);
    }
    QVERIFY2(!hcp.isEmpty(), "no HCP of SH-01 allows activity tracking");
    QDateTime clock = QDateTime::currentDateTimeUtc();
    {
        ContentViewRecorder recorder(rep.store.get(),
            ContentViewContext {QStringLiteral("in_call"), visitId, hcp, territory, rep.userId});
        recorder.setClock([&clock] { return clock; });
        recorder.pageShown(created.id, 1, 1);
        clock = clock.addMSecs(3000);
        recorder.pageShown(created.id, 1, 2);
        QVERIFY(recorder.setReaction(QStringLiteral("positive")));
        clock = clock.addMSecs(6500);
        recorder.pageShown(created.id, 1, 3);
        clock = clock.addMSecs(1200); // under 2 s, no reaction: recorded, not counted as viewed
        recorder.finish();
        QVERIFY2(recorder.flush(&error), qPrintable(error));
        QCOMPARE(recorder.writtenCount(), 3);
    }
    QList<ProposedDetail> proposed;
    QVERIFY2(ContentViews::proposedDetails(rep.store.get(), visitId, &proposed, &error), qPrintable(error));
    QCOMPARE(proposed.size(), 1);
    QCOMPARE(proposed.first().keyMessageText, QStringLiteral("E2E key message: fewer readmissions"));
    QCOMPARE(proposed.first().reaction, QStringLiteral("positive"));
    QVERIFY(rep.store
                ->create(QStringLiteral("visit_detail"),
                    QJsonObject {{QStringLiteral("visit_id"), visitId},
                        {QStringLiteral("product_id"), proposed.first().productId},
                        {QStringLiteral("key_message_id"), proposed.first().keyMessageId},
                        {QStringLiteral("reaction"), proposed.first().reaction}})
                .ok);
    QVERIFY(rep.store
                ->update(QStringLiteral("visit"), visitId,
                    {{QStringLiteral("status"), QStringLiteral("submitted")}})
                .ok);

    // 4. Back online: everything syncs, nothing is refused.
    rep.online = true;
    const SyncSummary sent = rep.sync();
    QVERIFY2(sent.ok, qPrintable(sent.error.message));
    QCOMPARE(sent.rejected, 0);
    QCOMPARE(rep.store->pendingCount(), 0);

    // 5. The manager sees them: the material's views in the content KPIs, the showing in the HCP's history.
    QVERIFY(manager.sync().ok);
    QCOMPARE(
        manager.ids(QStringLiteral("content_view"), QStringLiteral("visit_id = '%1'").arg(visitId)).size(),
        3);
    ContentKpis kpis;
    const KpiPeriod month = KpiPeriod::month(today.year(), today.month());
    QVERIFY2(ContentKpiQueries::compute(manager.store.get(), month, KpiScope {}, &kpis, &error),
        qPrintable(error));
    const auto row = std::find_if(kpis.materials.cbegin(), kpis.materials.cend(),
        [&](const ContentKpiRow &r) { return r.key == created.id; });
    QVERIFY2(row != kpis.materials.cend(), "the manager's content KPIs miss the material");
    QCOMPARE(row->views, 3);
    QCOMPARE(row->viewedPages, 2);
    QCOMPARE(row->reactions.positive, 1);
    QVERIFY(kpis.callsWithContent >= 1);
    QList<ContentShowing> history;
    QVERIFY2(ContentKpiQueries::hcpHistory(manager.store.get(), hcp, &history, &error), qPrintable(error));
    QVERIFY(std::any_of(history.cbegin(), history.cend(), [&](const ContentShowing &s) {
        return s.visitId == visitId && s.materialId == created.id && s.pagesViewed == 2;
    }));

    // 6. The material expires: two days on, it is not presentable offline, and setting the clock back
    //    to today does not bring it back (the laptop has seen the later time).
    rep.online = false;
    const QDateTime later
        = MaterialQueries::trustedNow(rep.store.get(), QDateTime::currentDateTimeUtc().addDays(2));
    QList<MaterialItem> presentable;
    QVERIFY(
        MaterialQueries::presentable(rep.store.get(), {}, later.toLocalTime().date(), &presentable, &error));
    QVERIFY(std::none_of(
        presentable.cbegin(), presentable.cend(), [&](const MaterialItem &m) { return m.id == created.id; }));
    const QDateTime setBack = MaterialQueries::trustedNow(rep.store.get(), QDateTime::currentDateTimeUtc());
    QVERIFY(setBack >= later);
    QVERIFY(MaterialQueries::byId(rep.store.get(), created.id, setBack.toLocalTime().date(), &item, &error));
    QCOMPARE(item.availability, protocol::content::Availability::Expired);

    // 7. A view recorded after the expiry (a laptop whose check was bypassed) is refused by the server.
    rep.online = true;
    const WriteResult late = rep.store->create(QStringLiteral("content_view"),
        QJsonObject {{QStringLiteral("territory_id"), territory}, {QStringLiteral("rep_id"), rep.userId},
            {QStringLiteral("material_id"), created.id}, {QStringLiteral("material_version"), 1},
            {QStringLiteral("page"), 1},
            {QStringLiteral("started_at"), QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODate)},
            {QStringLiteral("duration_ms"), 4000}, {QStringLiteral("mode"), QStringLiteral("preview")}});
    QVERIFY2(late.ok, qPrintable(late.error));
    const SyncSummary refused = rep.sync();
    QVERIFY(refused.ok);
    QCOMPARE(refused.rejected, 1);
    bool sawCode = false;
    for (const OutboxMutation &m : rep.store->outbox())
        sawCode = sawCode || m.errorCode == QLatin1String(protocol::ErrorCode::MaterialUnavailable);
    QVERIFY(sawCode);
}

QTEST_MAIN(TestContentE2e)
#include "tst_content.moc"
