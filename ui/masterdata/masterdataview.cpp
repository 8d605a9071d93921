#include "ui/masterdata/masterdataview.h"

#include "models/masterdata.h"
#include "models/store.h"
#include "ui/common/enumlabels.h"
#include "ui/common/lookup.h"
#include "ui/common/prompter.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
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

QPushButton *button(const QString &text, const QString &name, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

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
    label->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
    label->setText(text);
}

} // namespace

MasterDataView::MasterDataView(Store *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("masterdataView"));
    auto *title = new QLabel(tr("Master data"), this);
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    title->setFont(f);
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

    connect(store, &Store::recordsChanged, this, [this](const QString &entity) {
        if (!isVisible())
            return;
        if (entity == QLatin1String("hcp"))
            refreshHcpList();
        else if (entity == QLatin1String("institution") || entity == QLatin1String("department")) {
            refreshInstitutionList();
            refreshChoices();
        }
    });
    refreshChoices();
    refreshHcpList();
    refreshInstitutionList();
    editHcp({});
    editInstitution({});
}

QWidget *MasterDataView::addField(
    QList<Field> &fields, QFormLayout *form, const QString &key, const QString &label, QWidget *editor)
{
    auto *error = new QLabel(editor->parentWidget());
    error->setObjectName(QStringLiteral("%1ErrorLabel").arg(key));
    error->setStyleSheet(QStringLiteral("color: #b00020;"));
    error->setWordWrap(true);
    error->hide();
    auto *cell = new QWidget(editor->parentWidget());
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(editor);
    v->addWidget(error);
    form->addRow(label, cell);
    fields << Field {key, editor, error};
    return editor;
}

QWidget *MasterDataView::buildHcpTab()
{
    auto *tab = new QWidget(this);
    m_hcpSearch = line(QStringLiteral("masterHcpSearchLineEdit"), tab);
    m_hcpSearch->setPlaceholderText(tr("Search by name, hospital or phone"));
    m_hcpSearch->setClearButtonEnabled(true);
    connect(m_hcpSearch, &QLineEdit::textChanged, this, &MasterDataView::refreshHcpList);
    m_hcpList = widgets::rowTable(
        QStringLiteral("masterHcpTableWidget"), {tr("Name"), tr("Tier"), tr("Institution")}, tab);
    connect(m_hcpList, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (QTableWidgetItem *item = m_hcpList->item(row, 0))
            editHcp(item->data(Qt::UserRole).toString());
    });
    auto *left = new QWidget(tab);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_hcpSearch);
    leftLayout->addWidget(m_hcpList, 1);

    auto *formBox = new QWidget(tab);
    auto *form = new QFormLayout;
    addField(m_hcpFields, form, QStringLiteral("full_name"), tr("Name *"),
        line(QStringLiteral("fullNameLineEdit"), formBox));
    addField(m_hcpFields, form, QStringLiteral("gender"), tr("Gender"),
        choices(QStringLiteral("genderComboBox"),
            EnumLabels::choices(QStringLiteral("hcp"), QStringLiteral("gender")), formBox));
    addField(m_hcpFields, form, QStringLiteral("title"), tr("Title"),
        line(QStringLiteral("titleLineEdit"), formBox));
    addField(m_hcpFields, form, QStringLiteral("specialty"), tr("Specialty"),
        line(QStringLiteral("specialtyLineEdit"), formBox));
    auto *institution = choices(QStringLiteral("hcpInstitutionComboBox"), {}, formBox);
    addField(m_hcpFields, form, QStringLiteral("institution_id"), tr("Institution"), institution);
    auto *department = choices(QStringLiteral("hcpDepartmentComboBox"), {{QString(), tr("—")}}, formBox);
    addField(m_hcpFields, form, QStringLiteral("department_id"), tr("Department"), department);
    connect(institution, &QComboBox::currentIndexChanged, this, [this, institution, department] {
        const QString keep = department->currentData().toString();
        department->clear();
        department->addItem(tr("—"), QString());
        for (const QVariantList &r : lookup::rows(m_store,
                 QStringLiteral("SELECT id, name FROM department WHERE institution_id = ?1 ORDER BY name"),
                 {institution->currentData().toString()}))
            department->addItem(r.value(1).toString(), r.value(0).toString());
        department->setCurrentIndex(std::max(0, department->findData(keep)));
    });
    addField(m_hcpFields, form, QStringLiteral("tier"), tr("Tier"),
        choices(QStringLiteral("tierComboBox"),
            EnumLabels::choices(QStringLiteral("hcp"), QStringLiteral("tier")), formBox));
    addField(m_hcpFields, form, QStringLiteral("phone"), tr("Phone"),
        line(QStringLiteral("phoneLineEdit"), formBox));
    addField(m_hcpFields, form, QStringLiteral("email"), tr("E-mail"),
        line(QStringLiteral("emailLineEdit"), formBox));
    addField(m_hcpFields, form, QStringLiteral("status"), tr("Status"),
        choices(QStringLiteral("statusComboBox"), editableStatuses(), formBox));
    auto *newButton = button(tr("New HCP"), QStringLiteral("newHcpButton"), formBox);
    auto *save = button(tr("Save"), QStringLiteral("saveHcpButton"), formBox);
    connect(newButton, &QPushButton::clicked, this, [this] { editHcp({}); });
    connect(save, &QPushButton::clicked, this, &MasterDataView::saveHcp);
    m_hcpStatus = new QLabel(formBox);
    m_hcpStatus->setObjectName(QStringLiteral("hcpStatusLabel"));
    m_hcpStatus->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_hcpStatus, 1);
    buttons->addWidget(newButton);
    buttons->addWidget(save);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addLayout(form);
    formLayout->addStretch(1);
    formLayout->addLayout(buttons);

    auto *splitter = new QSplitter(tab);
    splitter->addWidget(left);
    splitter->addWidget(formBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter);
    return tab;
}

