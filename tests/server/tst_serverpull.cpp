#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QDate>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// Pull against a real rounds-server: snapshots, cursors and pages, scopes and revoked buckets,
// realignment moving HCPs between buckets, gap-free sequences under concurrent pushes, the epoch.
class TestServerPull : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void snapshotHoldsTheScopeOnly_data();
    void snapshotHoldsTheScopeOnly();
    void pagesCoverTheSnapshotOnce();
    void incrementalPullReturnsTheNewestChange();
    void bucketsOutOfScopeAreRevoked();
    void realignmentMovesTheHcpBetweenBuckets();
    void anHcpEditMovesOnlyTheInstitutionItNames();
    void sequencesStayGapFreeUnderConcurrentPushes();
    void epochIsStableAndPerDataFolder();
    void backupWhileServingRestoresWithANewEpoch();
    void alignmentsEndByTheCalendar();

private:
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    QJsonObject pushOne(const QString &token, const QJsonObject &m);

    ServerProcess m_server;
    DemoOrg m_org;
};

void TestServerPull::initTestCase()
{
    QVERIFY(m_server.createDemo(60, 200));
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
}

QJsonObject TestServerPull::pushOne(const QString &token, const QJsonObject &m)
{
    const HttpReply r = m_server.push(token, QJsonArray {m});
    return r.json.value("results").toArray().first().toObject();
}

void TestServerPull::snapshotHoldsTheScopeOnly_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<QStringList>("territories");
    QTest::addColumn<bool>("review");
    QTest::newRow("rep") << "rep.sh01" << QStringList {"SH-01"} << false;
    QTest::newRow("manager") << "manager.hz" << QStringList {"HZ-01", "HZ-02"} << false;
    QTest::newRow("sfe") << "sfe" << QStringList {"SH-01", "SH-02", "HZ-01", "HZ-02"} << true;
}

void TestServerPull::snapshotHoldsTheScopeOnly()
{
    QFETCH(QString, username);
    QFETCH(QStringList, territories);
    QFETCH(bool, review);
    const QString token = m_server.login(username);
    const PullResult p = m_server.pullAll(token);
    QVERIFY(p.ok);
    QVERIFY(!p.epoch.isEmpty());

    QSet<QString> buckets {QStringLiteral("global")};
    QSet<QString> ids;
    for (const QString &code : territories) {
        buckets << QStringLiteral("t:") + m_org.territory.value(code);
        ids << m_org.territory.value(code);
    }
    if (review)
        buckets << QStringLiteral("review");
    const QStringList cursorKeys = p.cursors.keys();
    QCOMPARE(QSet<QString>(cursorKeys.begin(), cursorKeys.end()), buckets);

    int hcps = 0;
    for (const QJsonObject &c : p.changes) {
        QCOMPARE(c.value("op").toString(), QStringLiteral("upsert")); // a snapshot holds live records only
        QVERIFY(buckets.contains(c.value("bucket").toString()));
        const QJsonObject r = c.value("record").toObject();
        QVERIFY(r.value("version").toInt() >= 1);
        if (r.contains("territory_id") && c.value("entity").toString() != QLatin1String("alignment"))
            QVERIFY2(
                ids.contains(r.value("territory_id").toString()), qPrintable(c.value("entity").toString()));
        if (c.value("entity").toString() == QLatin1String("hcp")) {
            ++hcps;
            bool aligned = false;
            for (const QString &t : m_org.hcpTerritories.value(r.value("id").toString()))
                aligned = aligned || ids.contains(t);
            QVERIFY(aligned);
        }
    }
    // Every HCP aligned into the scope arrives (possibly once per bucket).
    QSet<QString> expected;
    for (auto it = m_org.hcpTerritories.begin(); it != m_org.hcpTerritories.end(); ++it) {
        for (const QString &t : it.value()) {
            if (ids.contains(t))
                expected << it.key();
        }
    }
    QCOMPARE(recordsOf(p.changes, QStringLiteral("hcp")).size(), expected.size());
    QVERIFY(hcps >= expected.size());
    // Children come with their parents, never alone.
    QSet<QString> parents;
    for (const QString &entity : {QStringLiteral("visit"), QStringLiteral("meeting")}) {
        for (const QJsonObject &r : recordsOf(p.changes, entity))
            parents << r.value("id").toString();
    }
    int children = 0;
    for (const auto &[entity, field] : {std::pair {"visit_detail", "visit_id"},
             std::pair {"meeting_attendee", "meeting_id"}, std::pair {"meeting_expense", "meeting_id"}}) {
        for (const QJsonObject &r : recordsOf(p.changes, QString::fromLatin1(entity))) {
            ++children;
            QVERIFY2(parents.contains(r.value(QLatin1String(field)).toString()), entity);
        }
    }
    QVERIFY(children > 0);
    // Master and global data everyone needs.
    QCOMPARE(recordsOf(p.changes, QStringLiteral("product")).size(), 4);
    QCOMPARE(recordsOf(p.changes, QStringLiteral("user")).size(), 8);
}

