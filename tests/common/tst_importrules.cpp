#include "common/import/csvreader.h"
#include "common/import/importrules.h"

#include <QStringEncoder>
#include <QtTest>

using namespace rounds::import;

// The HCP and alignment row rules shared by `rounds-server import` and the client's import preview.
class TestImportRules : public QObject
{
    Q_OBJECT
private slots:
    void hcpRows_data();
    void hcpRows();
    void fileProblems_data();
    void fileProblems();
    void alignmentRows_data();
    void alignmentRows();
    void existingRecordsAreSkippedNotErrors();
    void normalizedNames_data();
    void normalizedNames();
    void exportReadsBack();
    void everyProblemOfARowNamesItsColumn_data();
    void everyProblemOfARowNamesItsColumn();
    void templatesReadBackEmpty();

private:
    static Lookup lookup();
};

namespace {

const QString kSh01 = QStringLiteral("11111111-1111-4111-8111-111111111111");
const QString kHcp = QStringLiteral("22222222-2222-4222-8222-222222222222");
const QString kExisting = QStringLiteral("33333333-3333-4333-8333-333333333333");

QByteArray gbk(const QString &text)
{
    QStringEncoder encoder("GBK");
    return encoder.encode(text);
}

} // namespace

Lookup TestImportRules::lookup()
{
    Lookup l;
    l.territory = [](const QString &code) { return code == QLatin1String("SH-01") ? kSh01 : QString(); };
    l.hcp = [](const QString &name, const QString &institution) {
        if (normalizedName(name) == normalizedName(QStringLiteral("王伟"))
            && institution == QStringLiteral("瑞金医院"))
            return kExisting;
        if (name == QStringLiteral("李娜") && institution == QStringLiteral("瑞金医院"))
            return kHcp;
        return QString();
    };
    l.hcpExists = [](const QString &id) { return id == kHcp || id == kExisting; };
    l.alignment = [](const QString &territoryId, const QString &hcpId) {
        return territoryId == kSh01 && hcpId == kExisting ? QStringLiteral("existing-alignment") : QString();
    };
    return l;
}

// Each file: its bytes, then per data row "line:OK", "line:ERR:<substring of the error>" or "line:DUP:n".
void TestImportRules::hcpRows_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QStringList>("expected");
    QTest::addColumn<QString>("encoding");

    const QString header = QStringLiteral("full_name,gender,institution,tier,territory,phone,email\n");
    QTest::newRow("gbk file") << gbk(header + QStringLiteral("张三,男,华山医院,a,SH-01,021-5288 9999,\n"))
                              << QStringList {"2:OK"} << QStringLiteral("gbk");
    QTest::newRow("utf-8 with bom") << QByteArray("\xEF\xBB\xBF")
            + (header + QStringLiteral("张三,女,华山医院,B,,,\n")).toUtf8()
                                    << QStringList {"2:OK"} << QStringLiteral("utf-8");
    QTest::newRow("quoted newline keeps line numbers")
        << (header + QStringLiteral("\"张\n三\",男,华山医院,A,,,\n李四,男,\"华山医院\",X,,,\n")).toUtf8()
        << QStringList {"2:OK", "4:ERR:column 'tier'"} << QStringLiteral("utf-8");
    QTest::newRow("crlf")
        << (header + QStringLiteral("张三,男,华山医院,A,,,\r\n李四,,华山医院,,,,\r\n")).toUtf8()
        << QStringList {"2:OK", "3:OK"} << QStringLiteral("utf-8");
    QString seven = header;
    for (int i = 2; i <= 8; ++i)
        seven += QStringLiteral("医生%1,,华山医院,%2,,,\n")
                     .arg(i)
                     .arg(i == 7 ? QStringLiteral("E") : QStringLiteral("C"));
    QTest::newRow("bad tier on line 7")
        << seven.toUtf8()
        << QStringList {"2:OK", "3:OK", "4:OK", "5:OK", "6:OK", "7:ERR:column 'tier'", "8:OK"}
        << QStringLiteral("utf-8");
    QTest::newRow("duplicate rows, also after normalization")
        << (header
               + QStringLiteral("张三,男,华山医院,A,,,\n张 三,男,华山医院,A,,,\n张三,男,中山医院,A,,,\n"
                                "ＡＢＣ,,华山医院,,,,\nabc,,华山医院,,,,\n"))
               .toUtf8()
        << QStringList {"2:OK", "3:DUP:2", "4:OK", "5:OK", "6:DUP:5"} << QStringLiteral("utf-8");
    QTest::newRow("field rules") << (header
        + QStringLiteral(",男,华山医院,A,,,\n张三,,,A,,,\n张三,x,华山医院,A,,,\n张三,,华山医院,A,XX-99,,\n"
                         "张三,,华山医院,A,,abc,\n张三,,华山医院,A,,,nobody\n张三,,华山医院\n"))
                                        .toUtf8()
                                 << QStringList {"2:ERR:column 'full_name'", "3:ERR:column 'institution'",
                                        "4:ERR:column 'gender'", "5:ERR:no territory with code 'XX-99'",
                                        "6:ERR:column 'phone'", "7:ERR:column 'email'",
                                        "8:ERR:3 fields where the header has 7"}
                                 << QStringLiteral("utf-8");
}