QWidget *MasterDataView::buildInstitutionTab()
{
    auto *tab = new QWidget(this);
    m_institutionSearch = line(QStringLiteral("masterInstitutionSearchLineEdit"), tab);
    m_institutionSearch->setPlaceholderText(tr("Search by name or city"));
    m_institutionSearch->setClearButtonEnabled(true);
    connect(m_institutionSearch, &QLineEdit::textChanged, this, &MasterDataView::refreshInstitutionList);
    m_institutionList = widgets::rowTable(
        QStringLiteral("masterInstitutionTableWidget"), {tr("Name"), tr("Grade"), tr("City")}, tab);
    connect(m_institutionList, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (QTableWidgetItem *item = m_institutionList->item(row, 0))
            editInstitution(item->data(Qt::UserRole).toString());
    });
    auto *left = new QWidget(tab);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_institutionSearch);
    leftLayout->addWidget(m_institutionList, 1);

    auto *formBox = new QWidget(tab);
    auto *form = new QFormLayout;
    addField(m_institutionFields, form, QStringLiteral("name"), tr("Name *"),
        line(QStringLiteral("institutionNameLineEdit"), formBox));
    addField(m_institutionFields, form, QStringLiteral("kind"), tr("Kind"),
        choices(QStringLiteral("kindComboBox"),
            EnumLabels::choices(QStringLiteral("institution"), QStringLiteral("kind")), formBox));
    QList<QPair<QString, QString>> grades {{QString(), tr("—")}};
    for (const QString &g : MasterData::institutionGrades())
        grades << qMakePair(g, g);
    addField(m_institutionFields, form, QStringLiteral("grade"), tr("Grade"),
        choices(QStringLiteral("gradeComboBox"), grades, formBox));
    addField(m_institutionFields, form, QStringLiteral("province"), tr("Province"),
        line(QStringLiteral("provinceLineEdit"), formBox));
    addField(m_institutionFields, form, QStringLiteral("city"), tr("City"),
        line(QStringLiteral("cityLineEdit"), formBox));
    addField(m_institutionFields, form, QStringLiteral("address"), tr("Address"),
        line(QStringLiteral("addressLineEdit"), formBox));
    auto *newButton = button(tr("New institution"), QStringLiteral("newInstitutionButton"), formBox);
    auto *save = button(tr("Save"), QStringLiteral("saveInstitutionButton"), formBox);
    connect(newButton, &QPushButton::clicked, this, [this] { editInstitution({}); });
    connect(save, &QPushButton::clicked, this, &MasterDataView::saveInstitution);
    m_institutionStatus = new QLabel(formBox);
    m_institutionStatus->setObjectName(QStringLiteral("institutionStatusLabel"));
    m_institutionStatus->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_institutionStatus, 1);
    buttons->addWidget(newButton);
    buttons->addWidget(save);
    auto *formLayout = new QVBoxLayout(formBox);
    formLayout->addLayout(form);
    formLayout->addStretch(1);
    formLayout->addLayout(buttons);

    auto *splitter = new QSplitter(tab);
    splitter->addWidget(left);
    splitter->addWidget(formBox);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter);
    return tab;
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
    auto *open = button(tr("Open CSV…"), QStringLiteral("openCsvButton"), tab);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Import CSV"), QString(), tr("CSV files (*.csv);;All files (*)"));
        if (!path.isEmpty())
            loadImportFile(path);
    });
    auto *exportButton = button(tr("Export CSV…"), QStringLiteral("exportCsvButton"), tab);
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
    m_applyImport = button(tr("Import"), QStringLiteral("applyImportButton"), tab);
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
    m_previewTable = new QTableWidget(tab);
    m_previewTable->setObjectName(QStringLiteral("importPreviewTableWidget"));
    m_previewTable->verticalHeader()->hide();
    m_previewTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_previewTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_importSummary = new QLabel(
        tr("Open a CSV file: its rows are checked and shown here before anything is imported."), tab);
    m_importSummary->setObjectName(QStringLiteral("importSummaryLabel"));
    m_importSummary->setWordWrap(true);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_importSummary, 1);
    bottom->addWidget(m_applyImport);
    auto *layout = new QVBoxLayout(tab);
    layout->addLayout(row);
    layout->addWidget(m_previewTable, 1);
    layout->addLayout(bottom);
    return tab;
}