void TestServerPull::pagesCoverTheSnapshotOnce()
{
    const QString token = m_server.login(QStringLiteral("manager.sh"));
    const PullResult whole = m_server.pullAll(token);
    const PullResult paged = m_server.pullAll(token, {}, 97);
    QVERIFY(whole.ok && paged.ok);
    QVERIFY(paged.pages > 3);
    QCOMPARE(paged.cursors, whole.cursors);
    QSet<QString> seen;
    QHash<QString, qint64> lastSeq;
    for (const QJsonObject &c : paged.changes) {
        const QString key = c.value("bucket").toString() + QLatin1Char('/') + c.value("id").toString();
        QVERIFY2(!seen.contains(key), qPrintable(key));
        seen << key;
        const qint64 seq = c.value("seq").toInteger();
        QVERIFY(seq > lastSeq.value(c.value("bucket").toString()));
        lastSeq.insert(c.value("bucket").toString(), seq);
    }
    QCOMPARE(paged.changes.size(), whole.changes.size());
    // Nothing new: an empty answer with the same cursors.
    const HttpReply again
        = m_server.post(QStringLiteral("/api/v1/sync/pull"), QJsonObject {{"cursors", whole.cursors}}, token);
    QCOMPARE(again.status, 200);
    QVERIFY(again.json.value("changes").toArray().isEmpty());
    QCOMPARE(again.json.value("cursors").toObject(), whole.cursors);
    QCOMPARE(again.json.value("more").toBool(), false);
}

void TestServerPull::incrementalPullReturnsTheNewestChange()
{
    const QString rep = m_server.login(QStringLiteral("rep.sh02"));
    const PullResult before = m_server.pullAll(rep);
    const QString a = newId();
    const QString b = newId();
    const QString tid = m_org.territory.value(QStringLiteral("SH-02"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-02")).first();
    const QJsonObject plan {{"territory_id", tid}, {"hcp_id", hcp}, {"planned_at", "2026-12-01T09:00:00Z"}};
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit_plan"), a, plan)).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit_plan"), b, plan)).value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit_plan"), a, {{"purpose", "二"}}, 1))
                 .value("version")
                 .toInt(),
        2);
    QCOMPARE(pushOne(rep, mutation(QStringLiteral("visit_plan"), b, {}, 1, {}, QStringLiteral("delete")))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));

    const PullResult after = m_server.pullAll(rep, before.cursors);
    QVERIFY(after.ok);
    QCOMPARE(after.changes.size(), 2); // the log keeps the newest entry of each record
    QHash<QString, QJsonObject> byId;
    for (const QJsonObject &c : after.changes) {
        QCOMPARE(c.value("bucket").toString(), QStringLiteral("t:") + tid);
        byId.insert(c.value("id").toString(), c);
    }
    QCOMPARE(byId.value(a).value("op").toString(), QStringLiteral("upsert"));
    QCOMPARE(byId.value(a).value("record").toObject().value("purpose").toString(), QStringLiteral("二"));
    QCOMPARE(byId.value(b).value("op").toString(), QStringLiteral("delete"));
    QVERIFY(!byId.value(b).contains("record"));
    QCOMPARE(after.cursors.value(QStringLiteral("t:") + tid).toInteger(),
        before.cursors.value(QStringLiteral("t:") + tid).toInteger() + 4);

    // A fresh snapshot no longer has the deleted plan.
    bool deletedSeen = false;
    for (const QJsonObject &r : recordsOf(m_server.pullAll(rep).changes, QStringLiteral("visit_plan")))
        deletedSeen = deletedSeen || r.value("id").toString() == b;
    QVERIFY(!deletedSeen);
}

