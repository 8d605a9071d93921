// The SFE models over a hand-made store: the territory tree rules, alignment edits (add, end, move
// with an effective date, bulk targets by tier) as the outbox mutations they produce, and the workload
// index per territory of a district.

#include "common/protocol/values.h"
#include "models/alignments.h"
#include "models/store.h"
#include "models/territories.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

Q_DECLARE_METATYPE(rounds::AlignmentPhase)

namespace {

const QDate kToday {2026, 11, 22};

QString day(int offset)
{
    return kToday.addDays(offset).toString(Qt::ISODate);
}

} // namespace

class TestAlignments : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void phase_data();
    void phase();
    void score_data();
    void score();

    void treeLevelsAndMoves();
    void retireNeedsAnEmptyTerritory();
    void addSkipsHcpsAlreadyAligned();
    void endStartedAndFutureAlignments();
    void moveWithEffectiveDate();
    void moveIsAllOrNothing();
    void targetsByTier();
    void workloadOfADistrict();

private:
    // A record as the server sent it: no pending change, so later edits are plain updates.
    QString pulled(const QString &entity, QJsonObject fields);
    QString hcp(const QString &name, const QString &tier, const QString &institutionId = {});
    QString align(const QString &territory, const QString &hcpId, int from, int to = 9999, int target = 4);
    QList<OutboxMutation> outboxOf(const QString &entity) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Store> m_store;
    qint64 m_seq = 0;
    QString m_region, m_district, m_district2, m_t1, m_t2, m_t3;
};

QString TestAlignments::pulled(const QString &entity, QJsonObject fields)
{
    const QString id = protocol::newUuid();
    fields.insert(QStringLiteral("id"), id);
    fields.insert(QStringLiteral("version"), 1);
    fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z"));
    fields.insert(QStringLiteral("updated_by"), protocol::newUuid());
    PulledChange c;
    c.bucket = QStringLiteral("global");
    c.seq = ++m_seq;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    const ApplyResult r = m_store->applyPage({c}, {{QStringLiteral("global"), m_seq}});
    if (!r.ok || r.upserted != 1)
        qWarning() << "pull of" << entity << "failed:" << r.error << r.skipped;
    return id;
}

QString TestAlignments::hcp(const QString &name, const QString &tier, const QString &institutionId)
{
    QJsonObject f {{QStringLiteral("full_name"), name}, {QStringLiteral("status"), QStringLiteral("active")}};
    if (!tier.isEmpty())
        f.insert(QStringLiteral("tier"), tier);
    if (!institutionId.isEmpty())
        f.insert(QStringLiteral("institution_id"), institutionId);
    return pulled(QStringLiteral("hcp"), f);
}

QString TestAlignments::align(const QString &territory, const QString &hcpId, int from, int to, int target)
{
    QJsonObject f {{QStringLiteral("territory_id"), territory}, {QStringLiteral("hcp_id"), hcpId},
        {QStringLiteral("valid_from"), day(from)}, {QStringLiteral("target_calls_per_cycle"), target}};
    if (to != 9999)
        f.insert(QStringLiteral("valid_to"), day(to));
    return pulled(QStringLiteral("alignment"), f);
}

QList<OutboxMutation> TestAlignments::outboxOf(const QString &entity) const
{
    QList<OutboxMutation> out;
    for (const OutboxMutation &m : m_store->outbox()) {
        if (m.entity == entity)
            out << m;
    }
    return out;
}

void TestAlignments::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<Store>();
    QVERIFY(m_store->open(m_dir->filePath(QStringLiteral("rounds.db"))).ok);
    auto territory = [this](const char *code, const char *level, const QString &parent) {
        QJsonObject f {{QStringLiteral("code"), QString::fromLatin1(code)},
            {QStringLiteral("name"), QStringLiteral("上海 %1").arg(QString::fromLatin1(code))},
            {QStringLiteral("level"), QString::fromLatin1(level)}};
        if (!parent.isEmpty())
            f.insert(QStringLiteral("parent_id"), parent);
        return pulled(QStringLiteral("territory"), f);
    };
    m_region = territory("EAST", "region", {});
    m_district = territory("SH", "district", m_region);
    m_district2 = territory("JS", "district", m_region);
    m_t1 = territory("SH-01", "territory", m_district);
    m_t2 = territory("SH-02", "territory", m_district);
    m_t3 = territory("SH-03", "territory", m_district);
    QCOMPARE(m_store->pendingCount(), 0);
}

