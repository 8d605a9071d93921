#include "e2e/clirunner.h"
#include "e2e/syncclient.h"
#include "models/localfiles.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/apiclient.h"
#include "sync/downloadplan.h"
#include "sync/downloadqueue.h"
#include "sync/filetransfer.h"

#include <QCryptographicHash>
#include <QDate>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// The client's background downloads (sync/downloadplan.h, sync/downloadqueue.h) against a real
// rounds-server: what a rep's materials need comes first (requested, pinned, presentable thumbnails,
// presentable files, approved-not-yet-valid), withdrawn/expired/draft materials and receipts are not
// fetched unless asked; a download stopped half-way (the queue cancelled, or the server killed) resumes
// from its partial; a corrupt partial is never put in place and is fetched again; a manager opens a rep's
// receipt on another laptop; files of withdrawn materials go after the grace period unless pinned.
class TestDownloads : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void planOrder();
    void runnerFetchesEverythingPending();
    void cancelledDownloadResumes();
    void serverKilledMidDownloadResumes();
    void corruptPartialIsFetchedAgain();
    void receiptOpensOnTheManagersLaptop();
    void withdrawnFilesGoAfterTheGrace();
    void cliListsTheQueueAndDownloads();

private:
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
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    QString adminToken()
    {
        if (m_admin.isEmpty())
            m_admin = m_server.login(QStringLiteral("admin"));
        return m_admin;
    }
    // Uploads `data` as admin and pushes a material naming it (and `thumbnail`, when given).
    QString publish(const QString &title, const QByteArray &data, const QJsonObject &fields,
        const QByteArray &thumbnail = {})
    {
        for (const QByteArray &b : {data, thumbnail}) {
            if (b.isEmpty())
                continue;
            const HttpReply up = m_server.request("PUT", QStringLiteral("/api/v1/files/") + sha(b), b,
                adminToken(), {{"Content-Type", "application/octet-stream"}});
            if (up.status != 200)
                qWarning() << "upload failed" << up.status;
        }
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject set {{"title", title}, {"product_id", m_product}, {"status", "approved"},
            {"file", QStringLiteral("sha256:%1:%2.pdf").arg(sha(data), title)}, {"file_size", data.size()}};
        if (!thumbnail.isEmpty())
            set.insert(QStringLiteral("thumbnail"), QStringLiteral("sha256:%1").arg(sha(thumbnail)));
        for (auto it = fields.begin(); it != fields.end(); ++it)
            set.insert(it.key(), it.value());
        const HttpReply r
            = m_server.push(adminToken(), QJsonArray {mutation(QStringLiteral("material"), id, set)});
        const QString status = r.json.value("results").toArray().at(0).toObject().value("status").toString();
        if (status != QLatin1String("applied"))
            qWarning() << "material push:" << r.json;
        return id;
    }
    static QStringList order(const QList<PlannedDownload> &plan)
    {
        QStringList out;
        for (const PlannedDownload &d : plan)
            out << d.sha256;
        return out;
    }
    // `name` signed in on a laptop of its own (`laptop`: a folder name; the user's name by default).
    std::unique_ptr<SyncClient> rep(const QString &name, const QString &laptop = {})
    {
        // A folder of its own, as each account has on a laptop (files/ and evidence/ sit beside the
        // database).
        const QString dir = m_dir.filePath(laptop.isEmpty() ? name : laptop);
        QDir().mkpath(dir);
        auto c = std::make_unique<SyncClient>();
        if (!c->signIn(m_server, m_server.url().toString(), dir, name)) {
            qWarning() << "sign-in of" << name << "failed";
            return nullptr;
        }
        const SyncSummary synced = c->sync();
        if (!synced.ok) {
            qWarning() << "sync of" << name << "failed:" << synced.error.message;
            return nullptr;
        }
        return c;
    }
    static QString today(int days = 0) { return QDate::currentDate().addDays(days).toString(Qt::ISODate); }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QString m_admin;
    QString m_product;
    // Published in initTestCase: presentable (with thumbnail), not valid yet, withdrawn, expired, draft.
    QByteArray m_now, m_nowThumb, m_later, m_withdrawn, m_expired, m_draft;
};

