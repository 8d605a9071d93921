#include "ui/meetings/meetingreport.h"

#include "common/import/csvreader.h"
#include "models/hcpqueries.h"
#include "models/meetingqueries.h"
#include "models/store.h"
#include "ui/common/labels.h"
#include "ui/common/prompter.h"
#include "ui/meetings/meetingwords.h"

#include <QAbstractTextDocumentLayout>
#include <QFile>
#include <QFileInfo>
#include <QFont>
#include <QMap>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

#include <functional>

namespace rounds {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString csvLine(const QStringList &fields)
{
    return import::csvRecord(fields);
}

QString plainMoney(qint64 minor)
{
    return QString::number(double(minor) / 100.0, 'f', 2);
}

bool hasCjk(const QString &text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x2E80 && c.unicode() <= 0x9FFF)
            return true;
    }
    return false;
}

QFont reportFont(const QString &html)
{
    QFont font;
    if (hasCjk(html) || QLocale().language() == QLocale::Chinese)
        font.setFamilies({QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC")});
    else
        font.setFamilies({QStringLiteral("DejaVu Sans"), QStringLiteral("WenQuanYi Micro Hei")});
    font.setPointSizeF(9.5);
    return font;
}

const char *kStyle = "<style>h1{font-size:15pt;margin:0} h2{font-size:11.5pt;margin-top:14px} "
                     "table{border-collapse:collapse} th{background:#e8eef7;text-align:left} "
                     "td,th{padding:3px 6px;border:1px solid #b8c2cc} .num{text-align:right} "
                     ".block{color:#c0392b} .warn{color:#b9770e} .muted{color:#666}</style>";

// Asks where to save (.pdf or .csv) and writes the report in the chosen form: `csv` or `html` is
// only built for the form chosen. Says so when the file could not be written.
void exportReport(QWidget *parent, const QString &suggestedName, const std::function<QString()> &csv,
    const std::function<QString()> &html)
{
    const std::optional<QString> path
        = Prompter::instance().askSaveFile(parent, MeetingReport::tr("Export report"), suggestedName,
            MeetingReport::tr("PDF (*.pdf);;CSV for Excel (*.csv)"));
    if (!path)
        return;
    QString error;
    const bool ok = path->endsWith(QLatin1String(".csv"), Qt::CaseInsensitive)
        ? MeetingReport::writeCsv(csv(), *path, &error)
        : MeetingReport::writePdf(html(), *path, &error);
    if (!ok)
        Prompter::instance().inform(parent, MeetingReport::tr("Export report"),
            MeetingReport::tr("The report was not written: %1").arg(error));
}

} // namespace

QString MeetingReport::meetingHtml(Store *store, const MeetingDraft &m, const compliance::Config &config)
{
    const QJsonObject &f = m.fields;
    const compliance::MeetingFacts facts = meetings::facts(store, m);
    QString h = QString::fromLatin1(kStyle);
    h += QStringLiteral("<h1>%1</h1>").arg(esc(f.value(QLatin1String("title")).toString()));
    h += QStringLiteral("<p class='muted'>%1 · %2 · %3 · %4<br/>%5: %6 · %7: %8</p>")
             .arg(esc(MeetingWords::kind(f.value(QLatin1String("kind")).toString())),
                 esc(Labels::localDateTime(f.value(QLatin1String("starts_at")).toString())),
                 esc(f.value(QLatin1String("venue")).toString()), esc(Labels::meetingStatus(m.status())),
                 esc(tr("Territory")),
                 esc(meetings::territoryName(store, f.value(QLatin1String("territory_id")).toString())),
                 esc(tr("Owner")),
                 esc(meetings::userName(store, f.value(QLatin1String("owner_id")).toString())));

    h += QStringLiteral("<h2>%1</h2><table width='100%'><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th>"
                        "<th class='num'>%6</th><th>%7</th></tr>")
             .arg(esc(tr("Attendees and speakers")), esc(tr("Name")), esc(tr("Who")), esc(tr("Tier")),
                 esc(tr("Role")), esc(tr("Fee")), esc(tr("Signed in")));
    for (const MeetingAttendeeRow &a : m.attendees) {
        h += QStringLiteral(
            "<tr><td>%1</td><td>%2</td><td>%3</td><td>%4</td><td class='num'>%5</td><td>%6</td></tr>")
                 .arg(esc(a.name), esc(MeetingWords::attendeeKind(a.kind)), esc(a.tier),
                     esc(MeetingWords::role(a.role)), esc(MeetingWords::money(a.feeMinor)),
                     a.signedIn ? tr("yes") : tr("no"));
    }
    h += QStringLiteral("</table>");

    QMap<QString, qint64> byCategory;
    qint64 total = 0;
    for (const MeetingExpenseRow &e : m.expenses) {
        byCategory[e.category] += e.amountMinor;
        total += e.amountMinor;
    }
    const qint64 budget = qint64(f.value(QLatin1String("budget_minor")).toDouble());
    h += QStringLiteral("<h2>%1</h2><table><tr><th>%2</th><th class='num'>%3</th></tr>")
             .arg(esc(tr("Spend by category")), esc(tr("Category")), esc(tr("Amount")));
    for (auto it = byCategory.begin(); it != byCategory.end(); ++it)
        h += QStringLiteral("<tr><td>%1</td><td class='num'>%2</td></tr>")
                 .arg(esc(MeetingWords::category(it.key())), esc(MeetingWords::money(it.value())));
    h += QStringLiteral(
        "<tr><th>%1</th><th class='num'>%2</th></tr><tr><td>%3</td><td class='num'>%4</td></tr>"
        "<tr><td>%5</td><td class='num'>%6</td></tr></table>")
             .arg(esc(tr("Total")), esc(MeetingWords::money(total)), esc(tr("Budget")),
                 esc(MeetingWords::money(budget)), esc(tr("Spend counted by the budget rule")),
                 esc(MeetingWords::money(compliance::spend(facts))));

    h += QStringLiteral(
        "<h2>%1</h2><table width='100%'><tr><th>%2</th><th>%3</th><th>%4</th><th>%5</th></tr>")
             .arg(esc(tr("Expenses")), esc(tr("Category")), esc(tr("Amount")), esc(tr("Status")),
                 esc(tr("Evidence")));
    for (const MeetingExpenseRow &e : m.expenses) {
        const QString hash = evidence::hashOf(e.evidence);
        h += QStringLiteral("<tr><td>%1</td><td class='num'>%2</td><td>%3</td><td>%4</td></tr>")
                 .arg(esc(MeetingWords::category(e.category)), esc(MeetingWords::money(e.amountMinor)),
                     esc(MeetingWords::expenseStatus(e.status)),
                     e.evidence.isEmpty()
                         ? QStringLiteral("<span class='block'>%1</span>").arg(esc(tr("missing")))
                         : esc(evidence::nameOf(e.evidence))
                             + (hash.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" <span class='muted'>%1…</span>").arg(hash.left(12))));
    }
    h += QStringLiteral("</table>");

    h += QStringLiteral("<h2>%1</h2>").arg(esc(tr("Compliance")));
    const QList<compliance::Violation> vs = compliance::evaluate(config, facts);
    if (vs.isEmpty())
        h += QStringLiteral("<p>%1</p>").arg(esc(tr("No rule is broken.")));
    for (const compliance::Violation &v : vs) {
        const bool block = v.severity == compliance::Severity::Block;
        h += QStringLiteral("<p class='%1'><b>%2 · %3</b><br/>%4</p>")
                 .arg(block ? QStringLiteral("block") : QStringLiteral("warn"),
                     esc(MeetingWords::severity(block)), esc(compliance::ruleTitle(v.rule)),
                     esc(MeetingWords::describe(v)));
    }
    return h;
}

