#include "ui/masterdata/recordtab.h"

#include "models/masterdata.h"
#include "ui/common/theme.h"
#include "ui/common/widgets.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

RecordTab::RecordTab(const Texts &texts, QWidget *parent)
    : QWidget(parent)
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(texts.prefix + QStringLiteral("SearchLineEdit"));
    m_search->setPlaceholderText(texts.searchHint);
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &RecordTab::searchChanged);
    m_list = widgets::rowTable(texts.prefix + QStringLiteral("TableWidget"), texts.headers, this);
    connect(m_list, &QTableWidget::currentCellChanged, this, [this](int row) {
        if (QTableWidgetItem *item = m_list->item(row, 0))
            emit recordChosen(item->data(Qt::UserRole).toString());
    });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);

    m_formBox = new QWidget(this);
    m_form = new QFormLayout;
    auto *newButton = new QPushButton(texts.newButton, m_formBox);
    newButton->setObjectName(QStringLiteral("new%1Button").arg(texts.record));
    // Named in the view's context, where the translations have it.
    auto *save = new QPushButton(QCoreApplication::translate("rounds::MasterDataView", "Save"), m_formBox);
    save->setObjectName(QStringLiteral("save%1Button").arg(texts.record));
    connect(newButton, &QPushButton::clicked, this, &RecordTab::newRequested);
    connect(save, &QPushButton::clicked, this, &RecordTab::saveRequested);
    m_status = new QLabel(m_formBox);
    m_status->setObjectName(texts.statusName);
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(newButton);
    buttons->addWidget(save);
    auto *formLayout = new QVBoxLayout(m_formBox);
    formLayout->addLayout(m_form);
    formLayout->addStretch(1);
    formLayout->addLayout(buttons);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_formBox);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
}

QWidget *RecordTab::addField(const QString &key, const QString &label, QWidget *editor)
{
    auto *error = new QLabel(m_formBox);
    error->setObjectName(QStringLiteral("%1ErrorLabel").arg(key));
    theme::setTone(error, theme::Tone::Error);
    error->setWordWrap(true);
    error->hide();
    auto *cell = new QWidget(m_formBox);
    auto *v = new QVBoxLayout(cell);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(1);
    v->addWidget(editor);
    v->addWidget(error);
    m_form->addRow(label, cell);
    m_fields << Field {key, editor, error};
    return editor;
}

QWidget *RecordTab::editor(const QString &key) const
{
    for (const Field &f : m_fields) {
        if (f.key == key)
            return f.editor;
    }
    return nullptr;
}

QJsonObject RecordTab::values() const
{
    QJsonObject out;
    for (const Field &f : m_fields) {
        QString v;
        if (auto *e = qobject_cast<QLineEdit *>(f.editor))
            v = e->text().trimmed();
        else if (auto *c = qobject_cast<QComboBox *>(f.editor))
            v = c->currentData().toString();
        out.insert(f.key, v.isEmpty() ? QJsonValue() : QJsonValue(v));
    }
    return out;
}

void RecordTab::fill(const QJsonObject &record)
{
    for (const Field &f : std::as_const(m_fields)) {
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

void RecordTab::showIssues(const QList<FieldIssue> &issues)
{
    for (const Field &f : std::as_const(m_fields)) {
        QString message;
        for (const FieldIssue &i : issues) {
            if (i.field == f.key)
                message = i.message;
        }
        f.error->setText(message);
        f.error->setVisible(!message.isEmpty());
    }
}

void RecordTab::setStatus(bool ok, const QString &text)
{
    theme::setTone(m_status, ok ? theme::Tone::Normal : theme::Tone::Error);
    m_status->setText(text);
}

QString RecordTab::searchText() const
{
    return m_search->text().trimmed();
}

void RecordTab::setRows(const QList<Row> &rows)
{
    m_list->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < m_list->columnCount(); ++c)
            m_list->setItem(r, c, new QTableWidgetItem(rows.at(r).cells.value(c)));
        m_list->item(r, 0)->setData(Qt::UserRole, rows.at(r).id);
    }
}

} // namespace rounds
