#include "server/importer.h"

#include "server/csvreader.h"
#include "server/feed.h"
#include "sync/protocol/codec.h"
#include "sync/protocol/values.h"

#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>

namespace rounds::server {

using namespace rounds::protocol;

namespace {

const QStringList kHcpColumns {QStringLiteral("full_name"), QStringLiteral("gender"),
    QStringLiteral("specialty"), QStringLiteral("title"), QStringLiteral("institution"),
    QStringLiteral("institution_grade"), QStringLiteral("province"), QStringLiteral("city"),
    QStringLiteral("department"), QStringLiteral("tier"), QStringLiteral("phone"), QStringLiteral("email"),
    QStringLiteral("territory")};
const QStringList kHcpRequired {QStringLiteral("full_name"), QStringLiteral("institution")};
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

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

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
        for (const StoredRecord &i : w.all(QStringLiteral("institution")))
            m_institutions.insert(i.record.fields.value(QLatin1String("name")).toString(), i.record.id);
    }

    static QString adminId(StoreReader &r)
    {
        for (const StoredRecord &u : r.all(QStringLiteral("user"))) {
            if (u.record.fields.value(QLatin1String("role")).toString() == QLatin1String("admin"))
                return u.record.id;
        }
        return {};
    }

    void hcps(const QList<Row> &rows)
    {
        const Entity &hcp = *Schema::instance().entity(u"hcp");
        const Entity &inst = *Schema::instance().entity(u"institution");
        QHash<QString, int> seen; // name + institution → line
        QSet<QString> known; // name + institution id of the HCPs already stored
        m_w.scan(QStringLiteral("hcp"), [&known](const StoredRecord &h) {
            known.insert(h.record.fields.value(QLatin1String("full_name")).toString() + QChar(0)
                + h.record.fields.value(QLatin1String("institution_id")).toString());
        });
        QHash<QString, QString> departments; // institution id + name → id
        for (const Row &row : rows) {
            QString error;
            const QString name = row.value(QStringLiteral("full_name"));
            const QString institution = row.value(QStringLiteral("institution"));
            QString gender = row.value(QStringLiteral("gender")).toLower();
            if (gender == QStringLiteral("男") || gender == QLatin1String("m"))
                gender = QStringLiteral("male");
            else if (gender == QStringLiteral("女") || gender == QLatin1String("f"))
                gender = QStringLiteral("female");
            const QString tier = row.value(QStringLiteral("tier")).toUpper();
            const QString territory = row.value(QStringLiteral("territory"));
            const QString email = row.value(QStringLiteral("email"));
            bool ok = check(hcp, "full_name", name, QStringLiteral("full_name"), &error)
                && check(inst, "name", institution, QStringLiteral("institution"), &error)
                && check(hcp, "gender", textOrNull(gender), QStringLiteral("gender"), &error)
                && check(hcp, "tier", textOrNull(tier), QStringLiteral("tier"), &error)
                && check(hcp, "specialty", textOrNull(row.value(QStringLiteral("specialty"))),
                    QStringLiteral("specialty"), &error)
                && check(hcp, "title", textOrNull(row.value(QStringLiteral("title"))),
                    QStringLiteral("title"), &error)
                && check(hcp, "phone", textOrNull(row.value(QStringLiteral("phone"))),
                    QStringLiteral("phone"), &error)
                && check(inst, "grade", textOrNull(row.value(QStringLiteral("institution_grade"))),
                    QStringLiteral("institution_grade"), &error)
                && check(inst, "province", textOrNull(row.value(QStringLiteral("province"))),
                    QStringLiteral("province"), &error)
                && check(inst, "city", textOrNull(row.value(QStringLiteral("city"))), QStringLiteral("city"),
                    &error)
                && check(hcp, "email", textOrNull(email), QStringLiteral("email"), &error);
            if (ok && !email.isEmpty() && !email.contains(QLatin1Char('@'))) {
                ok = false;
                error = QStringLiteral("column 'email': '%1' is not an e-mail address").arg(email);
            }
            if (ok && !territory.isEmpty() && !m_territories.contains(territory)) {
                ok = false;
                error = QStringLiteral("column 'territory': no territory with code '%1'").arg(territory);
            }
            const QString key = name + QChar(0) + institution;
            if (ok && seen.contains(key)) {
                ok = false;
                error = QStringLiteral("duplicate HCP: %1 at %2 is already on line %3")
                            .arg(name, institution)
                            .arg(seen.value(key));
            }
            if (!ok) {
                m_report.errors << QStringLiteral("line %1: %2").arg(row.line).arg(error);
                continue;
            }
            seen.insert(key, row.line);
            if (!m_report.errors.isEmpty())
                continue; // nothing will be applied; keep checking the other rows

            QString instId = m_institutions.value(institution);
            if (instId.isEmpty()) {
                instId = newUuid();
                m_institutions.insert(institution, instId);
                commit("institution", instId,
                    QJsonObject {{QStringLiteral("name"), institution},
                        {QStringLiteral("kind"), QStringLiteral("hospital")},
                        {QStringLiteral("grade"), textOrNull(row.value(QStringLiteral("institution_grade")))},
                        {QStringLiteral("province"), textOrNull(row.value(QStringLiteral("province")))},
                        {QStringLiteral("city"), textOrNull(row.value(QStringLiteral("city")))},
                        {QStringLiteral("address"), QJsonValue()}});
            }
            if (known.contains(name + QChar(0) + instId)) {
                m_report.warnings << QStringLiteral("line %1: %2 at %3 exists already; skipped")
                                         .arg(row.line)
                                         .arg(name, institution);
                continue;
            }
            QJsonValue deptId;
            const QString dept = row.value(QStringLiteral("department"));
            if (!dept.isEmpty()) {
                const QString dkey = instId + QChar(0) + dept;
                if (!departments.contains(dkey)) {
                    for (const StoredRecord &d :
                        m_w.referencing(QStringLiteral("department"), IndexedRef::InstitutionId, instId)) {
                        if (d.record.fields.value(QLatin1String("name")).toString() == dept)
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
            known.insert(name + QChar(0) + instId);
            commit("hcp", hcpId,
                QJsonObject {{QStringLiteral("full_name"), name},
                    {QStringLiteral("gender"), textOrNull(gender)},
                    {QStringLiteral("specialty"), textOrNull(row.value(QStringLiteral("specialty")))},
                    {QStringLiteral("title"), textOrNull(row.value(QStringLiteral("title")))},
                    {QStringLiteral("institution_id"), instId}, {QStringLiteral("department_id"), deptId},
                    {QStringLiteral("tier"), textOrNull(tier)},
                    {QStringLiteral("status"), QStringLiteral("active")},
                    {QStringLiteral("merged_into"), QJsonValue()},
                    {QStringLiteral("phone"), textOrNull(row.value(QStringLiteral("phone")))},
                    {QStringLiteral("email"), textOrNull(email)}});
            if (!territory.isEmpty()) {
                commit("alignment", newUuid(),
                    QJsonObject {{QStringLiteral("territory_id"), m_territories.value(territory)},
                        {QStringLiteral("hcp_id"), hcpId}, {QStringLiteral("valid_from"), Feed::today()},
                        {QStringLiteral("valid_to"), QJsonValue()},
                        {QStringLiteral("target_calls_per_cycle"), 0}});
            }
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
                error = QStringLiteral("column 'institution': no institution named '%1'").arg(institution);
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
                    {QStringLiteral("product_id"), products.value(product)}, {QStringLiteral("month"), month},
                    {QStringLiteral("units"), units}, {QStringLiteral("value_minor"), *value},
                    {QStringLiteral("currency"), currency}, {QStringLiteral("source"), source}});
        }
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
};

} // namespace

ImportReport importCsv(Storage &storage, const QString &path, const ImportOptions &o)
{
    ImportReport report;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        report.fatal = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return report;
    }
    CsvTable table;
    if (!readCsv(file.readAll(), o.encoding, &table, &report.fatal))
        return report;
    const QStringList &known = o.kind == ImportKind::Hcps ? kHcpColumns : kSalesColumns;
    const QStringList &required = o.kind == ImportKind::Hcps ? kHcpRequired : kSalesRequired;
    for (const QString &column : table.header) {
        if (!known.contains(column))
            report.warnings << QStringLiteral("unknown column '%1' is ignored").arg(column);
        if (table.header.count(column) > 1) {
            report.fatal = QStringLiteral("column '%1' appears twice in the header").arg(column);
            return report;
        }
    }
    for (const QString &column : required) {
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
            if (o.kind == ImportKind::Hcps)
                importer.hcps(rows);
            else
                importer.sales(rows);
            return report.errors.isEmpty() && !o.dryRun;
        },
        &error);
    if (!ok) {
        report.fatal = error;
        return report;
    }
    report.ok = report.errors.isEmpty();
    return report;
}

bool exportJsonl(Storage &storage, const QString &path, qint64 *count, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    *count = 0;
    const bool ok = storage.read(
        [&](StoreReader &r) {
            for (const Entity &e : Schema::instance().entities()) {
                r.scan(e.name, [&](const StoredRecord &rec) {
                    const QJsonObject line {{QStringLiteral("entity"), e.name},
                        {QStringLiteral("record"), encodeRecord(rec.record)}};
                    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
                    file.write("\n");
                    ++*count;
                });
            }
        },
        error);
    if (!ok)
        return false;
    if (!file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace rounds::server