QString MeetingReport::meetingCsv(Store *store, const MeetingDraft &m, const compliance::Config &config)
{
    const QJsonObject &f = m.fields;
    QString csv;
    csv += csvLine({tr("Meeting"), f.value(QLatin1String("title")).toString()});
    csv += csvLine({tr("Starts at"), f.value(QLatin1String("starts_at")).toString()});
    csv += csvLine({tr("Status"), Labels::meetingStatus(m.status())});
    csv += csvLine(
        {tr("Budget (CNY)"), plainMoney(qint64(f.value(QLatin1String("budget_minor")).toDouble()))});
    csv += QStringLiteral("\r\n");
    csv += csvLine(
        {tr("Section"), tr("Name"), tr("Who"), tr("Tier"), tr("Role"), tr("Fee (CNY)"), tr("Signed in")});
    for (const MeetingAttendeeRow &a : m.attendees)
        csv += csvLine({tr("Attendee"), a.name, MeetingWords::attendeeKind(a.kind), a.tier,
            MeetingWords::role(a.role), plainMoney(a.feeMinor), a.signedIn ? tr("yes") : tr("no")});
    csv += QStringLiteral("\r\n");
    csv += csvLine(
        {tr("Section"), tr("Category"), tr("Amount (CNY)"), tr("Status"), tr("Description"), tr("Evidence")});
    for (const MeetingExpenseRow &e : m.expenses)
        csv += csvLine({tr("Expense"), MeetingWords::category(e.category), plainMoney(e.amountMinor),
            MeetingWords::expenseStatus(e.status), e.description, e.evidence});
    csv += QStringLiteral("\r\n");
    csv += csvLine({tr("Section"), tr("Rule"), tr("Severity"), tr("Figure"), tr("Limit"), tr("Message")});
    const compliance::MeetingFacts facts = meetings::facts(store, m);
    for (const compliance::Violation &v : compliance::evaluate(config, facts))
        csv += csvLine({tr("Violation"), v.code(), compliance::severityName(v.severity),
            QString::number(v.figure), QString::number(v.limit), MeetingWords::describe(v)});
    return csv;
}

