#include "common/import/csvreader.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringDecoder>

namespace rounds::import {

namespace {

bool decode(const QByteArray &bytes, const char *codec, QString *text)
{
    QStringDecoder decoder(codec, QStringDecoder::Flag::Stateless);
    if (!decoder.isValid())
        return false;
    *text = decoder.decode(bytes);
    return !decoder.hasError();
}

bool isPlainNumber(const QString &text)
{
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$"));
    return number.match(text).hasMatch();
}

// Whether a spreadsheet would run this cell (see csvCell); apostrophes before such a text count too,
// so the apostrophe the writer adds can always be told from one the cell had.
bool needsGuard(QStringView text)
{
    qsizetype i = 0;
    while (i < text.size() && text.at(i) == QLatin1Char('\''))
        ++i;
    if (i == text.size())
        return false;
    const QChar first = text.at(i);
    const bool trigger = first == QLatin1Char('=') || first == QLatin1Char('+') || first == QLatin1Char('-')
        || first == QLatin1Char('@') || first == QLatin1Char('\t') || first == QLatin1Char('\r');
    return trigger && !isPlainNumber(text.mid(i).toString());
}

// Undoes csvCell's apostrophe.
QString unguarded(const QString &field)
{
    if (field.startsWith(QLatin1Char('\'')) && needsGuard(QStringView(field).mid(1)))
        return field.mid(1);
    return field;
}

} // namespace

bool readCsv(const QByteArray &input, const QString &encoding, CsvTable *out, QString *error)
{
    QByteArray bytes = input;
    const bool bom = bytes.startsWith("\xEF\xBB\xBF");
    if (bom)
        bytes.remove(0, 3);
    QString text;
    if (encoding == QLatin1String("gbk")) {
        if (!decode(bytes, "GBK", &text)) {
            *error = QCoreApplication::translate("rounds::import", "the file is not valid GBK");
            return false;
        }
        out->encoding = QStringLiteral("gbk");
    } else if (encoding == QLatin1String("utf-8") || bom) {
        if (!decode(bytes, "UTF-8", &text)) {
            *error = QCoreApplication::translate("rounds::import", "the file is not valid UTF-8");
            return false;
        }
        out->encoding = QStringLiteral("utf-8");
    } else if (decode(bytes, "UTF-8", &text)) {
        out->encoding = QStringLiteral("utf-8");
    } else if (decode(bytes, "GBK", &text)) {
        out->encoding = QStringLiteral("gbk");
    } else {
        *error = QCoreApplication::translate("rounds::import", "the file is neither UTF-8 nor GBK");
        return false;
    }

    QList<QStringList> records;
    QList<int> lines;
    QStringList record;
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int recordLine = 1;
    const qsizetype n = text.size();
    auto endField = [&] {
        record << unguarded(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRecord = [&] {
        endField();
        const bool blank = record.size() == 1 && record.first().isEmpty();
        if (!blank) {
            records << record;
            lines << recordLine;
        }
        record.clear();
    };
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else if (c == QLatin1Char('\r')) {
                // A CRLF inside a quoted field becomes a plain newline, and so does a run of CRs that ends in
                // an LF ("\r\r\n"): a value then never holds a CR right before an LF, which is what lets
                // writeCsv's output read back the same (it writes values as they are).
                qsizetype j = i;
                while (j < n && text.at(j) == QLatin1Char('\r'))
                    ++j;
                if (j < n && text.at(j) == QLatin1Char('\n')) {
                    i = j - 1; // the LF is next
                    continue;
                }
                field += c;
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
            continue;
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        *error = QCoreApplication::translate("rounds::import", "line %1: a quoted field is not closed")
                     .arg(recordLine);
        return false;
    }
    if (fieldStarted || !record.isEmpty())
        endRecord();
    if (records.isEmpty()) {
        *error = QCoreApplication::translate("rounds::import", "the file is empty; it needs a header row");
        return false;
    }
    out->header.clear();
    for (QString h : records.first()) {
        // A byte-order mark is never part of a column name: one that is not at the very start of the file
        // (after a bare CR, say) would otherwise stay in the first name, and the file that writeCsv makes of
        // that header reads back without it (the decoder drops a BOM at the start).
        h.remove(QChar(QChar::ByteOrderMark));
        out->header << h.trimmed().toLower();
    }
    out->rows = records.mid(1);
    out->lines = lines.mid(1);
    return true;
}

QString csvCell(const QString &cell)
{
    const bool guard = needsGuard(cell);
    if (!guard && !cell.contains(QLatin1Char(',')) && !cell.contains(QLatin1Char('"'))
        && !cell.contains(QLatin1Char('\n')) && !cell.contains(QLatin1Char('\r')))
        return cell;
    QString quoted = cell;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + (guard ? QLatin1String("'") : QLatin1String()) + quoted + QLatin1Char('"');
}

QString csvRecord(const QStringList &cells)
{
    QString out;
    for (qsizetype i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += QLatin1Char(',');
        out += csvCell(cells.at(i));
    }
    return out + QLatin1String("\r\n");
}

QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows)
{
    QString text = csvRecord(header);
    for (const QStringList &row : rows)
        text += csvRecord(row);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace rounds::import
