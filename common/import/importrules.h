#pragma once

// The row rules of HCP and alignment CSV files, shared by `rounds-server import` and the client's import
// preview, so both accept and refuse exactly the same rows. Nothing here touches storage: parse() reads
// the bytes, checks every row against the entity schema and the caller's lookups, and returns one Row
// per data line (its line number, its normalized values, an error or the duplicate it is). The caller
// applies the valid rows (all or nothing: apply only when Preview::ok()).
//
//   import::Lookup lookup;
//   lookup.territory = [&](const QString &code) { return leafIdByCode.value(code); };
//   lookup.hcp = [&](const QString &name, const QString &institution) { return ...; };
//   const import::Preview p = import::parse(import::Kind::Hcps, bytes, QStringLiteral("auto"), lookup);
//   if (!p.fatal.isEmpty())   → the file as a whole is unusable (encoding, header); show p.fatal
//   for (const import::Row &r : p.rows)
//       r.error non-empty     → invalid (p.errors() has "line N: column 'x': reason" for each);
//                               r.issues has every problem of the row, each with its column
//       r.duplicateOfLine > 0 → repeats an earlier row of the file (also an error)
//       !r.existingId.isEmpty → the record exists already: not an error, skipped when applying
//       r.applies()           → will be created from r.values
//
// HCP files: columns hcpColumns(); full_name and institution are required. Values: full_name, gender
// (male/female/other/unknown; 男/女/M/F accepted), specialty, title, institution, institution_grade,
// province, city, department, tier (A-D, any case), phone, email, territory (a leaf code; the resolved id
// is in territory_id). Empty cells are null.
// Alignment files: columns alignmentColumns(); territory is required, and the HCP is named either by
// hcp_id or by full_name + institution. Values: territory, territory_id, hcp_id, valid_from (a date;
// empty = today), valid_to (null or a date not before valid_from), target_calls_per_cycle (0-1000,
// empty = 0).
// Duplicates: two HCP rows with the same normalizedName() of name and institution; two alignment rows of
// the same HCP and territory. Against stored records: whatever the caller's lookups answer.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace rounds::import {

enum class Kind { Hcps, Alignments };

const QStringList &hcpColumns(); // in export order
const QStringList &alignmentColumns(); // in export order
QStringList requiredColumns(Kind kind);

// What the caller knows about stored records. Unset functions answer "unknown" (empty / false).
struct Lookup
{
    // A leaf territory's id by its code, or empty.
    std::function<QString(const QString &code)> territory;
    // The id of a live HCP with this name at the institution of this name (compare with
    // normalizedName()), or empty.
    std::function<QString(const QString &fullName, const QString &institution)> hcp;
    // Whether a live, not merged HCP has this id (alignment files naming HCPs by id).
    std::function<bool(const QString &id)> hcpExists;
    // The id of a live alignment of this HCP to this territory that is current or future, or empty.
    std::function<QString(const QString &territoryId, const QString &hcpId)> alignment;
};

// One problem of a row: the column it is in (empty: the row as a whole) and what is wrong.
struct Issue
{
    QString column;
    QString message;
};

struct Row
{
    int line = 0; // where the row starts in the file (the header is line 1)
    QJsonObject values; // normalized, see above
    QString error; // empty when the row is valid; else every message of `issues`, joined by "; "
    QList<Issue> issues; // every problem of the row, each naming its column
    int duplicateOfLine = 0; // an earlier row of the file this one repeats (then error is set too)
    QString existingId; // a stored record this row describes already

    bool valid() const { return error.isEmpty(); }
    bool applies() const { return error.isEmpty() && existingId.isEmpty(); }
};

struct Preview
{
    QString fatal; // the file as a whole cannot be used
    QString encoding; // utf-8 or gbk
    QStringList header;
    QStringList warnings; // unknown columns
    QList<Row> rows;

    bool ok() const; // no fatal problem and no invalid row: safe to apply
    QStringList errors() const; // "line N: reason" for each invalid row
    int invalidCount() const;
    int existingCount() const;
    int applyCount() const;
};

// Parses and checks a whole file. `encoding` is auto, utf-8 or gbk (see readCsv). `today` (YYYY-MM-DD,
// default the UTC date) fills an empty valid_from.
Preview parse(Kind kind, const QByteArray &bytes, const QString &encoding, const Lookup &lookup,
    const QString &today = {});

// One column of a file, as the template explains it.
struct ColumnHelp
{
    QString column;
    bool required = false;
    QString text; // what goes in it (translated)
};
QList<ColumnHelp> columnHelp(Kind kind);

// The template of a file of `kind`: the header row alone, as exportCsv writes it (UTF-8 with BOM), so
// a copy filled with valid rows imports unchanged; the columns are explained by templateReadme().
QByteArray templateCsv(Kind kind);
// Plain text (UTF-8) explaining each column of templateCsv(): required or not, values, formats.
QByteArray templateReadme(Kind kind);

// Names compared for duplicates: Unicode compatibility form (full-width letters and digits become
// ASCII), no white space of any width, case-folded. "王 伟", "王伟" and "王　伟" are equal.
QString normalizedName(const QString &name);

// The same shape back as CSV (UTF-8 with BOM): one line per object of `values`, columns of `kind`;
// null and missing values are empty cells.
QByteArray exportCsv(Kind kind, const QList<QJsonObject> &values);

} // namespace rounds::import
