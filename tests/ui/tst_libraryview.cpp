// The administrator's Library page (docs/content.md, "The library"), offscreen in the real main window
// against a real rounds-server and the real keychain: a material created through New material… (a real
// PDF read with QtPdf: pages, thumbnail) is saved offline, and the next sync uploads its file before its
// record, so the server holds both; Approve, Withdraw (confirmed) and New version… (approving it withdraws
// the version it replaces) reach the server; a material approved whose file the server never got is
// refused there, and the page says so in words.
#include "models/library.h"
#include "models/materialqueries.h"
#include "models/meetingrepository.h"
#include "server/serverprocess.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "ui/admin/keymessagelinks.h"
#include "ui/admin/libraryview.h"
#include "ui/admin/materialdialog.h"
#include "ui/common/prompter.h"
#include "ui/mainwindow/mainwindow.h"
#include "uitest.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTimer>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using uitest::child;

namespace {

class ScriptedPrompter final : public Prompter
{
public:
    QStringList asked;
    bool answer = true;
    bool confirm(QWidget *, const QString &, const QString &question) override
    {
        asked << question;
        return answer;
    }
    std::optional<QString> askText(QWidget *, const QString &, const QString &label, const QString &) override
    {
        asked << label;
        return std::nullopt;
    }
    void inform(QWidget *, const QString &, const QString &message) override { asked << message; }
};

// A real PDF of `pages` pages (a different text per `seed`, so a different hash).
QString writePdf(const QString &path, int pages, const QString &seed)
{
    QPdfWriter pdf(path);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    QPainter p(&pdf);
    for (int i = 0; i < pages; ++i) {
        if (i > 0)
            pdf.newPage();
        p.drawText(
            QRect(200, 200, 4000, 400), Qt::AlignLeft, QStringLiteral("%1 page %2").arg(seed).arg(i + 1));
    }
    p.end();
    return path;
}

// Runs `drive` on the modal dialog of type D once it is open (the action under test calls exec()).
template<typename D> void whenOpen(const std::function<void(D *)> &drive, int attempt = 0)
{
    QTimer::singleShot(50, [drive, attempt] {
        if (auto *d = qobject_cast<D *>(QApplication::activeModalWidget())) {
            drive(d);
            return;
        }
        if (attempt < 100)
            whenOpen<D>(drive, attempt + 1);
    });
}

} // namespace

class TestLibraryView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void adminSeesTheLibraryWithDemoMaterials();
    void dialogRefusesBadFiles();
    void createSyncsFileThenRecord();
    void approveThenWithdraw();
    void newVersionApprovedWithdrawsTheOld();
    void approvedWithoutFileIsRefusedInWords();

private:
    bool sync();
    // New material… through the dialog; the new id.
    QString create(const QString &pdf, const QString &title, const QString &newKeyMessage = {});
    QString server(const QString &id, const char *field);
    QString fileState(const QString &sha256);

    QTemporaryDir m_home;
    QTemporaryDir m_files;
    ServerProcess m_server;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    LibraryView *m_view = nullptr;
    ScriptedPrompter m_prompter;
    QString m_token;
};

void TestLibraryView::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("the session keeps its token in the keychain: run under /work/tools/fulltest.sh or ./rounds.sh "
              "test");
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.createDemo(30, 40, 5));
    QVERIFY(m_server.start());
    m_token = m_server.login(QStringLiteral("admin"));
    m_session = std::make_unique<Session>();
    QSignalSpy firstSync(m_session->engine(), &SyncEngine::syncFinished);
    const SignInResult signedIn = m_session->signIn(
        m_server.url(), QStringLiteral("admin"), QString::fromLatin1(ServerProcess::DemoPassword));
    QVERIFY2(signedIn.ok, qPrintable(signedIn.message));
    QVERIFY(firstSync.wait(60000));
    m_session->engine()->setAutoSyncMinutes(0);
    m_session->engine()->setLivePullSeconds(0);
    Prompter::setInstance(&m_prompter);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    QVERIFY(m_window->showView(QStringLiteral("library")));
    m_view = m_window->findChild<LibraryView *>(QStringLiteral("libraryView"));
    QVERIFY(m_view);
}

void TestLibraryView::cleanupTestCase()
{
    Prompter::setInstance(nullptr);
    m_window.reset();
    m_session.reset();
}

bool TestLibraryView::sync()
{
    QSignalSpy done(m_session->engine(), &SyncEngine::syncFinished);
    m_session->engine()->syncNow();
    if (!done.wait(60000))
        return false;
    return done.first().first().value<SyncSummary>().ok;
}

