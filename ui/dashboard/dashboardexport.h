#pragma once

#include "models/kpis.h"

#include <QDateTime>
#include <QList>
#include <QRect>

class QWidget;

namespace rounds {

// What the heading of a dashboard report says: whose numbers, of when, for whom, made when.
struct DashboardReportHeading
{
    QString title;
    QString scope;
    QString period; // the period's label and dates, and whether it has ended
    QString user; // display name
    QDateTime exportedAt; // local
};

// The dashboard out of the application: the picture as PNG or a PDF report, the tables as CSV (UTF-8
// with a byte-order mark, so Excel reads the Chinese text). Its words belong to DashboardView.
class DashboardExport final
{
public:
    // `content` as a picture (PNG).
    static bool png(QWidget *content, const QString &file, QString *error);
    // An A4 landscape PDF: the heading, then the `blocks` of `content` (rectangles in its coordinates,
    // top to bottom: the tiles, each row of charts) scaled to the page's width, a page broken only
    // between blocks, and "page n of m" under each page.
    static bool pdf(const DashboardReportHeading &heading, QWidget *content, const QList<QRect> &blocks,
        const QString &file, QString *error);
    // One KPI table (KpiTable::id) of `result`.
    static bool csv(const KpiResult &result, const QString &tableId, const QString &file, QString *error);
    // Every table as <id>.csv in `folder`.
    static bool allCsv(const KpiResult &result, const QString &folder, QString *error);
    // "2026/12/7 20:41 UTC+08:00": the local time in the locale's short format, with its offset from UTC.
    static QString localTimeWithZone(const QDateTime &time);
};

} // namespace rounds
