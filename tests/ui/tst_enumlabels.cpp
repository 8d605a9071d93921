// The labels of the schema's enumeration values: every value of every enumeration field has a label in
// English and in Chinese (the real translations/rounds_zh_CN.ts, compiled into this test as the app
// compiles it), and the combo boxes offer the schema's values in the schema's order.
#include "common/protocol/enumlabels.h"
#include "common/protocol/schema.h"
#include "models/store.h"
#include "ui/masterdata/masterdataview.h"

#include <QApplication>
#include <QComboBox>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace rounds;

class TestEnumLabels : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void everySchemaValueHasALabel();
    void aValueWithoutALabelIsReported();
    void labelInEnglishAndChinese_data();
    void labelInEnglishAndChinese();
    void choicesFollowTheSchema();
    void masterDataOffersTheSchemasValues();

private:
    QTranslator m_chinese;
};

void TestEnumLabels::initTestCase()
{
    QVERIFY2(
        m_chinese.load(QStringLiteral(":/i18n/rounds_zh_CN.qm")), "the zh_CN translation is not built in");
}

void TestEnumLabels::everySchemaValueHasALabel()
{
    const QStringList missing = EnumLabels::unlabelled(protocol::Schema::instance().entities());
    QVERIFY2(
        missing.isEmpty(), qPrintable(QStringLiteral("no label for ") + missing.join(QStringLiteral(", "))));
}

void TestEnumLabels::aValueWithoutALabelIsReported()
{
    // A value added to the schema without a row in the table is caught by the check above.
    QList<protocol::Entity> entities = protocol::Schema::instance().entities();
    bool added = false;
    for (protocol::Entity &e : entities) {
        for (protocol::Field &f : e.fields) {
            if (e.name == QLatin1String("visit") && f.name == QLatin1String("channel")) {
                f.enumValues << QStringLiteral("carrier_pigeon");
                added = true;
            }
        }
    }
    QVERIFY(added);
    QCOMPARE(EnumLabels::unlabelled(entities), QStringList {QStringLiteral("visit.channel=carrier_pigeon")});
    QVERIFY(!EnumLabels::hasLabel(
        QStringLiteral("visit"), QStringLiteral("channel"), QStringLiteral("carrier_pigeon")));
    QCOMPARE(EnumLabels::label(
                 QStringLiteral("visit"), QStringLiteral("channel"), QStringLiteral("carrier_pigeon")),
        QStringLiteral("carrier_pigeon"));
}

void TestEnumLabels::labelInEnglishAndChinese_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    int rows = 0;
    for (const protocol::Entity &e : protocol::Schema::instance().entities()) {
        for (const protocol::Field &f : e.fields) {
            for (const QString &v : f.enumValues) {
                const QString name = e.name + QLatin1Char('.') + f.name + QLatin1Char('=') + v;
                QTest::newRow(qPrintable(name)) << e.name << f.name << v;
                ++rows;
            }
        }
    }
    QVERIFY(rows > 60); // the schema has its enumerations
}

void TestEnumLabels::labelInEnglishAndChinese()
{
    QFETCH(QString, entity);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QVERIFY(EnumLabels::hasLabel(entity, field, value));
    const QString english = EnumLabels::label(entity, field, value);
    QVERIFY(!english.isEmpty());
    QVERIFY(QCoreApplication::installTranslator(&m_chinese));
    const QString chinese = EnumLabels::label(entity, field, value);
    QCoreApplication::removeTranslator(&m_chinese);
    QVERIFY2(!chinese.isEmpty() && chinese != value, qPrintable(chinese));
    QVERIFY2(chinese != english, qPrintable(QStringLiteral("no Chinese for “%1”").arg(english)));
}

void TestEnumLabels::choicesFollowTheSchema()
{
    auto valuesOf = [](const QList<EnumLabels::Choice> &choices) {
        QStringList out;
        for (const EnumLabels::Choice &c : choices)
            out << c.first;
        return out;
    };
    const QString hcp = QStringLiteral("hcp");
    // Nullable: an explicit empty choice first, then the schema's values in its order.
    QCOMPARE(valuesOf(EnumLabels::choices(hcp, QStringLiteral("gender"))),
        (QStringList {QString(), QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("other"),
            QStringLiteral("unknown")}));
    QCOMPARE(EnumLabels::choices(hcp, QStringLiteral("gender")).first().second, QStringLiteral("—"));
    // Required: no empty choice.
    QCOMPARE(valuesOf(EnumLabels::choices(QStringLiteral("institution"), QStringLiteral("kind"))),
        protocol::Schema::instance().entity(u"institution")->field(u"kind")->enumValues);
    QCOMPARE(valuesOf(EnumLabels::values(QStringLiteral("meeting"), QStringLiteral("status"))),
        protocol::Schema::instance().entity(u"meeting")->field(u"status")->enumValues);
    // The entity's own row wins over the field's row of any entity: "submitted" reads differently.
    QCOMPARE(
        EnumLabels::label(QStringLiteral("meeting"), QStringLiteral("status"), QStringLiteral("submitted")),
        QStringLiteral("Awaiting approval"));
    QCOMPARE(
        EnumLabels::label(QStringLiteral("visit"), QStringLiteral("status"), QStringLiteral("submitted")),
        QStringLiteral("Submitted"));
    QVERIFY(EnumLabels::values(QStringLiteral("nothing"), QStringLiteral("status")).isEmpty());
}

void TestEnumLabels::masterDataOffersTheSchemasValues()
{
    QTemporaryDir dir;
    Store store;
    QVERIFY(store.open(dir.filePath(QStringLiteral("rounds.db"))).ok);
    MasterDataView view(&store);
    auto *gender = view.findChild<QComboBox *>(QStringLiteral("genderComboBox"));
    QVERIFY(gender);
    QStringList offered;
    for (int i = 0; i < gender->count(); ++i)
        offered << gender->itemData(i).toString();
    QCOMPARE(offered,
        (QStringList {QString(), QStringLiteral("male"), QStringLiteral("female"), QStringLiteral("other"),
            QStringLiteral("unknown")}));
    QCOMPARE(gender->itemText(2), QStringLiteral("Female"));

    QVERIFY(QCoreApplication::installTranslator(&m_chinese));
    MasterDataView chinese(&store);
    QCoreApplication::removeTranslator(&m_chinese);
    auto *genderZh = chinese.findChild<QComboBox *>(QStringLiteral("genderComboBox"));
    QStringList texts;
    for (int i = 0; i < genderZh->count(); ++i)
        texts << genderZh->itemText(i);
    QCOMPARE(texts,
        (QStringList {QStringLiteral("—"), QStringLiteral("男"), QStringLiteral("女"), QStringLiteral("其他"),
            QStringLiteral("未知")}));
}

QTEST_MAIN(TestEnumLabels)
#include "tst_enumlabels.moc"
