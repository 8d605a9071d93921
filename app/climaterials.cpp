#include "app/climaterials.h"

#include "models/filestate.h"
#include "models/localfiles.h"
#include "models/materialqueries.h"
#include "models/store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace rounds {

namespace {

struct LocalFile
{
    QString state; // complete, partial, missing
    qint64 bytes = 0;
};

// Whole and checked in evidence/ or files/ (models/localfiles.h); else what the transfer engine noted
// (file_state), or a download in progress (files/<sha256>.part); else missing.
LocalFile localFile(const Store &store, const QHash<QString, FileStateRow> &states, const MaterialItem &m)
{
    if (!m.localPath.isEmpty())
        return {QStringLiteral("complete"), QFileInfo(m.localPath).size()};
    const FileStateRow row = states.value(m.sha256);
    const QFileInfo part(localfiles::downloadPathFor(store.path(), m.sha256) + QStringLiteral(".part"));
    if (part.exists() && part.size() > 0)
        return {QStringLiteral("partial"), part.size()};
    if (row.state == QLatin1String("partial") && row.bytes > 0)
        return {QStringLiteral("partial"), row.bytes};
    return {QStringLiteral("missing"), 0};
}

QString date(const QDate &d)
{
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

} // namespace

int materialsCommand(Store &store, const QStringList &args, bool json)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    if (!args.isEmpty()) {
        err << QCoreApplication::translate("Cli", "usage: rounds-cli --db FILE materials [--json]")
            << Qt::endl;
        return 2;
    }
    const QDateTime now = MaterialQueries::trustedNow(&store);
    const QDate day = now.toLocalTime().date();
    QList<MaterialItem> items;
    QString error;
    if (!MaterialQueries::list(&store, {}, day, &items, &error)) {
        err << "rounds-cli: " << error << Qt::endl;
        return 1;
    }
    QHash<QString, FileStateRow> states;
    for (const FileStateRow &f : store.fileStates())
        states.insert(f.sha256, f);
    const auto orNull = [](const QString &s) { return s.isEmpty() ? QJsonValue() : QJsonValue(s); };
    if (json) {
        QJsonArray rows;
        for (const MaterialItem &m : std::as_const(items)) {
            const LocalFile f = localFile(store, states, m);
            rows.append(QJsonObject {{QStringLiteral("id"), m.id}, {QStringLiteral("title"), m.title},
                {QStringLiteral("product_id"), m.productId}, {QStringLiteral("product"), m.productName},
                {QStringLiteral("kind"), m.kind}, {QStringLiteral("language"), m.language},
                {QStringLiteral("version"), m.version}, {QStringLiteral("supersedes"), orNull(m.supersedes)},
                {QStringLiteral("status"), m.status},
                {QStringLiteral("valid_from"), orNull(date(m.validFrom))},
                {QStringLiteral("valid_to"), orNull(date(m.validTo))},
                {QStringLiteral("availability"), protocol::content::availabilityName(m.availability)},
                {QStringLiteral("pages"), m.pageCount}, {QStringLiteral("sha256"), orNull(m.sha256)},
                {QStringLiteral("size"), m.fileSize}, {QStringLiteral("file"), f.state},
                {QStringLiteral("bytes"), f.bytes},
                {QStringLiteral("pinned"), states.value(m.sha256).pinned}});
        }
        const QJsonObject answer {{QStringLiteral("judged_at"), now.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("day"), date(day)}, {QStringLiteral("materials"), rows}};
        out << QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)) << Qt::endl;
        return 0;
    }
    const auto dash = [](const QString &s) { return s.isEmpty() ? QStringLiteral("-") : s; };
    for (const MaterialItem &m : std::as_const(items)) {
        const LocalFile f = localFile(store, states, m);
        out << m.id << '\t' << m.title << '\t' << dash(m.productName) << "\tv" << m.version << '\t'
            << m.status << '\t' << dash(date(m.validFrom)) << ".." << dash(date(m.validTo)) << '\t'
            << protocol::content::availabilityName(m.availability) << '\t' << m.pageCount << "p\t" << f.state;
        if (f.state == QLatin1String("partial"))
            out << ' ' << f.bytes << '/' << m.fileSize;
        out << Qt::endl;
    }
    if (items.isEmpty())
        err << QCoreApplication::translate("Cli", "no materials in this store (sync first)") << Qt::endl;
    err << QCoreApplication::translate(
        "Cli", "availability judged on %1 (never earlier than the latest time seen)")
               .arg(date(day))
        << Qt::endl;
    return 0;
}

} // namespace rounds