QString MeetingReport::hcpHtml(Store *store, const QString &hcpId, int year)
{
    HcpSummary hcp;
    HcpQueries::summary(store, hcpId, &hcp);
    QString h = QString::fromLatin1(kStyle);
    h += QStringLiteral("<h1>%1</h1><p class='muted'>%2 · %3 · %4 %5</p>")
             .arg(esc(tr("Transfers of value %1").arg(year)), esc(hcp.name), esc(hcp.institution),
                 esc(tr("Tier")), esc(hcp.tier));
    h += QStringLiteral("<table width='100%'><tr><th>%1</th><th>%2</th><th>%3</th><th class='num'>%4</th>"
                        "<th class='num'>%5</th><th class='num'>%6</th></tr>")
             .arg(esc(tr("Date")), esc(tr("Meeting")), esc(tr("Role")), esc(tr("Fee")),
                 esc(tr("Catering share")), esc(tr("Total")));
    qint64 sum = 0;
    for (const meetings::Transfer &t : meetings::transfersOf(store, hcpId, year)) {
        sum += t.feeMinor + t.cateringShareMinor;
        h += QStringLiteral(
            "<tr><td>%1</td><td>%2</td><td>%3</td><td class='num'>%4</td><td class='num'>%5</td>"
            "<td class='num'>%6</td></tr>")
                 .arg(esc(Labels::localDateTime(t.startsAt)), esc(t.title), esc(MeetingWords::role(t.role)),
                     esc(MeetingWords::money(t.feeMinor)), esc(MeetingWords::money(t.cateringShareMinor)),
                     esc(MeetingWords::money(t.feeMinor + t.cateringShareMinor)));
    }
    h += QStringLiteral("<tr><th colspan='5'>%1</th><th class='num'>%2</th></tr></table>")
             .arg(esc(tr("Total this year")), esc(MeetingWords::money(sum)));
    return h;
}

