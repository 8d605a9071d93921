#include "e2e/clirunner.h"
#include "e2e/syncclient.h"
#include "models/meetingrepository.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/apiclient.h"
#include "sync/filetransfer.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

// The client's transfer engine (sync/filetransfer.h) against a real rounds-server: uploads and downloads
// that resume after an interruption (the server stopped mid-upload; a partial download on disk), a
// corrupt partial caught by the hash and never put under the final name, a wrong hash refused, a file
// another user may not read. SQLite, and PostgreSQL as test_filetransfer_postgres.
class TestFileTransfer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void uploadThenDownload();
    void uploadResumesAfterTheServerStopped();
    void downloadResumesFromPartial();
    void corruptPartialIsDetected();
    void wrongHashIsRefused();
    void notReadableIsNotFound();
    void statesAreListedByTheCli();
    void meetingEvidenceUploadsWithTheSync();

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
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size())
            qWarning() << "cannot write" << path;
        return path;
    }
    static QByteArray read(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    std::unique_ptr<ApiClient> client(const QString &user = QStringLiteral("rep.sh01"))
    {
        auto api = std::make_unique<ApiClient>(m_server.url());
        if (!m_tokens.contains(user))
            m_tokens.insert(user, m_server.login(user));
        api->setToken(m_tokens.value(user));
        RetryPolicy once;
        once.maxAttempts = 1;
        api->setRetryPolicy(once);
        return api;
    }

    ServerProcess m_server;
    QTemporaryDir m_dir;
    QHash<QString, QString> m_tokens;
};

void TestFileTransfer::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(m_server.createDemo(20, 5));
    QVERIFY(m_server.start());
}

void TestFileTransfer::uploadThenDownload()
{
    const QByteArray data = bytes(300 * 1024);
    const QString path = write(QStringLiteral("a.bin"), data);
    auto api = client();
    FileTransfer transfer(*api);
    transfer.setChunkBytes(64 * 1024);
    QSignalSpy progress(&transfer, &FileTransfer::progress);
    const FileTransferResult up = transfer.upload(path);
    QVERIFY2(up.ok, qPrintable(up.error));
    QCOMPARE(up.resumedFrom, 0);
    QCOMPARE(progress.count(), 5); // 4 chunks of 64 KiB and the rest
    // Again: the server has it, nothing is sent.
    const FileTransferResult again = transfer.upload(path);
    QVERIFY(again.ok);
    QCOMPARE(again.resumedFrom, data.size());

    const QString target = m_dir.filePath(QStringLiteral("a.copy"));
    const FileTransferResult down = transfer.download(sha(data), target);
    QVERIFY2(down.ok, qPrintable(down.error));
    QCOMPARE(read(target), data);
    QVERIFY(!QFile::exists(FileTransfer::partialPath(target)));
}

void TestFileTransfer::uploadResumesAfterTheServerStopped()
{
    const QByteArray data = bytes(1024 * 1024);
    const QString path = write(QStringLiteral("b.bin"), data);
    qint64 heldWhenStopped = 0;
    {
        auto api = client();
        FileTransfer transfer(*api);
        transfer.setChunkBytes(64 * 1024);
        connect(&transfer, &FileTransfer::progress, this, [&](qint64 done, qint64) {
            if (heldWhenStopped == 0 && done >= 256 * 1024) {
                heldWhenStopped = done;
                m_server.stop(); // the network goes away mid-upload
            }
        });
        const FileTransferResult cut = transfer.upload(path);
        QVERIFY(!cut.ok);
        QVERIFY(!cut.error.isEmpty());
    }
    QCOMPARE(heldWhenStopped, 256 * 1024);
    QVERIFY(m_server.start());
    auto api = client();
    FileTransfer transfer(*api);
    transfer.setChunkBytes(64 * 1024);
    QSignalSpy progress(&transfer, &FileTransfer::progress);
    const FileTransferResult resumed = transfer.upload(path);
    QVERIFY2(resumed.ok, qPrintable(resumed.error));
    // From the server's offset, not from zero: 12 more chunks, the first ending at 320 KiB.
    QCOMPARE(resumed.resumedFrom, heldWhenStopped);
    QCOMPARE(progress.count(), 12);
    QCOMPARE(progress.first().at(0).toLongLong(), heldWhenStopped + 64 * 1024);
    const QString target = m_dir.filePath(QStringLiteral("b.copy"));
    QVERIFY(transfer.download(sha(data), target).ok);
    QCOMPARE(read(target), data);
}

