#include "common/protocol/values.h"
#include "models/store.h"
#include "ui/common/focusring.h"
#include "ui/visits/visitdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const QString kTerritory = QStringLiteral("0c6f0d3c-58f6-4d6e-9d2c-6b1f4f0d0001");
const QString kBucket = QStringLiteral("t:") + kTerritory;

PulledChange change(const QString &entity, const QString &id, const QJsonObject &fields)
{
    PulledChange c;
    c.bucket = entity == QLatin1String("product") || entity == QLatin1String("key_message")
        ? QStringLiteral("global")
        : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    return c;
}

template<typename T> T *child(QWidget *parent, const char *name)
{
    auto *w = parent->findChild<T *>(QString::fromLatin1(name));
    if (!w)
        qFatal("no child %s", name);
    return w;
}

// A widget as the Tab walk names it: its object name, and the row for a product row's cell.
QString describe(const VisitDialog &dialog, QWidget *w)
{
    if (!w)
        return QStringLiteral("(none)");
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("productsTableWidget"));
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            if (table->cellWidget(r, c) == w)
                return w->objectName() + QLatin1Char('#') + QString::number(r);
        }
    }
    return w->objectName().isEmpty() ? QString::fromLatin1(w->metaObject()->className()) : w->objectName();
}

QComboBox *comboAtRow(const VisitDialog &dialog, int row)
{
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("productsTableWidget"));
    return qobject_cast<QComboBox *>(table->cellWidget(row, 0));
}

// Presses Tab `count` times from the focused widget and names each widget the focus lands on.
QStringList walk(const VisitDialog &dialog, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        out << describe(dialog, QApplication::focusWidget());
    }
    return out;
}

// A store with one HCP, two products (the first with two key messages) and, for `withHistory`, two
// earlier visits: the older promised "Send the leaflet", the newer one said "关注老年患者的安全性" and
// promised "Bring the subgroup study" for yesterday.
struct Fixture
{
    QTemporaryDir dir;
    Store store;
    QString hcp = protocol::newUuid();
    QString rep = protocol::newUuid();
    QString products[2] = {protocol::newUuid(), protocol::newUuid()};
    QString olderVisit = protocol::newUuid();
    QString newerVisit = protocol::newUuid();
    AccountInfo account;

    bool open(bool withHistory)
    {
        if (!store.open(dir.filePath(QStringLiteral("rounds.db"))).ok)
            return false;
        QList<PulledChange> page;
        page << change(QStringLiteral("hcp"), hcp, {{"full_name", "王建华"}, {"status", "active"}});
        page << change(QStringLiteral("product"), products[0], {{"name", "Amlodin"}, {"active", true}});
        page << change(QStringLiteral("product"), products[1], {{"name", "Betacor"}, {"active", true}});
        for (const char *text : {"Once daily", "Fewer ankle oedemas"})
            page << change(QStringLiteral("key_message"), protocol::newUuid(),
                {{"product_id", products[0]}, {"text", text}, {"active", true}});
        if (withHistory) {
            const QString yesterday = QDate::currentDate().addDays(-1).toString(Qt::ISODate);
            page << change(QStringLiteral("visit"), olderVisit,
                {{"territory_id", kTerritory}, {"hcp_id", hcp}, {"rep_id", rep}, {"channel", "phone"},
                    {"visited_at", "2026-10-02T02:00:00.000Z"}, {"status", "submitted"},
                    {"feedback", "Asked for the leaflet"}, {"follow_up", "Send the leaflet"},
                    {"follow_up_due", "2026-10-09"}});
            page << change(QStringLiteral("visit"), newerVisit,
                {{"territory_id", kTerritory}, {"hcp_id", hcp}, {"rep_id", rep}, {"channel", "face_to_face"},
                    {"visited_at", "2026-11-20T06:30:00.000Z"}, {"status", "submitted"},
                    {"feedback", "关注老年患者的安全性"}, {"follow_up", "Bring the subgroup study"},
                    {"follow_up_due", yesterday}});
        }
        account.userId = rep;
        account.role = QStringLiteral("rep");
        account.territoryIds = {kTerritory};
        return store.applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), 3}}).ok;
    }
};

