// The duplicate HCP finder: each rule on its own (data-driven), the normalizations (full-width forms,
// spaces, case, phone prefixes), pinyin both ways round, no pair where there is no reason for one, and
// the store path at 50,000 HCPs within a bound.

#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/transaction.h"
#include "models/duplicates.h"
#include "models/hcpquery.h"
#include "models/store.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

class TestDuplicates : public QObject
{
    Q_OBJECT
private slots:
    void normalizeName_data();
    void normalizeName();
    void normalizePhone_data();
    void normalizePhone();
    void pinyin_data();
    void pinyin();
    void proposedName_data();
    void proposedName();
    void pairs_data();
    void pairs();
    void groupsAreBounded();
    void storeSkipsMergedAndScales();
    void mergeWritesWinnerAndLoser();
};

void TestDuplicates::normalizeName_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("equal");
    QTest::newRow("space between surname and name")
        << QStringLiteral("王 伟") << QStringLiteral("王伟") << true;
    QTest::newRow("ideographic space") << QStringLiteral("王\u3000伟") << QStringLiteral("王伟") << true;
    QTest::newRow("full-width Latin")
        << QStringLiteral("ＺＨＡＮＧ Ｗｅｉ") << QStringLiteral("zhang wei") << true;
    QTest::newRow("case") << QStringLiteral("Li NA") << QStringLiteral("li na") << true;
    QTest::newRow("middle dot") << QStringLiteral("阿依·木合") << QStringLiteral("阿依木合") << true;
    QTest::newRow("different character") << QStringLiteral("王伟") << QStringLiteral("汪伟") << false;
    QTest::newRow("different Latin") << QStringLiteral("Zhang Wei") << QStringLiteral("Zhang Wen") << false;
}

void TestDuplicates::normalizeName()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, equal);
    QCOMPARE(Duplicates::normalizeName(a) == Duplicates::normalizeName(b), equal);
}

void TestDuplicates::normalizePhone_data()
{
    QTest::addColumn<QString>("phone");
    QTest::addColumn<QString>("expected");
    QTest::newRow("mobile") << QStringLiteral("138 0013 8000") << QStringLiteral("13800138000");
    QTest::newRow("+86") << QStringLiteral("+86 138-0013-8000") << QStringLiteral("13800138000");
    QTest::newRow("0086") << QStringLiteral("0086 13800138000") << QStringLiteral("13800138000");
    QTest::newRow("full-width digits")
        << QStringLiteral("１３８００１３８０００") << QStringLiteral("13800138000");
    QTest::newRow("landline keeps its area code")
        << QStringLiteral("(021) 6404-1990") << QStringLiteral("02164041990");
    QTest::newRow("too short") << QStringLiteral("8021") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestDuplicates::normalizePhone()
{
    QFETCH(QString, phone);
    QFETCH(QString, expected);
    QCOMPARE(Duplicates::normalizePhone(phone), expected);
}

void TestDuplicates::pinyin_data()
{
    // ICU's Han-Latin transliteration (models/pinyin.h), the one the search index uses: every character
    // has a reading, one per character.
    QTest::addColumn<QString>("hanzi");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two characters") << QStringLiteral("王伟") << QStringLiteral("wangwei");
    QTest::newRow("three characters") << QStringLiteral("张晓明") << QStringLiteral("zhangxiaoming");
    QTest::newRow("polyphonic: ICU's one reading") << QStringLiteral("曾丽") << QStringLiteral("cengli");
    QTest::newRow("spaces ignored") << QStringLiteral("李 娜") << QStringLiteral("lina");
    QTest::newRow("a rare character the old table lacked")
        << QStringLiteral("王伟燚") << QStringLiteral("wangweiyi");
    QTest::newRow("two-character surname") << QStringLiteral("欧阳明") << QStringLiteral("ouyangming");
    QTest::newRow("middle dot") << QStringLiteral("阿依·古丽") << QStringLiteral("ayiguli");
    QTest::newRow("Latin is not hanzi") << QStringLiteral("Wang") << QString();
    QTest::newRow("mixed is not hanzi") << QStringLiteral("王Wei") << QString();
}

void TestDuplicates::pinyin()
{
    QFETCH(QString, hanzi);
    QFETCH(QString, expected);
    QCOMPARE(Duplicates::pinyinOf(hanzi), expected);
}

void TestDuplicates::proposedName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expected");
    QTest::newRow("space between characters") << QStringLiteral("沈 华") << QStringLiteral("沈华");
    QTest::newRow("ideographic space, trimmed") << QStringLiteral(" 沈\u3000华 ") << QStringLiteral("沈华");
    QTest::newRow("Latin words keep one space")
        << QStringLiteral(" Wang   Wei ") << QStringLiteral("Wang Wei");
    QTest::newRow("Han next to Latin keeps its space")
        << QStringLiteral("沈 Hua") << QStringLiteral("沈 Hua");
    QTest::newRow("already normal") << QStringLiteral("沈华") << QStringLiteral("沈华");
}

