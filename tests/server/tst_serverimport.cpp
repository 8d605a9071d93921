#include "server/serverprocess.h"

#include <QFile>
#include <QJsonDocument>
#include <QStringEncoder>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds::test;

// `rounds-server import` and `export` on a real data folder: encodings, quoting, row errors with line
// numbers, all-or-nothing, dry runs, duplicates; the result checked through the JSONL export.
class TestServerImport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void gbkHcpFileInAnyColumnOrder();
    void quotedNewlinesCrlfAndBom();
    void badDateOnLine7ImportsNothing();
    void duplicatesAndBadRowsAreReported();
    void dryRunChangesNothing();
    void salesValuesBecomeMinorUnits();
    void missingColumnIsAFileError();
    void demoIsDeterministicForASeed();
    void alignmentsByNameOrIdAllOrNothing();

private:
    QString write(const QString &name, const QByteArray &bytes);
    int import(
        const QString &kind, const QString &file, const QStringList &extra = {}, QByteArray *err = nullptr);
    QList<QJsonObject> exported(
        const QString &entity = {}); // records, or {"entity","record"} lines when empty
    QJsonObject hcpNamed(const QString &name);
    QList<QJsonObject> exportAll();

    ServerProcess m_data; // a demo data folder, never served here
    QTemporaryDir m_files;
    QList<QJsonObject> m_exportCache; // cleared by every import
};

void TestServerImport::initTestCase()
{
    QVERIFY(m_data.createDemo(10, 10));
}

QString TestServerImport::write(const QString &name, const QByteArray &bytes)
{
    const QString path = m_files.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return {};
    f.write(bytes);
    return path;
}

int TestServerImport::import(
    const QString &kind, const QString &file, const QStringList &extra, QByteArray *err)
{
    m_exportCache.clear();
    QByteArray e;
    const int rc = ServerProcess::runCommand(
        QStringList {QStringLiteral("import"), kind, QStringLiteral("--data"), m_data.dataDir(), file}
            + extra,
        {}, nullptr, &e);
    if (err)
        *err = e;
    return rc;
}

QList<QJsonObject> TestServerImport::exported(const QString &entity)
{
    if (m_exportCache.isEmpty())
        m_exportCache = exportAll();
    if (entity.isEmpty())
        return m_exportCache;
    QList<QJsonObject> records;
    for (const QJsonObject &line : std::as_const(m_exportCache)) {
        if (line.value("entity").toString() == entity)
            records << line.value("record").toObject();
    }
    return records;
}

QList<QJsonObject> TestServerImport::exportAll()
{
    const QString out = m_files.filePath(QStringLiteral("export.jsonl"));
    QByteArray err;
    if (ServerProcess::runCommand({QStringLiteral("export"), QStringLiteral("--data"), m_data.dataDir(),
                                      QStringLiteral("--out"), out},
            {}, nullptr, &err)
        != 0) {
        qWarning("export failed: %s", err.constData());
        return {};
    }
    QFile f(out);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<QJsonObject> lines;
    while (!f.atEnd()) {
        lines << QJsonDocument::fromJson(f.readLine()).object();
    }
    return lines;
}

QJsonObject TestServerImport::hcpNamed(const QString &name)
{
    for (const QJsonObject &h : exported(QStringLiteral("hcp"))) {
        if (h.value("full_name").toString() == name)
            return h;
    }
    return {};
}

