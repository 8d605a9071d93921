#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "models/hcpquery.h"
#include "models/store.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kBucket = QStringLiteral("t:aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kTerritory = QStringLiteral("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");
const QString kRep = QStringLiteral("33333333-3333-4333-8333-333333333333");

PulledChange pulled(const QString &entity, QJsonObject record)
{
    if (!record.contains(QStringLiteral("id")))
        record.insert(QStringLiteral("id"), protocol::newUuid());
    record.insert(QStringLiteral("version"), 1);
    PulledChange c;
    c.bucket = kBucket;
    c.entity = entity;
    c.id = record.value(QStringLiteral("id")).toString();
    c.record = record;
    return c;
}

} // namespace

class TestHcpSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void search_data();
    void search();
    void shortQueriesPutNamesStartingWithItFirst();
    void relevancePutsNameMatchesFirst();
    void filters_data();
    void filters();
    void indexFollowsLocalEditsAndPulls();
    void unchangedIndexedColumnsLeaveTheIndexAlone();
    void oddInputIsHarmless_data();
    void oddInputIsHarmless();

private:
    QStringList names(const HcpFilter &filter);
    QString indexState();
    QString addHcp(
        const QString &name, const QString &tier, const QString &specialty, const QString &institution);

    QTemporaryDir m_dir;
    Store m_store;
    QHash<QString, QString> m_institutions; // name → id
    QHash<QString, QString> m_hcps; // name → id
};

QString TestHcpSearch::addHcp(
    const QString &name, const QString &tier, const QString &specialty, const QString &institution)
{
    const PulledChange c = pulled(QStringLiteral("hcp"),
        {{QStringLiteral("full_name"), name}, {QStringLiteral("tier"), tier},
            {QStringLiteral("specialty"), specialty}, {QStringLiteral("status"), QStringLiteral("active")},
            {QStringLiteral("institution_id"), m_institutions.value(institution)}});
    if (!m_store.applyPage({c}, {}).ok)
        qWarning() << "could not add" << name;
    m_hcps.insert(name, c.id);
    return c.id;
}

void TestHcpSearch::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const StoreOpenResult r = m_store.open(m_dir.filePath(QStringLiteral("rounds.db")));
    QVERIFY2(r.ok, qPrintable(r.message));
    const struct
    {
        const char *name;
        const char *city;
    } institutions[] = {{"复旦大学附属中山医院", "上海"}, {"北京协和医院", "北京"},
        {"Mayo Clinic", "Rochester"}, {"Zhangjiang Community Hospital", "Shanghai"}};
    for (const auto &i : institutions) {
        const PulledChange c = pulled(QStringLiteral("institution"),
            {{QStringLiteral("name"), QString::fromUtf8(i.name)},
                {QStringLiteral("kind"), QStringLiteral("hospital")},
                {QStringLiteral("city"), QString::fromUtf8(i.city)}});
        QVERIFY(m_store.applyPage({c}, {}).ok);
        m_institutions.insert(QString::fromUtf8(i.name), c.id);
    }
    addHcp(QStringLiteral("张伟"), QStringLiteral("A"), QStringLiteral("心内科"),
        QStringLiteral("复旦大学附属中山医院"));
    addHcp(QStringLiteral("王伟"), QStringLiteral("B"), QStringLiteral("呼吸科"),
        QStringLiteral("北京协和医院"));
    addHcp(QStringLiteral("张晓明"), QStringLiteral("C"), QStringLiteral("心内科"),
        QStringLiteral("北京协和医院"));
    addHcp(QStringLiteral("欧阳张"), QStringLiteral("D"), QStringLiteral("儿科"),
        QStringLiteral("北京协和医院"));
    addHcp(QStringLiteral("Zhang Wei"), QStringLiteral("A"), QStringLiteral("Cardiology"),
        QStringLiteral("Mayo Clinic"));
    addHcp(QStringLiteral("Wang Fang"), QStringLiteral("B"), QStringLiteral("Oncology"),
        QStringLiteral("Zhangjiang Community Hospital"));
    addHcp(QStringLiteral("李娜"), QStringLiteral("C"), QStringLiteral("肿瘤科"),
        QStringLiteral("复旦大学附属中山医院"));
    // A tag, a recent visit and a plan for this week.
    QVERIFY(m_store
                .create(QStringLiteral("hcp_tag"),
                    {{QStringLiteral("hcp_id"), m_hcps.value(QStringLiteral("李娜"))},
                        {QStringLiteral("category"), QStringLiteral("value")},
                        {QStringLiteral("tag"), QStringLiteral("KOL")}})
                .ok);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(m_store
                .create(QStringLiteral("visit"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("hcp_id"), m_hcps.value(QStringLiteral("张伟"))},
                        {QStringLiteral("rep_id"), kRep},
                        {QStringLiteral("visited_at"), now.addDays(-5).toString(Qt::ISODateWithMs)}})
                .ok);
    QVERIFY(m_store
                .create(QStringLiteral("visit"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("hcp_id"), m_hcps.value(QStringLiteral("王伟"))},
                        {QStringLiteral("rep_id"), kRep},
                        {QStringLiteral("visited_at"), now.addDays(-90).toString(Qt::ISODateWithMs)}})
                .ok);
    QVERIFY(m_store
                .create(QStringLiteral("visit_plan"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("hcp_id"), m_hcps.value(QStringLiteral("王伟"))},
                        {QStringLiteral("planned_at"), now.toString(Qt::ISODateWithMs)}})
                .ok);
    QVERIFY(m_store
                .create(QStringLiteral("visit_plan"),
                    {{QStringLiteral("territory_id"), kTerritory},
                        {QStringLiteral("hcp_id"), m_hcps.value(QStringLiteral("李娜"))},
                        {QStringLiteral("planned_at"), now.toString(Qt::ISODateWithMs)},
                        {QStringLiteral("status"), QStringLiteral("cancelled")}})
                .ok);
}

