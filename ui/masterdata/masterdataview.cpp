#include "ui/masterdata/masterdataview.h"

#include "common/protocol/enumlabels.h"
#include "models/hcpqueries.h"
#include "models/masterdata.h"
#include "models/sfequeries.h"
#include "models/store.h"
#include "models/storewatcher.h"
#include "ui/common/importpreview.h"
#include "ui/common/prompter.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"
#include "ui/masterdata/recordtab.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rounds {

namespace {

QLineEdit *line(const QString &name, QWidget *parent)
{
    auto *e = new QLineEdit(parent);
    e->setObjectName(name);
    return e;
}

QComboBox *choices(const QString &name, const QList<QPair<QString, QString>> &items, QWidget *parent)
{
    auto *c = new QComboBox(parent);
    c->setObjectName(name);
    for (const auto &[value, label] : items)
        c->addItem(label, value);
    return c;
}

// "merged" is set by the duplicates view together with merged_into, never picked in the form.
QList<EnumLabels::Choice> editableStatuses()
{
    QList<EnumLabels::Choice> out = EnumLabels::choices(QStringLiteral("hcp"), QStringLiteral("status"));
    out.removeIf([](const EnumLabels::Choice &c) { return c.first == QLatin1String("merged"); });
    return out;
}

void setStatus(QLabel *label, bool ok, const QString &text)
{
    theme::setTone(label, ok ? theme::Tone::Normal : theme::Tone::Error);
    label->setText(text);
}

} // namespace