void TestDownloads::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The suite publishes materials of its own; the demo's would change every plan it checks.
    QVERIFY(m_server.createDemo(20, 5, 1, {QStringLiteral("--without-materials")}));
    QVERIFY(m_server.start());
    const PullResult all = m_server.pullAll(adminToken());
    m_product = recordsOf(all.changes, QStringLiteral("product")).value(0).value("id").toString();
    QVERIFY(!m_product.isEmpty());
    m_now = bytes(300 * 1024);
    m_nowThumb = bytes(2000);
    m_later = bytes(100 * 1024);
    m_withdrawn = bytes(50 * 1024);
    m_expired = bytes(60 * 1024);
    m_draft = bytes(70 * 1024);
    publish(QStringLiteral("now"), m_now, {{"valid_to", today(30)}}, m_nowThumb);
    publish(QStringLiteral("later"), m_later, {{"valid_from", today(10)}});
    publish(QStringLiteral("withdrawn"), m_withdrawn, {{"status", "withdrawn"}});
    publish(QStringLiteral("expired"), m_expired, {{"valid_to", today(-1)}});
    publish(QStringLiteral("draft"), m_draft, {{"status", "draft"}});
}

void TestDownloads::init()
{
    // A test that failed while the server was down leaves it down: the next one starts it again.
    if (!m_server.isRunning()) {
        QVERIFY(m_server.start());
        m_admin.clear();
    }
}

void TestDownloads::planOrder()
{
    auto c = rep(QStringLiteral("rep.sh01"));
    QVERIFY(c);
    QList<PlannedDownload> plan;
    QString error;
    QVERIFY2(downloadplan::pending(c->store.get(), {}, &plan, &error), qPrintable(error));
    // Presentable thumbnails, presentable files, then approved-not-yet-valid; nothing else.
    QCOMPARE(order(plan), (QStringList {sha(m_nowThumb), sha(m_now), sha(m_later)}));
    QCOMPARE(plan.at(1).reason, PlannedDownload::Reason::Presentable);
    QCOMPARE(plan.at(1).size, qint64(m_now.size()));
    // Pinned goes first; a request before everything (also a hash no material names: a receipt).
    FileStateRow pin;
    pin.sha256 = sha(m_later);
    pin.pinned = true;
    QVERIFY(c->store->putFileState(pin, false));
    const QString receipt = sha("a receipt");
    QVERIFY(downloadplan::pending(c->store.get(), {receipt}, &plan, &error));
    QCOMPARE(order(plan), (QStringList {receipt, sha(m_later), sha(m_nowThumb), sha(m_now)}));
    QCOMPARE(plan.first().reason, PlannedDownload::Reason::Requested);
    // A file already here is not pending.
    QDir().mkpath(localfiles::downloadFolderFor(c->dbPath));
    QFile f(localfiles::downloadPathFor(c->dbPath, sha(m_now)));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(m_now);
    f.close();
    QVERIFY(downloadplan::pending(c->store.get(), {}, &plan, &error));
    QCOMPARE(order(plan), (QStringList {sha(m_later), sha(m_nowThumb)}));
}

void TestDownloads::runnerFetchesEverythingPending()
{
    auto c = rep(QStringLiteral("rep.sh02"));
    QVERIFY(c);
    QList<PlannedDownload> plan;
    QString error;
    QVERIFY2(downloadplan::pending(c->store.get(), {}, &plan, &error), qPrintable(error));
    QCOMPARE(order(plan), (QStringList {sha(m_nowThumb), sha(m_now), sha(m_later)}));
    DownloadRunner runner(*c->store, *c->api);
    QSignalSpy ready(&runner, &DownloadRunner::fileReady);
    QList<DownloadProgress> seen;
    connect(&runner, &DownloadRunner::progress, this, [&](const DownloadProgress &p) { seen << p; });
    const DownloadProgress p = runner.run();
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(p.filesDone, 3);
    QCOMPARE(p.filesTotal, 3);
    QCOMPARE(p.bytesDone, qint64(m_now.size() + m_nowThumb.size() + m_later.size()));
    QCOMPARE(ready.count(), 3);
    QCOMPARE(ready.at(0).at(0).toString(), sha(m_nowThumb));
    QCOMPARE(read(localfiles::downloadPathFor(c->dbPath, sha(m_now))), m_now);
    QCOMPARE(read(localfiles::downloadPathFor(c->dbPath, sha(m_later))), m_later);
    for (const QByteArray &never : {m_withdrawn, m_expired, m_draft})
        QVERIFY(!QFile::exists(localfiles::downloadPathFor(c->dbPath, sha(never))));
    // Progress says which file, how far, and never goes past the total.
    QVERIFY(!seen.isEmpty());
    for (const DownloadProgress &s : std::as_const(seen)) {
        QVERIFY(s.filesDone <= s.filesTotal);
        QVERIFY(s.bytesDone + s.currentBytes <= s.bytesTotal);
    }
    QVERIFY(!seen.last().running);
    // Nothing is left: a second run fetches nothing.
    QCOMPARE(runner.run().filesDone, 0);
    int complete = 0;
    for (const FileStateRow &f : c->store->fileStates())
        complete += f.state == QLatin1String("complete");
    QCOMPARE(complete, 3);
}

