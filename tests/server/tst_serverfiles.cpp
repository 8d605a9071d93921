#include "server/demoorg.h"
#include "server/serverprocess.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QUuid>
#include <QtTest>

using namespace rounds::test;

// Files synced by content against a real rounds-server (docs/sync-protocol.md, "Files"): whole and
// chunked uploads, resuming from the server's offset, a wrong hash refused with nothing kept, the
// files.max_bytes limit (at, below and above it, refused from the headers), ranged downloads, and who
// may read a file (a record that references it, or having uploaded it; 404 otherwise). Runs on SQLite
// and, as test_serverfiles_postgres, on PostgreSQL.
class TestServerFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void uploadWhole();
    void uploadInChunks();
    void resumeFromServerOffset();
    void chunkOutOfPlace();
    void wrongHashKeepsNothing_data();
    void wrongHashKeepsNothing();
    void sizeLimit_data();
    void sizeLimit();
    void sizeLimitBeforeTheBody();
    void settingBounds_data();
    void settingBounds();
    void rangeGet_data();
    void rangeGet();
    void readAccess();
    void materialFileForEveryReader();
    void receiptGoneWithItsExpense();
    void indexRebuiltByTheMigration();
    void badRequests();
    void backupAndRestoreCarryFiles();
    void migrateToPostgresCarriesFiles();

private:
    static constexpr qint64 Limit = 64 * 1024; // files.max_bytes of this server
    static QByteArray bytes(qint64 n)
    {
        QByteArray b(n, Qt::Uninitialized);
        for (qint64 i = 0; i < n; ++i)
            b[i] = char(QRandomGenerator::global()->bounded(256));
        return b;
    }
    static QString sha(const QByteArray &b)
    {
        return QString::fromLatin1(QCryptographicHash::hash(b, QCryptographicHash::Sha256).toHex());
    }
    static QString path(const QString &sha256) { return QStringLiteral("/api/v1/files/") + sha256; }
    HttpReply put(const QString &user, const QString &sha256, const QByteArray &body, qint64 first = -1,
        qint64 total = -1)
    {
        QList<QPair<QByteArray, QByteArray>> headers {{"Content-Type", "application/octet-stream"}};
        if (first >= 0)
            headers.append({"Content-Range",
                "bytes " + QByteArray::number(first) + '-' + QByteArray::number(first + body.size() - 1) + '/'
                    + QByteArray::number(total)});
        return m_server.request("PUT", path(sha256), body, token(user), headers);
    }
    HttpReply head(const QString &user, const QString &sha256)
    {
        const HttpReply r = m_server.request("HEAD", path(sha256), {}, token(user), {}, 5000);
        if (r.status == 0)
            qWarning() << "HEAD failed" << r.networkError << m_server.serverLog().right(600);
        return r;
    }
    HttpReply get(const QString &user, const QString &sha256, const QByteArray &range = {})
    {
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!range.isEmpty())
            headers.append({"Range", range});
        return m_server.request("GET", path(sha256), {}, token(user), headers);
    }
    QString token(const QString &user)
    {
        if (!m_tokens.contains(user))
            m_tokens.insert(user, m_server.login(user));
        return m_tokens.value(user);
    }
    // Rows or files the store keeps of a hash (complete or partial), whichever backend.
    int keptOf(const QString &sha256) const
    {
        if (!m_server.databaseUrl().isEmpty())
            return int(
                m_server.scalar(QStringLiteral("SELECT count(*) FROM files WHERE sha256 = ?1"), {sha256})
                + m_server.scalar(
                    QStringLiteral("SELECT count(*) FROM file_chunks WHERE sha256 = ?1"), {sha256}));
        int n = 0;
        QDirIterator it(
            m_server.dataDir() + QStringLiteral("/files"), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (QFileInfo(it.next()).fileName().startsWith(sha256))
                ++n;
        }
        return n;
    }
    QString newId() const { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
    // A meeting of SH-01 by rep.sh01 with one expense whose evidence names the file; the expense's id.
    QString referenceFromExpense(const QString &sha256);
    // The statuses of GET for each user, in order.
    QList<int> statuses(const QStringList &users, const QString &sha256)
    {
        QList<int> out;
        for (const QString &u : users)
            out << get(u, sha256).status;
        return out;
    }

    ServerProcess m_server;
    DemoOrg m_org;
    QHash<QString, QString> m_tokens;
};

