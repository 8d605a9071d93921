#pragma once

#include <QDate>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rounds {

class Store;

// The alignments of one territory: its HCPs (current, future and, on demand, past alignments) with
// their dates and call targets, and the institutions they work at. SFE adds HCPs one by one, by
// multi-selection, by institution or by a filter; ends alignments; moves a selection to another
// territory from an effective date; sets the call target of a whole tier. Every edit is Store writes
// (Alignments), so it reaches the server by sync.
class AlignmentEditor final : public QWidget
{
    Q_OBJECT
public:
    enum Column { Hcp, Tier, Specialty, Institution, City, From, To, Target, Phase, ColumnCount };

    explicit AlignmentEditor(Store *store, QWidget *parent = nullptr);

    void setTerritory(const QString &territoryId);
    QString territoryId() const { return m_territoryId; }
    // "Today" for phases and new alignments (tests fix it); invalid: the current date.
    void setToday(const QDate &today);
    void reload();

    // The alignment ids of the selected rows.
    QStringList selectedAlignmentIds() const;
    QStringList selectedHcpIds() const;

    // The actions behind the buttons, also for tests; each reports in the status line.
    bool addHcps(const QStringList &hcpIds);
    bool endSelected();
    bool moveSelected(const QString &toTerritoryId, const QDate &effective);
    bool setTargetForTier(const QString &tier, int target);

    QTableWidget *table() const { return m_table; }
    QString statusText() const;

signals:
    void changed();

private:
    QDate today() const;
    void fillPickers();
    void searchHcps(const QString &text);
    bool report(bool ok, const QString &done, const QString &error);

    Store *m_store;
    QString m_territoryId;
    QDate m_today;
    QLabel *m_title = nullptr;
    QLabel *m_summary = nullptr;
    QCheckBox *m_showPast = nullptr;
    QTableWidget *m_table = nullptr;
    QListWidget *m_institutions = nullptr;
    QPushButton *m_end = nullptr;
    QComboBox *m_moveTo = nullptr;
    QDateEdit *m_effective = nullptr;
    QPushButton *m_move = nullptr;
    QComboBox *m_targetTier = nullptr;
    QSpinBox *m_target = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QComboBox *m_institution = nullptr;
    QComboBox *m_specialty = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_city = nullptr;
    QDateEdit *m_validFrom = nullptr;
    QSpinBox *m_newTarget = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rounds
