#include "common/protocol/values.h"
#include "models/store.h"
#include "ui/visits/visitdialog.h"

#include <QComboBox>
#include <QPushButton>
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
    c.bucket = entity == QLatin1String("product") ? QStringLiteral("global") : kBucket;
    c.entity = entity;
    c.id = id;
    c.record = fields;
    c.record.insert(QStringLiteral("id"), id);
    c.record.insert(QStringLiteral("version"), 1);
    return c;
}

} // namespace

// The visit dialog over a real store (offscreen): a submitted visit's details are read-only like the
// visit, whatever asks (buttons, the dialog's own functions); nothing reaches the outbox.
class TestVisitDialog : public QObject
{
    Q_OBJECT
private slots:
    void aSubmittedVisitsDetailsAreReadOnly();
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

QTEST_MAIN(TestVisitDialog)
#include "tst_visitdialog.moc"
