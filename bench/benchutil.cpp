#include "bench/benchutil.h"

#include "common/protocol/ddl.h"
#include "common/protocol/values.h"
#include "common/sqlite/database.h"
#include "common/sqlite/migrations.h"
#include "models/clientschema.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonValue>

#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <variant>

namespace rounds::bench {

void out(const QString &line)
{
    std::fputs(qPrintable(line + QLatin1Char('\n')), stdout);
    std::fflush(stdout);
}

qint64 statusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key))
            return line.mid(qstrlen(key)).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

double percentile(std::vector<double> samples, double fraction)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const size_t i = std::min(samples.size() - 1, size_t(double(samples.size()) * fraction));
    return samples[i];
}

int runSubcommand(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command == QLatin1String("sync"))
        return syncMain(arguments);
    if (command == QLatin1String("server"))
        return serverMain(arguments);
    if (command == QLatin1String("soak") || command == QLatin1String("soak-client"))
        return soakMain(arguments);
    if (command == QLatin1String("kpis"))
        return kpisMain(arguments);
    if (command == QLatin1String("content"))
        return contentMain(arguments);
    if (command == QLatin1String("encryption"))
        return encryptionMain(arguments);
    if (command == QLatin1String("files"))
        return filesMain(arguments);
    return NotMine;
}

using Value = std::variant<std::monostate, qint64, QByteArray>;

// The reference: the same rows, already converted to column values, inserted with a prepared
// statement on the raw sqlite3 handle, one transaction per page, into the same table and indexes.
double rawInsertRate(
    const QString &path, const protocol::Entity &entity, const QList<PulledChange> &rows, int page)
{
    QStringList columns {QStringLiteral("id"), QStringLiteral("version"), QStringLiteral("updated_at"),
        QStringLiteral("updated_by")};
    for (const protocol::Field &f : entity.fields)
        columns << protocol::quoteIdentifier(f.name);
    columns << QStringLiteral("extra");
    std::vector<std::vector<Value>> values;
    values.reserve(rows.size());
    for (const PulledChange &c : rows) {
        std::vector<Value> row;
        auto add = [&row](const QJsonValue &v) {
            if (v.isDouble())
                row.emplace_back(qint64(v.toInteger()));
            else if (v.isString())
                row.emplace_back(v.toString().toUtf8());
            else
                row.emplace_back(std::monostate {});
        };
        add(c.record.value(QStringLiteral("id")));
        add(c.record.value(QStringLiteral("version")));
        add(c.record.value(QStringLiteral("updated_at")));
        add(c.record.value(QStringLiteral("updated_by")));
        for (const protocol::Field &f : entity.fields)
            add(protocol::toStorage(f, c.record.value(f.name)));
        row.emplace_back(std::monostate {});
        values.push_back(std::move(row));
    }

    sql::Database db(path);
    db.exec(QStringLiteral("PRAGMA cache_size = -32768")); // as Store::open sets it
    sql::migrate(db, clientMigrations(), QStringLiteral("bench"));
    sqlite3 *h = db.handle();
    QStringList params;
    for (int i = 1; i <= columns.size(); ++i)
        params << QStringLiteral("?%1").arg(i);
    const QByteArray text
        = QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
              .arg(protocol::quoteIdentifier(entity.name), columns.join(u','), params.join(u','))
              .toUtf8();
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(h, text.constData(), int(text.size()), &stmt, nullptr);
    QElapsedTimer timer;
    timer.start();
    size_t i = 0;
    while (i < values.size()) {
        sqlite3_exec(h, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
        for (size_t n = 0; n < size_t(page) && i < values.size(); ++n, ++i) {
            int pos = 1;
            for (const Value &v : values[i]) {
                if (const auto *iv = std::get_if<qint64>(&v))
                    sqlite3_bind_int64(stmt, pos, *iv);
                else if (const auto *tv = std::get_if<QByteArray>(&v))
                    sqlite3_bind_text(stmt, pos, tv->constData(), int(tv->size()), SQLITE_STATIC);
                else
                    sqlite3_bind_null(stmt, pos);
                ++pos;
            }
            sqlite3_step(stmt);
            sqlite3_reset(stmt);
        }
        sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr);
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sqlite3_finalize(stmt);
    return double(values.size()) / seconds;
}

} // namespace rounds::bench