bool showAndFocus(VisitDialog &dialog)
{
    dialog.show();
    if (!QTest::qWaitForWindowExposed(&dialog))
        return false;
    QApplication::setActiveWindow(&dialog);
    child<QComboBox>(&dialog, "channelComboBox")->setFocus(Qt::TabFocusReason);
    return QTest::qWaitForWindowActive(&dialog);
}

} // namespace

// The visit dialog over a real store (offscreen): a submitted visit's details are read-only like the
// visit, whatever asks (buttons, the dialog's own functions); nothing reaches the outbox. By keyboard:
// Tab in reading order, the time in one stop, a visible focus ring, errors that clear when fixed, no key
// message chosen for the rep, the last visit and open follow-ups in view.
class TestVisitDialog : public QObject
{
    Q_OBJECT
private slots:
    void aSubmittedVisitsDetailsAreReadOnly();
    void tabWalksTheFieldsInReadingOrder();
    void theTimeIsOneTabStop();
    void theFocusedControlHasAVisibleRing_data();
    void theFocusedControlHasAVisibleRing();
    void anErrorClearsWhenItsFieldIsFixed();
    void choosingAProductLeavesTheKeyMessageUnchosen();
    void theLastFeedbackAndOpenFollowUpsAreShown();
};

void TestVisitDialog::aSubmittedVisitsDetailsAreReadOnly()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("rounds.db"))).ok);
    const QString hcp = protocol::newUuid(), visit = protocol::newUuid(), rep = protocol::newUuid();
    const QString products[] = {protocol::newUuid(), protocol::newUuid()};
    QList<PulledChange> page;
    page << change(QStringLiteral("hcp"), hcp, {{"full_name", "王建华"}, {"status", "active"}});
    for (const QString &p : products)
        page << change(QStringLiteral("product"), p,
            {{"name", QString(QStringLiteral("产品") + p.left(4))}, {"active", true}});
    page << change(QStringLiteral("visit"), visit,
        {{"territory_id", kTerritory}, {"hcp_id", hcp}, {"rep_id", rep}, {"channel", "face_to_face"},
            {"visited_at", "2026-11-22T01:30:00.000Z"}, {"status", "submitted"}, {"support_level", 4}});
    for (int i = 0; i < 2; ++i)
        page << change(QStringLiteral("visit_detail"), protocol::newUuid(),
            {{"visit_id", visit}, {"product_id", products[i]}, {"position", i + 1},
                {"reaction", "positive"}});
    QVERIFY(store.applyPage(page, {{kBucket, 10}, {QStringLiteral("global"), 3}}).ok);

    AccountInfo account;
    account.userId = rep;
    account.role = QStringLiteral("rep");
    account.territoryIds = {kTerritory};
    VisitDialog dialog(&store, account, {}, visit);
    dialog.show();
    QVERIFY(dialog.isReadOnly());
    QCOMPARE(dialog.productCount(), 2);
    auto *table = dialog.findChild<QTableWidget *>(QStringLiteral("productsTableWidget"));
    QVERIFY(table);
    for (int r = 0; r < table->rowCount(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            if (QWidget *w = table->cellWidget(r, c))
                QVERIFY2(!w->isEnabled(), qPrintable(w->objectName()));
        }
    }
    for (const char *name : {"addProductButton", "removeProductButton", "moveProductUpButton",
             "moveProductDownButton", "saveDraftButton", "submitButton"}) {
        auto *button = dialog.findChild<QPushButton *>(QString::fromLatin1(name));
        QVERIFY2(button && !button->isEnabled(), name);
    }
    // Whatever asks: no detail is added, removed or moved, and nothing is saved.
    const QString first = qobject_cast<QComboBox *>(table->cellWidget(0, 0))->currentData().toString();
    dialog.addProduct(products[1]);
    QCOMPARE(dialog.productCount(), 2);
    dialog.clearProducts();
    QCOMPARE(dialog.productCount(), 2);
    QCOMPARE(qobject_cast<QComboBox *>(table->cellWidget(0, 0))->currentData().toString(), first);
    QVERIFY(!dialog.saveDraft());
    QVERIFY(!dialog.submit());
    QVERIFY(store.outbox().isEmpty());
}

