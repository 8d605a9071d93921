#include "ui/admin/keymessagelinks.h"

#include "ui/common/widgets.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rounds {

KeyMessageLinksEditor::KeyMessageLinksEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(widgets::named<QTableWidget>(QStringLiteral("keyMessagesTableWidget"), 0, 2, this))
{
    setObjectName(QStringLiteral("keyMessageLinksEditor"));
    m_table->setHorizontalHeaderLabels({tr("Page"), tr("Key message")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setMinimumHeight(140);
    auto *add = widgets::button(tr("Add key message"), QStringLiteral("addKeyMessageButton"), this);
    auto *remove = widgets::button(tr("Remove"), QStringLiteral("removeKeyMessageButton"), this);
    connect(add, &QPushButton::clicked, this, [this] { addRow(); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0)
            m_table->removeRow(row);
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
}

void KeyMessageLinksEditor::setKeyMessages(const QList<library::KeyMessageRow> &messages)
{
    const QList<library::KeyMessageLink> kept = links();
    m_messages = messages;
    setLinks(kept);
}

void KeyMessageLinksEditor::setPageCount(int pages)
{
    m_pages = pages;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (auto *spin = qobject_cast<QSpinBox *>(m_table->cellWidget(row, 0)))
            spin->setMaximum(pages > 0 ? pages : 10000);
    }
}

void KeyMessageLinksEditor::setLinks(const QList<library::KeyMessageLink> &links)
{
    m_table->setRowCount(0);
    for (const library::KeyMessageLink &l : links) {
        QString text = l.newText;
        for (const library::KeyMessageRow &k : std::as_const(m_messages)) {
            if (k.id == l.keyMessageId)
                text = k.text;
        }
        addRow(l.page, l.keyMessageId, text);
    }
}

void KeyMessageLinksEditor::addRow(int page, const QString &keyMessageId, const QString &text)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    auto *spin = new QSpinBox(m_table);
    spin->setObjectName(QStringLiteral("pageSpinBox"));
    spin->setRange(0, m_pages > 0 ? m_pages : 10000);
    spin->setSpecialValueText(tr("Whole material"));
    spin->setValue(page);
    m_table->setCellWidget(row, 0, spin);
    auto *combo = new QComboBox(m_table);
    combo->setObjectName(QStringLiteral("keyMessageComboBox"));
    combo->setEditable(true);
    combo->setInsertPolicy(QComboBox::NoInsert);
    for (const library::KeyMessageRow &k : std::as_const(m_messages)) {
        if (k.active || k.id == keyMessageId)
            combo->addItem(k.text, k.id);
    }
    const int found = keyMessageId.isEmpty() ? -1 : combo->findData(keyMessageId);
    if (found >= 0)
        combo->setCurrentIndex(found);
    else
        combo->setEditText(text);
    m_table->setCellWidget(row, 1, combo);
    m_table->setCurrentCell(row, 1);
}

QList<library::KeyMessageLink> KeyMessageLinksEditor::links() const
{
    QList<library::KeyMessageLink> out;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto *spin = qobject_cast<QSpinBox *>(m_table->cellWidget(row, 0));
        const auto *combo = qobject_cast<QComboBox *>(m_table->cellWidget(row, 1));
        if (!spin || !combo)
            continue;
        const QString text = combo->currentText().trimmed();
        if (text.isEmpty())
            continue;
        library::KeyMessageLink link;
        link.page = spin->value();
        const int index = combo->findText(text, Qt::MatchExactly);
        if (index >= 0)
            link.keyMessageId = combo->itemData(index).toString();
        else
            link.newText = text;
        out << link;
    }
    return out;
}

} // namespace rounds
