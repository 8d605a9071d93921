#pragma once

#include <QDate>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace rounds {

class Store;

// The workload of every territory of one district, side by side, so SFE can balance them: aligned
// HCPs by tier, target calls per cycle, and the workload index (Alignments::workload), with the
// territories more than 20 % above or below the district mean highlighted.
class WorkloadView final : public QWidget
{
    Q_OBJECT
public:
    explicit WorkloadView(Store *store, QWidget *parent = nullptr);

    void setDistrict(const QString &districtId);
    QString districtId() const { return m_districtId; }
    void setToday(const QDate &today) { m_today = today; }
    void reload();
    QTableWidget *table() const { return m_table; }

private:
    Store *m_store;
    QString m_districtId;
    QDate m_today;
    QLabel *m_title = nullptr;
    QLabel *m_note = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace rounds