void TestDownloads::cancelledDownloadResumes()
{
    const QByteArray big = bytes(6 * 1024 * 1024 + 123);
    const QString bigSha = sha(big);
    publish(QStringLiteral("big"), big, {{"valid_to", today(30)}});
    auto c = rep(QStringLiteral("rep.hz01"));
    QVERIFY(c);
    // Stop the queue (sign-out, quit) once half of the big file is on disk.
    auto cancel = std::make_shared<std::atomic_bool>(false);
    c->api->setCancelFlag(cancel);
    {
        DownloadRunner runner(*c->store, *c->api);
        connect(&runner, &DownloadRunner::progress, this, [&](const DownloadProgress &p) {
            if (p.current == bigSha && p.currentBytes > big.size() / 2)
                *cancel = true;
        });
        runner.run();
    }
    const QString target = localfiles::downloadPathFor(c->dbPath, sha(big));
    QVERIFY(!QFile::exists(target));
    const qint64 partial = QFileInfo(FileTransfer::partialPath(target)).size();
    QVERIFY2(partial >= big.size() / 2 && partial < big.size(), qPrintable(QString::number(partial)));
    *cancel = false;
    DownloadRunner again(*c->store, *c->api);
    qint64 firstSeen = -1;
    connect(&again, &DownloadRunner::progress, this, [&](const DownloadProgress &p) {
        if (p.current == bigSha && firstSeen < 0 && p.currentBytes > 0)
            firstSeen = p.currentBytes;
    });
    const DownloadProgress p = again.run();
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(read(target), big);
    // It went on from the partial: the first progress it reported was already past it.
    QVERIFY2(firstSeen >= partial, qPrintable(QStringLiteral("%1 < %2").arg(firstSeen).arg(partial)));
}

void TestDownloads::serverKilledMidDownloadResumes()
{
    // Large enough that the socket buffers cannot hold the rest when the server dies.
    const QByteArray big = bytes(32 * 1024 * 1024 + 7);
    const QString bigSha = sha(big);
    publish(QStringLiteral("bigger"), big, {{"valid_to", today(30)}});
    auto c = rep(QStringLiteral("rep.hz02"));
    QVERIFY(c);
    c->api->setRetryPolicy(RetryPolicy {1, 0, 0, 5000});
    DownloadProgress p;
    {
        DownloadRunner runner(*c->store, *c->api);
        connect(&runner, &DownloadRunner::progress, this, [&](const DownloadProgress &s) {
            if (s.current == bigSha && s.currentBytes > 2 * 1024 * 1024 && m_server.isRunning())
                m_server.kill();
        });
        p = runner.run();
    }
    QVERIFY2(!m_server.isRunning(), "the server was not killed: the download did not pass 2 MiB");
    QVERIFY2(p.offline,
        qPrintable(
            QStringLiteral("done %1 of %2, error '%3'").arg(p.filesDone).arg(p.filesTotal).arg(p.error)));
    QVERIFY(!p.error.isEmpty());
    const QString target = localfiles::downloadPathFor(c->dbPath, sha(big));
    const qint64 partial = QFileInfo(FileTransfer::partialPath(target)).size();
    QVERIFY2(partial > 0 && partial < big.size(), qPrintable(QString::number(partial)));
    QVERIFY(m_server.start());
    m_admin.clear();
    c->api = std::make_unique<ApiClient>(m_server.url());
    c->api->setToken(c->token);
    qint64 resumedFrom = -1;
    DownloadRunner again(*c->store, *c->api);
    connect(&again, &DownloadRunner::progress, this, [&](const DownloadProgress &s) {
        if (s.current == bigSha && resumedFrom < 0 && s.currentBytes > 0)
            resumedFrom = s.currentBytes;
    });
    p = again.run();
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(read(target), big);
    QVERIFY2(resumedFrom >= partial, qPrintable(QStringLiteral("%1 < %2").arg(resumedFrom).arg(partial)));
}

