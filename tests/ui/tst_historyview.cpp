#include "sync/session.h"
#include "ui/history/historyview.h"

#include <QLabel>
#include <QSignalSpy>
#include <QTreeWidget>
#include <QtTest>

using namespace rounds;

// The History panel (offscreen): offline without a sign-in, and a scripted answer shown with labels.
class TestHistoryView : public QObject
{
    Q_OBJECT
private slots:
    void offlineSaysItNeedsAConnection();
    void entriesShowWhoWhenDeviceAndEachField();
};

void TestHistoryView::offlineSaysItNeedsAConnection()
{
    Session session;
    HistoryView view(&session);
    QSignalSpy loaded(&view, &HistoryView::loaded);
    view.load(QStringLiteral("hcp"), QStringLiteral("x"));
    QVERIFY(loaded.count() == 1 || loaded.wait(5000));
    QVERIFY(view.findChild<QLabel *>("historyState")->text().contains(QStringLiteral("needs a connection")));
    QVERIFY(view.findChild<QTreeWidget *>("historyTree")->isHidden());
}

void TestHistoryView::entriesShowWhoWhenDeviceAndEachField()
{
    HistoryView view(nullptr);
    HistoryResult r;
    r.status = HistoryResult::Ok;
    r.page.entity = QStringLiteral("visit");
    protocol::HistoryEntry e;
    e.seq = 7;
    e.at = QStringLiteral("2026-11-20T02:00:00.000Z");
    e.userName = QStringLiteral("王芳");
    e.device = QStringLiteral("laptop");
    e.op = QStringLiteral("update");
    e.changes << protocol::HistoryChange {QStringLiteral("notes"), QStringLiteral("a"), QStringLiteral("b")};
    r.page.entries << e;
    view.show(r);
    auto *tree = view.findChild<QTreeWidget *>("historyTree");
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->text(1), QStringLiteral("王芳"));
    QCOMPARE(tree->topLevelItem(0)->text(2), QStringLiteral("laptop"));
    QCOMPARE(tree->topLevelItem(0)->text(3), QStringLiteral("Changed"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(3), QStringLiteral("Notes"));
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(4), QStringLiteral("a → b"));

    HistoryResult none;
    none.status = HistoryResult::Ok;
    view.show(none);
    QVERIFY(view.findChild<QLabel *>("historyState")->text().contains(QStringLiteral("No changes")));
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
