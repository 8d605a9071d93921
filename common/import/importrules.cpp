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

// Collects the problems of one row: each names its column, and Row::error joins them all.
class Issues
{
public:
    explicit Issues(Row &row)
        : m_row(row)
    { }
    void add(const QString &column, const QString &message)
    {
        m_row.issues << Issue {column, message};
        m_row.error = m_row.error.isEmpty() ? message : m_row.error + QStringLiteral("; ") + message;
    }
    bool check(const char *entity, const char *field, const QJsonValue &v, const QString &column)
    {
        QString error;
        if (import::check(entity, field, v, column, &error))
            return true;
        add(column, error);
        return false;
    }

private:
    Row &m_row;
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
        Issues issues(row);
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
        const QString phone = c("phone");
        // Every cell is checked, so the preview shows all the problems of a row at once.
        issues.check("hcp", "full_name", name, QStringLiteral("full_name"));
        issues.check("institution", "name", institution, QStringLiteral("institution"));
        issues.check("hcp", "gender", textOrNull(gender), QStringLiteral("gender"));
        issues.check("hcp", "tier", textOrNull(tier), QStringLiteral("tier"));
        issues.check("hcp", "specialty", textOrNull(c("specialty")), QStringLiteral("specialty"));
        issues.check("hcp", "title", textOrNull(c("title")), QStringLiteral("title"));
        const bool phoneOk = issues.check("hcp", "phone", textOrNull(phone), QStringLiteral("phone"));
        issues.check(
            "institution", "grade", textOrNull(c("institution_grade")), QStringLiteral("institution_grade"));
        issues.check("institution", "province", textOrNull(c("province")), QStringLiteral("province"));
        issues.check("institution", "city", textOrNull(c("city")), QStringLiteral("city"));
        if (!c("department").isEmpty())
            issues.check("department", "name", c("department"), QStringLiteral("department"));
        const bool emailOk = issues.check("hcp", "email", textOrNull(email), QStringLiteral("email"));
        if (emailOk && !email.isEmpty() && !email.contains(QLatin1Char('@')))
            issues.add(QStringLiteral("email"),
                QCoreApplication::translate("rounds::import", "column 'email': '%1' is not an e-mail address")
                    .arg(email));
        if (phoneOk && !phone.isEmpty()) {
            static const QRegularExpression shape(QStringLiteral(R"(^\+?[0-9][0-9 ()\-]{4,30}$)"));
            if (!shape.match(phone).hasMatch())
                issues.add(QStringLiteral("phone"),
                    QCoreApplication::translate(
                        "rounds::import", "column 'phone': '%1' is not a phone number")
                        .arg(phone));
        }
        QString territoryId;
        if (!territory.isEmpty()) {
            territoryId = m_lookup.territory ? m_lookup.territory(territory) : QString();
            if (territoryId.isEmpty())
                issues.add(QStringLiteral("territory"),
                    QCoreApplication::translate(
                        "rounds::import", "column 'territory': no territory with code '%1'")
                        .arg(territory));
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
        if (!row.issues.isEmpty())
            return;
        const QString key = normalizedName(name) + QChar(0) + normalizedName(institution);
        if (const int first = m_seen.value(key)) {
            row.duplicateOfLine = first;
            issues.add(QStringLiteral("full_name"),
                QCoreApplication::translate("rounds::import", "duplicate HCP: %1 at %2 is already on line %3")
                    .arg(name, institution)
                    .arg(first));
            return;
        }
        m_seen.insert(key, row.line);
        if (m_lookup.hcp)
            row.existingId = m_lookup.hcp(name, institution);
    }