void TestAlignments::cleanup()
{
    m_store.reset();
    m_dir.reset();
}

void TestAlignments::phase_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to"); // 9999: open
    QTest::addColumn<AlignmentPhase>("expected");
    QTest::newRow("started, open") << -30 << 9999 << AlignmentPhase::Current;
    QTest::newRow("starts today") << 0 << 9999 << AlignmentPhase::Current;
    QTest::newRow("ends today (inclusive)") << -30 << 0 << AlignmentPhase::Current;
    QTest::newRow("ended yesterday") << -30 << -1 << AlignmentPhase::Past;
    QTest::newRow("starts tomorrow") << 1 << 9999 << AlignmentPhase::Future;
    QTest::newRow("future and bounded") << 5 << 40 << AlignmentPhase::Future;
}

void TestAlignments::phase()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(AlignmentPhase, expected);
    QCOMPARE(
        Alignments::phase(kToday.addDays(from), to == 9999 ? QDate() : kToday.addDays(to), kToday), expected);
}

void TestAlignments::score_data()
{
    QTest::addColumn<QList<int>>("targets");
    QTest::addColumn<QList<int>>("institutions");
    QTest::addColumn<QList<double>>("callMinutes"); // 0: no visits, the default (20)
    QTest::addColumn<QList<double>>("index");
    QTest::addColumn<QList<int>>("flags");
    // index = target × call minutes + institutions × 30
    QTest::newRow("balanced") << QList<int> {10, 10} << QList<int> {2, 2} << QList<double> {0, 0}
                              << QList<double> {260, 260} << QList<int> {0, 0};
    QTest::newRow("one heavy, one light")
        << QList<int> {10, 10, 30} << QList<int> {1, 1, 1} << QList<double> {0, 0, 0}
        << QList<double> {230, 230, 630} << QList<int> {-1, -1, 1};
    QTest::newRow("measured call time counts")
        << QList<int> {10, 10} << QList<int> {0, 0} << QList<double> {40, 0} << QList<double> {400, 200}
        << QList<int> {1, -1};
    // mean 100: exactly +20 % and −20 % are still inside the band
    QTest::newRow("on the band's edges")
        << QList<int> {6, 4, 5} << QList<int> {0, 0, 0} << QList<double> {0, 0, 0}
        << QList<double> {120, 80, 100} << QList<int> {0, 0, 0};
    QTest::newRow("nothing aligned anywhere")
        << QList<int> {0, 0} << QList<int> {0, 0} << QList<double> {0, 0} << QList<double> {0, 0}
        << QList<int> {0, 0};
    QTest::newRow("travel alone") << QList<int> {0, 0} << QList<int> {4, 1} << QList<double> {0, 0}
                                  << QList<double> {120, 30} << QList<int> {1, -1};
}

void TestAlignments::score()
{
    QFETCH(QList<int>, targets);
    QFETCH(QList<int>, institutions);
    QFETCH(QList<double>, callMinutes);
    QFETCH(QList<double>, index);
    QFETCH(QList<int>, flags);
    QList<TerritoryWorkload> rows;
    for (int i = 0; i < targets.size(); ++i) {
        TerritoryWorkload w;
        w.targetCalls = targets.at(i);
        w.institutions = institutions.at(i);
        w.averageIsDefault = callMinutes.at(i) == 0;
        w.averageCallMinutes = callMinutes.at(i);
        rows << w;
    }
    WorkloadOptions o;
    o.travelMinutesPerInstitution = 30;
    Alignments::score(rows, o);
    for (int i = 0; i < rows.size(); ++i) {
        QCOMPARE(rows.at(i).index, index.at(i));
        QCOMPARE(rows.at(i).flag, flags.at(i));
    }
}