void TestHcpSearch::cleanupTestCase()
{
    m_store.close();
}

QStringList TestHcpSearch::names(const HcpFilter &filter)
{
    QList<HcpHit> hits;
    QString error;
    if (!searchHcps(*m_store.database(), filter, 50, &hits, &error))
        qWarning() << error;
    QStringList out;
    for (const HcpHit &h : std::as_const(hits))
        out << h.name;
    return out;
}

void TestHcpSearch::search_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected"); // as a set
    QTest::newRow("full Chinese name") << QStringLiteral("张伟") << QStringList {QStringLiteral("张伟")};
    QTest::newRow("given name, one character")
        << QStringLiteral("伟") << QStringList {QStringLiteral("张伟"), QStringLiteral("王伟")};
    QTest::newRow("three characters") << QStringLiteral("张晓明") << QStringList {QStringLiteral("张晓明")};
    // Latin text is also pinyin (docs/search.md): 张伟 and 张晓明 by their names' pinyin; from three
    // letters on Wang Fang by the pinyin of Zhangjiang Community Hospital.
    QTest::newRow("Latin prefix, two letters") << QStringLiteral(
        "zh") << QStringList {QStringLiteral("Zhang Wei"), QStringLiteral("张伟"), QStringLiteral("张晓明")};
    QTest::newRow("Latin, any case") << QStringLiteral("ZHANG")
                                     << QStringList {QStringLiteral("Zhang Wei"), QStringLiteral("Wang Fang"),
                                            QStringLiteral("张伟"), QStringLiteral("张晓明")};
    QTest::newRow("pinyin") << QStringLiteral("zhangxiaoming") << QStringList {QStringLiteral("张晓明")};
    QTest::newRow("pinyin with spaces")
        << QStringLiteral("zhang xiao ming") << QStringList {QStringLiteral("张晓明")};
    QTest::newRow("initials") << QStringLiteral("zxm") << QStringList {QStringLiteral("张晓明")};
    QTest::newRow("pinyin and characters")
        << QStringLiteral("wang伟") << QStringList {QStringLiteral("王伟")};
    QTest::newRow("two-character surname by pinyin")
        << QStringLiteral("ouyang") << QStringList {QStringLiteral("欧阳张")};
    QTest::newRow("hospital by a part of its name's pinyin") << QStringLiteral(
        "xiehe") << QStringList {QStringLiteral("王伟"), QStringLiteral("张晓明"), QStringLiteral("欧阳张")};
    QTest::newRow("hospital by the initials of a part")
        << QStringLiteral("zsyy") << QStringList {QStringLiteral("张伟"), QStringLiteral("李娜")};
    QTest::newRow("hospital by pinyin")
        << QStringLiteral("beijingxiehe")
        << QStringList {QStringLiteral("王伟"), QStringLiteral("张晓明"), QStringLiteral("欧阳张")};
    QTest::newRow("Latin, inside words")
        << QStringLiteral("ang we") << QStringList {QStringLiteral("Zhang Wei")};
    QTest::newRow("institution") << QStringLiteral("中山医院")
                                 << QStringList {QStringLiteral("张伟"), QStringLiteral("李娜")};
    QTest::newRow("specialty") << QStringLiteral("心内科")
                               << QStringList {QStringLiteral("张伟"), QStringLiteral("张晓明")};
    QTest::newRow("city") << QStringLiteral("Rochester") << QStringList {QStringLiteral("Zhang Wei")};
    QTest::newRow("tag") << QStringLiteral("kol") << QStringList {QStringLiteral("李娜")};
    QTest::newRow("long and short words")
        << QStringLiteral("北京协和 伟") << QStringList {QStringLiteral("王伟")};
    QTest::newRow("two short words") << QStringLiteral("张 明") << QStringList {QStringLiteral("张晓明")};
    QTest::newRow("no match") << QStringLiteral("不存在的名字") << QStringList();
    QTest::newRow("no match, short") << QStringLiteral("赵") << QStringList();
}

