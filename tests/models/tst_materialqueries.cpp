// MaterialQueries (models/materialqueries.h, docs/content.md "Offline expiry"): what a laptop may
// present, judged offline on its own clock but never on a time earlier than the latest it has seen, so an
// expired material stays expired when the clock is set back; withdrawn and draft materials never are.

#include "common/protocol/pulledchange.h"
#include "models/materialqueries.h"
#include "models/store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using protocol::content::Availability;

namespace {

const QString kProduct = QStringLiteral("11111111-1111-4111-8111-111111111111");

PulledChange upsert(const QString &entity, const QJsonObject &record, qint64 seq)
{
    PulledChange c;
    c.bucket = QStringLiteral("global");
    c.seq = seq;
    c.entity = entity;
    c.id = record.value(QStringLiteral("id")).toString();
    c.record = record;
    return c;
}

QString uuid(int n)
{
    return QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-%1").arg(n, 12, 10, QLatin1Char('0'));
}

} // namespace

class TestMaterialQueries : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void presentableOnValidToNotAfter_data();
    void presentableOnValidToNotAfter();
    void validFromBounds();
    void clockSetBackAfterLaterServerTime();
    void clockSetBackAfterLaterLocalTime();
    void withdrawnAndDraftNeverPresentable();
    void keyMessagesByPage();

private:
    // A material pulled from the server, last changed at `updatedAt`.
    void pullMaterial(int n, const QJsonObject &fields, const QDateTime &updatedAt);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_seq = 1;
};

void TestMaterialQueries::init()
{
    m_store = std::make_unique<Store>();
    QVERIFY(m_store
                ->open(m_dir.filePath(QStringLiteral("rounds-%1.db").arg(QTest::currentTestFunction())
                    + QString::fromLatin1(QTest::currentDataTag())))
                .ok);
    const QJsonObject product {{"id", kProduct}, {"version", 1}, {"updated_at", "2026-01-01T00:00:00Z"},
        {"name", "心安宁"}, {"active", true}};
    QVERIFY(m_store->applyPage({upsert("product", product, m_seq)}, {{"global", m_seq}}).ok);
    ++m_seq;
}

void TestMaterialQueries::cleanup()
{
    m_store.reset();
}

void TestMaterialQueries::pullMaterial(int n, const QJsonObject &fields, const QDateTime &updatedAt)
{
    QJsonObject r {{"id", uuid(n)}, {"version", 1}, {"updated_at", updatedAt.toUTC().toString(Qt::ISODate)},
        {"title", QStringLiteral("Material %1").arg(n)}, {"product_id", kProduct}, {"kind", "pdf"},
        {"language", "zh_CN"}, {"status", "approved"},
        {"file", QStringLiteral("sha256:%1:m.pdf").arg(QString(64, QLatin1Char('a')))}};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        r.insert(it.key(), it.value());
    const ApplyResult result = m_store->applyPage({upsert("material", r, m_seq)}, {{"global", m_seq}});
    QVERIFY2(result.ok, qPrintable(result.error));
    ++m_seq;
}

void TestMaterialQueries::presentableOnValidToNotAfter_data()
{
    QTest::addColumn<int>("daysAfterValidTo");
    QTest::addColumn<bool>("presentable");
    QTest::newRow("below: the day before") << -1 << true;
    QTest::newRow("at: on valid_to") << 0 << true;
    QTest::newRow("above: the day after") << 1 << false;
}

void TestMaterialQueries::presentableOnValidToNotAfter()
{
    QFETCH(int, daysAfterValidTo);
    QFETCH(bool, presentable);
    const QDate to(2026, 6, 30);
    pullMaterial(1, {{"valid_from", "2026-01-01"}, {"valid_to", to.toString(Qt::ISODate)}},
        QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    const QDate day = to.addDays(daysAfterValidTo);
    MaterialItem m;
    QString error;
    QVERIFY2(MaterialQueries::byId(m_store.get(), uuid(1), day, &m, &error), qPrintable(error));
    QCOMPARE(m.presentable(), presentable);
    QCOMPARE(m.availability, presentable ? Availability::Presentable : Availability::Expired);
    QList<MaterialItem> list;
    QVERIFY(MaterialQueries::presentable(m_store.get(), {kProduct}, day, &list, &error));
    QCOMPARE(list.size(), presentable ? 1 : 0);
    // Judged at trustedNow when no day is given: a clock on the day after valid_to sees it expired.
    const QDateTime clock(to.addDays(daysAfterValidTo), QTime(12, 0), Qt::LocalTime);
    const QDate today = MaterialQueries::trustedNow(m_store.get(), clock.toUTC()).toLocalTime().date();
    QCOMPARE(today, clock.date());
}

void TestMaterialQueries::validFromBounds()
{
    pullMaterial(2, {{"valid_from", "2026-03-01"}, {"valid_to", "2026-12-31"}},
        QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    MaterialItem m;
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(2), QDate(2026, 2, 28), &m, nullptr));
    QCOMPARE(m.availability, Availability::NotYetValid);
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(2), QDate(2026, 3, 1), &m, nullptr));
    QCOMPARE(m.availability, Availability::Presentable);
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(2), QDate(2026, 3, 2), &m, nullptr));
    QCOMPARE(m.availability, Availability::Presentable);
}