void TestVisitDialog::tabWalksTheFieldsInReadingOrder()
{
    Fixture f;
    QVERIFY(f.open(false));
    VisitDialog dialog(&f.store, f.account, f.hcp);
    QVERIFY(showAndFocus(dialog));
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("channelComboBox"));
    const QStringList fields {QStringLiteral("addProductButton"), QStringLiteral("removeProductButton"),
        QStringLiteral("moveProductUpButton"), QStringLiteral("moveProductDownButton"),
        QStringLiteral("presentButton"), QStringLiteral("feedbackTextEdit"),
        QStringLiteral("supportLevelComboBox"), QStringLiteral("followUpLineEdit")};
    // The due date is disabled (no follow-up yet), so no stop. The buttons follow in the order the eye
    // sees them (the platform's button box order, left to right), then the walk comes back to the first
    // field.
    QList<QPushButton *> row;
    for (const char *name : {"saveDraftButton", "submitButton", "closeButton", "visitHistoryButton"})
        row << child<QPushButton>(&dialog, name);
    std::sort(row.begin(), row.end(), [&dialog](QPushButton *a, QPushButton *b) {
        return a->mapTo(&dialog, QPoint()).x() < b->mapTo(&dialog, QPoint()).x();
    });
    QStringList buttons;
    for (QPushButton *b : std::as_const(row))
        buttons << b->objectName();
    QStringList expected {QStringLiteral("visitedAtDateTimeEdit"), QStringLiteral("durationSpinBox"),
        QStringLiteral("productComboBox#0"), QStringLiteral("keyMessageComboBox#0"),
        QStringLiteral("reactionComboBox#0")};
    expected << fields << QStringLiteral("notesTextEdit") << buttons << QStringLiteral("channelComboBox");
    QCOMPARE(walk(dialog, int(expected.size())), expected);

    // "Add product" by keyboard: the new row's product takes the focus, and the rows stay in reading
    // order in the walk. A follow-up enables its due date, which joins the walk after it.
    auto *add = child<QPushButton>(&dialog, "addProductButton");
    add->setFocus(Qt::TabFocusReason);
    QTest::keyClick(add, Qt::Key_Space);
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("productComboBox#1"));
    add->setFocus(Qt::TabFocusReason);
    QTest::keyClick(add, Qt::Key_Space);
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("productComboBox#2"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "followUpLineEdit"), QStringLiteral("Call back"));
    child<QComboBox>(&dialog, "channelComboBox")->setFocus(Qt::TabFocusReason);
    expected = QStringList {QStringLiteral("visitedAtDateTimeEdit"), QStringLiteral("durationSpinBox")};
    for (int row = 0; row < 3; ++row) {
        for (const char *cell : {"productComboBox#", "keyMessageComboBox#", "reactionComboBox#"})
            expected << QString::fromLatin1(cell) + QString::number(row);
    }
    expected << fields << QStringLiteral("followUpDueDateEdit") << QStringLiteral("notesTextEdit") << buttons
             << QStringLiteral("channelComboBox");
    QCOMPARE(walk(dialog, int(expected.size())), expected);

    // Up and Down keep the focus on the button pressed, so pressing it again moves the row further;
    // Remove likewise.
    comboAtRow(dialog, 2)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(comboAtRow(dialog, 2), Qt::Key_Down); // the third row's product: Amlodin
    auto *up = child<QPushButton>(&dialog, "moveProductUpButton");
    up->setFocus(Qt::TabFocusReason);
    QTest::keyClick(up, Qt::Key_Space);
    QCOMPARE(QApplication::focusWidget(), up);
    QTest::keyClick(up, Qt::Key_Space);
    QCOMPARE(QApplication::focusWidget(), up);
    QCOMPARE(comboAtRow(dialog, 0)->currentData().toString(), f.products[0]);
    auto *remove = child<QPushButton>(&dialog, "removeProductButton");
    remove->setFocus(Qt::TabFocusReason);
    QTest::keyClick(remove, Qt::Key_Space);
    QCOMPARE(dialog.productCount(), 2);
    QCOMPARE(QApplication::focusWidget(), remove);

    // Backwards too: Shift+Tab from the first product row goes back to the duration.
    comboAtRow(dialog, 0)->setFocus(Qt::TabFocusReason);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("durationSpinBox"));
}