MasterDataView::MasterDataView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("masterdataView"));
    auto *title = widgets::pageTitle(tr("Master data"), this);
    auto *hint = new QLabel(
        tr("HCPs and institutions: edit them, import them from CSV after a preview, export them."), this);
    hint->setWordWrap(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("masterdataTabWidget"));
    m_tabs->addTab(buildHcpTab(), tr("HCPs"));
    m_tabs->addTab(buildInstitutionTab(), tr("Institutions"));
    m_tabs->addTab(buildImportTab(), tr("Import and export"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(hint);
    layout->addWidget(m_tabs, 1);

    // Changes made while another view is shown wait until this one is shown again.
    auto *watcher = new StoreWatcher(store,
        {QStringLiteral("hcp"), QStringLiteral("institution"), QStringLiteral("department")}, this,
        [this](const StoreChanges &changes) {
            if (changes.contains(QStringLiteral("hcp")))
                refreshHcpList();
            if (changes.contains(QStringLiteral("institution"))
                || changes.contains(QStringLiteral("department")))
                refreshInstitutions();
        });
    watcher->deferWhileHidden();
    refreshChoices();
    refreshHcpList();
    refreshInstitutionList();
    editHcp({});
    editInstitution({});
}

QWidget *MasterDataView::buildHcpTab()
{
    m_hcpTab = new RecordTab({QStringLiteral("masterHcp"), tr("Search by name, hospital or phone"),
                                 {tr("Name"), tr("Tier"), tr("Institution")}, tr("New HCP"),
                                 QStringLiteral("Hcp"), QStringLiteral("hcpStatusLabel")},
        this);
    connect(m_hcpTab, &RecordTab::searchChanged, this, &MasterDataView::refreshHcpList);
    connect(m_hcpTab, &RecordTab::recordChosen, this, &MasterDataView::editHcp);
    connect(m_hcpTab, &RecordTab::newRequested, this, [this] { editHcp({}); });
    connect(m_hcpTab, &RecordTab::saveRequested, this, &MasterDataView::saveHcp);
    QWidget *box = m_hcpTab->formBox();
    m_hcpTab->addField(
        QStringLiteral("full_name"), tr("Name *"), line(QStringLiteral("fullNameLineEdit"), box));
    m_hcpTab->addField(QStringLiteral("gender"), tr("Gender"),
        choices(QStringLiteral("genderComboBox"),
            EnumLabels::choices(QStringLiteral("hcp"), QStringLiteral("gender")), box));
    m_hcpTab->addField(QStringLiteral("title"), tr("Title"), line(QStringLiteral("titleLineEdit"), box));
    m_hcpTab->addField(
        QStringLiteral("specialty"), tr("Specialty"), line(QStringLiteral("specialtyLineEdit"), box));
    auto *institution = choices(QStringLiteral("hcpInstitutionComboBox"), {}, box);
    m_hcpTab->addField(QStringLiteral("institution_id"), tr("Institution"), institution);
    auto *department = choices(QStringLiteral("hcpDepartmentComboBox"), {{QString(), tr("—")}}, box);
    m_hcpTab->addField(QStringLiteral("department_id"), tr("Department"), department);
    connect(institution, &QComboBox::currentIndexChanged, this, [this, institution, department] {
        fillDepartments(department, institution->currentData().toString());
    });
    m_hcpTab->addField(QStringLiteral("tier"), tr("Tier"),
        choices(QStringLiteral("tierComboBox"),
            EnumLabels::choices(QStringLiteral("hcp"), QStringLiteral("tier")), box));
    m_hcpTab->addField(QStringLiteral("phone"), tr("Phone"), line(QStringLiteral("phoneLineEdit"), box));
    m_hcpTab->addField(QStringLiteral("email"), tr("E-mail"), line(QStringLiteral("emailLineEdit"), box));
    m_hcpTab->addField(QStringLiteral("status"), tr("Status"),
        choices(QStringLiteral("statusComboBox"), editableStatuses(), box));
    return m_hcpTab;
}

QWidget *MasterDataView::buildInstitutionTab()
{
    m_institutionTab
        = new RecordTab({QStringLiteral("masterInstitution"), tr("Search by name or city"),
                            {tr("Name"), tr("Grade"), tr("City")}, tr("New institution"),
                            QStringLiteral("Institution"), QStringLiteral("institutionStatusLabel")},
            this);
    connect(m_institutionTab, &RecordTab::searchChanged, this, &MasterDataView::refreshInstitutionList);
    connect(m_institutionTab, &RecordTab::recordChosen, this, &MasterDataView::editInstitution);
    connect(m_institutionTab, &RecordTab::newRequested, this, [this] { editInstitution({}); });
    connect(m_institutionTab, &RecordTab::saveRequested, this, &MasterDataView::saveInstitution);
    QWidget *box = m_institutionTab->formBox();
    m_institutionTab->addField(
        QStringLiteral("name"), tr("Name *"), line(QStringLiteral("institutionNameLineEdit"), box));
    m_institutionTab->addField(QStringLiteral("kind"), tr("Kind"),
        choices(QStringLiteral("kindComboBox"),
            EnumLabels::choices(QStringLiteral("institution"), QStringLiteral("kind")), box));
    QList<QPair<QString, QString>> grades {{QString(), tr("—")}};
    for (const QString &g : MasterData::institutionGrades())
        grades << qMakePair(g, g);
    m_institutionTab->addField(
        QStringLiteral("grade"), tr("Grade"), choices(QStringLiteral("gradeComboBox"), grades, box));
    m_institutionTab->addField(
        QStringLiteral("province"), tr("Province"), line(QStringLiteral("provinceLineEdit"), box));
    m_institutionTab->addField(QStringLiteral("city"), tr("City"), line(QStringLiteral("cityLineEdit"), box));
    m_institutionTab->addField(
        QStringLiteral("address"), tr("Address"), line(QStringLiteral("addressLineEdit"), box));
    return m_institutionTab;
}

QWidget *MasterDataView::buildImportTab()
{
    auto *tab = new QWidget(this);
    m_importKind = choices(QStringLiteral("importKindComboBox"),
        {{QStringLiteral("hcps"), tr("HCPs")}, {QStringLiteral("alignments"), tr("Alignments")}}, tab);
    m_encoding = choices(QStringLiteral("encodingComboBox"),
        {{QStringLiteral("auto"), tr("Detect (UTF-8 or GBK)")},
            {QStringLiteral("utf-8"), QStringLiteral("UTF-8")},
            {QStringLiteral("gbk"), QStringLiteral("GBK")}},
        tab);
    auto *open = widgets::button(tr("Open CSV…"), QStringLiteral("openCsvButton"), tab);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            loadImportFile(path);
    });
    auto *exportButton = widgets::button(tr("Export CSV…"), QStringLiteral("exportCsvButton"), tab);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const import::Kind kind = m_importKind->currentData().toString() == QLatin1String("alignments")
            ? import::Kind::Alignments
            : import::Kind::Hcps;
        const QString path = QFileDialog::getSaveFileName(this, tr("Export CSV"),
            kind == import::Kind::Hcps ? QStringLiteral("hcps.csv") : QStringLiteral("alignments.csv"),
            tr("CSV files (*.csv)"));
        if (!path.isEmpty())
            exportTo(path, kind);
    });
    m_applyImport = widgets::button(tr("Import"), QStringLiteral("applyImportButton"), tab);
    m_applyImport->setEnabled(false);
    connect(m_applyImport, &QPushButton::clicked, this, &MasterDataView::applyImport);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("File of"), tab));
    row->addWidget(m_importKind);
    row->addWidget(new QLabel(tr("Encoding"), tab));
    row->addWidget(m_encoding);
    row->addWidget(open);
    row->addStretch(1);
    row->addWidget(exportButton);
    m_preview = new ImportPreview(tab);
    connect(m_preview, &ImportPreview::templateSaved, this,
        [this](bool ok, const QString &message) { setStatus(m_importSummary, ok, message); });
    connect(m_importKind, &QComboBox::currentIndexChanged, this, [this] {
        m_preview->setKind(m_importKind->currentData().toString() == QLatin1String("alignments")
                ? import::Kind::Alignments
                : import::Kind::Hcps);
    });
    m_importSummary = new QLabel(
        tr("Open a CSV file: its rows are checked and shown here before anything is imported."), tab);
    m_importSummary->setObjectName(QStringLiteral("importSummaryLabel"));
    m_importSummary->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_importSummary, 1);
    bottom->addWidget(m_applyImport);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(m_preview, 1);
    layout->addLayout(bottom);
    return tab;
}

