// Search as Chinese users type, over a real store and the real widgets (offscreen): full pinyin, pinyin
// with a space, initials, mixed pinyin and characters, Latin names and hospitals find the HCP, in the
// global search box and in the HCP list's filter, which always agree with each other and with the engine
// rounds-cli search prints; the lists sort by pinyin in Chinese and by the locale's collation in English;
// the master-data lists filter by pinyin too; a merge proposes the normalised name.
#include "common/sqlite/database.h"
#include "models/hcplistmodel.h"
#include "models/hcpquery.h"
#include "models/store.h"
#include "sync/session.h"
#include "ui/hcp/hcplistview.h"
#include "ui/mainwindow/mainwindow.h"
#include "ui/masterdata/duplicatesview.h"
#include "ui/masterdata/masterdataview.h"
#include "uitest.h"

#include <QComboBox>
#include <QInputMethodEvent>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;

namespace {

const char *kData = R"(
INSERT INTO institution(id, name, kind, city) VALUES ('ix', '协和医院', 'hospital', '北京'),
  ('iz', '中山医院', 'hospital', '上海'), ('ia', '安贞医院', 'hospital', '北京');
INSERT INTO hcp(id, full_name, tier, status, institution_id) VALUES ('h1', '何丽', 'A', 'active', 'iz'),
  ('h2', '贺立新', 'B', 'active', 'iz'), ('h3', 'Wang Wei', 'C', 'active', 'iz'),
  ('h4', '张敏', 'A', 'active', 'ix'), ('h5', '李娜', 'B', 'active', 'ix'), ('h6', '安娜', 'A', 'active', 'ia');
)";

QStringList modelIds(HcpListModel *model)
{
    while (model->canFetchMore({}))
        model->fetchMore({});
    QStringList ids;
    for (int r = 0; r < model->rowCount(); ++r)
        ids << model->idAt(r);
    return ids;
}

// Types `text` as a Chinese user does: Latin letters as keys, characters committed by the input method.
void typeText(QWidget *widget, const QString &text)
{
    for (QChar c : text) {
        if (c.unicode() < 0x80) {
            QTest::keyClick(widget, char(c.unicode()));
        } else {
            QInputMethodEvent commit;
            commit.setCommitString(QString(c));
            QCoreApplication::sendEvent(widget, &commit);
        }
    }
}

QStringList tableColumn(QTableWidget *table)
{
    QStringList out;
    for (int r = 0; r < table->rowCount(); ++r)
        out << table->item(r, 0)->text();
    return out;
}

} // namespace

class TestPinyinSearch : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanup();
    void bothSearchBoxesFindAndAgree_data();
    void bothSearchBoxesFindAndAgree();
    void listsSortByTheLocale_data();
    void listsSortByTheLocale();
    void masterDataListsFilterByPinyin();
    void mergeProposesTheNormalisedName();

private:
    QString freshStore(const QString &name);
    QTemporaryDir m_home;
};

void TestPinyinSearch::initTestCase()
{
    QVERIFY(m_home.isValid());
    uitest::useHome(m_home, "RoundsPinyin");
}

void TestPinyinSearch::cleanup()
{
    QLocale::setDefault(QLocale::c());
}

QString TestPinyinSearch::freshStore(const QString &name)
{
    const QString path = m_home.filePath(name + QStringLiteral(".db"));
    QFile::remove(path);
    Store store;
    if (!store.open(path).ok)
        return {};
    store.setMeta(QStringLiteral("role"), QStringLiteral("sfe"));
    store.database()->exec(QString::fromUtf8(kData));
    return path;
}

void TestPinyinSearch::bothSearchBoxesFindAndAgree_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected"); // an HCP the search must find
    QTest::newRow("full pinyin") << "heli"
                                 << "h1";
    QTest::newRow("full pinyin with a space") << "he li"
                                              << "h1";
    QTest::newRow("initials") << "hl"
                              << "h1";
    QTest::newRow("mixed") << "he丽"
                           << "h1";
    QTest::newRow("characters") << "何丽"
                                << "h1";
    QTest::newRow("Latin name") << "Wang Wei"
                                << "h3";
    QTest::newRow("Latin name, pinyin of a Chinese one") << "zhangmin"
                                                         << "h4";
    QTest::newRow("hospital by pinyin") << "xiehe"
                                        << "h4";
    QTest::newRow("hospital by initials") << "xhyy"
                                          << "h5";
    QTest::newRow("hospital in characters") << "协和医院"
                                            << "h5";
}

