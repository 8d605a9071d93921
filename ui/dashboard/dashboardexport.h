#pragma once

#include "models/kpis.h"

class QWidget;

namespace rounds {

// The dashboard out of the application: the picture as PNG or a one-page PDF, the tables as CSV
// (UTF-8 with a byte-order mark, so Excel reads the Chinese text). Its words belong to DashboardView.
class DashboardExport final
{
public:
    // `content` as a picture: PNG (by the file's suffix) or a landscape PDF page titled for `period`.
    static bool image(QWidget *content, const KpiPeriod &period, const QString &file, QString *error);
    // One KPI table (KpiTable::id) of `result`.
    static bool csv(const KpiResult &result, const QString &tableId, const QString &file, QString *error);
    // Every table as <id>.csv in `folder`.
    static bool allCsv(const KpiResult &result, const QString &folder, QString *error);
};

} // namespace rounds