QJsonObject MasterDataView::hcpFormValues() const
{
    return m_hcpTab->values();
}

QJsonObject MasterDataView::institutionFormValues() const
{
    return m_institutionTab->values();
}

QJsonObject MasterDataView::fieldsOf(const QString &entity, const QString &id, const QJsonObject &fresh) const
{
    const auto rec = id.isEmpty() ? std::nullopt : m_store->record(entity, id);
    return rec ? rec->fields : fresh;
}

void MasterDataView::editHcp(const QString &id)
{
    m_hcpId = id;
    const QJsonObject fields
        = fieldsOf(QStringLiteral("hcp"), id, {{QStringLiteral("status"), QStringLiteral("active")}});
    m_hcpTab->fill(fields);
    // The department list follows the institution: set it again once the institution filled it.
    auto *department = qobject_cast<QComboBox *>(m_hcpTab->editor(QStringLiteral("department_id")));
    department->setCurrentIndex(
        std::max(0, department->findData(fields.value(QLatin1String("department_id")).toString())));
    m_hcpTab->setStatus(true, id.isEmpty() ? tr("A new HCP.") : QString());
}

void MasterDataView::editInstitution(const QString &id)
{
    m_institutionId = id;
    m_institutionTab->fill(
        fieldsOf(QStringLiteral("institution"), id, {{QStringLiteral("kind"), QStringLiteral("hospital")}}));
    m_institutionTab->setStatus(true, id.isEmpty() ? tr("A new institution.") : QString());
}

bool MasterDataView::save(
    RecordTab *tab, QString &id, Check check, Write write, void (MasterDataView::*refresh)())
{
    const QJsonObject v = tab->values();
    const QList<FieldIssue> issues = check(v, id.isEmpty());
    tab->showIssues(issues);
    if (!issues.isEmpty()) {
        tab->setStatus(false, tr("Correct the fields marked in red."));
        return false;
    }
    const WriteResult w = write(m_store, id, v);
    if (!w.ok) {
        tab->showIssues({FieldIssue {w.field, w.error}});
        tab->setStatus(false, w.error);
        return false;
    }
    id = w.id;
    (this->*refresh)();
    tab->setStatus(true, tr("Saved. It reaches the server at the next sync."));
    return true;
}

bool MasterDataView::saveHcp()
{
    return save(
        m_hcpTab, m_hcpId, &MasterData::checkHcp, &MasterData::saveHcp, &MasterDataView::refreshHcpList);
}

bool MasterDataView::saveInstitution()
{
    return save(m_institutionTab, m_institutionId, &MasterData::checkInstitution,
        &MasterData::saveInstitution, &MasterDataView::refreshInstitutions);
}

void MasterDataView::refreshInstitutions()
{
    refreshInstitutionList();
    refreshChoices();
}

void MasterDataView::refreshChoices()
{
    auto *c = qobject_cast<QComboBox *>(m_hcpTab->editor(QStringLiteral("institution_id")));
    QList<NamedItem> institutions;
    QString error;
    if (!SfeQueries::institutions(m_store, &institutions, &error))
        m_hcpTab->setStatus(false, widgets::readError(error));
    const QString keep = c->currentData().toString();
    c->blockSignals(true);
    c->clear();
    c->addItem(tr("—"), QString());
    for (const NamedItem &i : std::as_const(institutions))
        c->addItem(widgets::institutionLabel(i), i.id);
    c->setCurrentIndex(std::max(0, c->findData(keep)));
    c->blockSignals(false);
}