void TestPinyinSearch::bothSearchBoxesFindAndAgree()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const QString path = freshStore(QStringLiteral("agree"));
    QVERIFY(!path.isEmpty());
    Session session;
    QString error;
    QVERIFY2(session.openDatabase(path, &error), qPrintable(error));
    MainWindow window(&session);
    window.show();
    HcpListView *list = window.hcpListView();
    HcpListModel *model = list->model();
    auto *global = window.findChild<QLineEdit *>(QStringLiteral("globalSearchLineEdit"));
    auto *filter = list->findChild<QLineEdit *>(QStringLiteral("hcpSearchLineEdit"));
    auto *tier = list->findChild<QComboBox *>(QStringLiteral("tierComboBox"));
    QVERIFY(global && filter && tier);

    // A list filter left from earlier (tier C) must not hide what the global search finds.
    tier->setCurrentIndex(tier->findData(QStringLiteral("C")));
    global->setFocus();
    typeText(global, text);
    QCOMPARE(window.currentView(), QStringLiteral("hcps"));
    QCOMPARE(filter->text(), text);
    const QStringList fromGlobal = modelIds(model);
    QVERIFY2(fromGlobal.contains(expected), qPrintable(fromGlobal.join(u',')));

    // The engine rounds-cli search runs gives the same HCPs in the same order.
    HcpFilter engine;
    engine.text = text;
    QList<HcpHit> hits;
    QVERIFY(searchHcps(*session.store()->database(), engine, kSearchFirstPage, &hits));
    QStringList engineIds;
    for (const HcpHit &h : std::as_const(hits))
        engineIds << h.id;
    QCOMPARE(fromGlobal, engineIds);

    // Clearing the global box clears the list; typing into the list's own box shows in the global one
    // and gives the same HCPs.
    global->selectAll();
    QTest::keyClick(global, Qt::Key_Backspace);
    QCOMPARE(filter->text(), QString());
    QCOMPARE(modelIds(model).size(), 6);
    filter->setFocus();
    typeText(filter, text);
    QCOMPARE(global->text(), text);
    QTRY_COMPARE(modelIds(model), fromGlobal);
}

void TestPinyinSearch::listsSortByTheLocale_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QStringList>("hcps"); // in list order
    QTest::addColumn<QStringList>("institutions");
    // Chinese: Han names by pinyin (an, he 2nd tone, he 4th tone, li, zhang; an, xie, zhong), then Latin.
    QTest::newRow("zh_CN") << QLocale(QLocale::Chinese, QLocale::China)
                           << QStringList {"安娜", "何丽", "贺立新", "李娜", "张敏", "Wang Wei"}
                           << QStringList {"安贞医院", "协和医院", "中山医院"};
    // English: Latin first, then Han names by radical and stroke (the root collation: their code points).
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates)
                        << QStringList {"Wang Wei", "何丽", "安娜", "张敏", "李娜", "贺立新"}
                        << QStringList {"中山医院", "协和医院", "安贞医院"};
}

void TestPinyinSearch::listsSortByTheLocale()
{
    QFETCH(QLocale, locale);
    QFETCH(QStringList, hcps);
    QFETCH(QStringList, institutions);
    // The store is made in the other language first: opening it in this one makes its sort keys again.
    QLocale::setDefault(
        locale.language() == QLocale::Chinese ? QLocale(QLocale::English) : QLocale(QLocale::Chinese));
    const QString path = freshStore(QStringLiteral("sort"));
    QVERIFY(!path.isEmpty());
    QLocale::setDefault(locale);
    Store store;
    QVERIFY(store.open(path).ok);

    HcpListModel model(&store);
    QStringList names;
    for (const QString &id : modelIds(&model)) {
        const int row = model.rowOfId(id);
        names << model.data(model.index(row, HcpListModel::Name)).toString();
    }
    QCOMPARE(names, hcps);
    // Sorting by the Name column, both ways, keeps that order.
    model.sort(HcpListModel::Name, Qt::DescendingOrder);
    QStringList descending;
    for (const QString &id : modelIds(&model))
        descending.prepend(model.data(model.index(model.rowOfId(id), HcpListModel::Name)).toString());
    QCOMPARE(descending, hcps);

    MasterDataView view(&store);
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("masterInstitutionTableWidget"));
    QVERIFY(table);
    QCOMPARE(tableColumn(table), institutions);
}