QJsonObject MasterDataView::values(const QList<Field> &fields)
{
    QJsonObject out;
    for (const Field &f : fields) {
        QString v;
        if (auto *e = qobject_cast<QLineEdit *>(f.editor))
            v = e->text().trimmed();
        else if (auto *c = qobject_cast<QComboBox *>(f.editor))
            v = c->currentData().toString();
        out.insert(f.key, v.isEmpty() ? QJsonValue() : QJsonValue(v));
    }
    return out;
}

void MasterDataView::fill(const QList<Field> &fields, const QJsonObject &record)
{
    for (const Field &f : fields) {
        const QString v = record.value(f.key).toString();
        if (auto *e = qobject_cast<QLineEdit *>(f.editor)) {
            e->setText(v);
        } else if (auto *c = qobject_cast<QComboBox *>(f.editor)) {
            const int i = c->findData(v);
            c->setCurrentIndex(i >= 0 ? i : 0);
        }
        f.error->hide();
        f.error->clear();
    }
}

void MasterDataView::showIssues(const QList<Field> &fields, const QList<FieldIssue> &issues)
{
    for (const Field &f : fields) {
        QString message;
        for (const FieldIssue &i : issues) {
            if (i.field == f.key)
                message = i.message;
        }
        f.error->setText(message);
        f.error->setVisible(!message.isEmpty());
    }
}

QJsonObject MasterDataView::hcpFormValues() const
{
    return values(m_hcpFields);
}

QJsonObject MasterDataView::institutionFormValues() const
{
    return values(m_institutionFields);
}

