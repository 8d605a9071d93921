// The demo page views (server/democontent.h) on a real SQLite data folder with the real demo: nothing
// without materials; with materials, views of submitted face-to-face visits of their products with dwell
// times and reactions as documented; anonymous exactly when the HCP had withdrawn tracking; every view
// passes the server's own check (content::checkView); the same seed gives the same views.
#include "common/protocol/consent.h"
#include "common/protocol/content.h"
#include "common/protocol/values.h"
#include "server/consentrules.h"
#include "server/demo.h"
#include "server/democontent.h"
#include "server/storagefactory.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::server;

class TestDemoContent : public QObject
{
    Q_OBJECT
private slots:
    void noMaterialsNoViews();
    void viewsFollowVisitsProductsAndConsent();
    void sameSeedSameViews();
    void timingAtDemoSize();

private:
    std::unique_ptr<Storage> demo(QTemporaryDir &dir, bool withMaterials, int hcps = 300, int visits = 1500);
    static QList<StoredRecord> views(Storage &storage);
};

std::unique_ptr<Storage> TestDemoContent::demo(QTemporaryDir &dir, bool withMaterials, int hcps, int visits)
{
    QString error;
    std::unique_ptr<Storage> s = openStorage(dir.path(), true, &error);
    if (!s) {
        qWarning() << error;
        return s;
    }
    DemoOptions o;
    o.hcps = hcps;
    o.visits = visits;
    o.seed = 7;
    DemoSummary summary;
    if (!createDemo(*s, o, &summary, &error)) {
        qWarning() << error;
        return {};
    }
    if (!withMaterials)
        return s;
    // Two approved materials of each of the first two products (one ends before the demo's year), a
    // draft and a withdrawn one: made here as the demo's material step would.
    s->write(
        [](StoreWriter &w) {
            QList<StoredRecord> products = w.all(QStringLiteral("product"));
            std::sort(products.begin(), products.end(),
                [](const StoredRecord &a, const StoredRecord &b) { return a.record.id < b.record.id; });
            const auto material = [&w](const QString &id, const QString &product, const char *status,
                                      int pages, const QJsonValue &validTo) {
                const QJsonObject f {{"title", QStringLiteral("资料 %1").arg(id)}, {"product_id", product},
                    {"kind", "pdf"}, {"language", "zh_CN"}, {"material_version", 2}, {"status", status},
                    {"valid_from", "2020-01-01"}, {"valid_to", validTo},
                    {"file", QStringLiteral("sha256:%1:a.pdf").arg(QString(64, u'a'))},
                    {"page_count", pages}};
                StoredRecord r {QStringLiteral("material"),
                    protocol::Record {id, 1, protocol::nowUtc(), {}, f, {}}, false};
                w.putRecord(r);
                w.setBuckets(r.entity, id, {QStringLiteral("global")});
            };
            material(QStringLiteral("m-a1"), products.at(0).record.id, "approved", 8, QJsonValue());
            material(QStringLiteral("m-a2"), products.at(0).record.id, "approved", 0, QJsonValue());
            material(QStringLiteral("m-b1"), products.at(1).record.id, "approved", 4,
                "2020-12-31"); // long expired
            material(QStringLiteral("m-b2"), products.at(1).record.id, "draft", 4, QJsonValue());
            material(QStringLiteral("m-b3"), products.at(1).record.id, "withdrawn", 4, QJsonValue());
            // Every fifth HCP withdraws activity tracking now: their views are anonymous.
            QList<StoredRecord> hcps = w.all(QStringLiteral("hcp"));
            std::sort(hcps.begin(), hcps.end(),
                [](const StoredRecord &a, const StoredRecord &b) { return a.record.id < b.record.id; });
            for (qsizetype i = 0; i < hcps.size(); i += 5) {
                const QJsonObject f {{"hcp_id", hcps.at(i).record.id}, {"channel", "activity_tracking"},
                    {"product_id", QJsonValue()}, {"status", "withdrawn"},
                    {"captured_at", protocol::nowUtc()}, {"source", "verbal"}};
                w.putRecord(StoredRecord {QStringLiteral("consent"),
                    protocol::Record {QStringLiteral("w-%1").arg(i), 1, protocol::nowUtc(), {}, f, {}},
                    false});
            }
            return true;
        },
        nullptr);
    return s;
}

QList<StoredRecord> TestDemoContent::views(Storage &storage)
{
    QList<StoredRecord> out;
    storage.read([&out](StoreReader &r) { out = r.all(QStringLiteral("content_view")); }, nullptr);
    std::sort(out.begin(), out.end(),
        [](const StoredRecord &a, const StoredRecord &b) { return a.record.id < b.record.id; });
    return out;
}

void TestDemoContent::noMaterialsNoViews()
{
    QTemporaryDir dir;
    auto storage = demo(dir, false);
    QVERIFY(storage);
    ContentDemoSummary summary;
    QString error;
    QVERIFY2(addContentViews(*storage, {}, &summary, &error), qPrintable(error));
    QCOMPARE(summary.views, 0);
    QCOMPARE(summary.materials, 0);
    QVERIFY(views(*storage).isEmpty());
}

