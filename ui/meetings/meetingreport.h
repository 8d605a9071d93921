#pragma once

#include "models/meetingrepository.h"

#include <QCoreApplication>
#include <QImage>
#include <QString>

class QWidget;

namespace rounds {

class Store;

// Reports for transparency and review: one meeting (attendees, speakers, spend by category against the
// budget, the rules it breaks) and one HCP (transfers of value of a year, meeting by meeting). CSV is
// UTF-8 with a byte-order mark so Excel opens the Chinese text; PDF is QTextDocument HTML printed by
// QPdfWriter, in a CJK-capable font (WenQuanYi Micro Hei) whenever the text holds Chinese.
class MeetingReport final
{
    Q_DECLARE_TR_FUNCTIONS(MeetingReport)
public:
    static QString meetingHtml(Store *store, const MeetingDraft &meeting, const compliance::Config &config);
    static QString meetingCsv(Store *store, const MeetingDraft &meeting, const compliance::Config &config);
    static QString hcpHtml(Store *store, const QString &hcpId, int year);
    static QString hcpCsv(Store *store, const QString &hcpId, int year);

    // CSV text to a file with a UTF-8 BOM; HTML to an A4 PDF. False with `error` when the file failed.
    static bool writeCsv(const QString &csv, const QString &path, QString *error);
    static bool writePdf(const QString &html, const QString &path, QString *error);
    // The first page of the PDF as an image, laid out the same way (for review and tests).
    static QImage renderFirstPage(const QString &html, int dpi = 100);
};

// The report button of the editor: asks where to save (.pdf or .csv) and writes it.
void exportMeetingReport(
    QWidget *parent, Store *store, const MeetingDraft &meeting, const compliance::Config &config);
// The same for one HCP's transfers of value in `year`.
void exportHcpReport(QWidget *parent, Store *store, const QString &hcpId, int year);

} // namespace rounds
