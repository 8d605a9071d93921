#include "ui/common/listpage.h"

#include "models/pagedtablemodel.h"
#include "ui/common/pendingmarkproxy.h"
#include "ui/common/widgets.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace rounds {

ListPage::ListPage(const QString &objectName, const QString &title, const QString &hint,
    PagedTableModel *model, int pendingRole, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(objectName);
    model->setParent(this);
    m_table = new QTableView(this);
    m_table->setObjectName(objectName + QStringLiteral("TableView"));
    if (pendingRole >= 0) {
        m_marks = new PendingMarkProxy(pendingRole, this);
        m_marks->setSourceModel(model);
        m_table->setModel(m_marks);
    } else {
        m_table->setModel(model);
    }
    widgets::setUpRowView(m_table);
    m_table->horizontalHeader()->setDefaultSectionSize(150);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(widgets::pageTitle(title, this));
    layout->addWidget(widgets::hint(hint, this));
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &index) { emit activated(m_model->idAt(index.row())); });
}

void ListPage::setFormatter(
    std::function<QVariant(const QModelIndex &sourceIndex, const QVariant &value)> formatter)
{
    if (m_marks)
        m_marks->setFormatter(std::move(formatter));
}

PlaceholderPage::PlaceholderPage(
    const QString &objectName, const QString &title, const QString &text, QWidget *parent)
    : QWidget(parent)
{
    setObjectName(objectName);
    auto *body = new QLabel(text, this);
    body->setObjectName(QStringLiteral("placeholderLabel"));
    body->setWordWrap(true);
    body->setAlignment(Qt::AlignCenter);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(widgets::pageTitle(title, this));
    layout->addStretch();
    layout->addWidget(body);
    layout->addStretch(2);
}

} // namespace rounds
