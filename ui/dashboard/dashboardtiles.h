#pragma once

#include "models/kpis.h"
#include "ui/dashboard/kpitiles.h"

#include <QHash>
#include <QWidget>

class QLabel;

namespace rounds {

// The dashboard's twelve KPI tiles: each a name, the value for the period and the change against the
// previous period (green up, red down; spending is never coloured). Its words belong to DashboardView
// (one translation context for the whole dashboard).
class DashboardTiles final : public QWidget
{
public:
    explicit DashboardTiles(QWidget *parent = nullptr);

    void fill(const KpiResult &r);

private:
    KpiTileSet m_tiles;
};

} // namespace rounds
