#pragma once

#include "common/import/importrules.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace rounds {

class Store;
struct FieldIssue;

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
    const import::Preview &importPreview() const { return m_preview; }
    bool applyImport();
    bool exportTo(const QString &path, import::Kind kind);

    QTabWidget *tabs() const { return m_tabs; }
    QTableWidget *previewTable() const { return m_previewTable; }

private:
    struct Field
    {
        QString key;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };
    QWidget *buildHcpTab();
    QWidget *buildInstitutionTab();
    QWidget *buildImportTab();
    QWidget *addField(
        QList<Field> &fields, QFormLayout *form, const QString &key, const QString &label, QWidget *editor);
    static QJsonObject values(const QList<Field> &fields);
    static void showIssues(const QList<Field> &fields, const QList<FieldIssue> &issues);
    static void fill(const QList<Field> &fields, const QJsonObject &record);
    void refreshHcpList();
    void refreshInstitutionList();
    void refreshChoices();

    Store *m_store;
    QTabWidget *m_tabs = nullptr;
    // HCPs
    QLineEdit *m_hcpSearch = nullptr;
    QTableWidget *m_hcpList = nullptr;
    QList<Field> m_hcpFields;
    QString m_hcpId;
    QLabel *m_hcpStatus = nullptr;
    // institutions
    QLineEdit *m_institutionSearch = nullptr;
    QTableWidget *m_institutionList = nullptr;
    QList<Field> m_institutionFields;
    QString m_institutionId;
    QLabel *m_institutionStatus = nullptr;
    // import / export
    QComboBox *m_importKind = nullptr;
    QComboBox *m_encoding = nullptr;
    QTableWidget *m_previewTable = nullptr;
    QLabel *m_importSummary = nullptr;
    QPushButton *m_applyImport = nullptr;
    import::Preview m_preview;
    import::Kind m_previewKind = import::Kind::Hcps;
};

} // namespace rounds
