#include "server/importer.h"

#include "common/import/csvreader.h"
#include "common/import/importrules.h"
#include "common/protocol/codec.h"
#include "common/protocol/privacy.h"
#include "common/protocol/values.h"
#include "server/feed.h"
#include "server/privatefile.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

namespace rounds::server {

using namespace rounds::protocol;

namespace {

const QStringList kSalesColumns {QStringLiteral("month"), QStringLiteral("territory"),
    QStringLiteral("institution"), QStringLiteral("product"), QStringLiteral("units"),
    QStringLiteral("value"), QStringLiteral("currency"), QStringLiteral("source")};
const QStringList kSalesRequired {QStringLiteral("month"), QStringLiteral("territory"),
    QStringLiteral("institution"), QStringLiteral("product"), QStringLiteral("units"),
    QStringLiteral("value"), QStringLiteral("source")};

struct Row
{
    int line = 0;
    QHash<QString, QString> cells;
    QString value(const QString &column) const { return cells.value(column).trimmed(); }
};

// Checks a value against the schema's field; the error names the CSV column.
bool check(const Entity &e, const char *field, const QJsonValue &v, const QString &column, QString *error)
{
    const Field *f = e.field(QString::fromLatin1(field));
    if (auto err = validateValue(*f, v)) {
        *error = QStringLiteral("column '%1': %2").arg(column, err->message);
        return false;
    }
    return true;
}

// A decimal amount in major units ("1234.50") as minor units, exactly.
std::optional<qint64> minorUnits(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral(R"(^(-?)(\d{1,13})(?:\.(\d{1,2}))?$)"));
    const QRegularExpressionMatch m = shape.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 major = m.captured(2).toLongLong();
    const qint64 minor = m.captured(3).leftJustified(2, QLatin1Char('0')).toLongLong();
    const qint64 value = major * 100 + minor;
    return m.captured(1).isEmpty() ? value : -value;
}

class Importer
{
public:
    Importer(StoreWriter &w, const ImportOptions &o, ImportReport &report)
        : m_w(w)
        , m_o(o)
        , m_report(report)
        , m_feed(w, Actor {adminId(w), QStringLiteral("rounds-server import"), {}})
    {
        for (const StoredRecord &t : w.all(QStringLiteral("territory"))) {
            if (t.record.fields.value(QLatin1String("level")).toString() == QLatin1String("territory"))
                m_territories.insert(t.record.fields.value(QLatin1String("code")).toString(), t.record.id);
        }
        for (const StoredRecord &i : w.all(QStringLiteral("institution"))) {
            const QString name = i.record.fields.value(QLatin1String("name")).toString();
            m_institutions.insert(name, i.record.id);
            m_institutionsNormalized.insert(import::normalizedName(name), i.record.id);
        }
    }

    static QString adminId(StoreReader &r)
    {
        for (const StoredRecord &u : r.all(QStringLiteral("user"))) {
            if (u.record.fields.value(QLatin1String("role")).toString() == QLatin1String("admin"))
                return u.record.id;
        }
        return {};
    }

    // The shared row rules (common/import) with this store's answers to their questions.
    import::Lookup lookup()
    {
        m_w.scan(QStringLiteral("hcp"), [this](const StoredRecord &h) {
            const QJsonObject &f = h.record.fields;
    if (str(f, "status") == QLatin1String("merged"))
        return;
    m_liveHcps.insert(h.record.id);
    m_hcpByName.insert(
        import::normalizedName(str(f, "full_name")) + QChar(0) + str(f, "institution_id"), h.record.id);
        });
        import::Lookup l;
        l.territory = [this](const QString &code) { return m_territories.value(code); };
        l.hcp = [this](const QString &name, const QString &institution) {
            const QString inst = m_institutionsNormalized.value(import::normalizedName(institution));
            return inst.isEmpty() ? QString()
                                  : m_hcpByName.value(import::normalizedName(name) + QChar(0) + inst);
        };
        l.hcpExists = [this](const QString &id) { return m_liveHcps.contains(id); };
        l.alignment = [this](const QString &territoryId, const QString &hcpId) {
            const QString today = Feed::today();
            for (const StoredRecord &a :
                m_w.referencing(QStringLiteral("alignment"), IndexedRef::HcpId, hcpId)) {
                const QJsonObject &f = a.record.fields;
                const QJsonValue to = f.value(QLatin1String("valid_to"));
                if (str(f, "territory_id") == territoryId && (!to.isString() || to.toString() >= today))
                    return a.record.id;
            }
            return QString();
        };
        return l;
        } // namespace