void TestDuplicates::proposedName()
{
    QFETCH(QString, name);
    QFETCH(QString, expected);
    QCOMPARE(Duplicates::proposedName(name), expected);
}

void TestDuplicates::pairs_data()
{
    // Two HCPs: name, institution, phone, email each; the reasons expected (0: no pair).
    QTest::addColumn<QStringList>("a");
    QTest::addColumn<QStringList>("b");
    QTest::addColumn<int>("reasons");
    QTest::addColumn<int>("minScore");
    using P = DuplicatePair;
    const QString zs = QStringLiteral("inst-zs");
    const QString xh = QStringLiteral("inst-xh");
    QTest::newRow("same name, same institution")
        << QStringList {QStringLiteral("王伟"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), zs, {}, {}} << int(P::SameNameInstitution) << 60;
    QTest::newRow("same name, other institution: no pair")
        << QStringList {QStringLiteral("王伟"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), xh, {}, {}} << 0 << 0;
    QTest::newRow("same phone, other names")
        << QStringList {QStringLiteral("王伟"), zs, QStringLiteral("13800138000"), {}}
        << QStringList {QStringLiteral("王小伟"), xh, QStringLiteral("+86 138 0013 8000"), {}}
        << int(P::SamePhone) << 50;
    QTest::newRow("same e-mail, case differs")
        << QStringList {QStringLiteral("李娜"), zs, {}, QStringLiteral("Li.Na@zs-hospital.cn")}
        << QStringList {QStringLiteral("李娜娜"), {}, {}, QStringLiteral("li.na@ZS-hospital.cn ")}
        << int(P::SameEmail) << 50;
    QTest::newRow("space in the name, same institution")
        << QStringList {QStringLiteral("王 伟"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), zs, {}, {}} << int(P::SameNameInstitution | P::NameVariant)
        << 85;
    QTest::newRow("space in the name, other institution")
        << QStringList {QStringLiteral("王 伟"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), xh, {}, {}} << int(P::NameVariant) << 25;
    QTest::newRow("full-width and case")
        << QStringList {QStringLiteral("ＺＨＡＮＧ Ｗｅｉ"), {}, {}, {}}
        << QStringList {QStringLiteral("zhang wei"), {}, {}, {}} << int(P::NameVariant) << 25;
    QTest::newRow("pinyin, surname first")
        << QStringList {QStringLiteral("Wang Wei"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), zs, {}, {}} << int(P::Pinyin) << 70;
    QTest::newRow("pinyin, given name first")
        << QStringList {QStringLiteral("Xiaoming Zhang"), {}, {}, {}}
        << QStringList {QStringLiteral("张晓明"), {}, {}, {}} << int(P::Pinyin) << 40;
    QTest::newRow("pinyin of ICU's reading")
        << QStringList {QStringLiteral("CENG Li"), {}, {}, {}}
        << QStringList {QStringLiteral("曾丽"), {}, {}, {}} << int(P::Pinyin) << 40;
    QTest::newRow("pinyin that differs: no pair")
        << QStringList {QStringLiteral("Wang Wen"), zs, {}, {}}
        << QStringList {QStringLiteral("王伟"), zs, {}, {}} << 0 << 0;
    QTest::newRow("everything at once")
        << QStringList {QStringLiteral("王伟"), zs, QStringLiteral("13800138000"), QStringLiteral("w@x.cn")}
        << QStringList {QStringLiteral("王伟"), zs, QStringLiteral("13800138000"), QStringLiteral("W@X.cn")}
        << int(P::SameNameInstitution | P::SamePhone | P::SameEmail) << 100;
    QTest::newRow("short numbers are not identities")
        << QStringList {QStringLiteral("甲"), {}, QStringLiteral("8021"), {}}
        << QStringList {QStringLiteral("乙"), {}, QStringLiteral("8021"), {}} << 0 << 0;
    QTest::newRow("nothing in common")
        << QStringList {QStringLiteral("王伟"), zs, QStringLiteral("13800138000"), QStringLiteral("a@b.cn")}
        << QStringList {QStringLiteral("李娜"), xh, QStringLiteral("13900139000"), QStringLiteral("c@d.cn")}
        << 0 << 0;
}

