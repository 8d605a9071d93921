#include "ui/common/widgets.h"
#include "ui/common/theme.h"

#include "models/referencequeries.h"

#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>

namespace rounds::widgets {

QPushButton *button(const QString &text, const QString &objectName, QWidget *parent)
{
    return named<QPushButton>(objectName, text, parent);
}

QLabel *hint(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

void setUpRowView(QTableView *view)
{
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->setAlternatingRowColors(true);
    view->horizontalHeader()->setStretchLastSection(true);
}

QLabel *errorLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    theme::setTone(label, theme::Tone::Error);
    label->hide();
    return label;
}

QLabel *pageTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    label->setFont(f);
    return label;
}

QTableWidget *rowTable(const QString &objectName, const QStringList &headers, QWidget *parent)
{
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->verticalHeader()->hide();
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

QString institutionLabel(const NamedItem &institution)
{
    return institution.detail.isEmpty() ? institution.name
                                        : institution.name + QStringLiteral(" · ") + institution.detail;
}

std::optional<QString> referencedName(Store *store, const QString &field, const QString &id)
{
    QString name;
    QString error;
    bool read = true;
    if (field == QLatin1String("institution_id"))
        read = ReferenceQueries::institutionName(store, id, &name, &error);
    else if (field == QLatin1String("department_id"))
        read = ReferenceQueries::departmentName(store, id, &name, &error);
    else
        return std::nullopt;
    return read ? name : readError(error);
}

QString readError(const QString &error)
{
    return QCoreApplication::translate("rounds::widgets", "The local data cannot be read: %1").arg(error);
}

} // namespace rounds::widgets