void TestImportRules::hcpRows()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QStringList, expected);
    QFETCH(QString, encoding);
    const Preview p
        = parse(Kind::Hcps, bytes, QStringLiteral("auto"), lookup(), QStringLiteral("2026-11-22"));
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.encoding, encoding);
    QStringList got;
    for (const Row &r : p.rows) {
        if (r.duplicateOfLine > 0)
            got << QStringLiteral("%1:DUP:%2").arg(r.line).arg(r.duplicateOfLine);
        else if (!r.valid())
            got << QStringLiteral("%1:ERR:%2").arg(r.line).arg(r.error);
        else
            got << QStringLiteral("%1:OK").arg(r.line);
    }
    QCOMPARE(got.size(), expected.size());
    for (qsizetype i = 0; i < got.size(); ++i)
        QVERIFY2(got.at(i).startsWith(expected.at(i).section(QLatin1Char(':'), 0, 1))
                && got.at(i).contains(expected.at(i).section(QLatin1Char(':'), 2)),
            qPrintable(got.at(i) + QStringLiteral(" vs ") + expected.at(i)));
    QCOMPARE(p.ok(),
        !expected.join(QLatin1Char(' ')).contains(QLatin1String(":ERR:"))
            && !expected.join(QLatin1Char(' ')).contains(QLatin1String(":DUP:")));
    QCOMPARE(p.errors().size(), p.invalidCount());
}

void TestImportRules::fileProblems_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fatal");
    QTest::newRow("empty") << int(Kind::Hcps) << QByteArray() << QStringLiteral("empty");
    QTest::newRow("missing column") << int(Kind::Hcps) << QByteArray("name,institution\nx,y\n")
                                    << QStringLiteral("lacks the column 'full_name'");
    QTest::newRow("twice") << int(Kind::Hcps) << QByteArray("full_name,institution,full_name\nx,y,z\n")
                           << QStringLiteral("appears twice");
    QTest::newRow("unclosed quote") << int(Kind::Hcps) << QByteArray("full_name,institution\n\"x,y\n")
                                    << QStringLiteral("line 2: a quoted field is not closed");
    QTest::newRow("not utf-8, forced")
        << int(Kind::Hcps) << gbk(QStringLiteral("full_name,institution\n张,华\n"))
        << QStringLiteral("not valid UTF-8");
    QTest::newRow("alignment without hcp columns")
        << int(Kind::Alignments) << QByteArray("territory,full_name\nSH-01,x\n")
        << QStringLiteral("'hcp_id'");
}

void TestImportRules::fileProblems()
{
    QFETCH(int, kind);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fatal);
    const QString encoding = QString::fromLatin1(QTest::currentDataTag()).contains(QLatin1String("forced"))
        ? QStringLiteral("utf-8")
        : QStringLiteral("auto");
    const Preview p = parse(Kind(kind), bytes, encoding, lookup());
    QVERIFY2(p.fatal.contains(fatal), qPrintable(p.fatal));
    QVERIFY(!p.ok());
}