void TestAlignments::treeLevelsAndMoves()
{
    Store *s = m_store.get();
    // A region's child is a district, a district's a territory, a territory's nothing.
    TerritoryEditResult r
        = Territories::create(s, m_district2, QStringLiteral("JS-01"), QStringLiteral("南京"));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(s->record(QStringLiteral("territory"), r.id)->fields.value(QLatin1String("level")).toString(),
        QStringLiteral("territory"));
    QVERIFY(!Territories::create(s, r.id, QStringLiteral("JS-01-A"), QStringLiteral("x")).ok);
    QVERIFY(!Territories::create(s, m_district2, QStringLiteral("sh-01"), QStringLiteral("dup code")).ok);
    QVERIFY(!Territories::create(s, m_district2, QStringLiteral("JS-02"), QStringLiteral("  ")).ok);
    const TerritoryEditResult region
        = Territories::create(s, {}, QStringLiteral("NORTH"), QStringLiteral("华北"));
    QVERIFY(region.ok);
    QCOMPARE(
        s->record(QStringLiteral("territory"), region.id)->fields.value(QLatin1String("level")).toString(),
        QStringLiteral("region"));

    // Moves follow the level chain.
    QVERIFY(!Territories::move(s, m_t1, m_region).ok);
    QVERIFY(!Territories::move(s, m_t1, m_t2).ok);
    QVERIFY(!Territories::move(s, m_district, m_t1).ok);
    QVERIFY(!Territories::move(s, m_t1, m_district).ok); // already there
    QVERIFY(Territories::move(s, m_t1, m_district2).ok);
    QVERIFY(Territories::rename(s, m_t1, QStringLiteral("徐汇 新")).ok);
    QVERIFY(!Territories::rename(s, m_t1, QString()).ok);

    // Each edit of a pulled territory is one coalesced upsert with only the changed fields.
    const QList<OutboxMutation> t1 = [&] {
        QList<OutboxMutation> out;
        for (const OutboxMutation &m : outboxOf(QStringLiteral("territory")))
            if (m.recordId == m_t1)
                out << m;
        return out;
    }();
    QCOMPARE(t1.size(), 1);
    QCOMPARE(t1.first().op, QStringLiteral("upsert"));
    QCOMPARE(t1.first().baseVersion, 1);
    QCOMPARE(t1.first().set.value(QLatin1String("parent_id")).toString(), m_district2);
    QCOMPARE(t1.first().set.value(QLatin1String("name")).toString(), QStringLiteral("徐汇 新"));
    QVERIFY(!t1.first().set.contains(QLatin1String("code")));

    QList<TerritoryNode> nodes;
    QVERIFY(Territories::list(s, &nodes));
    bool sawPending = false;
    for (const TerritoryNode &n : nodes) {
        if (n.id == m_t1)
            sawPending = n.pending;
        else if (n.id == m_t2)
            QVERIFY(!n.pending);
    }
    QVERIFY(sawPending);
}

void TestAlignments::retireNeedsAnEmptyTerritory()
{
    Store *s = m_store.get();
    const QString h = hcp(QStringLiteral("王伟"), QStringLiteral("A"));
    align(m_t3, h, -10);
    QVERIFY(!Territories::retire(s, m_t3, kToday).ok); // a current alignment
    QVERIFY(!Territories::retire(s, m_district, kToday).ok); // live children
    QList<AlignmentRow> rows;
    QVERIFY(Alignments::list(s, m_t3, kToday, &rows));
    QCOMPARE(rows.size(), 1);
    QVERIFY(Alignments::end(s, {rows.first().id}, kToday).ok);
    const TerritoryEditResult r = Territories::retire(s, m_t3, kToday);
    QVERIFY2(r.ok, qPrintable(r.error));
    QList<TerritoryNode> nodes;
    QVERIFY(Territories::list(s, &nodes));
    bool gone = true;
    for (const TerritoryNode &n : nodes)
        if (n.id == m_t3)
            gone = n.retired; // retired in place, or deleted when the schema has no field for it
    QVERIFY(gone);
}