    void alignment(const Cells &c, Row &row)
    {
        Issues issues(row);
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
        bool targetOk = true;
        if (!targetText.isEmpty()) {
            target = targetText.toLongLong(&targetOk);
            if (!targetOk)
                issues.add(QStringLiteral("target_calls_per_cycle"),
                    QCoreApplication::translate(
                        "rounds::import", "column 'target_calls_per_cycle': '%1' is not a whole number")
                        .arg(targetText));
        }
        const bool fromOk = issues.check("alignment", "valid_from", from, QStringLiteral("valid_from"));
        const bool toOk = issues.check("alignment", "valid_to", textOrNull(to), QStringLiteral("valid_to"));
        if (targetOk)
            issues.check(
                "alignment", "target_calls_per_cycle", target, QStringLiteral("target_calls_per_cycle"));
        if (fromOk && toOk && !to.isEmpty() && to < from)
            issues.add(QStringLiteral("valid_to"),
                QCoreApplication::translate("rounds::import", "column 'valid_to': %1 is before valid_from %2")
                    .arg(to, from));
        const QString territoryId
            = territory.isEmpty() || !m_lookup.territory ? QString() : m_lookup.territory(territory);
        if (territory.isEmpty())
            issues.add(QStringLiteral("territory"),
                QCoreApplication::translate(
                    "rounds::import", "column 'territory': a territory code is required"));
        else if (territoryId.isEmpty())
            issues.add(QStringLiteral("territory"),
                QCoreApplication::translate(
                    "rounds::import", "column 'territory': no territory with code '%1'")
                    .arg(territory));
        if (!hcpId.isEmpty()) {
            if (!isUuid(hcpId) || !m_lookup.hcpExists || !m_lookup.hcpExists(hcpId))
                issues.add(QStringLiteral("hcp_id"),
                    QCoreApplication::translate(
                        "rounds::import", "column 'hcp_id': no active HCP with id '%1'")
                        .arg(hcpId));
        } else if (name.isEmpty() || institution.isEmpty()) {
            issues.add(name.isEmpty() ? QStringLiteral("full_name") : QStringLiteral("institution"),
                QCoreApplication::translate(
                    "rounds::import", "columns 'full_name' and 'institution' (or 'hcp_id') name the HCP"));
        } else {
            hcpId = m_lookup.hcp ? m_lookup.hcp(name, institution) : QString();
            if (hcpId.isEmpty())
                issues.add(QStringLiteral("full_name"),
                    QCoreApplication::translate("rounds::import", "no HCP named %1 at %2")
                        .arg(name, institution));
        }
        row.values = QJsonObject {{QStringLiteral("territory"), territory},
            {QStringLiteral("territory_id"), textOrNull(territoryId)},
            {QStringLiteral("hcp_id"), textOrNull(hcpId)}, {QStringLiteral("full_name"), textOrNull(name)},
            {QStringLiteral("institution"), textOrNull(institution)}, {QStringLiteral("valid_from"), from},
            {QStringLiteral("valid_to"), textOrNull(to)}, {QStringLiteral("target_calls_per_cycle"), target}};
        if (!row.issues.isEmpty())
            return;
        const QString key = territoryId + QChar(0) + hcpId;
        if (const int first = m_seen.value(key)) {
            row.duplicateOfLine = first;
            issues.add(QStringLiteral("territory"),
                QCoreApplication::translate(
                    "rounds::import", "duplicate alignment: the HCP is aligned to %1 on line %2 already")
                    .arg(territory)
                    .arg(first));
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
            Issues(row).add(QString(),
                QStringLiteral("%1 fields where the header has %2")
                    .arg(cells.size())
                    .arg(table.header.size()));
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

QList<ColumnHelp> columnHelp(Kind kind)
{
    auto t = [](const char *text) { return QCoreApplication::translate("rounds::import", text); };
    if (kind == Kind::Hcps)
        return {{QStringLiteral("full_name"), true,
                    t(QT_TRANSLATE_NOOP("rounds::import", "The HCP's full name."))},
            {QStringLiteral("gender"), false,
                t(QT_TRANSLATE_NOOP(
                    "rounds::import", "male, female, other or unknown (男, 女, M and F are accepted)."))},
            {QStringLiteral("specialty"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "The specialty, e.g. 心内科."))},
            {QStringLiteral("title"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "The professional title."))},
            {QStringLiteral("institution"), true,
                t(QT_TRANSLATE_NOOP(
                    "rounds::import", "The institution's name; a new name creates the institution."))},
            {QStringLiteral("institution_grade"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "The grade of a new institution, e.g. 三级甲等."))},
            {QStringLiteral("province"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "The province of a new institution."))},
            {QStringLiteral("city"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "The city of a new institution."))},
            {QStringLiteral("department"), false,
                t(QT_TRANSLATE_NOOP("rounds::import",
                    "The department at the institution; a new name creates the department."))},
            {QStringLiteral("tier"), false,
                t(QT_TRANSLATE_NOOP("rounds::import", "A, B, C or D (any case)."))},
            {QStringLiteral("phone"), false,
                t(QT_TRANSLATE_NOOP(
                    "rounds::import", "Digits, spaces, brackets and dashes, with an optional leading +."))},
            {QStringLiteral("email"), false, t(QT_TRANSLATE_NOOP("rounds::import", "An e-mail address."))},
            {QStringLiteral("territory"), false,
                t(QT_TRANSLATE_NOOP("rounds::import",
                    "The code of a territory (not a district or region): the HCP is aligned to it."))}};
    return {
        {QStringLiteral("territory"), true,
            t(QT_TRANSLATE_NOOP("rounds::import", "The code of a territory (not a district or region)."))},
        {QStringLiteral("hcp_id"), false,
            t(QT_TRANSLATE_NOOP("rounds::import",
                "The HCP's id; leave it empty to name the HCP by full_name and institution."))},
        {QStringLiteral("full_name"), false,
            t(QT_TRANSLATE_NOOP("rounds::import", "The HCP's full name (when hcp_id is empty)."))},
        {QStringLiteral("institution"), false,
            t(QT_TRANSLATE_NOOP("rounds::import", "The HCP's institution (when hcp_id is empty)."))},
        {QStringLiteral("valid_from"), false,
            t(QT_TRANSLATE_NOOP("rounds::import",
                "The first day of the alignment, YYYY-MM-DD (four-digit year); empty: today."))},
        {QStringLiteral("valid_to"), false,
            t(QT_TRANSLATE_NOOP(
                "rounds::import", "The last day, YYYY-MM-DD, not before valid_from; empty: open-ended."))},
        {QStringLiteral("target_calls_per_cycle"), false,
            t(QT_TRANSLATE_NOOP("rounds::import", "Calls per cycle, a whole number 0-1000; empty: 0."))}};
}