void TestServerFiles::initTestCase()
{
    QVERIFY(m_server.createDemo(40, 10));
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand({"setting", "--data", m_server.dataDir(), "--key", "files.max_bytes",
                                           "--value", QString::number(Limit)},
                 {}, nullptr, &err),
        0);
    QVERIFY(m_server.start());
    QVERIFY(m_org.load(m_server));
}

void TestServerFiles::uploadWhole()
{
    const QByteArray data = bytes(20000);
    const QString id = sha(data);
    QCOMPARE(head(QStringLiteral("rep.sh01"), id).header("Rounds-File-State"), QByteArray("missing"));
    const HttpReply r = put(QStringLiteral("rep.sh01"), id, data);
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("state").toString(), QStringLiteral("complete"));
    QCOMPARE(r.json.value("size").toInteger(), 20000);
    const HttpReply h = head(QStringLiteral("rep.sh01"), id);
    QCOMPARE(h.status, 200);
    QCOMPARE(h.header("Rounds-File-State"), QByteArray("complete"));
    QCOMPARE(h.header("Rounds-File-Size"), QByteArray("20000"));
    QVERIFY(h.body.isEmpty());
    const HttpReply g = get(QStringLiteral("rep.sh01"), id);
    QCOMPARE(g.status, 200);
    QCOMPARE(g.body, data);
    QCOMPARE(g.header("Content-Length"), QByteArray("20000"));
    // Immutable: the same bytes again change nothing and answer success.
    const HttpReply again = put(QStringLiteral("rep.sh01"), id, data);
    QCOMPARE(again.status, 200);
    QCOMPARE(again.json.value("state").toString(), QStringLiteral("complete"));
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).body, data);
}

void TestServerFiles::uploadInChunks()
{
    const QByteArray data = bytes(50000);
    const QString id = sha(data);
    for (qint64 at = 0; at < data.size(); at += 16384) {
        const QByteArray part = data.mid(at, 16384);
        const HttpReply r = put(QStringLiteral("rep.sh01"), id, part, at, data.size());
        QCOMPARE(r.status, 200);
        const bool last = at + part.size() == data.size();
        QCOMPARE(
            r.json.value("state").toString(), last ? QStringLiteral("complete") : QStringLiteral("partial"));
        QCOMPARE(r.json.value("offset").toInteger(), at + part.size());
    }
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).body, data);
}

void TestServerFiles::resumeFromServerOffset()
{
    // An upload killed half-way: the first half is stored, HEAD says how much, the rest follows.
    const QByteArray data = bytes(40000);
    const QString id = sha(data);
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, data.left(20000), 0, data.size()).status, 200);
    const HttpReply h = head(QStringLiteral("rep.sh01"), id);
    QCOMPARE(h.header("Rounds-File-State"), QByteArray("partial"));
    QCOMPARE(h.header("Rounds-File-Offset"), QByteArray("20000"));
    QCOMPARE(h.header("Rounds-File-Size"), QByteArray("40000"));
    // Not readable while partial, even by its uploader.
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).status, 404);
    const qint64 from = h.header("Rounds-File-Offset").toLongLong();
    const HttpReply r = put(QStringLiteral("rep.sh01"), id, data.mid(from), from, data.size());
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("state").toString(), QStringLiteral("complete"));
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).body, data);
}

void TestServerFiles::chunkOutOfPlace()
{
    const QByteArray data = bytes(30000);
    const QString id = sha(data);
    // Nothing stored yet: a chunk past 0 is told to start at 0.
    HttpReply r = put(QStringLiteral("rep.sh01"), id, data.mid(10000, 10000), 10000, data.size());
    QCOMPARE(r.status, 409);
    QCOMPARE(r.errorCode(), QStringLiteral("offset_mismatch"));
    QCOMPARE(r.header("Rounds-File-Offset"), QByteArray("0"));
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, data.left(10000), 0, data.size()).status, 200);
    // A gap and an overlap are refused with where the stored part ends; nothing changes.
    for (const qint64 at : {qint64(15000), qint64(5000)}) {
        r = put(QStringLiteral("rep.sh01"), id, data.mid(at, 5000), at, data.size());
        QCOMPARE(r.status, 409);
        QCOMPARE(r.header("Rounds-File-Offset"), QByteArray("10000"));
    }
    // Another total than the upload in progress declared.
    r = put(QStringLiteral("rep.sh01"), id, data.mid(10000, 100), 10000, data.size() + 1);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("Content-Range"));
    QCOMPARE(head(QStringLiteral("rep.sh01"), id).header("Rounds-File-Offset"), QByteArray("10000"));
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, data.mid(10000), 10000, data.size()).status, 200);
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).body, data);
}

