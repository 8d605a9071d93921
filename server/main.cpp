#include "server/commands.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rounds-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    return rounds::server::runCommand(app.arguments().mid(1));
}
