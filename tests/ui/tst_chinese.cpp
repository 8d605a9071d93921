// The Chinese client on its error paths: a malformed CSV import, bad import rows, validation failures
// and every refusal the server can send. The translations are loaded as the application loads them;
// a message without a Chinese character, or equal to its English source, fails.
#include "common/import/importrules.h"
#include "common/protocol/messages.h"
#include "common/protocol/schema.h"
#include "common/protocol/values.h"
#include "models/store.h"
#include "support/cjk.h"
#include "sync/session.h"
#include "ui/conflicts/conflictsview.h"
#include "ui/masterdata/masterdataview.h"

#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include <memory>

using namespace rounds;
using rounds::test::hasCjk;

class TestChinese : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void malformedCsvImport_data();
    void malformedCsvImport();
    void badImportRowsNameTheField();
    void validationNamesTheFieldByLabel_data();
    void validationNamesTheFieldByLabel();
    void everySchemaFieldHasALabel();
    void everyEntityHasALabel();
    void serverRefusals_data();
    void serverRefusals();

private:
    QTemporaryDir m_dir;
    QTranslator m_translator;
    std::unique_ptr<Session> m_session;
};

#define QVERIFY_CHINESE(text, english)                                                                       \
    QVERIFY2(hasCjk(text) && (text) != (english), qPrintable(QStringLiteral("untranslated: ") + (text)))

void TestChinese::initTestCase()
{
    // As app/main.cpp does for --language zh_CN (the .qm is compiled in, see CMakeLists.txt).
    const QLocale zh(QLocale::Chinese, QLocale::China);
    QLocale::setDefault(zh);
    QVERIFY(m_translator.load(zh, QStringLiteral("rounds"), QStringLiteral("_"), QStringLiteral(":/i18n")));
    QCoreApplication::installTranslator(&m_translator);
    m_session = std::make_unique<Session>();
    QString error;
    QVERIFY2(m_session->openDatabase(m_dir.filePath(QStringLiteral("zh.db")), &error), qPrintable(error));
}

void TestChinese::cleanupTestCase()
{
    m_session.reset();
    QCoreApplication::removeTranslator(&m_translator);
}

void TestChinese::malformedCsvImport_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("english");
    QTest::newRow("quote not closed") << QByteArray("full_name,institution\n\"open,x\n") << "auto"
                                      << "line 2: a quoted field is not closed";
    QTest::newRow("empty file") << QByteArray() << "auto"
                                << "the file is empty; it needs a header row";
    QTest::newRow("not utf-8") << QByteArray("full_name,institution\n\xD5\xC5,x\n") << "utf-8"
                               << "the file is not valid UTF-8";
    QTest::newRow("column missing") << QByteArray("full_name\nx\n") << "auto"
                                    << "the header lacks the column 'institution'";
    QTest::newRow("column twice") << QByteArray("full_name,institution,tier,tier\nx,y,A,A\n") << "auto"
                                  << "column 'tier' appears twice in the header";
}

void TestChinese::malformedCsvImport()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, english);
    MasterDataView view(m_session->store());
    view.previewImport(import::Kind::Hcps, bytes, encoding);
    const QString fatal = view.importPreview().fatal;
    QVERIFY_CHINESE(fatal, english);
    const QString shown = view.findChild<QLabel *>(QStringLiteral("importSummaryLabel"))->text();
    QVERIFY2(shown.contains(fatal), qPrintable(shown));
    QVERIFY(!view.findChild<QPushButton *>(QStringLiteral("applyImportButton"))->isEnabled());
}