void TestServerFiles::wrongHashKeepsNothing_data()
{
    QTest::addColumn<bool>("chunked");
    QTest::newRow("one body") << false;
    QTest::newRow("in chunks") << true;
}

void TestServerFiles::wrongHashKeepsNothing()
{
    QFETCH(bool, chunked);
    const QByteArray data = bytes(30000);
    QByteArray other = data;
    other[29999] = char(other.at(29999) ^ 1);
    const QString claimed = sha(data);
    HttpReply r;
    if (chunked) {
        QCOMPARE(put(QStringLiteral("rep.sh01"), claimed, other.left(15000), 0, other.size()).status, 200);
        QVERIFY(keptOf(claimed) > 0);
        r = put(QStringLiteral("rep.sh01"), claimed, other.mid(15000), 15000, other.size());
    } else {
        r = put(QStringLiteral("rep.sh01"), claimed, other);
    }
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_request"));
    QCOMPARE(r.errorField(), QStringLiteral("sha256"));
    QVERIFY(r.json.value("error").toObject().value("message").toString().contains(sha(other)));
    QCOMPARE(head(QStringLiteral("rep.sh01"), claimed).header("Rounds-File-State"), QByteArray("missing"));
    QCOMPARE(keptOf(claimed), 0);
    QCOMPARE(keptOf(sha(other)), 0);
    // The right bytes are accepted afterwards.
    QCOMPARE(put(QStringLiteral("rep.sh01"), claimed, data).json.value("state").toString(),
        QStringLiteral("complete"));
}

void TestServerFiles::sizeLimit_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<bool>("chunked");
    QTest::addColumn<int>("status");
    QTest::newRow("below, whole") << Limit - 1 << false << 200;
    QTest::newRow("at, whole") << Limit << false << 200;
    QTest::newRow("above, whole") << Limit + 1 << false << 413;
    QTest::newRow("below, chunks") << Limit - 1 << true << 200;
    QTest::newRow("at, chunks") << Limit << true << 200;
    QTest::newRow("above, chunks") << Limit + 1 << true << 413;
}

void TestServerFiles::sizeLimit()
{
    QFETCH(qint64, size);
    QFETCH(bool, chunked);
    QFETCH(int, status);
    const QByteArray data = bytes(size);
    const QString id = sha(data);
    // In chunks, the first one already names the total.
    const HttpReply r = chunked ? put(QStringLiteral("rep.sh01"), id, data.left(1000), 0, data.size())
                                : put(QStringLiteral("rep.sh01"), id, data);
    QCOMPARE(r.status, status);
    if (status == 413) {
        QCOMPARE(r.errorCode(), QStringLiteral("payload_too_large"));
        QCOMPARE(keptOf(id), 0);
    } else if (chunked) {
        QCOMPARE(put(QStringLiteral("rep.sh01"), id, data.mid(1000), 1000, data.size()).status, 200);
    }
    if (status == 200)
        QCOMPARE(get(QStringLiteral("rep.sh01"), id).body, data);
}

void TestServerFiles::sizeLimitBeforeTheBody()
{
    // A declared gigabyte is refused from the headers: the answer comes without a byte of the body sent.
    QTcpSocket socket;
    socket.connectToHost(m_server.url().host(), quint16(m_server.url().port()));
    QVERIFY(socket.waitForConnected(5000));
    socket.write("PUT " + path(sha("x")).toLatin1() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
        + token(QStringLiteral("rep.sh01")).toLatin1() + "\r\nContent-Length: 1000000000\r\n\r\n");
    QByteArray answer;
    QElapsedTimer clock;
    clock.start();
    while (!answer.contains("\r\n\r\n") && clock.elapsed() < 10000) {
        socket.waitForReadyRead(200);
        answer += socket.readAll();
    }
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QVERIFY(answer.contains("files.max_bytes"));
}