void TestHcpSearch::search()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    HcpFilter f;
    f.text = text;
    QStringList got = names(f);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
}

void TestHcpSearch::shortQueriesPutNamesStartingWithItFirst()
{
    HcpFilter f;
    f.text = QStringLiteral("张");
    const QStringList got = names(f);
    QCOMPARE(got.size(), 3);
    QCOMPARE(got.last(), QStringLiteral("欧阳张")); // 张 is its third character
    QVERIFY(got.startsWith(QStringLiteral("张伟")) || got.startsWith(QStringLiteral("张晓明")));
}

void TestHcpSearch::relevancePutsNameMatchesFirst()
{
    HcpFilter f;
    f.text = QStringLiteral("zhang");
    const QStringList got = names(f);
    // The name itself, then names by pinyin (shorter first), then other fields (the hospital's name).
    QCOMPARE(got,
        (QStringList {QStringLiteral("Zhang Wei"), QStringLiteral("张伟"), QStringLiteral("张晓明"),
            QStringLiteral("Wang Fang")}));
}

void TestHcpSearch::filters_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("specialty");
    QTest::addColumn<QString>("institution");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<int>("notVisitedDays");
    QTest::addColumn<bool>("inPlan");
    QTest::addColumn<QStringList>("expected");
    const QString none;
    QTest::newRow("tier") << none << QStringLiteral("A") << none << none << none << -1 << false
                          << QStringList {QStringLiteral("Zhang Wei"), QStringLiteral("张伟")};
    QTest::newRow("text and tier") << QStringLiteral("伟") << QStringLiteral("B") << none << none << none
                                   << -1 << false << QStringList {QStringLiteral("王伟")};
    QTest::newRow("specialty") << none << none << QStringLiteral("心内科") << none << none << -1 << false
                               << QStringList {QStringLiteral("张伟"), QStringLiteral("张晓明")};
    QTest::newRow("institution") << none << none << none << QStringLiteral("北京协和医院") << none << -1
                                 << false
                                 << QStringList {QStringLiteral("张晓明"), QStringLiteral("欧阳张"),
                                        QStringLiteral("王伟")};
    QTest::newRow("tag") << none << none << none << none << QStringLiteral("KOL") << -1 << false
                         << QStringList {QStringLiteral("李娜")};
    QTest::newRow("not visited in 30 days, cardiology")
        << none << none << QStringLiteral("心内科") << none << none << 30 << false
        << QStringList {QStringLiteral("张晓明")};
    QTest::newRow("not visited in 100 days, 伟")
        << QStringLiteral("伟") << none << none << none << none << 100 << false << QStringList();
    QTest::newRow("not visited in 30 days, 伟") << QStringLiteral("伟") << none << none << none << none << 30
                                                << false << QStringList {QStringLiteral("王伟")};
    QTest::newRow("in my plan this week")
        << none << none << none << none << none << -1 << true << QStringList {QStringLiteral("王伟")};
}

void TestHcpSearch::filters()
{
    QFETCH(QString, text);
    QFETCH(QString, tier);
    QFETCH(QString, specialty);
    QFETCH(QString, institution);
    QFETCH(QString, tag);
    QFETCH(int, notVisitedDays);
    QFETCH(bool, inPlan);
    QFETCH(QStringList, expected);
    HcpFilter f;
    f.text = text;
    f.tier = tier;
    f.specialty = specialty;
    f.institutionId = m_institutions.value(institution);
    f.tag = tag;
    f.notVisitedDays = notVisitedDays;
    f.inPlanThisWeek = inPlan;
    QStringList got = names(f);
    got.sort();
    expected.sort();
    QCOMPARE(got, expected);
}