void TestDownloads::corruptPartialIsFetchedAgain()
{
    auto c = rep(QStringLiteral("rep.sh02"), QStringLiteral("laptop-corrupt"));
    QVERIFY(c);
    // A partial as long as the file, with wrong bytes (a torn write, a bad disk).
    const QString target = localfiles::downloadPathFor(c->dbPath, sha(m_later));
    QDir().mkpath(localfiles::downloadFolderFor(c->dbPath));
    QFile part(FileTransfer::partialPath(target));
    QVERIFY(part.open(QIODevice::WriteOnly));
    part.write(QByteArray(m_later.size(), 'x'));
    part.close();
    DownloadRunner runner(*c->store, *c->api);
    QSignalSpy failed(&runner, &DownloadRunner::fileFailed);
    runner.run();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(failed.at(0).at(0).toString(), sha(m_later));
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("hash")));
    QVERIFY(!QFile::exists(target)); // never under its name
    QVERIFY(!QFile::exists(part.fileName()));
    // The other files came in; the next run fetches this one whole.
    QCOMPARE(read(localfiles::downloadPathFor(c->dbPath, sha(m_now))), m_now);
    const DownloadProgress p = DownloadRunner(*c->store, *c->api).run();
    QCOMPARE(p.filesDone, 1);
    QCOMPARE(read(target), m_later);
}

void TestDownloads::receiptOpensOnTheManagersLaptop()
{
    // Two laptops: the rep attaches a receipt and syncs (the file goes up with the sync); the approving
    // manager syncs, the receipt is not fetched by itself, and is fetched when asked for (Open receipt).
    auto rep = this->rep(QStringLiteral("rep.sh01"));
    QVERIFY(rep);
    const QByteArray receipt = bytes(120 * 1024);
    const QString file = m_dir.filePath(QStringLiteral("发票.pdf"));
    {
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(receipt);
    }
    const evidence::Stored stored = evidence::store(rep->dbPath, file);
    QVERIFY2(stored.ok, qPrintable(stored.error));
    const WriteResult meeting = rep->store->create(QStringLiteral("meeting"),
        {{"territory_id", rep->territories.value(0)}, {"title", "病例讨论会"},
            {"starts_at", "2026-12-20T10:00:00Z"}, {"owner_id", rep->userId}, {"budget_minor", 100000}});
    QVERIFY(meeting.ok);
    QVERIFY(rep->store
                ->create(QStringLiteral("meeting_expense"),
                    {{"meeting_id", meeting.id}, {"category", "venue"}, {"amount_minor", 10000},
                        {"evidence", stored.reference}, {"status", "actual"}})
                .ok);
    QVERIFY(rep->sync().ok);

    auto manager = this->rep(QStringLiteral("manager.sh"));
    QVERIFY(manager);
    QVERIFY(localfiles::existingPathOf(manager->dbPath, sha(receipt)).isEmpty());
    auto requests = std::make_shared<DownloadRequests>();
    DownloadRunner runner(*manager->store, *manager->api, requests);
    runner.run(); // the materials
    QVERIFY(localfiles::existingPathOf(manager->dbPath, sha(receipt)).isEmpty()); // only on demand
    requests->add(evidence::hashOf(stored.reference));
    QSignalSpy ready(&runner, &DownloadRunner::fileReady);
    const DownloadProgress p = runner.run();
    QVERIFY2(p.error.isEmpty(), qPrintable(p.error));
    QCOMPARE(ready.count(), 1);
    const QString path = localfiles::existingPathOf(manager->dbPath, sha(receipt));
    QCOMPARE(path, localfiles::downloadPathFor(manager->dbPath, sha(receipt)));
    QCOMPARE(read(path), receipt);

    // Hangzhou's manager may not read it: 404, nothing kept, the reason in words.
    auto other = this->rep(QStringLiteral("manager.hz"));
    QVERIFY(other);
    auto theirs = std::make_shared<DownloadRequests>();
    theirs->add(sha(receipt));
    DownloadRunner refused(*other->store, *other->api, theirs);
    QSignalSpy failed(&refused, &DownloadRunner::fileFailed);
    refused.run();
    QCOMPARE(failed.count(), 1);
    QVERIFY(failed.at(0).at(1).toString().contains(QLatin1String("404")));
    QVERIFY(localfiles::existingPathOf(other->dbPath, sha(receipt)).isEmpty());
    QVERIFY(theirs->list().isEmpty()); // not asked again and again
}