void TestServerFiles::settingBounds_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("exit");
    QTest::newRow("below the minimum") << QStringLiteral("1023") << 1;
    QTest::newRow("the minimum") << QStringLiteral("1024") << 0;
    QTest::newRow("the maximum") << QStringLiteral("4294967296") << 0;
    QTest::newRow("above the maximum") << QStringLiteral("4294967297") << 1;
    QTest::newRow("not a number") << QStringLiteral("\"big\"") << 1;
    QTest::newRow("a fraction") << QStringLiteral("2048.5") << 1;
}

void TestServerFiles::settingBounds()
{
    QFETCH(QString, value);
    QFETCH(int, exit);
    // Pushed as an admin would: refused with invalid_request on `value` when out of bounds.
    const QString id = newId();
    QJsonParseError e;
    const QJsonValue v = QJsonDocument::fromJson("[" + value.toUtf8() + "]", &e).array().at(0);
    const HttpReply r = m_server.push(token(QStringLiteral("admin")),
        QJsonArray {mutation(QStringLiteral("setting"), id, {{"key", "files.max_bytes"}, {"value", v}})});
    QCOMPARE(r.status, 200);
    const QJsonObject result = r.json.value("results").toArray().at(0).toObject();
    QCOMPARE(result.value("status").toString() == QLatin1String("rejected"), exit != 0);
    if (exit != 0)
        QCOMPARE(result.value("error").toObject().value("field").toString(), QStringLiteral("value"));
    // Put the limit of this test back (the newest setting is in force).
    if (exit == 0) {
        const HttpReply back = m_server.push(token(QStringLiteral("admin")),
            QJsonArray {mutation(
                QStringLiteral("setting"), newId(), {{"key", "files.max_bytes"}, {"value", Limit}})});
        QCOMPARE(back.status, 200);
    }
}

void TestServerFiles::rangeGet_data()
{
    QTest::addColumn<QByteArray>("range");
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("first");
    QTest::addColumn<qint64>("last");
    QTest::newRow("none") << QByteArray() << 200 << qint64(0) << qint64(9999);
    QTest::newRow("from") << QByteArray("bytes=4000-") << 206 << qint64(4000) << qint64(9999);
    QTest::newRow("from to") << QByteArray("bytes=10-19") << 206 << qint64(10) << qint64(19);
    QTest::newRow("past the end clamped")
        << QByteArray("bytes=9990-20000") << 206 << qint64(9990) << qint64(9999);
    QTest::newRow("last byte") << QByteArray("bytes=9999-") << 206 << qint64(9999) << qint64(9999);
    QTest::newRow("suffix") << QByteArray("bytes=-100") << 206 << qint64(9900) << qint64(9999);
    QTest::newRow("at the end") << QByteArray("bytes=10000-") << 416 << qint64(0) << qint64(-1);
    QTest::newRow("far past the end") << QByteArray("bytes=50000-60000") << 416 << qint64(0) << qint64(-1);
    QTest::newRow("several ranges: whole") << QByteArray("bytes=0-1,5-6") << 200 << qint64(0) << qint64(9999);
}

void TestServerFiles::rangeGet()
{
    QFETCH(QByteArray, range);
    QFETCH(int, status);
    QFETCH(qint64, first);
    QFETCH(qint64, last);
    static const QByteArray data = bytes(10000);
    const QString id = sha(data);
    if (head(QStringLiteral("rep.sh01"), id).header("Rounds-File-State") != "complete")
        QCOMPARE(put(QStringLiteral("rep.sh01"), id, data).status, 200);
    const HttpReply r = get(QStringLiteral("rep.sh01"), id, range);
    QCOMPARE(r.status, status);
    if (status == 416) {
        QCOMPARE(r.header("Content-Range"), QByteArray("bytes */10000"));
        QCOMPARE(r.errorCode(), QStringLiteral("range_not_satisfiable"));
        return;
    }
    QCOMPARE(r.body, data.mid(first, last - first + 1));
    QCOMPARE(r.header("Accept-Ranges"), QByteArray("bytes"));
    if (status == 206)
        QCOMPARE(r.header("Content-Range"),
            "bytes " + QByteArray::number(first) + '-' + QByteArray::number(last) + "/10000");
}