void TestChinese::badImportRowsNameTheField()
{
    const QByteArray csv = QStringLiteral("full_name,institution,tier,email,phone,territory\n"
                                          "王伟,中山医院,Z,,,\n" // line 2: tier
                                          "李娜,中山医院,A,not-mail,,\n" // line 3: e-mail
                                          "张敏,中山医院,A,,12,\n" // line 4: phone
                                          "赵强,中山医院,A,,,XX-99\n" // line 5: territory
                                          "王伟,中山医院,B,,,\n") // line 6: repeats line 2
                               .toUtf8();
    MasterDataView view(m_session->store());
    view.previewImport(import::Kind::Hcps, csv);
    const import::Preview &p = view.importPreview();
    QVERIFY2(p.fatal.isEmpty(), qPrintable(p.fatal));
    QCOMPARE(p.invalidCount(), 4); // line 6 repeats line 2, which is itself invalid, so is not a duplicate
    QTableWidget *table = view.previewTable();
    for (int r = 0; r < table->rowCount(); ++r) {
        if (table->item(r, 1)->data(Qt::UserRole).toInt() != 1)
            continue;
        QVERIFY_CHINESE(table->item(r, 1)->text(), QStringLiteral("Invalid"));
        QVERIFY_CHINESE(table->item(r, 2)->text(), QString());
    }
    // The schema's own rule names the field by its label.
    QVERIFY2(p.rows.first().error.contains(
                 protocol::Messages::fieldLabel(QStringLiteral("hcp"), QStringLiteral("tier"))),
        qPrintable(p.rows.first().error));
    for (const QString &e : p.errors())
        QVERIFY_CHINESE(e, QString());
    QVERIFY_CHINESE(view.findChild<QLabel *>(QStringLiteral("importSummaryLabel"))->text(), QString());
}

void TestChinese::validationNamesTheFieldByLabel_data()
{
    QTest::addColumn<QString>("entity");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QString>("field");
    QTest::newRow("text too long (65 of 64)")
        << "hcp" << QJsonObject {{"full_name", "王伟"}, {"phone", QString(65, u'1')}} << "phone";
    QTest::newRow("required text empty") << "hcp" << QJsonObject {{"full_name", "  "}} << "full_name";
    QTest::newRow("required missing")
        << "hcp_tag" << QJsonObject {{"hcp_id", protocol::newUuid()}, {"category", "basic"}} << "tag";
    QTest::newRow("enumeration") << "hcp" << QJsonObject {{"full_name", "王伟"}, {"tier", "Z"}} << "tier";
    QTest::newRow("integer below range")
        << "alignment"
        << QJsonObject {{"territory_id", protocol::newUuid()}, {"hcp_id", protocol::newUuid()},
               {"valid_from", "2026-11-01"}, {"target_calls_per_cycle", -1}}
        << "target_calls_per_cycle";
    QTest::newRow("not a date") << "alignment"
                                << QJsonObject {{"territory_id", protocol::newUuid()},
                                       {"hcp_id", protocol::newUuid()}, {"valid_from", "2026-13-01"}}
                                << "valid_from";
    QTest::newRow("not a reference") << "hcp_tag"
                                     << QJsonObject {{"hcp_id", "x"}, {"category", "basic"}, {"tag", "t"}}
                                     << "hcp_id";
    QTest::newRow("no such field") << "hcp" << QJsonObject {{"full_name", "王伟"}, {"wechat", "x"}}
                                   << "wechat";
}

void TestChinese::validationNamesTheFieldByLabel()
{
    QFETCH(QString, entity);
    QFETCH(QJsonObject, fields);
    QFETCH(QString, field);
    const WriteResult r = m_session->store()->create(entity, fields);
    QVERIFY(!r.ok);
    QCOMPARE(r.field, field);
    QVERIFY_CHINESE(r.error, QString());
    QVERIFY2(!r.error.contains(QLatin1Char('\'') + field + QLatin1Char('\'')), qPrintable(r.error));
    if (protocol::Messages::hasFieldLabel(entity, field)) {
        const QString label = protocol::Messages::fieldLabel(entity, field);
        QVERIFY_CHINESE(label, field);
        QVERIFY2(r.error.contains(label), qPrintable(r.error));
    }
}

// Every field a message can name has a Chinese label.
void TestChinese::everySchemaFieldHasALabel()
{
    for (const QString &name : protocol::Schema::instance().entityNames()) {
        const protocol::Entity *e = protocol::Schema::instance().entity(name);
        for (const protocol::Field &f : e->fields) {
            QVERIFY2(protocol::Messages::hasFieldLabel(name, f.name), qPrintable(name + u'.' + f.name));
            QVERIFY_CHINESE(protocol::Messages::fieldLabel(name, f.name), f.name);
        }
    }
}