QString TestLibraryView::create(const QString &pdf, const QString &title, const QString &newKeyMessage)
{
    QString problem = QStringLiteral("the dialog never opened");
    whenOpen<MaterialDialog>([&](MaterialDialog *d) {
        problem.clear();
        if (!d->setFile(pdf))
            problem = d->error();
        d->findChild<QLineEdit *>(QStringLiteral("titleLineEdit"))->setText(title);
        d->findChild<QLineEdit *>(QStringLiteral("approvalCodeLineEdit"))
            ->setText(QStringLiteral("TEST-001"));
        if (!newKeyMessage.isEmpty())
            d->findChild<KeyMessageLinksEditor *>()->addRow(2, {}, newKeyMessage);
        if (!d->save()) {
            problem = d->error();
            d->reject();
        }
    });
    QSignalSpy changed(m_view, &LibraryView::materialChanged);
    QTest::mouseClick(child<QPushButton>(m_view, "newMaterialButton"), Qt::LeftButton);
    if (!problem.isEmpty() || changed.isEmpty()) {
        qWarning("create failed: %s", qPrintable(problem));
        return {};
    }
    return changed.first().first().toString();
}

QString TestLibraryView::server(const QString &id, const char *field)
{
    return m_server.storedRecord(id).value(QString::fromLatin1(field)).toVariant().toString();
}

QString TestLibraryView::fileState(const QString &sha256)
{
    return QString::fromLatin1(
        m_server.request("HEAD", QStringLiteral("/api/v1/files/") + sha256, {}, m_token)
            .header("Rounds-File-State"));
}

void TestLibraryView::adminSeesTheLibraryWithDemoMaterials()
{
    auto *table = child<QTableView>(m_view, "libraryTableView");
    QVERIFY(table->model()->rowCount() >= 13); // 3 per demo product and the expiring safety update
    auto *filter = child<QLineEdit>(m_view, "libraryFilterLineEdit");
    filter->setText(QStringLiteral("Clinical evidence"));
    QCOMPARE(table->model()->rowCount(), 4); // the English one of each product
    filter->clear();
    // A rep has no Library page: it writes no materials.
    QVERIFY(m_session->store()->policy().mayChange(QStringLiteral("material")));
}

