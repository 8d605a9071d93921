#include "common/import/csvreader.h"

#include <QStringEncoder>
#include <QtTest>

using namespace rounds::import;

// The CSV reader behind `rounds-server import`: RFC 4180 quoting, line numbers, encodings.
class TestCsvReader : public QObject
{
    Q_OBJECT
private slots:
    void reads_data();
    void reads();
    void rejects_data();
    void rejects();
    void gbkIsDetected();
    void writtenHeaderReadsBack_data();
    void writtenHeaderReadsBack();
    void neutralisesFormulas_data();
    void neutralisesFormulas();
    void neutralisedCellsReadBack();
};

void TestCsvReader::reads_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QStringList>("header");
    QTest::addColumn<QList<QStringList>>("rows");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("plain") << QByteArray("a,b\n1,2\n3,4\n") << QStringList {"a", "b"}
                           << QList<QStringList> {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    QTest::newRow("crlf, no final newline")
        << QByteArray("a,b\r\n1,2\r\n3,4") << QStringList {"a", "b"}
        << QList<QStringList> {{"1", "2"}, {"3", "4"}} << QList<int> {2, 3};
    QTest::newRow("header is trimmed and lower-cased")
        << QByteArray(" Full_Name ,TIER\nx,A\n") << QStringList {"full_name", "tier"}
        << QList<QStringList> {{"x", "A"}} << QList<int> {2};
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",2\n") << QStringList {"a", "b"}
                                  << QList<QStringList> {{"x, y", "2"}} << QList<int> {2};
    QTest::newRow("quoted quotes") << QByteArray("a\n\"say \"\"hi\"\"\"\n") << QStringList {"a"}
                                   << QList<QStringList> {{"say \"hi\""}} << QList<int> {2};
    QTest::newRow("quoted newline moves the line count")
        << QByteArray("a,b\n\"line one\nline two\",2\n3,4\n") << QStringList {"a", "b"}
        << QList<QStringList> {{"line one\nline two", "2"}, {"3", "4"}} << QList<int> {2, 4};
    QTest::newRow("quoted crlf becomes newline")
        << QByteArray("a\r\n\"x\r\ny\"\r\nz\r\n") << QStringList {"a"} << QList<QStringList> {{"x\ny"}, {"z"}}
        << QList<int> {2, 4};
    QTest::newRow("quoted cr run before lf is one newline")
        << QByteArray("a\n\"x\r\r\ny\"\n\"p\rq\"\n") << QStringList {"a"}
        << QList<QStringList> {{"x\ny"}, {"p\rq"}} << QList<int> {2, 4};
    QTest::newRow("blank lines are skipped") << QByteArray("a,b\n\n1,2\n\n") << QStringList {"a", "b"}
                                             << QList<QStringList> {{"1", "2"}} << QList<int> {3};
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << QStringList {"a", "b", "c"}
                                  << QList<QStringList> {{"", "", ""}} << QList<int> {2};
    QTest::newRow("utf-8 with bom") << QByteArray("\xEF\xBB\xBFname\n张伟\n") << QStringList {"name"}
                                    << QList<QStringList> {{QStringLiteral("张伟")}} << QList<int> {2};
    QTest::newRow("bom after a bare cr is not part of the header")
        << QByteArray("\r\xEF\xBB\xBFmm\n1\n") << QStringList {"mm"} << QList<QStringList> {{"1"}}
        << QList<int> {2};
    QTest::newRow("bom inside a header name is dropped")
        << QByteArray("a,\xEF\xBB\xBF B\n1,2\n") << QStringList {"a", "b"} << QList<QStringList> {{"1", "2"}}
        << QList<int> {2};
    QTest::newRow("utf-8 emoji") << QByteArray("name\n\"O'Brien 😀\"\n") << QStringList {"name"}
                                 << QList<QStringList> {{QStringLiteral("O'Brien 😀")}} << QList<int> {2};
}

void TestCsvReader::reads()
{
    QFETCH(QByteArray, input);
    QFETCH(QStringList, header);
    QFETCH(QList<QStringList>, rows);
    QFETCH(QList<int>, lines);
    CsvTable table;
    QString error;
    QVERIFY2(readCsv(input, QStringLiteral("auto"), &table, &error), qPrintable(error));
    QCOMPARE(table.header, header);
    QCOMPARE(table.rows, rows);
    QCOMPARE(table.lines, lines);
}

void TestCsvReader::rejects_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("message");
    QTest::newRow("empty") << QByteArray() << "auto"
                           << "empty";
    QTest::newRow("unclosed quote") << QByteArray("a\n1\n\"open\n") << "auto"
                                    << "line 3";
    QTest::newRow("not utf-8 when told") << QByteArray("a\n\xD5\xC5\n") << "utf-8"
                                         << "UTF-8";
}