void TestDownloads::withdrawnFilesGoAfterTheGrace()
{
    const QByteArray soon = bytes(30 * 1024), kept = bytes(31 * 1024);
    const QString soonId = publish(QStringLiteral("soon withdrawn"), soon, {{"valid_to", today(30)}});
    const QString keptId = publish(QStringLiteral("pinned one"), kept, {{"valid_to", today(30)}});
    auto c = rep(QStringLiteral("rep.hz01"), QStringLiteral("laptop-prune"));
    QVERIFY(c);
    QVERIFY(DownloadRunner(*c->store, *c->api).run().error.isEmpty());
    FileStateRow pin;
    for (const FileStateRow &f : c->store->fileStates()) {
        if (f.sha256 == sha(kept))
            pin = f;
    }
    pin.pinned = true;
    QVERIFY(c->store->putFileState(pin, false));
    for (const QString &id : {soonId, keptId}) {
        const HttpReply r = m_server.push(adminToken(),
            QJsonArray {mutation(QStringLiteral("material"), id, {{"status", "withdrawn"}}, 1)});
        QCOMPARE(r.json.value("results").toArray().at(0).toObject().value("status").toString(),
            QStringLiteral("applied"));
    }
    QVERIFY(c->sync().ok);
    const QString soonPath = localfiles::downloadPathFor(c->dbPath, sha(soon));
    const QString keptPath = localfiles::downloadPathFor(c->dbPath, sha(kept));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString error;
    QCOMPARE(downloadplan::prune(c->store.get(), now, &error), 0); // the grace starts
    QCOMPARE(
        downloadplan::prune(c->store.get(), now.addDays(downloadplan::GraceDays).addSecs(-60), &error), 0);
    QVERIFY(QFile::exists(soonPath));
    QCOMPARE(downloadplan::prune(c->store.get(), now.addDays(downloadplan::GraceDays), &error), 1);
    QVERIFY(!QFile::exists(soonPath));
    QVERIFY(QFile::exists(keptPath)); // pinned: kept
    // Its state says so.
    for (const FileStateRow &f : c->store->fileStates()) {
        if (f.sha256 == sha(soon))
            QCOMPARE(f.state, QStringLiteral("missing"));
    }
}

void TestDownloads::cliListsTheQueueAndDownloads()
{
    // rounds-cli files shows what the queue would fetch and why; files --download fetches it, blocking,
    // with progress on stderr; afterwards nothing is queued and every file is complete.
    const QString dir = m_dir.filePath(QStringLiteral("cli"));
    QDir().mkpath(dir);
    const QString db = dir + QStringLiteral("/rep.db");
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("login"), m_server.url().toString(),
                        QStringLiteral("rep.sh01")},
                 QByteArray(ServerProcess::DemoPassword) + '\n')
                 .code,
        0);
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("sync")}).code, 0);
    const CliRun before
        = runCli({QStringLiteral("--db"), db, QStringLiteral("files"), QStringLiteral("--json")});
    QCOMPARE(before.code, 0);
    QStringList queued, reasons;
    for (const QJsonValue &v : before.json().array()) {
        if (v.toObject().contains(QLatin1String("queued"))) {
            queued << v.toObject().value("sha256").toString();
            reasons << v.toObject().value("reason").toString();
        }
    }
    QCOMPARE(queued.value(0), sha(m_nowThumb));
    QCOMPARE(reasons.value(0), QStringLiteral("presentable_thumbnail"));
    // Presentable files (every one published by now) before the material that is not valid yet.
    QVERIFY(queued.contains(sha(m_now)));
    QVERIFY(queued.indexOf(sha(m_now)) < queued.indexOf(sha(m_later)));
    QCOMPARE(reasons.value(queued.indexOf(sha(m_later))), QStringLiteral("approved"));
    QVERIFY(!queued.contains(sha(m_withdrawn)) && !queued.contains(sha(m_draft)));
    const CliRun text = runCli({QStringLiteral("--db"), db, QStringLiteral("files")});
    QVERIFY(text.out.contains("queued for download:"));
    const CliRun download = runCli({QStringLiteral("--db"), db, QStringLiteral("files"),
        QStringLiteral("--download"), QStringLiteral("--json")});
    QVERIFY2(download.code == 0, download.err.constData());
    QCOMPARE(download.json().object().value("downloaded").toInt(), queued.size());
    QVERIFY(download.err.contains(" files, "));
    QCOMPARE(read(localfiles::downloadPathFor(db, sha(m_now))), m_now);
    const CliRun after
        = runCli({QStringLiteral("--db"), db, QStringLiteral("files"), QStringLiteral("--json")});
    for (const QJsonValue &v : after.json().array()) {
        QVERIFY(!v.toObject().contains(QLatin1String("queued")));
        QCOMPARE(v.toObject().value("state").toString(), QStringLiteral("complete"));
    }
    QVERIFY(runCli({QStringLiteral("--help")}).out.contains("files --download [--json]"));
    QCOMPARE(runCli({QStringLiteral("--db"), db, QStringLiteral("files"), QStringLiteral("--download"),
                        QStringLiteral("extra")})
                 .code,
        2);
}

QTEST_GUILESS_MAIN(TestDownloads)
#include "tst_downloads.moc"