        void hcps(const import::Preview &preview)
        {
            QHash<QString, QString> departments; // institution id + name → id
            for (const import::Row &row : preview.rows) {
                const QJsonObject &v = row.values;
                if (!row.existingId.isEmpty()) {
                    m_report.warnings << QStringLiteral("line %1: %2 at %3 exists already; skipped")
                                             .arg(row.line)
                                             .arg(str(v, "full_name"), str(v, "institution"));
                    continue;
                }
                const QString institution = str(v, "institution");
                QString instId = m_institutions.value(institution);
                if (instId.isEmpty())
                    instId = m_institutionsNormalized.value(import::normalizedName(institution));
                if (instId.isEmpty()) {
                    instId = newUuid();
                    m_institutions.insert(institution, instId);
                    m_institutionsNormalized.insert(import::normalizedName(institution), instId);
                    commit("institution", instId,
                        QJsonObject {{QStringLiteral("name"), institution},
                            {QStringLiteral("kind"), QStringLiteral("hospital")},
                            {QStringLiteral("grade"), v.value(QLatin1String("institution_grade"))},
                            {QStringLiteral("province"), v.value(QLatin1String("province"))},
                            {QStringLiteral("city"), v.value(QLatin1String("city"))},
                            {QStringLiteral("address"), QJsonValue()}});
                }
                QJsonValue deptId;
                const QString dept = str(v, "department");
                if (!dept.isEmpty()) {
                    const QString dkey = instId + QChar(0) + dept;
                    if (!departments.contains(dkey)) {
                        for (const StoredRecord &d : m_w.referencing(
                                 QStringLiteral("department"), IndexedRef::InstitutionId, instId)) {
                            if (str(d.record.fields, "name") == dept)
                                departments.insert(dkey, d.record.id);
                        }
                    }
                    if (!departments.contains(dkey)) {
                        departments.insert(dkey, newUuid());
                        commit("department", departments.value(dkey),
                            QJsonObject {
                                {QStringLiteral("institution_id"), instId}, {QStringLiteral("name"), dept}});
                    }
                    deptId = departments.value(dkey);
                }
                const QString hcpId = newUuid();
                commit("hcp", hcpId,
                    QJsonObject {{QStringLiteral("full_name"), str(v, "full_name")},
                        {QStringLiteral("gender"), v.value(QLatin1String("gender"))},
                        {QStringLiteral("specialty"), v.value(QLatin1String("specialty"))},
                        {QStringLiteral("title"), v.value(QLatin1String("title"))},
                        {QStringLiteral("institution_id"), instId}, {QStringLiteral("department_id"), deptId},
                        {QStringLiteral("tier"), v.value(QLatin1String("tier"))},
                        {QStringLiteral("status"), QStringLiteral("active")},
                        {QStringLiteral("merged_into"), QJsonValue()},
                        {QStringLiteral("phone"), v.value(QLatin1String("phone"))},
                        {QStringLiteral("email"), v.value(QLatin1String("email"))}});
                if (!str(v, "territory_id").isEmpty()) {
                    commit("alignment", newUuid(),
                        QJsonObject {{QStringLiteral("territory_id"), str(v, "territory_id")},
                            {QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("valid_from"), Feed::today()},
                            {QStringLiteral("valid_to"), QJsonValue()},
                            {QStringLiteral("target_calls_per_cycle"), 0}});
                }
            }
        }

        void alignments(const import::Preview &preview)
        {
            for (const import::Row &row : preview.rows) {
                const QJsonObject &v = row.values;
                if (!row.existingId.isEmpty()) {
                    m_report.warnings << QStringLiteral("line %1: the HCP is aligned to %2 already; skipped")
                                             .arg(row.line)
                                             .arg(str(v, "territory"));
                    continue;
                }
                commit("alignment", newUuid(),
                    QJsonObject {{QStringLiteral("territory_id"), str(v, "territory_id")},
                        {QStringLiteral("hcp_id"), str(v, "hcp_id")},
                        {QStringLiteral("valid_from"), str(v, "valid_from")},
                        {QStringLiteral("valid_to"), v.value(QLatin1String("valid_to"))},
                        {QStringLiteral("target_calls_per_cycle"),
                            v.value(QLatin1String("target_calls_per_cycle"))}});
            }
        }