void TestCsvReader::rejects()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, encoding);
    QFETCH(QString, message);
    CsvTable table;
    QString error;
    QVERIFY(!readCsv(input, encoding, &table, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

void TestCsvReader::gbkIsDetected()
{
    QStringEncoder gbk("GBK");
    QVERIFY(gbk.isValid());
    const QString text = QStringLiteral("姓名,医院\n张伟,复旦大学附属中山医院\n\"李,娜\",浙江省人民医院\n");
    const QByteArray bytes = gbk.encode(text);
    QVERIFY(bytes != text.toUtf8());
    CsvTable table;
    QString error;
    QVERIFY2(readCsv(bytes, QStringLiteral("auto"), &table, &error), qPrintable(error));
    QCOMPARE(table.encoding, QStringLiteral("gbk"));
    QCOMPARE(table.header, (QStringList {QStringLiteral("姓名"), QStringLiteral("医院")}));
    QCOMPARE(table.rows.at(1), (QStringList {QStringLiteral("李,娜"), QStringLiteral("浙江省人民医院")}));
    // Forced GBK gives the same; UTF-8 input stays UTF-8.
    QVERIFY(readCsv(bytes, QStringLiteral("gbk"), &table, &error));
    QCOMPARE(table.rows.at(0).at(0), QStringLiteral("张伟"));
    QVERIFY(readCsv(text.toUtf8(), QStringLiteral("auto"), &table, &error));
    QCOMPARE(table.encoding, QStringLiteral("utf-8"));
}

// What the importer reads, writeCsv writes so that it reads back the same (the exporter's output is the
// importer's input); the inputs are ones the csvimport fuzz target found breaking it.
void TestCsvReader::writtenHeaderReadsBack_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("bom after a bare cr (fuzz)") << QByteArray("\r\xEF\xBB\xBFmm");
    QTest::newRow("two boms") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBFname\nx\n");
    QTest::newRow("cr before a crlf in a quoted field (fuzz)")
        << QByteArray("a,b\n\"unn,shoe_wi\r\r\n\"untermincted,x\n");
    QTest::newRow("bom in a later header cell") << QByteArray("a,\xEF\xBB\xBF"
                                                              "b\n1,2\n");
}

void TestCsvReader::writtenHeaderReadsBack()
{
    QFETCH(QByteArray, input);
    CsvTable table;
    QString error;
    QVERIFY2(readCsv(input, QStringLiteral("utf-8"), &table, &error), qPrintable(error));
    for (const QString &h : table.header)
        QVERIFY2(!h.contains(QChar(QChar::ByteOrderMark)), qPrintable(h));
    CsvTable again;
    QVERIFY2(readCsv(writeCsv(table.header, table.rows), QStringLiteral("utf-8"), &again, &error),
        qPrintable(error));
    QCOMPARE(again.header, table.header);
    QCOMPARE(again.rows, table.rows);
}

// CSV injection (OWASP): a text cell that a spreadsheet would run is written quoted with a leading
// apostrophe; a plain number, negative or not, stays a number.
void TestCsvReader::neutralisesFormulas_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QString>("written");
    QTest::newRow("=") << "=HYPERLINK(\"http://x\")"
                       << "\"'=HYPERLINK(\"\"http://x\"\")\"";
    QTest::newRow("+") << "+1+cmd|' /C calc'!A0"
                       << "\"'+1+cmd|' /C calc'!A0\"";
    QTest::newRow("-") << "-2+3"
                       << "\"'-2+3\"";
    QTest::newRow("@") << "@SUM(A1)"
                       << "\"'@SUM(A1)\"";
    QTest::newRow("tab") << "\t=1"
                         << "\"'\t=1\"";
    QTest::newRow("carriage return") << "\r=1"
                                     << "\"'\r=1\"";
    QTest::newRow("phone with +") << "+86 21 6404 1990"
                                  << "\"'+86 21 6404 1990\"";
    QTest::newRow("one character =") << "="
                                     << "\"'=\"";
    QTest::newRow("one character -") << "-"
                                     << "\"'-\"";
    QTest::newRow("apostrophe before =") << "'=1"
                                         << "\"''=1\"";
    QTest::newRow("trigger later in the cell") << "a=1"
                                               << "a=1";
    QTest::newRow("leading space") << " =1"
                                   << " =1";
    QTest::newRow("apostrophe only") << "'"
                                     << "'";
    QTest::newRow("apostrophe before text") << "'abc"
                                            << "'abc";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("negative integer") << "-3"
                                      << "-3";
    QTest::newRow("negative amount") << "-1234.50"
                                     << "-1234.50";
    QTest::newRow("negative exponent") << "-1e+06"
                                       << "-1e+06";
    QTest::newRow("positive amount") << "12.00"
                                     << "12.00";
    QTest::newRow("minus then text") << "-3 visits"
                                     << "\"'-3 visits\"";
    QTest::newRow("negative with comma is text") << "-1,5"
                                                 << "\"'-1,5\"";
    QTest::newRow("plus number is not a plain number") << "+5"
                                                       << "\"'+5\"";
    QTest::newRow("apostrophe before negative number") << "'-3"
                                                       << "'-3";
}

void TestCsvReader::neutralisesFormulas()
{
    QFETCH(QString, cell);
    QFETCH(QString, written);
    QCOMPARE(csvCell(cell), written);
    QCOMPARE(csvRecord({cell, QStringLiteral("x")}), written + QStringLiteral(",x\r\n"));
    // writeCsv, the one writer, neutralises header and rows alike and reads back what it was given.
    const QByteArray bytes = writeCsv({QStringLiteral("h"), QStringLiteral("k")}, {{cell, cell}});
    QCOMPARE(bytes,
        QByteArray("\xEF\xBB\xBFh,k\r\n") + (written + u',' + written + QStringLiteral("\r\n")).toUtf8());
    CsvTable table;
    QString error;
    QVERIFY2(readCsv(bytes, QStringLiteral("utf-8"), &table, &error), qPrintable(error));
    if (!cell.isEmpty())
        QCOMPARE(table.rows, (QList<QStringList> {{cell, cell}}));
}

// A file a person exported, edited and imports again keeps its values: the reader removes the apostrophe
// the writer added, and only that one.
void TestCsvReader::neutralisedCellsReadBack()
{
    CsvTable table;
    QString error;
    QVERIFY(readCsv(QByteArray("name,phone\n\"'=x\",'+86 21\n''=y,'abc\n'-3,-3\n"), QStringLiteral("utf-8"),
        &table, &error));
    QCOMPARE(table.rows, (QList<QStringList> {{"=x", "+86 21"}, {"'=y", "'abc"}, {"'-3", "-3"}}));
}

QTEST_APPLESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