QByteArray templateCsv(Kind kind)
{
    return writeCsv(kind == Kind::Hcps ? hcpColumns() : alignmentColumns(), {});
}

QByteArray templateReadme(Kind kind)
{
    QString text = kind == Kind::Hcps
        ? QCoreApplication::translate("rounds::import", "HCP import file: the columns")
        : QCoreApplication::translate("rounds::import", "Alignment import file: the columns");
    text += QStringLiteral("\n\n");
    text += QCoreApplication::translate("rounds::import",
        "Fill one row per record under the header of the CSV template and keep the header as it is. Save "
        "as CSV in UTF-8 or GBK. Columns may be left out unless required; empty cells are empty values.");
    text += QStringLiteral("\n\n");
    for (const ColumnHelp &h : columnHelp(kind)) {
        text += h.column;
        if (h.required)
            text += QStringLiteral(" (") + QCoreApplication::translate("rounds::import", "required")
                + QLatin1Char(')');
        text += QStringLiteral("\n    ") + h.text + QLatin1Char('\n');
    }
    if (kind == Kind::Alignments)
        text += QStringLiteral("\n")
            + QCoreApplication::translate(
                "rounds::import", "Each row needs hcp_id, or both full_name and institution.")
            + QLatin1Char('\n');
    return text.toUtf8();
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
