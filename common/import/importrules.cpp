#include "common/import/importrules.h"

#include "common/import/csvreader.h"
#include "common/protocol/messages.h"
#include "common/protocol/values.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QJsonValue>
#include <QRegularExpression>

namespace rounds::import {

using namespace rounds::protocol;

namespace {

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

// Checks a value against the schema's field; the error names the CSV column.
bool check(const char *entity, const char *field, const QJsonValue &v, const QString &column, QString *error,
    QJsonValue *normalized = nullptr)
{
    const Entity *e = Schema::instance().entity(QString::fromLatin1(entity));
    const Field *f = e ? e->field(QString::fromLatin1(field)) : nullptr;
    if (!f) {
        *error = QCoreApplication::translate("rounds::import", "column '%1': no such field").arg(column);
        return false;
    }
    if (auto err = validateValue(*f, v, normalized)) {
        *error = QCoreApplication::translate("rounds::import", "column '%1': %2")
                     .arg(column, Messages::fieldError(*err));
        return false;
    }
    return true;
}

// One data line as column → trimmed text.
struct Cells
{
    QHash<QString, QString> cells;
    QString operator()(const char *column) const
    {
        return cells.value(QString::fromLatin1(column)).trimmed();
    }
};

class RowRules
{
public:
    RowRules(const Lookup &lookup, const QString &today)
        : m_lookup(lookup)
        , m_today(today)
    { }

