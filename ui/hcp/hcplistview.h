#pragma once

#include "models/hcpqueries.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace rounds {

class HcpListModel;
class Store;

// The HCP list: free-text search and the store's filters over the lazy HcpListModel.
class HcpListView final : public QWidget
{
    Q_OBJECT
public:
    explicit HcpListView(Store *store, QWidget *parent = nullptr);
    ~HcpListView() override;

    HcpListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    // The global search lands here: puts `text` in the search box, clears the other filters and applies
    // it at once, so the list shows what searchHcps() finds for the text (what rounds-cli search prints).
    void search(const QString &text);
    QString searchText() const;
    QString currentHcpId() const;
    // Shows "Log a visit" only to a role that files visits (Store::policy()); again when the account changes.
    void applyPolicy();

signals:
    // The text the list searches for changed in its own box (the global search box shows it too).
    void searchTextChanged(const QString &text);
    void logVisitRequested(const QString &hcpId);
    void hcpActivated(const QString &hcpId);

private:
    // What the list shows beside the model's columns: title, department, visits this month vs target.
    const HcpListExtra &extraFor(const QString &hcpId) const;
    QVariant format(const QModelIndex &sourceIndex, const QVariant &value) const;
    void applyFilter();
    void fillSpecialties();
    void updateCount() const;

    Store *m_store;
    HcpListModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_specialty = nullptr;
    QComboBox *m_notVisited = nullptr;
    QCheckBox *m_inPlan = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_logVisit = nullptr;
    QTimer *m_debounce = nullptr;
    mutable QHash<QString, HcpListExtra> m_extras; // cleared whenever the store changes
    mutable QString m_readError; // the last read that failed, shown under the list until the store changes
    class PendingMarkProxy *m_marks = nullptr;
};

} // namespace rounds