void TestHcpSearch::indexFollowsLocalEditsAndPulls()
{
    HcpFilter f;
    const QString id = m_hcps.value(QStringLiteral("张伟"));
    // A local edit of the name.
    QVERIFY(
        m_store.update(QStringLiteral("hcp"), id, {{QStringLiteral("full_name"), QStringLiteral("张伟强")}})
            .ok);
    f.text = QStringLiteral("伟强");
    QCOMPARE(names(f), QStringList {QStringLiteral("张伟强")});
    f.text = QStringLiteral("张伟强");
    QCOMPARE(names(f), QStringList {QStringLiteral("张伟强")});
    // Its pinyin keys follow (hcp_name_key, kept by triggers).
    for (const char *text : {"zhangweiqiang", "zwq"}) {
        f.text = QString::fromLatin1(text);
        QCOMPARE(names(f), QStringList {QStringLiteral("张伟强")});
    }
    // A pulled rename of the institution reaches its HCPs.
    const QString zs = m_institutions.value(QStringLiteral("复旦大学附属中山医院"));
    PulledChange c = pulled(QStringLiteral("institution"),
        {{QStringLiteral("id"), zs}, {QStringLiteral("name"), QStringLiteral("上海瑞金医院")},
            {QStringLiteral("kind"), QStringLiteral("hospital")},
            {QStringLiteral("city"), QStringLiteral("上海")}});
    c.record.insert(QStringLiteral("version"), 2);
    QVERIFY(m_store.applyPage({c}, {}).ok);
    f.text = QStringLiteral("瑞金医");
    QStringList got = names(f);
    got.sort();
    QCOMPARE(got, (QStringList {QStringLiteral("张伟强"), QStringLiteral("李娜")}));
    f.text = QStringLiteral("中山医");
    QCOMPARE(names(f), QStringList());
    // By pinyin too: the new name's parts are in, the old one's gone.
    f.text = QStringLiteral("ruijin");
    got = names(f);
    got.sort();
    QCOMPARE(got, (QStringList {QStringLiteral("张伟强"), QStringLiteral("李娜")}));
    f.text = QStringLiteral("zhongshan");
    QCOMPARE(names(f), QStringList());
    // A new tag, then the HCP's deletion.
    QVERIFY(
        m_store
            .create(QStringLiteral("hcp_tag"),
                {{QStringLiteral("hcp_id"), id}, {QStringLiteral("category"), QStringLiteral("marketing")},
                    {QStringLiteral("tag"), QStringLiteral("speaker-2026")}})
            .ok);
    f.text = QStringLiteral("speaker");
    QCOMPARE(names(f), QStringList {QStringLiteral("张伟强")});
    auto grams = [this, &id] {
        auto q = m_store.database()->query(
            QStringLiteral("SELECT group_concat(gram, ' ') FROM (SELECT gram FROM hcp_gram "
                           "WHERE hcp_id = ?1 ORDER BY gram)"));
        q->bind(1, id);
        return q->step() ? q->text(0) : QString();
    };
    // The old name's grams went with the rename: exactly the new name's 1- and 2-character pieces remain.
    QCOMPARE(grams(), QStringLiteral("伟 伟强 张 张伟 强")); // in code point order
    QVERIFY(m_store.remove(QStringLiteral("hcp"), id).ok);
    QCOMPARE(grams(), QString());
    QCOMPARE(names(f), QStringList());
    f.text = QStringLiteral("伟强");
    QCOMPARE(names(f), QStringList());
    QCOMPARE(
        m_store.database()->scalarInt(QStringLiteral(
            "SELECT count(*) FROM hcp_search_doc d LEFT JOIN hcp h ON h.id = d.hcp_id WHERE h.id IS NULL")),
        0);
    // The names-only index holds exactly the current names.
    QCOMPARE(
        m_store.database()->scalarInt(QStringLiteral(
            "SELECT count(*) FROM hcp h JOIN hcp_search_doc d ON d.hcp_id = h.id JOIN hcp_name_search n ON "
            "n.rowid = d.docid AND n.name = h.full_name")),
        m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp")));
    QCOMPARE(m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp_name_search")),
        m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp")));
    // And the pinyin keys: one per HCP and per institution, none of the deleted HCP.
    f.text = QStringLiteral("zwq");
    QCOMPARE(names(f), QStringList());
    QCOMPARE(m_store.database()->scalarInt(QStringLiteral(
                 "SELECT count(*) FROM hcp_name_key k JOIN hcp h ON h.id = k.hcp_id AND k.pinyin = "
                 "rounds_pinyin(h.full_name)")),
        m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp")));
    QCOMPARE(m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp_name_key")),
        m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp")));
}

// Every write to an FTS5 table changes its segment data (at least the structure record), so equal
// data means the search triggers did not touch the indexes.
QString TestHcpSearch::indexState()
{
    auto q = m_store.database()->query(QStringLiteral(
        "SELECT (SELECT group_concat(id || ':' || hex(block), ',') FROM hcp_search_data) || '|' || "
        "(SELECT group_concat(id || ':' || hex(block), ',') FROM hcp_name_search_data) || '|' || "
        "(SELECT group_concat(gram || pos || hcp_id, ',') FROM hcp_gram)"));
    return q->step() ? q->text(0) : QString();
}

// Store::applyPage upserts a pulled row with every column in its SET list: the search triggers must
// re-index on a change of what they index (pulled or local) and only then (step 13's WHEN guards).
void TestHcpSearch::unchangedIndexedColumnsLeaveTheIndexAlone()
{
    HcpFilter f;
    const QString id = m_hcps.value(QStringLiteral("王伟"));
    const QString pumc = m_institutions.value(QStringLiteral("北京协和医院"));
    QJsonObject hcp {{QStringLiteral("id"), id}, {QStringLiteral("full_name"), QStringLiteral("王伟")},
        {QStringLiteral("tier"), QStringLiteral("B")},
        {QStringLiteral("specialty"), QStringLiteral("呼吸科")},
        {QStringLiteral("status"), QStringLiteral("active")}, {QStringLiteral("institution_id"), pumc}};
    int version = 1;
    auto pull = [&](const QString &entity, const QJsonObject &record) {
        PulledChange c = pulled(entity, record);
        c.record.insert(QStringLiteral("version"), ++version);
        return m_store.applyPage({c}, {}).ok;
    };
    auto found = [&](const QString &text) {
        f.text = text;
        return names(f);
    };

    // A pulled phone-only edit: the row changes, the indexes do not.
    QString before = indexState();
    hcp.insert(QStringLiteral("phone"), QStringLiteral("13800000000"));
    QVERIFY(pull(QStringLiteral("hcp"), hcp));
    QCOMPARE(
        m_store.database()->scalarInt(
            QStringLiteral("SELECT count(*) FROM hcp WHERE id = '%1' AND phone = '13800000000'").arg(id)),
        1);
    QCOMPARE(indexState(), before);
    QCOMPARE(found(QStringLiteral("呼吸科")), QStringList {QStringLiteral("王伟")});

    // A pulled rename re-indexes (and so shows the probe above can see a write).
    hcp.insert(QStringLiteral("full_name"), QStringLiteral("王伟东"));
    QVERIFY(pull(QStringLiteral("hcp"), hcp));
    QVERIFY(indexState() != before);
    QCOMPARE(found(QStringLiteral("伟东")), QStringList {QStringLiteral("王伟东")});
    QCOMPARE(found(QStringLiteral("王伟东")), QStringList {QStringLiteral("王伟东")});

    // A pulled department, then the HCP pulled into it; a pulled department rename reaches the HCP,
    // an unchanged department re-pulled does not touch the indexes.
    QJsonObject dept {{QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("institution_id"), pumc},
        {QStringLiteral("name"), QStringLiteral("呼吸与危重症医学科")}};
    QVERIFY(pull(QStringLiteral("department"), dept));
    hcp.insert(QStringLiteral("department_id"), dept.value(QStringLiteral("id")));
    QVERIFY(pull(QStringLiteral("hcp"), hcp));
    QCOMPARE(found(QStringLiteral("危重症")), QStringList {QStringLiteral("王伟东")});
    dept.insert(QStringLiteral("name"), QStringLiteral("睡眠医学中心"));
    QVERIFY(pull(QStringLiteral("department"), dept));
    QCOMPARE(found(QStringLiteral("睡眠医学")), QStringList {QStringLiteral("王伟东")});
    QCOMPARE(found(QStringLiteral("危重症")), QStringList());
    before = indexState();
    QVERIFY(pull(QStringLiteral("department"), dept));
    QCOMPARE(indexState(), before);

    // An institution re-pulled with only its address changed does not re-index its HCPs.
    QJsonObject inst {{QStringLiteral("id"), pumc}, {QStringLiteral("name"), QStringLiteral("北京协和医院")},
        {QStringLiteral("kind"), QStringLiteral("hospital")},
        {QStringLiteral("city"), QStringLiteral("北京")},
        {QStringLiteral("address"), QStringLiteral("东城区帅府园1号")}};
    QVERIFY(pull(QStringLiteral("institution"), inst));
    QCOMPARE(indexState(), before);
    // A pulled city change does.
    inst.insert(QStringLiteral("city"), QStringLiteral("北京市东城区"));
    QVERIFY(pull(QStringLiteral("institution"), inst));
    QVERIFY(indexState() != before);
    QCOMPARE(found(QStringLiteral("东城区")).size(), 3); // 王伟东, 张晓明, 欧阳张

    // Local edits: the department's and the institution's names, the HCP's department.
    QVERIFY(m_store
                .update(QStringLiteral("department"), dept.value(QStringLiteral("id")).toString(),
                    {{QStringLiteral("name"), QStringLiteral("肺功能室")}})
                .ok);
    QCOMPARE(found(QStringLiteral("肺功能")), QStringList {QStringLiteral("王伟东")});
    QVERIFY(m_store
                .update(QStringLiteral("institution"), pumc,
                    {{QStringLiteral("name"), QStringLiteral("协和医院西院")}})
                .ok);
    QCOMPARE(found(QStringLiteral("协和医院西院")).size(), 3);
    QVERIFY(
        m_store.update(QStringLiteral("hcp"), id, {{QStringLiteral("department_id"), QJsonValue::Null}}).ok);
    QCOMPARE(found(QStringLiteral("肺功能")), QStringList());

    // Tags: a pulled one, its pulled change, a pulled unchanged copy, then a local change.
    QJsonObject tag {{QStringLiteral("id"), protocol::newUuid()}, {QStringLiteral("hcp_id"), id},
        {QStringLiteral("category"), QStringLiteral("marketing")},
        {QStringLiteral("tag"), QStringLiteral("advisory")}};
    QVERIFY(pull(QStringLiteral("hcp_tag"), tag));
    QCOMPARE(found(QStringLiteral("advisory")), QStringList {QStringLiteral("王伟东")});
    tag.insert(QStringLiteral("tag"), QStringLiteral("speaker-pulm"));
    QVERIFY(pull(QStringLiteral("hcp_tag"), tag));
    QCOMPARE(found(QStringLiteral("advisory")), QStringList());
    QCOMPARE(found(QStringLiteral("speaker-pulm")), QStringList {QStringLiteral("王伟东")});
    before = indexState();
    tag.insert(QStringLiteral("source"), QStringLiteral("CRM import"));
    QVERIFY(pull(QStringLiteral("hcp_tag"), tag));
    QCOMPARE(indexState(), before);
    QVERIFY(m_store
                .update(QStringLiteral("hcp_tag"), tag.value(QStringLiteral("id")).toString(),
                    {{QStringLiteral("tag"), QStringLiteral("kol-pulm")}})
                .ok);
    QCOMPARE(found(QStringLiteral("kol-pulm")), QStringList {QStringLiteral("王伟东")});
    QCOMPARE(found(QStringLiteral("speaker-pulm")), QStringList());
}

void TestHcpSearch::oddInputIsHarmless_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("quotes") << QStringLiteral("\"张\"伟\"");
    QTest::newRow("fts syntax") << QStringLiteral("NEAR(a b) OR * ^x");
    QTest::newRow("like wildcards") << QStringLiteral("%_");
    QTest::newRow("sql") << QStringLiteral("'; DROP TABLE hcp; --");
    QTest::newRow("emoji") << QStringLiteral("😀");
    QTest::newRow("spaces") << QStringLiteral("   ");
}

void TestHcpSearch::oddInputIsHarmless()
{
    QFETCH(QString, text);
    HcpFilter f;
    f.text = text;
    QList<HcpHit> hits;
    QString error;
    QVERIFY2(searchHcps(*m_store.database(), f, 50, &hits, &error), qPrintable(error));
    if (text.trimmed().isEmpty())
        QCOMPARE(hits.size(), int(m_store.database()->scalarInt(QStringLiteral("SELECT count(*) FROM hcp"))));
    else
        QVERIFY(hits.isEmpty());
    QVERIFY(m_store.database()->tableExists(QStringLiteral("hcp")));
}

QTEST_GUILESS_MAIN(TestHcpSearch)
#include "tst_hcpsearch.moc"
