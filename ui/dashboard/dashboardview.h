#pragma once

#include "models/kpistore.h"
#include "ui/dashboard/dashboardcharts.h"
#include "ui/dashboard/dashboardexport.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <memory>

class QChart;
class QChartView;
class QComboBox;
class QGridLayout;
class QLabel;
class QLegend;
class QListWidget;
class QListWidgetItem;
class QTableWidget;
class QToolButton;
class QTimer;

namespace rounds {

class DashboardContent;
class DashboardTiles;
class Store;

// The manager's dashboard: KPI tiles with the change against the previous period, charts with a table
// of exact numbers under each, a scope picker (district → territory → rep) and a period picker.
// Clicking a tier's bar lists that tier's targets not reached (double-click opens the HCP); clicking a
// rep's bar opens that rep's dashboard. Exports the dashboard as PNG or PDF and each table as CSV.
//
// The KPIs are computed on a worker thread over a connection of its own (computeKpisReadOnly), so the
// window never waits for SQL; the numbers are painted when they arrive (updated()). The tiles, the charts
// and the export are their own pieces (dashboardtiles, dashboardcharts, dashboardexport).
class DashboardView final : public QWidget
{
    Q_OBJECT
public:
    // The width the content is laid out at for a PDF page (A4 landscape): about 7 pt text on paper.
    static constexpr int kReportWidth = 1280;

    explicit DashboardView(Store *store, QWidget *parent = nullptr);
    ~DashboardView() override;

    // "" = everything on this computer; a territory code; a username.
    void setScope(const QString &key);
    // A month (2026-10), a quarter (2026-Q3) or a cycle (2026-09-01..2026-09-30).
    bool setPeriod(const QString &text);
    QString scopeKey() const;
    QString periodText() const;
    // Recomputes (after a sync, or when the scope or period changes).
    void refresh();

    bool isBusy() const { return m_watcher.isRunning() || m_queued; }
    bool hasResult() const { return m_hasResult; }
    const KpiResult &result() const { return m_result; }
    // Milliseconds from the view's first show to its first numbers on screen; -1 until then.
    qint64 firstPaintMs() const { return m_firstPaintMs; }
    qint64 lastComputeMs() const { return m_lastComputeMs; }

    // Lists the targets of a tier ("A".."D") without a call in the period.
    void showUnreached(const QString &tier);
    // The dashboard without its buttons: a PNG picture, or (by the suffix .pdf) an A4 landscape report
    // headed by the scope, the period, the user and the export time (DashboardExport::pdf).
    bool exportImage(const QString &file, QString *error = nullptr);
    // One KPI table (KpiTable::id) as CSV, UTF-8 with a byte-order mark.
    bool exportCsv(const QString &tableId, const QString &file, QString *error = nullptr);
    // Every table as <id>.csv in a folder.
    bool exportAllCsv(const QString &folder, QString *error = nullptr);

signals:
    void updated();
    void failed(const QString &message);
    void hcpActivated(const QString &hcpId);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Card
    {
        QWidget *frame = nullptr;
        QChartView *view = nullptr;
        QTableWidget *table = nullptr;
        QString tableId;
    };

    // The bar above the dashboard: title, scope and period pickers, status, export buttons.
    QWidget *buildHeader();
    void fillPeriods();
    void fillScopes();
    void buildCards(QGridLayout *grid);
    void buildDrillDown();
    Card addCard(QGridLayout *grid, int row, int col, const QString &key, const QString &title,
        const QString &tableId, int colSpan = 1);
    void onComputed();
    void apply(const KpiResult &r);
    void fillTables(const KpiResult &r);
    void exportCsvInteractive(const QString &tableId);
    void exportImageInteractive();
    void exportAllCsvInteractive();
    std::optional<KpiPeriod> currentPeriod() const;
    // The heading of the PDF report and the parts of the content it shows, top to bottom.
    DashboardReportHeading reportHeading() const;
    QList<QRect> reportBlocks() const;

    // While an export runs: the cards' buttons hidden, the content `width` wide (and in `palette`), the
    // charts laid out for it; all back as it was afterwards.
    class ReportLayout final
    {
    public:
        ReportLayout(DashboardView *view, int width, const QPalette &palette);
        ReportLayout(DashboardView *view, int width);
        ~ReportLayout();
        Q_DISABLE_COPY_MOVE(ReportLayout)

    private:
        DashboardView *m_view;
        QSize m_size;
        bool m_ownPalette;
        QPalette m_palette;
        QList<QToolButton *> m_hidden;
        QList<QPointer<QLegend>> m_unclipped; // legends drawn unclipped for the report
    };

    Store *m_store;
    QComboBox *m_scope = nullptr;
    QComboBox *m_period = nullptr;
    QLabel *m_status = nullptr;
    QWidget *m_content = nullptr;
    DashboardTiles *m_tiles = nullptr;
    DashboardContent *m_contentSection = nullptr;
    QHash<QString, Card> m_cards;
    std::unique_ptr<DashboardCharts> m_charts;
    QListWidget *m_unreached = nullptr;
    QLabel *m_unreachedTitle = nullptr;
    QFutureWatcher<KpiRun> m_watcher;
    QTimer *m_relabel = nullptr; // after a resize: the charts' labels laid out for their new widths
    KpiResult m_result;
    bool m_hasResult = false;
    bool m_queued = false;
    bool m_shown = false;
    QElapsedTimer m_sinceShown;
    qint64 m_firstPaintMs = -1;
    qint64 m_lastComputeMs = -1;
};

} // namespace rounds
