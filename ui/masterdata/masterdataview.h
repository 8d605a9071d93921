#pragma once

#include "common/import/importrules.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace rounds {

class ImportPreview;
class RecordTab;
class Store;
struct FieldIssue;
struct WriteResult;

// HCP and institution master data for SFE: pick a record, edit it in a form that shows each problem
// next to its field (MasterData::check*), save (a Store write); and CSV import with a preview that
// marks every invalid or duplicate row before anything is applied, and export in the same shape.
class MasterDataView final : public QWidget
{
    Q_OBJECT
public:
    explicit MasterDataView(Store *store, QWidget *parent = nullptr);

    // --- forms -------------------------------------------------------------------------------------
    void editHcp(const QString &id); // empty: a new HCP
    void editInstitution(const QString &id); // empty: a new institution
    QJsonObject hcpFormValues() const;
    QJsonObject institutionFormValues() const;
    bool saveHcp(); // false (problems shown next to the fields) when something is wrong
    bool saveInstitution();
    QString currentHcpId() const { return m_hcpId; }
    QString currentInstitutionId() const { return m_institutionId; }

    // --- import / export ----------------------------------------------------------------------------
    // Parses the bytes and fills the preview table; applies nothing.
    void previewImport(
        import::Kind kind, const QByteArray &bytes, const QString &encoding = QStringLiteral("auto"));
    bool loadImportFile(const QString &path);
    const import::Preview &importPreview() const { return m_parsed; }
    bool applyImport();
    bool exportTo(const QString &path, import::Kind kind);

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *previewTable() const;
    ImportPreview *preview() const { return m_preview; }

private:
    using Check = QList<FieldIssue> (*)(const QJsonObject &fields, bool creating);
    using Write = WriteResult (*)(Store *store, const QString &id, const QJsonObject &fields);

    QWidget *buildHcpTab();
    QWidget *buildInstitutionTab();
    QWidget *buildImportTab();
    QJsonObject fieldsOf(const QString &entity, const QString &id, const QJsonObject &fresh) const;
    // Checks a tab's form and writes it; the problems go under the fields, the outcome in the status line.
    bool save(RecordTab *tab, QString &id, Check check, Write write, void (MasterDataView::*refresh)());
    void fillDepartments(QComboBox *department, const QString &institutionId);
    void refreshHcpList();
    void refreshInstitutionList();
    void refreshInstitutions(); // the list and the HCP form's institution choices
    void refreshChoices();

    Store *m_store;
    QTabWidget *m_tabs = nullptr;
    RecordTab *m_hcpTab = nullptr;
    QString m_hcpId;
    RecordTab *m_institutionTab = nullptr;
    QString m_institutionId;
    // import / export
    QComboBox *m_importKind = nullptr;
    QComboBox *m_encoding = nullptr;
    ImportPreview *m_preview = nullptr;
    QLabel *m_importSummary = nullptr;
    QPushButton *m_applyImport = nullptr;
    import::Preview m_parsed;
    import::Kind m_previewKind = import::Kind::Hcps;
};

} // namespace rounds
