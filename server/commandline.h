#pragma once

#include "server/storage.h"

#include <QCommandLineParser>
#include <QTextStream>

#include <functional>
#include <memory>

namespace rounds::server::cli {

// What every command of rounds-server shares (server/commands.cpp defines them). Exit status: 0 success,
// 1 failure (with one line on stderr), 2 bad usage.
constexpr int ExitOk = 0;
constexpr int ExitFailure = 1;
constexpr int ExitUsage = 2;

QTextStream &err();
QTextStream &out();
// "rounds-server: MESSAGE" on stderr; ExitFailure.
int fail(const QString &message);
// The message and a pointer to `rounds-server COMMAND --help`; ExitUsage.
int usage(const QString &message, const QString &command);

// Parses a sub-command's options. Returns -1 to go on, or the exit status (help shown, bad usage).
// With `needsData` the command works on one store: --data DIR or --database URL, exactly one.
int parse(QCommandLineParser &parser, const QString &command, const QString &description,
    const QStringList &args, bool needsData = true);
// The store a command named: the data folder's SQLite file or the PostgreSQL database.
std::unique_ptr<Storage> openStore(const QCommandLineParser &parser, bool create, QString *error);
// Runs one operation on the store the command named; fails with the reason when the store cannot be
// opened or the operation fails.
int onStore(const QCommandLineParser &parser, bool create,
    const std::function<bool(Storage &storage, QString *error)> &run);
// Parses a command that reads or writes one file, named by its option `option` (`--out FILE`), which it
// requires. Returns -1 to go on with `file` set, or the exit status as parse() does.
int parseWithFile(QCommandLineParser &parser, const char *option, const QString &fileHelp,
    const QString &command, const QString &description, const QStringList &args, QString *file);
// What the messages call the store (a PostgreSQL URL without its password).
QString storeName(const QCommandLineParser &parser);
// The store the command named: --database URL, else --data DIR.
QString storeLocation(const QCommandLineParser &parser);

} // namespace rounds::server::cli
