// rounds-server device list|revoke (docs/server.md, "Devices").
#include "server/commands.h"
#include "server/devices.h"
#include "server/useradmin.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace rounds::server {

namespace {

constexpr int ExitOk = 0;

int listDevices(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption user(QStringLiteral("user"),
        QStringLiteral("Only this user's devices (login name)."), QStringLiteral("LOGIN"));
    const QCommandLineOption json(
        QStringLiteral("json"), QStringLiteral("One JSON array instead of a table."));
    p.addOptions({user, json});
    const QString command = QStringLiteral("device list");
    if (const int rc = commandline::parse(p, command,
            QStringLiteral(
                "Lists the devices users signed in from: id, user, name, client version, first and "
                "last contact, and when and why a device was revoked."),
            args);
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty())
        return commandline::usage(QStringLiteral("device list takes no arguments"), command);
    return commandline::onStore(p, [&](Storage &storage, QString *error) {
        QList<devices::Listed> rows;
        if (!devices::list(storage, p.value(user), &rows, error))
            return false;
        QTextStream &out = commandline::out();
        if (p.isSet(json)) {
            QJsonArray array;
            for (const devices::Listed &row : rows)
                array << devices::toJson(row.device, row.username);
            out << QJsonDocument(array).toJson(QJsonDocument::Compact) << Qt::endl;
            return true;
        }
        out << "DEVICE ID\tUSER\tNAME\tVERSION\tFIRST SEEN\tLAST SEEN\tREVOKED\n";
        for (const devices::Listed &row : rows) {
            const DeviceRow &d = row.device;
            out << d.id << '\t' << row.username << '\t' << d.name << '\t' << d.clientVersion << '\t'
                << d.firstSeen << '\t' << d.lastSeen << '\t'
                << (d.revoked() ? d.revokedAt + QStringLiteral(" (") + d.revokedReason + QLatin1Char(')')
                                : QStringLiteral("-"))
                << '\n';
        }
        out.flush();
        return true;
    });
}

int revokeDevice(const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption reason(QStringLiteral("reason"),
        QStringLiteral("Why, as the device's user reads it (default: \"revoked by an administrator\")."),
        QStringLiteral("TEXT"));
    p.addOption(reason);
    p.addPositionalArgument(
        QStringLiteral("DEVICE_ID"), QStringLiteral("The device (device list shows ids)."));
    const QString command = QStringLiteral("device revoke");
    if (const int rc = commandline::parse(p, command,
            QStringLiteral("Revokes a device: its tokens stop working at once, and at its next contact "
                           "(sign-in or sync) it is told to delete its local data and keychain entry."),
            args);
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1)
        return commandline::usage(QStringLiteral("one DEVICE_ID, please"), command);
    const QString id = p.positionalArguments().first();
    const QString why = p.value(reason).trimmed().left(500);
    if (p.isSet(reason) && why.isEmpty())
        return commandline::usage(QStringLiteral("--reason wants a text"), command);
    return commandline::onStore(p, [&](Storage &storage, QString *error) {
        Denial denial {nullptr, {}, {}};
        if (!useradmin::revokeDevice(storage, id, why, UserActor {}, &denial)) {
            *error = denial.message;
            return false;
        }
        commandline::err() << "rounds-server: device " << id
                           << " revoked; it deletes its local data at its next contact" << Qt::endl;
        return true;
    });
}

} // namespace

int deviceCommand(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QLatin1String("list"))
        return listDevices(args.mid(1));
    if (sub == QLatin1String("revoke"))
        return revokeDevice(args.mid(1));
    if (sub == QLatin1String("--help") || sub == QLatin1String("-h")) {
        commandline::out() << "usage: rounds-server device list --data DIR [--user LOGIN] [--json]\n"
                              "       rounds-server device revoke --data DIR DEVICE_ID [--reason TEXT]\n";
        commandline::out().flush();
        return ExitOk;
    }
    return commandline::usage(QStringLiteral("device wants list or revoke"), QStringLiteral("device"));
}

} // namespace rounds::server