void TestFileTransfer::downloadResumesFromPartial()
{
    const QByteArray data = bytes(200 * 1024);
    auto api = client();
    FileTransfer transfer(*api);
    QVERIFY(transfer.upload(write(QStringLiteral("c.bin"), data)).ok);
    // A download killed half-way left its first half.
    const QString target = m_dir.filePath(QStringLiteral("c.copy"));
    write(QStringLiteral("c.copy.part"), data.left(100 * 1024));
    const FileTransferResult down = transfer.download(sha(data), target);
    QVERIFY2(down.ok, qPrintable(down.error));
    QCOMPARE(down.resumedFrom, 100 * 1024);
    QCOMPARE(down.httpStatus, 206);
    QCOMPARE(read(target), data);
    QVERIFY(!QFile::exists(FileTransfer::partialPath(target)));
}

void TestFileTransfer::corruptPartialIsDetected()
{
    const QByteArray data = bytes(100 * 1024);
    auto api = client();
    FileTransfer transfer(*api);
    QVERIFY(transfer.upload(write(QStringLiteral("d.bin"), data)).ok);
    const QString target = m_dir.filePath(QStringLiteral("d.copy"));
    QByteArray bad = data.left(50 * 1024);
    bad[10] = char(bad.at(10) ^ 0x40);
    write(QStringLiteral("d.copy.part"), bad);
    const FileTransferResult down = transfer.download(sha(data), target);
    QVERIFY(!down.ok);
    QVERIFY(down.hashMismatch);
    QVERIFY(!QFile::exists(target)); // never a wrong file under the final name
    QVERIFY(!QFile::exists(FileTransfer::partialPath(target)));
    // Fetched again from zero.
    const FileTransferResult again = transfer.download(sha(data), target);
    QVERIFY2(again.ok, qPrintable(again.error));
    QCOMPARE(again.resumedFrom, 0);
    QCOMPARE(read(target), data);
}

void TestFileTransfer::wrongHashIsRefused()
{
    const QByteArray data = bytes(10 * 1024);
    auto api = client();
    FileTransfer transfer(*api);
    const FileTransferResult r = transfer.upload(write(QStringLiteral("e.bin"), data), sha("something else"));
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, 400);
    QVERIFY(r.error.contains(sha(data)));
}

void TestFileTransfer::notReadableIsNotFound()
{
    const QByteArray data = bytes(10 * 1024);
    {
        auto api = client();
        QVERIFY(FileTransfer(*api).upload(write(QStringLiteral("f.bin"), data)).ok);
    }
    auto other = client(QStringLiteral("rep.hz01"));
    const QString target = m_dir.filePath(QStringLiteral("f.copy"));
    const FileTransferResult r = FileTransfer(*other).download(sha(data), target);
    QVERIFY(!r.ok);
    QCOMPARE(r.httpStatus, 404);
    QVERIFY(!QFile::exists(target));
    QVERIFY(!QFile::exists(FileTransfer::partialPath(target)));
}

