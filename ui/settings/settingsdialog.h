#pragma once

#include "models/kpis.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;
class QTabWidget;
class QTableWidget;

namespace rounds {

class Session;

// Settings: language, sync, the compliance rules in force (read only: the administrator sets them on
// the server), the dashboard's product weights (the company's, or the manager's own: managers, SFE,
// admins) and a diagnostics export for
// support. OK applies and saves; Cancel forgets.
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(Session *session, QWidget *parent = nullptr);

    // Saves the choices (what OK does) and reports whether the language changed (needs a restart).
    bool apply();
    // Asks where to save and writes the diagnostics file; the path written, or empty.
    QString exportDiagnostics();

private:
    QWidget *buildGeneralPage();
    QWidget *buildSyncPage();
    QWidget *buildCompliancePage();
    QWidget *buildDashboardPage();
    QWidget *buildDiagnosticsPage();
    void fillCompliance();
    void showWeights(const KpiWeights &weights);

    Session *m_session;
    QTabWidget *m_tabs = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_theme = nullptr; // system, light, dark: applied at once by OK
    QSpinBox *m_autoSync = nullptr;
    QSpinBox *m_livePull = nullptr;
    QTableWidget *m_rules = nullptr;
    QLabel *m_rulesError = nullptr; // why the rules shown are the defaults: the setting could not be read
    KpiWeights m_companyWeights; // the newest `kpi.weights` record over the built-in defaults
    QCheckBox *m_useCompanyWeights = nullptr; // checked: the dashboard follows the company's weights
    QDoubleSpinBox *m_weightFirst = nullptr;
    QDoubleSpinBox *m_weightSecond = nullptr;
    QDoubleSpinBox *m_weightLater = nullptr;
    QLabel *m_diagnosticsResult = nullptr;
};

} // namespace rounds
