// Fuzz target: a CSV file handed to the importer (the server's `import` command and the client's import
// preview share common/import). The bytes are read in every encoding, parsed as an HCP file and as an
// alignment file against lookups that know a few records, and a file that reads as UTF-8 (with a header
// of non-empty names) must come back unchanged through writeCsv and readCsv (the exporter's output is
// the importer's input).

#include "common/import/csvreader.h"
#include "common/import/importrules.h"
#include "fuzz/fuzz.h"

#include <QByteArray>
#include <QLoggingCategory>

#include <algorithm>
#include <cstdlib>

using namespace rounds;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const bool quiet = [] {
        QLoggingCategory::setFilterRules(QStringLiteral("rounds.*.info=false\nrounds.*.warning=false"));
        return true;
    }();
    (void)quiet;
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    import::Lookup lookup;
    lookup.territory = [](const QString &code) {
        return code == QLatin1String("SH-01") ? QStringLiteral("6f1c1e2a-0b1c-4d2e-8f3a-1b2c3d4e5f60")
                                              : QString();
    };
    lookup.hcp = [](const QString &name, const QString &institution) {
        return import::normalizedName(name) == import::normalizedName(QStringLiteral("王伟"))
                && !institution.isEmpty()
            ? QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            : QString();
    };
    lookup.hcpExists = [](const QString &id) { return id.startsWith(QLatin1Char('0')); };
    lookup.alignment = [](const QString &, const QString &hcpId) {
        return hcpId.endsWith(QLatin1Char('d')) ? QStringLiteral("1a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
                                                : QString();
    };
    for (const char *encoding : {"auto", "utf-8", "gbk"}) {
        import::CsvTable table;
        QString error;
        const bool read = import::readCsv(bytes, QString::fromLatin1(encoding), &table, &error);
        for (import::Kind kind : {import::Kind::Hcps, import::Kind::Alignments}) {
            const import::Preview p = import::parse(
                kind, bytes, QString::fromLatin1(encoding), lookup, QStringLiteral("2026-11-22"));
            (void)p.errors();
            if (p.ok()) {
                QList<QJsonObject> values;
                for (const import::Row &r : p.rows)
                    values << r.values;
                (void)import::exportCsv(kind, values);
            }
        }
        // The round trip holds for what the exporter writes: a header of non-empty names (the reader
        // trims and lower-cases header names, and skips blank lines, so "  " or "\r" as a header is not
        // something writeCsv is ever given).
        const bool exportable = read && table.encoding == QLatin1String("utf-8")
            && qstrcmp(encoding, "utf-8") == 0
            && std::none_of(
                table.header.cbegin(), table.header.cend(), [](const QString &h) { return h.isEmpty(); });
        if (exportable) {
            import::CsvTable again;
            if (!import::readCsv(
                    import::writeCsv(table.header, table.rows), QStringLiteral("utf-8"), &again, &error))
                std::abort(); // what we wrote, we cannot read
            if (again.header != table.header || again.rows != table.rows)
                std::abort(); // what we wrote reads back differently
        }
    }
    return 0;
}