void TestLibraryView::dialogRefusesBadFiles()
{
    MaterialDialog dialog(m_session->store(), m_view);
    const QString text = m_files.filePath(QStringLiteral("notes.txt"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not a pdf");
    f.close();
    QVERIFY(!dialog.setFile(text));
    QVERIFY2(
        dialog.error().contains(QStringLiteral("neither a PDF nor an image")), qPrintable(dialog.error()));
    const QString broken = m_files.filePath(QStringLiteral("broken.pdf"));
    QFile b(broken);
    QVERIFY(b.open(QIODevice::WriteOnly));
    b.write("%PDF-1.4 truncated");
    b.close();
    QVERIFY(!dialog.setFile(broken));
    QVERIFY2(
        dialog.error().contains(QStringLiteral("not a PDF that can be read")), qPrintable(dialog.error()));
    QVERIFY(!dialog.setFile(m_files.filePath(QStringLiteral("missing.pdf"))));
    // Nothing chosen: Save says what is missing and writes nothing.
    QVERIFY(!dialog.save());
    QVERIFY(!dialog.error().isEmpty());
}

void TestLibraryView::createSyncsFileThenRecord()
{
    Store *store = m_session->store();
    const QString pdf
        = writePdf(m_files.filePath(QStringLiteral("detail-aid.pdf")), 4, QStringLiteral("first"));
    const QString id
        = create(pdf, QStringLiteral("Detail aid 2027"), QStringLiteral("A brand-new key message"));
    QVERIFY(!id.isEmpty());
    MaterialItem m;
    QString error;
    QVERIFY2(MaterialQueries::byId(store, id, QDate(), &m, &error), qPrintable(error));
    QCOMPARE(m.status, QStringLiteral("draft"));
    QCOMPARE(m.pageCount, 4);
    QCOMPARE(m.kind, QStringLiteral("pdf"));
    QVERIFY(!m.thumbnailSha256.isEmpty());
    QVERIFY2(!m.localPath.isEmpty(), "the file is copied into the evidence folder");
    QCOMPARE(m_view->currentMaterialId(), id);
    QList<MaterialKeyMessage> messages;
    QVERIFY(MaterialQueries::keyMessages(store, id, &messages, &error));
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.first().page, 2);
    QCOMPARE(messages.first().text, QStringLiteral("A brand-new key message"));
    // Offline so far: the server has neither.
    QCOMPARE(fileState(m.sha256), QStringLiteral("missing"));
    QVERIFY(m_server.storedRecord(id).isEmpty());

    QVERIFY(sync());
    QCOMPARE(fileState(m.sha256), QStringLiteral("complete"));
    QCOMPARE(fileState(m.thumbnailSha256), QStringLiteral("complete"));
    QCOMPARE(server(id, "status"), QStringLiteral("draft"));
    QCOMPARE(server(id, "title"), QStringLiteral("Detail aid 2027"));
    QCOMPARE(server(id, "page_count"), QStringLiteral("4"));
    QCOMPARE(m_server.storedRecord(messages.first().keyMessageId).value("text").toString(),
        QStringLiteral("A brand-new key message"));
}

void TestLibraryView::approveThenWithdraw()
{
    const QString pdf
        = writePdf(m_files.filePath(QStringLiteral("leaflet.pdf")), 2, QStringLiteral("leaflet"));
    const QString id = create(pdf, QStringLiteral("Leaflet"));
    QVERIFY(!id.isEmpty());
    QVERIFY(m_view->selectMaterial(id));
    auto *approve = child<QPushButton>(m_view, "approveMaterialButton");
    auto *withdraw = child<QPushButton>(m_view, "withdrawMaterialButton");
    QVERIFY(approve->isEnabled());
    // Cancelled: nothing changes.
    m_prompter.answer = false;
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(m_session->store()->record(QStringLiteral("material"), id)->fields.value("status").toString(),
        QStringLiteral("draft"));
    m_prompter.answer = true;
    QTest::mouseClick(approve, Qt::LeftButton);
    QVERIFY(!approve->isEnabled());
    QVERIFY(withdraw->isEnabled());
    // Approved offline, file and record not on the server yet: the sync sends the file first, so the
    // server's rule (approved needs its file) holds.
    QVERIFY(sync());
    QCOMPARE(server(id, "status"), QStringLiteral("approved"));
    QVERIFY(m_view->selectMaterial(id));
    QTest::mouseClick(withdraw, Qt::LeftButton);
    QVERIFY(m_prompter.asked.last().contains(QStringLiteral("Withdraw “Leaflet”")));
    QVERIFY(sync());
    QCOMPARE(server(id, "status"), QStringLiteral("withdrawn"));
}

void TestLibraryView::newVersionApprovedWithdrawsTheOld()
{
    const QString v1pdf = writePdf(m_files.filePath(QStringLiteral("guide-v1.pdf")), 3, QStringLiteral("v1"));
    const QString v1 = create(v1pdf, QStringLiteral("Dosing guide"), QStringLiteral("Once daily"));
    QVERIFY(!v1.isEmpty());
    QVERIFY(library::approve(m_session->store(), v1).ok);
    QVERIFY(sync());
    QCOMPARE(server(v1, "status"), QStringLiteral("approved"));

    QVERIFY(m_view->selectMaterial(v1));
    const QString v2pdf = writePdf(m_files.filePath(QStringLiteral("guide-v2.pdf")), 5, QStringLiteral("v2"));
    QString problem = QStringLiteral("the dialog never opened");
    int linksCarried = -1;
    whenOpen<MaterialDialog>([&](MaterialDialog *d) {
        problem.clear();
        linksCarried = int(d->findChild<KeyMessageLinksEditor *>()->links().size());
        if (!d->setFile(v2pdf) || !d->save()) {
            problem = d->error();
            d->reject();
        }
    });
    QSignalSpy changed(m_view, &LibraryView::materialChanged);
    QTest::mouseClick(child<QPushButton>(m_view, "newVersionButton"), Qt::LeftButton);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(linksCarried, 1); // the key messages of version 1 are offered again
    QCOMPARE(changed.size(), 1);
    const QString v2 = changed.first().first().toString();
    MaterialItem m;
    QVERIFY(MaterialQueries::byId(m_session->store(), v2, QDate(), &m, nullptr));
    QCOMPARE(m.version, 2);
    QCOMPARE(m.supersedes, v1);
    QCOMPARE(m.title, QStringLiteral("Dosing guide"));
    QCOMPARE(m.pageCount, 5);
    QCOMPARE(m.status, QStringLiteral("draft"));

    QVERIFY(m_view->selectMaterial(v2));
    QTest::mouseClick(child<QPushButton>(m_view, "approveMaterialButton"), Qt::LeftButton);
    QVERIFY(m_prompter.asked.last().contains(QStringLiteral("The version it replaces is withdrawn")));
    QVERIFY(sync());
    QCOMPARE(server(v2, "status"), QStringLiteral("approved"));
    QCOMPARE(server(v2, "material_version"), QStringLiteral("2"));
    QCOMPARE(server(v2, "supersedes"), v1);
    QCOMPARE(server(v1, "status"), QStringLiteral("withdrawn"));
}

void TestLibraryView::approvedWithoutFileIsRefusedInWords()
{
    Store *store = m_session->store();
    const QString pdf = writePdf(m_files.filePath(QStringLiteral("lost.pdf")), 1, QStringLiteral("lost"));
    const QString id = create(pdf, QStringLiteral("Lost file"));
    QVERIFY(!id.isEmpty());
    MaterialItem m;
    QVERIFY(MaterialQueries::byId(store, id, QDate(), &m, nullptr));
    // The file disappears from this computer before it was uploaded (a cleaned-up folder).
    QVERIFY(QFile::remove(evidence::folderFor(store->path()) + QLatin1Char('/') + m.sha256));
    QVERIFY(library::approve(store, id).ok);
    sync();
    QCOMPARE(fileState(m.sha256), QStringLiteral("missing"));
    QVERIFY(server(id, "status") != QLatin1String("approved"));
    QTRY_VERIFY2(
        m_view->stateText().contains(QStringLiteral("The server refused")), qPrintable(m_view->stateText()));
    QVERIFY2(m_view->stateText().contains(QStringLiteral("upload it before approving")),
        qPrintable(m_view->stateText()));
}

QTEST_MAIN(TestLibraryView)
#include "tst_libraryview.moc"