QString MeetingReport::hcpCsv(Store *store, const QString &hcpId, int year)
{
    HcpSummary hcp;
    HcpQueries::summary(store, hcpId, &hcp);
    QString csv = csvLine({tr("HCP"), hcp.name, hcp.institution, hcp.tier, QString::number(year)});
    csv += csvLine({tr("Date"), tr("Meeting"), tr("Role"), tr("Fee (CNY)"), tr("Catering share (CNY)"),
        tr("Total (CNY)")});
    for (const meetings::Transfer &t : meetings::transfersOf(store, hcpId, year))
        csv += csvLine({t.startsAt.left(10), t.title, MeetingWords::role(t.role), plainMoney(t.feeMinor),
            plainMoney(t.cateringShareMinor), plainMoney(t.feeMinor + t.cateringShareMinor)});
    return csv;
}

bool MeetingReport::writeCsv(const QString &csv, const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    QByteArray bytes("\xEF\xBB\xBF");
    bytes += csv.toUtf8();
    if (file.write(bytes) != bytes.size()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool MeetingReport::writePdf(const QString &html, const QString &path, QString *error)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setTitle(QFileInfo(path).completeBaseName());
    writer.setCreator(QStringLiteral("Rounds"));
    QTextDocument doc;
    doc.setDefaultFont(reportFont(html));
    doc.setHtml(html);
    // No page size of its own: print() lays the document out on the writer's pages, in its resolution.
    doc.print(&writer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        if (error)
            *error = tr("the PDF could not be written to %1").arg(path);
        return false;
    }
    return true;
}

QImage MeetingReport::renderFirstPage(const QString &html, int dpi)
{
    // A4 at `dpi`, with the PDF's 15 mm margins; the document is laid out in points like the PDF's.
    const QPageLayout pageLayout(
        QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    const QRect full = pageLayout.fullRectPixels(dpi);
    const QRect paint = pageLayout.paintRectPixels(dpi);
    QImage image(full.size(), QImage::Format_RGB32);
    image.setDotsPerMeterX(qRound(dpi / 0.0254));
    image.setDotsPerMeterY(qRound(dpi / 0.0254));
    image.fill(Qt::white);
    // Laid out on the image itself (its resolution, like print() does on the PDF writer).
    QTextDocument doc;
    doc.documentLayout()->setPaintDevice(&image);
    doc.setDefaultFont(reportFont(html));
    doc.setHtml(html);
    doc.setPageSize(paint.size());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.translate(paint.topLeft());
    doc.drawContents(&painter, QRectF(QPointF(0, 0), paint.size()));
    return image;
}

void exportMeetingReport(
    QWidget *parent, Store *store, const MeetingDraft &meeting, const compliance::Config &config)
{
    const QString base = meeting.fields.value(QLatin1String("title")).toString().trimmed();
    exportReport(
        parent, (base.isEmpty() ? QStringLiteral("meeting") : base) + QStringLiteral(".pdf"),
        [&] { return MeetingReport::meetingCsv(store, meeting, config); },
        [&] { return MeetingReport::meetingHtml(store, meeting, config); });
}

void exportHcpReport(QWidget *parent, Store *store, const QString &hcpId, int year)
{
    HcpSummary hcp;
    HcpQueries::summary(store, hcpId, &hcp);
    const QString name = hcp.name;
    exportReport(
        parent,
        MeetingReport::tr("Transfers of value %1").arg(year) + QLatin1Char(' ') + name
            + QStringLiteral(".pdf"),
        [&] { return MeetingReport::hcpCsv(store, hcpId, year); },
        [&] { return MeetingReport::hcpHtml(store, hcpId, year); });
}

} // namespace rounds
