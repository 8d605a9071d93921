// rounds-cli follows the locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG) and prints its errors in Chinese
// under zh_CN: usage, a validation failure, a refusal from a real server. A message without a Chinese
// character fails; under LANG=C the same paths stay English.
#include "clirunner.h"
#include "server/serverprocess.h"
#include "support/cjk.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace rounds;
using namespace rounds::test;

class TestCliChinese : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void usageFollowsTheLocale_data();
    void usageFollowsTheLocale();
    void errorsAreChinese();
};

namespace {

QProcessEnvironment localeEnv(const QString &language, const QString &lang)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"})
        env.remove(QString::fromLatin1(name));
    if (!language.isEmpty())
        env.insert(QStringLiteral("LANGUAGE"), language);
    env.insert(QStringLiteral("LANG"), lang);
    return env;
}

QString text(const QByteArray &bytes)
{
    return QString::fromUtf8(bytes);
}

} // namespace

void TestCliChinese::initTestCase()
{
    QVERIFY(QFileInfo::exists(ServerProcess::binary()));
    QVERIFY(QFileInfo::exists(cliBinary()));
}

void TestCliChinese::usageFollowsTheLocale_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("lang");
    QTest::addColumn<bool>("chinese");
    QTest::newRow("LANGUAGE=zh_CN") << "zh_CN"
                                    << "C.UTF-8" << true;
    QTest::newRow("LANG=zh_CN.UTF-8") << ""
                                      << "zh_CN.UTF-8" << true;
    QTest::newRow("LANG=C") << ""
                            << "C" << false;
    QTest::newRow("LANG=en_US.UTF-8") << ""
                                      << "en_US.UTF-8" << false;
}

void TestCliChinese::usageFollowsTheLocale()
{
    QFETCH(QString, language);
    QFETCH(QString, lang);
    QFETCH(bool, chinese);
    const QProcessEnvironment env = localeEnv(language, lang);
    const CliRun help = runCli({QStringLiteral("--help")}, {}, env);
    QCOMPARE(help.code, 0);
    QCOMPARE(hasCjk(text(help.out)), chinese);
    QVERIFY(text(help.out).contains(QStringLiteral("LANGUAGE"))); // the usage says how to choose
    QTemporaryDir dir;
    const CliRun unknown
        = runCli({QStringLiteral("--db"), dir.filePath(QStringLiteral("x.db")), QStringLiteral("frobnicate")},
            {}, env);
    QCOMPARE(unknown.code, 2);
    QCOMPARE(hasCjk(text(unknown.err)), chinese);
}