void TestVisitDialog::theTimeIsOneTabStop()
{
    Fixture f;
    QVERIFY(f.open(false));
    VisitDialog dialog(&f.store, f.account, f.hcp);
    QVERIFY(showAndFocus(dialog));
    auto *time = child<QDateTimeEdit>(&dialog, "visitedAtDateTimeEdit");
    QVERIFY(time->sectionCount() >= 5); // year, month, day, hour, minute: one field all the same
    time->setFocus(Qt::TabFocusReason);
    QTest::keyClick(time, Qt::Key_Tab);
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("durationSpinBox"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
    QCOMPARE(QApplication::focusWidget(), time);
    QTest::keyClick(time, Qt::Key_Backtab);
    QCOMPARE(describe(dialog, QApplication::focusWidget()), QStringLiteral("channelComboBox"));
    // Inside the field the arrow keys still reach the minutes.
    time->setFocus(Qt::TabFocusReason);
    time->setCurrentSection(QDateTimeEdit::MinuteSection);
    const QDateTime before = time->dateTime();
    QTest::keyClick(time, Qt::Key_Down);
    QCOMPARE(time->dateTime(), before.addSecs(-60));
}

void TestVisitDialog::theFocusedControlHasAVisibleRing_data()
{
    QTest::addColumn<bool>("dark");
    QTest::newRow("light palette") << false;
    QTest::newRow("dark palette") << true;
}

void TestVisitDialog::theFocusedControlHasAVisibleRing()
{
    QFETCH(bool, dark);
    Fixture f;
    QVERIFY(f.open(false));
    VisitDialog dialog(&f.store, f.account, f.hcp);
    if (dark) {
        QPalette p;
        p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        p.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        p.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Button, QColor(0x3c, 0x3c, 0x3c));
        p.setColor(QPalette::ButtonText, QColor(0xee, 0xee, 0xee));
        p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        dialog.setPalette(p);
    }
    QVERIFY(showAndFocus(dialog));
    auto *time = child<QDateTimeEdit>(&dialog, "visitedAtDateTimeEdit");
    time->setFocus(Qt::TabFocusReason);
    // Every stop of the walk: the ring sits on the control's edge, on all four sides, in the
    // palette's highlight colour.
    QStringList missing;
    for (int i = 0; i < 20; ++i) {
        QWidget *focus = QApplication::focusWidget();
        QWidget *control = focus;
        while (control && !control->objectName().endsWith(QLatin1String("Edit"))
            && !control->objectName().endsWith(QLatin1String("Box"))
            && !control->objectName().endsWith(QLatin1String("Button")))
            control = control->parentWidget();
        QVERIFY2(control, qPrintable(describe(dialog, focus)));
        QCoreApplication::processEvents();
        const QImage shot = dialog.grab().toImage();
        // ROUNDS_SCREENSHOT_DIR keeps a picture of the ring on the time field, for review.
        if (const QString dir = qEnvironmentVariable("ROUNDS_SCREENSHOT_DIR"); !dir.isEmpty() && i == 0)
            shot.save(dir
                + (dark ? QStringLiteral("/visit-focus-dark.png")
                        : QStringLiteral("/visit-focus-light.png")));
        const QColor ring = FocusRing::colorFor(control);
        const QRect r(control->mapTo(&dialog, QPoint(0, 0)), control->size());
        const QPoint sides[] = {{r.left(), r.center().y()}, {r.right(), r.center().y()},
            {r.center().x(), r.top()}, {r.center().x(), r.bottom()}};
        for (const QPoint &at : sides) {
            if (shot.pixelColor(at) != ring) {
                missing << describe(dialog, control);
                break;
            }
        }
        QTest::keyClick(focus, Qt::Key_Tab);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QStringLiteral(", "))));
    if (dark) // the ring is bright on the dark window, not a dark line on it
        QVERIFY(FocusRing::colorFor(time).lightness()
            > dialog.palette().color(QPalette::Window).lightness() + 80);
}