void MasterDataView::editHcp(const QString &id)
{
    m_hcpId = id;
    const auto rec = id.isEmpty() ? std::nullopt : m_store->record(QStringLiteral("hcp"), id);
    QJsonObject fields
        = rec ? rec->fields : QJsonObject {{QStringLiteral("status"), QStringLiteral("active")}};
    fill(m_hcpFields, fields);
    // The department list follows the institution: set it again once the institution filled it.
    for (const Field &f : std::as_const(m_hcpFields)) {
        if (f.key == QLatin1String("department_id")) {
            auto *c = qobject_cast<QComboBox *>(f.editor);
            c->setCurrentIndex(
                std::max(0, c->findData(fields.value(QLatin1String("department_id")).toString())));
        }
    }
    m_hcpStatus->setText(id.isEmpty() ? tr("A new HCP.") : QString());
    m_hcpStatus->setStyleSheet(QString());
}

void MasterDataView::editInstitution(const QString &id)
{
    m_institutionId = id;
    const auto rec = id.isEmpty() ? std::nullopt : m_store->record(QStringLiteral("institution"), id);
    fill(m_institutionFields,
        rec ? rec->fields : QJsonObject {{QStringLiteral("kind"), QStringLiteral("hospital")}});
    m_institutionStatus->setText(id.isEmpty() ? tr("A new institution.") : QString());
    m_institutionStatus->setStyleSheet(QString());
}

bool MasterDataView::saveHcp()
{
    const QJsonObject v = hcpFormValues();
    const QList<FieldIssue> issues = MasterData::checkHcp(v, m_hcpId.isEmpty());
    showIssues(m_hcpFields, issues);
    if (!issues.isEmpty()) {
        setStatus(m_hcpStatus, false, tr("Correct the fields marked in red."));
        return false;
    }
    const WriteResult w = MasterData::saveHcp(m_store, m_hcpId, v);
    if (!w.ok) {
        showIssues(m_hcpFields, {FieldIssue {w.field, w.error}});
        setStatus(m_hcpStatus, false, w.error);
        return false;
    }
    m_hcpId = w.id;
    refreshHcpList();
    setStatus(m_hcpStatus, true, tr("Saved. It reaches the server at the next sync."));
    return true;
}

bool MasterDataView::saveInstitution()
{
    const QJsonObject v = institutionFormValues();
    const QList<FieldIssue> issues = MasterData::checkInstitution(v, m_institutionId.isEmpty());
    showIssues(m_institutionFields, issues);
    if (!issues.isEmpty()) {
        setStatus(m_institutionStatus, false, tr("Correct the fields marked in red."));
        return false;
    }
    const WriteResult w = MasterData::saveInstitution(m_store, m_institutionId, v);
    if (!w.ok) {
        showIssues(m_institutionFields, {FieldIssue {w.field, w.error}});
        setStatus(m_institutionStatus, false, w.error);
        return false;
    }
    m_institutionId = w.id;
    refreshInstitutionList();
    refreshChoices();
    setStatus(m_institutionStatus, true, tr("Saved. It reaches the server at the next sync."));
    return true;
}

void MasterDataView::refreshChoices()
{
    for (const Field &f : std::as_const(m_hcpFields)) {
        if (f.key != QLatin1String("institution_id"))
            continue;
        auto *c = qobject_cast<QComboBox *>(f.editor);
        const QString keep = c->currentData().toString();
        c->blockSignals(true);
        c->clear();
        c->addItem(tr("—"), QString());
        for (const QVariantList &r : lookup::rows(m_store,
                 QStringLiteral(
                     "SELECT id, name || coalesce(' · ' || city, '') FROM institution ORDER BY name, id")))
            c->addItem(r.value(1).toString(), r.value(0).toString());
        c->setCurrentIndex(std::max(0, c->findData(keep)));
        c->blockSignals(false);
    }
}

void MasterDataView::refreshHcpList()
{
    const QString text = m_hcpSearch->text().trimmed();
    const QString like = QLatin1Char('%') + text + QLatin1Char('%');
    const QList<QVariantList> rows = lookup::rows(m_store,
        QStringLiteral("SELECT h.id, h.full_name, coalesce(h.tier, ''), coalesce(i.name, '') FROM hcp h "
                       "LEFT JOIN institution i ON i.id = h.institution_id WHERE coalesce(h.status, "
                       "'active') <> 'merged' "
                       "AND (?1 = '' OR h.full_name LIKE ?2 OR i.name LIKE ?2 OR h.phone LIKE ?2) "
                       "ORDER BY h.full_name, h.id LIMIT 500"),
        {text, like});
    m_hcpList->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < 3; ++c)
            m_hcpList->setItem(r, c, new QTableWidgetItem(rows.at(r).value(c + 1).toString()));
        m_hcpList->item(r, 0)->setData(Qt::UserRole, rows.at(r).value(0));
    }
}

