// The rep's Materials view, the status bar's download line and the manager's "Open receipt", offscreen in
// the real main window against a real rounds-server and the real keychain (docs/downloads.md,
// docs/meetings.md "Receipts"): materials by product with their state, withdrawn/expired greyed with why
// and never previewable, the background queue fetching after the sync, a pin kept in file_state, Preview
// emitting previewRequested; a receipt a rep uploaded opened on the manager's laptop (the bytes checked,
// not the desktop launch), and what the button says offline.
#include "models/localfiles.h"
#include "models/store.h"
#include "server/serverprocess.h"
#include "sync/downloadqueue.h"
#include "sync/session.h"
#include "sync/syncengine.h"
#include "ui/content/materialsview.h"
#include "ui/mainwindow/downloadstatus.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/meetings/meetingeditor.h"
#include "ui/meetings/meetingsview.h"
#include "ui/meetings/receiptopener.h"
#include "uitest.h"

#include <QCryptographicHash>
#include <QDate>
#include <QJsonArray>
#include <QListWidget>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTreeWidget>
#include <QUuid>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;
using uitest::child;

class TestMaterialsView : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void listsMaterialsByProductWithTheirState();
    void downloadsComeInTheBackground();
    void pinIsKept();
    void previewOnlyWhenPresentable();
    void receiptOpensOnTheManagersLaptop();

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
    void upload(const QString &token, const QByteArray &data)
    {
        QCOMPARE(m_server
                     .request("PUT", QStringLiteral("/api/v1/files/") + sha(data), data, token,
                         {{"Content-Type", "application/octet-stream"}})
                     .status,
            200);
    }
    QString publish(const QString &title, const QByteArray &data, const QJsonObject &fields)
    {
        upload(m_admin, data);
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QJsonObject set {{"title", title}, {"product_id", m_product}, {"status", "approved"},
            {"file", QStringLiteral("sha256:%1:%2.pdf").arg(sha(data), title)}, {"file_size", data.size()},
            {"language", "zh_CN"}, {"material_version", 2}};
        for (auto it = fields.begin(); it != fields.end(); ++it)
            set.insert(it.key(), it.value());
        const HttpReply r
            = m_server.push(m_admin, QJsonArray {mutation(QStringLiteral("material"), id, set)});
        if (r.json.value("results").toArray().at(0).toObject().value("status").toString()
            != QLatin1String("applied"))
            qWarning() << r.json;
        return id;
    }
    QTreeWidgetItem *row(const QString &materialId) const
    {
        auto *tree = m_window->findChild<QTreeWidget *>(QStringLiteral("materialsTreeWidget"));
        for (int p = 0; p < tree->topLevelItemCount(); ++p) {
            for (int c = 0; c < tree->topLevelItem(p)->childCount(); ++c) {
                QTreeWidgetItem *item = tree->topLevelItem(p)->child(c);
                if (item->data(0, MaterialsView::MaterialIdRole).toString() == materialId)
                    return item;
            }
        }
        return nullptr;
    }
    std::unique_ptr<Session> signedIn(const QString &user)
    {
        auto session = std::make_unique<Session>();
        QSignalSpy firstSync(session->engine(), &SyncEngine::syncFinished);
        const SignInResult r
            = session->signIn(m_server.url(), user, QString::fromLatin1(ServerProcess::DemoPassword));
        if (!r.ok || !firstSync.wait(60000))
            return nullptr;
        session->engine()->setAutoSyncMinutes(0);
        session->engine()->setLivePullSeconds(0);
        return session;
    }

    QTemporaryDir m_home;
    ServerProcess m_server;
    QString m_admin, m_product;
    QString m_current, m_withdrawn, m_expired;
    QByteArray m_currentBytes;
    std::unique_ptr<Session> m_session;
    std::unique_ptr<MainWindow> m_window;
    MaterialsView *m_view = nullptr;
};

void TestMaterialsView::initTestCase()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("the session keeps its token in the keychain: run under /work/tools/fulltest.sh");
    uitest::useHome(m_home, "Rounds");
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_server.createDemo(30, 40, 5));
    QVERIFY(m_server.start());
    m_admin = m_server.login(QStringLiteral("admin"));
    m_product = recordsOf(m_server.pullAll(m_admin).changes, QStringLiteral("product"))
                    .value(0)
                    .value("id")
                    .toString();
    QVERIFY(!m_product.isEmpty());
    m_currentBytes = bytes(900 * 1024);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    m_current = publish(QStringLiteral("心血管产品手册"), m_currentBytes,
        {{"valid_to", QDate::currentDate().addDays(60).toString(Qt::ISODate)}});
    m_withdrawn = publish(QStringLiteral("Old leaflet"), bytes(2000), {{"status", "withdrawn"}});
    m_expired = publish(QStringLiteral("Congress slides"), bytes(3000),
        {{"valid_to", QDate::currentDate().addDays(-3).toString(Qt::ISODate)}});
    Q_UNUSED(today);

    m_session = signedIn(QStringLiteral("rep.sh01"));
    QVERIFY(m_session);
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->show();
    m_view = m_window->materialsView();
    QVERIFY(m_view);
}

