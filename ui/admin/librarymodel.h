#pragma once

#include "models/materialqueries.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPixmap>

namespace rounds {

// The admin's library table (ui/admin/libraryview.h): one row per material with its thumbnail (from this
// computer's copy, when it holds one) and whether this computer holds the file.
class LibraryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Title, Product, Version, Language, Status, ValidTo, Pages, File, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, StatusRole, ProductIdRole, SearchTextRole };

    explicit LibraryModel(QObject *parent = nullptr);

    // Reads every material of `store` again, judged on its trusted day; false with the error.
    bool reload(Store *store, QString *error);
    const MaterialItem *item(int row) const;
    int rowOf(const QString &materialId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusLabel(const MaterialItem &m); // the status, or why it may not be presented today

private:
    QList<MaterialItem> m_items;
    QHash<QString, QPixmap> m_thumbnails; // material id → scaled thumbnail
};

} // namespace rounds