void TestImportRules::alignmentRows_data()
{
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("error"); // empty: valid
    QTest::addColumn<QString>("hcpId");
    QTest::newRow("by name") << QStringLiteral("SH-01,,李娜,瑞金医院,2026-12-01,,8") << QString() << kHcp;
    QTest::newRow("by id") << QStringLiteral("SH-01,%1,,,2026-12-01,2027-01-31,8").arg(kHcp) << QString()
                           << kHcp;
    QTest::newRow("unknown id") << QStringLiteral("SH-01,%1,,,2026-12-01,,8").arg(kSh01)
                                << QStringLiteral("column 'hcp_id'") << QString();
    QTest::newRow("unknown name") << QStringLiteral("SH-01,,无名,瑞金医院,,,")
                                  << QStringLiteral("no HCP named") << QString();
    QTest::newRow("unknown territory") << QStringLiteral("SH-09,,李娜,瑞金医院,,,")
                                       << QStringLiteral("no territory with code 'SH-09'") << QString();
    QTest::newRow("bad date") << QStringLiteral("SH-01,,李娜,瑞金医院,2026-02-30,,")
                              << QStringLiteral("column 'valid_from'") << QString();
    QTest::newRow("ends before it starts") << QStringLiteral("SH-01,,李娜,瑞金医院,2026-12-01,2026-11-30,")
                                           << QStringLiteral("column 'valid_to'") << QString();
    QTest::newRow("target too high") << QStringLiteral("SH-01,,李娜,瑞金医院,,,1001")
                                     << QStringLiteral("column 'target_calls_per_cycle'") << QString();
    QTest::newRow("target not a number")
        << QStringLiteral("SH-01,,李娜,瑞金医院,,,ten") << QStringLiteral("not a whole number") << QString();
}

void TestImportRules::alignmentRows()
{
    QFETCH(QString, row);
    QFETCH(QString, error);
    QFETCH(QString, hcpId);
    const QByteArray bytes
        = (alignmentColumns().join(QLatin1Char(',')) + QLatin1Char('\n') + row + QLatin1Char('\n')).toUtf8();
    const Preview p
        = parse(Kind::Alignments, bytes, QStringLiteral("auto"), lookup(), QStringLiteral("2026-11-22"));
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.rows.size(), 1);
    const Row &r = p.rows.first();
    if (error.isEmpty()) {
        QVERIFY2(r.valid(), qPrintable(r.error));
        QCOMPARE(r.values.value(QLatin1String("hcp_id")).toString(), hcpId);
        QCOMPARE(r.values.value(QLatin1String("territory_id")).toString(), kSh01);
        QCOMPARE(r.values.value(QLatin1String("target_calls_per_cycle")).toInteger(), 8);
    } else {
        QVERIFY2(r.error.contains(error), qPrintable(r.error));
        QCOMPARE(p.errors(), QStringList {QStringLiteral("line 2: ") + r.error});
    }
}

void TestImportRules::existingRecordsAreSkippedNotErrors()
{
    const QByteArray hcps("full_name,institution\n王 伟,瑞金医院\n新医生,瑞金医院\n");
    const Preview p = parse(Kind::Hcps, hcps, QStringLiteral("auto"), lookup());
    QVERIFY(p.ok());
    QCOMPARE(p.rows.at(0).existingId, kExisting);
    QVERIFY(!p.rows.at(0).applies());
    QVERIFY(p.rows.at(1).applies());
    QCOMPARE(p.existingCount(), 1);
    QCOMPARE(p.applyCount(), 1);

    const QByteArray alignments("territory,full_name,institution,valid_from\nSH-01,王伟,瑞金医院,\nSH-01,"
                                "李娜,瑞金医院,\nSH-01,李娜,瑞金医院,\n");
    const Preview a
        = parse(Kind::Alignments, alignments, QStringLiteral("auto"), lookup(), QStringLiteral("2026-11-22"));
    QCOMPARE(a.rows.size(), 3);
    QCOMPARE(a.rows.at(0).existingId, QStringLiteral("existing-alignment"));
    QCOMPARE(a.rows.at(0).values.value(QLatin1String("valid_from")).toString(), QStringLiteral("2026-11-22"));
    QVERIFY(a.rows.at(1).applies());
    QCOMPARE(a.rows.at(2).duplicateOfLine, 3);
    QVERIFY(!a.ok());
    QCOMPARE(a.errors().size(), 1);
    QVERIFY(a.errors().first().startsWith(QLatin1String("line 4: duplicate alignment")));
}