void TestCliChinese::errorsAreChinese()
{
    if (!qEnvironmentVariableIsSet("ROUNDS_TEST_KEYRING"))
        QSKIP("rounds-cli keeps its token in the keychain: run under ./rounds.sh test");
    // The demo organisation of tst_cli: rep.sh01 has a submitted visit to refuse.
    ServerProcess server;
    QVERIFY(server.createDemo(80, 100, 9) && server.start());
    QTemporaryDir dir;
    const QProcessEnvironment zh = localeEnv(QStringLiteral("zh_CN"), QStringLiteral("zh_CN.UTF-8"));
    const QStringList base {QStringLiteral("--db"), dir.filePath(QStringLiteral("rep.db"))};
    auto cli
        = [&](const QStringList &args, const QByteArray &in = {}) { return runCli(base + args, in, zh); };

    const CliRun notSignedIn = cli({QStringLiteral("sync")});
    QCOMPARE(notSignedIn.code, 1);
    QVERIFY2(hasCjk(text(notSignedIn.err)), notSignedIn.err.constData());
    const CliRun wrong = cli(
        {QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")}, "wrong-password\n");
    QCOMPARE(wrong.code, 1);
    QVERIFY2(hasCjk(text(wrong.err)), wrong.err.constData());
    QCOMPARE(
        cli({QStringLiteral("login"), server.url().toString(), QStringLiteral("rep.sh01")}, "demo-pass-1\n")
            .code,
        0);
    QCOMPARE(cli({QStringLiteral("sync")}).code, 0);

    // Validation failures name the field by its label ("标签"), not by its column name (a write the rep's
    // role may make: tagging an HCP of the territory).
    QString hcp;
    for (const QByteArray &line : cli({QStringLiteral("dump"), QStringLiteral("hcp")}).out.split('\n')) {
        hcp = QJsonDocument::fromJson(line).object().value(u"id").toString();
        if (!hcp.isEmpty())
            break;
    }
    QVERIFY(!hcp.isEmpty());
    const CliRun tooLong
        = cli({QStringLiteral("create"), QStringLiteral("hcp_tag"), QStringLiteral("hcp_id=") + hcp,
            QStringLiteral("category=marketing"), QStringLiteral("tag=") + QString(101, u'新')});
    QCOMPARE(tooLong.code, 1);
    QVERIFY2(text(tooLong.err).contains(QStringLiteral("标签")), tooLong.err.constData());
    QVERIFY2(!text(tooLong.err).contains(QStringLiteral("'tag'")), tooLong.err.constData());
    const CliRun badCategory = cli({QStringLiteral("create"), QStringLiteral("hcp_tag"),
        QStringLiteral("hcp_id=") + hcp, QStringLiteral("category=Z"), QStringLiteral("tag=x")});
    QCOMPARE(badCategory.code, 1);
    QVERIFY2(hasCjk(text(badCategory.err))
            && text(badCategory.err).contains(QStringLiteral("basic, marketing, value")),
        badCategory.err.constData());
    // A write the role may not make is refused in Chinese before anything is saved.
    const CliRun notTheRole
        = cli({QStringLiteral("create"), QStringLiteral("hcp"), QStringLiteral("full_name=王伟")});
    QCOMPARE(notTheRole.code, 1);
    QVERIFY2(hasCjk(text(notTheRole.err)), notTheRole.err.constData());
    const CliRun noField = cli({QStringLiteral("create"), QStringLiteral("hcp"), QStringLiteral("wechat=x")});
    QCOMPARE(noField.code, 2);
    QVERIFY2(hasCjk(text(noField.err)), noField.err.constData());

    // A refusal from the server: a submitted visit is read-only.
    QString submitted;
    for (const QByteArray &line : cli({QStringLiteral("dump"), QStringLiteral("visit")}).out.split('\n')) {
        const QJsonObject v = QJsonDocument::fromJson(line).object();
        if (v.value(u"status").toString() == QLatin1String("submitted")) {
            submitted = v.value(u"id").toString();
            break;
        }
    }
    QVERIFY(!submitted.isEmpty());
    QCOMPARE(cli({QStringLiteral("edit"), QStringLiteral("visit"), submitted, QStringLiteral("notes=太晚了")})
                 .code,
        0);
    QCOMPARE(cli({QStringLiteral("sync")}).code, 3);
    const CliRun status = cli({QStringLiteral("status")});
    QCOMPARE(status.code, 0);
    const QStringList rejectedLines = text(status.out).split(u'\n').filter(submitted);
    QCOMPARE(rejectedLines.size(), 1);
    QVERIFY2(hasCjk(rejectedLines.first()), qPrintable(rejectedLines.first()));
    QVERIFY2(!rejectedLines.first().contains(QStringLiteral("read-only")), qPrintable(rejectedLines.first()));
    // Scripts read --json: the server's own sentence and code, untranslated.
    const QJsonArray rejected = cli({QStringLiteral("status"), QStringLiteral("--json")})
                                    .json()
                                    .object()
                                    .value(u"rejected")
                                    .toArray();
    QCOMPARE(rejected.size(), 1);
    QCOMPARE(rejected.first().toObject().value(u"code").toString(), QStringLiteral("forbidden"));
}

QTEST_MAIN(TestCliChinese)
#include "tst_clichinese.moc"