void TestVisitDialog::anErrorClearsWhenItsFieldIsFixed()
{
    Fixture f;
    QVERIFY(f.open(false));
    VisitDialog dialog(&f.store, f.account, f.hcp);
    QVERIFY(showAndFocus(dialog));
    auto *productsError = child<QLabel>(&dialog, "productsErrorLabel");
    auto *supportError = child<QLabel>(&dialog, "supportLevelErrorLabel");
    auto *timeError = child<QLabel>(&dialog, "visitedAtErrorLabel");
    QVERIFY(!dialog.submit());
    QVERIFY(productsError->isVisible());
    QVERIFY(supportError->isVisible());

    // Fixing the support level by keyboard clears its message at once, and only its message.
    auto *support = child<QComboBox>(&dialog, "supportLevelComboBox");
    support->setFocus(Qt::TabFocusReason);
    QTest::keyClick(support, Qt::Key_Down);
    QVERIFY(support->currentData().toInt() > 0);
    QVERIFY(!supportError->isVisible());
    QVERIFY(productsError->isVisible());
    // Choosing the product clears the products' message.
    auto *product = child<QComboBox>(&dialog, "productComboBox");
    product->setFocus(Qt::TabFocusReason);
    QTest::keyClick(product, Qt::Key_Down);
    QVERIFY(!product->currentData().toString().isEmpty());
    QVERIFY(!productsError->isVisible());

    // A time in the future: the message goes when the time is set back, not at the next save.
    auto *time = child<QDateTimeEdit>(&dialog, "visitedAtDateTimeEdit");
    const QDateTime now = time->dateTime();
    time->setDateTime(now.addDays(2));
    QVERIFY(!dialog.saveDraft());
    QVERIFY(timeError->isVisible());
    time->setDateTime(now);
    QVERIFY(!timeError->isVisible());
    // A fix never makes a message appear that no save asked for; the next save checks everything.
    child<QComboBox>(&dialog, "supportLevelComboBox")->setCurrentIndex(0);
    QVERIFY(!supportError->isVisible());
    QVERIFY(!dialog.submit());
    QVERIFY(supportError->isVisible());
}