void TestMaterialsView::cleanupTestCase()
{
    m_window.reset();
    m_session.reset();
}

void TestMaterialsView::listsMaterialsByProductWithTheirState()
{
    QVERIFY(m_window->showView(QStringLiteral("materials")));
    m_view->refresh();
    QTreeWidgetItem *current = row(m_current);
    QVERIFY(current);
    QCOMPARE(current->text(MaterialsView::Title), QStringLiteral("心血管产品手册"));
    QCOMPARE(current->text(MaterialsView::Version), QStringLiteral("v2"));
    QCOMPARE(current->text(MaterialsView::Language), QStringLiteral("zh_CN"));
    QVERIFY(current->parent()); // under its product
    QVERIFY(!current->parent()->text(0).isEmpty());
    QVERIFY(current->data(0, MaterialsView::PresentableRole).toBool());
    QTreeWidgetItem *withdrawn = row(m_withdrawn);
    QTreeWidgetItem *expired = row(m_expired);
    QVERIFY(withdrawn && expired);
    QCOMPARE(withdrawn->text(MaterialsView::State), QStringLiteral("Withdrawn: may not be presented"));
    QVERIFY(expired->text(MaterialsView::State).startsWith(QStringLiteral("Expired on ")));
    // Greyed.
    QCOMPARE(withdrawn->foreground(0).color(), m_view->palette().color(QPalette::Disabled, QPalette::Text));
    // Reps see the entry; an admin's sidebar does not list it.
    auto *nav = child<QListWidget>(m_window.get(), "navigationListWidget");
    QVERIFY(!nav->findItems(QStringLiteral("Materials"), Qt::MatchExactly).isEmpty());
}

void TestMaterialsView::downloadsComeInTheBackground()
{
    // The sync at sign-in kicked the queue: the presentable material's file arrives by itself, the
    // withdrawn and expired ones do not.
    const QString path = localfiles::downloadPathFor(m_session->store()->path(), sha(m_currentBytes));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path), 30000);
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), m_currentBytes);
    QTRY_VERIFY_WITH_TIMEOUT(!m_session->downloads()->isRunning(), 10000);
    m_view->refresh();
    QCOMPARE(row(m_current)->text(MaterialsView::State), QStringLiteral("On this computer"));
    QVERIFY(localfiles::existingPathOf(m_session->store()->path(), sha(QByteArray())).isEmpty());
    // Idle: the status bar's download line is hidden.
    auto *status = m_window->findChild<DownloadStatus *>(QStringLiteral("downloadStatus"));
    QVERIFY(status);
    QVERIFY(status->isHidden());
    // While a run goes, it says how far, in words.
    DownloadProgress p;
    p.running = true;
    p.filesDone = 2;
    p.filesTotal = 12;
    p.bytesDone = 40'000'000;
    p.currentBytes = 5'000'000;
    p.bytesTotal = 210'000'000;
    p.current = sha(m_currentBytes);
    status->display(p);
    QCOMPARE(status->text(), QStringLiteral("Downloading materials: 3 of 12 · 45 of 210 MB"));
    p.running = false;
    p.current.clear();
    p.offline = true;
    p.error = QStringLiteral("Connection refused");
    status->display(p);
    QCOMPARE(status->text(), QStringLiteral("Downloads paused: the server cannot be reached"));
    p = {};
    status->display(p);
    QVERIFY(status->isHidden());
}

void TestMaterialsView::pinIsKept()
{
    QVERIFY(m_view->selectMaterial(m_current));
    auto *pin = child<QPushButton>(m_view, "pinButton");
    QVERIFY(pin->isEnabled());
    QVERIFY(!pin->isChecked());
    pin->click();
    auto pinned = [&] {
        for (const FileStateRow &f : m_session->store()->fileStates()) {
            if (f.sha256 == sha(m_currentBytes))
                return f.pinned;
        }
        return false;
    };
    QVERIFY(pinned());
    QVERIFY(row(m_current)->text(MaterialsView::State).endsWith(QStringLiteral("· pinned")));
    QVERIFY(child<QPushButton>(m_view, "pinButton")->isChecked());
    pin->click();
    QVERIFY(!pinned());
    // A withdrawn material cannot be pinned.
    QVERIFY(m_view->selectMaterial(m_withdrawn));
    QVERIFY(!pin->isEnabled());
}

