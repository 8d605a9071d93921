#include "ui/mainwindow/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Rounds"));
    QApplication::setOrganizationName(QStringLiteral("Rounds"));
    QApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rounds.svg")));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Rounds: visits, plans and meetings for the field force"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption serverOption(
        QStringLiteral("server"), QStringLiteral("Sync server URL."), QStringLiteral("URL"));
    const QCommandLineOption languageOption(QStringLiteral("language"),
        QStringLiteral("User interface language (en, zh_CN)."), QStringLiteral("LANG"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the main window to FILE and quit."), QStringLiteral("FILE"));
    parser.addOptions({serverOption, languageOption, screenshotOption});
    parser.process(app);

    const QLocale locale
        = parser.isSet(languageOption) ? QLocale(parser.value(languageOption)) : QLocale::system();
    QLocale::setDefault(locale);
    QTranslator qtTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    QTranslator translator;
    if (translator.load(locale, QStringLiteral("rounds"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

    rounds::MainWindow window(QUrl(parser.value(serverOption)));
    window.show();

    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        QTimer::singleShot(1500, &window, [&window, file] {
            window.grab().save(file);
            QApplication::quit();
        });
    }
    return app.exec();
}