void TestAlignments::addSkipsHcpsAlreadyAligned()
{
    Store *s = m_store.get();
    const QString inst = pulled(QStringLiteral("institution"),
        {{QStringLiteral("name"), QStringLiteral("中山医院")},
            {QStringLiteral("kind"), QStringLiteral("hospital")},
            {QStringLiteral("city"), QStringLiteral("上海")}});
    const QString a = hcp(QStringLiteral("王伟"), QStringLiteral("A"), inst);
    const QString b = hcp(QStringLiteral("李娜"), QStringLiteral("B"), inst);
    const QString c = hcp(QStringLiteral("张敏"), QStringLiteral("B"));
    align(m_t1, a, -100);
    QCOMPARE(Alignments::hcpsOfInstitution(s, inst), (QStringList {b, a})); // by name (李 < 王 in UTF-8)
    QCOMPARE(Alignments::hcpsMatching(s, {}, QStringLiteral("B"), {}).size(), 2);
    QCOMPARE(Alignments::hcpsMatching(s, {}, QStringLiteral("B"), QStringLiteral("上海")), QStringList {b});
    QVERIFY(Alignments::hcpsMatching(s, {}, {}, {}).isEmpty());

    const AlignmentEditResult r = Alignments::add(s, m_t1, {a, b, c, b}, kToday, 6);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changed, 2);
    QCOMPARE(r.skipped, 1);
    const QList<OutboxMutation> created = outboxOf(QStringLiteral("alignment"));
    QCOMPARE(created.size(), 2);
    for (const OutboxMutation &m : created) {
        QCOMPARE(m.baseVersion, 0);
        QCOMPARE(m.set.value(QLatin1String("territory_id")).toString(), m_t1);
        QCOMPARE(m.set.value(QLatin1String("valid_from")).toString(), day(0));
        QCOMPARE(m.set.value(QLatin1String("target_calls_per_cycle")).toInt(), 6);
    }
}

void TestAlignments::endStartedAndFutureAlignments()
{
    Store *s = m_store.get();
    const QString started = align(m_t1, hcp(QStringLiteral("甲"), QStringLiteral("A")), -20);
    const QString future = align(m_t1, hcp(QStringLiteral("乙"), QStringLiteral("A")), 7);
    const QString past = align(m_t1, hcp(QStringLiteral("丙"), QStringLiteral("A")), -60, -30);
    const AlignmentEditResult r = Alignments::end(s, {started, future, past}, kToday);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changed, 2);
    QCOMPARE(r.skipped, 1);
    QHash<QString, OutboxMutation> byId;
    for (const OutboxMutation &m : outboxOf(QStringLiteral("alignment")))
        byId.insert(m.recordId, m);
    QCOMPARE(byId.size(), 2);
    QCOMPARE(byId.value(started).op, QStringLiteral("upsert"));
    QCOMPARE(byId.value(started).set.value(QLatin1String("valid_to")).toString(), day(-1));
    QCOMPARE(byId.value(future).op, QStringLiteral("delete"));

    QList<AlignmentRow> rows;
    QVERIFY(Alignments::list(s, m_t1, kToday, &rows));
    QCOMPARE(rows.size(), 2);
    for (const AlignmentRow &row : rows)
        QCOMPARE(row.phase, AlignmentPhase::Past);
}

void TestAlignments::moveWithEffectiveDate()
{
    Store *s = m_store.get();
    const QString a = hcp(QStringLiteral("王伟"), QStringLiteral("A"));
    const QString b = hcp(QStringLiteral("李娜"), QStringLiteral("B"));
    const QString c = hcp(QStringLiteral("张敏"), QStringLiteral("C"));
    const QString d = hcp(QStringLiteral("赵强"), QStringLiteral("C"));
    const QString aOld = align(m_t1, a, -100, 9999, 8);
    const QString bFuture = align(m_t1, b, 10, 9999, 3);
    const QString cOld = align(m_t1, c, -100);
    align(m_t2, c, -100); // already in SH-02: only the SH-01 alignment ends
    align(m_t3, d, -100); // not in SH-01: nothing to move

    const QDate effective = kToday.addDays(3);
    const AlignmentEditResult r = Alignments::move(s, m_t1, m_t2, {a, b, c, d}, effective);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.skipped, 1);

    QHash<QString, OutboxMutation> updates;
    QList<OutboxMutation> creates;
    for (const OutboxMutation &m : outboxOf(QStringLiteral("alignment"))) {
        if (m.baseVersion == 0)
            creates << m;
        else
            updates.insert(m.recordId, m);
    }
    QCOMPARE(updates.size(), 3);
    QCOMPARE(updates.value(aOld).set, (QJsonObject {{QStringLiteral("valid_to"), day(2)}}));
    QCOMPARE(updates.value(cOld).set, (QJsonObject {{QStringLiteral("valid_to"), day(2)}}));
    QCOMPARE(updates.value(bFuture).set, (QJsonObject {{QStringLiteral("territory_id"), m_t2}}));
    QCOMPARE(creates.size(), 1);
    const QJsonObject created = creates.first().set;
    QCOMPARE(created.value(QLatin1String("hcp_id")).toString(), a);
    QCOMPARE(created.value(QLatin1String("territory_id")).toString(), m_t2);
    QCOMPARE(created.value(QLatin1String("valid_from")).toString(), day(3));
    QCOMPARE(created.value(QLatin1String("target_calls_per_cycle")).toInt(), 8);

    // Until the effective day SH-01 still calls on them; from then on SH-02 does.
    QList<AlignmentRow> rows;
    QVERIFY(Alignments::list(s, m_t1, kToday, &rows));
    QCOMPARE(rows.size(), 2);
    for (const AlignmentRow &row : rows)
        QCOMPARE(row.phase, AlignmentPhase::Current);
    QVERIFY(Alignments::list(s, m_t1, effective, &rows));
    for (const AlignmentRow &row : rows)
        QCOMPARE(row.phase, AlignmentPhase::Past);
    QVERIFY(Alignments::list(s, m_t2, kToday, &rows));
    QCOMPARE(rows.size(), 3);
    int future = 0;
    for (const AlignmentRow &row : rows)
        future += row.phase == AlignmentPhase::Future;
    QCOMPARE(future, 2);
}