void TestImportRules::normalizedNames_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("same");
    QTest::newRow("space") << QStringLiteral("王 伟") << QStringLiteral("王伟") << true;
    QTest::newRow("ideographic space") << QStringLiteral("王\u3000伟") << QStringLiteral("王伟") << true;
    QTest::newRow("full-width latin") << QStringLiteral("ＷＡＮＧ Wei") << QStringLiteral("wangwei") << true;
    QTest::newRow("different") << QStringLiteral("王伟") << QStringLiteral("王玮") << false;
}

void TestImportRules::normalizedNames()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, same);
    QCOMPARE(normalizedName(a) == normalizedName(b), same);
}

void TestImportRules::exportReadsBack()
{
    const QList<QJsonObject> hcps {{{"full_name", "张三"}, {"institution", "华山医院, 本部"}, {"tier", "A"},
                                       {"specialty", "说 \"心内\"\n科"}},
        {{"full_name", "李四"}, {"institution", "中山医院"}, {"tier", QJsonValue()}}};
    const QByteArray bytes = exportCsv(Kind::Hcps, hcps);
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const Preview p = parse(Kind::Hcps, bytes, QStringLiteral("auto"), {});
    QVERIFY2(p.ok(), qPrintable(p.fatal + p.errors().join(QLatin1Char('\n'))));
    QCOMPARE(p.header, hcpColumns());
    QCOMPARE(p.rows.size(), 2);
    QCOMPARE(
        p.rows.at(0).values.value(QLatin1String("institution")).toString(), QStringLiteral("华山医院, 本部"));
    QCOMPARE(
        p.rows.at(0).values.value(QLatin1String("specialty")).toString(), QStringLiteral("说 \"心内\"\n科"));
    QCOMPARE(p.rows.at(1).line, 4);
    QVERIFY(p.rows.at(1).values.value(QLatin1String("tier")).isNull());
}

void TestImportRules::everyProblemOfARowNamesItsColumn_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("header");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QStringList>("columns"); // of the problems, in order
    QTest::newRow("hcp, five cells") << int(
        Kind::Hcps) << QStringLiteral("full_name,gender,institution,tier,phone,email,territory")
                                     << QStringLiteral("钱伟,X,瑞金医院,Z,12ab,nope,XX-99")
                                     << QStringList {"gender", "tier", "email", "phone", "territory"};
    QTest::newRow("hcp, no name nor institution")
        << int(Kind::Hcps) << QStringLiteral("full_name,institution,tier") << QStringLiteral(",,Q")
        << QStringList {"full_name", "institution", "tier"};
    QTest::newRow("alignment, four cells")
        << int(Kind::Alignments) << alignmentColumns().join(QLatin1Char(','))
        << QStringLiteral("SH-09,,无名,瑞金医院,2026-02-30,,ten")
        << QStringList {"target_calls_per_cycle", "valid_from", "territory", "full_name"};
}

void TestImportRules::everyProblemOfARowNamesItsColumn()
{
    QFETCH(int, kind);
    QFETCH(QString, header);
    QFETCH(QString, row);
    QFETCH(QStringList, columns);
    const Preview p = parse(Kind(kind), (header + QLatin1Char('\n') + row + QLatin1Char('\n')).toUtf8(),
        QStringLiteral("auto"), lookup(), QStringLiteral("2026-11-22"));
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.rows.size(), 1);
    const Row &r = p.rows.first();
    QStringList got;
    for (const Issue &i : r.issues) {
        got << i.column;
        QVERIFY(r.error.contains(i.message));
    }
    QCOMPARE(got, columns);
    QCOMPARE(p.errors().size(), 1);
}

void TestImportRules::templatesReadBackEmpty()
{
    for (Kind kind : {Kind::Hcps, Kind::Alignments}) {
        const Preview p = parse(kind, templateCsv(kind), QStringLiteral("auto"), lookup());
        QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
        QVERIFY(p.warnings.isEmpty());
        QCOMPARE(p.header, kind == Kind::Hcps ? hcpColumns() : alignmentColumns());
        QVERIFY(p.rows.isEmpty());
        const QString readme = QString::fromUtf8(templateReadme(kind));
        for (const ColumnHelp &h : columnHelp(kind))
            QVERIFY2(readme.contains(h.column) && readme.contains(h.text), qPrintable(h.column));
        QCOMPARE(columnHelp(kind).size(), (kind == Kind::Hcps ? hcpColumns() : alignmentColumns()).size());
    }
}

QTEST_GUILESS_MAIN(TestImportRules)
#include "tst_importrules.moc"