void TestServerPull::bucketsOutOfScopeAreRevoked()
{
    const QString rep = m_server.login(QStringLiteral("rep.sh01"));
    const QString other = QStringLiteral("t:") + m_org.territory.value(QStringLiteral("HZ-01"));
    const HttpReply r = m_server.post(QStringLiteral("/api/v1/sync/pull"),
        QJsonObject {{"cursors", QJsonObject {{other, 5}, {"t:bogus", 0}, {"review", 1}}}}, rep);
    QCOMPARE(r.status, 200);
    QStringList revoked;
    for (const QJsonValue &v : r.json.value("revoked_buckets").toArray())
        revoked << v.toString();
    revoked.sort();
    QStringList expected {QStringLiteral("review"), QStringLiteral("t:bogus"), other};
    expected.sort();
    QCOMPARE(revoked, expected);
    for (const QJsonValue &c : r.json.value("changes").toArray())
        QVERIFY(!revoked.contains(c.toObject().value("bucket").toString()));
    QVERIFY(!r.json.value("cursors").toObject().contains(other));
}

void TestServerPull::realignmentMovesTheHcpBetweenBuckets()
{
    const QString sfe = m_server.login(QStringLiteral("sfe"));
    const QString rep1 = m_server.login(QStringLiteral("rep.sh01"));
    const QString rep2 = m_server.login(QStringLiteral("rep.sh02"));
    const QString repHz = m_server.login(QStringLiteral("rep.hz01"));
    const QString sh01 = m_org.territory.value(QStringLiteral("SH-01"));
    const QString sh02 = m_org.territory.value(QStringLiteral("SH-02"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).last();
    const QJsonObject hcpRecord = m_org.record(hcp);
    QString alignment;
    for (const QJsonObject &a : m_org.all(QStringLiteral("alignment"))) {
        if (a.value("hcp_id").toString() == hcp)
            alignment = a.value("id").toString();
    }
    QVERIFY(!alignment.isEmpty());
    const QString tag = newId();
    QCOMPARE(pushOne(rep1,
                 mutation(QStringLiteral("hcp_tag"), tag,
                     {{"hcp_id", hcp}, {"category", "value"}, {"tag", "重点"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));

    const PullResult rep1Before = m_server.pullAll(rep1);
    const PullResult rep2Before = m_server.pullAll(rep2);
    const PullResult hzBefore = m_server.pullAll(repHz);
    QSet<QString> rep2Known;
    for (const QJsonObject &c : rep2Before.changes)
        rep2Known << c.value("id").toString();
    QVERIFY(!rep2Known.contains(hcp));

    // SFE aligns the HCP to SH-02 as of today: it arrives there with its institution, department and tags.
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QString newAlignment = newId();
    QCOMPARE(pushOne(sfe,
                 mutation(QStringLiteral("alignment"), newAlignment,
                     {{"territory_id", sh02}, {"hcp_id", hcp}, {"valid_from", "2020-01-01"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const PullResult rep2After = m_server.pullAll(rep2, rep2Before.cursors);
    QSet<QString> arrived;
    for (const QJsonObject &c : rep2After.changes) {
        QCOMPARE(c.value("op").toString(), QStringLiteral("upsert"));
        arrived << c.value("id").toString();
        rep2Known << c.value("id").toString();
    }
    QVERIFY(arrived.contains(newAlignment));
    QVERIFY(arrived.contains(hcp));
    QVERIFY(arrived.contains(tag));
    QVERIFY(rep2Known.contains(hcpRecord.value("institution_id").toString()));
    QVERIFY(rep2Known.contains(hcpRecord.value("department_id").toString()));

    // SFE ends the SH-01 alignment: SH-01 gets a revoke for the HCP and its tag.
    const QJsonObject old = m_org.record(alignment);
    const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
    QCOMPARE(pushOne(sfe,
                 mutation(QStringLiteral("alignment"), alignment, {{"valid_to", yesterday}},
                     old.value("version").toInteger(), {{"valid_to", QJsonValue()}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const PullResult rep1After = m_server.pullAll(rep1, rep1Before.cursors);
    QHash<QString, QString> ops;
    for (const QJsonObject &c : rep1After.changes) {
        QCOMPARE(c.value("bucket").toString(), QStringLiteral("t:") + sh01);
        ops.insert(c.value("id").toString(), c.value("op").toString());
    }
    QCOMPARE(ops.value(hcp), QStringLiteral("revoke"));
    QCOMPARE(ops.value(tag), QStringLiteral("revoke"));
    QCOMPARE(ops.value(alignment), QStringLiteral("upsert")); // the ended alignment itself stays visible
    // The rep's offline visit to that HCP, made in SH-01 today, a day after the alignment ended, is still
    // accepted (a realignment reaches a laptop at its next sync: a week's grace, docs/sync-protocol.md);
    // one dated eight days after the end is another territory's.
    QJsonObject visit {{"territory_id", sh01}, {"hcp_id", hcp},
        {"rep_id", m_org.user.value(QStringLiteral("rep.sh01"))},
        {"visited_at", QString(today + QStringLiteral("T09:00:00+08:00"))}};
    QCOMPARE(pushOne(rep1, mutation(QStringLiteral("visit"), newId(), visit)).value("status").toString(),
        QStringLiteral("applied"));
    const QString late = QDate::currentDate().addDays(7).toString(Qt::ISODate);
    visit.insert("visited_at", QString(late + QStringLiteral("T09:00:00+08:00")));
    QCOMPARE(pushOne(rep1, mutation(QStringLiteral("visit"), newId(), visit))
                 .value("error")
                 .toObject()
                 .value("code")
                 .toString(),
        QStringLiteral("forbidden"));
    // …and so is tagging it.
    QCOMPARE(pushOne(rep1, mutation(QStringLiteral("hcp_tag"), tag, {{"tag", "改"}}, 1))
                 .value("error")
                 .toObject()
                 .value("code")
                 .toString(),
        QStringLiteral("forbidden"));
    QCOMPARE(pushOne(rep2, mutation(QStringLiteral("hcp_tag"), tag, {{"tag", "改"}}, 1))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));

    // An alignment that starts in the future changes nothing yet: only the alignment record itself.
    const QString future = newId();
    QCOMPARE(pushOne(sfe,
                 mutation(QStringLiteral("alignment"), future,
                     {{"territory_id", m_org.territory.value(QStringLiteral("HZ-01"))}, {"hcp_id", hcp},
                         {"valid_from", "2099-01-01"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    const PullResult hzAfter = m_server.pullAll(repHz, hzBefore.cursors);
    QCOMPARE(hzAfter.changes.size(), 1);
    QCOMPARE(hzAfter.changes.first().value("id").toString(), future);
}

// An edit of an HCP that does not move it leaves its institution, department and tags where they are
// (the server no longer recomputes them for every edit); naming another institution and department
// brings those into the HCP's bucket, and naming the old ones again takes the new ones out.
void TestServerPull::anHcpEditMovesOnlyTheInstitutionItNames()
{
    const QString sfe = m_server.login(QStringLiteral("sfe"));
    const QString rep = m_server.login(QStringLiteral("rep.sh01"));
    const QString bucket = QStringLiteral("t:") + m_org.territory.value(QStringLiteral("SH-01"));
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    const PullResult before = m_server.pullAll(rep);
    QVERIFY(before.ok);
    QJsonObject h;
    for (const QJsonObject &r : recordsOf(before.changes, QStringLiteral("hcp"))) {
        if (r.value("id").toString() == hcp)
            h = r;
    }
    QVERIFY(!h.isEmpty());
    const QString oldInstitution = h.value("institution_id").toString();
    const QString oldDepartment = h.value("department_id").toString();
    QVERIFY(!oldInstitution.isEmpty() && !oldDepartment.isEmpty());
    auto opsSince = [&](const QJsonObject &cursors) {
        const PullResult p = m_server.pullAll(rep, cursors);
        QHash<QString, QString> ops;
        for (const QJsonObject &c : p.changes) {
            if (c.value("bucket").toString() == bucket)
                ops.insert(c.value("id").toString(), c.value("op").toString());
        }
        return std::pair {ops, p.cursors};
    };
    auto editHcp = [&](const QJsonObject &set, const QJsonObject &base) {
        const QJsonObject r
            = pushOne(sfe, mutation(QStringLiteral("hcp"), hcp, set, h.value("version").toInteger(), base));
        QCOMPARE(r.value("status").toString(), QStringLiteral("applied"));
        h.insert(QStringLiteral("version"), r.value("version"));
    };

    // A phone number: only the HCP itself.
    editHcp({{"phone", "13800000001"}}, {{"phone", h.value("phone")}});
    auto [ops, cursors] = opsSince(before.cursors);
    QCOMPARE(ops, (QHash<QString, QString> {{hcp, QStringLiteral("upsert")}}));

    // A new institution and department, known to no territory yet (no HCP names them).
    const QString institution = newId();
    const QString department = newId();
    QCOMPARE(
        pushOne(sfe,
            mutation(QStringLiteral("institution"), institution, {{"name", "新院区"}, {"kind", "hospital"}}))
            .value("status")
            .toString(),
        QStringLiteral("applied"));
    QCOMPARE(pushOne(sfe,
                 mutation(QStringLiteral("department"), department,
                     {{"institution_id", institution}, {"name", "心内科"}}))
                 .value("status")
                 .toString(),
        QStringLiteral("applied"));
    std::tie(ops, cursors) = opsSince(cursors);
    QVERIFY2(ops.isEmpty(), "an institution without HCPs is in no territory");

    // The HCP moves to them: both arrive in its territory with it.
    editHcp({{"institution_id", institution}, {"department_id", department}},
        {{"institution_id", oldInstitution}, {"department_id", oldDepartment}});
    std::tie(ops, cursors) = opsSince(cursors);
    QCOMPARE(ops.value(hcp), QStringLiteral("upsert"));
    QCOMPARE(ops.value(institution), QStringLiteral("upsert"));
    QCOMPARE(ops.value(department), QStringLiteral("upsert"));

    // An edit of something else leaves them alone.
    editHcp({{"title", "主任医师"}}, {{"title", h.value("title")}});
    std::tie(ops, cursors) = opsSince(cursors);
    QCOMPARE(ops, (QHash<QString, QString> {{hcp, QStringLiteral("upsert")}}));

    // Back to the old ones: the new institution and department leave the territory (their only HCP
    // left), the old ones are still there through their other HCPs.
    editHcp({{"institution_id", oldInstitution}, {"department_id", oldDepartment}},
        {{"institution_id", institution}, {"department_id", department}});
    std::tie(ops, cursors) = opsSince(cursors);
    QCOMPARE(ops.value(hcp), QStringLiteral("upsert"));
    QCOMPARE(ops.value(institution), QStringLiteral("revoke"));
    QCOMPARE(ops.value(department), QStringLiteral("revoke"));
}

void TestServerPull::sequencesStayGapFreeUnderConcurrentPushes()
{
    const QString tid = m_org.territory.value(QStringLiteral("SH-01"));
    const QString bucket = QStringLiteral("t:") + tid;
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first();
    const QStringList writers {m_server.login(QStringLiteral("rep.sh01")),
        m_server.login(QStringLiteral("rep.sh01")), m_server.login(QStringLiteral("manager.sh")),
        m_server.login(QStringLiteral("manager.sh"))};
    const QString reader = m_server.login(QStringLiteral("manager.sh"));
    const qint64 start = m_server.pullAll(reader).cursors.value(bucket).toInteger();

    QNetworkAccessManager nam;
    QNetworkAccessManager readerNam; // its own connections, so its pulls run beside the pushes
    auto post = [&](const QString &path, const QJsonObject &body, const QString &token,
                    QNetworkAccessManager *via = nullptr) {
        QUrl url = m_server.url();
        url.setPath(path);
        QNetworkRequest req(url);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        return (via ? via : &nam)->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    };
    constexpr int perWriter = 30;
    int writersLeft = 1; // held until every push is sent, so the reader keeps going
    bool readerBusy = false;
    // Meanwhile a reader pulls the bucket over and over: what it sees is always a gap-free prefix.
    qint64 cursor = start;
    int readerPulls = 0;
    QString readerError;
    std::function<void()> pullOnce = [&] {
        readerBusy = true;
        QNetworkReply *reply = post(QStringLiteral("/api/v1/sync/pull"),
            QJsonObject {{"cursors", QJsonObject {{bucket, cursor}, {"global", 1 << 30}}}}, reader,
            &readerNam);
        connect(reply, &QNetworkReply::finished, reply, [&, reply] {
            reply->deleteLater();
            ++readerPulls;
            readerBusy = false;
            const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
            for (const QJsonValue &c : answer.value("changes").toArray()) {
                const QJsonObject change = c.toObject();
                if (change.value("bucket").toString() != bucket)
                    continue;
                if (change.value("seq").toInteger() != cursor + 1)
                    readerError = QStringLiteral("saw seq %1 after %2")
                                      .arg(change.value("seq").toInteger())
                                      .arg(cursor);
                cursor = change.value("seq").toInteger();
            }
            if (writersLeft > 0 && readerError.isEmpty())
                pullOnce();
        });
    };
    pullOnce();
    for (const QString &token : writers) {
        // Each writer sends its mutations as several small pushes, so the pushes interleave.
        for (int batch = 0; batch < 3; ++batch) {
            QJsonArray mutations;
            for (int i = 0; i < perWriter / 3; ++i) {
                mutations << mutation(QStringLiteral("visit_plan"), newId(),
                    {{"territory_id", tid}, {"hcp_id", hcp}, {"planned_at", "2026-12-09T09:00:00Z"}});
            }
            QNetworkReply *reply
                = post(QStringLiteral("/api/v1/sync/push"), QJsonObject {{"mutations", mutations}}, token);
            ++writersLeft;
            connect(reply, &QNetworkReply::finished, reply, [&writersLeft, reply] {
                --writersLeft;
                reply->deleteLater();
            });
        }
    }
    --writersLeft;
    QTRY_VERIFY_WITH_TIMEOUT(writersLeft == 0 && !readerBusy, 60000);
    QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
    QVERIFY(readerPulls > 0);

    const PullResult after = m_server.pullAll(reader, QJsonObject {{bucket, start}, {"global", 1 << 30}});
    QList<qint64> seqs;
    for (const QJsonObject &c : after.changes) {
        if (c.value("bucket").toString() == bucket)
            seqs << c.value("seq").toInteger();
    }
    QCOMPARE(seqs.size(), int(writers.size()) * perWriter);
    for (int i = 0; i < seqs.size(); ++i)
        QCOMPARE(seqs.at(i), start + 1 + i);
}

void TestServerPull::epochIsStableAndPerDataFolder()
{
    const QString token = m_server.login(QStringLiteral("rep.hz02"));
    const PullResult a = m_server.pullAll(token);
    const PullResult b = m_server.pullAll(token, a.cursors);
    QCOMPARE(a.epoch, b.epoch);
    QVERIFY(QUuid::fromString(a.epoch).isNull() == false);
    ServerProcess other;
    QVERIFY(other.createDemo(5, 5));
    QVERIFY(other.start());
    const PullResult c = other.pullAll(other.login(QStringLiteral("rep.hz02")));
    QVERIFY(c.ok);
    QVERIFY(c.epoch != a.epoch);
}

void TestServerPull::backupWhileServingRestoresWithANewEpoch()
{
    const QString token = m_server.login(QStringLiteral("manager.sh"));
    const PullResult live = m_server.pullAll(token);
    QTemporaryDir dir;
    const QString backup = dir.filePath(QStringLiteral("backup.db"));
    QByteArray err;
    // Taken from another process while this server serves (and a writer works).
    const QString rep = m_server.login(QStringLiteral("rep.sh01"));
    m_server.push(rep,
        QJsonArray {mutation(QStringLiteral("visit_plan"), newId(),
            {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))},
                {"hcp_id", m_org.hcpsOnlyIn(QStringLiteral("SH-01")).first()},
                {"planned_at", "2026-12-24T09:00:00Z"}})});
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("backup"), QStringLiteral("--data"),
                                           m_server.dataDir(), QStringLiteral("--out"), backup},
                 {}, nullptr, &err),
        0);
    QCOMPARE(QFile::permissions(backup) & (QFileDevice::ReadOther | QFileDevice::ReadGroup),
        QFileDevice::Permissions());
    // A second backup to the same file is refused rather than overwriting it.
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("backup"), QStringLiteral("--data"),
                                           m_server.dataDir(), QStringLiteral("--out"), backup},
                 {}, nullptr, &err),
        1);

    ServerProcess restored;
    QCOMPARE(ServerProcess::runCommand({QStringLiteral("restore"), QStringLiteral("--data"),
                                           restored.dataDir(), QStringLiteral("--from"), backup},
                 {}, nullptr, &err),
        0);
    QVERIFY(restored.start());
    const PullResult again = restored.pullAll(restored.login(QStringLiteral("manager.sh")));
    QVERIFY(again.ok);
    QVERIFY(again.epoch != live.epoch); // clients will pull everything again
    QVERIFY(recordsOf(again.changes, QStringLiteral("visit_plan")).size()
        > recordsOf(live.changes, QStringLiteral("visit_plan")).size());
    QCOMPARE(recordsOf(again.changes, QStringLiteral("hcp")).size(),
        recordsOf(live.changes, QStringLiteral("hcp")).size());
}

void TestServerPull::alignmentsEndByTheCalendar()
{
    ServerProcess server;
    QVERIFY(server.createDemo(40, 5));
    QVERIFY(server.start());
    DemoOrg org;
    QVERIFY(org.load(server));
    const QString hcp = org.hcpsOnlyIn(QStringLiteral("HZ-02")).value(0);
    QVERIFY(!hcp.isEmpty());
    const PullResult before = server.pullAll(server.login(QStringLiteral("rep.hz02")));
    QCOMPARE(server.stop(), 0);

    // The alignment's last day was yesterday: no push happened, the calendar moved on (simulated by
    // editing the stored alignment and forgetting the last check while the server is down).
    {
        const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
        const bool pg = ServerProcess::usesPostgres();
        QVERIFY(server.execute(pg
                ? QStringLiteral("UPDATE records SET data = jsonb_set(data::jsonb, '{valid_to}', "
                                 "to_jsonb(?1::text))::text WHERE entity = 'alignment' AND "
                                 "data::jsonb->>'hcp_id' = ?2")
                : QStringLiteral("UPDATE records SET data = json_set(data, '$.valid_to', ?1) WHERE "
                                 "entity = 'alignment' AND json_extract(data, '$.hcp_id') = ?2"),
            {yesterday, hcp}));
        QCOMPARE(
            server.scalar(pg ? QStringLiteral("SELECT count(*) FROM records WHERE entity = 'alignment' AND "
                                              "data::jsonb->>'valid_to' = ?1")
                             : QStringLiteral("SELECT count(*) FROM records WHERE entity = 'alignment' AND "
                                              "json_extract(data, '$.valid_to') = ?1"),
                {yesterday}),
            qint64(1));
        QVERIFY(server.execute(QStringLiteral("DELETE FROM meta WHERE key = 'alignment_dates_applied'")));
    }
    QVERIFY(server.start());
    const PullResult after = server.pullAll(server.login(QStringLiteral("rep.hz02")), before.cursors);
    QHash<QString, QString> ops;
    for (const QJsonObject &c : after.changes)
        ops.insert(c.value("id").toString(), c.value("op").toString());
    QCOMPARE(ops.value(hcp), QStringLiteral("revoke"));
    QVERIFY(server.serverLog().contains("moved 1 HCPs"));
}

QTEST_GUILESS_MAIN(TestServerPull)
#include "tst_serverpull.moc"