void TestDemoContent::viewsFollowVisitsProductsAndConsent()
{
    QTemporaryDir dir;
    auto storage = demo(dir, true);
    QVERIFY(storage);
    ContentDemoSummary summary;
    QString error;
    QElapsedTimer timer;
    timer.start();
    QVERIFY2(addContentViews(*storage, {}, &summary, &error), qPrintable(error));
    qInfo() << "addContentViews:" << summary.views << "views for" << summary.visits << "visits in"
            << timer.elapsed() << "ms";
    QCOMPARE(summary.materials, 3); // the approved ones; m-b1 is approved but expired for every visit
    const QList<StoredRecord> all = views(*storage);
    QCOMPARE(all.size(), summary.views);
    QVERIFY(summary.views > 200);
    QVERIFY(summary.anonymousViews > 0);

    int glances = 0;
    int reacted = 0;
    QSet<QString> visitsSeen;
    storage->read(
        [&](StoreReader &r) {
            const protocol::consent::Rules rules = consentrules::rules(r);
            for (const StoredRecord &v : all) {
                const QJsonObject &f = v.record.fields;
                const QString material = f.value("material_id").toString();
                QVERIFY2(material == QLatin1String("m-a1") || material == QLatin1String("m-a2"),
                    qPrintable(material));
                const auto m = r.record(QStringLiteral("material"), material);
                QVERIFY(m);
                // The server would accept it as pushed.
                const auto refusal = protocol::content::checkView(
                    f, m->record.fields, QDateTime::fromString(m->record.updatedAt, Qt::ISODate));
                QVERIFY2(!refusal, qPrintable(refusal ? refusal->reason : QString()));
                const qint64 ms = f.value("duration_ms").toInteger();
                QVERIFY(ms >= 1000 && ms <= 40000);
                glances += ms < protocol::content::ViewedAfterMs;
                reacted += !f.value("reaction").isNull();
                QCOMPARE(f.value("mode").toString(), QStringLiteral("in_call"));
                QVERIFY(f.value("page").toInt() >= 1);
                QVERIFY(f.value("page").toInt() <= (material == QLatin1String("m-a1") ? 8 : 6));
                const bool anonymous = f.value("hcp_id").isNull();
                QCOMPARE(f.value("visit_id").isNull(), anonymous);
                if (anonymous)
                    continue;
                // A tracked view names its visit: submitted, face to face, of that product, same rep.
                const auto visit = r.record(QStringLiteral("visit"), f.value("visit_id").toString());
                QVERIFY(visit);
                QCOMPARE(visit->record.fields.value("status").toString(), QStringLiteral("submitted"));
                QCOMPARE(visit->record.fields.value("channel").toString(), QStringLiteral("face_to_face"));
                QCOMPARE(visit->record.fields.value("rep_id"), f.value("rep_id"));
                QCOMPARE(visit->record.fields.value("territory_id"), f.value("territory_id"));
                QCOMPARE(visit->record.fields.value("hcp_id"), f.value("hcp_id"));
                const QString hcp = f.value("hcp_id").toString();
                QVERIFY(protocol::consent::trackingAllowed(consentrules::records(r, hcp), hcp,
                    QDateTime::fromString(f.value("started_at").toString(), Qt::ISODate), rules));
                visitsSeen.insert(visit->record.id);
                QVERIFY(r.buckets(QStringLiteral("content_view"), v.record.id)
                            .contains(QStringLiteral("t:") + f.value("territory_id").toString()));
            }
        },
        nullptr);
    // Some glances under 2 s, and reactions on some pages, not all.
    QVERIFY2(glances > all.size() / 20 && glances < all.size() / 3, qPrintable(QString::number(glances)));
    QVERIFY2(reacted > all.size() / 10 && reacted < all.size() / 2, qPrintable(QString::number(reacted)));
    QVERIFY(visitsSeen.size() > 10);
}

void TestDemoContent::sameSeedSameViews()
{
    QTemporaryDir a;
    QTemporaryDir b;
    auto sa = demo(a, true);
    auto sb = demo(b, true);
    QVERIFY(sa && sb);
    QVERIFY(addContentViews(*sa, {}, nullptr, nullptr));
    QVERIFY(addContentViews(*sb, {}, nullptr, nullptr));
    const QList<StoredRecord> va = views(*sa);
    const QList<StoredRecord> vb = views(*sb);
    QCOMPARE(va.size(), vb.size());
    QVERIFY(!va.isEmpty());
    for (qsizetype i = 0; i < va.size(); ++i) {
        QCOMPARE(va.at(i).record.id, vb.at(i).record.id);
        QCOMPARE(va.at(i).record.fields, vb.at(i).record.fields);
    }
    // Another seed: other ids, another choice of visits.
    ContentDemoOptions other;
    other.seed = 8;
    QTemporaryDir d;
    auto sd = demo(d, true);
    QVERIFY(addContentViews(*sd, other, nullptr, nullptr));
    QVERIFY(views(*sd).first().record.id != va.first().record.id);
}

// `rounds-server demo`'s default size (2000 HCPs, 20,000 visits) with four materials: how long the demo
// takes, and how much the page views add (docs/performance.md). Only with ROUNDS_DEMO_TIMING=1.
void TestDemoContent::timingAtDemoSize()
{
    if (qEnvironmentVariableIntValue("ROUNDS_DEMO_TIMING") != 1)
        QSKIP("ROUNDS_DEMO_TIMING=1 measures the demo at its default size");
    QTemporaryDir dir;
    QElapsedTimer t;
    t.start();
    auto storage = demo(dir, true, 2000, 20000);
    QVERIFY(storage);
    const qint64 demoMs = t.elapsed();
    t.restart();
    ContentDemoSummary summary;
    QVERIFY(addContentViews(*storage, {}, &summary, nullptr));
    qInfo().noquote() << QStringLiteral(
        "demo (2000 HCPs, 20000 visits, materials): %1 ms; page views: %2 views "
        "(%3 anonymous) for %4 visits in %5 ms")
                             .arg(demoMs)
                             .arg(summary.views)
                             .arg(summary.anonymousViews)
                             .arg(summary.visits)
                             .arg(t.elapsed());
}

QTEST_GUILESS_MAIN(TestDemoContent)
#include "tst_democontent.moc"