void TestFileTransfer::statesAreListedByTheCli()
{
    // The engine records each transfer in the store's file_state; rounds-cli files lists it.
    const QString db = m_dir.filePath(QStringLiteral("client.db"));
    const QByteArray data = bytes(40 * 1024);
    const QString missing = sha("not on the server");
    {
        Store store;
        QVERIFY(store.open(db).ok);
        auto api = client();
        FileTransfer transfer(*api);
        transfer.setStore(&store);
        transfer.setChunkBytes(16 * 1024);
        QVERIFY(transfer.upload(write(QStringLiteral("g.bin"), data)).ok);
        QVERIFY(!transfer.download(missing, m_dir.filePath(QStringLiteral("g.none"))).ok);
        const QList<FileStateRow> rows = store.fileStates();
        QCOMPARE(rows.size(), 2);
        store.close();
    }
    const CliRun run = runCli({QStringLiteral("--db"), db, QStringLiteral("files"), QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    QHash<QString, QJsonObject> bySha;
    for (const QJsonValue &v : run.json().array())
        bySha.insert(v.toObject().value("sha256").toString(), v.toObject());
    QCOMPARE(bySha.size(), 2);
    const QJsonObject up = bySha.value(sha(data));
    QCOMPARE(up.value("state").toString(), QStringLiteral("complete"));
    QCOMPARE(up.value("bytes").toInteger(), data.size());
    QCOMPARE(up.value("size").toInteger(), data.size());
    QVERIFY(up.value("last_error").isNull());
    QCOMPARE(up.value("pinned").toBool(), false);
    const QJsonObject none = bySha.value(missing);
    QCOMPARE(none.value("state").toString(), QStringLiteral("missing"));
    QVERIFY(none.value("last_error").toString().contains(QStringLiteral("404")));
    // The text form: one line per file.
    const CliRun text = runCli({QStringLiteral("--db"), db, QStringLiteral("files")});
    QCOMPARE(text.code, 0);
    QCOMPARE(text.out.count('\n'), 2);
    QVERIFY(text.out.contains(QByteArray(sha(data).toLatin1() + "  complete  40960/40960")));
}

void TestFileTransfer::meetingEvidenceUploadsWithTheSync()
{
    // The rep attaches a receipt to a meeting expense; the next sync sends the record and the file; the
    // approving manager, on another laptop, downloads it. Another district's manager may not.
    SyncClient rep;
    QVERIFY(rep.signIn(m_server, m_server.url().toString(), m_dir.path(), QStringLiteral("rep.sh01")));
    QVERIFY(rep.sync().ok);
    const QByteArray receipt = bytes(150 * 1024);
    const evidence::Stored stored = evidence::store(rep.dbPath, write(QStringLiteral("发票.pdf"), receipt));
    QVERIFY2(stored.ok, qPrintable(stored.error));
    const WriteResult meeting = rep.store->create(QStringLiteral("meeting"),
        {{"territory_id", rep.territories.value(0)}, {"title", "病例讨论会"}, {"starts_at", "2026-12-20T10:00:00Z"},
            {"owner_id", rep.userId}, {"budget_minor", 100000}});
    QVERIFY(meeting.ok);
    QVERIFY(rep.store
                ->create(QStringLiteral("meeting_expense"),
                    {{"meeting_id", meeting.id}, {"category", "venue"}, {"amount_minor", 10000},
                        {"evidence", stored.reference}, {"status", "actual"}})
                .ok);
    QVERIFY(rep.sync().ok);
    const QList<FileStateRow> rows = rep.store->fileStates();
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().state, QStringLiteral("complete"));
    QCOMPARE(rows.first().sha256, sha(receipt));

    auto manager = client(QStringLiteral("manager.sh"));
    const QString target = m_dir.filePath(QStringLiteral("receipt.pdf"));
    const FileTransferResult r = FileTransfer(*manager).download(evidence::hashOf(stored.reference), target);
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(read(target), receipt);
    auto elsewhere = client(QStringLiteral("manager.hz"));
    QCOMPARE(FileTransfer(*elsewhere).download(sha(receipt), m_dir.filePath(QStringLiteral("no.pdf"))).httpStatus, 404);
    // Nothing is sent again by the next sync.
    QVERIFY(rep.sync().ok);
    QCOMPARE(rep.store->fileStates().size(), 1);
}

QTEST_GUILESS_MAIN(TestFileTransfer)
#include "tst_filetransfer.moc"