void TestServerImport::gbkHcpFileInAnyColumnOrder()
{
    const QString csv = QStringLiteral(
        "territory,full_name,institution,department,title,tier,gender,specialty,institution_grade,province,"
        "city,phone,email,"
        "wechat\n"
        "SH-01,欧阳娜娜,上海市新华医院,心内科,主任医师,A,女,心血管内科,三级甲等,上海市,上海市,13800000001,"
        "ouyang@example.cn,oy\n"
        "SH-02,司马光,上海市新华医院,心内科,副主任医师,B,男,心血管内科,三级甲等,上海市,上海市,,,\n"
        ",诸葛亮,上海市新华医院,呼吸科,主治医师,C,,呼吸内科,三级甲等,上海市,上海市,,,\n");
    const QByteArray gbk = QStringEncoder("GBK").encode(csv);
    QByteArray err;
    QCOMPARE(import(QStringLiteral("hcps"), write(QStringLiteral("hcps-gbk.csv"), gbk), {}, &err), 0);
    QVERIFY2(err.contains("unknown column 'wechat'"), err.constData());
    const QJsonObject h = hcpNamed(QStringLiteral("欧阳娜娜"));
    QVERIFY(!h.isEmpty());
    QCOMPARE(h.value("gender").toString(), QStringLiteral("female"));
    QCOMPARE(h.value("title").toString(), QStringLiteral("主任医师"));
    QCOMPARE(h.value("tier").toString(), QStringLiteral("A"));
    // One institution and department, matched by name for the second row, created once.
    int institutions = 0;
    QString institutionId;
    for (const QJsonObject &i : exported(QStringLiteral("institution"))) {
        if (i.value("name").toString() == QStringLiteral("上海市新华医院")) {
            ++institutions;
            institutionId = i.value("id").toString();
            QCOMPARE(i.value("grade").toString(), QStringLiteral("三级甲等"));
        }
    }
    QCOMPARE(institutions, 1);
    QCOMPARE(h.value("institution_id").toString(), institutionId);
    QCOMPARE(hcpNamed(QStringLiteral("司马光")).value("department_id"), h.value("department_id"));
    QVERIFY(hcpNamed(QStringLiteral("诸葛亮")).value("department_id") != h.value("department_id"));
    // The territory column creates alignments; an empty one does not.
    int alignments = 0;
    for (const QJsonObject &a : exported(QStringLiteral("alignment"))) {
        if (a.value("hcp_id") == h.value("id")
            || a.value("hcp_id") == hcpNamed(QStringLiteral("诸葛亮")).value("id"))
            ++alignments;
    }
    QCOMPARE(alignments, 1);
    // Importing the same file again creates nothing new.
    const qsizetype before = exported().size();
    QCOMPARE(import(QStringLiteral("hcps"), m_files.filePath(QStringLiteral("hcps-gbk.csv")), {}, &err), 0);
    QVERIFY(err.contains("exists already"));
    QCOMPARE(exported().size(), before);
}

void TestServerImport::quotedNewlinesCrlfAndBom()
{
    const QByteArray csv = "\xEF\xBB\xBF"
                           "full_name,institution,specialty,tier\r\n"
                           "\"黄, 药师\",\"桃花岛\r\n中心医院\",\"肿瘤学\r\n(肺癌方向)\",D\r\n"
                           "\"Mc\"\"Donald 😀\",桃花岛中心医院,,\r\n";
    QByteArray err;
    QCOMPARE(import(QStringLiteral("hcps"), write(QStringLiteral("quoted.csv"), csv), {}, &err), 0);
    const QJsonObject h = hcpNamed(QStringLiteral("黄, 药师"));
    QVERIFY(!h.isEmpty());
    QCOMPARE(h.value("specialty").toString(), QStringLiteral("肿瘤学\n(肺癌方向)"));
    QVERIFY(!hcpNamed(QStringLiteral("Mc\"Donald 😀")).isEmpty());
    bool multiLineName = false;
    for (const QJsonObject &i : exported(QStringLiteral("institution")))
        multiLineName = multiLineName || i.value("name").toString() == QStringLiteral("桃花岛\n中心医院");
    QVERIFY(multiLineName);
}

void TestServerImport::badDateOnLine7ImportsNothing()
{
    QByteArray csv = "month,territory,institution,product,units,value,currency,source\n";
    for (int i = 1; i <= 5; ++i)
        csv += QStringLiteral(
            "2025-0%1,SH-01,复旦大学附属中山医院,心安宁 (缬沙坦氨氯地平片),10,1000.00,CNY,internal\n")
                   .arg(i)
                   .toUtf8();
    csv += QStringLiteral(
        "2025-13,SH-01,复旦大学附属中山医院,心安宁 (缬沙坦氨氯地平片),10,1000.00,CNY,internal\n")
               .toUtf8();
    csv += QStringLiteral(
        "2025-08,SH-01,复旦大学附属中山医院,心安宁 (缬沙坦氨氯地平片),10,1000.00,CNY,internal\n")
               .toUtf8();
    const qsizetype before = exported(QStringLiteral("sales_fact")).size();
    QByteArray err;
    QCOMPARE(import(QStringLiteral("sales"), write(QStringLiteral("sales-bad.csv"), csv), {}, &err), 1);
    QVERIFY2(err.contains("line 7: column 'month'"), err.constData());
    QVERIFY(!err.contains("line 6"));
    QVERIFY(err.contains("nothing was imported"));
    QCOMPARE(exported(QStringLiteral("sales_fact")).size(), before);
}