// The laptop pulled a record changed on 10 July; its clock is then set back to 20 June. The trusted time
// stays at 10 July, so a material valid to 30 June is expired, not resurrected.
void TestMaterialQueries::clockSetBackAfterLaterServerTime()
{
    const QDateTime serverTime(QDate(2026, 7, 10), QTime(9, 0), Qt::UTC);
    pullMaterial(3, {{"valid_to", "2026-06-30"}}, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    pullMaterial(4, {{"valid_to", "2027-06-30"}}, serverTime); // any record the server changed on 10 July
    const QDateTime setBack(QDate(2026, 6, 20), QTime(9, 0), Qt::UTC);
    const QDateTime trusted = MaterialQueries::trustedNow(m_store.get(), setBack);
    QCOMPARE(trusted, serverTime);
    // The day the laptop judges on is the trusted one: 10 July, so only the material valid to 2027 shows.
    QList<MaterialItem> list;
    QString error;
    QVERIFY(MaterialQueries::presentable(m_store.get(), {}, trusted.date(), &list, &error));
    QStringList ids;
    for (const MaterialItem &m : list)
        ids << m.id;
    QCOMPARE(ids, QStringList {uuid(4)});
    // Judged on the computer's (set back) day instead, the expired one would have come back.
    QVERIFY(MaterialQueries::presentable(m_store.get(), {}, setBack.date(), &list, &error));
    QCOMPARE(list.size(), 2);
    // A clock ahead of everything seen is believed.
    const QDateTime ahead = serverTime.addDays(3);
    QCOMPARE(MaterialQueries::trustedNow(m_store.get(), ahead), ahead);
}

// No later server time, but the laptop itself saw a later time before: that is kept too.
void TestMaterialQueries::clockSetBackAfterLaterLocalTime()
{
    pullMaterial(5, {{"valid_to", "2026-06-30"}}, QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC));
    const QDateTime seen(QDate(2026, 7, 2), QTime(9, 0), Qt::UTC);
    QCOMPARE(MaterialQueries::trustedNow(m_store.get(), seen), seen);
    const QDateTime back(QDate(2026, 6, 1), QTime(9, 0), Qt::UTC);
    QCOMPARE(MaterialQueries::trustedNow(m_store.get(), back), seen);
    // Kept in the store: a restart (a new Store on the same file) still knows it.
    const QString path = m_store->path();
    m_store.reset();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(path).ok);
    const QDateTime trusted = MaterialQueries::trustedNow(m_store.get(), back);
    QCOMPARE(trusted, seen);
    QList<MaterialItem> list;
    QVERIFY(MaterialQueries::presentable(m_store.get(), {}, trusted.date(), &list, nullptr));
    QVERIFY(list.isEmpty());
}

void TestMaterialQueries::withdrawnAndDraftNeverPresentable()
{
    const QDateTime t(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
    pullMaterial(6, {{"status", "withdrawn"}}, t);
    pullMaterial(7, {{"status", "draft"}}, t);
    pullMaterial(8, {{"status", "expired"}, {"valid_to", "2030-01-01"}}, t);
    pullMaterial(9, {}, t); // approved, no dates: open
    for (const QDate &day : {QDate(2025, 1, 1), QDate(2026, 6, 1), QDate(2035, 1, 1)}) {
        QList<MaterialItem> list;
        QVERIFY(MaterialQueries::presentable(m_store.get(), {}, day, &list, nullptr));
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().id, uuid(9));
    }
    MaterialItem m;
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(6), QDate(2026, 6, 1), &m, nullptr));
    QCOMPARE(m.availability, Availability::Withdrawn);
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(7), QDate(2026, 6, 1), &m, nullptr));
    QCOMPARE(m.availability, Availability::Draft);
    QVERIFY(MaterialQueries::byId(m_store.get(), uuid(8), QDate(2026, 6, 1), &m, nullptr));
    QCOMPARE(m.availability, Availability::Expired);
}

void TestMaterialQueries::keyMessagesByPage()
{
    const QDateTime t(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC);
    pullMaterial(10, {}, t);
    const auto record = [&](const QString &id) {
        return QJsonObject {{"id", id}, {"version", 1}, {"updated_at", "2026-01-01T08:00:00Z"}};
    };
    QJsonObject k1 = record(uuid(20)), k2 = record(uuid(21));
    k1.insert("product_id", kProduct);
    k1.insert("text", "每日一次");
    k1.insert("active", true);
    k2.insert("product_id", kProduct);
    k2.insert("text", "24小时平稳控压");
    k2.insert("active", true);
    QJsonObject l1 = record(uuid(30)), l2 = record(uuid(31));
    l1.insert("material_id", uuid(10));
    l1.insert("key_message_id", uuid(20));
    l1.insert("page", 3);
    l2.insert("material_id", uuid(10));
    l2.insert("key_message_id", uuid(21));
    l2.insert("page", QJsonValue());
    QVERIFY(m_store
                ->applyPage({upsert("key_message", k1, m_seq), upsert("key_message", k2, m_seq + 1),
                                upsert("material_key_message", l1, m_seq + 2),
                                upsert("material_key_message", l2, m_seq + 3)},
                    {{"global", m_seq + 3}})
                .ok);
    QList<MaterialKeyMessage> messages;
    QString error;
    QVERIFY2(MaterialQueries::keyMessages(m_store.get(), uuid(10), &messages, &error), qPrintable(error));
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.at(0).page, 0);
    QCOMPARE(messages.at(0).keyMessageId, uuid(21));
    QCOMPARE(messages.at(1).page, 3);
    QCOMPARE(messages.at(1).text, QStringLiteral("每日一次"));
}

QTEST_GUILESS_MAIN(TestMaterialQueries)
#include "tst_materialqueries.moc"
