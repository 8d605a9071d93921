#pragma once

#include "models/alignments.h"

#include <QDate>
#include <QSet>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rounds {

class DateEdit;
class Store;

// The alignments of one territory: its HCPs (current, future and, on demand, past alignments) with
// their dates and call targets, and the institutions they work at. SFE adds HCPs one by one, by
// multi-selection, by institution or by a filter; ends alignments; moves a selection to another
// territory from an effective date; sets the call target of a whole tier; changes or withdraws a move
// that has not taken effect. Every edit first shows a summary (how many HCPs, from where to where, from
// when, what the reps will see) and applies only on Apply. Every edit is Store writes (Alignments), so
// it reaches the server by sync. The table filters with the HCP list's search.
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
    // The pending moves of the selection (either half of a move, or a future addition).
    QList<PendingMove> selectedPendingMoves() const;
    // Empty `toTerritoryId`: the destination stays.
    bool editSelectedPending(const QString &toTerritoryId, const QDate &effective);
    bool withdrawSelectedPending();
    // Shows only the alignments whose HCP the HCP list's search finds for `text`.
    void setFilterText(const QString &text);
    // The rows the filter leaves visible.
    int visibleRowCount() const;

    QTableWidget *table() const { return m_table; }
    QString statusText() const;

signals:
    void changed();

private:
    QDate today() const;
    void fillPickers();
    void searchHcps(const QString &text);
    bool report(bool ok, const QString &done, const QString &error);
    // Asks Apply/Cancel on the summary; on Cancel says that nothing changed.
    bool confirmChange(const QString &title, const QString &summary);
    QString personOf(const TerritoryPeople &p) const;
    QString territoryText(const TerritoryPeople &p) const;
    void applyFilter();
    void updatePendingControls();

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
    DateEdit *m_effective = nullptr;
    QPushButton *m_move = nullptr;
    QComboBox *m_targetTier = nullptr;
    QSpinBox *m_target = nullptr;
    QLineEdit *m_search = nullptr;
    QListWidget *m_results = nullptr;
    QComboBox *m_institution = nullptr;
    QComboBox *m_specialty = nullptr;
    QComboBox *m_tier = nullptr;
    QComboBox *m_city = nullptr;
    DateEdit *m_validFrom = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_pendingTo = nullptr;
    DateEdit *m_pendingDate = nullptr;
    QPushButton *m_pendingEdit = nullptr;
    QPushButton *m_pendingWithdraw = nullptr;
    QList<AlignmentRow> m_rows;
    QSpinBox *m_newTarget = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace rounds