QString TestServerFiles::referenceFromExpense(const QString &sha256)
{
    const QString meeting = newId();
    const QString expense = newId();
    const QString hcp = m_org.hcpsOnlyIn(QStringLiteral("SH-01")).value(0);
    const HttpReply r = m_server.push(token(QStringLiteral("rep.sh01")),
        QJsonArray {
            mutation(QStringLiteral("meeting"), meeting,
                {{"territory_id", m_org.territory.value(QStringLiteral("SH-01"))}, {"title", "病例讨论"},
                    {"starts_at", "2026-12-20T10:00:00Z"},
                    {"owner_id", m_org.user.value(QStringLiteral("rep.sh01"))}, {"budget_minor", 100000}}),
            mutation(QStringLiteral("meeting_expense"), expense,
                {{"meeting_id", meeting}, {"category", "venue"}, {"amount_minor", 10000},
                    {"evidence", QStringLiteral("sha256:%1:发票.pdf").arg(sha256)}, {"status", "actual"}})});
    [&] { QCOMPARE(r.status, 200); }();
    for (const QJsonValue &v : r.json.value("results").toArray())
        [&] { QCOMPARE(v.toObject().value("status").toString(), QStringLiteral("applied")); }();
    Q_UNUSED(hcp);
    return expense;
}

void TestServerFiles::readAccess()
{
    const QByteArray receipt = bytes(5000);
    const QString id = sha(receipt);
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, receipt).status, 200);
    // Nobody else may read it before a record names it; its uploader may.
    for (const char *user : {"manager.sh", "rep.sh02", "rep.hz01", "admin"})
        QCOMPARE(get(QString::fromLatin1(user), id).status, 404);
    QCOMPARE(get(QStringLiteral("rep.sh01"), id).status, 200);

    referenceFromExpense(id);
    // Who pulls the meeting's expense reads the file: SH-01's rep, Shanghai's manager, the admin; the
    // other reps and Hangzhou's manager do not (404, not 403: they learn nothing).
    for (const char *user : {"rep.sh01", "manager.sh", "admin"}) {
        const HttpReply r = get(QString::fromLatin1(user), id);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, receipt);
    }
    for (const char *user : {"rep.sh02", "rep.hz01", "manager.hz"}) {
        const HttpReply r = get(QString::fromLatin1(user), id);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
        QVERIFY(r.body.size() < 200);
    }
    // Sending the whole file again makes it theirs: they had the bytes.
    QCOMPARE(put(QStringLiteral("rep.hz01"), id, receipt).status, 200);
    QCOMPARE(get(QStringLiteral("rep.hz01"), id).status, 200);
    // A chunk of an existing file does not.
    QCOMPARE(put(QStringLiteral("rep.hz02"), id, receipt.left(10), 0, receipt.size()).status, 200);
    QCOMPARE(get(QStringLiteral("rep.hz02"), id).status, 404);
    // Without a token: 401 on every route.
    QCOMPARE(m_server.request("GET", path(id)).status, 401);
    QCOMPARE(m_server.request("PUT", path(id), receipt).status, 401);
    QCOMPARE(m_server.request("HEAD", path(id)).status, 401);
}