    void hcp(const Cells &c, Row &row)
    {
        QString &error = row.error;
        const QString name = c("full_name");
        const QString institution = c("institution");
        QString gender = c("gender").toLower();
        if (gender == QStringLiteral("男") || gender == QLatin1String("m"))
            gender = QStringLiteral("male");
        else if (gender == QStringLiteral("女") || gender == QLatin1String("f"))
            gender = QStringLiteral("female");
        const QString tier = c("tier").toUpper();
        const QString territory = c("territory");
        const QString email = c("email");
        bool ok = check("hcp", "full_name", name, QStringLiteral("full_name"), &error)
            && check("institution", "name", institution, QStringLiteral("institution"), &error)
            && check("hcp", "gender", textOrNull(gender), QStringLiteral("gender"), &error)
            && check("hcp", "tier", textOrNull(tier), QStringLiteral("tier"), &error)
            && check("hcp", "specialty", textOrNull(c("specialty")), QStringLiteral("specialty"), &error)
            && check("hcp", "title", textOrNull(c("title")), QStringLiteral("title"), &error)
            && check("hcp", "phone", textOrNull(c("phone")), QStringLiteral("phone"), &error)
            && check("institution", "grade", textOrNull(c("institution_grade")),
                QStringLiteral("institution_grade"), &error)
            && check("institution", "province", textOrNull(c("province")), QStringLiteral("province"), &error)
            && check("institution", "city", textOrNull(c("city")), QStringLiteral("city"), &error)
            && (c("department").isEmpty()
                || check("department", "name", c("department"), QStringLiteral("department"), &error))
            && check("hcp", "email", textOrNull(email), QStringLiteral("email"), &error);
        if (ok && !email.isEmpty() && !email.contains(QLatin1Char('@'))) {
            ok = false;
            error = QCoreApplication::translate(
                "rounds::import", "column 'email': '%1' is not an e-mail address")
                        .arg(email);
        }
        const QString phone = c("phone");
        if (ok && !phone.isEmpty()) {
            static const QRegularExpression shape(QStringLiteral(R"(^\+?[0-9][0-9 ()\-]{4,30}$)"));
            if (!shape.match(phone).hasMatch()) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "column 'phone': '%1' is not a phone number")
                            .arg(phone);
            }
        }
        QString territoryId;
        if (ok && !territory.isEmpty()) {
            territoryId = m_lookup.territory ? m_lookup.territory(territory) : QString();
            if (territoryId.isEmpty()) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "column 'territory': no territory with code '%1'")
                            .arg(territory);
            }
        }
        row.values = QJsonObject {{QStringLiteral("full_name"), name},
            {QStringLiteral("gender"), textOrNull(gender)},
            {QStringLiteral("specialty"), textOrNull(c("specialty"))},
            {QStringLiteral("title"), textOrNull(c("title"))}, {QStringLiteral("institution"), institution},
            {QStringLiteral("institution_grade"), textOrNull(c("institution_grade"))},
            {QStringLiteral("province"), textOrNull(c("province"))},
            {QStringLiteral("city"), textOrNull(c("city"))},
            {QStringLiteral("department"), textOrNull(c("department"))},
            {QStringLiteral("tier"), textOrNull(tier)}, {QStringLiteral("phone"), textOrNull(phone)},
            {QStringLiteral("email"), textOrNull(email)},
            {QStringLiteral("territory"), textOrNull(territory)},
            {QStringLiteral("territory_id"), textOrNull(territoryId)}};
        if (!ok)
            return;
        const QString key = normalizedName(name) + QChar(0) + normalizedName(institution);
        if (const int first = m_seen.value(key)) {
            row.duplicateOfLine = first;
            error = QCoreApplication::translate(
                "rounds::import", "duplicate HCP: %1 at %2 is already on line %3")
                        .arg(name, institution)
                        .arg(first);
            return;
        }
        m_seen.insert(key, row.line);
        if (m_lookup.hcp)
            row.existingId = m_lookup.hcp(name, institution);
    }

    void alignment(const Cells &c, Row &row)
    {
        QString &error = row.error;
        const QString territory = c("territory");
        QString hcpId = c("hcp_id");
        const QString name = c("full_name");
        const QString institution = c("institution");
        QString from = c("valid_from");
        if (from.isEmpty())
            from = m_today;
        const QString to = c("valid_to");
        const QString targetText = c("target_calls_per_cycle");
        qint64 target = 0;
        bool ok = true;
        if (!targetText.isEmpty()) {
            target = targetText.toLongLong(&ok);
            if (!ok)
                error = QCoreApplication::translate(
                    "rounds::import", "column 'target_calls_per_cycle': '%1' is not a whole number")
                            .arg(targetText);
        }
        ok = ok && check("alignment", "valid_from", from, QStringLiteral("valid_from"), &error)
            && check("alignment", "valid_to", textOrNull(to), QStringLiteral("valid_to"), &error)
            && check("alignment", "target_calls_per_cycle", target, QStringLiteral("target_calls_per_cycle"),
                &error);
        if (ok && !to.isEmpty() && to < from) {
            ok = false;
            error = QCoreApplication::translate(
                "rounds::import", "column 'valid_to': %1 is before valid_from %2")
                        .arg(to, from);
        }
        QString territoryId;
        if (ok) {
            territoryId
                = territory.isEmpty() || !m_lookup.territory ? QString() : m_lookup.territory(territory);
            if (territory.isEmpty()) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "column 'territory': a territory code is required");
            } else if (territoryId.isEmpty()) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "column 'territory': no territory with code '%1'")
                            .arg(territory);
            }
        }
        if (ok && !hcpId.isEmpty()) {
            if (!isUuid(hcpId) || !m_lookup.hcpExists || !m_lookup.hcpExists(hcpId)) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "column 'hcp_id': no active HCP with id '%1'")
                            .arg(hcpId);
            }
        } else if (ok) {
            if (name.isEmpty() || institution.isEmpty()) {
                ok = false;
                error = QCoreApplication::translate(
                    "rounds::import", "columns 'full_name' and 'institution' (or 'hcp_id') name the HCP");
            } else {
                hcpId = m_lookup.hcp ? m_lookup.hcp(name, institution) : QString();
                if (hcpId.isEmpty()) {
                    ok = false;
                    error = QCoreApplication::translate("rounds::import", "no HCP named %1 at %2")
                                .arg(name, institution);
                }
            }
        }
        row.values = QJsonObject {{QStringLiteral("territory"), territory},
            {QStringLiteral("territory_id"), textOrNull(territoryId)},
            {QStringLiteral("hcp_id"), textOrNull(hcpId)}, {QStringLiteral("full_name"), textOrNull(name)},
            {QStringLiteral("institution"), textOrNull(institution)}, {QStringLiteral("valid_from"), from},
            {QStringLiteral("valid_to"), textOrNull(to)}, {QStringLiteral("target_calls_per_cycle"), target}};
        if (!ok)
            return;
        const QString key = territoryId + QChar(0) + hcpId;
        if (const int first = m_seen.value(key)) {
            row.duplicateOfLine = first;
            error = QCoreApplication::translate(
                "rounds::import", "duplicate alignment: the HCP is aligned to %1 on line %2 already")
                        .arg(territory)
                        .arg(first);
            return;
        }
        m_seen.insert(key, row.line);
        if (m_lookup.alignment)
            row.existingId = m_lookup.alignment(territoryId, hcpId);
    }

private:
    const Lookup &m_lookup;
    QString m_today;
    QHash<QString, int> m_seen; // duplicate key → first line
};

QString cell(const QJsonValue &v)
{
    if (v.isDouble())
        return QString::number(v.toInteger());
    return v.toString();
}

} // namespace

