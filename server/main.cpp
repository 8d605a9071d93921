#include "server/commands.h"
#include "server/hcpcommands.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QHashFunctions>

#include <memory>

int main(int argc, char *argv[])
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    // The demo's PDFs list their fonts in hash order: a fixed seed makes the same seed give the same bytes.
    if (args.value(0) == QLatin1String("demo"))
        QHashSeed::setDeterministicGlobalSeed();
    // Only a PDF needs fonts and a paint engine: the offscreen platform, never a display.
    std::unique_ptr<QCoreApplication> app;
    if (rounds::server::needsGui(args)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("rounds-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    return rounds::server::runCommand(QCoreApplication::arguments().mid(1));
}