        void sales(const QList<Row> &rows)
        {
            const Entity &fact = *Schema::instance().entity(u"sales_fact");
            QHash<QString, QString> products;
            for (const StoredRecord &p : m_w.all(QStringLiteral("product")))
                products.insert(p.record.fields.value(QLatin1String("name")).toString(), p.record.id);
            for (const Row &row : rows) {
                QString error;
                const QString month = row.value(QStringLiteral("month"));
                const QString territory = row.value(QStringLiteral("territory"));
                const QString institution = row.value(QStringLiteral("institution"));
                const QString product = row.value(QStringLiteral("product"));
                bool unitsOk = false;
                const qint64 units = row.value(QStringLiteral("units")).toLongLong(&unitsOk);
                const std::optional<qint64> value = minorUnits(row.value(QStringLiteral("value")));
                const QString currency = row.value(QStringLiteral("currency")).isEmpty()
                    ? QStringLiteral("CNY")
                    : row.value(QStringLiteral("currency")).toUpper();
                const QString source = row.value(QStringLiteral("source")).toLower();
                bool ok = check(fact, "month", month, QStringLiteral("month"), &error);
                if (ok && !m_territories.contains(territory)) {
                    ok = false;
                    error = QStringLiteral("column 'territory': no territory with code '%1'").arg(territory);
                }
                if (ok && !m_institutions.contains(institution)) {
                    ok = false;
                    error
                        = QStringLiteral("column 'institution': no institution named '%1'").arg(institution);
                }
                if (ok && !products.contains(product)) {
                    ok = false;
                    error = QStringLiteral("column 'product': no product named '%1'").arg(product);
                }
                if (ok && !unitsOk) {
                    ok = false;
                    error = QStringLiteral("column 'units': '%1' is not a whole number")
                                .arg(row.value(QStringLiteral("units")));
                }
                ok = ok && check(fact, "units", units, QStringLiteral("units"), &error);
                if (ok && !value) {
                    ok = false;
                    error = QStringLiteral("column 'value': '%1' is not an amount like 1234.50")
                                .arg(row.value(QStringLiteral("value")));
                }
                ok = ok && check(fact, "value_minor", ok ? *value : 0, QStringLiteral("value"), &error)
                    && check(fact, "currency", currency, QStringLiteral("currency"), &error)
                    && check(fact, "source", source, QStringLiteral("source"), &error);
                if (!ok) {
                    m_report.errors << QStringLiteral("line %1: %2").arg(row.line).arg(error);
                    continue;
                }
                if (!m_report.errors.isEmpty())
                    continue;
                commit("sales_fact", newUuid(),
                    QJsonObject {{QStringLiteral("territory_id"), m_territories.value(territory)},
                        {QStringLiteral("institution_id"), m_institutions.value(institution)},
                        {QStringLiteral("product_id"), products.value(product)},
                        {QStringLiteral("month"), month}, {QStringLiteral("units"), units},
                        {QStringLiteral("value_minor"), *value}, {QStringLiteral("currency"), currency},
                        {QStringLiteral("source"), source}});
            }
            // Reps hold the territory totals of these facts, never the facts themselves.
            m_feed.settle();
        }

    private:
        void commit(const char *entity, const QString &id, const QJsonObject &fields)
        {
            m_feed.commit(std::nullopt,
                StoredRecord {QString::fromLatin1(entity), Record {id, 0, {}, {}, fields, {}}, false},
                QStringLiteral("import"));
        }