void TestPinyinSearch::masterDataListsFilterByPinyin()
{
    const QString path = freshStore(QStringLiteral("master"));
    Store store;
    QVERIFY(store.open(path).ok);
    MasterDataView view(&store);
    auto *institutionSearch = view.findChild<QLineEdit *>(QStringLiteral("masterInstitutionSearchLineEdit"));
    auto *institutions = view.findChild<QTableWidget *>(QStringLiteral("masterInstitutionTableWidget"));
    auto *hcpSearch = view.findChild<QLineEdit *>(QStringLiteral("masterHcpSearchLineEdit"));
    auto *hcps = view.findChild<QTableWidget *>(QStringLiteral("masterHcpTableWidget"));
    QVERIFY(institutionSearch && institutions && hcpSearch && hcps);
    for (const QString &text : {QStringLiteral("xiehe"), QStringLiteral("xhyy"), QStringLiteral("xie和")}) {
        institutionSearch->clear();
        typeText(institutionSearch, text);
        QCOMPARE(tableColumn(institutions), QStringList {QStringLiteral("协和医院")});
    }
    for (const QString &text : {QStringLiteral("heli"), QStringLiteral("he li"), QStringLiteral("hl")}) {
        hcpSearch->clear();
        typeText(hcpSearch, text);
        QVERIFY2(tableColumn(hcps).contains(QStringLiteral("何丽")), qPrintable(text));
    }
}

void TestPinyinSearch::mergeProposesTheNormalisedName()
{
    const QString path = m_home.filePath(QStringLiteral("merge.db"));
    Store store;
    QVERIFY(store.open(path).ok);
    const QString kInstitution = QStringLiteral("c3333333-3333-4333-8333-333333333333");
    qint64 seq = 0;
    auto pulled = [&](const QString &entity, const QString &id, QJsonObject fields) {
        fields.insert(QStringLiteral("id"), id);
        fields.insert(QStringLiteral("version"), 2);
        fields.insert(QStringLiteral("updated_at"), QStringLiteral("2026-11-01T00:00:00.000Z"));
        PulledChange c;
        c.bucket = QStringLiteral("global");
        c.seq = ++seq;
        c.entity = entity;
        c.id = id;
        c.record = fields;
        return store.applyPage({c}, {}).ok;
    };
    QVERIFY(pulled(QStringLiteral("institution"), kInstitution,
        {{QStringLiteral("name"), QStringLiteral("协和医院")},
            {QStringLiteral("kind"), QStringLiteral("hospital")}}));
    for (const auto &[id, name] : {std::pair {"d1111111-1111-4111-8111-111111111111", " 沈 华 "},
             std::pair {"d2222222-2222-4222-8222-222222222222", "沈华"}}) {
        QVERIFY(pulled(QStringLiteral("hcp"), QString::fromLatin1(id),
            {{QStringLiteral("full_name"), QString::fromUtf8(name)},
                {QStringLiteral("tier"), QStringLiteral("A")},
                {QStringLiteral("institution_id"), kInstitution},
                {QStringLiteral("status"), QStringLiteral("active")}}));
    }
    DuplicatesView view(&store);
    view.reload();
    QCOMPARE(view.pairs().size(), 1);
    QVERIFY(view.selectPair(0));
    view.chooseWinner(0); // the record spelt "沈 华" survives
    QCOMPARE(view.findChild<QRadioButton *>(QStringLiteral("full_name_leftRadioButton"))->text(),
        QStringLiteral("沈华"));
    QCOMPARE(view.chosenValues().value(QLatin1String("full_name")).toString(), QStringLiteral("沈华"));
    const bool merged = view.mergeSelected(false);
    QVERIFY2(merged,
        qPrintable(view.findChild<QLabel *>(QStringLiteral("mergeStatusLabel"))
                ? view.findChild<QLabel *>(QStringLiteral("mergeStatusLabel"))->text()
                : QStringLiteral("?")));
    const auto survivor
        = store.record(QStringLiteral("hcp"), QStringLiteral("d1111111-1111-4111-8111-111111111111"));
    QVERIFY(survivor);
    QCOMPARE(survivor->fields.value(QLatin1String("full_name")).toString(), QStringLiteral("沈华"));
}

QTEST_MAIN(TestPinyinSearch)
#include "tst_pinyinsearch.moc"