void TestMaterialsView::previewOnlyWhenPresentable()
{
    QSignalSpy preview(m_view, &MaterialsView::previewRequested);
    auto *button = child<QPushButton>(m_view, "previewButton");
    QVERIFY(m_view->selectMaterial(m_expired));
    QVERIFY(!button->isEnabled());
    QVERIFY(button->toolTip().startsWith(QStringLiteral("Expired on ")));
    QVERIFY(m_view->selectMaterial(m_withdrawn));
    QVERIFY(!button->isEnabled());
    QVERIFY(m_view->selectMaterial(m_current));
    QVERIFY(button->isEnabled());
    button->click();
    QCOMPARE(preview.count(), 1);
    QCOMPARE(preview.at(0).at(0).toString(), m_current);
}

void TestMaterialsView::receiptOpensOnTheManagersLaptop()
{
    // The rep's laptop (HTTP here): a meeting with an expense whose receipt is uploaded.
    const QString rep = m_server.login(QStringLiteral("rep.sh01"));
    const QByteArray receipt = bytes(50 * 1024);
    upload(rep, receipt);
    const QString meeting = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const PullResult all = m_server.pullAll(m_admin);
    QString territory, repId;
    for (const QJsonObject &t : recordsOf(all.changes, QStringLiteral("territory"))) {
        if (t.value("code").toString() == QLatin1String("SH-01"))
            territory = t.value("id").toString();
    }
    for (const QJsonObject &u : recordsOf(all.changes, QStringLiteral("user"))) {
        if (u.value("username").toString() == QLatin1String("rep.sh01"))
            repId = u.value("id").toString();
    }
    const HttpReply pushed = m_server.push(rep,
        QJsonArray {
            mutation(QStringLiteral("meeting"), meeting,
                {{"territory_id", territory}, {"title", "病例讨论"}, {"starts_at", "2026-12-20T10:00:00Z"},
                    {"owner_id", repId}, {"budget_minor", 100000}}),
            mutation(QStringLiteral("meeting_expense"), QUuid::createUuid().toString(QUuid::WithoutBraces),
                {{"meeting_id", meeting}, {"category", "venue"}, {"amount_minor", 10000},
                    {"evidence", QStringLiteral("sha256:%1:发票.pdf").arg(sha(receipt))},
                    {"status", "actual"}})});
    QCOMPARE(pushed.status, 200);

    // The manager's laptop: a session of its own; the receipt is not fetched by itself.
    m_window.reset();
    m_session.reset();
    std::unique_ptr<Session> manager = signedIn(QStringLiteral("manager.sh"));
    QVERIFY(manager);
    QTRY_VERIFY_WITH_TIMEOUT(!manager->downloads()->isRunning(), 30000);
    QVERIFY(localfiles::existingPathOf(manager->store()->path(), sha(receipt)).isEmpty());
    QStringList launched;
    ReceiptOpener::setOpener([&](const QString &path) {
        launched << path;
        return true;
    });
    MeetingsView meetings(manager.get());
    MeetingEditor *editor = meetings.openEditor(meeting);
    auto *opener = editor->findChild<ReceiptOpener *>(QStringLiteral("receiptOpener"));
    QVERIFY(opener);
    auto *table = child<QTableWidget>(editor, "expensesTableWidget");
    auto *button = child<QPushButton>(editor, "openReceiptButton");
    QVERIFY(!button->isEnabled());
    table->setCurrentCell(0, 0);
    QVERIFY(button->isEnabled());
    QSignalSpy opened(opener, &ReceiptOpener::opened);
    button->click();
    QVERIFY(opened.wait(30000));
    QCOMPARE(launched.size(), 1);
    QCOMPARE(launched.first(), localfiles::downloadPathFor(manager->store()->path(), sha(receipt)));
    QFile f(launched.first());
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), receipt);
    // Again: from this computer at once, no download.
    button->click();
    QCOMPARE(launched.size(), 2);

    // Offline, a receipt not on this computer says so.
    QVERIFY(QFile::remove(launched.first()));
    m_server.stop();
    manager->engine()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(manager->engine()->isOffline(), 30000);
    QVERIFY(!opener->open(QStringLiteral("sha256:%1:发票.pdf").arg(sha(receipt))));
    QVERIFY(opener->message().startsWith(QStringLiteral("You are offline")));
    editor->close();
    ReceiptOpener::setOpener({});
    QVERIFY(m_server.start());
}

QTEST_MAIN(TestMaterialsView)
#include "tst_materialsview.moc"
