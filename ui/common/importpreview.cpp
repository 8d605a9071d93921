#include "ui/common/importpreview.h"

#include "ui/common/prompter.h"
#include "ui/common/widgets.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

namespace {

const QColor kBadRow(0xfd, 0xe2, 0xe1);
const QColor kBadCell(0xf4, 0x9a, 0x94);
const QColor kExisting(0xff, 0xf4, 0xd6);
const QColor kDarkText(0x20, 0x20, 0x20);

bool writeFile(const QString &path, const QByteArray &bytes, QString *error)
{
    QFile file(path);
    if (file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size())
        return true;
    if (error)
        *error = ImportPreview::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace

ImportPreview::ImportPreview(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("importPreview"));
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("importPreviewTableWidget"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(true);
    m_problems = new QListWidget(this);
    m_problems->setObjectName(QStringLiteral("importProblemsListWidget"));
    // A problem picked in the list selects its cell in the table.
    connect(m_problems, &QListWidget::currentRowChanged, this, [this](int row) {
        const QListWidgetItem *item = m_problems->item(row);
        if (!item)
            return;
        const int r = item->data(Qt::UserRole).toInt();
        const int c = item->data(Qt::UserRole + 1).toInt();
        m_table->setCurrentCell(r, c);
        m_table->scrollToItem(m_table->item(r, c));
    });
    m_template = widgets::button(tr("Save template…"), QStringLiteral("saveTemplateButton"), this);
    m_template->setToolTip(tr("Saves an empty file with the columns this import reads, and a README "
                              "that explains each column."));
    connect(m_template, &QPushButton::clicked, this, &ImportPreview::askAndSaveTemplate);

    auto *problemsBox = new QWidget(this);
    auto *problemsLayout = new QVBoxLayout(problemsBox);
    problemsLayout->setContentsMargins(0, 0, 0, 0);
    auto *problemsTitle = new QHBoxLayout;
    problemsTitle->addWidget(new QLabel(tr("Problems"), problemsBox), 1);
    problemsTitle->addWidget(m_template);
    problemsLayout->addLayout(problemsTitle);
    problemsLayout->addWidget(m_problems, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(problemsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);
    setKind(import::Kind::Hcps);
}

void ImportPreview::setKind(import::Kind kind)
{
    m_kind = kind;
    m_columns = kind == import::Kind::Hcps ? import::hcpColumns() : import::alignmentColumns();
    m_table->clear();
    m_table->setRowCount(0);
    m_table->setColumnCount(int(m_columns.size()) + FirstValue);
    QStringList headers {tr("Line"), tr("Check"), tr("Problem")};
    headers << m_columns;
    m_table->setHorizontalHeaderLabels(headers);
    for (const import::ColumnHelp &h : import::columnHelp(kind)) {
        const int c = int(m_columns.indexOf(h.column));
        if (c < 0)
            continue;
        QTableWidgetItem *header = m_table->horizontalHeaderItem(c + FirstValue);
        header->setToolTip(h.required ? tr("%1 (required)").arg(h.text) : h.text);
    }
}

void ImportPreview::clear()
{
    setKind(m_kind);
    m_problems->clear();
}

void ImportPreview::setPreview(const import::Preview &preview)
{
    clear();
    m_table->setRowCount(int(preview.rows.size()));
    for (int r = 0; r < preview.rows.size(); ++r) {
        const import::Row &row = preview.rows.at(r);
        QString check;
        QColor background;
        int outcome = 0;
        if (!row.valid()) {
            check = row.duplicateOfLine > 0 ? tr("Duplicate of line %1").arg(row.duplicateOfLine)
                                            : tr("Invalid");
            background = kBadRow;
            outcome = 1;
        } else if (!row.existingId.isEmpty()) {
            check = tr("Exists already: skipped");
            background = kExisting;
            outcome = 2;
        } else {
            check = tr("New");
        }
        QStringList messages;
        for (const import::Issue &issue : row.issues)
            messages << issue.message;
        QStringList cells {QString::number(row.line), check, messages.join(QLatin1Char('\n'))};
        for (const QString &c : std::as_const(m_columns))
            cells << row.values.value(c).toVariant().toString();
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (background.isValid()) {
                item->setBackground(background);
                item->setForeground(kDarkText);
            }
            m_table->setItem(r, c, item);
        }
        m_table->item(r, Check)->setData(OutcomeRole, outcome);
        // Each bad cell: highlighted, its problems in its tool tip; the list holds every problem.
        QHash<int, QStringList> perCell;
        for (const import::Issue &issue : row.issues) {
            const int i = int(m_columns.indexOf(issue.column));
            const int c = i >= 0 ? i + FirstValue : Problem;
            perCell[c] << issue.message;
            auto *item = new QListWidgetItem(tr("Line %1: %2").arg(row.line).arg(issue.message), m_problems);
            item->setData(Qt::UserRole, r);
            item->setData(Qt::UserRole + 1, c);
        }
        for (auto it = perCell.cbegin(); it != perCell.cend(); ++it) {
            QTableWidgetItem *item = m_table->item(r, it.key());
            item->setBackground(kBadCell);
            item->setData(BadCellRole, true);
            item->setToolTip(it.value().join(QLatin1Char('\n')));
        }
    }
    if (!preview.fatal.isEmpty())
        new QListWidgetItem(preview.fatal, m_problems);
    m_table->resizeRowsToContents();
}

QString ImportPreview::readmePath(const QString &csvPath)
{
    const QFileInfo info(csvPath);
    return info.dir().filePath(info.completeBaseName() + QStringLiteral("-README.txt"));
}

bool ImportPreview::saveTemplate(const QString &path, QString *error)
{
    return writeFile(path, import::templateCsv(m_kind), error)
        && writeFile(readmePath(path), import::templateReadme(m_kind), error);
}

void ImportPreview::askAndSaveTemplate()
{
    const QString suggested = m_kind == import::Kind::Hcps ? QStringLiteral("hcps-template.csv")
                                                           : QStringLiteral("alignments-template.csv");
    const auto path
        = Prompter::instance().askSaveFile(this, tr("Save template"), suggested, tr("CSV files (*.csv)"));
    if (!path)
        return;
    QString error;
    if (saveTemplate(*path, &error))
        emit templateSaved(
            true, tr("Template saved to %1; its columns are explained in %2.").arg(*path, readmePath(*path)));
    else
        emit templateSaved(false, error);
}

} // namespace rounds