void TestAlignments::moveIsAllOrNothing()
{
    Store *s = m_store.get();
    const QString b = hcp(QStringLiteral("李娜"), QStringLiteral("B"));
    align(m_t1, b, -100, 9999, 4);
    const int before = m_store->pendingCount();
    // Moving to a territory id that is not a UUID: the old alignment is ended first, then the new one
    // fails validation; the ended alignment must not stay ended.
    const AlignmentEditResult r = Alignments::move(s, m_t1, QStringLiteral("not-a-uuid"), {b}, kToday);
    QVERIFY(!r.ok);
    QVERIFY(!r.error.isEmpty());
    QCOMPARE(m_store->pendingCount(), before);
    QList<AlignmentRow> rows;
    QVERIFY(Alignments::list(s, m_t1, kToday, &rows));
    bool bStillOpen = false;
    for (const AlignmentRow &row : rows)
        if (row.hcpId == b)
            bStillOpen = !row.validTo.isValid();
    QVERIFY(bStillOpen);
}

void TestAlignments::targetsByTier()
{
    Store *s = m_store.get();
    const QString a1 = align(m_t1, hcp(QStringLiteral("甲"), QStringLiteral("A")), -20, 9999, 4);
    const QString a2 = align(m_t1, hcp(QStringLiteral("乙"), QStringLiteral("A")), 5, 9999, 4);
    const QString aPast = align(m_t1, hcp(QStringLiteral("丙"), QStringLiteral("A")), -60, -30, 4);
    const QString aSame = align(m_t1, hcp(QStringLiteral("丁"), QStringLiteral("A")), -20, 9999, 8);
    const QString b = align(m_t1, hcp(QStringLiteral("戊"), QStringLiteral("B")), -20, 9999, 4);
    const QString other = align(m_t2, hcp(QStringLiteral("己"), QStringLiteral("A")), -20, 9999, 4);
    const AlignmentEditResult r = Alignments::setTargetByTier(s, m_t1, QStringLiteral("A"), 8, kToday);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(r.changed, 2);
    QStringList touched;
    for (const OutboxMutation &m : outboxOf(QStringLiteral("alignment"))) {
        touched << m.recordId;
        QCOMPARE(m.set, (QJsonObject {{QStringLiteral("target_calls_per_cycle"), 8}}));
    }
    touched.sort();
    QStringList expected {a1, a2};
    expected.sort();
    QCOMPARE(touched, expected);
    Q_UNUSED(aPast);
    Q_UNUSED(aSame);
    Q_UNUSED(b);
    Q_UNUSED(other);
    QVERIFY(!Alignments::setTargetByTier(s, m_t1, QStringLiteral("B"), 1001, kToday).ok);
}

