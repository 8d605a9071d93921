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
// fields quoted when they hold a comma, quote or line break.
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows);

} // namespace rounds::import
