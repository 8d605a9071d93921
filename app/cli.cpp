#include "models/clientschema.h"
#include "models/sqlite/database.h"
#include "models/sqlite/sqlerror.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rounds-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROUNDS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);

    const QStringList args = app.arguments().mid(1);
    if (args.size() < 3 || args.at(0) != QLatin1String("--db")) {
        err << "usage: rounds-cli --db FILE status\n";
        return 2;
    }
    const QString command = args.at(2);
    if (command != QLatin1String("status")) {
        err << "rounds-cli: unknown command '" << command << "'\n";
        return 2;
    }
    try {
        rounds::sql::Database db(args.at(1));
        const auto result = rounds::sql::migrate(db, rounds::clientMigrations(), QStringLiteral("database"));
        if (!result.ok) {
            err << "rounds-cli: " << result.error << "\n";
            return 1;
        }
        out << "database " << db.path() << " schema version " << result.to << "\n";
    } catch (const rounds::sql::SqlError &e) {
        err << "rounds-cli: " << e.text() << "\n";
        return 1;
    }
    return 0;
}