void TestDuplicates::pairs()
{
    QFETCH(QStringList, a);
    QFETCH(QStringList, b);
    QFETCH(int, reasons);
    QFETCH(int, minScore);
    const QList<DuplicateCandidate> candidates {{QStringLiteral("id-a"), a.at(0), a.at(1), a.at(2), a.at(3)},
        {QStringLiteral("id-b"), b.at(0), b.at(1), b.at(2), b.at(3)}};
    const QList<DuplicatePair> found = Duplicates::find(candidates);
    if (reasons == 0) {
        QVERIFY2(found.isEmpty(), qPrintable(Duplicates::reasonLabels(found.value(0).reasons).join(u',')));
        return;
    }
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().first, QStringLiteral("id-a"));
    QCOMPARE(found.first().second, QStringLiteral("id-b"));
    QCOMPARE(found.first().reasons, reasons);
    QVERIFY2(found.first().score >= minScore, qPrintable(QString::number(found.first().score)));
    QVERIFY(found.first().score <= 100);
}

void TestDuplicates::groupsAreBounded()
{
    // 200 HCPs behind one switchboard number: pairs for the first 12 only (66), not 19,900.
    QList<DuplicateCandidate> candidates;
    for (int i = 0; i < 200; ++i)
        candidates << DuplicateCandidate {QStringLiteral("h%1").arg(i, 3, 10, QLatin1Char('0')),
            QStringLiteral("医生%1").arg(i), {}, QStringLiteral("021-64041990"), {}};
    QCOMPARE(Duplicates::find(candidates, 12).size(), 66);
}

void TestDuplicates::storeSkipsMergedAndScales()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("rounds.db"))).ok);
    const QString inst = protocol::newUuid();
    // 50,000 HCPs with distinct names and phones, written straight into the table (the finder reads
    // the visible rows; the write path is not what is measured), plus three planted duplicates.
    {
        sql::Database &db = *store.database();
        // The search index triggers are not what is measured: without them the fill takes a second.
        QStringList triggers;
        {
            auto t = db.query(
                QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'hcp'"));
            while (t->step())
                triggers << t->text(0);
        }
        for (const QString &t : std::as_const(triggers))
            db.exec(QStringLiteral("DROP TRIGGER %1").arg(t));
        sql::Transaction tx(db);
        auto q = db.query(QStringLiteral("INSERT INTO hcp(id, version, full_name, institution_id, status, "
                                         "phone) VALUES (?1, 1, ?2, ?3, ?4, ?5)"));
        const QString family = QStringLiteral("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗");
        const QString given = QStringLiteral(
            "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力斌宇浩凯鹏飞鑫波宁婷雪琳晨欣佳");
        for (int i = 0; i < 50000; ++i) {
            // A unique name: surname + three given-name characters from the index digits (base 40).
            const QString name = family.at(i % 20) + given.at((i / 20) % 40) + given.at((i / 800) % 40)
                + given.at((i / 32000) % 40) + QString::number(i);
            q.bindAll(protocol::newUuid(), name, QStringLiteral("inst-%1").arg(i % 500),
                QStringLiteral("active"), QStringLiteral("139%1").arg(i, 8, 10, QLatin1Char('0')));
            q->run();
            q->reset();
        }
        auto plant = [&](const QString &name, const QString &phone, const QString &status) {
            const QString id = protocol::newUuid();
            q.bindAll(id, name, inst, status, phone);
            q->run();
            q->reset();
            return id;
        };
        const QString a
            = plant(QStringLiteral("王 伟"), QStringLiteral("13800138000"), QStringLiteral("active"));
        const QString b
            = plant(QStringLiteral("王伟"), QStringLiteral("+8613800138000"), QStringLiteral("active"));
        plant(QStringLiteral("王伟"), QStringLiteral("13800138000"), QStringLiteral("merged"));
        tx.commit();
        Q_UNUSED(a);
        Q_UNUSED(b);
    }
    QElapsedTimer timer;
    timer.start();
    QList<DuplicatePair> pairs;
    QString error;
    QVERIFY2(Duplicates::find(&store, &pairs, &error), qPrintable(error));
    const qint64 ms = timer.elapsed();
    qInfo("duplicates among 50,003 HCPs: %lld ms, %lld pairs", ms, qint64(pairs.size()));
    QCOMPARE(pairs.size(), 1); // the merged one is not a candidate; the 50,000 have nothing in common
    QCOMPARE(pairs.first().reasons,
        int(DuplicatePair::SameNameInstitution | DuplicatePair::SamePhone | DuplicatePair::NameVariant));
    QVERIFY2(ms < 20000, "the finder must stay linear"); // about 1 s under ASan on this machine
}