void TestServerImport::duplicatesAndBadRowsAreReported()
{
    const QByteArray csv = "full_name,institution,tier,territory,email\n"
                           "张三丰,武当山医院,A,SH-01,\n"
                           "张无忌,武当山医院,E,SH-01,\n"
                           "张三丰,武当山医院,B,SH-02,\n"
                           "宋远桥,武当山医院,B,XX-99,\n"
                           "俞莲舟,武当山医院,B,,not-an-email\n"
                           ",武当山医院,B,,\n"
                           "殷梨亭,武当山医院,B\n";
    QByteArray err;
    QCOMPARE(import(QStringLiteral("hcps"), write(QStringLiteral("dups.csv"), csv), {}, &err), 1);
    const QString text = QString::fromUtf8(err);
    QVERIFY2(text.contains(QStringLiteral("line 3: column 'tier'")), err.constData());
    QVERIFY(
        text.contains(QStringLiteral("line 4: duplicate HCP: 张三丰 at 武当山医院 is already on line 2")));
    QVERIFY(text.contains(QStringLiteral("line 5: column 'territory': no territory with code 'XX-99'")));
    QVERIFY(text.contains(QStringLiteral("line 6: column 'email'")));
    QVERIFY(text.contains(QStringLiteral("line 7: column 'full_name'")));
    QVERIFY(text.contains(QStringLiteral("line 8: 3 fields where the header has 5")));
    QVERIFY(!text.contains(QStringLiteral("line 2:")));
    QVERIFY(hcpNamed(QStringLiteral("张三丰")).isEmpty()); // all or nothing
}

void TestServerImport::dryRunChangesNothing()
{
    const QByteArray csv = "full_name,institution\n试运行医生,试运行医院\n";
    const qsizetype before = exported().size();
    QByteArray err;
    QCOMPARE(import(QStringLiteral("hcps"), write(QStringLiteral("dry.csv"), csv),
                 {QStringLiteral("--dry-run")}, &err),
        0);
    QVERIFY(err.contains("would be imported"));
    QCOMPARE(exported().size(), before);
    QVERIFY(hcpNamed(QStringLiteral("试运行医生")).isEmpty());
}

void TestServerImport::salesValuesBecomeMinorUnits()
{
    const QByteArray csv = "source,value,units,product,institution,territory,month\n"
                           "external,1234.5,7,糖平 (达格列净片),浙江省人民医院,HZ-01,2026-10\n"
                           "internal,-0.05,-1,糖平 (达格列净片),浙江省人民医院,HZ-01,2026-10\n";
    QByteArray err;
    QCOMPARE(import(QStringLiteral("sales"), write(QStringLiteral("sales.csv"), csv),
                 {QStringLiteral("--encoding"), QStringLiteral("utf-8")}, &err),
        0);
    QList<qint64> values;
    for (const QJsonObject &s : exported(QStringLiteral("sales_fact"))) {
        if (s.value("month").toString() == QLatin1String("2026-10")
            && s.value("currency").toString() == QLatin1String("CNY")
            && (s.value("units").toInt() == 7 || s.value("units").toInt() == -1))
            values << s.value("value_minor").toInteger();
    }
    std::sort(values.begin(), values.end());
    QCOMPARE(values, (QList<qint64> {-5, 123450}));
    // Amounts with three decimals are refused.
    const QByteArray bad = "month,territory,institution,product,units,value,source\n"
                           "2026-10,HZ-01,浙江省人民医院,糖平 (达格列净片),1,1.005,internal\n";
    QCOMPARE(import(QStringLiteral("sales"), write(QStringLiteral("sales-3dp.csv"), bad), {}, &err), 1);
    QVERIFY(err.contains("line 2: column 'value'"));
}

void TestServerImport::missingColumnIsAFileError()
{
    QByteArray err;
    QCOMPARE(import(QStringLiteral("hcps"), write(QStringLiteral("nocol.csv"), "name,institution\nx,y\n"), {},
                 &err),
        1);
    QVERIFY2(err.contains("lacks the column 'full_name'"), err.constData());
    QCOMPARE(import(QStringLiteral("hcps"), m_files.filePath(QStringLiteral("missing.csv")), {}, &err), 1);
    QVERIFY(err.contains("cannot read"));
    QCOMPARE(import(QStringLiteral("hcps"), m_files.filePath(QStringLiteral("dry.csv")),
                 {QStringLiteral("--encoding"), QStringLiteral("latin1")}, &err),
        2);
}