void MasterDataView::refreshInstitutionList()
{
    const QString text = m_institutionSearch->text().trimmed();
    const QString like = QLatin1Char('%') + text + QLatin1Char('%');
    const QList<QVariantList> rows = lookup::rows(m_store,
        QStringLiteral("SELECT id, name, coalesce(grade, ''), coalesce(city, '') FROM institution "
                       "WHERE ?1 = '' OR name LIKE ?2 OR city LIKE ?2 ORDER BY name, id LIMIT 500"),
        {text, like});
    m_institutionList->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < 3; ++c)
            m_institutionList->setItem(r, c, new QTableWidgetItem(rows.at(r).value(c + 1).toString()));
        m_institutionList->item(r, 0)->setData(Qt::UserRole, rows.at(r).value(0));
    }
}

void MasterDataView::previewImport(import::Kind kind, const QByteArray &bytes, const QString &encoding)
{
    m_previewKind = kind;
    m_importKind->setCurrentIndex(kind == import::Kind::Hcps ? 0 : 1);
    m_preview = MasterData::preview(m_store, kind, bytes, encoding);
    const QStringList &columns
        = kind == import::Kind::Hcps ? import::hcpColumns() : import::alignmentColumns();
    m_previewTable->clear();
    m_previewTable->setColumnCount(int(columns.size()) + 3);
    QStringList headers {tr("Line"), tr("Check"), tr("Problem")};
    headers << columns;
    m_previewTable->setHorizontalHeaderLabels(headers);
    m_previewTable->setRowCount(int(m_preview.rows.size()));
    for (int r = 0; r < m_preview.rows.size(); ++r) {
        const import::Row &row = m_preview.rows.at(r);
        QString check;
        QColor background;
        if (!row.valid()) {
            check = row.duplicateOfLine > 0 ? tr("Duplicate of line %1").arg(row.duplicateOfLine)
                                            : tr("Invalid");
            background = QColor(0xfd, 0xe2, 0xe1);
        } else if (!row.existingId.isEmpty()) {
            check = tr("Exists already: skipped");
            background = QColor(0xff, 0xf4, 0xd6);
        } else {
            check = tr("New");
        }
        QStringList cells {QString::number(row.line), check, row.error};
        for (const QString &c : columns)
            cells << row.values.value(c).toVariant().toString();
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (background.isValid()) {
                item->setBackground(background);
                item->setForeground(QColor(0x20, 0x20, 0x20));
            }
            m_previewTable->setItem(r, c, item);
        }
        m_previewTable->item(r, 1)->setData(
            Qt::UserRole, row.valid() ? (row.existingId.isEmpty() ? 0 : 2) : 1);
    }
    if (!m_preview.fatal.isEmpty()) {
        setStatus(m_importSummary, false, m_preview.fatal);
    } else if (m_preview.invalidCount() > 0) {
        setStatus(m_importSummary, false,
            tr("%n row(s) are invalid or repeated: correct the file and open it again. Nothing is imported.",
                nullptr, m_preview.invalidCount()));
    } else {
        setStatus(m_importSummary, true,
            tr("%1 (%2): %n row(s) to import", nullptr, m_preview.applyCount())
                    .arg(tr("Checked"), m_preview.encoding)
                + (m_preview.existingCount() > 0
                        ? tr(", %n already there", nullptr, m_preview.existingCount())
                        : QString())
                + QLatin1Char('.'));
    }
    m_applyImport->setEnabled(m_preview.ok() && m_preview.applyCount() > 0);
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
    return m_preview.fatal.isEmpty();
}

bool MasterDataView::applyImport()
{
    const ImportApplyResult r = MasterData::apply(m_store, m_previewKind, m_preview);
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
    m_preview = import::Preview {};
    return true;
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