void TestDuplicates::mergeWritesWinnerAndLoser()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("rounds.db"))).ok);
    qint64 seq = 0;
    auto pulled = [&](QJsonObject fields) {
        const QString id = protocol::newUuid();
        fields.insert(QStringLiteral("id"), id);
        fields.insert(QStringLiteral("version"), 2);
        fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z"));
        fields.insert(QStringLiteral("updated_by"), protocol::newUuid());
        PulledChange c;
        c.bucket = QStringLiteral("global");
        c.seq = ++seq;
        c.entity = QStringLiteral("hcp");
        c.id = id;
        c.record = fields;
        return store.applyPage({c}, {}).upserted == 1 ? id : QString();
    };
    const QString inst = protocol::newUuid();
    const QString a = pulled(
        {{QStringLiteral("full_name"), QStringLiteral("王伟")}, {QStringLiteral("tier"), QStringLiteral("B")},
            {QStringLiteral("institution_id"), inst}, {QStringLiteral("status"), QStringLiteral("active")}});
    const QString b = pulled({{QStringLiteral("full_name"), QStringLiteral("王 伟")},
        {QStringLiteral("tier"), QStringLiteral("A")}, {QStringLiteral("institution_id"), inst},
        {QStringLiteral("phone"), QStringLiteral("13800138000")},
        {QStringLiteral("status"), QStringLiteral("active")}});
    QVERIFY(!a.isEmpty() && !b.isEmpty());
    QList<DuplicatePair> pairs;
    QVERIFY(Duplicates::find(&store, &pairs));
    QCOMPARE(pairs.size(), 1);

    // A value the schema refuses: nothing is written at all.
    QVERIFY(!Duplicates::merge(&store, a, b, {{QStringLiteral("tier"), QStringLiteral("Z")}}).ok);
    QCOMPARE(store.pendingCount(), 0);
    QVERIFY(!Duplicates::merge(&store, a, a, {}).ok);

    // The chosen name is saved normalised: "王 伟" comes back as "王伟", the winner's own spelling.
    const Duplicates::MergeResult r = Duplicates::merge(&store, a, b,
        {{QStringLiteral("full_name"), QStringLiteral("王 伟")},
            {QStringLiteral("tier"), QStringLiteral("A")},
            {QStringLiteral("phone"), QStringLiteral("13800138000")},
            {QStringLiteral("status"), QStringLiteral("inactive")}});
    QVERIFY2(r.ok, qPrintable(r.error));
    const QList<OutboxMutation> out = store.outbox();
    QCOMPARE(out.size(), 2);
    QCOMPARE(out.at(0).recordId, a);
    QCOMPARE(out.at(0).baseVersion, 2);
    // Only the chosen fields that differ; fields outside the merge list (status) are not taken.
    QCOMPARE(out.at(0).set,
        (QJsonObject {{QStringLiteral("tier"), QStringLiteral("A")},
            {QStringLiteral("phone"), QStringLiteral("13800138000")}}));
    QCOMPARE(out.at(1).recordId, b);
    QCOMPARE(out.at(1).set,
        (QJsonObject {
            {QStringLiteral("status"), QStringLiteral("merged")}, {QStringLiteral("merged_into"), a}}));
    QVERIFY(Duplicates::find(&store, &pairs));
    QVERIFY(pairs.isEmpty());
    QVERIFY(!Duplicates::merge(&store, a, b, {}).ok); // already merged

    // The merged record no longer shows in HCP lists and searches, by any search path (characters, name
    // grams, pinyin, initials, trigrams), with no other filter (checked by document) and with one (by the
    // HCP row).
    for (const bool otherFilter : {false, true}) {
        for (const QString &text : {QString(), QStringLiteral("王"), QStringLiteral("王伟"),
                 QStringLiteral("王 伟"), QStringLiteral("w"), QStringLiteral("ww"), QStringLiteral("wang"),
                 QStringLiteral("wangwei"), QStringLiteral("wang伟")}) {
            HcpFilter filter;
            filter.text = text;
            if (otherFilter)
                filter.notVisitedDays = 36500; // no visit in a hundred years: every HCP here
            QList<HcpHit> hits;
            QVERIFY(searchHcps(*store.database(), filter, 10, &hits));
            QStringList ids;
            for (const HcpHit &h : hits)
                ids << h.id;
            const QString what = text + (otherFilter ? QStringLiteral(" (filtered)") : QString());
            QVERIFY2(!ids.contains(b), qPrintable(what));
            QVERIFY2(ids.contains(a), qPrintable(what));
        }
    }
}

QTEST_GUILESS_MAIN(TestDuplicates)
#include "tst_duplicates.moc"