void TestVisitDialog::choosingAProductLeavesTheKeyMessageUnchosen()
{
    Fixture f;
    QVERIFY(f.open(false));
    VisitDialog dialog(&f.store, f.account, f.hcp);
    QVERIFY(showAndFocus(dialog));
    auto *product = child<QComboBox>(&dialog, "productComboBox");
    auto *message = child<QComboBox>(&dialog, "keyMessageComboBox");
    product->setFocus(Qt::TabFocusReason);
    QTest::keyClick(product, Qt::Key_Down); // Amlodin, which has two key messages
    QCOMPARE(product->currentData().toString(), f.products[0]);
    QCOMPARE(message->count(), 3); // "No key message" and the two
    QCOMPARE(message->currentIndex(), -1);
    QVERIFY(!message->currentData().isValid());
    QVERIFY(!message->placeholderText().isEmpty());

    // Saved like that, the detail names no key message; the rep's own choice is kept.
    QVERIFY(dialog.saveDraft());
    QList<protocol::Record> details;
    for (const auto &entry : f.store.outbox()) {
        if (entry.entity == QLatin1String("visit_detail"))
            details << *f.store.record(entry.entity, entry.recordId);
    }
    QCOMPARE(details.size(), 1);
    QVERIFY(details.first().fields.value(QLatin1String("key_message_id")).isNull()
        || details.first().fields.value(QLatin1String("key_message_id")).toString().isEmpty());
    message->setFocus(Qt::TabFocusReason);
    QTest::keyClick(message, Qt::Key_Down);
    QCOMPARE(message->currentIndex(), 0); // the first item: "No key message", chosen
    QTest::keyClick(message, Qt::Key_Down);
    const QString chosen = message->currentData().toString();
    QVERIFY(!chosen.isEmpty());
    QVERIFY(dialog.saveDraft());
    QCOMPARE(f.store.record(QStringLiteral("visit_detail"), details.first().id)
                 ->fields.value(QLatin1String("key_message_id"))
                 .toString(),
        chosen);
}

void TestVisitDialog::theLastFeedbackAndOpenFollowUpsAreShown()
{
    Fixture f;
    QVERIFY(f.open(true));
    {
        VisitDialog dialog(&f.store, f.account, f.hcp);
        dialog.show();
        auto *feedback = child<QLabel>(&dialog, "lastFeedbackLabel");
        auto *followUps = child<QLabel>(&dialog, "openFollowUpsLabel");
        QVERIFY(feedback->isVisible());
        QVERIFY2(
            feedback->text().contains(QStringLiteral("关注老年患者的安全性")), qPrintable(feedback->text()));
        QVERIFY(child<QLabel>(&dialog, "lastVisitLabel")->text().contains(QStringLiteral("Face to face")));
        QVERIFY(followUps->isVisible());
        QVERIFY2(followUps->text().contains(QStringLiteral("Bring the subgroup study")),
            qPrintable(followUps->text()));
        QVERIFY(followUps->text().contains(QStringLiteral("overdue")));
        // The newer visit answered the older visit's follow-up (the Today page's rule).
        QVERIFY(!followUps->text().contains(QStringLiteral("Send the leaflet")));
        // Read-only and no Tab stop.
        QCOMPARE(feedback->focusPolicy(), Qt::NoFocus);
    }
    {
        // The newer visit reopened: its own feedback is not "the last visit"; the older one is.
        VisitDialog dialog(&f.store, f.account, {}, f.newerVisit);
        dialog.show();
        QVERIFY(child<QLabel>(&dialog, "lastFeedbackLabel")
                    ->text()
                    .contains(QStringLiteral("Asked for the leaflet")));
        QVERIFY(child<QLabel>(&dialog, "openFollowUpsLabel")
                    ->text()
                    .contains(QStringLiteral("Send the leaflet")));
    }
    {
        // An HCP never visited.
        const QString other = protocol::newUuid();
        QVERIFY(f.store
                    .applyPage(
                        {change(QStringLiteral("hcp"), other, {{"full_name", "李丽"}, {"status", "active"}})},
                        {{kBucket, 11}})
                    .ok);
        VisitDialog dialog(&f.store, f.account, other);
        dialog.show();
        QVERIFY(
            child<QLabel>(&dialog, "lastVisitLabel")->text().contains(QStringLiteral("No earlier visit")));
        QVERIFY(child<QLabel>(&dialog, "openFollowUpsLabel")->text().contains(QStringLiteral("none")));
    }
}

QTEST_MAIN(TestVisitDialog)
#include "tst_visitdialog.moc"