void TestServerFiles::materialFileForEveryReader()
{
    // A material is in the global bucket: every user who pulls it reads its file and its thumbnail, with
    // no code that knows material.file or material.thumbnail (the index is built from the schema's
    // fileRef flags).
    const QByteArray pdf = bytes(9000), thumb = bytes(700);
    QCOMPARE(put(QStringLiteral("admin"), sha(pdf), pdf).status, 200);
    QCOMPARE(put(QStringLiteral("admin"), sha(thumb), thumb).status, 200);
    const QStringList readers {
        QStringLiteral("rep.hz01"), QStringLiteral("rep.sh02"), QStringLiteral("manager.sh")};
    QCOMPARE(statuses(readers, sha(pdf)), (QList<int> {404, 404, 404}));
    const QString product = m_org.all(QStringLiteral("product")).value(0).value("id").toString();
    QVERIFY(!product.isEmpty());
    const QString material = newId();
    const HttpReply r = m_server.push(token(QStringLiteral("admin")),
        QJsonArray {mutation(QStringLiteral("material"), material,
            {{"title", "产品手册"}, {"product_id", product}, {"status", "approved"},
                {"file", QStringLiteral("sha256:%1:手册.pdf").arg(sha(pdf))},
                {"thumbnail", QStringLiteral("sha256:%1").arg(sha(thumb))}})});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("results").toArray().at(0).toObject().value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(statuses(readers, sha(pdf)), (QList<int> {200, 200, 200}));
    QCOMPARE(statuses(readers, sha(thumb)), (QList<int> {200, 200, 200}));
    QCOMPARE(get(QStringLiteral("rep.hz01"), sha(pdf)).body, pdf);
    // A new version names another thumbnail: the old one is nobody's any more (but its uploader's).
    const QByteArray thumb2 = bytes(800);
    QCOMPARE(put(QStringLiteral("admin"), sha(thumb2), thumb2).status, 200);
    const HttpReply r2 = m_server.push(token(QStringLiteral("admin")),
        QJsonArray {mutation(QStringLiteral("material"), material,
            {{"thumbnail", QStringLiteral("sha256:%1").arg(sha(thumb2))}}, 1)});
    QCOMPARE(r2.json.value("results").toArray().at(0).toObject().value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(statuses(readers, sha(thumb)), (QList<int> {404, 404, 404}));
    QCOMPARE(statuses(readers, sha(thumb2)), (QList<int> {200, 200, 200}));
    QCOMPARE(get(QStringLiteral("admin"), sha(thumb)).status, 200);
}

void TestServerFiles::receiptGoneWithItsExpense()
{
    const QByteArray receipt = bytes(3000);
    const QString id = sha(receipt);
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, receipt).status, 200);
    const QString expense = referenceFromExpense(id);
    // Shanghai's manager approves SH-01's meetings and reads the receipt; a rep of another territory
    // gets 404 (not 403).
    QCOMPARE(
        statuses({QStringLiteral("manager.sh"), QStringLiteral("rep.hz01")}, id), (QList<int> {200, 404}));
    // The expense deleted: nobody reads it through the record any more (its uploader still does).
    const HttpReply r = m_server.push(token(QStringLiteral("rep.sh01")),
        QJsonArray {
            mutation(QStringLiteral("meeting_expense"), expense, {}, 1, {}, QStringLiteral("delete"))});
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value("results").toArray().at(0).toObject().value("status").toString(),
        QStringLiteral("applied"));
    QCOMPARE(statuses({QStringLiteral("manager.sh"), QStringLiteral("rep.hz01"), QStringLiteral("admin"),
                          QStringLiteral("rep.sh01")},
                 id),
        (QList<int> {404, 404, 404, 200}));
}

void TestServerFiles::indexRebuiltByTheMigration()
{
    // A store from before the index (SQLite 7, PostgreSQL 9): the migration fills it from the records
    // already there, so a receipt referenced before the upgrade stays readable, and only by those who may.
    const QByteArray receipt = bytes(2000);
    const QString id = sha(receipt);
    QCOMPARE(put(QStringLiteral("rep.sh01"), id, receipt).status, 200);
    referenceFromExpense(id);
    QVERIFY(m_server.stop() == 0);
    const bool pg = !m_server.databaseUrl().isEmpty();
    QVERIFY(m_server.scalar(QStringLiteral("SELECT count(*) FROM file_refs WHERE sha256 = ?1"), {id}) == 1);
    if (pg)
        QVERIFY(m_server.execute(
            QStringLiteral("DROP TABLE file_refs; DELETE FROM schema_version WHERE version = 10")));
    else
        QVERIFY(m_server.execute(QStringLiteral("DROP TABLE file_refs; PRAGMA user_version = 7")));
    QVERIFY(m_server.start());
    m_tokens.clear();
    QCOMPARE(
        statuses({QStringLiteral("manager.sh"), QStringLiteral("rep.hz01")}, id), (QList<int> {200, 404}));
    QVERIFY(m_server.stop() == 0);
    // One row per (file, record, field): the receipt's expense, and no tombstone's.
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM file_refs WHERE sha256 = ?1"), {id}), 1);
    QCOMPARE(m_server.scalar(QStringLiteral("SELECT count(*) FROM file_refs f JOIN records r ON r.entity = "
                                            "f.entity AND r.id = f.record_id WHERE r.deleted")),
        0);
    QVERIFY(m_server.start());
    m_tokens.clear();
}

