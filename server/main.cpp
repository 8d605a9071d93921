#include "server/httpapi.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

using namespace rounds::server;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rounds-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    QTextStream err(stderr);

    const QStringList args = app.arguments().mid(1);
    if (args.isEmpty() || args.first() != QLatin1String("serve")) {
        err << "usage: rounds-server serve --data DIR [--listen 127.0.0.1:8421]\n";
        return 2;
    }
    QString listen = QStringLiteral("127.0.0.1:8421");
    const qsizetype i = args.indexOf(QStringLiteral("--listen"));
    if (i >= 0 && i + 1 < args.size())
        listen = args.at(i + 1);
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    HttpApi api;
    QString error;
    const quint16 port = api.listen(QHostAddress(listen.left(colon)), listen.mid(colon + 1).toUShort(), &error);
    if (port == 0) {
        err << "rounds-server: " << error << "\n";
        return 1;
    }
    QTextStream(stdout) << "rounds-server listening on http://" << listen.left(colon) << ":" << port << Qt::endl;
    return app.exec();
}