const QStringList &hcpColumns()
{
    static const QStringList columns {QStringLiteral("full_name"), QStringLiteral("gender"),
        QStringLiteral("specialty"), QStringLiteral("title"), QStringLiteral("institution"),
        QStringLiteral("institution_grade"), QStringLiteral("province"), QStringLiteral("city"),
        QStringLiteral("department"), QStringLiteral("tier"), QStringLiteral("phone"),
        QStringLiteral("email"), QStringLiteral("territory")};
    return columns;
}

const QStringList &alignmentColumns()
{
    static const QStringList columns {QStringLiteral("territory"), QStringLiteral("hcp_id"),
        QStringLiteral("full_name"), QStringLiteral("institution"), QStringLiteral("valid_from"),
        QStringLiteral("valid_to"), QStringLiteral("target_calls_per_cycle")};
    return columns;
}

QStringList requiredColumns(Kind kind)
{
    if (kind == Kind::Hcps)
        return {QStringLiteral("full_name"), QStringLiteral("institution")};
    return {QStringLiteral("territory")};
}

bool Preview::ok() const
{
    return fatal.isEmpty() && invalidCount() == 0;
}

QStringList Preview::errors() const
{
    QStringList out;
    for (const Row &r : rows) {
        if (!r.error.isEmpty())
            out << QCoreApplication::translate("rounds::import", "line %1: %2").arg(r.line).arg(r.error);
    }
    return out;
}

int Preview::invalidCount() const
{
    int n = 0;
    for (const Row &r : rows)
        n += r.valid() ? 0 : 1;
    return n;
}

int Preview::existingCount() const
{
    int n = 0;
    for (const Row &r : rows)
        n += r.valid() && !r.existingId.isEmpty() ? 1 : 0;
    return n;
}

int Preview::applyCount() const
{
    int n = 0;
    for (const Row &r : rows)
        n += r.applies() ? 1 : 0;
    return n;
}

Preview parse(
    Kind kind, const QByteArray &bytes, const QString &encoding, const Lookup &lookup, const QString &today)
{
    Preview p;
    CsvTable table;
    if (!readCsv(bytes, encoding, &table, &p.fatal))
        return p;
    p.encoding = table.encoding;
    p.header = table.header;
    const QStringList &known = kind == Kind::Hcps ? hcpColumns() : alignmentColumns();
    for (const QString &column : table.header) {
        if (table.header.count(column) > 1) {
            p.fatal = QCoreApplication::translate("rounds::import", "column '%1' appears twice in the header")
                          .arg(column);
            return p;
        }
        if (!known.contains(column))
            p.warnings << QCoreApplication::translate("rounds::import", "unknown column '%1' is ignored")
                              .arg(column);
    }
    for (const QString &column : requiredColumns(kind)) {
        if (!table.header.contains(column)) {
            p.fatal = QCoreApplication::translate("rounds::import", "the header lacks the column '%1'")
                          .arg(column);
            return p;
        }
    }
    if (kind == Kind::Alignments && !table.header.contains(QLatin1String("hcp_id"))
        && !(table.header.contains(QLatin1String("full_name"))
            && table.header.contains(QLatin1String("institution")))) {
        p.fatal = QCoreApplication::translate("rounds::import",
            "the header needs the column 'hcp_id' or the columns 'full_name' and 'institution'");
        return p;
    }
    RowRules rules(
        lookup, today.isEmpty() ? QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate) : today);
    for (qsizetype i = 0; i < table.rows.size(); ++i) {
        const QStringList &cells = table.rows.at(i);
        Row row;
        row.line = table.lines.at(i);
        if (cells.size() != table.header.size()) {
            row.error = QStringLiteral("%1 fields where the header has %2")
                            .arg(cells.size())
                            .arg(table.header.size());
            p.rows << row;
            continue;
        }
        Cells c;
        for (qsizetype k = 0; k < cells.size(); ++k)
            c.cells.insert(table.header.at(k), cells.at(k));
        if (kind == Kind::Hcps)
            rules.hcp(c, row);
        else
            rules.alignment(c, row);
        p.rows << row;
    }
    return p;
}

QString normalizedName(const QString &name)
{
    const QString compat = name.normalized(QString::NormalizationForm_KC);
    QString out;
    out.reserve(compat.size());
    for (const QChar ch : compat) {
        if (!ch.isSpace())
            out += ch;
    }
    return out.toCaseFolded();
}

QByteArray exportCsv(Kind kind, const QList<QJsonObject> &values)
{
    const QStringList &columns = kind == Kind::Hcps ? hcpColumns() : alignmentColumns();
    QList<QStringList> rows;
    rows.reserve(values.size());
    for (const QJsonObject &v : values) {
        QStringList row;
        for (const QString &column : columns)
            row << cell(v.value(column));
        rows << row;
    }
    return writeCsv(columns, rows);
}

} // namespace rounds::import
