#include "sync/adminclient.h"

#include <QtTest>

using namespace rounds;

// The client's side of the user rules (AdminClient::check…), which the Users page's forms apply before
// anything is sent: each rule at, below and above its limit, the same limits the server refuses beyond
// (tests/server/tst_serveradmin.cpp; common/protocol/adminusers.h).
class TestAdminClient : public QObject
{
    Q_OBJECT
private slots:
    void rules_data();
    void rules();
};

void TestAdminClient::rules_data()
{
    QTest::addColumn<QString>("rule");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("role"); // for the territory rule
    QTest::addColumn<bool>("accepted");
    QTest::newRow("login empty") << "login" << QString() << QString() << false;
    QTest::newRow("login of spaces") << "login" << QStringLiteral("   ") << QString() << false;
    QTest::newRow("login of 1") << "login" << QStringLiteral("a") << QString() << true;
    QTest::newRow("login of 64") << "login" << QString(64, u'a') << QString() << true;
    QTest::newRow("login of 65") << "login" << QString(65, u'a') << QString() << false;
    QTest::newRow("password of 7") << "password" << QString(7, u'p') << QString() << false;
    QTest::newRow("password of 8") << "password" << QString(8, u'p') << QString() << true;
    QTest::newRow("password of 1024") << "password" << QString(1024, u'p') << QString() << true;
    QTest::newRow("password of 1025") << "password" << QString(1025, u'p') << QString() << false;
    QTest::newRow("name of 200") << "name" << QString(200, u'名') << QString() << true;
    QTest::newRow("name of 201") << "name" << QString(201, u'名') << QString() << false;
    QTest::newRow("reason of 500") << "reason" << QString(500, u'r') << QString() << true;
    QTest::newRow("reason of 501") << "reason" << QString(501, u'r') << QString() << false;
    QTest::newRow("reason of 500 and spaces")
        << "reason" << QString(500, u'r') + QStringLiteral("  ") << QString() << true;
    QTest::newRow("rep without territory") << "territory" << QString() << QStringLiteral("rep") << false;
    QTest::newRow("manager without territory")
        << "territory" << QString() << QStringLiteral("manager") << false;
    QTest::newRow("sfe without territory") << "territory" << QString() << QStringLiteral("sfe") << true;
    QTest::newRow("admin without territory") << "territory" << QString() << QStringLiteral("admin") << true;
    QTest::newRow("rep with territory")
        << "territory" << QStringLiteral("t-1") << QStringLiteral("rep") << true;
}

void TestAdminClient::rules()
{
    QFETCH(QString, rule);
    QFETCH(QString, value);
    QFETCH(QString, role);
    QFETCH(bool, accepted);
    QString problem;
    if (rule == QLatin1String("login"))
        problem = AdminClient::checkLogin(value);
    else if (rule == QLatin1String("password"))
        problem = AdminClient::checkPassword(value);
    else if (rule == QLatin1String("name"))
        problem = AdminClient::checkDisplayName(value);
    else if (rule == QLatin1String("reason"))
        problem = AdminClient::checkReason(value);
    else
        problem = AdminClient::checkTerritory(role, value);
    QCOMPARE(problem.isEmpty(), accepted);
    if (!accepted)
        QVERIFY2(problem.endsWith(u'.'), qPrintable(problem)); // a sentence for a person
}

QTEST_GUILESS_MAIN(TestAdminClient)
#include "tst_adminclient.moc"