void MasterDataView::fillDepartments(QComboBox *department, const QString &institutionId)
{
    QList<NamedItem> departments;
    QString error;
    if (!SfeQueries::departments(m_store, institutionId, &departments, &error))
        m_hcpTab->setStatus(false, widgets::readError(error));
    const QString keep = department->currentData().toString();
    department->clear();
    department->addItem(tr("—"), QString());
    for (const NamedItem &d : std::as_const(departments))
        department->addItem(d.name, d.id);
    department->setCurrentIndex(std::max(0, department->findData(keep)));
}

void MasterDataView::refreshHcpList()
{
    QList<HcpChoice> hcps;
    QString error;
    if (!HcpQueries::editable(m_store, m_hcpTab->searchText(), &hcps, &error))
        m_hcpTab->setStatus(false, widgets::readError(error));
    QList<RecordTab::Row> rows;
    for (const HcpChoice &h : std::as_const(hcps))
        rows << RecordTab::Row {h.id, {h.name, h.tier, h.institution}};
    m_hcpTab->setRows(rows);
}

void MasterDataView::refreshInstitutionList()
{
    QList<InstitutionRow> institutions;
    QString error;
    if (!SfeQueries::editableInstitutions(m_store, m_institutionTab->searchText(), &institutions, &error))
        m_institutionTab->setStatus(false, widgets::readError(error));
    QList<RecordTab::Row> rows;
    for (const InstitutionRow &i : std::as_const(institutions))
        rows << RecordTab::Row {i.id, {i.name, i.grade, i.city}};
    m_institutionTab->setRows(rows);
}

void MasterDataView::previewImport(import::Kind kind, const QByteArray &bytes, const QString &encoding)
{
    m_previewKind = kind;
    m_importKind->setCurrentIndex(kind == import::Kind::Hcps ? 0 : 1);
    m_parsed = MasterData::preview(m_store, kind, bytes, encoding);
    m_preview->setKind(kind);
    m_preview->setPreview(m_parsed);
    if (!m_parsed.fatal.isEmpty()) {
        setStatus(m_importSummary, false, m_parsed.fatal);
    } else if (m_parsed.invalidCount() > 0) {
        setStatus(m_importSummary, false,
            tr("%n row(s) are invalid or repeated: correct the file and open it again. Nothing is imported.",
                nullptr, m_parsed.invalidCount()));
    } else {
        setStatus(m_importSummary, true,
            tr("%1 (%2): %n row(s) to import", nullptr, m_parsed.applyCount())
                    .arg(tr("Checked"), m_parsed.encoding)
                + (m_parsed.existingCount() > 0 ? tr(", %n already there", nullptr, m_parsed.existingCount())
                                                : QString())
                + QLatin1Char('.'));
    }
    m_applyImport->setEnabled(m_parsed.ok() && m_parsed.applyCount() > 0);
}

bool MasterDataView::loadImportFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setStatus(m_importSummary, false, tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    previewImport(m_importKind->currentData().toString() == QLatin1String("alignments")
            ? import::Kind::Alignments
            : import::Kind::Hcps,
        file.readAll(), m_encoding->currentData().toString());
    return m_parsed.fatal.isEmpty();
}

bool MasterDataView::applyImport()
{
    const ImportApplyResult r = MasterData::apply(m_store, m_previewKind, m_parsed);
    if (!r.ok) {
        setStatus(m_importSummary, false, r.error);
        return false;
    }
    m_applyImport->setEnabled(false);
    setStatus(m_importSummary, true,
        tr("Imported: %1 HCPs, %2 institutions, %3 alignments. They reach the server at the next sync.")
            .arg(r.hcps)
            .arg(r.institutions)
            .arg(r.alignments));
    m_parsed = import::Preview {};
    return true;
}

QTableWidget *MasterDataView::previewTable() const
{
    return m_preview->table();
}

bool MasterDataView::exportTo(const QString &path, import::Kind kind)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        || file.write(MasterData::exportCsv(m_store, kind)) < 0) {
        setStatus(m_importSummary, false, tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    setStatus(m_importSummary, true, tr("Exported to %1.").arg(path));
    return true;
}

} // namespace rounds