void TestAlignments::workloadOfADistrict()
{
    Store *s = m_store.get();
    pulled(QStringLiteral("setting"),
        {{QStringLiteral("key"), QStringLiteral("sfe.travel_minutes_per_institution")},
            {QStringLiteral("value"), 15}});
    const WorkloadOptions options = Alignments::workloadOptions(s);
    QCOMPARE(options.travelMinutesPerInstitution, 15.0);
    QCOMPARE(options.defaultCallMinutes, 20.0);

    auto inst = [this](int i) {
        return pulled(QStringLiteral("institution"),
            {{QStringLiteral("name"), QStringLiteral("医院%1").arg(i)},
                {QStringLiteral("kind"), QStringLiteral("hospital")}});
    };
    const QString i1 = inst(1), i2 = inst(2), i3 = inst(3);
    // SH-01: A, A, B at two institutions, targets 6+6+4 = 16; visits of 30 and 40 min (avg 35), a
    // draft of 300 min and a visit without a duration that do not count.
    align(m_t1, hcp(QStringLiteral("甲"), QStringLiteral("A"), i1), -30, 9999, 6);
    align(m_t1, hcp(QStringLiteral("乙"), QStringLiteral("A"), i1), -30, 9999, 6);
    align(m_t1, hcp(QStringLiteral("丙"), QStringLiteral("B"), i2), -30, 9999, 4);
    align(m_t1, hcp(QStringLiteral("过去"), QStringLiteral("A"), i3), -90, -60, 50); // past: not counted
    align(m_t1, hcp(QStringLiteral("将来"), QStringLiteral("A"), i3), 5, 9999, 50); // future: not counted
    const QString rep = protocol::newUuid();
    auto visit = [&](const QString &territory, const char *status, QJsonValue minutes) {
        QJsonObject f {{QStringLiteral("territory_id"), territory},
            {QStringLiteral("hcp_id"), protocol::newUuid()}, {QStringLiteral("rep_id"), rep},
            {QStringLiteral("channel"), QStringLiteral("face_to_face")},
            {QStringLiteral("visited_at"), QStringLiteral("2026-11-10T02:00:00.000Z")},
            {QStringLiteral("status"), QString::fromLatin1(status)}};
        if (!minutes.isNull())
            f.insert(QStringLiteral("duration_min"), minutes);
        pulled(QStringLiteral("visit"), f);
    };
    visit(m_t1, "submitted", 30);
    visit(m_t1, "submitted", 40);
    visit(m_t1, "draft", 300);
    visit(m_t1, "submitted", QJsonValue());
    // SH-02: one C with no tier-less peers, target 2, one institution, no visits → 20 min default.
    align(m_t2, hcp(QStringLiteral("丁"), QStringLiteral("C"), i3), -30, 9999, 2);
    align(m_t2, hcp(QStringLiteral("无级"), {}, i3), -30, 9999, 1);
    // SH-03: nothing aligned.

    QList<TerritoryWorkload> rows;
    QString error;
    QVERIFY2(Alignments::workload(s, m_district, kToday, options, &rows, &error), qPrintable(error));
    QCOMPARE(rows.size(), 3);
    const TerritoryWorkload &w1 = rows.at(0);
    QCOMPARE(w1.code, QStringLiteral("SH-01"));
    QCOMPARE(w1.hcps, 3);
    QCOMPARE(w1.byTier[0], 2);
    QCOMPARE(w1.byTier[1], 1);
    QCOMPARE(w1.targetCalls, 16);
    QCOMPARE(w1.averageCallMinutes, 35.0);
    QVERIFY(!w1.averageIsDefault);
    QCOMPARE(w1.institutions, 2);
    QCOMPARE(w1.index, 16 * 35.0 + 2 * 15.0); // 590
    const TerritoryWorkload &w2 = rows.at(1);
    QCOMPARE(w2.hcps, 2);
    QCOMPARE(w2.byTier[2], 1);
    QCOMPARE(w2.byTier[4], 1);
    QVERIFY(w2.averageIsDefault);
    QCOMPARE(w2.index, 3 * 20.0 + 1 * 15.0); // 75
    const TerritoryWorkload &w3 = rows.at(2);
    QCOMPARE(w3.index, 0.0);
    // mean (590 + 75 + 0) / 3 = 221.67: SH-01 far above, the others far below.
    QCOMPARE(w1.flag, 1);
    QCOMPARE(w2.flag, -1);
    QCOMPARE(w3.flag, -1);
    QVERIFY(qAbs(w1.deviation - (590 / (665 / 3.0) - 1)) < 1e-9);
}

QTEST_GUILESS_MAIN(TestAlignments)
#include "tst_alignments.moc"