// Point 9 of issue 19: a kind of record (a conflict's "Kind", a refused change) is named in Chinese.
void TestChinese::everyEntityHasALabel()
{
    for (const QString &name : protocol::Schema::instance().entityNames())
        QVERIFY_CHINESE(protocol::Messages::entityLabel(name), name);
    QCOMPARE(protocol::Messages::entityLabel(QStringLiteral("visit_plan")), QStringLiteral("拜访计划"));
    QCOMPARE(protocol::Messages::fieldLabel(QStringLiteral("visit_plan"), QStringLiteral("planned_at")),
        QStringLiteral("计划时间"));
}

void TestChinese::serverRefusals_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("field");
    // The server's own sentences (English on the wire), one for each error code and rejection reason.
    QTest::newRow("invalid_request, a field") << "invalid_request"
                                              << "field 'tag' is longer than 100 characters"
                                              << "tag";
    QTest::newRow("invalid_request, no field") << "invalid_request"
                                               << "no hcp with this id"
                                               << "";
    QTest::newRow("forbidden") << "forbidden"
                               << "the hcp is outside your territories"
                               << "";
    QTest::newRow("forbidden, read-only") << "forbidden"
                                          << "a submitted visit is read-only"
                                          << "";
    QTest::newRow("not_found") << "not_found"
                               << "no such record"
                               << "";
    QTest::newRow("payload_too_large") << "payload_too_large"
                                       << "the body is larger than 8 MiB"
                                       << "";
    QTest::newRow("unauthorized") << "unauthorized"
                                  << "the token is not valid"
                                  << "";
    QTest::newRow("rate_limited") << "rate_limited"
                                  << "too many requests"
                                  << "";
    QTest::newRow("unsupported_protocol") << "unsupported_protocol"
                                          << "protocol 2 is required"
                                          << "";
    QTest::newRow("internal") << "internal"
                              << "the database is busy"
                              << "";
    QTest::newRow("compliance") << "compliance"
                                << "catering above the cap"
                                << "";
    QTest::newRow("a code this client does not know") << "teapot"
                                                      << "I am a teapot"
                                                      << "";
}

void TestChinese::serverRefusals()
{
    QFETCH(QString, code);
    QFETCH(QString, message);
    QFETCH(QString, field);
    Store *store = m_session->store();
    const WriteResult w = store->create(QStringLiteral("hcp_tag"),
        {{QStringLiteral("hcp_id"), protocol::newUuid()},
            {QStringLiteral("category"), QStringLiteral("basic")},
            {QStringLiteral("tag"), QStringLiteral("重点")}});
    QVERIFY2(w.ok, qPrintable(w.error));
    const QList<OutboxMutation> outbox = store->outbox();
    QVERIFY(!outbox.isEmpty());
    QString error;
    QVERIFY2(store->reject(outbox.last().mutationId, code, message, field, &error), qPrintable(error));

    ConflictsView view(m_session.get());
    view.refresh();
    auto *table = view.findChild<QTableWidget *>(QStringLiteral("rejectedTableWidget"));
    QVERIFY(table && table->rowCount() > 0);
    const int row = table->rowCount() - 1;
    QVERIFY_CHINESE(table->item(row, 1)->text(), message);
    QCOMPARE(table->item(row, 1)->toolTip(), message); // the server's sentence stays, for support
    QVERIFY_CHINESE(table->item(row, 2)->text(), QString());
    if (!field.isEmpty()) {
        const QString label = protocol::Messages::fieldLabel(QStringLiteral("hcp_tag"), field);
        QVERIFY2(table->item(row, 1)->text().contains(label), qPrintable(table->item(row, 1)->text()));
        QVERIFY2(table->item(row, 2)->text().contains(label), qPrintable(table->item(row, 2)->text()));
    }
}

QTEST_MAIN(TestChinese)
#include "tst_chinese.moc"