void TestServerImport::demoIsDeterministicForASeed()
{
    auto exportOf = [this](int seed) {
        ServerProcess demo;
        if (!demo.createDemo(10, 20, seed))
            return QList<QByteArray>();
        const QString out = m_files.filePath(QStringLiteral("demo-%1.jsonl").arg(seed));
        QFile::remove(out);
        if (ServerProcess::runCommand({QStringLiteral("export"), QStringLiteral("--data"), demo.dataDir(),
                QStringLiteral("--out"), out})
            != 0)
            return QList<QByteArray>();
        QFile f(out);
        if (!f.open(QIODevice::ReadOnly))
            return QList<QByteArray>();
        QList<QByteArray> lines;
        while (!f.atEnd()) {
            QJsonObject line = QJsonDocument::fromJson(f.readLine()).object();
            QJsonObject record = line.value("record").toObject();
            record.remove("updated_at"); // the time the demo was made
            line.insert("record", record);
            lines << QJsonDocument(line).toJson(QJsonDocument::Compact);
        }
        std::sort(lines.begin(), lines.end());
        return lines;
    };
    const QList<QByteArray> a = exportOf(5);
    const QList<QByteArray> b = exportOf(5);
    const QList<QByteArray> c = exportOf(6);
    QVERIFY(a.size() > 1000);
    QCOMPARE(a, b);
    QVERIFY(a != c);
    // The organisation of the issue: four territories under two districts under one region, eight users.
    int territories = 0;
    int users = 0;
    for (const QByteArray &line : a) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        territories += o.value("entity").toString() == QLatin1String("territory");
        users += o.value("entity").toString() == QLatin1String("user");
    }
    QCOMPARE(territories, 7);
    QCOMPARE(users, 8);
}

void TestServerImport::alignmentsByNameOrIdAllOrNothing()
{
    // Two HCPs the earlier tests imported, one named by name, one by id.
    const QJsonObject sima = hcpNamed(QStringLiteral("司马光"));
    const QJsonObject zhuge = hcpNamed(QStringLiteral("诸葛亮"));
    QVERIFY(!sima.isEmpty() && !zhuge.isEmpty());
    const QString zhugeId = zhuge.value("id").toString();
    const int before = int(exported(QStringLiteral("alignment")).size());

    // A bad line anywhere: nothing applied, every bad line named.
    const QByteArray bad = QStringLiteral("territory,hcp_id,full_name,institution,valid_from,valid_to,"
                                          "target_calls_per_cycle\n"
                                          "HZ-01,,司马光,上海市新华医院,2030-01-01,,6\n"
                                          "HZ-02,%1,,,,,x\n"
                                          "HZ-09,%1,,,,,\n"
                                          "HZ-01,,司马光,上海市新华医院,2031-01-01,,6\n"
                                          "HZ-02,,无此人,上海市新华医院,,,\n")
                               .arg(zhugeId)
                               .toUtf8();
    QByteArray err;
    QCOMPARE(import(QStringLiteral("alignments"), write(QStringLiteral("align-bad.csv"), bad), {}, &err), 1);
    const QString text = QString::fromUtf8(err);
    QVERIFY2(text.contains(QStringLiteral("line 3: column 'target_calls_per_cycle'")), err.constData());
    QVERIFY(text.contains(QStringLiteral("line 4: column 'territory': no territory with code 'HZ-09'")));
    QVERIFY(text.contains(QStringLiteral("line 5: duplicate alignment")));
    QVERIFY(text.contains(QStringLiteral("line 6: no HCP named 无此人")));
    QVERIFY(!text.contains(QStringLiteral("line 2:")));
    QCOMPARE(exported(QStringLiteral("alignment")).size(), before);

    // The good rows alone: a future alignment by name and a current one by id with its target.
    const QByteArray good
        = QStringLiteral("territory,hcp_id,full_name,institution,valid_from,target_calls_per_cycle\n"
                         "HZ-01,,司马光,上海市新华医院,2030-01-01,6\n"
                         "HZ-02,%1,,,,3\n")
              .arg(zhugeId)
              .toUtf8();
    QCOMPARE(import(QStringLiteral("alignments"), write(QStringLiteral("align.csv"), good), {}, &err), 0);
    QList<QJsonObject> added;
    for (const QJsonObject &a : exported(QStringLiteral("alignment"))) {
        if (a.value("hcp_id") == sima.value("id") || a.value("hcp_id") == zhuge.value("id"))
            added << a;
    }
    QCOMPARE(exported(QStringLiteral("alignment")).size(), before + 2);
    bool future = false, current = false;
    for (const QJsonObject &a : std::as_const(added)) {
        future = future
            || (a.value("hcp_id") == sima.value("id") && a.value("valid_from") == "2030-01-01"
                && a.value("target_calls_per_cycle").toInt() == 6);
        current = current
            || (a.value("hcp_id").toString() == zhugeId
                && a.value("valid_from").toString()
                    == QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)
                && a.value("target_calls_per_cycle").toInt() == 3);
    }
    QVERIFY(future);
    QVERIFY(current);
    // Again: both exist already, skipped with a warning, nothing added.
    QCOMPARE(import(QStringLiteral("alignments"), write(QStringLiteral("align.csv"), good), {}, &err), 0);
    QVERIFY(err.contains("aligned to HZ-01 already"));
    QCOMPARE(exported(QStringLiteral("alignment")).size(), before + 2);
}

QTEST_GUILESS_MAIN(TestServerImport)
#include "tst_serverimport.moc"