void TestServerFiles::badRequests()
{
    const QByteArray data = bytes(100);
    for (const QString &bad : QStringList {QStringLiteral("abc"), sha(data).toUpper(),
             sha(data) + QStringLiteral("/x"), QString(64, QLatin1Char('g'))}) {
        const HttpReply r = put(QStringLiteral("rep.sh01"), bad, data);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("sha256"));
    }
    for (const QByteArray &range : {QByteArray("bytes 5-1/100"), QByteArray("bytes 0-99/99"),
             QByteArray("bytes=0-99/100"), QByteArray("bytes 0-9/100")}) {
        const HttpReply r = m_server.request(
            "PUT", path(sha(data)), data, token(QStringLiteral("rep.sh01")), {{"Content-Range", range}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.errorField(), QStringLiteral("Content-Range"));
    }
    QCOMPARE(head(QStringLiteral("rep.sh01"), sha(data)).header("Rounds-File-State"), QByteArray("missing"));
    QCOMPARE(m_server.request("DELETE", path(sha(data)), {}, token(QStringLiteral("rep.sh01"))).status, 404);
}

// A SQLite server with one uploaded file; `sha256` gets its hash.
static bool serverWithAFile(ServerProcess &server, const QByteArray &data, QString *token)
{
    // Without the demo's materials, so the store holds exactly the one file.
    if (!server.createDemo(10, 2, 1, {QStringLiteral("--without-materials")}) || !server.start())
        return false;
    *token = server.login(QStringLiteral("rep.sh01"));
    const QString sha256
        = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    return server
               .request("PUT", QStringLiteral("/api/v1/files/") + sha256, data, *token,
                   {{"Content-Type", "application/octet-stream"}})
               .status
        == 200;
}

void TestServerFiles::backupAndRestoreCarryFiles()
{
    // SQLite keeps files in its data folder: backup writes them beside the database file, restore puts
    // them back (PostgreSQL keeps them in tables, which pg_dump carries with the rest).
    ServerProcess source(ServerProcess::Backend::Sqlite);
    const QByteArray data = bytes(70000);
    QString token;
    QVERIFY(serverWithAFile(source, data, &token));
    QTemporaryDir backups;
    const QString file = backups.filePath(QStringLiteral("rounds.db"));
    QByteArray err;
    QCOMPARE(
        ServerProcess::runCommand({"backup", "--data", source.dataDir(), "--out", file}, {}, nullptr, &err),
        0);
    QVERIFY2(err.contains("and its 1 files"), err.constData());
    QVERIFY(
        QFile::exists(file + QStringLiteral(".files/") + sha(data).left(2) + QLatin1Char('/') + sha(data)));
    source.stop();

    ServerProcess restored(ServerProcess::Backend::Sqlite);
    QCOMPARE(ServerProcess::runCommand(
                 {"restore", "--data", restored.dataDir(), "--from", file}, {}, nullptr, &err),
        0);
    QVERIFY(restored.start());
    // The uploader reads it on the restored server (their uploader mark came along).
    const HttpReply r
        = restored.request("GET", path(sha(data)), {}, restored.login(QStringLiteral("rep.sh01")));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, data);
}

void TestServerFiles::migrateToPostgresCarriesFiles()
{
    if (!ServerProcess::usesPostgres())
        QSKIP("needs the PostgreSQL test cluster (test_serverfiles_postgres)");
    ServerProcess source(ServerProcess::Backend::Sqlite);
    const QByteArray data = bytes(3 * 1024 * 1024 + 17); // several 1 MiB rows
    QString token;
    QVERIFY(serverWithAFile(source, data, &token));
    source.stop();
    ServerProcess target; // its own empty database
    QByteArray err;
    QCOMPARE(ServerProcess::runCommand(
                 {"migrate-to-postgres", "--data", source.dataDir(), "--database", target.databaseUrl()}, {},
                 nullptr, &err),
        0);
    QVERIFY2(err.contains("1 files"), err.constData());
    QVERIFY(target.start());
    const QString rep = target.login(QStringLiteral("rep.sh01"));
    const HttpReply whole = target.request("GET", path(sha(data)), {}, rep);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.body, data);
    // A range across two rows.
    const HttpReply part
        = target.request("GET", path(sha(data)), {}, rep, {{"Range", "bytes=1048000-1049000"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, data.mid(1048000, 1001));
}

QTEST_GUILESS_MAIN(TestServerFiles)
#include "tst_serverfiles.moc"
