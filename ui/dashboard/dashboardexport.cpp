#include "ui/dashboard/dashboardexport.h"

#include "models/kpitables.h"
#include "ui/dashboard/dashboardview.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QPixmap>
#include <QWidget>

namespace rounds {

namespace {

bool cannotWrite(const QString &file, QString *error)
{
    if (error)
        *error = DashboardView::tr("Cannot write %1").arg(file);
    return false;
}

} // namespace

bool DashboardExport::image(QWidget *content, const KpiPeriod &period, const QString &file, QString *error)
{
    const QPixmap picture = content->grab();
    if (file.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        QPdfWriter pdf(file);
        pdf.setTitle(DashboardView::tr("Rounds dashboard %1").arg(period.label()));
        pdf.setPageOrientation(QPageLayout::Landscape);
        pdf.setResolution(150);
        QPainter painter;
        if (!painter.begin(&pdf))
            return cannotWrite(file, error);
        const QRect page = painter.viewport();
        const QSize scaled = picture.size().scaled(page.size(), Qt::KeepAspectRatio);
        painter.drawPixmap(QRect(page.topLeft(), scaled), picture);
        painter.end();
        return QFileInfo(file).size() > 0;
    }
    if (!picture.save(file, "PNG"))
        return cannotWrite(file, error);
    return true;
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
