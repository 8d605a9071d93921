#pragma once

#include <QStringList>

#include <functional>

class QCommandLineParser;
class QTextStream;

namespace rounds::server {

// The command line of rounds-server (see docs/server.md). Exit status: 0 success, 2 bad usage, 1 failure
// (with one line on stderr).
int runCommand(const QStringList &arguments);

class Storage;

// What every command of runCommand shares, for commands written in files of their own (devicecommands.cpp).
namespace commandline {
// Adds --help, --data and --database to `parser` and parses `args`: -1 to go on, else the exit status.
int parse(
    QCommandLineParser &parser, const QString &command, const QString &description, const QStringList &args);
int usage(const QString &message, const QString &command); // one line on stderr, exit status 2
int fail(const QString &message); // one line on stderr, exit status 1
// Runs `run` on the store the command named; exit status 1 with the error when it fails.
int onStore(const QCommandLineParser &parser, const std::function<bool(Storage &, QString *)> &run);
QTextStream &out();
QTextStream &err();
} // namespace commandline

int deviceCommand(const QStringList &args); // devicecommands.cpp
// storecommands.cpp: the whole store at once, files included.
int backupCommand(const QStringList &args);
int restoreCommand(const QStringList &args);
int newEpochCommand(const QStringList &args);
int migrateToPostgres(const QStringList &args);

} // namespace rounds::server