        StoreWriter &m_w;
        const ImportOptions &m_o;
        ImportReport &m_report;
        Feed m_feed;
        QHash<QString, QString> m_territories; // code → id (leaves)
        QHash<QString, QString> m_institutions; // name → id
        QHash<QString, QString> m_institutionsNormalized; // normalizedName → id
        QSet<QString> m_liveHcps; // not merged
        QHash<QString, QString> m_hcpByName; // normalizedName + institution id → id
        }; // namespace rounds::server

        } // namespace

        ImportReport importRows(Storage &storage, const QByteArray &bytes, const ImportOptions &o)
        {
            ImportReport report;
            const import::Kind kind
                = o.kind == ImportKind::Hcps ? import::Kind::Hcps : import::Kind::Alignments;
            QString error;
            const bool ok = storage.write(
                [&](StoreWriter &w) {
                    Importer importer(w, o, report);
                    const import::Preview preview
                        = import::parse(kind, bytes, o.encoding, importer.lookup(), Feed::today());
                    report.warnings << preview.warnings;
                    report.rows = int(preview.rows.size());
                    if (!preview.fatal.isEmpty()) {
                        report.fatal = preview.fatal;
                        return false;
                    }
                    report.errors = preview.errors();
                    if (!preview.ok())
                        return false;
                    if (kind == import::Kind::Hcps)
                        importer.hcps(preview);
                    else
                        importer.alignments(preview);
                    return !o.dryRun;
                },
                &error);
            if (!ok && !error.isEmpty()) {
                report.fatal = error;
                return report;
            }
            report.ok = report.fatal.isEmpty() && report.errors.isEmpty();
            return report;
        }

        ImportReport importCsv(Storage &storage, const QString &path, const ImportOptions &o)
        {
            ImportReport report;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                report.fatal = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
                return report;
            }
            const QByteArray bytes = file.readAll();
            if (o.kind != ImportKind::Sales)
                return importRows(storage, bytes, o);
            import::CsvTable table;
            if (!import::readCsv(bytes, o.encoding, &table, &report.fatal))
                return report;
            for (const QString &column : table.header) {
                if (!kSalesColumns.contains(column))
                    report.warnings << QStringLiteral("unknown column '%1' is ignored").arg(column);
                if (table.header.count(column) > 1) {
                    report.fatal = QStringLiteral("column '%1' appears twice in the header").arg(column);
                    return report;
                }
            }
            for (const QString &column : kSalesRequired) {
                if (!table.header.contains(column)) {
                    report.fatal = QStringLiteral("the header lacks the column '%1'").arg(column);
                    return report;
                }
            }
            QList<Row> rows;
            for (qsizetype i = 0; i < table.rows.size(); ++i) {
                const QStringList &cells = table.rows.at(i);
                if (cells.size() != table.header.size()) {
                    report.errors << QStringLiteral("line %1: %2 fields where the header has %3")
                                         .arg(table.lines.at(i))
                                         .arg(cells.size())
                                         .arg(table.header.size());
                    continue;
                }
                Row row;
                row.line = table.lines.at(i);
                for (qsizetype c = 0; c < cells.size(); ++c)
                    row.cells.insert(table.header.at(c), cells.at(c));
                rows << row;
            }
            report.rows = int(table.rows.size());
            QString error;
            const bool ok = storage.write(
                [&](StoreWriter &w) {
                    Importer importer(w, o, report);
                    importer.sales(rows);
                    return report.errors.isEmpty() && !o.dryRun;
                },
                &error);
            if (!ok && !error.isEmpty()) {
                report.fatal = error;
                return report;
            }
            report.ok = report.errors.isEmpty();
            return report;
        }

        bool exportJsonl(
            Storage &storage, const QString &path, qint64 *count, QString *error, bool noPersonal)
        {
            // Every HCP's phone and e-mail: readable by the owner only, from the first byte.
            PrivateFile out(path);
            if (!out.open(error))
                return false;
            QIODevice &file = out.device();
            *count = 0;
            const bool ok = storage.read(
                [&](StoreReader &r) {
                    for (const Entity &e : Schema::instance().entities()) {
                        r.scan(e.name, [&](const StoredRecord &rec) {
                            QJsonObject record = encodeRecord(rec.record);
                            if (noPersonal)
                                protocol::privacy::strip(protocol::privacy::personalFields(), e.name, record);
                            const QJsonObject line {
                                {QStringLiteral("entity"), e.name}, {QStringLiteral("record"), record}};
                            file.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
                            file.write("\n");
                            ++*count;
                        });
                    }
                },
                error);
            if (!ok)
                return false;
            return out.commit(error);
        }

        } // namespace rounds::server
