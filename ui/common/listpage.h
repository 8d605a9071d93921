#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QTableView;

namespace rounds {

class PagedTableModel;

// A titled table over one of the store's lazy list models; activating a row reports its record id.
class ListPage final : public QWidget
{
    Q_OBJECT
public:
    // `pendingRole`: the model's role saying a row waits to be sent (marked in the table), or -1.
    ListPage(const QString &objectName, const QString &title, const QString &hint, PagedTableModel *model,
        int pendingRole, QWidget *parent = nullptr);

    QTableView *table() const { return m_table; }
    // How the table shows stored values (see PendingMarkProxy::Formatter).
    void setFormatter(
        std::function<QVariant(const QModelIndex &sourceIndex, const QVariant &value)> formatter);
    PagedTableModel *model() const { return m_model; }

signals:
    void activated(const QString &id);

private:
    PagedTableModel *m_model;
    QTableView *m_table = nullptr;
    class PendingMarkProxy *m_marks = nullptr;
};

// A page not built yet: says so plainly instead of showing an empty screen.
class PlaceholderPage final : public QWidget
{
    Q_OBJECT
public:
    PlaceholderPage(
        const QString &objectName, const QString &title, const QString &text, QWidget *parent = nullptr);
};

} // namespace rounds
