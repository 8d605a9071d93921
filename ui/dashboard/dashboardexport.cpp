#include "ui/dashboard/dashboardexport.h"
#include "ui/common/dates.h"

#include "models/kpitables.h"
#include "ui/dashboard/dashboardview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFontMetrics>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QWidget>

#include <cmath>

namespace rounds {

namespace {

bool cannotWrite(const QString &file, QString *error)
{
    if (error)
        *error = DashboardView::tr("Cannot write %1").arg(file);
    return false;
}

} // namespace

bool DashboardExport::png(QWidget *content, const QString &file, QString *error)
{
    if (!content->grab().save(file, "PNG"))
        return cannotWrite(file, error);
    return true;
}

QString DashboardExport::localTimeWithZone(const QDateTime &time)
{
    const int offset = time.offsetFromUtc();
    const QString zone = QStringLiteral("UTC%1%2:%3")
                             .arg(QChar(offset < 0 ? u'-' : u'+'))
                             .arg(std::abs(offset) / 3600, 2, 10, QLatin1Char('0'))
                             .arg(std::abs(offset) % 3600 / 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1 %2 %3").arg(Dates::date(time.date()), Dates::time(time.time()), zone);
}

bool DashboardExport::pdf(const DashboardReportHeading &heading, QWidget *content, const QList<QRect> &blocks,
    const QString &file, QString *error)
{
    QPdfWriter pdf(file);
    pdf.setTitle(heading.title);
    pdf.setCreator(QStringLiteral("Rounds"));
    pdf.setResolution(300);
    // Three charts side by side read best across the page.
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 10, 12, 10),
        QPageLayout::Millimeter));
    QPainter painter;
    if (!painter.begin(&pdf))
        return cannotWrite(file, error);
    const QRect page = pdf.pageLayout()
                           .paintRectPixels(pdf.resolution())
                           .translated(-pdf.pageLayout().paintRectPixels(pdf.resolution()).topLeft());
    const int gap = pdf.resolution() / 12; // about 2 mm

    // The heading: the title, then one line each for the scope, the period, the user and the time.
    QFont titleFont = content->font();
    titleFont.setPointSizeF(16);
    titleFont.setBold(true);
    QFont lineFont = content->font();
    lineFont.setPointSizeF(9.5);
    const QStringList lines {DashboardView::tr("Scope: %1").arg(heading.scope),
        DashboardView::tr("Period: %1").arg(heading.period),
        DashboardView::tr("Exported by: %1").arg(heading.user),
        DashboardView::tr("Exported at: %1").arg(localTimeWithZone(heading.exportedAt))};
    const int titleHeight = QFontMetrics(titleFont, &pdf).height();
    const int lineHeight = QFontMetrics(lineFont, &pdf).height();
    const int headingHeight = titleHeight + gap + int(lines.size()) * lineHeight + 2 * gap;
    QFont footFont = lineFont;
    footFont.setPointSizeF(8);
    const int footHeight = QFontMetrics(footFont, &pdf).height() + gap;

    // Each block scaled to the page's width (a block taller than a page: to the page's height), placed
    // top to bottom; a block that does not fit below the last starts a new page.
    const int contentWidth = std::max(1, content->width());
    struct Placed
    {
        QRect source;
        int page;
        int y;
        qreal scale;
    };
    QList<Placed> placed;
    int pageNo = 0;
    int y = headingHeight;
    const int usable = page.height() - footHeight;
    for (const QRect &block : blocks) {
        qreal scale = qreal(page.width()) / contentWidth;
        scale = std::min(scale, qreal(usable) / std::max(1, block.height()));
        const int h = int(std::ceil(block.height() * scale));
        if (y + h > usable && y > 0) {
            ++pageNo;
            y = 0;
        }
        placed.append({block, pageNo, y, scale});
        y += h + gap;
    }
    const int pages = pageNo + 1;

    const auto footer = [&](int n) {
        painter.setFont(footFont);
        painter.setPen(QColor(0x55, 0x55, 0x55));
        painter.drawText(QRect(0, page.height() - footHeight + gap, page.width(), footHeight - gap),
            Qt::AlignLeft | Qt::AlignVCenter, heading.title);
        painter.drawText(QRect(0, page.height() - footHeight + gap, page.width(), footHeight - gap),
            Qt::AlignRight | Qt::AlignVCenter, DashboardView::tr("Page %1 of %2").arg(n + 1).arg(pages));
    };
    painter.setPen(Qt::black);
    painter.setFont(titleFont);
    painter.drawText(QRect(0, 0, page.width(), titleHeight), Qt::AlignLeft | Qt::AlignVCenter, heading.title);
    painter.setFont(lineFont);
    for (int i = 0; i < lines.size(); ++i)
        painter.drawText(QRect(0, titleHeight + gap + i * lineHeight, page.width(), lineHeight),
            Qt::AlignLeft | Qt::AlignVCenter, lines.at(i));
    int current = 0;
    for (const Placed &p : std::as_const(placed)) {
        while (current < p.page) {
            footer(current);
            pdf.newPage();
            ++current;
        }
        painter.save();
        painter.translate(0, p.y);
        painter.scale(p.scale, p.scale);
        content->render(
            &painter, QPoint(0, 0), QRegion(p.source), QWidget::DrawChildren | QWidget::DrawWindowBackground);
        painter.restore();
    }
    footer(current);
    painter.end();
    return QFileInfo(file).size() > 0;
}

bool DashboardExport::csv(
    const KpiResult &result, const QString &tableId, const QString &file, QString *error)
{
    const KpiTable table = KpiTables::byId(result, tableId);
    if (table.id.isEmpty()) {
        if (error)
            *error = DashboardView::tr("No table %1").arg(tableId);
        return false;
    }
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return cannotWrite(file, error);
    const QByteArray bytes = KpiTables::toCsv(table);
    return f.write(bytes) == bytes.size();
}

bool DashboardExport::allCsv(const KpiResult &result, const QString &folder, QString *error)
{
    for (const KpiTable &t : KpiTables::all(result)) {
        if (!csv(result, t.id, QDir(folder).filePath(t.id + QStringLiteral(".csv")), error))
            return false;
    }
    return true;
}

} // namespace rounds
