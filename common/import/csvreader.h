#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace rounds::import {

// A CSV file as read: the header and the rows, each with the line number it starts on (1 = header).
struct CsvTable
{
    QStringList header;
    QList<QStringList> rows;
    QList<int> lines;
    QString encoding; // what the bytes were read as: utf-8 or gbk
};

// Reads RFC 4180 CSV: a header row, quoted fields with commas, quotes ("") and newlines, LF or CRLF.
// `encoding` is auto (UTF-8 with or without BOM when the bytes are valid UTF-8, else GBK), utf-8 or gbk.
bool readCsv(const QByteArray &bytes, const QString &encoding, CsvTable *out, QString *error);

// Writes CSV the reader reads back: UTF-8 with a BOM (so spreadsheet programs see Chinese), CRLF,
// fields quoted when they hold a comma, quote or line break, text cells neutralised (csvCell).
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows);

// One CSV line (cells joined by commas, CRLF at the end) for writers whose files hold several
// sections, such as the meeting report. Every CSV the client writes goes through this.
QString csvRecord(const QStringList &cells);

// One cell as written. A text cell a spreadsheet would run as a formula (its first character is =, +,
// -, @, tab or carriage return) is written quoted with a leading apostrophe, as OWASP advises against
// CSV injection: "=1+2" becomes "'=1+2". A plain decimal number (-12.50, 3, -1e+06) stays as it is,
// so negative amounts remain numbers. A cell that is an apostrophe before such a text gets one more
// apostrophe, and readCsv removes exactly one, so what the writer writes reads back unchanged.
QString csvCell(const QString &cell);

} // namespace rounds::import
